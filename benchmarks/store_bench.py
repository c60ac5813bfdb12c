"""The cost of storing one more article (with its meetings and quotes) into a store of a size."""

from __future__ import annotations

import time

from benchmarks.report import p50, p95
from benchmarks.synthetic import World
from storage import Store

FIRST_NUMBER = 10_000_000  # far past any generated article: new ids, new hashes


def run(store: Store, world: World, reps: int = 30) -> dict[str, float]:
    """`Store.save_article` timed one article at a time, as the ingest calls it (each
    rewrites its record shard and its body shard, fsynced)."""
    times = []
    for number in range(FIRST_NUMBER, FIRST_NUMBER + reps):
        article, body, meetings, quotes = world.article(number)
        started = time.perf_counter()
        store.save_article(article, body, meetings, quotes)
        times.append(time.perf_counter() - started)
    return {"p50": p50(times), "p95": p95(times), "max": max(times), "n": len(times)}
