"""Console mode: the story of `make run` without a token."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.console import parse_command, run_console
from diplowatch.config import load_settings
from handlers.service import Service

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.timeout(120)


class Keyboard:
    """Lines typed one at a time, each only once the previous answer has been printed."""

    def __init__(self) -> None:
        self.lines: asyncio.Queue[str] = asyncio.Queue()
        self.loop = asyncio.get_running_loop()

    def readline(self) -> str:
        return asyncio.run_coroutine_threadsafe(self.lines.get(), self.loop).result(60)

    def isatty(self) -> bool:
        return True


async def wait_for(printed: list[str], needle: str, timeout: float = 60) -> str:
    async def poll() -> str:
        while True:
            for text in printed:
                if needle in text:
                    return text
            await asyncio.sleep(0.05)

    return await asyncio.wait_for(poll(), timeout)


async def test_console_ingests_alerts_and_answers(tmp_path, extractor):
    drop = tmp_path / "drop"
    drop.mkdir()
    for seed in (REPO / "seeds").glob("*.txt"):
        shutil.copy(seed, drop / seed.name)
    settings = load_settings(drop_dir=drop, data_dir=tmp_path / "data", settle_seconds=0.1, rescan_seconds=0.5)
    printed: list[str] = []
    keyboard = Keyboard()
    service = Service(settings, extractor=extractor)
    console = asyncio.create_task(run_console(settings, stdin=keyboard, emit=printed.append, service=service))
    try:
        # The existing folder is a backlog: one summary, not one alert per file.
        summary = await wait_for(printed, "articles read from the existing folder")
        assert "2 articles" in summary
        (drop / "new.txt").write_text(
            "Le Drian reçu à Moscou\n\nLe 12 mars 2024, le ministre russe des Affaires étrangères Sergueï Lavrov "
            "a reçu à Moscou son homologue français Jean-Yves Le Drian.",
            encoding="utf-8",
        )
        alert = await wait_for(printed, "New article: Le Drian reçu à Moscou")
        assert "Lavrov" in alert and "Le Drian" in alert
        await keyboard.lines.put("/meetings kazakhstan\n")
        answer = await wait_for(printed, "Meetings of 🇰🇿 Kazakhstan")
        assert "Kassym-Jomart Tokaïev" in answer
        await keyboard.lines.put("/meetings zorglubistan\n")
        assert "No country or person called 'zorglubistan'" in await wait_for(printed, "Unknown name")
        await keyboard.lines.put("/status\n")
        assert "Articles: 3" in await wait_for(printed, "diplowatch status")
        # A file answer (/export) is written in the data folder, since a terminal shows none.
        await keyboard.lines.put("/export meetings kazakhstan\n")
        exported = await wait_for(printed, "Export: meetings of")
        assert f"saved to {tmp_path / 'data' / 'exports' / 'meetings-kazakhstan.csv'}" in exported
        assert (tmp_path / "data" / "exports" / "meetings-kazakhstan.csv").read_bytes().startswith(b"\xef\xbb\xbfevent_id,")
        await keyboard.lines.put("/quit\n")
        await asyncio.wait_for(console, 30)
    finally:
        console.cancel()
        await asyncio.gather(console, return_exceptions=True)


def test_run_without_token_says_console_mode_in_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    env.update(DATA_DIR=str(tmp_path / "data"), DROP_DIR=str(tmp_path / "drop"), LOG_LEVEL="ERROR")
    result = subprocess.run(
        [sys.executable, "-m", "diplowatch", "run"], input="/help\n/quit\n", env=env, cwd=tmp_path,
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("DISCORD_TOKEN is not set: running in console mode")
    assert "/meetings <subject>" in result.stdout


@pytest.mark.parametrize(
    "line, expected",
    [
        ("/meetings kazakhstan", ("meetings", {"subject": "kazakhstan"})),
        ("/meetings kazakhstan with:china since:2024-01", ("meetings", {"subject": "kazakhstan", "with_": "china", "since": "2024-01"})),
        ('/quotes "Wang Yi"', ("quotes", {"speaker": "Wang Yi"})),
        ("/quotes Wang Yi contains:Taïwan", ("quotes", {"speaker": "Wang Yi", "contains": "Taïwan"})),
        ("/STATUS", ("status", {})),
    ],
)
def test_slash_lines_are_parsed_like_discord_options(line, expected):
    assert parse_command(line) == expected


@pytest.mark.parametrize("line, message", [("meetings", "start with /"), ("/fly", "Unknown command"), ("/meetings", "needs subject"), ('/quotes "Wang', "Cannot read")])
def test_bad_lines_say_what_to_do(line, message):
    assert message in parse_command(line)
