"""Evaluate the extraction against annotated articles.

    python -m extraction.evaluate GOLD.json ARTICLES_DIR [--verbose] [--keep] [--score PATH]

Runs the Extractor over ARTICLES_DIR/*.txt, writes the system JSONL (one object per article, the
shape of ../shared/eval/README.md plus evidence) to a temporary file, scores it with the
score.py that sits next to GOLD.json (imported by path, never copied; else --score PATH, else
../shared/eval/score.py relative to the repository), and prints the scores, the time per article and
the words per second.

Every set at once: ``make eval`` (seeds, dev, dev2, the two project hold-outs, then the words/s of
the bare model and of the extraction, extraction/speed.py). One set, from the repository root:

    .venv/bin/python -m extraction.evaluate ../shared/eval/dev2/gold.json ../shared/eval/dev2/articles --verbose

The project hold-outs (tests/extraction/holdout, holdout2: articles written for the project, gold
annotated by hand before the extractor was run on them) have floors asserted by
tests/extraction/test_holdout.py.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

from diplowatch.dates import publication_date


SHARED_SCORER = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "score.py"


def _load_scorer(gold: Path, explicit: Path | None = None):
    """score.py given with --score, else next to GOLD.json (or one folder up), else the shared one
    (../shared/eval/score.py relative to the repository)."""
    if explicit is not None and not explicit.exists():
        raise SystemExit(f"--score {explicit}: no such file")
    candidates = (explicit,) if explicit else (gold.parent / "score.py", gold.parent.parent / "score.py", SHARED_SCORER)
    for candidate in candidates:
        if candidate.exists():
            spec = importlib.util.spec_from_file_location("shared_eval_score", candidate)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    raise SystemExit(f"score.py not found next to {gold} nor at {SHARED_SCORER}: pass --score PATH")


def system_row(name: str, extraction) -> dict:
    return {
        "file": name,
        "lang": extraction.language,
        "meetings": [m.to_dict() for m in extraction.meetings],
        "quotes": [q.to_dict() for q in extraction.quotes],
        "warnings": list(extraction.warnings),
    }


BY_LANGUAGE = (("meeting F1", "meeting_f1"), ("R", "meeting_r"), ("date", "date_acc"), ("place", "place_acc"),
               ("country", "country_acc"), ("quote F1", "quote_f1"), ("speaker", "speaker_acc"),
               ("quote+speaker", "quote_speaker_f1"))


def _by_language(scorer, gold: dict, rows: list[dict]) -> None:
    """One line per language with the headline metrics (English must stay within 0.05 of French),
    scored by the same scorer on each language's articles; its detailed print is silenced."""
    langs = sorted({a.get("lang") or "?" for a in gold["articles"]})
    if len(langs) < 2:
        return
    for lang in langs:
        subset = {**gold, "articles": [a for a in gold["articles"] if (a.get("lang") or "?") == lang]}
        names = {a["file"] for a in subset["articles"]}
        with contextlib.redirect_stdout(io.StringIO()):
            summary = scorer.score(subset, [r for r in rows if r["file"] in names])
        cells = "  ".join(f"{label} {summary[key]:.2f}" for label, key in BY_LANGUAGE)
        print(f"  {lang} ({len(names):2d} articles)  {cells}")


def main(argv: list[str] | None = None) -> int:
    """Extract every article of the folder, score against the gold, print the scores and speed."""
    parser = argparse.ArgumentParser(prog="python -m extraction.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("articles", type=Path)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the system JSONL and print its path")
    parser.add_argument("--model", default=None, help="French spaCy model to load (default: the Extractor's)")
    parser.add_argument("--label", default=None, help="a name for the set, printed as a header")
    parser.add_argument("--score", type=Path, default=None, help="path of score.py (default: next to GOLD.json, "
                        "else ../shared/eval/score.py relative to the repository)")
    args = parser.parse_args(argv)
    scorer = _load_scorer(args.gold, args.score)
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    files = sorted(args.articles.glob("*.txt"))
    if not files:
        print(f"no .txt files in {args.articles}", file=sys.stderr)
        return 2

    from extraction import Extractor

    if args.label:
        print(f"===== {args.label}: {args.gold} on {args.articles}")
    t0 = time.perf_counter()
    extractor = Extractor(args.model) if args.model else Extractor()
    load_time = time.perf_counter() - t0
    rows, words, spent = [], 0, 0.0
    for path in files:
        text = path.read_text(encoding="utf-8")
        t = time.perf_counter()
        result = extractor.extract(text, published=publication_date(text))
        spent += time.perf_counter() - t
        words += len(text.split())
        rows.append(system_row(path.name, result))
        if args.verbose:
            print(f"--- {path.name} [{result.language}] {'; '.join(result.warnings)}")
            for m in result.meetings:
                names = ", ".join(f"{p.name or p.role}/{p.country}" for p in m.participants)
                print(f"  M {m.status}/{m.kind} {m.date} @{m.place}: {names}")
            for q in result.quotes:
                print(f"  Q {q.kind} {q.speaker}/{q.speaker_country}: {q.text[:80]}")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    scorer.score(gold, rows, verbose=args.verbose)
    _by_language(scorer, gold, rows)
    n = len(files)
    print(f"model load {load_time:.1f} s; {n} articles, {words} words: {1000 * spent / n:.0f} ms per article, "
          f"{words / spent if spent else 0:.0f} words/s ({extractor.version})")
    if args.keep:
        print(f"system output: {out.name}")
    else:
        Path(out.name).unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
