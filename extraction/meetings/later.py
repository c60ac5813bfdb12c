"""Encounters told as a later moment of another one's sentence: "ahead of a summit", "avant une réunion
du Conseil européen", "C's planned visit to the White House in July". They are no encounter of the
sentence's own parties, and their words (time, place, people) are not the other encounter's."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicons import load
from ..words import fold, lemma
from .triggers import trigger_kind

# words before a meeting noun that make it a moment still to come ("C's planned visit", "la prochaine réunion")
_LATER = frozenset({"planned", "upcoming", "forthcoming", "prochain", "prochaine", "future"})
_VISITS = frozenset({"visit", "visite", "trip", "voyage", "tour", "tournée"})


def ahead_of(tok: Token) -> bool:
    """ "Ils se reverront à Malte avant une réunion du Conseil européen", "ahead of a summit": a meeting
    noun after "avant", "before" is a later moment, not an encounter of the clause's subject (one after
    "après" is often the same parties' earlier one: "neuf jours après leur premier entretien")."""
    if tok.pos_ != "NOUN":
        return False
    if any(c.dep_ == "case" and c.lower_ == "avant" for c in tok.children):
        return True
    head = tok.head if tok.dep_ == "pobj" else None
    return head is not None and (head.lower_ == "before" or head.lower_ == "of" and head.head.lower_ == "ahead")


def later_event(tok: Token, lang: str) -> bool:
    """A meeting word, a visit or a gathering told as a later moment (see the module's docstring)."""
    if tok.pos_ != "NOUN" or not (ahead_of(tok) or any(fold(c.text) in _LATER for c in tok.children if c.i < tok.i)):
        return False
    return bool(trigger_kind(tok, lang)) or lemma(tok) in _VISITS or fold(tok.text) in load().words("gathering")
