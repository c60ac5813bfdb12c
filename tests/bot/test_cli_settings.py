"""A wrong setting stops the program with one line that names it, and never shows the token."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TOKEN = "MTIzNDU2Nzg5.secret-token-value"


def run_cli(args, tmp_path, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DIGEST_", "DROP_", "DATA_"))}
    clean.update({"DATA_DIR": str(tmp_path / "data"), "DROP_DIR": str(tmp_path / "drop")}, **env)
    return subprocess.run(
        [sys.executable, "-m", "diplowatch", *args], cwd=tmp_path, env=clean, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    "env, named",
    [
        ({"DIGEST_TZ": "Mars/Olympus"}, "DIGEST_TZ"),
        ({"DIGEST_DAY": "someday"}, "DIGEST_DAY"),
        ({"DIGEST_TIME": "25:00"}, "DIGEST_TIME"),
        ({"ALERT_CHANNEL_ID": "general"}, "ALERT_CHANNEL_ID"),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
        ({"DISCORD_API_BASE": "discord.com"}, "DISCORD_API_BASE"),
        ({"RESCAN_SECONDS": "-1"}, "RESCAN_SECONDS"),
        ({"ALERT_WINDOW_SECONDS": "-5"}, "ALERT_WINDOW_SECONDS"),
        ({"LOCALE": "klingon"}, "LOCALE"),
    ],
)
def test_bad_setting_exits_2_naming_it(tmp_path, env, named):
    result = run_cli(["status"], tmp_path, DISCORD_TOKEN=TOKEN, **env)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"diplowatch: {named} ")
    assert TOKEN not in result.stderr + result.stdout


def test_locale_is_french_unless_set(tmp_path, monkeypatch):
    from diplowatch.config import load_settings

    monkeypatch.chdir(tmp_path)  # no .env
    monkeypatch.delenv("LOCALE", raising=False)
    assert load_settings().locale == "fr"
    assert load_settings(locale="en-GB").locale == "en"


def test_env_file_is_read(tmp_path):
    (tmp_path / ".env").write_text("DIGEST_TZ=Nowhere/City\n")
    result = run_cli(["status"], tmp_path)
    assert result.returncode == 2 and "DIGEST_TZ" in result.stderr


def test_status_on_an_empty_store(tmp_path):
    result = run_cli(["status", "--json"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert '"articles": 0' in result.stdout


def test_damaged_database_exits_3_and_says_how_to_recover(tmp_path):
    db = tmp_path / "data" / "db"
    db.mkdir(parents=True)
    (db / "meta.json").write_text('{"schema": {"1": ')
    result = run_cli(["status"], tmp_path)
    assert result.returncode == 3
    assert "diplowatch repair" in result.stderr
    assert (db / "meta.json").read_text() == '{"schema": {"1": '


def test_unknown_command_is_a_usage_error(tmp_path):
    result = run_cli(["fly"], tmp_path)
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_repair_keeps_the_damaged_database_and_rebuilds(tmp_path):
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "a.txt").write_text(
        "Visite à Alger\n\nLe 2 mars 2024, le président algérien Abdelmadjid Tebboune a reçu à Alger "
        "le Premier ministre italien.", encoding="utf-8",
    )
    db = tmp_path / "data" / "db"
    db.mkdir(parents=True)
    (db / "meta.json").write_text("{broken")
    result = run_cli(["repair"], tmp_path)
    assert result.returncode == 0, result.stderr
    kept = [p for p in (tmp_path / "data").iterdir() if p.name.startswith("db.damaged-")]
    assert len(kept) == 1 and (kept[0] / "meta.json").read_text() == "{broken"
    status = run_cli(["status", "--json"], tmp_path)
    assert '"articles": 1' in status.stdout


def test_status_never_prints_a_control_character(tmp_path):
    """A quarantined file whose very name is a terminal escape (ESC ] 0 ; … BEL retitles the
    terminal): the listing shows the name without it, the JSON keeps it escaped."""
    import json

    from diplowatch.records import Quarantined
    from storage import Store

    name = str(tmp_path / "drop" / "\x1b]0;pwned\x07\x1b[2J\u202eevil.txt")
    with Store(tmp_path / "data" / "db") as store:
        store.quarantine(Quarantined(path=name, reason="empty file\x1b[31m", size=0, mtime=1.0, at="2024-05-20T08:00:00+00:00"))
    result = run_cli(["status"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "evil.txt: empty file" in result.stdout
    assert not any(ord(c) < 32 and c not in "\n\t" or 0x7F <= ord(c) < 0xA0 or c == "\u202e" for c in result.stdout)
    as_json = run_cli(["status", "--json"], tmp_path)
    assert "\x1b" not in as_json.stdout and "\u202e" not in as_json.stdout
    assert json.loads(as_json.stdout)["quarantine"][0]["path"] == name  # the same data, escaped


@pytest.mark.parametrize("args", [["--until", "9999"], ["--since", "0001-01-01"], ["--until", "9999-12-31"]])
def test_digest_dates_out_of_range_exit_2_in_one_line(tmp_path, args):
    result = run_cli(["digest", *args], tmp_path, LOG_LEVEL="INFO")
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stderr.strip().splitlines() == [
        f"diplowatch: '{args[1]}' is outside the dates a digest can cover (from 1900 on)."
    ], result.stderr


def test_run_when_discord_cannot_be_reached_retries_then_says_why_in_one_line(tmp_path):
    """`diplowatch run` exited with an aiohttp traceback when the Discord API could not be
    reached (no network at boot, a wrong DISCORD_API_BASE): it tries again with back-off, one
    line per attempt, then exits 4 with one line saying what is wrong."""
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run_cli(
        ["run"], tmp_path, DISCORD_TOKEN=TOKEN, DISCORD_API_BASE=f"http://127.0.0.1:{port}/api/v10",
        DISCORD_GATEWAY_URL=f"ws://127.0.0.1:{port}/", DISCORD_CONNECT_ATTEMPTS="3", LOG_LEVEL="WARNING",
    )
    assert result.returncode == 4, (result.returncode, result.stderr[-3000:])
    assert "Traceback" not in result.stderr and TOKEN not in result.stdout + result.stderr, result.stderr[-3000:]
    tries = [line for line in result.stderr.splitlines() if "cannot reach Discord" in line]
    assert len(tries) == 3, result.stderr
    assert all(f"127.0.0.1:{port}" in line for line in tries)
    assert "trying again in 1 s (attempt 1 of 3)" in tries[0] and "trying again in 2 s (attempt 2 of 3)" in tries[1]
    assert "gave up after 3 attempt(s)" in tries[2] and "DISCORD_API_BASE" in tries[2], tries[2]


def test_status_lists_the_files_of_the_drop_folder_that_are_not_read(tmp_path):
    import json

    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "notes.pdf").write_bytes(b"%PDF-1.4")
    (drop / "README").write_text("pas d'extension", encoding="utf-8")
    (drop / "a.txt.part").write_text("copie en cours", encoding="utf-8")
    result = run_cli(["status"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "skipped files: 2 (not read)" in result.stdout, result.stdout
    assert "  notes.pdf: skipped: .pdf files are not read" in result.stdout, result.stdout
    assert "  README: skipped: no extension" in result.stdout and ".part" not in result.stdout
    as_json = json.loads(run_cli(["status", "--json"], tmp_path).stdout)
    assert sorted(s["path"] for s in as_json["skipped"]) == ["README", "notes.pdf"]
