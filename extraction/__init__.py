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

__all__ = ["Extractor", "detect_language", "Extraction", "Meeting", "Participant", "Quote", "Evidence"]

VERSION = "0.6.0"
MAX_CHARS = 100_000  # a news article is ~10,000; beyond this only the opening is read
ENGLISH_REDUCED = "English article: rules-only pipeline (install the 'en' extra for the English model)"


def normalise(text: str) -> str:
    """Typographic apostrophes to ASCII: same length, so offsets into the original text hold."""
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")


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
        if len(text) > MAX_CHARS:
            cut = text.rfind("\n", 0, MAX_CHARS)
            text = text[: cut if cut > MAX_CHARS // 2 else MAX_CHARS]
            warnings.append(f"text longer than {MAX_CHARS} characters: only the first {len(text)} were read")
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
                texts = [normalise(chunk[i][0][:MAX_CHARS]) for i in idx]
                docs = nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
                for i, doc in zip(idx, docs):
                    out[i] = assemble(doc, chunk[i][0][:MAX_CHARS], chunk[i][1], lang, self._warnings(lang))
            for i, result in enumerate(out):
                yield result if result is not None else Extraction(language=langs[i], warnings=("empty text",))
