"""`diplowatch repair`: the rebuild is made beside the old database and swapped in only when it
is complete, under the same folder lock as everything else; the old folder is kept as it was.

The attack's reproductions: with deep.json in the drop folder, repair moved the database aside
then crashed, leaving an empty live database; with the bot running, repair moved the live
folder away and from then on the lock protected nothing; a deleted meta.json came back empty,
and a repair lost the watches, the aliases and the last digest time (the next digest
re-posted the whole archive).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storage import Store
from tests.survival_helpers import check_store, cli_env, run_cli, snapshot, write_corpus

pytestmark = pytest.mark.timeout(300)

LAST_DIGEST = "2024-05-20T07:00:00+00:00"


@pytest.fixture(scope="module")
def healthy(tmp_path_factory, extractor):
    """A database of 5 real articles with a watch, a learned alias, a digest and the first scan
    done; each test gets a copy."""
    from handlers.ingest import ingest_all

    base = tmp_path_factory.mktemp("repair")
    drop = base / "drop"
    write_corpus(drop, 5, seed=71)
    with Store(base / "data" / "db") as store:
        counts = ingest_all(store, extractor, sorted(drop.iterdir()), model="fr_core_news_sm",
                            max_bytes=1 << 20, inside=drop)
        assert counts["ingested"] == 5, counts
        store.add_watch(42, "country:KZ")
        store.learn_aliases({"Kassym-Jomart Tokaïev": ("Kassym Tokayev",)})
        store.set_state("last_digest_at", LAST_DIGEST)
        store.set_state("first_scan_done", True)
    return base


def _copy(healthy: Path, tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    shutil.copytree(healthy / "data", tmp_path / "data")
    shutil.copytree(healthy / "drop", tmp_path / "drop")
    db = tmp_path / "data" / "db"
    with Store(db) as store:
        arrivals = {a.hash: a.ingested_at for a in store.articles_newest()}
    return db, tmp_path / "drop", arrivals


def _kept(data: Path) -> list[Path]:
    return [p for p in data.iterdir() if p.name.startswith("db.damaged-")]


def _truncate_a_shard(db: Path) -> set[str]:
    """Damage the first record shard; returns the hashes of the articles it held."""
    shard = sorted((db / "shards").glob("*.json"))[0]
    held = {row["hash"] for row in json.loads(shard.read_text(encoding="utf-8"))["articles"].values()}
    shard.write_bytes(shard.read_bytes()[:20])
    return held


def test_repair_keeps_watches_aliases_digest_time_and_arrivals(healthy, tmp_path):
    db, drop, arrivals = _copy(healthy, tmp_path)
    lost = _truncate_a_shard(db)
    before = snapshot(db)
    env = cli_env(tmp_path / "data", drop)
    assert run_cli(["status"], env, tmp_path).returncode == 3
    repair = run_cli(["repair"], env, tmp_path, timeout=240)
    assert repair.returncode == 0, repair.stderr[-3000:]
    assert "Traceback" not in repair.stderr
    (kept,) = _kept(tmp_path / "data")
    assert snapshot(kept) == before, "the damaged database was not kept as it was"
    assert f"the old database was kept in {kept}" in repair.stdout, repair.stdout
    assert not (tmp_path / "data" / "db.rebuilding").exists()
    assert check_store(db)["articles"] == 5
    with Store(db) as store:
        assert store.watches() == [(42, "country:KZ")]
        assert store.person_key("Kassym Tokayev") == store.person_key("Kassym-Jomart Tokaïev")
        assert store.get_state("last_digest_at") == LAST_DIGEST
        assert store.get_state("first_scan_done") is True
        now = {a.hash: a.ingested_at for a in store.articles_newest()}
    # The articles of readable shards keep the time they arrived (the digest counts by it), so
    # the next digest does not post them again; only those of the damaged shard arrive anew.
    assert {h for h in arrivals if now[h] == arrivals[h]} == set(arrivals) - lost, (arrivals, now)
    assert f"{len(lost)} article(s) whose arrival time was lost" in repair.stdout, repair.stdout


def test_repair_with_a_deeply_nested_json_in_the_folder(healthy, tmp_path):
    db, drop, _ = _copy(healthy, tmp_path)
    (drop / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (db / "meta.json").unlink()  # refused (issue 11: 8), then repaired
    env = cli_env(tmp_path / "data", drop)
    refused = run_cli(["status"], env, tmp_path)
    assert refused.returncode == 3 and "meta.json" in refused.stderr and "diplowatch repair" in refused.stderr
    repair = run_cli(["repair"], env, tmp_path, timeout=240)
    assert repair.returncode == 1, repair.stderr[-3000:]  # done, with a file quarantined
    assert "Traceback" not in repair.stderr and "deep.json: JSON nested too deeply" in repair.stderr
    counts = check_store(db)
    assert counts["articles"] == 5 and counts["quarantined"] == 1, counts


def test_repair_refuses_while_the_bot_runs(healthy, tmp_path):
    db, drop, _ = _copy(healthy, tmp_path)
    env = cli_env(tmp_path / "data", drop, PYTHONUNBUFFERED="1")
    bot = subprocess.Popen(
        [sys.executable, "-m", "diplowatch", "run", "--console"], env=env, cwd=tmp_path,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        for line in bot.stdout:  # the missed digest is printed first, then the bot watches
            if line.startswith("Watching"):
                break
        else:
            raise AssertionError(f"the bot stopped: {bot.wait()}")
        live = db.stat().st_ino  # the bot may be writing (its own first scan): the folder itself is what counts
        repair = run_cli(["repair"], env, tmp_path, timeout=120)
        assert repair.returncode == 3, (repair.returncode, repair.stdout, repair.stderr[-2000:])
        (line,) = repair.stderr.strip().splitlines()
        assert "another diplowatch process is using" in line, line
        assert db.stat().st_ino == live and not _kept(tmp_path / "data"), "repair moved the live folder"
        assert not (tmp_path / "data" / "db.rebuilding").exists()
        bot.stdin.write("/status\n/quit\n")  # without a keyboard, end of input alone does not stop it
        bot.stdin.flush()
        assert "Articles: 5" in bot.stdout.read()
        assert bot.wait(120) == 0
        assert check_store(db)["articles"] == 5
    finally:
        if bot.poll() is None:
            bot.kill()
            bot.wait()


def test_repair_on_a_read_only_data_folder_exits_3_in_one_line(healthy, tmp_path):
    db, drop, _ = _copy(healthy, tmp_path)
    _truncate_a_shard(db)
    before = snapshot(db)
    data = tmp_path / "data"
    mounted = os.geteuid() == 0 and subprocess.run(
        ["mount", "--bind", "-o", "ro", str(data), str(data)], capture_output=True
    ).returncode == 0
    if not mounted:
        if os.geteuid() == 0:
            pytest.skip("root without the right to mount: chmod does not stop root")
        for folder in (data, db, db / "shards", db / "bodies"):
            folder.chmod(0o555)
    try:
        repair = run_cli(["repair"], cli_env(data, drop), tmp_path, timeout=120)
    finally:
        if mounted:
            subprocess.run(["umount", str(data)], check=True)
        else:
            for folder in (data, db, db / "shards", db / "bodies"):
                folder.chmod(0o755)
    assert repair.returncode == 3, (repair.returncode, repair.stdout, repair.stderr[-2000:])
    (line,) = repair.stderr.strip().splitlines()
    assert line.startswith("diplowatch: ") and ("read-only" in line.lower() or "permission" in line.lower()), line
    assert snapshot(db) == before


def test_repair_killed_at_any_instant_leaves_a_database_that_opens(healthy, tmp_path):
    """SIGKILL at random instants of a repair, its swap included: the live database is always
    the old one or the complete new one, and a repair run to the end cleans up after them."""
    import random

    db, drop, _ = _copy(healthy, tmp_path)
    env = cli_env(tmp_path / "data", drop)
    _truncate_a_shard(db)
    started = time.monotonic()
    assert run_cli(["repair"], env, tmp_path, timeout=240).returncode == 0
    whole = time.monotonic() - started  # the kills below spread over a whole repair, its end included
    _truncate_a_shard(db)
    rng = random.Random()
    outcomes = []
    for _ in range(3):
        child = subprocess.Popen([sys.executable, "-m", "diplowatch", "repair"], env=env, cwd=tmp_path,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 1.1) * whole)
        child.send_signal(signal.SIGKILL)
        child.wait(30)
        status = run_cli(["status", "--json"], env, tmp_path)
        # The old (damaged: exit 3) or the new (complete: 5 articles), never empty or half-built.
        assert status.returncode == 3 or json.loads(status.stdout)["articles"] == 5, (status.stdout, status.stderr)
        outcomes.append(status.returncode)
        if status.returncode == 0:
            _truncate_a_shard(db)
    repair = run_cli(["repair"], env, tmp_path, timeout=240)
    assert repair.returncode == 0, repair.stderr[-3000:]
    assert check_store(db)["articles"] == 5
    assert not (tmp_path / "data" / "db.rebuilding").exists()
    print(f"\n[survival repair/kill] a repair takes {whole:.1f} s; status after each kill: {outcomes}")


def test_a_swap_stopped_between_its_two_renames_is_finished_at_the_next_open(tmp_path):
    """Where folders cannot be exchanged in one step (NFS, some FUSE), the swap is two renames;
    a crash between them leaves the complete new database beside a missing live one, and the
    next opening puts it in place instead of starting an empty database."""
    from tests.bot_helpers import add_article

    with Store(tmp_path / "db.swapping") as store:  # as the repair names a complete new database
        article = add_article(store, "Sommet", "Le président kazakh a reçu Xi Jinping.", published="2024-05-20")
    with Store(tmp_path / "db") as store:
        assert [a.id for a in store.articles_newest()] == [article.id]
    assert not (tmp_path / "db.swapping").exists()
