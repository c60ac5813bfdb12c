"""Cheap language identification by stop-word ratios (no model, no download)."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)

STOP_WORDS = {
    "fr": set("le la les de des du un une et est en au aux que qui dans pour par sur avec il elle ils ont a été "
              "ce cette ces son sa ses leur nous vous pas ne plus se sont lors selon entre d l qu".split()),
    "en": set("the of and to in a is was for on with that by as at from has have he she it its his her "
              "their they this were be been are an said will not which".split()),
    "de": set("der die das und ist nicht mit den dem des ein eine zu von auf für im sich auch".split()),
    "es": set("el la los las y de del que en un una por con para se es su sus al lo como".split()),
    "it": set("il lo gli la le di del della che e un una per con non sono è nel alla".split()),
    "pt": set("o os a as de do da dos das que e um uma para com não em no na por se".split()),
}
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
