"""Coreference: every mention of a person clustered to one Person.

Passes, in order (``find_people``):
1. names: each name span becomes a mention of the article's fullest spelling of that name, with
   the role, country, organisation and gender the words around it give (``_named``);
2. countries stated next to a later mention: "Russia's Sergey Lavrov", "President Tinubu of
   Nigeria", "M. X du Kazakhstan", "Ramaphosa's spokeswoman" (``_countries_nearby``);
3. bare surnames the NER missed: "Xi a rencontré", "Ramaphosa's office" (``_surnames``);
4. descriptions: role phrases without a name ("le chef de l'Etat chinois", "la présidente de la
   Banque centrale", "the Russian FM", "son homologue turkmène") are resolved to the named person
   whose role class, country, organisation and gender agree, the nearest before, else the first
   after within two sentences; an unresolved singular description becomes an unnamed role holder,
   which later descriptions of the same office join ("le porte-parole du Kremlin" ... "le
   porte-parole") (``resolve_descriptions``);
5. a counterpart takes the office of the person it is the counterpart of ("le ministre russe ...
   son homologue français": a minister) (``_counterpart_heads``).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc

from .. import geo
from ..lexicons import load
from ..words import doc_text, fold, positions, span_text, texts, tidy
from .descriptions import find_descriptions
from .figures import figure_state
from .model import Mention, Person, sent_bounds
from .names import canonical, name_spans, one_slip
from .roles import describe

# role classes a description of the first class may stand for (data/roles.tsv "class")
_COVERS = {
    "leader": {"state", "monarch", "government", "leader"},
    "state": {"state", "monarch", "leader"},
    "monarch": {"monarch", "leader"},  # a sovereign is no president ("le souverain" after "X, le président")
    "government": {"government", "leader"},
    "minister": {"minister", "foreign"},
    "foreign": {"foreign", "minister"},
    "diplomat_any": {"foreign", "diplomat", "minister", "spokesperson", "diplomat_any"},
    "diplomat": {"diplomat", "diplomat_any"},
}


_REGNAL = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X{1,2}I{0,3})$")

# offices of state, whose holder the article names once and describes later by country
_OFFICES = {"state", "monarch", "government", "foreign", "minister", "diplomat"}


def roles_compatible(desc_cls: str | None, desc_head: str | None, p_cls: str | None, p_head: str | None) -> bool:
    """Can a description of office (desc_cls, desc_head) designate a person holding (p_cls, p_head)?"""
    if not desc_cls:
        return True
    if not p_cls and not p_head:
        # a spokesperson is named as one ("la porte-parole X"): never a principal the article names
        # without a title ("Lee Jae Myung et Shigeru Ishiba se rencontreront ... la porte-parole ...")
        return desc_cls != "spokesperson"
    if "counterpart" in (desc_cls, p_cls) or desc_cls == "head":
        return True
    if desc_head and p_head and fold(desc_head) == fold(p_head):
        return True  # "the Secretary" for the Secretary of State
    if p_cls in ("leader", "diplomat_any"):
        return desc_cls in _COVERS[p_cls]
    return p_cls in _COVERS.get(desc_cls, {desc_cls})


def orgs_compatible(a: str | None, b: str | None) -> bool:
    """Two organisations are one when one's words hold the other's, or one is the other's acronym
    ("ce" / "commission europeenne")."""
    if not a or not b:
        return True
    known = load().organisations
    if known.get(a, a) == known.get(b, b):
        return True  # "onu" / "nations unies"
    wa, wb = a.split(), b.split()
    if set(wa) <= set(wb) or set(wb) <= set(wa):
        return True
    short, long_ = (a, wb) if len(wa) == 1 else (b, wa) if len(wb) == 1 else (None, None)
    if short is None:
        return False
    initials = "".join(w[0] for w in long_ if w not in ("de", "du", "des", "la", "le", "l", "d", "of", "the", "and", "et"))
    return short == initials


def _named(doc: Doc, lang: str) -> tuple[list[Mention], dict[str, Person], set[int]]:
    spans = name_spans(doc, lang)
    texts = [tidy(doc[s:e].text) for s, e in spans]
    canon = canonical(texts)
    mentions: list[Mention] = []
    persons: dict[str, Person] = {}
    prev_end = 0
    titles: set[int] = set()  # tokens of titles and appositions that belong to a name
    lefts: list[int] = []
    for idx, ((s, e), text) in enumerate(zip(spans, texts)):
        full = canon[text]
        sent_start, sent_end = sent_bounds(doc, s)
        nxt_start = spans[idx + 1][0] if idx + 1 < len(spans) else len(doc)
        info = describe(doc, s, e, lang, max(sent_start, prev_end), min(sent_end, nxt_start))
        prev_end = e
        titles.update(range(info.left, s))
        lefts.append(info.left)
        titles.update(range(e, info.right))
        mentions.append(Mention(s, e, text, "person", key=full, role=info.role, head=info.head, country=info.country,
                                cls=info.cls, org=info.org, gender=info.gender))
        p = persons.setdefault(full, Person(full, full, s))
        if text != full:
            p.aliases.add(text)
        if info.role and not p.role:
            p.role, p.head, p.cls, p.org = info.role, info.head, info.cls, info.org
        p.country = p.country or info.country
        p.gender = p.gender or info.gender
        if not p.cls and _REGNAL.match(doc[e - 1].text):
            p.cls, p.head = "monarch", "roi"  # "Mohammed VI", "Charles III"
    _listed_countries(doc, mentions, lefts, persons)
    return mentions, persons, titles


def _listed_countries(doc: Doc, mentions: list[Mention], lefts: list[int], persons: dict[str, Person]) -> None:
    """ "ses homologues russe et chinois, Sergueï Lavrov et Wang Yi", "his counterparts from Chile and
    Peru, A and B": a plural role naming as many countries as the names listed after it gives each
    name, in order, one country."""
    for idx, m in enumerate(mentions):
        if lefts[idx] >= m.start:
            continue
        left = lefts[idx]
        while left > 0 and (geo.adjective_country(doc[left - 1].text) or doc[left - 1].lower_ in ("and", "et", ",")):
            left -= 1  # "his Russian and Chinese counterparts": the adjectives before the role
        codes = [code for _, _, code, _ in geo.countries_in(doc[left:m.start].text)]
        if len(codes) < 2 or len(set(codes)) != len(codes) or idx + len(codes) > len(mentions):
            continue
        listed = mentions[idx:idx + len(codes)]
        joined = all(b.start - a.end <= 2 and all(t.text == "," or t.lower_ in ("et", "and") for t in doc[a.end:b.start])
                     for a, b in zip(listed, listed[1:]))
        if not joined or len({n.key for n in listed}) != len(listed):
            continue
        for n, code in zip(listed, codes):
            n.country = persons[n.key].country = code
            if not n.role:
                n.role, n.head, n.cls = m.role, m.head, m.cls


def _countries_nearby(doc: Doc, mentions: list[Mention], persons: dict[str, Person]) -> None:
    """Countries stated next to a mention rather than in its role."""
    for m in mentions:
        p = persons[m.key]
        if p.country:
            continue
        # "Russia's Sergey Lavrov"
        if m.start >= 2 and doc[m.start - 1].lower_ in ("'s", "´s", "’s"):
            code = geo.place_country(doc[m.start - 2].text)
            if code and geo.is_country_name(doc[m.start - 2].text):
                p.country = code
                continue
        # "Ramaphosa's spokeswoman X": the country of the person owning the title
        for t in doc[max(0, m.start - 5):m.start]:
            if t.lower_ == "'s" and t.i > 0:
                owner = next((o for o in mentions if o.start <= t.i - 1 < o.end), None)
                if owner and persons[owner.key].country and owner.key != m.key:
                    p.country = persons[owner.key].country
    # "President Tinubu of Nigeria", "M. X du Kazakhstan", "The ambassadors are A from India, B from ..."
    for m in mentions:
        p = persons[m.key]
        if p.country or m.end + 1 >= len(doc) or doc[m.end].lower_ not in ("of", "du", "de", "d'", "from"):
            continue
        tail = doc[m.end:min(len(doc), m.end + 5)].text
        for s_, _, code, kind in geo.countries_in(tail):
            if kind == "name" and len(tail[:s_].split()) <= 2:
                p.country = code
            break


def _respectively(doc: Doc, named: list[Mention], parties: list[Mention], persons: dict[str, Person]) -> list[Mention]:
    """ "les ambassadeurs de France et d'Italie, respectivement MM. A et B" (or "A and B
    respectively" after a group that stays unnamed): each name, in order, holds the plural
    role with its country; the group is no one else. Returns the parties left."""
    words = load().words("respectively")
    gone: set[int] = set()
    for i in positions(doc, "respectively", words):
        tok = doc[i]
        start, end = sent_bounds(doc, tok.i)
        group = [d for d in parties if start <= d.start < tok.i and d.plural and d.country and d.role]
        if len(group) < 2 or len({d.role for d in group}) != 1:
            continue
        following = [m for m in named if tok.i < m.start < end][:len(group)]  # "respectivement A et B"
        preceding = [m for m in named if group[-1].end <= m.start and m.end <= tok.i]  # "A and B respectively"
        names = following if len(following) == len(group) else preceding
        if len(names) != len(group) or len({m.key for m in names}) != len(names):
            continue
        for d, m in zip(group, names):
            p = persons[m.key]
            if not m.role:
                m.role = p.role = p.role or d.head or d.role
                m.head = p.head = p.head or d.head
                m.cls = p.cls = p.cls or d.cls
                p.country = m.country = d.country
        gone.update(id(d) for d in group)
    return [d for d in parties if id(d) not in gone]


def _aliases(doc: Doc, mentions: list[Mention], persons: dict[str, Person]) -> dict[str, str]:
    """ 'Mohammed ben Salmane, surnommé "MBS"', 'X, known as "Y"': another name of the person just
    named, in quotation marks; folded alias -> the person's key."""
    cues = load().words("alias_cue")
    found: dict[str, str] = {}
    for m in mentions:
        k = m.end
        if m.kind == "person" and m.end - m.start >= 2 and k + 2 < len(doc) and doc[k].is_quote and doc[k + 2].is_quote \
                and doc[k + 1].text[:1].isupper() and doc[k + 1].is_alpha and doc[k - 1].whitespace_:
            # "Prime Minister Pushpakamal Dahal ‘Prachanda’": a nickname in quotation marks right after the name
            found[fold(doc[k + 1].text)] = m.key
            persons[m.key].aliases.add(doc[k + 1].text)
            continue
        if m.kind == "person" and m.end - m.start >= 2 and k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")" \
                and doc[k + 1].is_alpha and doc[k + 1].text[:1].isupper() and not doc[k + 1].text.isupper() \
                and geo.any_country(doc[k + 1].text) is None:
            # "le président Joko Widodo (Jokowi)": the name the article goes on with, in brackets
            found[fold(doc[k + 1].text)] = m.key
            persons[m.key].aliases.add(doc[k + 1].text)
            continue
        while k < min(len(doc), m.end + 3) and (doc[k].is_punct and not doc[k].is_quote or doc[k].lower_ in ("as", "sous", "le", "nom", "de")):
            k += 1
        if k >= len(doc) or doc[k].lower_ not in cues:
            continue
        j = k + 1
        while j < len(doc) and doc[j].lower_ in ("as", "sous", "le", "nom", "de"):
            j += 1
        if j + 1 < len(doc) and doc[j].is_quote and doc[j + 1].text[:1].isupper():
            alias = doc[j + 1].text
            found[fold(alias)] = m.key
            persons[m.key].aliases.add(alias)
    return found


def _surnames(doc: Doc, mentions: list[Mention], persons: dict[str, Person]) -> set[int]:
    """Bare surnames the NER missed ("Xi a rencontré", "Ramaphosa's spokeswoman") and aliases
    ("MBS"); returns the tokens taken by names."""
    particles = load().words("particle")
    stop = load().words("name_stop")
    aliases = _aliases(doc, mentions, persons)
    for m in mentions:
        # "Prime Minister Prachanda" after "Pushpakamal Dahal ‘Prachanda’": the nickname is the person
        target = aliases.get(fold(m.text)) if m.kind == "person" and m.end - m.start == 1 else None
        if target and target != m.key and target in persons:
            gone, m.key = m.key, target
            if gone in persons and not any(o.key == gone for o in mentions):
                del persons[gone]
    name_parts: dict[str, str] = dict(aliases)
    for full in persons:
        for w in fold(full).split():
            if len(w) > 1 and w not in stop:
                name_parts.setdefault(w, full)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    for i, text in enumerate(texts(doc)):
        if not text[:1].isupper() or i in taken:
            continue
        tok = doc[i]  # made only for the capitalised words
        if tok.is_punct:
            continue
        full = name_parts.get(fold(tok.text)) or _misspelt_part(tok, name_parts)
        if full and fold(tok.text) in particles and not _before_name_part(doc, i, full, name_parts):
            continue  # "Al" of "Al-Salam Palace" is no Al-Khalifa ("M. Ould Merzoug": the name's)
        if full and fold(tok.text) not in stop and not (geo.any_country(tok.text) and _as_place(tok, full)):
            start = tok.i
            if i >= 2 and texts(doc)[i - 1] == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_ \
                    and fold(texts(doc)[i - 2]) in particles and i - 2 not in taken:
                start = i - 2  # "le général Al-Tayeb": the particle glued before the surname is the name's
            mentions.append(Mention(start, tok.i + 1, span_text(doc, start, tok.i + 1), "person", key=full))
            taken.update(range(start, tok.i + 1))
            if tok.text != full:
                persons[full].aliases.add(tok.text)
    return taken


def _before_name_part(doc: Doc, i: int, full: str, name_parts: dict[str, str]) -> bool:
    """The word after the particle at i (past a glued hyphen) is a word of the same name."""
    k = i + 1 + (i + 1 < len(doc) and texts(doc)[i + 1] == "-")
    return k < len(doc) and name_parts.get(fold(texts(doc)[k])) == full


def _misspelt_part(tok, name_parts: dict[str, str]) -> str | None:
    """ "Papadkais said" after "Kyriakos Papadakis": a proper noun one slip from a surname of the
    article (see names.one_slip), when no other name is as near."""
    word = fold(tok.text)
    if tok.pos_ != "PROPN" or len(word) < 6 or geo.any_country(tok.text) or geo.place_country(tok.text):
        return None
    found = {full for part, full in name_parts.items() if len(part) >= 5 and part[0] == word[0]
             and fold(full).split()[-1] == part and one_slip(word, part)}  # a surname, not a first word
    return found.pop() if len(found) == 1 else None


def _as_place(tok, full: str) -> bool:
    """A country's name read as one: not a person's surname after "with", "between A and"
    ("between Singh and Hollande" after François Hollande), but "la Hollande", "in Jordan"."""
    if fold(full).split()[-1] != fold(tok.text) or tok.i == 0:
        return True
    return fold(tok.doc[tok.i - 1].text) in load().words("before_place")


def _counterpart_heads(doc: Doc, ordered: list[Mention], persons: dict[str, Person]) -> None:
    """"son homologue français" is a minister when it follows "le ministre russe"."""
    for idx, m in enumerate(ordered):
        if m.cls != "counterpart":
            continue
        m.counterpart = True
        for prev in reversed(ordered[:idx]):
            if sent_bounds(doc, prev.start)[0] != sent_bounds(doc, m.start)[0]:
                break
            p = persons.get(prev.key) if prev.key else None
            head, cls = prev.head or (p.head if p else None), prev.cls or (p.cls if p else None)
            if head and cls != "counterpart":
                m.head, m.cls = head, cls
                if m.kind == "person" and m.key in persons and persons[m.key].cls in (None, "counterpart"):
                    persons[m.key].head, persons[m.key].cls = head, cls
                break


# States that share a demonym ("congolais", "Korean"): the gazetteer's state of the public
# figure it describes tells which one ("le chef de l'Etat congolais, Denis Sassou N'Guesso").
SHARED_DEMONYMS = frozenset({frozenset(("CD", "CG")), frozenset(("KR", "KP")), frozenset(("SD", "SS"))})


def find_people(doc: Doc, lang: str) -> tuple[list[Mention], dict[str, Person]]:
    """The people model of a Doc: mentions in text order, persons by key."""
    mentions, persons, titles = _named(doc, lang)
    _countries_nearby(doc, mentions, persons)
    for p in persons.values():  # what the article leaves unsaid of a public figure
        known = figure_state(p.name) if p.name else None
        if known and (not p.country or frozenset((p.country, known)) in SHARED_DEMONYMS):
            p.country = known
    taken = _surnames(doc, mentions, persons)
    parties = [d for d in find_descriptions(doc, lang, taken) if d.start not in titles]
    parties = _respectively(doc, mentions, parties, persons)
    _counterpart_heads(doc, sorted(mentions + parties, key=lambda m: m.start), persons)
    resolve_descriptions(doc, parties, persons, mentions)
    _named_later(parties, persons)
    mentions.extend(parties)
    mentions.sort(key=lambda m: (m.start, m.end))
    for m in mentions:
        p = persons.get(m.key) if m.key else None
        if p is not None and m.kind == "person":
            m.country = m.country or p.country
            m.role = m.role or p.role
            m.head = m.head or p.head
            m.cls = m.cls or p.cls
            m.gender = m.gender or p.gender
    _sole_offices(doc, parties, persons, [m for m in mentions if m.kind == "person"])
    return mentions, persons


# Offices a country has one holder of: "The Prime Minister spoke to X" in a readout is its own
# country's, whether or not the text says which country that is.
SOLE_OFFICES = frozenset({"government", "state", "monarch"})


def _sole_offices(doc: Doc, parties: list[Mention], persons: dict[str, Person], named: list[Mention]) -> None:
    """Mark the unresolved holders of a sole office that no one the article names holds: a party
    to an encounter without a country (when a named person holds it, or is apposed to it as in
    "Le Président de la République, le Général X", the office is most likely theirs, told again,
    and counting it would make a second meeting)."""
    held = {p.cls for p in persons.values() if p.name and p.cls}
    for m in parties:
        if m.cls in SOLE_OFFICES and m.cls not in held and not m.country and not m.plural and not m.counterpart \
                and not (m.key and not m.key.startswith("~")) \
                and not any(_set_off(doc, m, n) for n in named):
            m.sole = True


def _set_off(doc: Doc, m: Mention, n: Mention) -> bool:
    """A name set off by a comma right after or before a role phrase: "Le Président de la
    République, le Général X", "X, the Prime Minister"."""
    after = m.end < len(doc) and doc[m.end].text == "," and m.end < n.start <= m.end + 4
    before = m.start > 0 and doc[m.start - 1].text == "," and m.start - 3 <= n.end < m.start
    return after or before


# ----------------------------------------------------------------------------- descriptions

class _Index:
    """Named mentions by position, for "the nearest before / first after" look-ups."""

    def __init__(self, doc: Doc, mentions: list[Mention], parties: list[Mention] | None = None):
        self.named = sorted((m for m in mentions if m.kind == "person"), key=lambda m: m.start)
        self.parties = parties or []
        self.starts = [m.start for m in self.named]
        self.sent_of = {}
        self.opening = None  # the first sentence of words, past date lines and photo credits
        for idx, sent in enumerate(doc.sents):
            self.sent_of[sent.start] = idx
            if self.opening is None and sent[0].lower_ != "date" and any(t.pos_ in ("VERB", "AUX") for t in sent):
                self.opening = idx
        self.opening = self.opening or 0
        self.doc = doc

    def sent_index(self, i: int) -> int:
        return self.sent_of.get(sent_bounds(self.doc, i)[0], 0)

    def before(self, i: int) -> list[Mention]:
        return self.named[:bisect_left(self.starts, i)]

    def after(self, i: int) -> list[Mention]:
        return self.named[bisect_left(self.starts, i):]

    def in_title(self, i: int) -> bool:
        """Token i is in the article's headline: a first line without final punctuation."""
        doc = self.doc
        start, end = sent_bounds(doc, i)
        line = doc[start:end].text.strip()
        return bool(line) and line[-1] not in ".!?»”\"" and "\n" in doc[end - 1].text_with_ws + (doc[end].text if end < len(doc) else "\n")

    def coordinated(self, m: Mention, pool: list[Mention]) -> list[Mention]:
        """The mentions of pool written "A et B" / "A and B" with m (m included), in text order."""
        doc = self.doc
        group = [m]
        for other in pool:
            if other.start == m.start or abs(other.start - m.start) > 12:
                continue
            first, second = (m, other) if m.start < other.start else (other, m)
            between = doc[first.end:second.start]
            if len(between) <= 2 and any(t.lower_ in ("et", "and") for t in between) and not any(t.is_punct for t in between):
                group.append(other)
        return sorted(group, key=lambda x: x.start)

    def is_subject(self, m: Mention) -> bool:
        """The mention is the subject of its clause (a dependency subject, or the sentence's first
        words before its verb)."""
        doc = self.doc
        for t in doc[m.start:m.end]:
            if t.dep_.startswith("nsubj") or t.dep_ == "conj" and t.head.dep_.startswith("nsubj"):
                return True
        start = sent_bounds(doc, m.start)[0]
        return not any(t.pos_ in ("VERB", "AUX") for t in doc[start:m.start]) and m.end < len(doc) \
            and any(t.pos_ in ("VERB", "AUX") for t in doc[m.end:m.end + 4])


def _fits(d: Mention, p: Person, same_country_only: bool) -> bool:
    if d.country and p.country and d.country != p.country:
        return False
    if same_country_only and d.country and p.country != d.country:
        return False
    if d.gender == "f" and p.gender not in (None, "f"):
        return False
    if d.counterpart and {d.cls, p.cls} <= _LEADERS:
        return True  # "his Mexican counterpart" of a prime minister may be Mexico's president
    return roles_compatible(d.cls, d.head, p.cls, p.head) and (orgs_compatible(d.org, p.org) or _org_in_role(d, p))


def _org_in_role(d: Mention, p: Person) -> bool:
    """ "le Président de la Commission" for "le Président de la Commission de l'Union africaine": the
    description's organisation is one the person's title names, though not its last one."""
    return bool(d.org and p.role) and set(d.org.split()) <= set(fold(p.role).replace("'", " ").split())


# A leader's counterpart leads the other state, whether as its head of state or of government
_LEADERS = frozenset({"state", "government", "monarch"})


def _same_head(d: Mention, p: Person) -> bool:
    return bool(d.head and p.head and fold(d.head) == fold(p.head))


_FORMER = frozenset({"former", "ancien", "ancienne", "ex", "ex-", "late"})


def _former(doc: Doc, start: int, end: int) -> bool:
    """The mention, or the few words before it, call the person former ("ex-président", "former premier")."""
    words = [fold(t.text) for t in doc[max(0, start - 4):end]]
    return any(w in _FORMER or w.startswith("ex-") for w in words)


def _same_country(d: Mention, persons: dict[str, Person], index: _Index) -> Person | None:
    """ "le président chinois": the article's Chinese person of that office (the same title
    first, else a compatible one), the nearest before, else the first after."""
    if _former(index.doc, d.start, d.end):
        # "the former Cambodian leader": the one the article calls former ("Cambodia's former premier X"),
        # not the sitting king
        formers = {m.key for m in index.named if _former(index.doc, m.start, m.end)}
        for m in reversed(index.before(d.start)):
            if m.key in formers and _fits(d, persons[m.key], True):
                return persons[m.key]
    for strict in (True, False):
        for m in reversed(index.before(d.start)):
            p = persons[m.key]
            if _fits(d, p, True) and (_same_head(d, p) or not strict):
                return p
        for m in index.after(d.end):
            p = persons[m.key]
            if _fits(d, p, True) and (_same_head(d, p) or not strict):
                return p
    return None


def _country_unknown(d: Mention, persons: dict[str, Person], index: _Index, assigned: set[str]) -> Person | None:
    """A description with a country for a person whose country the article does not state: the
    nearest such person of a compatible office named in the two sentences before ("... avec
    Emmanuel Macron, qui l'a accueilli. Le président français a salué ..."), else the subject named
    right after ("son homologue ivoirien ... Alassane Ouattara sera accueilli"), else the one earlier
    person of that office ("le chef de la diplomatie algérienne" after "le ministre ..., Ahmed Attaf")."""
    here = index.sent_index(d.start)
    if d.cls not in _OFFICES:
        return None

    # "X doit rencontrer son homologue allemand": the counterpart is never X, nor anyone else
    # named in its sentence (those are whose counterpart it is)
    own = {m.key for m in index.named if index.sent_index(m.start) == here
           and (d.counterpart or not _apposed(index.doc, d, m))}

    def free(p: Person) -> bool:
        return not p.country and p.key not in assigned and p.key not in own \
            and roles_compatible(d.cls, d.head, p.cls, p.head)

    for m in reversed(index.before(d.start)):
        gap = here - index.sent_index(m.start)
        if gap > 2:
            break
        if gap > 0 and free(persons[m.key]):
            return persons[m.key]
    for m in index.after(d.end):
        gap = index.sent_index(m.start) - here
        if gap > 1:
            break
        if free(persons[m.key]) and (gap == 0 or index.is_subject(m)):
            names = index.coordinated(m, index.named)
            if len(names) == 1:
                return persons[m.key]
            # "Le ministre russe et son homologue français ... Lavrov et Le Drian": in the same order;
            # "Yoon Suk Yeol et Fumio Kishida" for one description: nothing says which is which
            descs = index.coordinated(d, index.parties)
            if len(descs) == len(names):
                pick = persons[names[[x.start for x in descs].index(d.start)].key]
                return pick if free(pick) else None
            return None
    earlier = {m.key for m in index.before(d.start) if m.key not in own and not persons[m.key].country and persons[m.key].cls
               and roles_compatible(d.cls, d.head, persons[m.key].cls, persons[m.key].head)
               and (persons[m.key].head or "") == (d.head or "")}
    return persons[earlier.pop()] if len(earlier) == 1 else None


def _apposed(doc: Doc, d: Mention, m: Mention) -> bool:
    """A name in the description's sentence may be the one described only with no finite verb or
    "with" between them, nor "and" right after the one or before the other ("Le président
    ivoirien, en visite à Paris, Alassane Ouattara"): in "Qatar's foreign minister spoke with
    Amirabdollahian" or "X a reçu le ministre omanais" the name is the other party."""
    between = doc[min(d.end, m.end):max(d.start, m.start)]
    if len(between) and (between[0].lower_ in ("and", "et") or between[-1].lower_ in ("and", "et")):
        return False  # "le ministre omanais et Karl Weber" (but "Minister for Libya and Chad, X" is X)
    return not any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") or t.lower_ in ("avec", "with")
                   for t in between)


