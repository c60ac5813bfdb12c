"""Words per second of the bare statistical model and of the whole extraction, on real articles.

    python -m extraction.speed [--model fr_core_news_sm] DIR_OR_FILE...

Reads every .txt under the given folders at run time (nothing is copied), runs the articles of
each language through ``nlp.pipe`` with our rule components disabled (the bare model), then through
``Extractor.extract_many`` (model + rules + assembling the records), each twice, keeping the
faster run, and prints both rates, the extraction's as a multiple of the bare model's (the issue's
"≥ 0.85×"), the model's load time and the process's peak memory.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from .language import detect_language


def _texts(paths: list[Path]) -> list[str]:
    files: list[Path] = []
    for p in paths:
        files.extend(sorted(p.rglob("*.txt")) if p.is_dir() else [p])
    return [f.read_text(encoding="utf-8") for f in files]


def _best(run, repeat: int = 2) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - t)
    return best


def _measure(extractor, lang: str, texts: list[str]) -> tuple[int, float, float]:
    """(words, seconds of the bare model, seconds of the whole extraction) for one language."""
    from . import normalise
    from .pipeline import RULE_COMPONENTS

    nlp = extractor._pipeline(lang)
    words = sum(len(x.split()) for x in texts)
    rules = [name for name in RULE_COMPONENTS if name in nlp.pipe_names]
    with nlp.select_pipes(disable=rules):
        bare = _best(lambda: list(nlp.pipe([normalise(x) for x in texts], batch_size=16)))
    full = _best(lambda: list(extractor.extract_many([(x, None) for x in texts])))
    return words, bare, full


def main(argv: list[str] | None = None) -> int:
    """Print the words per second of the bare model and of the extraction, per language."""
    parser = argparse.ArgumentParser(prog="python -m extraction.speed", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--model", default="fr_core_news_sm")
    args = parser.parse_args(argv)
    from . import Extractor

    t = time.perf_counter()
    extractor = Extractor(args.model)
    load = time.perf_counter() - t
    texts = _texts(args.paths)
    print(f"{args.model}: model load {load:.1f} s")
    for lang in ("fr", "en"):
        subset = [x for x in texts if detect_language(x) == lang]
        if not subset:
            continue
        words, bare, full = _measure(extractor, lang, subset)
        print(f"  {lang}: {len(subset)} articles, {words} words: bare model {words / bare:.0f} words/s "
              f"({1000 * bare / len(subset):.0f} ms per article), extraction {words / full:.0f} words/s "
              f"({1000 * full / len(subset):.0f} ms per article): {bare / full:.2f}x the bare model's words/s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
