"""Words per second of the bare statistical model and of the whole extraction, on real articles.

    python -m extraction.speed [--model fr_core_news_sm] DIR_OR_FILE...

Reads every .txt under the given folders at run time (nothing is copied), runs the French articles
through ``nlp.pipe`` with our rule components disabled (the bare model), then through
``Extractor.extract_many`` (model + rules + assembling the records), each twice, keeping the
faster run, and prints both rates, their ratio, the model's load time and the process's peak memory.
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extraction.speed", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--model", default="fr_core_news_sm")
    args = parser.parse_args(argv)
    from . import Extractor, normalise
    from .pipeline import RULE_COMPONENTS

    t = time.perf_counter()
    extractor = Extractor(args.model)
    load = time.perf_counter() - t
    texts = [x for x in _texts(args.paths) if detect_language(x) == "fr"]
    words = sum(len(x.split()) for x in texts)
    nlp = extractor.nlp
    with nlp.select_pipes(disable=list(RULE_COMPONENTS)):
        bare = _best(lambda: list(nlp.pipe([normalise(x) for x in texts], batch_size=16)))
    full = _best(lambda: list(extractor.extract_many([(x, None) for x in texts])))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.model}: {len(texts)} French articles, {words} words; load {load:.1f} s, peak memory {peak:.0f} MB")
    print(f"  bare model   {words / bare:7.0f} words/s ({1000 * bare / len(texts):.0f} ms per article)")
    print(f"  extraction   {words / full:7.0f} words/s ({1000 * full / len(texts):.0f} ms per article)")
    print(f"  ratio        {full / bare:.2f} (rules and assembling cost {100 * (full - bare) / full:.0f}% of the time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