def _bare(d: Mention, persons: dict[str, Person], index: _Index) -> Person | None:
    """A description without a country ("le chef de l'Etat", "la présidente de la Banque
    centrale", "the minister"): the nearest person named in an earlier sentence whose known office
    agrees."""
    here = index.sent_index(d.start)
    # the same office word for word first: "le Président de la République" is the one so titled, not the
    # "Président de la République arabe sahraouie" named after him
    for strict in ("same_role", True, False):
        for m in reversed(index.before(d.start)):
            p = persons[m.key]
            if index.sent_index(m.start) == here or not p.cls:
                continue  # "X a reçu le président": not X
            if strict == "same_role" and not (d.role and p.role and fold(d.role) == fold(p.role)):
                continue
            if _fits(d, p, False) and (_same_head(d, p) or not strict):
                return p
    for m in index.after(d.end):
        # "X a reçu l'envoyé spécial de l'ONU ... ¶ L'envoyé spécial ..., Huang Xia, a ...": the
        # same title, named in one of the next two sentences
        gap = index.sent_index(m.start) - here
        if gap > 2:
            break
        p = persons[m.key]
        if gap > 0 and p.cls and _fits(d, p, False) and _same_head(d, p) and _titled_at(index.doc, m, d.head):
            return p
    if d.cls in ("state", "government") and here > 0:
        # "Tunisie : ... à Kaïs Saïed" as the headline, then "Le chef de l'Etat a reçu ...": the one
        # person the headline names without an office, when nothing else fits
        titled = {m.key for m in index.before(d.start) if index.sent_index(m.start) <= 1 and index.in_title(m.start)
                  and not persons[m.key].cls and (not persons[m.key].country or not d.country
                                                  or persons[m.key].country == d.country)}
        if len(titled) == 1:
            return persons[titled.pop()]
    if here == 0 and index.in_title(d.start):
        # a readout's headline ("The Secretary's Call with ..."): the person its body names
        for m in index.after(d.end):
            if index.sent_index(m.start) > 3:
                break
            if index.sent_index(m.start) > here and persons[m.key].cls and _fits(d, persons[m.key], False):
                return persons[m.key]  # not "PM meets Chancellor X": the other party of the headline
    return None


