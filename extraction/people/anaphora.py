"""Anaphora: the person a pronoun, a relative pronoun or "l'intéressé" stands for.

Constructions handled:
- "elle" / "she" / "a-t-elle": the latest person marked feminine (Mme, la ministre, présidente,
  spokeswoman...) when the recent text has one;
- "il" / "he" / "a-t-il": never a person marked feminine; the subject of the current sentence
  written before the pronoun, else the subject of the nearest earlier sentence with a person
  subject (the salient one: a readout's subject, the last speaker), else the latest person;
- a relative pronoun ("Kassym-Jomart Tokaïev, qui ... a déclaré"): the mention its clause hangs
  on, else the mention right before it.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc

from .. import geo
from ..lexicons import load
from ..words import fold, has, lemma
from .model import Mention, sent_bounds


def is_feminine(doc: Doc, m: Mention) -> bool:
    """A mention marked feminine by its title or role ("Mme", "spokeswoman", "la ministre", "présidente")."""
    if m.gender == "f":
        return True
    persons = doc._.persons or {}
    p = persons.get(m.key) if m.key else None
    return bool(p is not None and p.gender == "f")


def _first_verb(doc: Doc, start: int, end: int) -> int:
    for t in doc[start:end]:
        if t.pos_ in ("VERB", "AUX") and not geo.adjective_country(t.text) and not t.text[:1].isupper():
            return t.i
    return end


def is_subject_mention(doc: Doc, m: Mention, first_in_sentence: bool) -> bool:
    """The mention is the subject of its clause: dependency label on the name or its title, or the
    first person of the sentence written before any verb ("Le président chinois Xi Jinping a ...")."""
    lo = max(sent_bounds(doc, m.start)[0], m.start - 10)
    k = m.start - 1
    while k >= lo and doc[k].pos_ == "DET":
        k -= 1
    # "lors de sa rencontre avec son homologue iranien": an object, whatever the parse's label
    governed = k >= lo and doc[k].pos_ == "ADP" and doc[k].lower_ in ("avec", "with", "à", "au", "aux", "par", "by", "to")
    for t in doc[lo:m.end] if not governed else ():
        if t.dep_.startswith("nsubj") and not (t.head.i >= lo and t.head.i < m.end):
            # the name itself, or the title it is apposed to ("Le prince héritier d'Arabie saoudite, X, ...")
            if t.i >= m.start or t.pos_ in ("NOUN", "PROPN") and (m.start - t.i <= 5 or t.head.i >= m.end):
                return True
    if _inverted_speaker(doc, m):
        return True
    if first_in_sentence:
        s = sent_bounds(doc, m.start)[0]
        return _first_verb(doc, s, m.start) >= m.start
    return False


def _inverted_speaker(doc: Doc, m: Mention) -> bool:
    """The name follows the verb of an attribution after the words it reports ("« ... », a dit X",
    "..., said X"): the sentence's subject, whatever the parser made of it."""
    if m.start < 2:
        return False
    k = m.start - 1
    while k > 0 and m.start - k <= 5 and doc[k].pos_ in ("NOUN", "PROPN", "ADJ", "DET") and not doc[k].is_punct:
        k -= 1  # "..., said Presidency spokesperson X": the title between the verb and the name
    verb = doc[k]
    if verb.pos_ not in ("VERB", "AUX") or (doc.lang_, lemma(verb)) not in load().reporting:
        return False
    j = verb.i - 1
    while j > 0 and doc[j].pos_ == "AUX":
        j -= 1
    return doc[j].text in (",", "»", "”", '"')


def relative_antecedent(doc: Doc, tok, mentions: list[Mention]) -> Mention | None:
    """The mention a relative pronoun stands for: "Kassym-Jomart Tokaïev, qui ... a déclaré"."""
    cands = [m for m in mentions if m.end <= tok.i and (m.kind == "person" or m.key)]
    head = tok.head
    if head.i != tok.i and head.dep_.startswith(("acl", "relcl")) and head.head.i < tok.i:
        target = head.head.i
        for m in reversed(cands):
            if m.start - 4 <= target < m.end:
                return m
    for m in reversed(cands):
        gap = [t for t in doc[m.end:tok.i] if not t.is_punct]
        if len(gap) <= 1 and sent_bounds(doc, m.start)[0] == sent_bounds(doc, tok.i)[0]:
            return m
    return None


