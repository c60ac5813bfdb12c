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
from storage import Store
from tests.bot_helpers import Keyboard

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.timeout(120)



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
    keyboard = Keyboard(timeout=60)
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
        assert (tmp_path / "data" / "exports" / "meetings-kazakhstan.csv").read_bytes().startswith(b'\xef\xbb\xbf"event_id",')
        await keyboard.lines.put("/quit\n")
        await asyncio.wait_for(console, 30)
    finally:
        console.cancel()
        await asyncio.gather(console, return_exceptions=True)


async def test_files_dropped_after_the_first_start_into_an_empty_folder_are_news(tmp_path, extractor):
    """The first start sums up what was already in the folder; an empty folder has nothing to
    sum up, and what is dropped afterwards gets its alert (it was announced as "read from the
    existing folder")."""
    drop = tmp_path / "drop"
    drop.mkdir()
    settings = load_settings(drop_dir=drop, data_dir=tmp_path / "data", settle_seconds=0.1, rescan_seconds=0.5)
    printed: list[str] = []
    keyboard = Keyboard(timeout=60)
    service = Service(settings, extractor=extractor)
    console = asyncio.create_task(run_console(settings, stdin=keyboard, emit=printed.append, service=service))
    try:
        await wait_for(printed, "Watching")
        await asyncio.sleep(1)  # the start-up scan has found the folder empty
        (drop / "new.txt").write_text(
            "Le Drian reçu à Moscou\n\nLe 12 mars 2024, le ministre russe des Affaires étrangères Sergueï Lavrov "
            "a reçu à Moscou son homologue français Jean-Yves Le Drian.",
            encoding="utf-8",
        )
        await wait_for(printed, "New article: Le Drian reçu à Moscou")
        await keyboard.lines.put("/quit\n")
        await asyncio.wait_for(console, 30)
    finally:
        console.cancel()
        await asyncio.gather(console, return_exceptions=True)
    assert not any("existing folder" in p for p in printed), printed
    with Store(settings.db_dir) as store:
        assert store.get_state("first_scan_done") is True


def _unsupported_files(drop: Path) -> dict[str, str]:
    """Files the bot does not read, with a word of the reason /status gives."""
    (drop / "notes.pdf").write_bytes(b"%PDF-1.4 " + b"x" * 100)
    (drop / "README").write_text("pas d'extension", encoding="utf-8")
    (drop / "sub").mkdir()
    (drop / "sub" / "scan.docx").write_bytes(b"PK\x03\x04")
    os.mkfifo(drop / "pipe.txt")
    os.symlink("nowhere.txt", drop / "dangling.txt")
    (drop / ".hidden.pdf").write_text("caché", encoding="utf-8")  # hidden and copies in progress: silent
    (drop / "copie.txt.part").write_text("en cours", encoding="utf-8")
    return {"notes.pdf": ".pdf", "README": "no extension", "sub/scan.docx": ".docx",
            "pipe.txt": "not a regular file", "dangling.txt": "link to nothing"}


async def test_status_lists_the_files_that_are_not_read_with_the_reason(tmp_path, extractor):
    """A .pdf or a file without an extension was ignored without a word."""
    drop = tmp_path / "drop"
    drop.mkdir()
    expected = _unsupported_files(drop)
    settings = load_settings(drop_dir=drop, data_dir=tmp_path / "data", settle_seconds=0.1, rescan_seconds=0.3)
    printed: list[str] = []
    keyboard = Keyboard(timeout=60)
    service = Service(settings, extractor=extractor)
    console = asyncio.create_task(run_console(settings, stdin=keyboard, emit=printed.append, service=service))
    try:
        await wait_for(printed, "Watching")
        await asyncio.sleep(1)  # a re-scan or two
        await keyboard.lines.put("/status\n")
        status = await wait_for(printed, "diplowatch status")
        await keyboard.lines.put("/quit\n")
        await asyncio.wait_for(console, 30)
    finally:
        console.cancel()
        await asyncio.gather(console, return_exceptions=True)
    assert "Skipped files: 5 (not read)" in status, status
    for name, word in expected.items():
        (line,) = [line for line in status.splitlines() if line.startswith(f"• {name}")]
        body = status.split(line, 1)[1].splitlines()[1]
        assert word in body and "skipped" in body, (name, body)
    assert ".hidden" not in status and ".part" not in status