def _titled_at(doc: Doc, m: Mention, head: str) -> bool:
    """The title is written next to this mention of the name ("L'envoyé spécial ..., Huang Xia",
    "Huang Xia, envoyé spécial ..."), within its sentence, and the mention is the name itself
    (not a demonym or a word the cluster took in)."""
    if fold(doc[m.start:m.end].text).split()[-1:] != fold(m.key).split()[-1:]:
        return False
    start, end = sent_bounds(doc, m.start)
    near = fold(doc[max(start, m.start - 15):m.start].text + " " + doc[m.end:min(end, m.end + 12)].text)
    return re.search(r"\b" + re.escape(fold(head)) + r"\b", near) is not None


def _named_next(d: Mention, persons: dict[str, Person], index: _Index) -> Person | None:
    """A lead that names the office and the next sentence its holder ("The Iranian government
    spokesman has condemned ... ¶ In a press conference, Ali Rabiei dismissed ..."): the one person
    that sentence names, with no office of their own, when their country is unknown or agrees."""
    here = index.sent_index(d.start)
    opening = 3 if doc_text(index.doc).startswith("date ") else 2  # the headline and two sentences
    if here > opening or d.plural or any(index.sent_index(m.start) == here and _may_be(d, persons[m.key])
                                         and (not persons[m.key].cls or _same_head(d, persons[m.key]))
                                         for m in index.after(d.end)):
        return None  # the holder may be named in the lead itself (not one with another office of his own)
    # (of the people it names, those whose own office is another's are not the one: "Le président de la
    # République ... une audience au vice-Premier ministre belge. ¶ X et Y, the Belgian minister, ont échangé")
    nxt = {m.key for m in index.after(d.end) if index.sent_index(m.start) == here + 1 and _may_be(d, persons[m.key])
           and not (persons[m.key].cls and not roles_compatible(d.cls, d.head, persons[m.key].cls, persons[m.key].head))}
    if len(nxt) != 1:
        return None
    p = persons[nxt.pop()]
    return p if not p.cls else None  # one with an office of their own is someone else


