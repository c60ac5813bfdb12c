"""Extraction on every core, for a burst of files.

spaCy and our rules are pure Python work under one GIL, so threads do not help; worker
processes each load their own model (a few seconds), which pays off from a few dozen
articles on. Small batches stay in the calling process with its already loaded model.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from diplowatch.records import Extraction

POOL_FROM = 100  # files in one batch before worker processes (a model each, 4-12 s to start) pay off on 2 cores

_worker_extractor = None


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


def _extract_in_worker(item: tuple[str, str | None, str | None]) -> Extraction | str:
    text, published, title = item
    try:
        return _worker_extractor.extract(text, published=published, title=title)
    except Exception as exc:  # one bad article must not sink the batch: its reason goes back
        return f"extraction failed: {type(exc).__name__}: {exc}"[:300]


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

    def extract(self, items: Iterable[tuple[str, str | None, str | None]]) -> Iterator[Extraction | str]:
        """Extractions of (text, published, title) items, in order, as they are done (so
        that each can be stored at once); a string for a failure."""
        items = list(items)
        chunk = max(1, min(8, len(items) // (self.workers * 8)))
        return self._pool.map(_extract_in_worker, items, chunksize=chunk)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