async def test_a_digest_out_of_range_is_an_error_and_the_console_keeps_running(tmp_path, extractor):
    """/digest until:9999-12-31 or since:0001-01-01 raised OverflowError and the console
    exited, taking the watcher and the ingest with it."""
    drop = tmp_path / "drop"
    drop.mkdir()
    settings = load_settings(drop_dir=drop, data_dir=tmp_path / "data", settle_seconds=0.1, rescan_seconds=0.5)
    printed: list[str] = []
    keyboard = Keyboard(timeout=60)
    service = Service(settings, extractor=extractor)
    console = asyncio.create_task(run_console(settings, stdin=keyboard, emit=printed.append, service=service))
    try:
        for line in ("/digest until:9999-12-31", "/digest since:0001-01-01", "/digest 0001", "/digest since:0001-01-01 action:post"):
            printed.clear()
            await keyboard.lines.put(line + "\n")
            answer = await wait_for(printed, "Bad date")
            assert "outside the dates a digest can cover" in answer, answer
        (drop / "new.txt").write_text(  # the watcher and the ingest still run
            "Le Drian reçu à Moscou\n\nLe 12 mars 2024, le ministre russe des Affaires étrangères Sergueï Lavrov "
            "a reçu à Moscou son homologue français Jean-Yves Le Drian.",
            encoding="utf-8",
        )
        await wait_for(printed, "Le Drian reçu à Moscou")
        await keyboard.lines.put("/status\n")
        assert "Articles: 1" in await wait_for(printed, "diplowatch status")
        await keyboard.lines.put("/quit\n")
        await asyncio.wait_for(console, 30)
    finally:
        console.cancel()
        await asyncio.gather(console, return_exceptions=True)


async def test_the_console_never_prints_a_control_character(tmp_path, extractor):
    """A title with ESC ] 0 ; … BEL (the window title) or ESC [ 31 m reached the terminal raw.
    Text is cleaned where it enters, and the console cleans whatever it prints: here a
    database written before that cleaning, and a file whose very name is an escape."""
    from diplowatch.records import Article, Meeting, Participant, Quote, Source

    dirty = "\x1b]0;pwned\x07\x1b[31mSommet\u202e à Astana\x1b[0m\x9b2J\x00"
    data = tmp_path / "data"
    with Store(data / "db") as store:  # as an older diplowatch stored it
        store.save_article(
            Article(id="abc123", hash="abc123" * 8, title=dirty, published="2024-05-20", language="fr",
                    sources=(Source("/old.txt", 10, 1.0, "utf-8"),), ingested_at="2024-05-20T08:00:00+00:00",
                    countries=("KZ",)),
            "texte " + dirty,
            [Meeting((Participant("Kassym-Jomart Tokaïev" + dirty, None, "KZ"), Participant("Xi Jinping", None, "CN")))],
            [Quote("Xi Jinping", dirty, "direct", "CN")],
        )
        store.set_state("first_scan_done", True)
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "\x1b]0;owned\x07\x1b[5mvide.txt").write_text("trop court", encoding="utf-8")
    settings = load_settings(drop_dir=drop, data_dir=data, settle_seconds=0.1, rescan_seconds=0.5)
    printed: list[str] = []
    keyboard = Keyboard(timeout=60)
    service = Service(settings, extractor=extractor)
    console = asyncio.create_task(run_console(settings, stdin=keyboard, emit=printed.append, service=service))
    try:
        await wait_for(printed, "! quarantined")
        for line in ("/articles", "/meetings kazakhstan", "/quotes Xi Jinping", "/article abc123", "/status"):
            await keyboard.lines.put(line + "\n")
            await wait_for(printed, "diplowatch status" if line == "/status" else "Sommet")
        await keyboard.lines.put("/quit\n")
        await asyncio.wait_for(console, 30)
    finally:
        console.cancel()
        await asyncio.gather(console, return_exceptions=True)
    text = "\n".join(printed)
    assert "Sommet à Astana" in text and "vide.txt" in text
    bad = sorted({hex(ord(c)) for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0 or c in "\u202e"})
    assert not bad, bad


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


async def test_the_console_alerts_and_answers_in_the_locale_setting(tmp_path, extractor):
    """LOCALE=fr: the backlog summary, a new article's alert and the answers are in French."""
    drop = tmp_path / "drop"
    drop.mkdir()
    seed = sorted((REPO / "seeds").glob("*.txt"))[0]
    shutil.copy(seed, drop / seed.name)
    settings = load_settings(drop_dir=drop, data_dir=tmp_path / "data", settle_seconds=0.1, rescan_seconds=0.5, locale="fr")
    printed: list[str] = []
    keyboard = Keyboard(timeout=60)
    service = Service(settings, extractor=extractor)
    console = asyncio.create_task(run_console(settings, stdin=keyboard, emit=printed.append, service=service))
    try:
        await wait_for(printed, "1 articles lus dans le dossier existant")
        (drop / "visite.txt").write_text(
            "date 2024-05-20 Le président kazakh reçoit le ministre chinois\n\n"
            "Le président kazakh Kassym-Jomart Tokaïev a reçu lundi à Astana le ministre chinois des "
            "Affaires étrangères Wang Yi.",
            encoding="utf-8",
        )
        alert = await wait_for(printed, "Nouvel article : Le président kazakh reçoit le ministre chinois")
        assert "Publié : 2024-05-20" in alert
        await keyboard.lines.put("/meetings kazakhstan with:china\n")
        answer = await wait_for(printed, "Rencontres de 🇰🇿 Kazakhstan avec 🇨🇳 Chine")
        assert "rencontre tenue" in answer and "held" not in answer
        await keyboard.lines.put("/quit\n")
        await asyncio.wait_for(console, 30)
    finally:
        console.cancel()
        await asyncio.gather(console, return_exceptions=True)
