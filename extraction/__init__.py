"""Extraction of meetings (who met whom) and quotes (who said what) from news articles.

The only package of the project that imports spaCy. Usage:

    extractor = Extractor()              # loads the French model once (a few seconds)
    result = extractor.extract(text, published="2024-05-20")
    result.meetings, result.quotes, result.people, ...
"""

from __future__ import annotations

from itertools import islice
from typing import Iterable, Iterator

from diplowatch.records import Evidence, Extraction, Meeting, Participant, Quote

from .assemble import assemble
from .language import detect_language
from .wrapping import unwrapped

__all__ = ["Extractor", "detect_language", "Extraction", "Meeting", "Participant", "Quote", "Evidence"]

VERSION = "0.41.14"
MAX_CHARS = 100_000  # a news article is ~10,000; beyond this only the opening is read
MAX_TOKENS = 10_000  # ~2,000 for a long article; bounds the model's time (60,000 short lines fit in 100,000 chars)
ENGLISH_REDUCED = "English article: rules-only pipeline (install the 'en' extra for the English model)"


def normalise(text: str) -> str:
    """Typographic apostrophes to ASCII and the line breaks a wrapped text puts inside its sentences
    to spaces: same length, so offsets into the original text hold."""
    return unwrapped(text.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'"))


def _cut(text: str, limit: int) -> str:
    """The opening of text up to limit characters, ending at a line break when one is not too far back."""
    cut = text.rfind("\n", 0, limit)
    return text[: cut if cut > limit // 2 else limit]


def _cap(text: str, nlp) -> str:
    """The part of the text that is read: at most MAX_CHARS characters and MAX_TOKENS tokens
    (the tokenizer alone is fast; the statistical model is what costs time on a long input)."""
    if len(text) > MAX_CHARS:
        text = _cut(text, MAX_CHARS)
    if len(text) > MAX_TOKENS:  # fewer characters than the limit cannot make more tokens
        tokens = nlp.tokenizer(normalise(text))
        if len(tokens) > MAX_TOKENS:
            text = _cut(text, tokens[MAX_TOKENS].idx)
    return text


class Extractor:
    version: str = VERSION

    def __init__(self, model: str = "fr_core_news_sm") -> None:
        from .pipeline import french

        self.model = model
        self.nlp = french(model)
        self._english = None
        self._english_full = False

    # ------------------------------------------------------------------ pipelines
    def _pipeline(self, lang: str):
        if lang == "en":
            if self._english is None:
                from .pipeline import english

                self._english, self._english_full = english()
            return self._english
        return self.nlp

    def _warnings(self, lang: str) -> list[str]:
        if lang == "en" and not self._english_full:
            return [ENGLISH_REDUCED]
        if lang not in ("fr", "en"):
            return [f"language '{lang}' is not supported: French rules applied, results may be poor"]
        return []

    # ------------------------------------------------------------------ API
    def extract(self, text: str, *, published: str | None = None, title: str | None = None) -> Extraction:
        text = text or ""
        lang = detect_language(text)
        if not text.strip():
            return Extraction(language=lang, warnings=("empty text",))
        nlp = self._pipeline(lang)
        warnings = self._warnings(lang)
        capped = _cap(text, nlp)
        if len(capped) < len(text):
            warnings.append(f"text longer than {MAX_CHARS} characters or {MAX_TOKENS} tokens: "
                            f"only the first {len(capped)} characters were read")
            text = capped
        doc = nlp(normalise(text))
        return assemble(doc, text, published, lang, warnings)

    def extract_many(self, items: Iterable[tuple[str, str | None]], *, n_process: int = 1,
                     batch_size: int = 16) -> Iterator[Extraction]:
        iterator = iter(items)
        while True:
            chunk = list(islice(iterator, max(1, batch_size)))
            if not chunk:
                return
            langs = [detect_language(text or "") for text, _ in chunk]
            out: list[Extraction | None] = [None] * len(chunk)
            for lang in set(langs):
                idx = [i for i, lg in enumerate(langs) if lg == lang and (chunk[i][0] or "").strip()]
                if not idx:
                    continue
                nlp = self._pipeline(lang)
                originals = [_cap(chunk[i][0], nlp) for i in idx]
                docs = nlp.pipe([normalise(t) for t in originals], batch_size=batch_size, n_process=n_process)
                for i, original, doc in zip(idx, originals, docs):
                    out[i] = assemble(doc, original, chunk[i][1], lang, self._warnings(lang))
            for i, result in enumerate(out):
                yield result if result is not None else Extraction(language=langs[i], warnings=("empty text",))
