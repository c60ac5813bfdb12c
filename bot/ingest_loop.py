"""Files that became ready in the drop folder → ingest → alerts, for any transport.

A burst is gathered for a moment and ingested together, so that a hundred files dropped
at once become one card per channel (files that keep arriving within the alert window join
that card: see handlers/alert_bursts.py; nothing waits for the window, so nothing is held). What the very first start finds in an existing
folder is a backlog: one summary, not an alert per file; what is dropped after the start is
news, even into a folder that was empty.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

from bot.watcher import DropWatcher
from handlers.ingest import IngestResult
from handlers.replies import Reply
from handlers.service import Service

log = logging.getLogger(__name__)

Deliver = Callable[[int | None, Reply], Awaitable[None]]
GATHER_SECONDS = 0.5
MAX_BATCH = 200


async def ingest_loop(
    service: Service,
    watcher: DropWatcher,
    deliver: Deliver,
    *,
    on_result: Callable[[IngestResult], None] = lambda result: None,
) -> None:
    """Read what the watcher hands over, burst by burst, until cancelled: each burst is
    stored chunk by chunk, then announced once (the first start's backlog as one summary);
    answers meanwhile say how many files are still to read."""
    # The backlog is what the very first start finds waiting in the folder: one summary for
    # it, and an alert as usual for anything dropped after the start, even in the same burst.
    backlog: set[Path] = set()
    service.waiting = watcher.waiting  # answers count the files still settling or queued
    marked = not await service.first_run()
    if not marked:
        backlog = set(await watcher.first_scan())
        if not backlog:  # an empty folder: nothing to sum up
            await service.mark_first_scan_done()
            marked = True
    async for path in watcher.ready_files():
        service.pending = 1  # the file in hand, until the burst it starts is counted
        await asyncio.sleep(GATHER_SECONDS)
        pending = [path, *watcher.drain()]
        service.pending = len(pending)  # entering the burst may wait for the model
        done: list[tuple[Path, IngestResult]] = []
        # A burst is ingested in chunks (stored as it goes) but announced once, as a whole;
        # files that became ready meanwhile join it. Its worker pool, if it needs one, is
        # started once and kept until the burst ends.
        async with service.burst():
            while pending:
                chunk, pending = pending[:MAX_BATCH], pending[MAX_BATCH:]
                service.pending = len(chunk) + len(pending)  # answers say how many files are still to read
                try:
                    results = await service.ingest(chunk, burst_size=len(chunk) + len(pending))
                except Exception:  # keep watching: the next re-scan offers the files again
                    log.exception("ingest of %d file(s) failed", len(chunk))
                    results = []
                for result in results:
                    on_result(result)
                done.extend(zip(chunk, results))
                pending.extend(watcher.drain())
            service.pending = 0
        old = [result for path, result in done if path in backlog]
        new = [result for path, result in done if path not in backlog]
        replies = (await service.alerts(old, backlog=True) if old else []) + await service.alerts(new)
        for channel, reply in replies:
            try:
                await deliver(channel, reply)
            except Exception:
                log.exception("could not deliver an alert to channel %s", channel)
        if old and not marked:
            await service.mark_first_scan_done()
            marked = True
        backlog.difference_update(path for path, _ in done)  # a late one still joins the backlog