def _may_be(d: Mention, p: Person) -> bool:
    return not (d.country and p.country and d.country != p.country)


def _pick(d: Mention, persons: dict[str, Person], index: _Index, assigned: set[str]) -> Person | None:
    """The named person a description stands for, if the article names one."""
    if d.cls in ("counterpart", "group", "head") and not d.country:
        return None  # "son homologue", "la délégation": whose, the article must say
    if d.country:
        pick = _same_country(d, persons, index)
        if pick is None and not d.plural:
            pick = _country_unknown(d, persons, index, assigned)
        return pick or _named_next(d, persons, index)
    if d.plural:
        return None
    return _bare(d, persons, index) or _named_next(d, persons, index)


def _spokesperson(d: Mention, persons: dict[str, Person], index: _Index, assigned: set[str]) -> Person | None:
    """ "un porte-parole du Kremlin", "a State Department spokesperson": an indefinite article, but
    agencies write it of the spokesperson they named; only a named holder of the same title whose
    country and organisation agree is taken (an indefinite minister stays someone else)."""
    if d.cls != "spokesperson":
        return None
    pick = _pick(d, persons, index, assigned)
    return pick if pick is not None and _same_head(d, pick) else None


def _definite(doc: Doc, d: Mention) -> bool:
    return not (d.start > 0 and doc[d.start - 1].lower_ in load().words("indefinite"))


