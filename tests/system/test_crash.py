"""Killed at any moment, the bot leaves a readable database and loses nothing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storage import Store

pytestmark = pytest.mark.timeout(240)

LEADERS = [
    ("kazakh", "Kassym-Jomart Tokaïev"), ("chinois", "Xi Jinping"), ("russe", "Vladimir Poutine"),
    ("français", "Emmanuel Macron"), ("algérien", "Abdelmadjid Tebboune"), ("turc", "Recep Tayyip Erdogan"),
    ("ouzbek", "Chavkat Mirzioïev"), ("kirghiz", "Sadyr Japarov"), ("ivoirien", "Alassane Ouattara"),
]
CITIES = ["Astana", "Pékin", "Moscou", "Paris", "Alger", "Ankara", "Tachkent", "Bichkek", "Abidjan"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "septembre", "octobre"]


def write_articles(folder: Path, count: int) -> list[Path]:
    rng = random.Random(7)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        (adj_a, name_a), (adj_b, name_b) = rng.sample(LEADERS, 2)
        city = rng.choice(CITIES)
        day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.choice([2023, 2024])
        text = (
            f"Entretien numéro {number} à {city}\n\n"
            f"Le {day} {month} {year}, le président {adj_a} {name_a} a rencontré à {city} "
            f"le président {adj_b} {name_b}. Les deux dirigeants ont signé {number + 2} accords. "
            f"« Nos relations n'ont jamais été aussi bonnes », a déclaré {name_a.split()[-1]}.\n"
        )
        path = folder / f"article_{number:03d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def ingest_command(tmp_path: Path, drop: Path) -> tuple[list[str], dict[str, str]]:
    env = {**os.environ, "DATA_DIR": str(tmp_path / "data"), "DROP_DIR": str(drop), "LOG_LEVEL": "ERROR"}
    env.pop("DISCORD_TOKEN", None)
    return [sys.executable, "-m", "diplowatch", "ingest", str(drop)], env


def shard_count(tmp_path: Path) -> int:
    return len(list((tmp_path / "data" / "db" / "shards").glob("*.json")))


def check_consistent(tmp_path: Path) -> int:
    """The database opens, and every record it holds belongs to a whole article."""
    with Store(tmp_path / "data" / "db") as store:
        hashes = [a.hash for a in store.articles_newest()]
        assert len(hashes) == len(set(hashes)), "an article was stored twice"
        for article_id, article in ((a.id, a) for a in store.articles_newest()):
            assert article.sources and article.title
            assert all(m.article_id == article_id for m in store.meetings_of_article(article_id))
            assert store.text(article_id), "an article lost its body"
        return len(store.articles_newest())


def test_killed_mid_ingest_twice_then_every_file_ingested_once(tmp_path):
    drop = tmp_path / "drop"
    paths = write_articles(drop, 300)  # far more than a child stores before its kill
    command, env = ingest_command(tmp_path, drop)
    rng = random.Random()
    stored = 0
    for _ in range(2):
        shards_before = shard_count(tmp_path)
        child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        # Kill only once this run has stored something, at a random instant after that.
        while shard_count(tmp_path) <= shards_before and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 0.4))
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        child.stderr.close()
        now = check_consistent(tmp_path)
        assert now >= stored
        stored = now
    assert stored < len(paths), "the child finished before being killed: the test proved nothing"
    finished = subprocess.run(command, env=env, capture_output=True, text=True, timeout=180)
    assert finished.returncode == 0, finished.stderr[-2000:]
    assert check_consistent(tmp_path) == len(paths)
    with Store(tmp_path / "data" / "db") as store:
        sources = [s.path for a in store.articles_newest() for s in a.sources]
        assert sorted(Path(s).name for s in sources) == sorted(p.name for p in paths)
