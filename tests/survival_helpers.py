"""Shared pieces of the survival tests: generated French articles, database checks, CLI runs.

The articles are made up here (names, countries, cities, dates picked by a seeded random
generator): no text is copied from the team's corpus.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

from storage import Store

REPO = Path(__file__).resolve().parents[1]

LEADERS = [
    ("le président kazakh", "Kassym-Jomart Tokaïev", "Astana"),
    ("le président chinois", "Xi Jinping", "Pékin"),
    ("le ministre chinois des Affaires étrangères", "Wang Yi", "Pékin"),
    ("le président russe", "Vladimir Poutine", "Moscou"),
    ("le ministre russe des Affaires étrangères", "Sergueï Lavrov", "Moscou"),
    ("le président français", "Emmanuel Macron", "Paris"),
    ("le président algérien", "Abdelmadjid Tebboune", "Alger"),
    ("le président turc", "Recep Tayyip Erdogan", "Ankara"),
    ("le président ouzbek", "Chavkat Mirzioïev", "Tachkent"),
    ("le président kirghiz", "Sadyr Japarov", "Bichkek"),
    ("le président ivoirien", "Alassane Ouattara", "Abidjan"),
    ("le Premier ministre indien", "Narendra Modi", "New Delhi"),
    ("le chancelier allemand", "Olaf Scholz", "Berlin"),
    ("la présidente du Conseil italien", "Giorgia Meloni", "Rome"),
]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
TOPICS = ["l'énergie", "le commerce", "les corridors de transport", "la sécurité régionale", "l'eau", "les investissements"]


def french_article(number: int, seed: int = 11) -> tuple[str, str]:
    """(title, text) of a short made-up article; different numbers give different texts."""
    rng = random.Random(seed * 100_003 + number)
    (role_a, name_a, city), (role_b, name_b, _) = rng.sample(LEADERS, 2)
    day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.choice([2023, 2024])
    topic = rng.choice(TOPICS)
    title = f"{name_a.split()[-1]} reçoit {name_b.split()[-1]} à {city} (dépêche {number})"
    text = (
        f"{title}\n\n"
        f"Le {day} {month} {year}, {role_a} {name_a} a rencontré à {city} {role_b} {name_b}. "
        f"Les deux dirigeants ont évoqué {topic} et signé {number % 17 + 2} accords. "
        f"« Nos relations n'ont jamais été aussi bonnes », a déclaré {name_a}.\n"
    )
    return title, text


def write_corpus(folder: Path, count: int, *, seed: int = 11, prefix: str = "depeche") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        _, text = french_article(number, seed)
        path = folder / f"{prefix}_{number:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def check_store(db: Path) -> dict[str, int]:
    """Open the database and check it whole: no article twice (by hash or by source file),
    every record tied to a stored article, every article with its body. Returns counts."""
    with Store(db) as store:
        hashes = [a.hash for a in store.articles_newest()]
        assert len(hashes) == len(set(hashes)), "an article was stored twice"
        sources = [s.path for a in store.articles_newest() for s in a.sources]
        assert len(sources) == len(set(sources)), "a file is the source of two articles"
        for article_id, article in ((a.id, a) for a in store.articles_newest()):
            assert article.sources and article.title, article
            assert all(m.article_id == article_id for m in store.meetings_of_article(article_id))
            assert all(q.article_id == article_id for q in store.quotes_of_article(article_id))
            assert store.text(article_id), f"article {article_id} lost its body"
        return {**store.counts(), "sources": len(sources)}


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below a folder, by relative path (lock file aside)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


def cli_env(data: Path, drop: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    env.update(DATA_DIR=str(data), DROP_DIR=str(drop), LOG_LEVEL="ERROR", **extra)
    return env


def run_cli(args: list[str], env: dict[str, str], cwd: Path, *, stdin: str = "", timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "diplowatch", *args], input=stdin, env=env, cwd=cwd,
        capture_output=True, text=True, timeout=timeout,
    )
