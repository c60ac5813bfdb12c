"""Console mode: the bot without Discord. It ingests the drop folder, prints alerts, and
answers commands typed in the slash form (`/meetings kazakhstan with:china`)."""

from __future__ import annotations

import asyncio
import logging
import re
import shlex
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

from bot.render_text import reply_to_text
from bot.ingest_loop import ingest_loop
from bot.scheduler import digest_job as run_digest_job
from bot.scheduler import post_command_digest, run_due_digest, start_digest_scheduler
from bot.watcher import DropWatcher
from diplowatch.cleaning import clean_text
from diplowatch.config import Settings
from handlers.registry import COMMANDS, failed
from handlers.replies import Reply, error, parts
from handlers.spec import Command
from handlers.service import Service

PROMPT = "diplowatch> "
DeliverDigest = Callable[[list[Reply]], Awaitable[None]]


def _command_of(words: list[str]) -> tuple[Command | None, list[str]]:
    """The command named by the first word, or by the first two ("watch add")."""
    if len(words) > 1 and f"{words[0]} {words[1]}".lower() in COMMANDS:
        return COMMANDS[f"{words[0]} {words[1]}".lower()], words[2:]
    return COMMANDS.get(words[0].lower()), words[1:]


def parse_command(line: str) -> tuple[str, dict[str, str]] | str:
    """'/meetings kazakhstan with:china' -> ('meetings', {...}); an error text otherwise.

    Options are written name:value; loose words go to the first option not given, so names
    need no quotes ("/quotes Wang Yi").
    """
    line = line.strip()
    if not line.startswith("/"):
        return "Commands start with / (type /help)."
    try:
        words = shlex.split(line[1:])
    except ValueError as exc:
        return f"Cannot read that line: {exc}"
    if not words:
        return "Type /help for the commands."
    command, rest = _command_of(words)
    if command is None:
        group = [name for name in COMMANDS if name.startswith(words[0].lower() + " ")]
        if group:
            return f"/{words[0].lower()} needs one of: {', '.join(n.split(' ')[1] for n in group)}."
        return f"Unknown command /{words[0].lower()}. Type /help for the list."
    params = {p.name: p for p in command.params}
    args: dict[str, str] = {}
    positional: list[str] = []
    for word in rest:
        key, sep, value = word.partition(":")
        if sep and OPTION.fullmatch(key) and not value.startswith("//"):
            param = params.get(key.lower())
            if param is None:
                return f"/{command.name} has no option {key}. Type /help."
            if param.arg in args:
                return f"/{command.name}: {key} is given twice."
            args[param.arg] = value
        else:
            positional.append(word)
    free = [p for p in command.params if p.arg not in args]
    if positional:
        if not free:
            return f"/{command.name} takes no more arguments."
        if free[0].choices and len(free) > 1 and len(positional) > 1 and positional[0].lower() in free[0].choices:
            # "/export meetings kazakhstan": a word among the choices, then the rest.
            args[free[0].arg] = positional.pop(0).lower()
            free = free[1:]
        args[free[0].arg] = " ".join(positional)
    missing = [p.name for p in command.params if p.required and p.arg not in args]
    if missing:
        return f"/{command.name} needs {', '.join(missing)}. Type /help."
    return command.name, args


OPTION = re.compile(r"[A-Za-z_]+")  # "since:2024" is an option; "10:30" or "https://…" is not


async def answer_line(service: Service, line: str, post_digest: DeliverDigest | None = None) -> str:
    parsed = parse_command(line)
    if isinstance(parsed, str):
        return reply_to_text(error(parsed))
    name, args = parsed
    reply = await service.command(name, args, is_admin=True)
    if reply.digest_post is not None and post_digest is not None:
        await post_command_digest(service, reply, post_digest)
    text = "\n\n".join(reply_to_text(part) for part in parts(reply))
    saved = save_attachments(Path(service.settings.data_dir) / "exports", parts(reply))
    return text + "".join(f"\nsaved to {path}" for path in saved)


def save_attachments(folder: Path, replies: list[Reply]) -> list[Path]:
    """A terminal shows no files: the /export file or the /graph picture is written in the
    data folder's exports/ instead (replacing one of the same name)."""
    saved = []
    for reply in replies:
        for attachment in reply.attachments:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / Path(attachment.filename).name
            path.write_bytes(attachment.data)
            saved.append(path)
    return saved


async def run_console(
    settings: Settings,
    *,
    stdin=None,
    emit: Callable[[str], None] = print,
    stay_after_eof: bool | None = None,
    service: Service | None = None,
) -> None:
    """The bot without Discord: ingest the drop folder, keep watching it, print alerts and
    digests, and answer the commands typed on stdin until /quit, Ctrl-D or a signal."""
    stdin = stdin or sys.stdin
    raw_emit = emit

    def emit(text: str) -> None:  # file names and reasons too: nothing a terminal would act on
        raw_emit(clean_text(text))

    if stay_after_eof is None:
        stay_after_eof = not stdin.isatty()
    service = service or Service(settings)
    await service.start()
    watcher = DropWatcher(
        settings.drop_dir,
        settle_seconds=settings.settle_seconds,
        rescan_seconds=settings.rescan_seconds,
        force_polling=settings.watch_poll,
        is_known=service.is_known,
        on_skipped=service.note_skipped,
    )
    watcher.start()

    async def deliver(channel, reply) -> None:
        emit(reply_to_text(reply, limit=10))

    async def deliver_digest(replies: list[Reply]) -> None:
        emit("\n\n".join(reply_to_text(reply) for reply in replies))

    try:
        await run_due_digest(service, deliver_digest)
    except Exception:  # a digest that fails to print must not stop the console
        logging.getLogger(__name__).exception("the missed digest could not be shown")
    scheduler = start_digest_scheduler(
        settings,
        lambda: run_digest_job(service, deliver_digest),
        on_next=lambda at: setattr(service, "next_digest", at),
    )

    def report(result) -> None:
        if result.outcome == "quarantined":
            emit(f"! quarantined {Path(result.path).name}: {result.reason}")
        elif result.outcome == "failed":
            emit(f"! could not store {Path(result.path).name} ({result.reason}); it will be tried again")

    ingest = asyncio.create_task(ingest_loop(service, watcher, deliver, on_result=report))
    emit(f"Watching {settings.drop_dir}/ — type /help for commands, /quit or Ctrl-D to leave.")
    try:
        while True:
            if stdin is sys.stdin and stdin.isatty():
                print(PROMPT, end="", flush=True)
            line = await asyncio.to_thread(stdin.readline)
            if not line:
                if stay_after_eof:
                    await asyncio.Event().wait()  # no keyboard (a service): watch until stopped
                break
            line = line.strip()
            if line in {"/quit", "/exit"}:
                break
            if line:
                try:
                    emit(await answer_line(service, line, deliver_digest))
                except Exception:  # a failing command must not end the console (nor its watcher)
                    logging.getLogger(__name__).exception("command failed: %s", line)
                    emit(reply_to_text(failed(settings.locale)))
    finally:
        scheduler.shutdown(wait=False)
        await watcher.stop()
        ingest.cancel()
        await asyncio.gather(ingest, return_exceptions=True)
        await service.close()
