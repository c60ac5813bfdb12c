"""The hold-out: 12 articles written for the project (tests/extraction/holdout), annotated by hand
before the extractor was run on them. Its scores are the estimate of performance on unseen
articles; these floors sit a little below the scores of version 0.6.0 so a regression shows up.

Full report: .venv/bin/python -m extraction.evaluate tests/extraction/holdout/gold.json tests/extraction/holdout/articles --verbose
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from diplowatch.dates import publication_date

HOLDOUT = Path(__file__).parent / "holdout"
FLOORS = {"meeting_f1": 0.90, "quote_f1": 0.92, "speaker_acc": 0.95}


@pytest.fixture(scope="module")
def holdout_scores(extractor):
    from extraction.evaluate import SHARED_SCORER, _load_scorer, system_row

    gold_path = HOLDOUT / "gold.json"
    if not (gold_path.parent / "score.py").exists() and not SHARED_SCORER.exists():
        pytest.skip(f"the shared scorer is not available at {SHARED_SCORER}")
    scorer = _load_scorer(gold_path)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    rows = []
    for path in sorted((HOLDOUT / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        rows.append(system_row(path.name, extractor.extract(text, published=publication_date(text))))
    with contextlib.redirect_stdout(io.StringIO()):
        return scorer.score(gold, rows)


def test_every_holdout_article_has_gold():
    gold = json.loads((HOLDOUT / "gold.json").read_text(encoding="utf-8"))
    assert {a["file"] for a in gold["articles"]} == {p.name for p in (HOLDOUT / "articles").glob("*.txt")}


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_holdout_floor(holdout_scores, metric):
    assert holdout_scores["missing"] == 0
    assert holdout_scores[metric] >= FLOORS[metric], holdout_scores
