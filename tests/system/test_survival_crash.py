"""Crash at any instant: SIGKILL, again and again, and the database stays whole.

Two levels. The store alone: a child process saving made-up articles with `Store.save_many`
in a tight loop (no spaCy, so a kill costs ~0.3 s) is killed 25 times at random instants.
The real ingestion: `diplowatch ingest` over a folder of 600 generated articles is killed 20
times at random instants spread over the life of the child, model loading included. After
each kill the database opens, holds no article twice and no half-written article; after a
last run to the end, every file is stored exactly once.
"""

from __future__ import annotations

import contextlib
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from storage import Store
from tests.survival_helpers import REPO, check_store, cli_env, write_corpus

pytestmark = pytest.mark.timeout(300)

# Article i has i % 4 meetings and i % 3 quotes, so a half-written article would show.
STORE_CHILD = textwrap.dedent(
    """
    import random, sys
    sys.path.insert(0, {repo!r})
    from diplowatch.reading import content_hash
    from diplowatch.records import Article, Evidence, Meeting, Participant, Quote, Source
    from storage import Store

    total, seed = int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    with Store(sys.argv[1]) as store:
        stored = {{s.path for a in store.articles_newest() for s in a.sources}}
        todo = [i for i in range(total) if f"/drop/{{i}}.txt" not in stored]
        print("ready", flush=True)
        while todo:
            size = rng.randint(1, 6)
            batch, todo = todo[:size], todo[size:]
            items = []
            for i in batch:
                text = f"Article {{i}}. Le président kazakh a reçu le ministre chinois numéro {{i}}. " * (1 + i % 5)
                digest = content_hash(text)
                article = Article(
                    id=store.new_id(digest), hash=digest, title=f"Titre {{i}}", published="2024-05-20", language="fr",
                    sources=(Source(path=f"/drop/{{i}}.txt", size=len(text), mtime=1.0, encoding="utf-8"),),
                    ingested_at="2024-05-21T08:00:00+00:00", countries=("KZ", "CN"), people=(f"Personne {{i}}",),
                )
                meetings = [
                    Meeting((Participant(f"Personne {{i}}", "président", "KZ"), Participant("Wang Yi", None, "CN")),
                            "2024-05-20", "Astana", evidence=Evidence("", 0, 10))
                    for _ in range(i % 4)
                ]
                quotes = [Quote(f"Personne {{i}}", f"citation {{k}}", "direct", "KZ") for k in range(i % 3)]
                items.append((article, text, meetings, quotes))
            store.save_many(items)
            store.set_state("last", batch[-1])
    print("done", flush=True)
    """
)


def check_store_records(db: Path) -> int:
    check_store(db)
    with Store(db) as store:
        for article in store.articles_newest():
            i = int(article.sources[0].path.split("/")[-1].split(".")[0])
            assert len(store.meetings_of_article(article.id)) == i % 4, f"article {i}: half of its meetings"
            assert len(store.quotes_of_article(article.id)) == i % 3, f"article {i}: half of its quotes"
            assert store.text(article.id).startswith(f"Article {i}.")
        return len(store.articles_newest())


