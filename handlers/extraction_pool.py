"""Extraction on every core, for a burst of files.

spaCy and our rules are pure Python work under one GIL, so threads do not help; worker
processes each load their own model (a few seconds of CPU), which pays off from a few
dozen articles on. Small batches stay in the calling process with its already loaded model.

In a burst the calling process is one of the hands: it has a model loaded already, so a
burst on N cores takes N - 1 workers and the caller extracts too (from the back of the
list, the workers from the front), storing every result as it comes. On 2 cores that is
one model load per burst instead of two, and no core idles while a worker loads its model.
`BurstPool` starts the pool once a burst is big enough and keeps it for all its chunks.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

from diplowatch.records import Extraction

log = logging.getLogger(__name__)

POOL_FROM = 100  # files in one burst before worker processes (a model each, 4-12 s to start) pay off on 2 cores
WORKER_BATCH = 16  # texts a worker runs through nlp.pipe at once (as the one-process path does)

_worker_extractor = None

Item = tuple[str, str | None, str | None]  # text, published, title
Result = Extraction | str  # a string is the reason of a failure


def _start_worker(model: str, parent: int) -> None:
    global _worker_extractor
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    from extraction import Extractor

    _worker_extractor = Extractor(model)


def _exit_with_parent(parent: int) -> None:
    # A parent killed with SIGKILL cannot stop its workers: they notice and leave.
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _worker_ready() -> bool:
    return _worker_extractor is not None


def _extract_one(item: Item) -> Extraction | str:
    text, published, title = item
    try:
        return _worker_extractor.extract(text, published=published, title=title)
    except Exception as exc:  # one bad article must not sink the batch: its reason goes back
        return f"extraction failed: {type(exc).__name__}: {exc}"[:300]


def _extract_chunk_in_worker(items: list[Item]) -> list[Extraction | str]:
    """A chunk through the model's batched pipe (nlp.pipe: 15-25% less CPU than text by
    text on short articles); a chunk that fails is done again text by text."""
    if len(items) > 1:
        try:
            return list(_worker_extractor.extract_many([(text, published) for text, published, _ in items],
                                                       batch_size=len(items)))
        except Exception:
            pass
    return [_extract_one(item) for item in items]


def workers_available() -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cores, 4))


class ExtractionPool:
    """Worker processes with a model each; use as a context manager around a burst."""

    def __init__(self, model: str, workers: int | None = None) -> None:
        self.workers = workers or workers_available()
        # spawn, not fork: the parent holds threads (the event loop's executors) and a model.
        context = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(
            self.workers, mp_context=context, initializer=_start_worker, initargs=(model, os.getpid())
        )
        # One small task per worker: the processes start, and load their models, now.
        self._warm = [self._pool.submit(_worker_ready) for _ in range(self.workers)]

    @property
    def ready(self) -> bool:
        """Whether every worker has loaded its model."""
        return all(f.done() for f in self._warm)

    def extract(self, items: Iterable[Item], local: Callable[[list[Item]], list[Result]] | None = None,
                ) -> Iterator[tuple[int, Result]]:
        """(index, extraction) for each (text, published, title) item, as each chunk is done
        (so that each can be stored at once); a string for a failure. With `local`, the
        calling process extracts chunks too, from the back, whenever it has nothing to store."""
        items = list(items)
        hands = self.workers + (local is not None)
        # Chunks big enough for nlp.pipe, small enough that every hand gets several (the
        # last chunks balance the load) and results come back steadily.
        size = max(1, min(WORKER_BATCH, len(items) // (hands * 4)))
        todo = deque((start, items[start : start + size]) for start in range(0, len(items), size))
        running: dict[Future, int] = {}
        while todo or running:
            while todo and len(running) <= self.workers:  # every worker busy, and one chunk queued
                start, chunk = todo.popleft()
                running[self._pool.submit(_extract_chunk_in_worker, chunk)] = start
            finished = [future for future in running if future.done()]
            for future in finished:
                yield from enumerate(future.result(), running.pop(future))
            if finished:
                continue
            if local is not None and todo:
                start, chunk = todo.pop()
                yield from enumerate(local(chunk), start)
            elif running:
                wait(running, return_when=FIRST_COMPLETED)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class BurstPool:
    """The worker pool of one burst: started once the burst holds `pool_from` files, then
    kept for every chunk of it (a restart costs a model load per worker), and closed when
    the burst ends. A pool that failed is not started again in the same burst."""

    def __init__(self, model: str, *, pool_from: int | None = None, workers: int | None = None) -> None:
        self.model = model
        self.pool_from = POOL_FROM if pool_from is None else pool_from
        # The calling process extracts too: one worker fewer than the cores.
        self.workers = workers or max(1, workers_available() - 1)
        self.pool: ExtractionPool | None = None
        self.failed = False

    def for_chunk(self, burst_size: int) -> ExtractionPool | None:
        """The pool to extract the next chunk with (started now if the burst is big enough), or None."""
        if self.pool is None and not self.failed and burst_size >= self.pool_from:
            self.pool = ExtractionPool(self.model, workers=self.workers)
        return self.pool

    def drop(self) -> None:
        """The pool failed (a worker died): close it, and extract in this process from now on."""
        log.warning("the extraction pool failed; this burst goes on in one process")
        self.failed = True
        self.close()

    def close(self) -> None:
        pool, self.pool = self.pool, None
        if pool is not None:
            pool.close()

    def __enter__(self) -> BurstPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
