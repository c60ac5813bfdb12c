"""A meeting noun framing its clause ("Lors de cet entretien, ...", "During the meeting with X, ...",
"La veille de sa rencontre avec X, ..."): what belongs to the framing encounter and what to the
clause's own."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicons import load
from ..people.model import Mention, sent_bounds
from ..words import has, span_text
from .participants import quoted
from .triggers import trigger_kind

# "Avant sa rencontre avec X, Y fera ...", "La veille de sa rencontre avec X": the clause is another moment's
_OTHER_MOMENT = frozenset({"avant", "après", "apres", "before", "after", "following", "veille", "lendemain", "eve"})
_FRAMES = frozenset({"during", "at", "in", "lors", "pendant", "durant", "au", "à", "a"}) | _OTHER_MOMENT


def _theirs(tok: Token) -> bool:
    """ "neuf jours après leur premier entretien à Bamako": a plural possessor, the clause's parties."""
    return any(c.lower_ in ("leur", "leurs", "their") for c in tok.children)


def _another_moment(tok: Token) -> bool:
    """The meeting noun frames its clause as a moment before or after it."""
    marks = [c for c in tok.children if c.dep_ == "case"] + [tok.head]
    return any(m.lower_ in _OTHER_MOMENT for m in marks)


def framing_phrase(tok: Token) -> set[int] | None:
    """ "During the meeting with X, the President noted the importance of the forum in Kostanay", "Lors de
    cet entretien, ...": a meeting noun framing the clause as its time; a place of the clause is
    what was talked of, only the noun's own words tell where the meeting was."""
    if tok.pos_ != "NOUN" or not has(tok.doc, "DEP"):
        return None
    # "during the meeting" (the preposition heads the noun), "lors de cet entretien" ("lors" heads it)
    head = tok.head if tok.dep_ == "pobj" or tok.head.pos_ == "ADV" or tok.head.lower_ in ("veille", "lendemain", "eve") else None
    marks = [c for c in tok.children if c.dep_ == "case"] + ([head] if head is not None else [])
    if any(m.lower_ in _FRAMES for m in marks):
        return _opening_to_comma(tok) or {t.i for t in tok.subtree}
    return None


def _opening_to_comma(tok: Token) -> set[int]:
    """ "Au lendemain de l'appel entre A et B, C et D se sont rencontrés": a framing phrase that opens
    its sentence runs to its comma, whatever the parse (the small models hang B on the main clause's
    verb, or C and D on B as its conjuncts)."""
    doc = tok.doc
    start, end = sent_bounds(doc, tok.i)
    root = next((t for t in doc[start:end] if t.head.i == t.i), None)
    if tok.i - start > 6 or root is None or root.i <= tok.i:
        return set()
    # the comma before the main clause ("During their meeting, which took place at X, the two ...")
    comma = max((t.i for t in doc[tok.i + 1:root.i] if t.text in (",", ";")), default=None)
    return set(range(start, comma)) if comma is not None else set()


def framing_pair(doc: Doc, sent, frame: set[int], parts: list[Mention], mentions: list[Mention]) -> list[Mention]:
    """ "During a meeting with X, the two leaders agreed ...": the meeting framing the clause is X's
    with the person named last before the sentence (within three sentences): the one the story
    follows."""
    two = load().phrases("n_of_them").search(span_text(doc, sent.start, sent.end))
    if two is None or sent.start_char + two.start() <= doc[max(frame)].idx:
        return []  # "the two leaders" must be the main clause's, after the framing phrase
    start = sent.start
    for _ in range(3):
        if start > 0:
            start = sent_bounds(doc, start - 1)[0]
    keys = {m.key for m in parts}
    before = [m for m in mentions if start <= m.start < sent.start and m.kind == "person" and not m.quoted
              and m.key not in keys]
    return before[-1:]


def own_scope(doc: Doc, sent, tok: Token, scope: set[int], frame: set[int] | None, lang: str) -> set[int]:
    """The words a framing meeting noun takes its parties from: "La veille de sa rencontre avec X, Y
    s'entretiendra avec Z" is X's encounter, not Z's; but "Y said after talks with X" (the clause tells
    no encounter of its own outside quotation marks) and "après leur premier entretien" (a plural
    possessor: the clause's parties) keep the whole scope."""
    if not frame or not scope & frame or not _another_moment(tok) or _theirs(tok):
        return scope
    if any(t.i not in frame and t.pos_ in ("VERB", "NOUN") and trigger_kind(t, lang) and not quoted(doc, sent, t)
           for t in sent):
        return scope & frame
    return scope
