"""The issue's story, tried as a new user would, through the real extraction: seed 004 (the
Astana meeting of 20 May 2024, in French) with an English article and a French follow-up
about the same meeting, written for this test, in the drop folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from handlers import registry
from handlers.ingest import ingest_file
from handlers.spec import Context
from storage import Store
from tests.bot_helpers import SEEDS

ENGLISH = """date 2024-05-21
Tokayev receives Wang Yi in Astana

ASTANA, May 20 (Reuters) - Kazakh President Kassym-Jomart Tokayev met Chinese Foreign Minister Wang Yi in Astana
on Monday, May 20, 2024, as the two countries pledged closer cooperation along the Middle Corridor.

Tokayev said Kazakhstan remained a reliable partner for China. "Kazakhstan firmly adheres to the one-China
principle," Tokayev said.
"""

FOLLOW_UP = """date 2024-05-24
Corridor du Milieu : Astana et Pékin créent un groupe de travail

Le président kazakh Kassym-Jomart Tokaïev avait reçu le ministre chinois des Affaires étrangères Wang Yi en mai à
Astana. Les deux gouvernements ont annoncé vendredi un groupe de travail sur le transport.
"""


@pytest.fixture
def store(tmp_path, extractor):
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "004.txt").write_bytes((SEEDS / "004_6f7102e525186256.txt").read_bytes())
    (drop / "tokayev-wang-yi.txt").write_text(ENGLISH, encoding="utf-8")
    (drop / "corridor-du-milieu.txt").write_text(FOLLOW_UP, encoding="utf-8")
    with Store(tmp_path / "db") as store:
        for path in sorted(drop.iterdir()):
            assert ingest_file(store, extractor, Path(path)).outcome == "ingested"
        yield store


def test_one_astana_meeting_in_three_articles_and_two_languages_is_one_row_with_three_sources(store):
    reply = registry.run("meetings", Context(store=store), {"subject": "kazakhstan"})
    (visit,) = [e for e in reply.entries if "Kassym-Jomart Tokaïev" in e.heading and "Wang Yi" in e.heading]
    # (the English report may say 20 May, or 21 May, its publication day: "2024-05-20 or 2024-05-21")
    assert visit.heading.startswith("2024-05-20") and visit.heading.endswith(" · 🇰🇿 Kassym-Jomart Tokaïev ↔ 🇨🇳 Wang Yi")
    assert "held meeting · 3 sources" in visit.body
    # "Tokayev" in English is the same person, with his country, in every statement.
    quotes = registry.run("quotes", Context(store=store), {"speaker": "Tokayev"})
    assert quotes.title == "Statements by Kassym-Jomart Tokaïev"
    assert quotes.entries and all(e.heading.startswith("Kassym-Jomart Tokaïev 🇰🇿 · ") for e in quotes.entries)
    assert any("2024-05-21" in e.heading for e in quotes.entries)  # the English article's
