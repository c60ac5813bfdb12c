"""A visitor's round of the host country's office-holders, told in one list ("Later on Wednesday, X
will meet with President A, parliament speaker B and Patriarch C", "Y also held talks with Chief
Cabinet Secretary A, party chief B and former prime minister C"): so many bilateral encounters, as
the annotators read them, where people received together, a delegation or a group "including" them
are one encounter."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicons import load
from ..people.model import Mention
from ..words import fold, lemma


def one_per_host(doc: Doc, tok: Token, parts: list[Mention]) -> list[list[Mention]] | None:
    """One group per person named after the meeting word, each with the one person before it, when
    they are all of one country that is not the visitor's; else None."""
    lex = load()
    before = [m for m in parts if m.start < tok.i]
    after = [m for m in parts if m.start > tok.i]
    # the visitor: of a state, or of an organisation ("le Président de la Commission de l'Union africaine")
    if len({m.key for m in before}) != 1 or len(after) < 2 or not (before[0].country or before[0].org):
        return None
    if any(m.kind != "person" or m.plural or not m.key for m in after) or len({m.key for m in after}) < len(after):
        return None
    countries = {m.country for m in after if m.country}
    if len(countries) > 1 or before[0].country in countries:
        return None
    roles = [(m.role or "").lower() for m in after]
    if not countries and (not all(roles) or len(set(roles)) < len(roles)):
        return None  # of no country the sentence tells: each must hold an office of their own
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if lemma(verb) in lex.words("host_verb") or lemma(tok) in lex.words("host_verb"):
        return None  # "A received B and C": the visitors came together
    sent = tok.sent
    if any(fold(t.text) in lex.words("joint_marker") or fold(t.text) in lex.words("three_sided") for t in sent):
        return None
    # "prominent figures including A and B": the people are a group the sentence names
    if any(t.pos_ == "NOUN" and "Plur" in t.morph.get("Number") for t in doc[tok.i + 1:after[0].start]):
        return None
    if not _one_list(doc, after):
        return None  # "met A at a hall built by then President B": B is no one met
    return [before + [m] for m in after]


def _one_list(doc: Doc, after: list[Mention]) -> bool:
    """No clause stands between the people (the parse's conjuncts are too often wrong to ask for)."""
    return not any(t.dep_ in _CLAUSES for t in doc[after[0].end:after[-1].start])


_CLAUSES = frozenset({"acl", "acl:relcl", "relcl", "advcl", "ccomp", "xcomp", "csubj"})
