"""/search finds articles by their words, newest first, whatever the accents or case."""

from __future__ import annotations

from storage.text_index import TextIndex, date_rank, terms


def test_words_are_folded():
    assert terms("Le Président KAZAKH à Astana, l’été") >= {"president", "kazakh", "astana", "ete"}


def test_every_word_must_match_and_newest_come_first():
    index = TextIndex()
    index.add("old", "Sommet sur l'énergie à Astana", "2023-01-10")
    index.add("new", "Nouveau sommet énergie, Astana", "2024-06")
    index.add("other", "Rencontre à Pékin", "2025-01-01")
    assert index.newest("energie astana", 10) == (2, ["new", "old"])
    assert index.newest("energie astana", 1) == (2, ["new"])
    assert index.newest("pekin astana", 10) == (0, [])
    assert index.search("  ") == set()


def test_a_restored_article_is_found_by_its_new_words_only():
    index = TextIndex()
    index.add("a", "gaz naturel", "2024-01-01")
    index.add("a", "pétrole brut", "2024-01-01")
    assert index.search("gaz") == set()
    assert index.search("petrole") == {"a"}
    assert len(index) == 1


def test_dates_of_any_precision_order_correctly():
    assert date_rank("2024") < date_rank("2024-05") < date_rank("2024-05-20") < date_rank("2025")
    assert date_rank(None) == 0 and date_rank("unknown") == 0
