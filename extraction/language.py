"""Cheap language identification by stop-word ratios (no model, no download)."""

from __future__ import annotations

import re
from pathlib import Path

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)

def _stop_words() -> dict[str, set[str]]:
    """Language -> its frequent function words (data/stop_words.tsv)."""
    out = {}
    for line in (Path(__file__).parent / "data" / "stop_words.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lang, words = line.split("	", 1)
            out[lang] = set(words.split())
    return out


STOP_WORDS = _stop_words()
SUPPORTED = ("fr", "en")


def detect_language(text: str) -> str:
    """'fr', 'en', another ISO 639-1 code, or 'und' when the text gives too little to tell."""
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    words = [w.split("'")[-1] if "'" in w and w[:2] in ("l'", "d'", "s'", "n'", "j'", "m'", "c'") else w for w in words]
    if len(words) < 3:
        return "und"
    scores = {lang: sum(1 for w in words if w in stops) / len(words) for lang, stops in STOP_WORDS.items()}
    best = max(scores, key=scores.get)
    if scores[best] < 0.05:
        return "und"
    return best
