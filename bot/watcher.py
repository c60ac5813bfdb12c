"""Watch the drop folder and hand over each file once it is complete.

A watcher alone is not enough: it misses files dropped while the bot was down, and network
mounts lose events. So: a full scan at start, file events while running, and a periodic
re-scan. A file is ready only when its size and mtime are unchanged across two checks
(watchfiles reported a slowly copied file when 12% of it was written). An empty file is
ready only once it has stayed empty for EMPTY_SECONDS.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import watchfiles

from diplowatch.drop_folder import Survey, survey
from diplowatch.reading import is_candidate

log = logging.getLogger(__name__)
# A file being created is empty for a moment; one still empty after this long is handed over
# (and quarantined as empty) rather than ignored forever without a word.
EMPTY_SECONDS = 30.0


def _signature(path: Path) -> tuple[int, float] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime


class DropWatcher:
    """Yields paths of complete files; `is_known` lets it skip files already handled."""

    def __init__(
        self,
        folder: Path,
        *,
        settle_seconds: float = 1.0,
        rescan_seconds: float = 60.0,
        force_polling: bool = False,
        is_known: Callable[[Path], bool] = lambda path: False,
        on_skipped: Callable[[list[tuple[str, str]]], None] = lambda skipped: None,
    ) -> None:
        # Absolute, as file events name files: a relative DROP_DIR (the default, `seeds`) would
        # otherwise match no event, and the watcher would live on the re-scan alone.
        self.folder = Path(folder).absolute()
        self.settle_seconds = settle_seconds
        self.rescan_seconds = rescan_seconds
        self.force_polling = force_polling
        self.is_known = is_known
        self.on_skipped = on_skipped  # told, after each scan, the files not read (relative path, reason)
        self._queue: asyncio.Queue[Path] = asyncio.Queue()
        self._pending: dict[Path, tuple[int, float] | None] = {}
        self._stop = asyncio.Event()
        self._tasks: list[asyncio.Task] = []
        self._first_scan: asyncio.Future[list[Path]] | None = None

    def offer(self, path: Path) -> None:
        try:
            relative = path.relative_to(self.folder)
        except ValueError:  # not below the folder as named: the periodic re-scan finds what is
            return
        if is_candidate(relative) and path not in self._pending:
            self._pending[path] = None

    async def _settle_loop(self) -> None:
        while not self._stop.is_set():
            for path, before in list(self._pending.items()):
                now = _signature(path)
                if now is None:
                    del self._pending[path]
                elif before == now and (now[0] > 0 or time.time() - now[1] > EMPTY_SECONDS):
                    del self._pending[path]
                    self._queue.put_nowait(path)
                else:
                    self._pending[path] = now
            await asyncio.sleep(self.settle_seconds / 2 if self.settle_seconds else 0.05)

    def _scan(self) -> tuple[Survey, list[Path]]:
        """The folder, and its files not handled yet (off the loop: a folder of 50,000 files
        means as many stat calls and look-ups)."""
        found = survey(self.folder)
        return found, [path for path in found.files if not self.is_known(path)]

    async def _rescan_loop(self) -> None:
        while not self._stop.is_set():
            found, fresh = await asyncio.to_thread(self._scan)
            self.on_skipped([(str(path.relative_to(self.folder)), reason) for path, reason in found.skipped])
            for path in fresh:
                self.offer(path)
            if not self._first_scan.done():
                self._first_scan.set_result(fresh)
            try:
                await asyncio.wait_for(self._stop.wait(), self.rescan_seconds)
            except TimeoutError:
                pass

    async def _event_loop(self) -> None:
        try:
            async for changes in watchfiles.awatch(
                self.folder, stop_event=self._stop, force_polling=self.force_polling, recursive=True
            ):
                for change, name in changes:
                    if change != watchfiles.Change.deleted:
                        path = Path(name)
                        if path.is_file():
                            self.offer(path)
        except Exception:  # the periodic re-scan still finds new files
            log.exception("file events stopped; relying on the periodic re-scan")

    async def first_scan(self) -> list[Path]:
        """The files the start-up scan found waiting (not known yet): the backlog."""
        return list(await asyncio.shield(self._first_scan))

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self._first_scan = asyncio.get_running_loop().create_future()
        self._tasks = [
            asyncio.create_task(self._settle_loop(), name="drop-settle"),
            asyncio.create_task(self._rescan_loop(), name="drop-rescan"),
            asyncio.create_task(self._event_loop(), name="drop-events"),
        ]

    async def stop(self) -> None:
        self._stop.set()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def ready_files(self) -> AsyncIterator[Path]:
        while not self._stop.is_set():
            yield await self._queue.get()

    def waiting(self) -> int:
        """Files seen and not handed to the ingest yet: settling, or ready in the queue."""
        return len(self._pending) + self._queue.qsize()

    def drain(self) -> list[Path]:
        """Everything ready right now (to coalesce a burst into one summary)."""
        items = []
        while not self._queue.empty():
            items.append(self._queue.get_nowait())
        return items
