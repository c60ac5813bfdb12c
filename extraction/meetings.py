"""Meetings: who met whom, from meeting words (lexicon) and the mentions in their clause.

Each trigger ("a rencontré", "entretien téléphonique", "held talks") gets a scope: the clause it
heads, minus clauses headed by other triggers (with no parse: its sentence). Participants are the
person and party mentions of that scope, plus a pronoun or "les deux dirigeants" subject resolved
to earlier mentions. Results are plain MeetingCandidate data on ``doc._.meeting_candidates``;
dates are resolved later against the publication date (see dates.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Token

from .words import fold

from . import geo
from .dates import Cue, find_cues
from .lexicons import load
from .people.anaphora import pronoun_antecedent, relative_antecedent
from .people.model import Mention, sent_bounds

PRONOUNS = load().words("pronoun_m") | load().words("pronoun_f")
RELATIVE_PRONOUNS = load().words("relative")
from .words import entities, has, lemma, doc_text

NEEDS_CALL_CUE = {"speak", "conversation", "appel", "échange", "call", "phone", "téléphoner"}
EXCLUDE_BEFORE = re.compile(r"\b(?:en présence|in the presence|accompagn\w*|accompanied|selon|according|"
                            r"(?:étaient |were )?présents|present)\b", re.I)
TWO_OF_THEM = re.compile(r"\b(?:les deux (?:hommes|dirigeants|présidents|chefs d'[ée]tat|ministres|responsables|"
                         r"leaders|parties)|the two (?:leaders|presidents|men|ministers|sides)|both leaders)\b", re.I)
PLACE_NOUNS = {"station", "ville", "capitale", "city", "town", "capital", "resort", "village", "région", "region"}
TRAVEL_VERBS = {"travel", "go", "fly", "head", "come", "return", "trip", "visit"}
LOCATIVE = {"à", "au", "aux", "en", "dans", "in", "at", "a"}
VISIT = re.compile(r"\b(?:s'est rendu|se rend|se rendra\w*|en visite|visite officielle|visite d'[ée]tat|visite de travail|"
                   r"arrivé|arrived|travell?ed to|will travel to|visit to|visiting|in a visit to|state visit to|"
                   r"official visit to)\b", re.I)


@dataclass
class MeetingCandidate:
    trigger: int
    participants: list[Mention]
    kind: str
    status: str
    place: str | None
    place_stated: bool
    cues: list[Cue]
    sent_start: int  # char offsets of the evidence sentence
    sent_end: int
    again: bool = False
    anaphoric_info: list = field(default_factory=list)


if not Doc.has_extension("meeting_candidates"):
    Doc.set_extension("meeting_candidates", default=None)


def _is_trigger(tok: Token, lang: str) -> str | None:
    lex = load()
    lem = lemma(tok)
    kind = lex.meeting_triggers.get((lang, lem))
    if not kind:
        return None
    pos = tok.pos_
    if pos and pos not in ("VERB", "NOUN", "PROPN", "AUX") and not (lang == "fr" and lem == "rencontre"):
        return None
    if lem == "entretenir":
        # only the reflexive "s'entretenir"
        if not any(t.lower_ in ("s'", "se", "s", "s'est", "s'entretiendrait") for t in tok.doc[max(0, tok.i - 3):tok.i]):
            return None
    return kind


def _clause_root(tok: Token) -> Token:
    node = tok
    for _ in range(4):
        if node.pos_ in ("VERB",) or node.head is node:
            return node
        node = node.head
    return node


def _scopes(doc: Doc, sent, triggers: list[Token]) -> dict[int, set[int]]:
    """Token indices each trigger governs."""
    if not has(doc, "DEP"):
        return {t.i: set(range(sent.start, sent.end)) for t in triggers}
    roots = {t.i: _governor(_clause_root(t)) for t in triggers}
    scopes = {}
    for t in triggers:
        root = roots[t.i]
        scope = {x.i for x in root.subtree}
        for other in triggers:
            oroot = roots[other.i]
            if oroot is not root and oroot.i in scope and root.i not in {x.i for x in oroot.subtree}:
                scope -= {x.i for x in oroot.subtree}
        # a parse split into fragments ("Le ministre chinois ... Wang Yi" | "s'est entretenu avec ..."):
        # a clause without a subject takes the fragments that hold no other trigger
        if not _has_subject(root):
            trig_tokens = {o.i for o in triggers}
            # a subject the parser hung elsewhere ("le chef de l'État tadjik aura un entretien", nsubj -> a
            # mistagged adjective): the nearest subject before the trigger whose phrase holds no other trigger
            subjects = [x for x in sent if x.i < t.i and x.dep_ in ("nsubj",) and x.head.i not in scope
                        and not {y.i for y in x.subtree} & (trig_tokens - {t.i})]
            if subjects:
                scope |= {y.i for y in subjects[-1].subtree}
            for frag in sent:
                if frag.head is frag and frag is not root:
                    sub = {x.i for x in frag.subtree}
                    if not sub & trig_tokens and not (sub & scope):
                        scope |= sub
        scopes[t.i] = scope
    return scopes


def _has_subject(root: Token) -> bool:
    return any(c.dep_.startswith("nsubj") or c.dep_ == "expl:subj" for c in root.children)


def _governor(root: Token) -> Token:
    """An infinitive clause without its own subject ("devrait rencontrer X", "doit se rendre ... pour
    rencontrer X", "va recevoir X") is scoped from the verb that governs it, which holds the subject."""
    node = root
    for _ in range(3):
        if _has_subject(node) or node.head is node:
            break
        if "Inf" not in node.morph.get("VerbForm") and node.pos_ == "VERB":
            break
        if node.dep_ not in ("xcomp", "advcl", "ccomp", "obj", "obl", "obl:arg", "obl:mod", "acl", "nmod"):
            break
        node = node.head
    return node


def _subject_of(root: Token) -> Token | None:
    node = root
    for _ in range(4):
        for child in node.children:
            if child.dep_.startswith("nsubj") or child.dep_ in ("expl:subj",):
                return child
        if node.head is node:
            break
        node = node.head
    return None


def _planned(doc: Doc, trig: Token, lang: str) -> bool:
    cues = load().planned_cues
    nodes = [trig]
    node = trig
    for _ in range(4):
        if node.head is node:
            break
        node = node.head
        nodes.append(node)
        if node.pos_ == "VERB" and node.dep_ in ("ROOT", "ccomp", "advcl", "acl:relcl", "conj", "parataxis"):
            break
    look = []
    for n in nodes:
        look.append(n)
        look.extend(c for c in n.children if c.dep_ in ("aux", "aux:tense", "aux:pass", "cop", "advmod", "amod", "case", "mark"))
    for t in look:
        morph = t.morph
        if "Fut" in morph.get("Tense") or "Cnd" in morph.get("Mood"):
            return True
        # near future: "va recevoir", "allait rencontrer", "is going to meet"
        if t is not trig and lemma(t) in ("aller", "go") and t.i < trig.i and (
                "Fin" in morph.get("VerbForm") and "Past" not in morph.get("Tense") or t.tag_ == "VBG"
                and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to"):
            return True
        if lemma(t) in cues or t.lower_ in cues:
            return True
    if not has(doc, "DEP"):
        window = doc[max(sent_bounds(doc, trig.i)[0], trig.i - 5):trig.i + 1]
        return any(t.lower_ in cues or lemma(t) in cues for t in window)
    return False


def _places(doc: Doc, scope: set[int], mentions: list[Mention]) -> list[tuple[str, bool]]:
    """(place as written, is a country) for locative places in scope, in text order."""
    lo_, hi_ = min(scope), max(scope) + 1
    inside_mentions = {i for m in mentions if lo_ <= m.start < hi_ for i in range(m.start, m.end)}
    found = []
    lo, hi = min(scope), max(scope) + 1
    for ent in (e for e in entities(doc) if lo <= e.start < hi):
        if ent.label_ not in ("LOC", "GPE", "FAC") and not geo.place_country(ent.text) \
                or ent.start not in scope or ent.start in inside_mentions:
            continue
        j = ent.start - 1
        ok = False
        while j >= max(sent_bounds(doc, ent.start)[0], ent.start - 5):
            t = doc[j]
            if t.lower_ in LOCATIVE or t.lower_ == "to" and j > 0 and lemma(doc[j - 1]) in TRAVEL_VERBS:
                ok = True  # "will travel to Kampala on Thursday to meet ..."
                break
            if t.lower_ in ("de", "of") and j > 0 and (lemma(doc[j - 1]) in PLACE_NOUNS or doc[j - 1].lower_ in PLACE_NOUNS):
                ok = True
                break
            if t.is_punct or t.pos_ in ("VERB", "AUX"):
                break
            j -= 1
        if not ok:
            continue
        text = ent.text
        if text.lower().startswith(("l'", "la ", "le ")) and geo.place_country(text.split(" ", 1)[-1].split("'", 1)[-1]):
            text = text.split(" ", 1)[-1].split("'", 1)[-1] if "'" in text[:3] else text.split(" ", 1)[1]
        if doc[j].lower_ in ("au", "aux"):
            text = load().places_with_article.get(fold(text), text)  # "au Havre" is à + Le Havre
        if j > 0 and lemma(doc[j - 1]) in TOPIC_NOUNS or j > 1 and lemma(doc[j - 2]) in TOPIC_NOUNS:
            continue  # "la situation en Libye" is a topic, not a place
        if any(lemma(t) in RETURN_VERBS for t in doc[max(0, ent.start - 3):ent.start]):
            continue  # "avant de rentrer à Hanoï", "before returning to Manila": where the traveller goes home
        if ent.end < len(doc) and fold(doc[ent.end].text) in GATHERING_NOUNS and not geo.place_country(text):
            continue  # "at the Mercosur summit in Buenos Aires": the word names the gathering, not its place
        text = re.sub(r"^(?:the|la|le)\s+", "", text, flags=re.I) if ent.label_ == "FAC" else text
        found.append((text, geo.is_country_name(text), ent.label_ == "FAC"))
    return [(t, c) for t, c, fac in sorted(found, key=lambda f: f[2])]


SPORTS_WORDS = {"match", "score", "but", "buts", "victoire", "equipe", "football", "team", "goal", "amical", "amicale",
                "amicaux", "remportee", "remporte", "eliminatoires", "championnat", "tournoi", "friendly", "fixture",
                "tournament"}
RETURN_VERBS = {"rentrer", "regagner", "retourner", "return", "fly"}
GATHERING_NOUNS = {"summit", "summits", "meeting", "conference", "forum", "session", "talks", "ministerial"}
TOPIC_NOUNS = {"situation", "crise", "conflit", "guerre", "tension", "crisis", "conflict", "war", "paix", "peace",
               # "maritime cooperation in the South China Sea", "rescue operations in the Drake Passage"
               "coopération", "cooperation", "sécurité", "security", "opération", "operation", "différend", "dispute",
               "stabilité", "stability", "navigation"}


def _best_place(places: list[tuple[str, bool]]) -> str | None:
    for text, is_country in places:
        if not is_country:
            return text
    return places[0][0] if places else None


def find_meetings(doc: Doc, lang: str) -> list[MeetingCandidate]:
    lex = load()
    mentions: list[Mention] = doc._.mentions or []
    results: list[MeetingCandidate] = []
    visit_place: str | None = None
    for sent in doc.sents:
        sent_text = sent.text
        vm = VISIT.search(sent_text)
        triggers = []
        for tok in sent:
            kind = _is_trigger(tok, lang)
            if not kind:
                continue
            lem = lemma(tok)
            children = {fold(c.text) for c in tok.children} if has(doc, "DEP") else set()
            near = {fold(t.text) for t in doc[tok.i + 1:min(tok.i + 4, sent.end)]}
            if (children | near) & lex.not_meeting:
                continue
            if lem in ("rencontre", "rencontrer", "meet", "meeting") and {fold(t.text) for t in sent} & lex.not_meeting & SPORTS_WORDS:
                continue
            triggers.append((tok, kind))
        sent_mentions = [m for m in mentions if sent.start <= m.start < sent.end]
        if vm:
            places_all = _places(doc, set(range(sent.start, sent.end)), mentions)
            if places_all:
                visit_place = _best_place(places_all)
        if not triggers:
            continue
        scopes = _scopes(doc, sent, [t for t, _ in triggers])
        anaphora_done = False
        for tok, kind in triggers:
            scope = scopes[tok.i]
            lem = lemma(tok)
            scope_words = {fold(doc[i].text) for i in scope} | {fold(t.text) for t in doc[max(sent.start, tok.i - 3):tok.i + 4]}
            has_call = bool(scope_words & lex.call_cues)
            if lem in NEEDS_CALL_CUE and not has_call:
                continue
            if has_call:
                kind = "call"
            parts: list[Mention] = []
            for m in sent_mentions:
                if not any(i in scope for i in range(m.start, m.end)):
                    continue
                before = doc_text(doc)[sent.start_char:doc[m.start].idx]
                cue = None
                for cue in EXCLUDE_BEFORE.finditer(before):
                    pass
                if cue is not None and not (cue.group(0).lower() in ("selon", "according") and "," in before[cue.end():]):
                    continue  # "Selon le service de presse, X a rencontré Y": the source's comma ends its phrase
                head = doc[m.start]
                if has(doc, "DEP") and head.dep_.startswith("nsubj") and lemma(head.head) in {k[1] for k in lex.reporting} \
                        and head.head.i != tok.i and head.head.i not in scope - {head.head.i} | {tok.i}:
                    continue
                parts.append(m)
            # a pronoun subject: "il s'entretiendrait avec Tokaïev", "Il rencontrera ..."
            root = _clause_root(tok)
            subj = _subject_of(root) if has(doc, "DEP") else None
            if subj is not None and subj.lower_ in PRONOUNS:
                ante = pronoun_antecedent(doc, subj.i, mentions)
                if ante:
                    parts.insert(0, ante)
            elif subj is not None and subj.lower_ in RELATIVE_PRONOUNS:
                ante = relative_antecedent(doc, subj, mentions)
                if ante:
                    parts.insert(0, ante)
            elif not has(doc, "DEP"):
                for t in doc[sent.start:tok.i]:
                    if t.lower_ in ("he", "she"):
                        ante = pronoun_antecedent(doc, t.i, mentions)
                        if ante:
                            parts.insert(0, ante)
                        break
            scope_text = sent_text
            two = TWO_OF_THEM.search(scope_text)
            if two and _count_parties(parts) < 2:
                leaders = _two_leaders(doc, two.group(0), results, mentions, tok.i)
                if leaders is not None:
                    parts = leaders + parts
                elif results:
                    parts = list(results[-1].participants) + parts
            if _is_anaphoric(tok) and tok.pos_ in ("NOUN", "PROPN"):
                if results and not anaphora_done:
                    # only the sentence's first "cette rencontre": a later "la réunion ... prévue à X"
                    # in the same sentence is another event
                    _add_info(doc, results[-1], (tok, scope), mentions)
                anaphora_done = True
                continue
            if _count_parties(parts) < 2 and _plural_unnamed(doc, scope, lang):
                parts = parts + _listed_next(doc, sent, mentions)
            if _count_parties(parts) < 2:
                if tok.pos_ in ("NOUN", "PROPN") or not has(doc, "DEP"):
                    results_info = (tok, scope)
                    if results and _is_anaphoric(tok):
                        _add_info(doc, results[-1], results_info, mentions)
                continue
            status = "planned" if _planned(doc, tok, lang) else "held"
            places = _places(doc, scope, mentions)
            # a time expression opening the sentence ("Plus tôt dans la journée, X avait été reçu") covers it all
            # a relative clause about a participant ("X, whose country joins the bloc in October") dates nothing
            person_tokens = {i for m in mentions if m.kind == "person" and sent.start <= m.start < sent.end
                             for i in range(m.start, m.end)}
            relative = {t.i for r in sent if r.dep_ in ("relcl", "acl:relcl") and r.head.i in person_tokens
                        and tok not in r.subtree for t in r.subtree} if has(doc, "DEP") else set()
            cues = [c for c in find_cues(doc_text(doc)[sent.start_char:sent.end_char], sent.start_char)
                    if any(doc[i].idx <= c.start < doc[i].idx + len(doc[i].text) for i in scope if i not in relative)
                    or c.start == sent.start_char]
            if not cues and vm:
                # "se rendra à X le mois prochain, où il doit rencontrer Y": the visit's time dates its meeting
                cues = [c for c in find_cues(sent_text, sent.start_char)
                        if not any(doc[i].idx <= c.start < doc[i].idx + len(doc[i].text) for i in relative)]
            again = bool(re.search(r"\b(?:à nouveau|de nouveau|again|once more)\b", scope_text, re.I))
            distinct_places = [p for p in places if not p[1]]
            place_list = distinct_places if (status == "planned" and len(distinct_places) > 1) else [(_best_place(places), True)]
            for place, _ in place_list:
                stated = place is not None
                if kind == "call":
                    place, stated = None, True
                elif place is None and visit_place and (status == "held" or VISIT.search(sent_text) or
                                                         re.search(r"\b(?:au cours de|lors de|during) (?:la|cette|the|this) visit", sent_text, re.I)):
                    place, stated = visit_place, False  # a planned meeting takes the place of its announced visit
                results.append(MeetingCandidate(tok.i, _dedupe_parties(parts), kind, status, place, stated, cues,
                                                sent.start_char, sent.end_char, again or len(place_list) > 1))
    return results


LEADER_HEADS = {"president", "chef", "roi", "king", "emir", "sultan", "premier", "prime", "chancelier", "chancellor"}


def _two_leaders(doc: Doc, phrase: str, results: list, mentions: list[Mention], before: int) -> list | None:
    """"les deux chefs d'Etat", "the two presidents": the latest encounter of two leaders, else the two
    leaders last named, not the latest encounter of two ministers."""
    if not re.search(r"présidents|chefs d'|presidents|leaders|dirigeants", phrase, re.I):
        return None
    persons = doc._.persons or {}

    def head(m: Mention) -> str:
        p = persons.get(m.key) if m.key else None
        return fold((p.head if p else None) or m.head or "").split(" ")[0]

    if results and all(head(m) in LEADER_HEADS for m in results[-1].participants):
        return None  # the usual rule picks it
    for r in reversed(results):
        if len(r.participants) >= 2 and all(head(m) in LEADER_HEADS for m in r.participants):
            return list(r.participants)
    seen: list[Mention] = []
    for m in reversed([m for m in mentions if m.kind == "person" and m.start < before and before - m.start < 400]):
        if head(m) in LEADER_HEADS and m.key not in {x.key for x in seen}:
            seen.append(m)
        if len(seen) == 2:
            return seen[::-1]
    return None


def _plural_unnamed(doc: Doc, scope: set[int], lang: str) -> bool:
    """The clause names a group without names: "les ministres des Affaires étrangères"."""
    from .people.roles import role_at

    for i in scope:
        tok = doc[i]
        if "Plur" in tok.morph.get("Number") and tok.pos_ == "NOUN" and role_at(doc, i, lang):
            return True
    return False


LISTING = re.compile(r"^\s*(?:il s'agit|ils sont|parmi eux|these were|they were|they are|they included)", re.I)


def _listed_next(doc: Doc, sent, mentions: list[Mention]) -> list[Mention]:
    """Mentions of the next sentence when it lists the group ("Il s'agit du ministre malien ..., X, ...")."""
    if sent.end >= len(doc):
        return []
    nxt_start, nxt_end = sent_bounds(doc, sent.end)
    if not LISTING.match(doc[nxt_start:nxt_end].text):
        return []
    return [m for m in mentions if nxt_start <= m.start < nxt_end]


def _is_anaphoric(tok: Token) -> bool:
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.pos_ == "ADJ" and tok.i > 1:
        prev = tok.doc[tok.i - 2]
    return prev is not None and prev.lower_ in ("la", "le", "l'", "cette", "ce", "cet", "the", "this", "that")


def _add_info(doc: Doc, meeting: MeetingCandidate, info, mentions) -> None:
    tok, scope = info
    # "Cette rencontre, qui intervient en prélude à la réunion prévue à Nouakchott": the place of
    # another meeting word's phrase is not this meeting's
    lang = doc.lang_ if doc.lang_ in ("fr", "en") else "fr"
    others = [t for t in (doc[i] for i in scope) if t.i > tok.i and t.pos_ in ("NOUN", "PROPN") and _is_trigger(t, lang)]
    if others:
        scope = {i for i in scope if i < min(o.i for o in others)}
        if not scope:
            return
    places = _places(doc, scope, mentions)
    best = _best_place(places)
    if best and meeting.kind != "call":
        current_is_country = meeting.place is None or geo.is_country_name(meeting.place) or not meeting.place_stated
        if current_is_country and not geo.is_country_name(best):
            meeting.place, meeting.place_stated = best, True
        elif meeting.place is None:
            meeting.place, meeting.place_stated = best, True
    if not meeting.cues:
        s, e = sent_bounds(doc, tok.i)
        sent = doc[s:e]
        meeting.cues = find_cues(sent.text, sent.start_char)


def party_key(m: Mention) -> str:
    """One key per participant: the named person, else the party's country (two unnamed officials
    of one country in one encounter are one party: "une délégation nigérienne conduite par le
    secrétaire général du ministère nigérien")."""
    if m.key and not m.key.startswith("~"):
        return m.key
    return f"party:{m.country or m.text.lower()}"


def countable(m: Mention) -> bool:
    """A participant the output can name: a named person, or a party with its country."""
    return bool(m.key and not m.key.startswith("~") or m.country)


def _count_parties(parts: list[Mention]) -> int:
    keys = {party_key(m) for m in parts if countable(m)}
    return len(keys)


def _dedupe_parties(parts: list[Mention]) -> list[Mention]:
    seen, out = set(), []
    for m in parts:
        k = party_key(m)
        if k in seen or not countable(m):
            continue
        seen.add(k)
        out.append(m)
    return out


@Language.component("diplowatch_meetings")
def meetings_component(doc: Doc) -> Doc:
    lang = doc.lang_ if doc.lang_ in ("fr", "en") else "fr"
    doc._.meeting_candidates = find_meetings(doc, lang)
    return doc
