"""The running application, transport-neutral: store, extraction and the events they answer.

TinyDB and spaCy never run on the event loop. Writes and extraction go through one worker
thread (one owner for the database), queries through another so that commands are answered
while a long ingest runs; the store's lock keeps them from meeting mid-write. The language
model loads in the background so that queries are answered at once after start.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from collections.abc import Callable
from typing import Any

from diplowatch.config import Settings
from diplowatch.drop_folder import source_name
from handlers import alerts
from handlers import registry
from handlers.alert_bursts import AlertWindows
from handlers.commands import export
from handlers.extraction_pool import POOL_FROM, BurstPool
from handlers.ingest import IngestResult, ingest_chunk, ingest_file
from handlers.replies import Reply
from handlers.spec import Context, Progress, Schedule
from handlers.subjects import complete
from handlers.words import speaking
from storage import Store

log = logging.getLogger(__name__)


def warm_up(store: Store) -> None:
    """The store's events and people made ready for their first reading, and the commands'
    own tables (the fixed cells of every event's /export row), in the background after start."""
    store.warm_up(readers=(functools.partial(export.warm, store),))


class Service:
    def __init__(self, settings: Settings, *, extractor: Any = None) -> None:
        self.settings = settings
        self.store: Store | None = None
        self._extractor = extractor
        self._writer = ThreadPoolExecutor(1, thread_name_prefix="diplowatch-writer")
        self._reader = ThreadPoolExecutor(1, thread_name_prefix="diplowatch-reader")
        self._indexer = ThreadPoolExecutor(1, thread_name_prefix="diplowatch-indexer")
        self._text_index: asyncio.Future | None = None
        self._model_ready: asyncio.Future | None = None
        self._burst: BurstPool | None = None  # the worker pool of the burst under way, if any
        self.next_digest: datetime | None = None  # told by the scheduler
        self.alert_windows = AlertWindows(settings.alert_window_seconds)  # the bursts' open cards
        self.pending = 0  # files found in the drop folder and not read yet (told by the ingest loop)
        # Files the watcher has seen but not handed over yet (still settling, or queued while the
        # model loads): without them the first answers after a start said "No meeting found."
        # for seconds with a full folder waiting.
        self.waiting: Callable[[], int] = lambda: 0
        # Files of the drop folder that are not read (relative path, reason), from the latest scan.
        self.skipped: tuple[tuple[str, str], ...] = ()

    # -- life cycle --------------------------------------------------------------

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        self.store = await loop.run_in_executor(self._writer, Store, self.settings.db_dir)
        self._model_ready = loop.run_in_executor(self._writer, self._load_extractor)
        # Reads every body: in the background, so commands are answered meanwhile.
        self._text_index = loop.run_in_executor(self._indexer, self._in_background)

    def _in_background(self) -> None:
        """What the start leaves for later: the /search index, then the events and people
        made ready for their first reading."""
        self.store.build_text_index()
        warm_up(self.store)

    def _load_extractor(self):
        if self._extractor is None:
            from extraction import Extractor  # the only import of spaCy, off the loop

            self._extractor = Extractor(self.settings.spacy_model)
        return self._extractor

    @property
    def loading(self) -> bool:
        return self._model_ready is not None and not self._model_ready.done()

    async def wait_ready(self) -> None:
        if self._model_ready is not None:
            await self._model_ready

    async def close(self) -> None:
        loop = asyncio.get_running_loop()
        if self.store is not None:
            self.store.stop_background()
        for pending in (self._model_ready, self._text_index):
            if pending is not None:
                await asyncio.gather(pending, return_exceptions=True)
        await self._end_burst()
        if self.store is not None:
            await loop.run_in_executor(self._writer, self.store.close)
        for executor in (self._writer, self._reader, self._indexer):
            executor.shutdown(wait=True)

    def _speaking(self, func, *args):
        """func(*args) in the LOCALE language: what no user asked for (alerts, the digest)
        is written in it; a command's own locale is set again inside (registry.run)."""
        with speaking(self.settings.locale):
            return func(*args)

    async def on_reader(self, func, *args):
        """func(*args) on the reader thread (a query that must not wait for an ingest)."""
        return await asyncio.get_running_loop().run_in_executor(self._reader, self._speaking, func, *args)

    async def on_writer(self, func, *args):
        """func(*args) on the writer thread, after any write already under way."""
        return await asyncio.get_running_loop().run_in_executor(self._writer, self._speaking, func, *args)

    # -- events ------------------------------------------------------------------

    def is_known(self, path: Path) -> bool:
        try:
            stat = path.stat()
        except OSError:
            return True
        return self.store.known_file(source_name(path, self.settings.drop_dir), stat.st_size, stat.st_mtime)

    def note_skipped(self, skipped: list[tuple[str, str]]) -> None:
        """The watcher's latest list of files it does not read: kept in memory for /status,
        never written (it is the folder's state, not the database's)."""
        self.skipped = tuple(skipped)

    @contextlib.asynccontextmanager
    async def burst(self):
        """Around the chunks of one burst: a worker pool, once a chunk starts it (the burst
        holds POOL_FROM files or more), is kept for the following chunks and closed here."""
        await self._end_burst()
        self._burst = BurstPool(self.settings.spacy_model, pool_from=POOL_FROM)
        try:
            yield
        finally:
            await self._end_burst()

    async def _end_burst(self) -> None:
        burst, self._burst = self._burst, None
        if burst is not None:  # on the writer thread, after the chunk under way
            await asyncio.get_running_loop().run_in_executor(self._writer, burst.close)

    async def ingest(self, paths: list[Path], *, burst_size: int | None = None) -> list[IngestResult]:
        """Ingest files on the writer thread. Inside `burst()`, `burst_size` (this chunk and the
        files still waiting) decides whether the burst's pool starts; outside, a pool serves
        this call only."""
        await self.wait_ready()
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._writer, self._ingest_all, paths, self._burst, burst_size)

    def _ingest_all(self, paths: list[Path], burst: BurstPool | None, burst_size: int | None) -> list[IngestResult]:
        max_bytes, inside = self.settings.max_file_bytes, self.settings.drop_dir
        # What was there before, to tell afterwards what a batch that failed half-way did.
        known_before = [self.is_known(path) for path in paths]
        ids_before = self.store.article_ids()
        once = burst is None
        if once:
            burst = BurstPool(self.settings.spacy_model, pool_from=POOL_FROM)
        try:
            results = ingest_chunk(self.store, self._extractor, paths, burst, burst_size=burst_size,
                                   max_bytes=max_bytes, inside=inside)
        except Exception:  # e.g. the disk is full: fall back to file by file, each with its reason
            log.exception("batch ingest failed; retrying file by file")
            results = []
            for path in paths:
                try:
                    results.append(ingest_file(self.store, self._extractor, path, max_bytes=max_bytes, inside=inside))
                except Exception as exc:  # a storage error on one file must not stop the others
                    log.exception("could not ingest %s", path)
                    results.append(IngestResult("failed", str(path), reason=f"{type(exc).__name__}: {exc}"))
            results = self._done_before_the_failure(results, known_before, ids_before)
        finally:
            if once:
                burst.close()
        if any(r.outcome == "ingested" for r in results):
            try:
                self.store.set_state("last_ingest_at", datetime.now(UTC).isoformat(timespec="seconds"))
            except Exception:  # the disk is still full: the articles are stored, say so all the same
                log.exception("could not record the time of the last ingest")
        return results

    def _done_before_the_failure(
        self, results: list[IngestResult], known_before: list[bool], ids_before: frozenset[str]
    ) -> list[IngestResult]:
        """The file-by-file retry finds the files the failed batch stored or quarantined
        "unchanged"; alerts are made from "ingested" results, so each of these says again what
        happened to it (an article stored by the batch: "ingested", once per article)."""
        announced = {r.article.id for r in results if r.outcome == "ingested" and r.article}
        final = []
        for result, known in zip(results, known_before):
            if result.outcome == "unchanged" and not known:
                article = self.store.article_of_file(result.path)
                quarantined = self.store.quarantined_file(result.path) if article is None else None
                if article is not None and article.id not in ids_before and article.id not in announced:
                    announced.add(article.id)
                    result = IngestResult("ingested", result.path, article=article)
                elif article is not None:
                    result = IngestResult("duplicate", result.path, article=article)
                elif quarantined is not None:
                    result = IngestResult("quarantined", result.path, reason=quarantined.reason)
            final.append(result)
        return final

    async def alerts(self, results: list[IngestResult], *, backlog: bool = False) -> list[tuple[int | None, Reply]]:
        return await self.on_reader(
            lambda: alerts.alerts_for(
                self.store, results, self.settings.alert_channel_id, backlog=backlog,
                windows=self.alert_windows, now=time.monotonic(),
            ),
        )

    async def first_run(self) -> bool:
        """True until the first scan of the folder has been recorded."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._reader, lambda: not self.store.get_state("first_scan_done"))

    async def mark_first_scan_done(self) -> None:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._writer, self.store.set_state, "first_scan_done", True)

    # -- commands ----------------------------------------------------------------

    def context(
        self, *, is_admin: bool = False, channel_id: int | None = None, progress: Progress | None = None,
        locale: str | None = None,
    ) -> Context:
        settings = self.settings
        return Context(
            store=self.store,
            is_admin=is_admin,
            channel_id=channel_id,
            alert_channel_id=settings.alert_channel_id,
            schedule=Schedule(settings.digest_day, settings.digest_time, settings.digest_tz),
            next_digest=self.next_digest,
            loading=self.loading,
            pending=self.pending + self.waiting(),
            extractor=self._extractor if not self.loading else None,
            progress=progress,
            skipped=self.skipped,
            locale=locale or settings.locale,  # the asker's language, else LOCALE's
        )

    async def command(
        self, name: str, args: dict[str, Any], *, is_admin: bool = False, channel_id: int | None = None,
        progress: Progress | None = None, locale: str | None = None,
    ) -> Reply:
        """Answer a command off the loop: queries on the reader thread, long commands (which
        write) on the writer thread once the model is ready; in the asker's `locale` (None:
        the LOCALE setting)."""
        command = registry.COMMANDS.get(name)
        loop = asyncio.get_running_loop()
        if command is not None and command.long:
            refused = self.refusal(name, args, is_admin=is_admin, locale=locale)
            if refused is not None:  # at once, not after the model and the writer are free
                return refused
            await self.wait_ready()
            ctx = self.context(is_admin=is_admin, channel_id=channel_id, progress=progress, locale=locale)
            return await loop.run_in_executor(self._writer, registry.run, name, ctx, args)
        ctx = self.context(is_admin=is_admin, channel_id=channel_id, locale=locale)
        return await loop.run_in_executor(self._reader, registry.run, name, ctx, args)

    def refusal(self, name: str, args: dict[str, Any], *, is_admin: bool = False, locale: str | None = None) -> Reply | None:
        """Why this call would be refused before it starts (cheap: no store access), or None."""
        return registry.refusal(name, self.context(is_admin=is_admin, locale=locale), args)

    async def complete(self, text: str, kind: str = "subject", locale: str | None = None) -> list[tuple[str, str]]:
        """Autocomplete choices, labelled in the asker's `locale`; never an error (Discord
        shows none rather than a failure)."""
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._reader, complete, self.store, text, kind, locale or self.settings.locale)
        except Exception:
            log.exception("autocomplete failed for %r", text)
            return []