def test_store_killed_25_times_while_saving_stays_whole(tmp_path):
    db = tmp_path / "db"
    total = 5000  # more than 25 children can store in their kill windows, however fast the disk
    script = tmp_path / "child.py"
    script.write_text(STORE_CHILD.format(repo=str(REPO)), encoding="utf-8")
    rng = random.Random()
    kills, mid_write, counts = 0, 0, []
    started = time.monotonic()
    for round_ in range(25):
        child = subprocess.Popen(
            [sys.executable, str(script), str(db), str(total), str(round_)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        # Most kills land while writing (after "ready"), some during start-up.
        if rng.random() < 0.8:
            assert child.stdout.readline().strip() == "ready", child.stderr.read()
        time.sleep(rng.uniform(0.0, 0.15))
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            kills += 1
        child.wait(10)
        child.stdout.close()
        child.stderr.close()
        stored = check_store_records(db)
        mid_write += bool(counts) and stored > counts[-1]
        counts.append(stored)
        assert stored >= (counts[-2] if len(counts) > 1 else 0), "a kill lost stored articles"
    assert counts[-1] < total, "the children finished before being killed: the test proved nothing"
    finished = subprocess.run([sys.executable, str(script), str(db), str(total), "99"], capture_output=True, text=True, timeout=60)
    assert finished.returncode == 0 and "done" in finished.stdout, finished.stderr[-2000:]
    assert check_store_records(db) == total
    assert not list(db.rglob(".*.tmp")), "temporary files were left behind after a clean start"
    print(
        f"\n[survival crash/store] {kills} SIGKILLs ({mid_write} after progress), stored per kill {counts}, "
        f"{total} articles whole at the end, {time.monotonic() - started:.1f} s"
    )
    assert kills >= 20


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found |= {int(x) for x in (task / "children").read_text().split()}
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except OSError:
        return False


def test_ingest_killed_20_times_at_any_instant_then_every_file_once(tmp_path):
    """19 kills of `diplowatch ingest` given fewer files than make a worker pool (in-process
    extraction: ~4 s a child), 1 kill of it over the whole folder (the worker pool, ~15 s to
    its first write here: its workers must leave with their parent), then one run over the
    whole folder to the end."""
    drop = tmp_path / "drop"
    paths = write_corpus(drop, 600)
    data = tmp_path / "data"
    db = data / "db"
    env = cli_env(data, drop)
    rng = random.Random()
    started = time.monotonic()
    first_write: dict[bool, float] = {}  # start-up to first stored article, without / with the pool
    kills, during_start, counts, orphans = 0, 0, [0], 0
    for round_ in range(20):
        whole = round_ >= 19
        before = counts[-1]
        if whole:
            args = [str(drop)]
        else:
            with contextlib.suppress(Exception):
                stored = set()
                if db.exists():
                    with Store(db) as store:
                        stored = {Path(s.path).name for a in store.articles_newest() for s in a.sources}
            todo = [p for p in paths if p.name not in stored] or paths
            # Every file still to do (fewer than make a worker pool): killed within 0.6 s of its
            # first write, a child stores a few dozen at most, so none ever finishes.
            args = [str(p) for p in rng.sample(todo, min(99, len(todo)))]
        shards_before = len(list((db / "shards").glob("*.json")))
        child = subprocess.Popen([sys.executable, "-m", "diplowatch", "ingest", *args], env=env, cwd=tmp_path,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        t0 = time.monotonic()
        if whole not in first_write:  # watched until it writes, to learn the start-up time
            while len(list((db / "shards").glob("*.json"))) <= shards_before and child.poll() is None:
                time.sleep(0.02)
            first_write[whole] = time.monotonic() - t0
        # A random instant: a third during start-up (model, worker pool), the rest while
        # writing: between writes and in the middle of them.
        if rng.random() < 0.35:
            time.sleep(max(0.0, rng.uniform(0.0, first_write[whole]) - (time.monotonic() - t0)))
        else:
            # This child's own first write, then a random instant: how fast the machine is
            # today (other work shares the cores) does not change how far a child gets.
            while len(list((db / "shards").glob("*.json"))) <= shards_before and child.poll() is None:
                time.sleep(0.02)
            time.sleep(rng.uniform(0.0, 0.5))
        workers = _children(child.pid)
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            kills += 1
        child.wait(10)
        child.stderr.close()
        deadline = time.monotonic() + 5
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        orphans += sum(_alive(w) for w in workers)
        now = check_store(db)["articles"] if db.exists() else 0
        during_start += now == before
        assert now >= before, "a kill lost stored articles"
        counts.append(now)
    assert orphans == 0, f"{orphans} worker process(es) outlived their killed parent by 5 s"
    assert counts[-1] < len(paths), "the children finished before being killed: the test proved nothing"
    finished = subprocess.run([sys.executable, "-m", "diplowatch", "ingest", str(drop)], env=env, cwd=tmp_path,
                              capture_output=True, text=True, timeout=180)
    assert finished.returncode == 0, finished.stderr[-2000:]
    final = check_store(db)
    assert final["articles"] == final["sources"] == len(paths)
    assert final["quarantined"] == 0
    with Store(db) as store:
        assert sorted(Path(s.path).name for a in store.articles_newest() for s in a.sources) == sorted(p.name for p in paths)
    print(
        f"\n[survival crash/ingest] {kills} SIGKILLs of `diplowatch ingest` ({len(paths)} files in the folder; "
        f"{during_start} before a new article was stored), start-up to first write "
        f"{first_write[False]:.1f} s in-process / {first_write.get(True, 0):.1f} s with the pool, no orphan worker; "
        f"articles after each kill {counts[1:]}, then all {len(paths)} once; {time.monotonic() - started:.1f} s"
    )
    assert kills >= 20
