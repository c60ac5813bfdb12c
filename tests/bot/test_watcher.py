"""Files dropped in the folder are handed over once each, and only when complete."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from bot.watcher import DropWatcher
from diplowatch.drop_folder import scan

pytestmark = pytest.mark.timeout(30)


async def collect(watcher: DropWatcher, count: int, timeout: float = 10.0) -> list:
    got = []

    async def take():
        async for path in watcher.ready_files():
            got.append(path)
            if len(got) == count:
                return

    await asyncio.wait_for(take(), timeout)
    return got


async def test_files_dropped_while_stopped_are_caught_up_at_start(tmp_path):
    (tmp_path / "old.txt").write_text("un article")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "older.md").write_text("un autre")
    (tmp_path / ".hidden.txt").write_text("caché")
    (tmp_path / "known.txt").write_text("déjà lu")
    watcher = DropWatcher(tmp_path, settle_seconds=0.1, is_known=lambda p: p.name == "known.txt")
    watcher.start()
    try:
        got = await collect(watcher, 2)
        await asyncio.sleep(0.5)
        got += watcher.drain()
    finally:
        await watcher.stop()
    assert sorted(p.name for p in got) == ["old.txt", "older.md"]


async def test_a_file_still_being_copied_waits_until_complete(tmp_path):
    watcher = DropWatcher(tmp_path, settle_seconds=0.4, rescan_seconds=0.2)
    watcher.start()
    target = tmp_path / "slow.txt"
    try:
        with open(target, "w") as handle:
            for i in range(8):
                handle.write(f"paragraphe {i} " * 200)
                handle.flush()
                os.fsync(handle.fileno())
                await asyncio.sleep(0.15)
        final_size = target.stat().st_size
        (path,) = await collect(watcher, 1)
        assert path == target and path.stat().st_size == final_size
    finally:
        await watcher.stop()


async def test_new_file_while_running_is_seen(tmp_path):
    watcher = DropWatcher(tmp_path, settle_seconds=0.1, rescan_seconds=30)
    watcher.start()
    try:
        await asyncio.sleep(0.3)
        (tmp_path / "fresh.html").write_text("<p>nouvel article</p>")
        (tmp_path / "fresh.html.part").write_text("incomplet")
        (path,) = await collect(watcher, 1)
        assert path.name == "fresh.html"
    finally:
        await watcher.stop()


def test_scan_survives_a_symlink_loop(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "a" / "x.txt").write_text("texte")
    assert [p.name for p in scan(tmp_path)] == ["x.txt"]


async def test_new_file_is_seen_when_the_folder_is_given_as_a_relative_path(tmp_path, monkeypatch):
    """DROP_DIR defaults to `seeds`, a relative path, and file events name files by absolute
    path: the watcher compared the two, failed, and lived on the periodic re-scan alone."""
    (tmp_path / "drop").mkdir()
    monkeypatch.chdir(tmp_path)
    watcher = DropWatcher(Path("drop"), settle_seconds=0.1, rescan_seconds=3600)
    watcher.start()
    try:
        await asyncio.sleep(0.5)  # the start-up scan is done; only file events can tell now
        (tmp_path / "drop" / "fresh.txt").write_text("nouvel article")
        (path,) = await collect(watcher, 1)
        assert path.name == "fresh.txt"
    finally:
        await watcher.stop()


async def test_answers_count_the_files_still_settling_or_queued(tmp_path):
    """Right after a start the folder's files settle, then queue while the model loads: an
    answer given then says how many are waiting, not a bare "No meeting found."."""
    from diplowatch.config import Settings
    from handlers.service import Service

    for i in range(3):
        (tmp_path / f"article-{i}.txt").write_text("un article")
    watcher = DropWatcher(tmp_path, settle_seconds=0.1)
    service = Service(Settings(data_dir=str(tmp_path / "data"), drop_dir=str(tmp_path), discord_token=""))
    assert service.context().pending == 0
    service.waiting = watcher.waiting
    watcher.start()
    try:
        await watcher.first_scan()
        assert service.context().pending == 3  # seen, settling
        await asyncio.sleep(0.5)
        assert watcher._queue.qsize() == 3 and service.context().pending == 3  # ready, not taken yet
        assert len(watcher.drain()) == 3 and service.context().pending == 0
    finally:
        await watcher.stop()
