"""Which time expressions of a sentence are a meeting's (see extraction/dates.py for resolving them).

Rules:
- the words in the trigger's scope, not a relative clause about a person; a dateline's date only when
  the sentence gives none; a clause joined to the verb before it has that verb's time;
- not another moment's: a "since" / "depuis" phrase ("the first call since 18 February"), an archive
  photo's caption, the day a verb of saying reports an encounter still to come;
- none at all: the day of the sentence before, when it tells of one of the parties.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Token

from ..dates import Cue, find_cues, in_dated_line, vague_time
from ..lexicons import load
from ..people.model import Mention, sent_bounds
from ..words import doc_text, has, lemma, positions, span_text, starts as token_starts, texts
from .later import later_event
from .triggers import trigger_kind


def meeting_cues(doc: Doc, sent, tok: Token, scope: set[int], mentions: list[Mention], visit: bool) -> list[Cue]:
    """The time expressions of a meeting (see the module's docstring)."""
    person_tokens = {i for m in mentions if m.kind == "person" and sent.start <= m.start < sent.end
                     for i in range(m.start, m.end)}
    relative = {t.i for r in sent if r.dep_ in ("relcl", "acl:relcl") and r.head.i in person_tokens
                and tok not in r.subtree for t in r.subtree} if has(doc, "DEP") else set()
    at, tx = token_starts(doc), texts(doc)  # not a Token per word
    spans = [(at[i], at[i] + len(tx[i])) for i in scope if i not in relative]
    rel_spans = [(at[i], at[i] + len(tx[i])) for i in relative]
    all_cues = [c for c in find_cues(doc_text(doc)[sent.start_char:sent.end_char], sent.start_char)
                if not since(doc, c) and not _of_a_later_event(doc, c, tok) and not _of_an_earlier_event(doc, c, tok)]
    cues = [c for c in all_cues if any(s <= c.start < e for s, e in spans) or c.start == sent.start_char]
    told = [c for c in cues if not in_dated_line(doc_text(doc), c.start)]
    if not told and has(doc, "DEP"):  # none of its own, or only the dateline's
        told = [c for c in _first_conjunct_cues(doc, scope, all_cues) if not in_dated_line(doc_text(doc), c.start)]
    cues = told or cues
    if not cues and visit:
        # a visit's sentence lends its time, but not one after a later moment ("C's planned visit in July")
        later = next((t.idx for t in doc[tok.i + 1:sent.end] if later_event(t, doc.lang_)), sent.end_char)
        cues = [c for c in all_cues if not any(s <= c.start < e for s, e in rel_spans) and c.start < later]
    return cues


def token_at(doc: Doc, char: int) -> Token | None:
    """The first token at or after a character offset (a time expression's first word); the token
    offsets are listed once per document."""
    i = bisect_left(token_starts(doc), char)
    return doc[i] if i < len(doc) else None


_ARCHIVE = re.compile(r"\(archives?\)|photo d'archives?|archive (?:photo|image)|file (?:photo|picture)", re.I)


def archive_caption(text: str) -> bool:
    """An archive photo's caption ("..., le 19 mai 2025 (archives)"): its date is the photo's."""
    return _ARCHIVE.search(text) is not None


def of_the_attribution(doc: Doc, cue: Cue, tok: Token) -> bool:
    """ "X se rendra à Bruxelles, a indiqué jeudi le cabinet": a time on the verb of saying that
    reports an encounter still to come is when it was said, not when it will be."""
    t = token_at(doc, cue.start)
    if t is None or not has(doc, "DEP"):
        return False
    verb = t.head.head if t.head.pos_ == "ADP" else t.head  # "said on Tuesday"
    return verb.i != tok.i and verb.pos_ in ("VERB", "AUX") and lemma(verb) in load().reporting_lemmas


_SINCE = frozenset({"since", "depuis"})


def since(doc: Doc, cue: Cue) -> bool:
    """ "the first call between A and B since 18 February", "depuis qu'il a pris ses fonctions le mois
    dernier": a time after "since" / "depuis" is of the encounter before, not of this one."""
    tok = token_at(doc, cue.start)
    return tok is not None and after_since(tok)


def after_since(tok: Token) -> bool:
    """The word is in a "since ..." / "depuis ..." phrase or clause (its time and place are another
    moment's)."""
    doc = tok.doc
    start, end = sent_bounds(doc, tok.i)
    at = positions(doc, "since", _SINCE)
    k = bisect_left(at, start - 2)
    if k == len(at) or at[k] >= end:
        return False  # no "since" in the sentence, nor just before it: the tree below holds none
    if any(t.lower_ in _SINCE for t in doc[max(0, tok.i - 2):tok.i]):
        return True
    for t in reversed(doc[max(start, tok.i - 16):tok.i]):
        # "depuis le début de l'invasion de son pays par la Russie le 24 février": the parser hung the date
        # elsewhere, but no comma nor verb stands between it and "depuis"
        if t.is_punct or t.pos_ in ("VERB", "AUX"):
            break
        if t.lower_ in _SINCE:
            return True
    if not has(doc, "DEP"):
        return False
    node = tok
    for _ in range(5):
        if any(c.lower_ in _SINCE and c.dep_ in ("mark", "case", "prep", "advmod") for c in node.children) \
                or node.lower_ in _SINCE:
            return True
        if node.head.i == node.i or node.pos_ == "VERB" and node.dep_ in ("ROOT",):
            return False
        node = node.head
    return False


# a later moment's phrase that runs up to the time expression (no comma or bracket between)
_AHEAD_OF = re.compile(r"\b(?:ahead of|in advance of|before|avant|à la veille d[eu'’]|en prévision d[eu'’]|en vue d[eu'’])"
                       r"\s[^,;.()\n]{1,40}$", re.I)


def _of_a_later_event(doc: Doc, cue: Cue, tok: Token) -> bool:
    """ "Ils se reverront vendredi à Malte avant une réunion du Conseil européen le 4 octobre", "discussed
    the agenda of C's planned visit in July": a time inside a later moment's phrase is that moment's."""
    t = token_at(doc, cue.start)
    if t is None or t.i <= tok.i or not has(doc, "DEP"):
        return False
    if _AHEAD_OF.search(doc_text(doc)[tok.idx:cue.start]):
        return True  # "spoke today ... in advance of Ghana's elections on December 7": the elections' day
    node = t
    for _ in range(5):
        if node.i == tok.i or node.head.i == node.i:
            return False
        if node.i > tok.i and later_event(node, doc.lang_):
            return True
        node = node.head
    return False


_AFTER = frozenset({"following", "after", "après", "apres"})


def _of_an_earlier_event(doc: Doc, cue: Cue, tok: Token) -> bool:
    """ "spoke with X, following X's swearing-in ceremony on January 20": a time inside the phrase of an
    earlier event that is no encounter (a ceremony, an election) is that event's."""
    t = token_at(doc, cue.start)
    if t is None or t.i <= tok.i or not has(doc, "DEP"):
        return False
    node = t
    for _ in range(5):
        if node.i == tok.i or node.head.i == node.i:
            return False
        if node.i > tok.i and node.lower_ in _AFTER:  # "following X's swearing-in ... on January 20"
            return not any(trigger_kind(c, doc.lang_) for c in node.children if c.dep_ in ("pobj", "obj", "obl"))
        after = node.head.lower_ in _AFTER or any(c.dep_ == "case" and c.lower_ in _AFTER for c in node.children)
        if node.i > tok.i and node.pos_ in ("NOUN", "VERB", "PROPN") and after and not trigger_kind(node, doc.lang_):
            return True
        node = node.head
    return False


def _first_conjunct_cues(doc: Doc, scope: set[int], all_cues: list[Cue]) -> list[Cue]:
    """ "X visited Tehran yesterday and held talks with Y": a clause joined to the verb before it
    has that verb's time (of its own words, not of the clause)."""
    roots = [doc[i] for i in scope if doc[i].head.i not in scope or doc[i].head.i == i]
    verb = next((r for r in roots if r.dep_ == "conj" and r.pos_ in ("VERB", "AUX") and r.head.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return []
    own = {t.i for t in verb.subtree}
    first = [(t.idx, t.idx + len(t.text)) for t in verb.head.subtree if t.i not in own]
    return [c for c in all_cues if any(s <= c.start < e for s, e in first)]


_DAY_BEFORE = {"held": ("weekday", "last_weekday", "today", "yesterday"),
               "planned": ("next_weekday", "tomorrow")}


def previous_cues(doc: Doc, sent, parts: list[Mention], mentions: list[Mention], status: str) -> list[Cue]:
    """ "Xi Jinping a appelé jeudi à ... ¶ Lors d'un entretien téléphonique avec ..., M. Xi a
    suggéré", "Le président accueillera demain le Premier ministre X. Les deux dirigeants se
    rencontreront à Busan": a meeting sentence without a time expression takes the day of the
    sentence before, when that sentence tells of one of its participants."""
    if sent.start == 0 or vague_time(span_text(doc, sent.start, sent.end)):
        return []  # "the meeting with X a few days earlier": not the day of the sentence before
    ps, pe = sent_bounds(doc, sent.start - 1)
    keys = {m.key for m in parts if m.key}
    if not any(m.key in keys for m in mentions if ps <= m.start < pe):
        return []
    text = doc_text(doc)
    prev_start, prev_end = doc[ps].idx, doc[pe - 1].idx + len(doc[pe - 1].text)
    return [c for c in find_cues(text[prev_start:prev_end], prev_start)
            if c.kind in _DAY_BEFORE[status]]
