"""Held or planned: the tense, mood and cues around a meeting word.

Constructions handled: a future or conditional verb on the trigger or its governors
("rencontrera", "devrait rencontrer", "aura un entretien", "would meet"), the near future ("va
recevoir", "is going to meet"), and planning words governing or modifying it (data/planned_cues.txt:
"prévoir", "scheduled", "expected", "prochain", "upcoming"). Without a parse, a cue in the five
words before the trigger.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..lexicons import load
from ..people.model import sent_bounds
from ..words import fold, has, lemma

_LOOK_DEPS = ("aux", "aux:tense", "aux:pass", "cop", "advmod", "amod", "case", "mark")
_CLAUSE_DEPS = ("ROOT", "ccomp", "advcl", "acl:relcl", "conj", "parataxis")


def _near_future(doc: Doc, t: Token, trig: Token) -> bool:
    """ "va recevoir", "allait rencontrer", "is going to meet"."""
    if t.i == trig.i or lemma(t) not in ("aller", "go") or t.i >= trig.i:
        return False
    morph = t.morph
    return "Fin" in morph.get("VerbForm") and "Past" not in morph.get("Tense") or t.tag_ == "VBG" \
        and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to"


def _purpose_now(trig: Token) -> bool:
    """ "Mme X est à Londres pour rencontrer Y", "she is in Paris to meet Y": an infinitive of
    purpose under a present-tense verb is still to come ("il s'est rendu à Paris pour rencontrer Y",
    "he flew to Paris to meet Y": done)."""
    if "Inf" not in trig.morph.get("VerbForm") and trig.tag_ != "VB" or trig.head.i == trig.i:
        return False
    if not any(c.lower_ in ("pour", "afin", "to") for c in trig.children if c.dep_ in ("mark", "case", "aux")):
        return False
    gov = trig.head
    verbs = [gov] + [c for c in gov.children if c.dep_ in ("cop", "aux", "aux:tense", "aux:pass")]
    tenses = {tense for v in verbs for tense in v.morph.get("Tense")}
    if any(v.tag_ in ("VBD", "VBN") for v in verbs) or "Past" in tenses or "Imp" in tenses:
        return False
    return "Pres" in tenses


# "en vue d'une rencontre avec X", "ahead of talks with X": a meeting noun that a trip or a step
# prepares is still to come (multi-word prepositions the parse splits into pieces)
_AHEAD = re.compile(r"\b(?:en vue d[e'’]|en prévision d[e'’]|à la veille d[e'’]|ahead of|in preparation for|"
                    r"in the run-up to|in view of)\s*(?:\S+\s+){0,2}$", re.I)

# "Les préparatifs sont en cours pour une autre rencontre", "preparations are under way for the summit":
# what is being prepared is still to come
_PREPARING = re.compile(r"\b(?:pr[ée]paratifs|pr[ée]paration|preparations?)\b(?:\s+\S+){0,4}?\s+(?:pour|d[e'’]|for|of)\s+"
                        r"(?:\S+\s+){0,2}$", re.I)


# "Meeting With Lavrov Set For Friday", "talks scheduled for next week", "une rencontre prévue pour mai": a
# meeting noun given its day to come (a headline's capitals make the parse no help)
_SET_FOR = re.compile(r"(?:\S+\s+){0,4}?(?:(?:set|scheduled|slated|due) (?:for|on)|(?:prévue?s?|programmée?s?) pour)\b", re.I)


_WHEN = frozenset({"when", "once"})


def _when_present(trig: Token) -> bool:
    """ "when he meets X", "once she meets X": an English verb in the present after "when" / "once" tells
    a time to come (French writes the future there, which the tense test reads already)."""
    return trig.tag_ in ("VBZ", "VBP") and any(c.lower_ in _WHEN for c in trig.children if c.dep_ in ("advmod", "mark"))


def _conditional_read_as_imperfect(t: Token) -> bool:
    """ "recevrait", "rencontrerait", "s'entretiendrait", "se réuniraient": a conditional the small French
    model tags as an imperfect or a present (the future stem and the imperfect's ending; "rencontrait", "déclarait" are
    imperfects: an "-er" verb's conditional is its infinitive plus the ending)."""
    if t.pos_ not in ("VERB", "AUX") or not {"Imp", "Pres"} & set(t.morph.get("Tense")):
        return False
    text, lem = t.lower_, lemma(t)
    for ending in ("ait", "aient"):
        if text.endswith("r" + ending):
            return text == lem + ending if lem.endswith("er") else not text.startswith(lem[:-2] + ending[:1])
    return False


_AGREE = frozenset({"convenir", "décider", "accepter", "agree", "decide", "accept"})


def _agreed_to(nodes: list[Token]) -> bool:
    """ "Les deux ministres sont convenus de tenir une réunion", "they agreed to meet again": an
    encounter agreed on is still to come, when the meeting word is the infinitive the agreeing
    governs or that infinitive's object ("agreed to enhance cooperation during their meeting" is no
    such thing)."""
    def infinitive(t: Token) -> bool:
        return "Inf" in t.morph.get("VerbForm") or t.tag_ == "VB"
    trig = nodes[0]
    if any(fold(c.text) in _RECURRING for c in trig.children):
        return False  # "ont convenu de tenir des consultations régulières": a mechanism, not an encounter to come
    if len(nodes) > 1 and infinitive(trig) and lemma(nodes[1]) in _AGREE:
        return True
    return len(nodes) > 2 and trig.dep_ in ("obj", "dobj") and infinitive(nodes[1]) and lemma(nodes[1]) in _HOLD \
        and lemma(nodes[2]) in _AGREE  # not "agreed to speed up talks on an agreement"


_RECURRING = frozenset({"regulier", "reguliere", "reguliers", "regulieres", "periodique", "periodiques", "regular",
                        "periodic", "annual", "annuel", "annuelle", "annuels", "annuelles"})
_HOLD = frozenset({"tenir", "avoir", "organiser", "hold", "have", "organize", "organise", "convene"})


def planned(doc: Doc, trig: Token, lang: str) -> bool:
    cues = load().planned_cues
    if trig.pos_ == "NOUN" and _AHEAD.search(doc[max(sent_bounds(doc, trig.i)[0], trig.i - 6):trig.i].text_with_ws):
        return True
    if trig.pos_ == "NOUN" and _PREPARING.search(doc[max(sent_bounds(doc, trig.i)[0], trig.i - 10):trig.i].text_with_ws):
        return True
    if trig.pos_ in ("NOUN", "PROPN") and _SET_FOR.match(doc[trig.i + 1:min(sent_bounds(doc, trig.i)[1], trig.i + 7)].text_with_ws):
        return True
    if not has(doc, "DEP"):
        window = doc[max(sent_bounds(doc, trig.i)[0], trig.i - 5):trig.i + 1]
        return any(t.lower_ in cues or lemma(t) in cues for t in window)
    if _purpose_now(trig) or _when_present(trig):
        return True
    nodes = [trig]
    node = trig
    for _ in range(4):
        if node.head.i == node.i:
            break
        node = node.head
        nodes.append(node)
        if node.pos_ == "VERB" and node.dep_ in _CLAUSE_DEPS:
            break
    if _agreed_to(nodes):
        return True
    look = []
    for n in nodes:
        look.append(n)
        look.extend(c for c in n.children if c.dep_ in _LOOK_DEPS)
    if trig.pos_ in ("NOUN", "PROPN"):
        # "le sommet ... qui se tiendra le mois prochain", "the summit to be held in October", also when
        # the parser hangs the relative clause on the noun's complement ("des chefs d'État qui se tiendra")
        for c in trig.subtree:
            if c.dep_ in ("acl:relcl", "relcl", "acl") and c.i > trig.i:
                look.append(c)
                look.extend(x for x in c.children if x.dep_ in _LOOK_DEPS)
    for t in look:
        if "Fut" in t.morph.get("Tense") or "Cnd" in t.morph.get("Mood") or _near_future(doc, t, trig) \
                or lang == "fr" and _conditional_read_as_imperfect(t):
            return True
        if (lemma(t) in cues or t.lower_ in cues) and not (t.lower_ == "next" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to"):
            return True  # (but "addresses the media next to X after a meeting": a place, not a time)
    return False
