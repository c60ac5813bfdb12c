"""Helpers shared by the bot tests: records built by hand, and `diplowatch run` as a process.

Records are built here (not extracted) so handler tests need no spaCy model; the e2e tests
start the real bot, which loads its own model.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import signal
import sys
from collections.abc import Iterable
from pathlib import Path

from diplowatch.records import Article, Meeting, Participant, Quote, Source
from storage import Store

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


# -- records -------------------------------------------------------------------------


def person(name: str | None, country: str | None = None, role: str | None = None) -> Participant:
    return Participant(name=name, role=role, country=country)


def meeting(*people: Participant, date: str | None = None, place: str | None = None, status: str = "held", kind: str = "meeting") -> Meeting:
    return Meeting(participants=tuple(people), date=date, place=place, status=status, kind=kind)


def quote(speaker: str | None, text: str, *, country: str | None = None, kind: str = "direct") -> Quote:
    return Quote(speaker=speaker, text=text, kind=kind, speaker_country=country)


def add_article(
    store: Store,
    title: str,
    text: str,
    *,
    published: str | None,
    meetings: Iterable[Meeting] = (),
    quotes: Iterable[Quote] = (),
    countries: Iterable[str] = (),
    people: Iterable[str] = (),
    language: str = "fr",
    hash: str | None = None,
) -> Article:
    """Store an article as the ingest would, with a hash of our choosing when ids matter."""
    digest = hash or hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()
    article = Article(
        id=store.new_id(digest),
        hash=digest,
        title=title,
        published=published,
        language=language,
        sources=(Source(path=f"/drop/{title[:20].replace(' ', '_')}.txt", size=len(text), mtime=1.0, encoding="utf-8"),),
        ingested_at="2024-06-01T00:00:00+00:00",
        countries=tuple(countries),
        people=tuple(people),
        words=len(text.split()),
    )
    return store.save_article(article, text, tuple(meetings), tuple(quotes))


# -- the bot as a separate process ------------------------------------------------------


def _as_from_a_terminal() -> None:
    """In the child before exec: Ctrl-C and SIGTERM as a shell leaves them. An ignored or blocked
    signal is inherited through exec, and something in a long test session (a library's helper
    process, a worker pool) can leave SIGINT so in the test process: the bot would then never see
    the Ctrl-C a test sends."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})


class BotProcess:
    """`python -m diplowatch run` in its own process; stderr is kept to be shown on failure."""

    def __init__(self, env: dict[str, str], cwd: Path) -> None:
        self.env = {**os.environ, **env, "PYTHONUNBUFFERED": "1"}
        self.cwd = cwd
        self.proc: asyncio.subprocess.Process | None = None
        self.stderr = bytearray()
        self._reader: asyncio.Task | None = None
        self.signals_sent: list[signal.Signals] = []

    async def start(self) -> BotProcess:
        # cwd is a tmp folder so the developer's .env is not read; the code comes from the
        # editable install.
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "diplowatch", "run",
            cwd=self.cwd, env=self.env, preexec_fn=_as_from_a_terminal,
            stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        )  # fmt: skip
        self._reader = asyncio.create_task(self._read())
        return self

    async def _read(self) -> None:
        assert self.proc and self.proc.stdout  # stderr is merged into it
        while chunk := await self.proc.stdout.read(65536):
            self.stderr.extend(chunk)

    @property
    def log(self) -> str:
        return self.stderr.decode(errors="replace")

    def tail(self, lines: int = 60) -> str:
        return "\n".join(self.log.splitlines()[-lines:])

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.returncode is None

    async def stop(self, sig: signal.Signals = signal.SIGINT, timeout: float = 10.0) -> int | None:
        """Send `sig` (SIGINT is Ctrl-C, SIGTERM what systemd and Docker send); escalate to
        SIGTERM then SIGKILL only if the bot is still running after `timeout`. Every signal
        sent is kept in `signals_sent`."""
        if self.proc is None:
            return None
        for next_sig in dict.fromkeys((sig, signal.SIGTERM, signal.SIGKILL)):
            if self.proc.returncode is not None:
                break
            with contextlib.suppress(ProcessLookupError):
                self.proc.send_signal(next_sig)
                self.signals_sent.append(next_sig)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.proc.wait(), timeout)
        if self._reader is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._reader, 5)
        return self.proc.returncode


def embed_text(message: dict) -> str:
    """Everything a person reads in a message: content, titles, descriptions, fields, footers."""
    parts = [message.get("content") or ""]
    for embed in message.get("embeds") or []:
        parts += [embed.get("title") or "", embed.get("description") or ""]
        for field in embed.get("fields") or []:
            parts += [field.get("name", ""), field.get("value", "")]
        parts.append((embed.get("footer") or {}).get("text", ""))
    return "\n".join(p for p in parts if p)


class Keyboard:
    """A console's stdin typed by a test: lines put in `lines` are read one at a time (the
    console reads on a thread, so each read waits on the test's loop; `timeout` None waits as
    long as the test does)."""

    def __init__(self, timeout: float | None = None) -> None:
        self.lines: asyncio.Queue[str] = asyncio.Queue()
        self.loop = asyncio.get_running_loop()
        self.timeout = timeout

    def readline(self) -> str:
        return asyncio.run_coroutine_threadsafe(self.lines.get(), self.loop).result(self.timeout)

    def isatty(self) -> bool:
        return True