def resolve_descriptions(doc: Doc, parties: list[Mention], persons: dict[str, Person], mentions: list[Mention]) -> None:
    """Link each description to the named person it stands for, else to an unnamed role holder."""
    index = _Index(doc, mentions, parties)
    unnamed: list[Person] = []
    assigned: set[str] = set()
    said: dict[str, str] = {}  # a bare description's words -> the named person it stood for last
    for d in parties:
        words = fold(_strip_det(d.text))
        pick = _said_before(d, said.get(words), persons, index) if _definite(doc, d) and not d.plural else None
        if pick is None:
            pick = _pick(d, persons, index, assigned) if _definite(doc, d) or d.plural else _spokesperson(d, persons, index, assigned)
        if pick is not None and not d.country and not d.plural and _definite(doc, d):
            said[words] = pick.key
        if pick is None and d.cls == "group" and not d.plural and _definite(doc, d):
            pick = _delegation_head(doc, d, persons, index)
        if pick is not None:
            if not pick.country and d.country:
                assigned.add(pick.key)
            _link(d, pick)
            continue
        if d.plural or not _definite(doc, d):
            continue
        holder = next((u for u in reversed(unnamed) if _same_office(d, u)), None) if _definite(doc, d) else None
        if holder is None:
            text = _strip_det(d.text)
            holder = Person("~" + text, None, d.start, role=text, head=d.head, country=d.country, cls=d.cls,
                            org=d.org, gender=d.gender)
            persons.setdefault(holder.key, holder)
            holder = persons[holder.key]
            unnamed.append(holder)
        d.key = holder.key
        holder.country = holder.country or d.country
    _lead_named_next(doc, parties, persons, index)


