"""Links in the drop folder: a file is read only if its real place is inside the folder.

The attack: `ln -s /etc/passwd drop/passwd.txt` (or a link to a `.env`) was stored as an
article, and `/search root` showed its lines to every member. A link that points outside is
quarantined with that reason and never read; a link inside the folder is followed (to a file
read once); a folder link that leads outside does not open a way out either.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from bot.console import run_console
from diplowatch.config import load_settings
from handlers.service import Service
from tests.survival_helpers import check_store, cli_env, french_article, run_cli
from tests.bot_helpers import Keyboard

pytestmark = pytest.mark.timeout(240)

SECRET = "DISCORD_TOKEN=MTIzNDU2.secret-value-never-shown\nroot:x:0:0:root:/root:/bin/bash\n" * 4


def _outside_and_links(tmp_path: Path) -> tuple[Path, Path]:
    """A drop folder with one real article and links of every kind; returns (drop, outside)."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / ".env").write_text(SECRET, encoding="utf-8")
    (outside / "passwd").write_text(SECRET, encoding="utf-8")
    drop = tmp_path / "drop"
    (drop / "sub").mkdir(parents=True)
    (drop / "sub" / "real.txt").write_text(french_article(1, seed=61)[1], encoding="utf-8")
    os.symlink(outside / "passwd", drop / "passwd.txt")  # absolute link out
    os.symlink(Path("..") / "outside" / ".env", drop / "env.md")  # relative link out
    os.symlink(Path("sub") / "real.txt", drop / "inside.txt")  # a link inside: followed
    os.symlink(outside, drop / "elsewhere", target_is_directory=True)  # a folder link out
    return drop, outside


def _shown(reply) -> str:
    return "\n".join([reply.title, reply.summary, reply.footer, *(e.heading + "\n" + e.body for e in reply.entries)])


async def test_a_link_out_of_the_drop_folder_is_quarantined_never_read(tmp_path, extractor):
    drop, outside = _outside_and_links(tmp_path)
    settings = load_settings(drop_dir=drop, data_dir=tmp_path / "data")
    service = Service(settings, extractor=extractor)
    await service.start()
    try:
        offered = [drop / "sub" / "real.txt", drop / "passwd.txt", drop / "env.md", drop / "inside.txt",
                   drop / "elsewhere" / "passwd"]
        results = dict(zip((p.name for p in offered), await service.ingest(offered)))
        assert results["real.txt"].outcome == "ingested"
        assert results["inside.txt"].outcome == "unchanged"  # the same file, through a link inside
        for name in ("passwd.txt", "env.md", "passwd"):
            assert results[name].outcome == "quarantined", results[name]
            assert "outside the drop folder" in results[name].reason
        # Quarantined under the link's own name, never the target's: nothing about it is shown.
        quarantined = {q.path for q in service.store.quarantined()}
        assert quarantined == {str(drop / "passwd.txt"), str(drop / "env.md"), str(drop / "elsewhere" / "passwd")}
        # Known now: the re-scan does not offer them again (and again, and again).
        assert all(service.is_known(path) for path in offered)
        for words in ("root", "DISCORD_TOKEN", "secret"):
            found = await service.command("search", {"words": words})
            assert "No article matches" in found.summary, _shown(found)
        status = _shown(await service.command("status", {}))
        assert "secret-value" not in status and "outside the drop folder" in status
    finally:
        await service.close()
    counts = check_store(settings.db_dir)
    assert counts["articles"] == 1 and counts["quarantined"] == 3, counts
    assert (outside / "passwd").read_text(encoding="utf-8") == SECRET  # only ever read



async def test_a_link_dropped_while_the_console_runs_is_quarantined_once(tmp_path, extractor):
    drop = tmp_path / "drop"
    drop.mkdir()
    (tmp_path / "passwd").write_text(SECRET, encoding="utf-8")
    settings = load_settings(drop_dir=drop, data_dir=tmp_path / "data", settle_seconds=0.1, rescan_seconds=0.2)
    printed: list[str] = []
    keyboard = Keyboard()
    service = Service(settings, extractor=extractor)
    console = asyncio.create_task(run_console(settings, stdin=keyboard, emit=printed.append, service=service))

    async def shown(needle: str) -> None:
        for _ in range(2400):  # 120 s at most
            if any(needle in p for p in printed):
                return
            assert not console.done(), console
            await asyncio.sleep(0.05)
        raise AssertionError(f"never printed {needle!r}: {printed}")

    try:
        await shown("Watching")
        os.symlink(tmp_path / "passwd", drop / "passwd.txt")
        await shown("quarantined passwd.txt")
        await asyncio.sleep(1.5)  # several re-scans: the link is known, not offered again
        await keyboard.lines.put("/search root\n")
        await shown("Articles mentioning 'root'")
        await keyboard.lines.put("/quit\n")
        await asyncio.wait_for(console, 60)
    finally:
        console.cancel()
        await asyncio.gather(console, return_exceptions=True)
    text = "\n".join(printed)
    assert text.count("quarantined passwd.txt") == 1, text
    assert "No article matches" in text and "secret-value" not in text and "root:x" not in text


def test_cli_ingest_of_a_folder_does_not_follow_links_out_of_it(tmp_path):
    drop, _ = _outside_and_links(tmp_path)
    done = run_cli(["ingest", str(drop)], cli_env(tmp_path / "data", drop), tmp_path, timeout=180)
    assert done.returncode == 1, done.stderr[-3000:]
    assert "1 ingested" in done.stdout and "2 quarantined" in done.stdout, done.stdout
    assert "passwd.txt: a link to a file outside the drop folder" in done.stderr
    assert "secret-value" not in done.stdout + done.stderr
    status = run_cli(["status"], cli_env(tmp_path / "data", drop), tmp_path)
    assert "env.md: a link to a file outside the drop folder" in status.stdout, status.stdout
