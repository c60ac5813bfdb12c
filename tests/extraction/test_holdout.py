"""The hold-outs: 12 articles (tests/extraction/holdout) and 10 more (tests/extraction/holdout2), written for
the project and annotated by hand before the extractor was run on them. Their first scores were the
estimate of performance on unseen articles; these floors sit a little below the scores of version 0.9.0
(raised from 0.7.0's: holdout country, place, holdout2 country, place, date) so a regression shows up.
The holdout's quote F1 stays at 0.92: 0.9.0 reports "appelant à un cessez-le-feu" as the eval
conventions now require ("appeler à" is a required reported quote), which that older gold does not list.

Full report: .venv/bin/python -m extraction.evaluate tests/extraction/holdout2/gold.json tests/extraction/holdout2/articles --verbose
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from diplowatch.dates import publication_date

HOLDOUT = Path(__file__).parent / "holdout"
HOLDOUT2 = Path(__file__).parent / "holdout2"
FLOORS = {"meeting_f1": 0.93, "quote_f1": 0.92, "speaker_acc": 0.97, "place_acc": 0.95, "country_acc": 0.95}
FLOORS2 = {"meeting_f1": 0.95, "meeting_p": 0.97, "status_acc": 0.97, "date_acc": 0.93, "country_acc": 0.95,
           "place_acc": 0.88, "quote_f1": 0.97, "speaker_acc": 0.97, "quote_speaker_f1": 0.97}


def _scores(extractor, folder: Path):
    from extraction.evaluate import SHARED_SCORER, _load_scorer, system_row

    gold_path = folder / "gold.json"
    if not (gold_path.parent / "score.py").exists() and not SHARED_SCORER.exists():
        pytest.skip(f"the shared scorer is not available at {SHARED_SCORER}")
    scorer = _load_scorer(gold_path)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    rows = []
    for path in sorted((folder / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        rows.append(system_row(path.name, extractor.extract(text, published=publication_date(text))))
    with contextlib.redirect_stdout(io.StringIO()):
        return scorer.score(gold, rows)


@pytest.fixture(scope="module")
def holdout_scores(extractor):
    return _scores(extractor, HOLDOUT)


@pytest.fixture(scope="module")
def holdout2_scores(extractor):
    return _scores(extractor, HOLDOUT2)


@pytest.mark.parametrize("folder", [HOLDOUT, HOLDOUT2], ids=["holdout", "holdout2"])
def test_every_holdout_article_has_gold(folder):
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    assert {a["file"] for a in gold["articles"]} == {p.name for p in (folder / "articles").glob("*.txt")}


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_holdout_floor(holdout_scores, metric):
    assert holdout_scores["missing"] == 0
    assert holdout_scores[metric] >= FLOORS[metric], holdout_scores


@pytest.mark.parametrize("metric", sorted(FLOORS2))
def test_holdout2_floor(holdout2_scores, metric):
    assert holdout2_scores["missing"] == 0
    assert holdout2_scores[metric] >= FLOORS2[metric], holdout2_scores


def test_evaluation_prints_one_line_per_language(extractor):
    """`make eval` shows English beside French (the issue asks English within 0.05 of French): one
    line per language, each scored on that language's articles only."""
    from extraction.evaluate import _by_language, _load_scorer, system_row

    gold_path = HOLDOUT / "gold.json"
    if not (gold_path.parent / "score.py").exists():
        from extraction.evaluate import SHARED_SCORER
        if not SHARED_SCORER.exists():
            pytest.skip(f"the shared scorer is not available at {SHARED_SCORER}")
    scorer = _load_scorer(gold_path)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    english = [a for a in gold["articles"] if a["lang"] == "en"]
    gold = {**gold, "articles": english[:1] + [a for a in gold["articles"] if a["lang"] == "fr"][:2]}
    rows = []
    for article in gold["articles"]:
        text = (HOLDOUT / "articles" / article["file"]).read_text(encoding="utf-8")
        rows.append(system_row(article["file"], extractor.extract(text, published=publication_date(text))))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        _by_language(scorer, gold, rows)
    lines = out.getvalue().splitlines()
    assert [line.split("(")[0].strip() for line in lines] == ["en", "fr"]
    assert "( 1 articles)" in lines[0] and "( 2 articles)" in lines[1]
    assert all("meeting F1" in line and "quote+speaker" in line for line in lines)