def _said_before(d: Mention, key: str | None, persons: dict[str, Person], index: _Index) -> Person | None:
    """ "Le président de la République, X, ... le chef de l'Etat a tenu des réunions avec ... Y, ... Le
    chef de l'Etat a rencontré Z": the same bare description again is the same person (a writer keeps one
    title for the one the story follows), when no one of that name is in its own sentence."""
    if key is None or d.country or key not in persons:
        return None
    here = index.sent_index(d.start)
    if any(m.key == key and index.sent_index(m.start) == here for m in index.named):
        return None  # "X a reçu le chef de l'Etat": someone else
    return persons[key]


def _link(d: Mention, pick: Person) -> None:
    """The description stands for the person, who takes what it says of them and the article did not."""
    d.key = pick.key
    pick.country = pick.country or d.country
    if not pick.cls or pick.cls == "counterpart":
        pick.role, pick.head, pick.cls = pick.role or d.role, d.head, d.cls
    pick.org = pick.org or d.org


def _lead_named_next(doc: Doc, parties: list[Mention], persons: dict[str, Person], index: _Index) -> None:
    """Once every description has its person, a lead's office still unnamed whose sentence has another
    office the next sentence names along with one more person is that person ("Le président de la
    République a accordé une audience au vice-Premier ministre belge. ¶ X et Y ont échangé": Y is the
    Belgian minister, so X is the president)."""
    for d in parties:
        if not (d.key or "").startswith("~") or d.plural or not _definite(doc, d):
            continue
        here = index.sent_index(d.start)
        if here - index.opening > 2:
            continue
        others = {o.key for o in parties if o is not d and o.key and not o.key.startswith("~")
                  and index.sent_index(o.start) == here}
        named = {m.key for m in index.after(d.end) if index.sent_index(m.start) == here + 1}
        if not named:  # "... l'ancien secrétaire d'Etat américain. Ce dernier est venu ... ¶ X a affirmé que Y ..."
            named = {m.key for m in index.after(d.end) if index.sent_index(m.start) == here + 2}
        rest = named - others
        if len(named) != 2 or len(named & others) != 1 or len(rest) != 1:
            continue
        pick = persons[rest.pop()]
        if not _may_be(d, pick) or pick.cls and not roles_compatible(d.cls, d.head, pick.cls, pick.head):
            continue
        gone = d.key
        _link(d, pick)
        if gone in persons and not any(o.key == gone for o in parties):
            del persons[gone]