def _window(doc: Doc, i: int, mentions: list[Mention]) -> list[Mention]:
    starts = [m.start for m in mentions]
    hi = bisect_left(starts, i)
    lo = bisect_left(starts, max(0, i - 400))
    return [m for m in mentions[lo:hi] if (m.kind == "person" or m.key) and not m.plural and not m.quoted]


def _reporter(doc: Doc, i: int, window: list[Mention]) -> Mention | None:
    """ "X revealed that he had phoned Y", "X a indiqué qu'il avait reçu Y": the subject of a clause a verb
    of saying introduces is its speaker, when the speaker is a named person of the sentence."""
    tok = doc[i]
    if not has(doc, "DEP") or not tok.dep_.startswith("nsubj"):
        return None
    verb = tok.head
    for _ in range(3):
        if verb.dep_ == "ccomp" and lemma(verb.head) in load().reporting_lemmas:
            subj = next((c for c in reversed(list(verb.head.lefts)) if c.dep_.startswith("nsubj")), None)
            if subj is None or subj.i == i:
                return None
            span = {t.i for t in subj.subtree if t.dep_ not in ("acl", "relcl", "acl:relcl")} | {subj.i}
            found = [m for m in window if m.kind == "person" and span & set(range(m.start, m.end))]
            return max(found, key=lambda m: m.start) if found else None  # the name nearest the verb
        if verb.head.i == verb.i or verb.dep_ not in ("aux", "conj", "xcomp"):
            break
        verb = verb.head
    return None


def pronoun_antecedent(doc: Doc, i: int, mentions: list[Mention], gender: str | None = None) -> Mention | None:
    """The person a pronoun at token i most likely refers to (see the module's docstring);
    ``gender`` "f" / "m" when the anaphor is not a pronoun ("cette dernière", "l'intéressé")."""
    window = _window(doc, i, mentions)
    if not window:
        return None
    words = load()
    if gender is None:
        gender = "f" if doc[i].lower_ in words.words("pronoun_f") else "m" if doc[i].lower_ in words.words("pronoun_m") else None
    reporter = _reporter(doc, i, window)
    if reporter is not None and (gender != "f" or is_feminine(doc, reporter)):
        return reporter
    if gender == "f":
        fem = [m for m in window if is_feminine(doc, m)]
        fem_keys = {m.key for m in fem if m.key}
        fem += [m for m in window if m.key in fem_keys]
        if fem:
            return max(fem, key=lambda m: m.start)
    elif gender == "m":
        window = [m for m in window if not is_feminine(doc, m)] or window
    by_sent: dict[int, list[Mention]] = {}
    for m in window:
        by_sent.setdefault(sent_bounds(doc, m.start)[0], []).append(m)
    for s in sorted(by_sent, reverse=True)[:4]:
        ms = sorted(by_sent[s], key=lambda m: m.start)
        # a description resolved to a named person counts as that person ("Le vice-Premier ministre ...
        # du Pakistan, lors de sa rencontre ..., a exprimé ... Il a déclaré")
        persons_only = [m for m in ms if m.kind == "person" or m.key and not m.key.startswith("~")] or ms
        for m in ms:
            if is_subject_mention(doc, m, m is persons_only[0]):
                return m
    return window[-1]


def anaphor_antecedent(doc: Doc, i: int, mentions: list[Mention], strict: bool = False) -> Mention | None | bool:
    """ "cette dernière", "ce dernier", "the latter", "l'intéressé" at token i (after its determiner):
    "dernier" / "latter" is the person named last in the same or the previous sentence (not the
    salient subject a pronoun takes), of the same gender when it is marked; "l'intéressé" is read as
    a pronoun of its gender. False when the token is no such anaphor. `strict`: a feminine anaphor
    only for a person known to be a woman, and no fallback to the pronoun's reading (for a meeting's
    party, where a wrong person is a wrong encounter)."""
    words = load()
    tok = doc[i]
    gender = "f" if tok.lower_ in words.words("anaphor_f") else "m" if tok.lower_ in words.words("anaphor_m") else None
    if not gender or i == 0 or doc[i - 1].pos_ != "DET":
        return False
    if fold(tok.text) in words.words("latter"):
        floor = sent_bounds(doc, max(0, sent_bounds(doc, i)[0] - 1))[0]
        for m in reversed(mentions):
            if m.start >= i - 1 or m.kind != "person":
                continue
            if m.start < floor:
                break
            if gender == "m" and is_feminine(doc, m) or gender == "f" and not is_feminine(doc, m) and (m.gender or strict):
                continue
            return m
    return None if strict else pronoun_antecedent(doc, i - 1, mentions, gender)
