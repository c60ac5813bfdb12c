"""Drop files, find them again: the ingestion story with the real model and a real TinyDB."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from handlers import registry
from handlers.spec import Context
from handlers.ingest import ingest_file
from storage import Store

REPO = Path(__file__).resolve().parents[2]
SEEDS = sorted((REPO / "seeds").glob("*.txt"))

ENGLISH = (
    "Kazakh and Chinese leaders meet in Astana\n\n"
    "ASTANA, June 3, 2024 - Kazakh President Kassym-Jomart Tokayev met Chinese Foreign Minister "
    "Wang Yi in Astana on Monday. \"Our countries are good neighbours,\" Tokayev said.\n"
)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "db") as opened:
        yield opened


def drop(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_seed_articles_are_stored_with_their_meetings(store, extractor, tmp_path):
    for seed in SEEDS:
        copy = drop(tmp_path / "drop", seed.name, seed.read_bytes())
        result = ingest_file(store, extractor, copy)
        assert result.outcome == "ingested", result.reason
        assert result.article.language == "fr"
        assert result.article.extractor_version == extractor.version
    reply = registry.run("meetings", Context(store=store), {"subject": "kazakhstan"})
    text = "\n".join(e.heading for e in reply.entries)
    assert "Kassym-Jomart Tokaïev" in text and ("Wang Yi" in text or "Xi Jinping" in text)
    # The user's files are only read.
    for seed in SEEDS:
        assert (tmp_path / "drop" / seed.name).read_bytes() == seed.read_bytes()


def test_same_article_renamed_and_reencoded_is_stored_once(store, extractor, tmp_path):
    text = SEEDS[1].read_text(encoding="utf-8").replace("’", "'")
    first = ingest_file(store, extractor, drop(tmp_path, "a.txt", text.encode("utf-8")))
    second = ingest_file(store, extractor, drop(tmp_path, "sub/copie.md", text.replace("\n", "\r\n").encode("utf-16")))
    assert (first.outcome, second.outcome) == ("ingested", "duplicate")
    assert second.article.id == first.article.id
    assert store.counts()["articles"] == 1
    assert len(store.article(first.article.id).sources) == 2


def test_bad_files_are_quarantined_and_the_rest_still_ingested(store, extractor, tmp_path):
    folder = tmp_path / "drop"
    bad = {
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 64,
        "huge.txt": b"mot " * 400_000,
        "broken.json": b'{"title": ',
        "wrongtypes.json": b'{"title": ["a"], "text": 5}',
        "script.html": b"<html><head><script>var a = 1;</script></head><body></body></html>",
    }
    for name, data in bad.items():
        drop(folder, name, data)
    good = drop(folder, "good.txt", ENGLISH)
    outcomes = {p.name: ingest_file(store, extractor, p, max_bytes=1_000_000) for p in sorted(folder.iterdir())}
    assert outcomes["good.txt"].outcome == "ingested"
    quarantined = {q.path.rsplit("/", 1)[-1]: q.reason for q in store.quarantined()}
    assert set(quarantined) == set(bad)
    assert "empty" in quarantined["empty.txt"]
    assert "binary" in quarantined["binary.txt"]
    assert "too large" in quarantined["huge.txt"]
    assert "JSON" in quarantined["broken.json"]
    assert "must be a string" in quarantined["wrongtypes.json"]
    assert good.read_text(encoding="utf-8") == ENGLISH


def test_a_fixed_file_leaves_quarantine(store, extractor, tmp_path):
    path = drop(tmp_path, "late.txt", b"")
    assert ingest_file(store, extractor, path).outcome == "quarantined"
    path.write_text(ENGLISH, encoding="utf-8")
    assert ingest_file(store, extractor, path).outcome == "ingested"
    assert store.quarantined() == []


def test_restart_reingests_nothing(extractor, tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    with Store(tmp_path / "db") as store:
        assert [ingest_file(store, extractor, p).outcome for p in sorted(folder.iterdir())] == ["ingested"] * len(SEEDS)
    with Store(tmp_path / "db") as store:
        assert [ingest_file(store, extractor, p).outcome for p in sorted(folder.iterdir())] == ["unchanged"] * len(SEEDS)
        assert store.counts()["articles"] == len(SEEDS)


@pytest.mark.parametrize("query", ["kazakhstan", "Kazakhstan", "KZ", "kz", "kazakh", "Kazakhe", "Astana", "Kazakh"])
def test_countries_are_found_by_name_code_adjective_and_capital(store, extractor, tmp_path, query):
    ingest_file(store, extractor, drop(tmp_path, "en.txt", ENGLISH))
    ingest_file(store, extractor, drop(tmp_path, "fr.txt", SEEDS[1].read_bytes()))
    reply = registry.run("articles", Context(store=store), {"query": query})
    assert reply.tone != "error", reply.summary
    assert len(reply.entries) == 2


def test_english_article_is_read_as_english(store, extractor, tmp_path):
    result = ingest_file(store, extractor, drop(tmp_path, "en.txt", ENGLISH))
    assert result.article.language == "en"
    assert {"KZ", "CN"} <= set(result.article.countries)
    assert result.article.published == "2024-06-03"


def test_a_burst_is_extracted_on_every_core_with_the_same_records(extractor, tmp_path):
    from handlers.extraction_pool import ExtractionPool
    from handlers.ingest import ingest_files
    from tests.system.test_crash import write_articles

    paths = write_articles(tmp_path / "drop", 16)
    with Store(tmp_path / "pooled") as pooled, ExtractionPool(extractor.model, workers=2) as pool:
        results = ingest_files(pooled, extractor, paths, pool=pool, pool_from=1)
        assert [r.outcome for r in results] == ["ingested"] * len(paths)
        with Store(tmp_path / "alone") as alone:
            ingest_files(alone, extractor, paths)
            for article in alone.articles_newest():
                assert pooled.meetings_of_article(article.id) == alone.meetings_of_article(article.id)
                assert pooled.quotes_of_article(article.id) == alone.quotes_of_article(article.id)
            assert pooled.counts() == alone.counts()
