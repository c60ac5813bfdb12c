"""Alert latency: a file lands in the drop folder, the alert reaches the Discord API stand-in.

The real bot (`bot.discord_app.DiplowatchBot`) runs in this process against the stand-in
(`tests.discord_standin`), on a copy of the store of the size measured. After the first-run
backlog (one file, one summary) and once the /search index is built, files are dropped one
at a time (written under a hidden name, then renamed, as a copy tool would) and each waits
for its alert. The extraction time of the same files is measured apart with an Extractor,
so latency minus extraction is what the watcher, the batching, storage and sending add.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import time
from pathlib import Path

from benchmarks.corpus import Corpus
from benchmarks.report import p50, p95
from diplowatch.reading import read_document


async def _run_bot(store_src: Path, work: Path, files: list[tuple[str, str]], backlog: tuple[str, str],
                   settle: float) -> tuple[list[float], dict[str, float]]:
    """The real bot in-process against the Discord stand-in, timing each alert from file to message."""
    from bot.discord_app import DiplowatchBot, point_at
    from diplowatch.config import load_settings
    from tests.discord_standin import DiscordStandIn, World

    data, drop = work / "data", work / "drop"
    shutil.rmtree(work, ignore_errors=True)
    drop.mkdir(parents=True)
    shutil.copytree(store_src, data / "db")
    (drop / backlog[0]).write_text(backlog[1], encoding="utf-8")
    world = World.default()
    channel = world.channel("diplo-news").id
    latencies: list[float] = []
    phases: dict[str, float] = {}
    async with DiscordStandIn(world) as api:
        settings = load_settings(
            _env_file=None, discord_token=world.token, discord_guild_id=world.guild_id, alert_channel_id=channel,
            drop_dir=drop, data_dir=data, settle_seconds=settle, discord_api_base=api.base_url,
            discord_gateway_url=api.gateway_url,
            # each file its own alert message: within the alert window a file joins the last one's card
            # (an edit, not a message), and this measures the time to a file's own alert
            alert_window_seconds=0,
        )
        point_at(settings)
        bot = DiplowatchBot(settings)
        started = time.monotonic()
        task = asyncio.create_task(bot.start(settings.token), name="bench-bot")
        try:
            await api.wait_until_identified(timeout=180)
            phases["connected"] = time.monotonic() - started
            await api.wait_for_messages(channel, 1, timeout=300)  # the backlog summary
            phases["backlog"] = time.monotonic() - started
            while not (bot.service.store and bot.service.store.text_index_ready):
                await asyncio.sleep(0.1)
            phases["text_index"] = time.monotonic() - started
            await asyncio.sleep(1.0)
            for name, text in files:
                before = len(await api.wait_for_messages(channel, 0, timeout=1))
                hidden = drop / f".{name}"
                hidden.write_text(text, encoding="utf-8")
                dropped = time.monotonic()
                os.replace(hidden, drop / name)
                await api.wait_for_messages(channel, before + 1, timeout=60)
                latencies.append(time.monotonic() - dropped)
                await asyncio.sleep(0.3)  # the sender's pacing between messages, so drops do not queue
        finally:
            await bot.close()
            await asyncio.gather(task, return_exceptions=True)
    shutil.rmtree(work, ignore_errors=True)
    return latencies, phases


def run(extractor, store_src: Path, work: Path, count: int = 20, settle: float = 0.2, seed: int = 11) -> dict:
    logging.getLogger("discord").setLevel(logging.ERROR)
    corpus = Corpus(seed)
    backlog = corpus.article(9000)
    files = [corpus.article(9001 + i) for i in range(count)]
    latencies, phases = asyncio.run(_run_bot(store_src, work, files, backlog, settle))
    # The extraction of the same texts, apart (warm model, same process).
    extraction = []
    probe = work.parent / "alert-probe"
    probe.mkdir(parents=True, exist_ok=True)
    for name, text in files:
        path = probe / name
        path.write_text(text, encoding="utf-8")
        document = read_document(path)
        started = time.perf_counter()
        extractor.extract(document.text, published=document.published, title=document.title)
        extraction.append(time.perf_counter() - started)
    shutil.rmtree(probe, ignore_errors=True)
    beyond = [lat - ext for lat, ext in zip(latencies, extraction)]
    return {
        "n": len(latencies),
        "latency_p50": p50(latencies), "latency_p95": p95(latencies), "latency_max": max(latencies),
        "extract_p50": p50(extraction), "extract_p95": p95(extraction),
        "beyond_p50": p50(beyond), "beyond_p95": p95(beyond),
        **{f"phase_{k}": v for k, v in phases.items()},
    }
