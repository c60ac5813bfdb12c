"""A burst of files keeps one worker pool for all its chunks (issue 11, item 11).

The bot ingests a burst in chunks of MAX_BATCH files; the worker pool (a model load per
worker, 4-12 s) used to be started again for every chunk. Here the pool is a stand-in that
extracts with the session's model in this process and counts its starts and stops, with
small POOL_FROM and chunk sizes so that a burst of 10 files is three chunks. The real pool
is exercised by tests/handlers/test_ingest.py and the survival tests.
"""

from __future__ import annotations

import pytest

import bot.ingest_loop
import handlers.ingest
import handlers.service
from bot.ingest_loop import ingest_loop
from diplowatch.config import load_settings
from handlers.extraction_pool import ExtractionPool
from handlers.ingest import ingest_all
from handlers.service import Service
from storage import Store
from tests.survival_helpers import check_store, write_corpus

FILES, CHUNK, POOL_FROM = 10, 4, 4  # chunks of 4, 4 and 2 files, each of them pooled


@pytest.fixture
def pools(monkeypatch, extractor):
    """ExtractionPool replaced by an in-process stand-in that records its life."""
    life = {"started": 0, "closed": 0, "extracted": 0, "late": []}
    stores: list[Store] = []

    def start(self, model, workers=None):
        life["started"] += 1
        self.workers = workers or 2

    def extract(self, items, local=None):
        # Files are stored as they are extracted, not at the end of the burst: when a chunk
        # starts, every file of the chunks before it is in the store.
        if stores and stores[0].counts()["articles"] != life["extracted"]:
            life["late"].append((life["extracted"], stores[0].counts()["articles"]))
        for index, (text, published, title) in enumerate(list(items)):
            life["extracted"] += 1
            yield index, extractor.extract(text, published=published, title=title)

    def close(self):
        life["closed"] += 1

    monkeypatch.setattr(ExtractionPool, "__init__", start)
    monkeypatch.setattr(ExtractionPool, "extract", extract)
    monkeypatch.setattr(ExtractionPool, "close", close)
    monkeypatch.setattr(ExtractionPool, "ready", True, raising=False)
    monkeypatch.setattr(handlers.service, "POOL_FROM", POOL_FROM)
    monkeypatch.setattr("handlers.extraction_pool.POOL_FROM", POOL_FROM)
    monkeypatch.setattr(handlers.ingest, "POOL_FROM", POOL_FROM)
    monkeypatch.setattr(bot.ingest_loop, "MAX_BATCH", CHUNK)
    monkeypatch.setattr(handlers.ingest, "CHUNK", CHUNK)
    life["stores"] = stores
    return life


class OneBurst:
    """A drop folder where FILES files became ready at once, then nothing more."""

    def __init__(self, paths):
        self.paths = list(paths)

    async def first_scan(self):
        return []  # nothing was waiting at start: the burst is news

    async def ready_files(self):
        yield self.paths.pop(0)

    def drain(self):
        rest, self.paths = self.paths, []
        return rest

    def waiting(self):
        return len(self.paths)


async def test_a_burst_in_chunks_starts_one_pool_and_closes_it_when_the_burst_ends(tmp_path, extractor, pools):
    paths = write_corpus(tmp_path / "drop", FILES)
    settings = load_settings(drop_dir=tmp_path / "drop", data_dir=tmp_path / "data", alert_channel_id=4242)
    service = Service(settings, extractor=extractor)
    await service.start()
    await service.wait_ready()
    await service.mark_first_scan_done()
    pools["stores"].append(service.store)
    delivered = []

    async def deliver(channel, reply):
        delivered.append((pools["closed"], reply.title))

    try:
        await ingest_loop(service, OneBurst(paths), deliver)
    finally:
        await service.close()
    # Three chunks, one pool: started when the burst began, closed when it ended, before
    # its summary was announced.
    assert (pools["started"], pools["closed"]) == (1, 1)
    assert pools["extracted"] == FILES  # every chunk went through it, the last small one too
    assert pools["late"] == []
    assert delivered == [(1, f"{FILES} new articles")]
    counts = check_store(settings.db_dir)
    assert counts["articles"] == counts["sources"] == FILES


async def test_a_bot_stopped_mid_burst_closes_the_pool(tmp_path, extractor, pools):
    paths = write_corpus(tmp_path / "drop", FILES)
    settings = load_settings(drop_dir=tmp_path / "drop", data_dir=tmp_path / "data")
    service = Service(settings, extractor=extractor)
    await service.start()
    await service.wait_ready()
    async with service.burst():
        results = await service.ingest(paths[:CHUNK], burst_size=FILES)
        assert [r.outcome for r in results] == ["ingested"] * CHUNK
        assert (pools["started"], pools["closed"]) == (1, 0)  # kept for the next chunk
        await service.close()  # the bot stops before the burst is over
        assert pools["closed"] == 1
    assert pools["closed"] == 1


async def test_a_small_burst_needs_no_pool(tmp_path, extractor, pools):
    paths = write_corpus(tmp_path / "drop", POOL_FROM - 1)
    settings = load_settings(drop_dir=tmp_path / "drop", data_dir=tmp_path / "data")
    service = Service(settings, extractor=extractor)
    await service.start()
    await service.wait_ready()
    try:
        await ingest_loop(service, OneBurst(paths), lambda channel, reply: _nothing())
    finally:
        await service.close()
    assert pools["started"] == 0
    assert check_store(settings.db_dir)["articles"] == len(paths)


async def _nothing() -> None:
    return None


def test_a_command_line_run_keeps_one_pool_for_all_its_rounds(tmp_path, extractor, pools):
    paths = write_corpus(tmp_path / "drop", FILES)
    with Store(tmp_path / "db") as store:
        pools["stores"].append(store)
        counts = ingest_all(store, extractor, paths, model=extractor.model, max_bytes=1_000_000)
    assert counts["ingested"] == FILES
    assert (pools["started"], pools["closed"]) == (1, 1)
    assert pools["extracted"] == FILES  # the last round of 2 files too
    assert pools["late"] == []
