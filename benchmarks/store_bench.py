"""The cost of storing one more article (with its meetings and quotes) into a store of a size."""

from __future__ import annotations

import time

from benchmarks.report import p50, p95
from benchmarks.synthetic import World
from storage import Store

FIRST_NUMBER = 10_000_000  # far past any generated article: new ids, new hashes


def run(store: Store, world: World, reps: int = 30) -> dict[str, float]:
    """`Store.save_article` timed one article at a time, as the ingest calls it (each
    rewrites its record shard and its body shard, fsynced), and within it the matching of
    the article's meetings to events (`Store._derive`: people resolved, groups of events
    clustered again). The world's follow-ups report meetings already stored, so most
    articles join known events."""
    times, matching = [], []
    derive = store._derive

    def timed_derive(*args, **kwargs):
        started = time.perf_counter()
        derive(*args, **kwargs)
        matching.append(time.perf_counter() - started)

    store._derive = timed_derive  # an instance attribute: only this store, only here
    try:
        for number in range(FIRST_NUMBER, FIRST_NUMBER + reps):
            article, body, meetings, quotes = world.article(number)
            started = time.perf_counter()
            store.save_article(article, body, meetings, quotes)
            times.append(time.perf_counter() - started)
    finally:
        del store._derive
    return {"p50": p50(times), "p95": p95(times), "max": max(times), "n": len(times),
            "match_p50": p50(matching), "match_p95": p95(matching), "match_max": max(matching)}


def rebuild(store: Store, reps: int = 2) -> dict[str, float]:
    """`Store.rebuild_events`: the people registry and every event, from the stored records
    (what /reingest's incremental updates amount to, and what the store does at start)."""
    times = []
    for _ in range(reps):
        started = time.perf_counter()
        store.rebuild_events()
        times.append(time.perf_counter() - started)
    counts = store.counts()
    return {"best": min(times), "all": times, "events": counts["events"], "meetings": counts["meetings"],
            "people": counts["people"]}