def _named_later(parties: list[Mention], persons: dict[str, Person]) -> None:
    """ "Le vice-Premier ministre et ministre des Affaires étrangères du Pakistan, lors de sa rencontre
    ... ¶ ... le sénateur X, vice-Premier ministre et ministre des Affaires étrangères du Pakistan": an
    office told first without a name is the one person named later with that very title and country."""
    for holder in [p for p in persons.values() if p.name is None and p.role and p.country]:
        title = fold(holder.role)
        named = [p for p in persons.values() if p.name and p.first > holder.first and p.role
                 and fold(p.role) == title and p.country == holder.country]
        if len(named) != 1 or len(title.split()) < 3:
            continue  # one word or two ("le président") may be anyone's; only a full title names one office
        for d in parties:
            if d.key == holder.key:
                d.key = named[0].key
        del persons[holder.key]


_LED_BY = frozenset({("led", "by"), ("headed", "by"), ("conduite", "par"), ("dirigée", "par"), ("menée", "par"),
                     ("emmenée", "par"), ("présidée", "par")})


def _delegation_head(doc: Doc, d: Mention, persons: dict[str, Person], index: _Index) -> Person | None:
    """ "A delegation led by Senator X arrived ... The delegation will meet with Y": the delegation an
    earlier sentence says someone leads is that person, as a party of its encounters."""
    for m in reversed(index.before(d.start)):
        k = m.start
        while k > 0 and m.start - k < 4 and doc[k - 1].pos_ in ("PROPN", "NOUN", "DET"):
            k -= 1  # past the leader's title ("led by Senator X")
        if k >= 2 and (doc[k - 2].lower_, doc[k - 1].lower_) in _LED_BY \
                and any(fold(t.text) in ("delegation", "délégation") for t in doc[max(0, k - 14):k - 2]):
            return persons.get(m.key)
    return None


def _same_office(d: Mention, u: Person) -> bool:
    if d.country and u.country and d.country != u.country:
        return False
    return fold(d.head or "") == fold(u.head or "") and orgs_compatible(d.org, u.org) and d.cls not in ("counterpart", "group")


def _strip_det(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in ("le", "la", "les", "the", "son", "sa", "his", "her", "leur", "their", "un", "une", "a", "an"):
        words = words[1:]
    out = " ".join(words)
    return out[2:] if out.lower().startswith("l'") else out
