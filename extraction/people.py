"""Person mentions and their coreference to full names, roles and countries.

A mention is a named person ("Xi Jinping", "M. Xi", "Tokaïev"), an unnamed party ("son
homologue ivoirien", "le ministre russe des Affaires étrangères") or, later, a pronoun resolved
by the quote and meeting rules. Every named mention is linked to the article's full name
("Xi" -> "Xi Jinping"); unnamed parties are linked to a named person of the same country and
compatible role when the article has one. Results are attached to the Doc as plain data:
``doc._.mentions`` (list of Mention) and ``doc._.persons`` (full name -> Person).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from .words import fold

from . import geo
from .lexicons import load
from .words import entities

TITLES = {"m.", "m", "mme", "mlle", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "his", "her", "excellency",
          "s.e.", "son", "sa", "h.e.", "excellence", "monsieur", "madame", "mister", "sir",
          # ranks before a name ("le Général Mamadi Doumbouya", "Emir Sheikh Tamim"): never a name alone
          "général", "general", "colonel", "capitaine", "commandant", "maréchal", "lieutenant", "sheikh"}
# nouns of places and gatherings: a capitalised word after "le sommet de" is a place ("le sommet de Belém")
PLACE_NOUNS = {"sommet", "conference", "forum", "ville", "port", "region", "province", "capitale", "stade",
               "aeroport", "summit", "city", "town", "capital", "stadium", "airport"}
# capitalised nouns of institutions that the NER or a preceding title can make look like a name
# ("la présidente de la Chambre des représentants", "président en exercice de l'Union africaine")
INSTITUTION_WORDS = {"chambre", "union", "assemblee", "conseil", "senat", "parlement", "commission", "cour", "chamber",
                     "council", "assembly", "parliament", "senate", "court", "congress", "congres", "organisation",
                     "organization", "ligue", "league", "banque", "bank", "fonds", "fund", "etat", "state", "republique",
                     "republic", "royaume", "kingdom", "federation", "communaute", "community", "alliance", "agence",
                     "agency", "ministere", "ministry", "gouvernement", "government", "presidence", "presidency"}
OFFICE_HEADS = {"ministre", "minister", "président", "president", "ambassadeur", "ambassador", "premier", "prime"}
WILDCARD_HEADS = {"dirigeant", "leader", "chef", "homologue", "counterpart"}
PRONOUNS = {"il", "elle", "-t-il", "-t-elle", "-il", "-elle", "he", "she", "t-il", "t-elle"}
NAME_STOP = {"le", "la", "les", "de", "du", "des", "et", "the", "and", "of", "a", "un", "une", "en", "au", "in", "on",
             "pour", "selon", "ce", "cette", "il", "elle", "lors", "après", "avant", "dans", "with", "by", "for", "at"}


@dataclass
class Mention:
    start: int  # token offsets into the Doc
    end: int
    text: str  # as written
    kind: str  # "person" | "party"
    key: str | None = None  # full name of the person this mention refers to
    role: str | None = None
    head: str | None = None  # the role's head word ("ministre")
    country: str | None = None


@dataclass
class Person:
    name: str
    first: int  # token index of the first mention
    aliases: set[str] = field(default_factory=set)
    role: str | None = None
    head: str | None = None
    country: str | None = None


def sent_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """(start, end) token offsets of the sentence holding token i; O(1) after a first pass
    (Token.sent walks the Doc each time, which is quadratic on long texts)."""
    table = doc.user_data.get("diplowatch_sent_bounds")
    if table is None or len(table) != len(doc):
        table = [(0, 0)] * len(doc)
        for sent in doc.sents:
            for j in range(sent.start, sent.end):
                table[j] = (sent.start, sent.end)
        doc.user_data["diplowatch_sent_bounds"] = table
    return table[i]


def _setup_extensions() -> None:
    for name in ("mentions", "persons"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


_setup_extensions()


# ----------------------------------------------------------------------------- roles

def _role_index(lang: str) -> dict[str, list[tuple[list[str], str]]]:
    index = _ROLE_INDEX.get(lang)
    if index is None:
        index = {}
        for role_lang, phrase, head in load().roles:
            if role_lang == lang:
                words = [_singular(w) for w in phrase.split()]
                index.setdefault(words[0], []).append((words, head))
        _ROLE_INDEX[lang] = index
    return index


_ROLE_INDEX: dict[str, dict] = {}


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith(("s", "x")) else word


def role_at(doc: Doc, i: int, lang: str) -> tuple[int, str, str] | None:
    """(end token, role phrase as written, head) of the longest role phrase starting at token i."""
    if i >= len(doc):
        return None
    first = fold(doc[i].text).split()
    if not first:
        return None
    options = _role_index(lang).get(_singular(first[0]))
    if not options:
        return None
    for words, head in options:  # longest first
        got: list[str] = []
        j = i
        while j < len(doc) and len(got) < len(words):
            got.extend(_singular(w) for w in fold(doc[j].text).split())
            j += 1
        if got == words:
            return j, doc[i:j].text, head
    return None


def _roles_in(doc: Doc, start: int, end: int, lang: str) -> list[tuple[int, int, str, str]]:
    found = []
    i = start
    while i < end:
        hit = role_at(doc, i, lang)
        if hit and hit[0] <= end:
            found.append((i, hit[0], hit[1], hit[2]))
            i = hit[0]
        else:
            i += 1
    return found


def _country_in(doc: Doc, start: int, end: int) -> str | None:
    """The country a span names by adjective, country name or institution ("président kazakh")."""
    for tok in reversed(doc[start:end]):
        if tok.text[:1].isupper() and tok.i > start and doc[tok.i - 1].lower_ in ("en", "in", "à", "au"):
            continue  # "ambassadeur ... en Algérie" is where, not whom
        code = geo.adjective_country(tok.text) if tok.text[:1].islower() or tok.pos_ in ("ADJ", "PROPN", "NOUN", "") else None
        if code:
            return code
    text = doc[start:end].text
    for s, e, code, kind in geo.countries_in(text):
        before = text[:s].rstrip().split()
        if kind == "capital":
            continue
        if kind == "name" and before and fold(before[-1]) in ("en", "in", "a", "au"):
            continue
        return code
    inst = geo.institution_in(text)
    return inst[1] if inst else None


def _left_context(doc: Doc, start: int, floor: int) -> int:
    """Start of the title words before a name ("le président russe", "Mozambican President, ")."""
    i = start
    limit = max(floor, start - 14)
    while i > limit:
        tok = doc[i - 1]
        if tok.is_punct and tok.text not in ("-", "'", ","):
            break
        if tok.text == ",":
            # "South African President, Cyril Ramaphosa" / "Le Président de la République, M. X"
            if i == start or (i < start and doc[i].lower_ in TITLES):
                i -= 1
                continue
            break
        if tok.pos_ in ("VERB", "AUX") and not tok.text[:1].isupper() and tok.lower_ not in ("chargé",) \
                and not geo.adjective_country(tok.text):
            break
        if "\n" in tok.text_with_ws and i != start:
            break
        if tok.lower_ in ("à", "par", "avec", "with", "by", "selon", "pour") or (tok.lower_ in ("et", "and") and doc[i - 2].text[:1].isupper() if i >= 2 else False):
            break
        i -= 1
    return i


def _right_apposition(doc: Doc, end: int, lang: str, ceiling: int) -> int:
    """End of an apposed role after a name ("X, vice-Premier ministre et ministre ... du Kazakhstan")."""
    if end >= ceiling or doc[end].text != ",":
        return end
    j = end + 1
    while j < ceiling and doc[j].pos_ == "DET":
        j += 1
    if j >= ceiling or not (role_at(doc, j, lang) or doc[j].lower_ in ("membre", "member", "chef", "head", "vice")):
        return end
    k = j
    while k < ceiling and doc[k].text not in (",", ".", ";", ":", "(", ")") and "\n" not in doc[k].text:
        if doc[k].pos_ in ("VERB", "AUX") and k > j and not doc[k].lower_.startswith("charg"):
            break
        k += 1
    return k


def describe(doc: Doc, start: int, end: int, lang: str, floor: int, ceiling: int) -> tuple[str | None, str | None, str | None]:
    """(role, head, country) of the person whose name spans [start, end)."""
    left = _left_context(doc, start, floor)
    right = _right_apposition(doc, end, lang, ceiling)
    role = head = country = None
    roles = _roles_in(doc, left, start, lang)
    if roles:
        rs, re_, role, head = roles[-1] if len(roles) == 1 else roles[0]
        role = doc[roles[0][0]:start].text.strip(" ,") if roles else role
        country = _country_in(doc, left, start)
    if right > end:
        rroles = _roles_in(doc, end + 1, right, lang)
        if rroles:
            if role is None:
                role = doc[end + 1:right].text.strip(" ,")
                head = next((r[3] for r in rroles if r[3] not in ("membre", "member")), rroles[0][3])
            country = country or _country_in(doc, end + 1, right)
    return role, head, country


# ----------------------------------------------------------------------------- names

CALENDAR_WORDS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "monday", "tuesday",
                  "wednesday", "thursday", "friday", "saturday", "sunday", "janvier", "fevrier", "mars", "avril", "mai",
                  "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre", "january", "february",
                  "march", "april", "june", "july", "august", "september", "october", "november", "december"}
NAME_PARTICLES = {"de", "du", "des", "d'", "ben", "bin", "ibn", "bint", "al", "el", "al-", "el-", "le", "la", "van",
                  "von", "der", "den", "da", "dos", "das", "di", "del", "y", "abu", "ould", "ag", "st", "st."}
NAME_INNER_PUNCT = {"-", "'", "."}


def _cut_at_punct(doc: Doc, start: int, end: int) -> int:
    """A name ends at the first quotation mark, comma, colon... or line break inside its span
    ("Tokaïev “Élaborer" is "Tokaïev"): the statistical NER sometimes glues the next word."""
    for k in range(start, end):
        tok = doc[k]
        if k > start and ("\n" in doc[k - 1].whitespace_ or "\n" in doc[k - 1].text):
            return k
        if tok.is_punct and tok.text not in NAME_INNER_PUNCT or tok.is_quote or any(c in tok.text for c in "«»“”„\"():;,"):
            return k
    return end


def _valid_name_tokens(doc: Doc, start: int, end: int) -> bool:
    """Every word of a name is capitalised, a particle (de, ben, al, Le...) or inner punctuation."""
    for tok in doc[start:end]:
        if tok.text[:1].isupper() or tok.text in NAME_INNER_PUNCT or tok.lower_ in NAME_PARTICLES:
            continue
        return False
    return True


def _clean_span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    end = _cut_at_punct(doc, start, end) if start < end and not doc[start].is_punct else end
    while start < end and (doc[start].lower_ in TITLES or doc[start].text[:1].islower() or doc[start].is_punct
                           or role_at(doc, start, "en") or role_at(doc, start, "fr")):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "s", "'") or doc[end - 1].text[:1].islower()):
        end -= 1
    # a country name glued before the name ("du Président de l'Indonésie Prabowo Subianto")
    while end - start > 1 and (geo.is_country_name(doc[start].text) or doc[start].lower_ in TITLES):
        start += 1
    if start < end and fold(doc[start].text) in INSTITUTION_WORDS:
        return None
    if end - start == 1 and start >= 2 and (
            doc[start - 1].lower_ in ("de", "d'", "in", "of") and fold(doc[start - 2].text) in PLACE_NOUNS
            or doc[start - 1].lower_ in ("à", "a", "in", "at") and fold(doc[start - 2].text) in CALENDAR_WORDS):
        return None  # "au sommet de Belém", "the summit in Belem", "prévu en août à Belém"
    if start >= end or end - start > 6:
        return None
    if not _valid_name_tokens(doc, start, end) or doc[start].lower_ in NAME_PARTICLES:
        return None
    text = doc[start:end].text
    if any(c.isdigit() for c in text) or "@" in text or "\n" in text:
        return None
    if any(fold(t.text) in CALENDAR_WORDS for t in doc[start:end]):
        return None
    if geo.any_country(text) or geo.is_country_name(text):
        return None
    if any(geo.adjective_country(t.text) for t in doc[start:end]):
        return None
    if geo.institution_in(text):
        return None
    return start, end


def _name_spans(doc: Doc, lang: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    taken = set()
    for tok in doc:  # "Président de la République": never a name
        hit = role_at(doc, tok.i, lang)
        if hit and hit[0] - tok.i > 1:
            taken.update(i for i in range(tok.i + 1, hit[0]) if doc[i].text[:1].isupper())
    for ent in entities(doc):
        if ent.label_ not in ("PER", "PERSON"):
            continue
        cleaned = _clean_span(doc, ent.start, ent.end)
        if cleaned and not taken.intersection(range(*cleaned)):
            spans.append(cleaned)
            taken.update(range(*cleaned))
    # capitalised words after a title or role ("M. Japarov", "le président Macron", "President Tinubu")
    for tok in doc:
        if tok.i in taken:
            continue
        is_title = tok.lower_ in TITLES and tok.lower_ not in ("son", "sa", "his", "her")
        hit = role_at(doc, tok.i, lang)
        if not (is_title or hit):
            continue
        j = hit[0] if hit else tok.i + 1
        # "le ministre chinois des Affaires étrangères Wang Yi": skip the rest of the title
        skip = j
        while skip < len(doc) and skip - j < 6 and (
                doc[skip].text[:1].islower() and doc[skip].pos_ not in ("VERB", "AUX") and not doc[skip].is_punct
                or doc[skip].text[:1].isupper() and skip + 1 < len(doc) and doc[skip + 1].text[:1].islower()
                and doc[skip + 1].pos_ == "ADJ"):
            skip += 1
        if skip > j and skip < len(doc) and doc[skip].text[:1].isupper() and doc[skip - 1].lower_ not in (
                "de", "du", "d'", "des", "la", "le", "les", "l'", "aux", "à", "au", "en", "of", "in", "the"):
            # a capitalised word after an article or a preposition is a noun of the title or a place
            # ("ministre des Sports", "ministre de la Jeunesse", "avant le sommet de l'Amazonie"), not a name
            j = skip
        if j < len(doc) and doc[j].text == ",":
            j += 1
        k = j
        while k < len(doc) and k - j < 4 and doc[k].text[:1].isupper() and doc[k].is_alpha is not False \
                and not doc[k].is_punct and fold(doc[k].text) not in NAME_STOP and "\n" not in doc[k - 1].whitespace_:
            k += 1
        if k > j and not taken.intersection(range(j, k)):
            cleaned = _clean_span(doc, j, k)
            if cleaned and not role_at(doc, cleaned[0], lang):
                spans.append(cleaned)
                taken.update(range(*cleaned))
    for tok in doc:
        if tok.text != "," or tok.i + 2 >= len(doc) or tok.i + 1 in taken:
            continue
        k = tok.i + 1
        while k < len(doc) and k - tok.i <= 4 and doc[k].text[:1].isupper() and not doc[k].is_punct \
                and fold(doc[k].text) not in NAME_STOP and k not in taken:
            k += 1
        if k - tok.i - 1 < 2 or (k < len(doc) and doc[k].text not in (",", ".", ";") and doc[k].pos_ not in ("AUX", "VERB")):
            continue
        window = doc[max(sent_bounds(doc, tok.i)[0], tok.i - 20):tok.i]
        if any(role_at(doc, t.i, lang) for t in window):
            cleaned = _clean_span(doc, tok.i + 1, k)
            if cleaned:
                spans.append(cleaned)
                taken.update(range(*cleaned))
    return sorted(spans)


def _canonical(names: list[str]) -> dict[str, str]:
    """Map every spelling to the article's fullest name containing its words (the first such name
    in the article when several are as long). Distinct spellings only, and candidates looked up by
    their rarest shared word, so a long text with many mentions stays fast."""
    unique = list(dict.fromkeys(names))
    words = {n: fold(n).split() for n in unique}
    sets = {n: set(w) for n, w in words.items()}
    index: dict[str, list[str]] = {}
    for n in unique:
        for x in sets[n]:
            index.setdefault(x, []).append(n)
    result = {}
    for n in unique:
        best = n
        if sets[n]:
            rarest = min(sets[n], key=lambda x: len(index[x]))
            for m in index[rarest]:
                if len(words[m]) > len(words[best]) and sets[n] <= sets[m]:
                    best = m
        result[n] = best
    # a chain: "Xi" -> "Xi Jinping" -> (nothing longer)
    return result


def _parties(doc: Doc, lang: str, taken: set[int]) -> list[Mention]:
    """Role phrases with a country and no name: "son homologue russe", "représentants ... du Niger et du Soudan"."""
    found = []
    i = 0
    while i < len(doc):
        if i in taken:
            i += 1
            continue
        hit = role_at(doc, i, lang)
        if not hit:
            i += 1
            continue
        end = hit[0]
        k = end
        # extend over the noun phrase: adjectives, "des Affaires étrangères", "du Niger et du Soudan"
        while k < len(doc) and k - end < 12 and k not in taken:
            t = doc[k]
            if t.is_punct or "\n" in doc[k - 1].whitespace_ or t.pos_ in ("VERB", "AUX", "SCONJ", "PRON") and not geo.adjective_country(t.text):
                break
            if t.lower_ in ("et", "and") and not (k + 2 < len(doc) and (geo.any_country(doc[k + 2].text) or geo.any_country(doc[k + 1].text))):
                break
            nxt_tok = doc[k + 1] if k + 1 < len(doc) else None
            if t.like_num or (t.pos_ in ("NOUN", "ADP", "DET") and not t.text[:1].isupper() and not geo.adjective_country(t.text)
                              and not (t.lower_ in ("de", "des", "du", "d'", "la", "l'", "of", "the", "aux", "et", "and")
                                       and nxt_tok is not None and (nxt_tok.text[:1].isupper() or nxt_tok.lower_ in ("la", "l'")
                                                                  or nxt_tok.lower_.startswith(("minist", "gouvern"))))
                              and not t.lower_.startswith(("minist", "gouvern"))):
                break
            k += 1
        # English adjectives before the role ("his South Korean counterpart", "the Russian president")
        s = i
        while s > 0 and s - 1 not in taken and (geo.adjective_country(doc[s - 1].text) or (doc[s - 1].text[:1].isupper() and s >= 2 and geo.adjective_country(doc[s - 2].text + " " + doc[s - 1].text))):
            s -= 1
        if s > 0 and doc[s - 1].text[:1].isupper() and geo.adjective_country(doc[s - 1].text + " " + doc[s].text):
            s -= 1
        # followed by a name: not an unnamed party (the name's mention carries the role)
        nxt = k
        if nxt < len(doc) and doc[nxt].text == ",":
            nxt += 1
        if nxt in taken or (end in taken):
            i = end
            continue
        # after a name and a comma: an apposed role of that person ("Wang Yi, membre du Bureau politique")
        if s >= 2 and doc[s - 1].text == "," and s - 2 in taken:
            i = k
            continue
        span_text = doc[s:k].text
        codes = []
        for tok in doc[s:k]:
            code = geo.adjective_country(tok.text)
            if code and code not in codes:
                codes.append(code)
        for _, _, code, kind in geo.countries_in(span_text):
            if kind in ("name", "adjective") and code not in codes:
                codes.append(code)
        inst = geo.institution_in(span_text)
        if inst and inst[1] not in codes:
            codes.append(inst[1])
        head = hit[2]
        for code in codes or [None]:
            found.append(Mention(s, k, span_text, "party", role=hit[1].strip(), head=head, country=code))
        i = k
    return found


def _counterpart_heads(doc: Doc, ordered: list[Mention], persons: dict[str, Person]) -> None:
    """"son homologue français" is a minister when it follows "le ministre russe"."""
    for idx, m in enumerate(ordered):
        if m.head not in ("homologue", "counterpart"):
            continue
        for prev in reversed(ordered[:idx]):
            if sent_bounds(doc, prev.start)[0] != sent_bounds(doc, m.start)[0]:
                break
            head = prev.head or (persons[prev.key].head if prev.key in persons else None)
            if head and head not in ("homologue", "counterpart"):
                m.head = head
                if m.kind == "person" and m.key in persons and persons[m.key].head in (None, "homologue", "counterpart"):
                    persons[m.key].head = head
                break


def _heads_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    a, b = fold(a), fold(b)
    return a == b or a in WILDCARD_HEADS or b in WILDCARD_HEADS


def find_mentions(doc: Doc, lang: str) -> tuple[list[Mention], dict[str, Person]]:
    spans = _name_spans(doc, lang)
    texts = [doc[s:e].text for s, e in spans]
    canon = _canonical(texts)
    mentions: list[Mention] = []
    persons: dict[str, Person] = {}
    name_parts: dict[str, str] = {}
    prev_end = 0
    for idx, ((s, e), text) in enumerate(zip(spans, texts)):
        full = canon[text]
        sent_start, sent_end = sent_bounds(doc, s)
        nxt_start = spans[idx + 1][0] if idx + 1 < len(spans) else len(doc)
        role, head, country = describe(doc, s, e, lang, max(sent_start, prev_end), min(sent_end, nxt_start))
        prev_end = e
        mentions.append(Mention(s, e, text, "person", key=full, role=role, head=head, country=country))
        p = persons.setdefault(full, Person(full, s))
        if text != full:
            p.aliases.add(text)
        if role and not p.role:
            p.role, p.head = role, head
        if country and not p.country:
            p.country = country
    for m in mentions:
        p = persons[m.key]
        if p.country:
            continue
        for t in doc[max(0, m.start - 5):m.start]:
            if t.lower_ == "'s" and t.i > 0:
                owner = next((o for o in mentions if o.start <= t.i - 1 < o.end), None)
                if owner and persons[owner.key].country and owner.key != m.key:
                    p.country = persons[owner.key].country
    # "President Tinubu of Nigeria", "M. X du Kazakhstan": a country right after another mention
    for m in mentions:
        p = persons[m.key]
        if p.country or m.end + 1 >= len(doc) or doc[m.end].lower_ not in ("of", "du", "de", "d'"):
            continue
        tail = doc[m.end:min(len(doc), m.end + 5)].text
        for s_, _, code, kind in geo.countries_in(tail):
            if kind == "name" and len(tail[:s_].split()) <= 2:
                p.country = code
            break
    for full in persons:
        for w in fold(full).split():
            if len(w) > 1 and w not in NAME_STOP:
                name_parts.setdefault(w, full)
    # bare surnames the NER missed ("Xi a rencontré", "Ramaphosa's spokeswoman")
    taken = {i for m in mentions for i in range(m.start, m.end)}
    for tok in doc:
        if tok.i in taken or not tok.text[:1].isupper() or tok.is_punct:
            continue
        full = name_parts.get(fold(tok.text))
        if full and fold(tok.text) not in NAME_STOP and not geo.any_country(tok.text):
            mentions.append(Mention(tok.i, tok.i + 1, tok.text, "person", key=full))
            taken.add(tok.i)
            if tok.text != full:
                persons[full].aliases.add(tok.text)
    parties = _parties(doc, lang, taken)
    _counterpart_heads(doc, sorted(mentions + parties, key=lambda m: m.start), persons)
    _resolve_parties(doc, parties, persons, mentions)
    mentions.extend(parties)
    mentions.sort(key=lambda m: (m.start, m.end))
    for m in mentions:
        if m.kind == "person" and m.key in persons:
            p = persons[m.key]
            m.country = m.country or p.country
            m.role = m.role or p.role
            m.head = m.head or p.head
    return mentions, persons


def _resolve_parties(doc: Doc, parties: list[Mention], persons: dict[str, Person], mentions: list[Mention]) -> None:
    """Link "le président chinois" to the article's Chinese president, when it names one."""
    first_seen = {}
    for m in mentions:
        if m.kind == "person":
            first_seen.setdefault(m.key, m.start)
    assigned: set[str] = set()
    sents = {s.start: idx for idx, s in enumerate(doc.sents)}

    def sent_index(i: int) -> int:
        return sents.get(sent_bounds(doc, i)[0], 0)

    for party in parties:
        if not party.country:
            continue
        same = [p for p in persons.values() if p.country == party.country and _heads_compatible(p.head, party.head)]
        if same:
            # the nearest one mentioned before, else the first one mentioned after
            before = [p for p in same if first_seen.get(p.name, 10**9) < party.start]
            pick = max(before, key=lambda p: first_seen[p.name]) if before else min(same, key=lambda p: first_seen.get(p.name, 10**9))
            party.key = pick.name
            continue
        # a person whose country the article does not state, named near the unnamed role:
        # "son homologue ivoirien ... Alassane Ouattara sera accueilli"
        here = sent_index(party.start)
        if "Plur" in doc[party.start].morph.get("Number") or fold(party.text).split()[0].endswith("s"):
            continue
        candidates = [m for m in mentions if m.kind == "person" and not persons[m.key].country
                      and m.key not in assigned and 0 <= sent_index(m.start) - here <= 1 and m.start > party.end]
        if not candidates and party.head in OFFICE_HEADS:
            # "le chef de la diplomatie algérienne" after "le ministre ..., Ahmed Attaf": the one earlier
            # person of that role whose country the article had not stated
            same_head = {p.name for p in persons.values() if not p.country and (p.head is None or fold(p.head) == fold(party.head or ""))}
            earlier = [m for m in mentions if m.kind == "person" and m.key in same_head and m.end <= party.start]
            if len({m.key for m in earlier}) == 1:
                candidates = [earlier[-1]]
        if candidates:
            pick = persons[candidates[0].key]
            pick.country = party.country
            pick.role = pick.role or party.role
            pick.head = pick.head or party.head
            assigned.add(pick.name)
            party.key = pick.name


FEMININE_PRONOUNS = {"elle", "-t-elle", "-elle", "t-elle", "she", "her"}
RELATIVE_PRONOUNS = {"qui", "who", "lequel", "laquelle", "which"}
FEMININE_MARKS = {"mme", "mme.", "madame", "mrs", "mrs.", "ms", "ms.", "spokeswoman", "présidente", "ambassadrice",
                  "chancelière", "première", "porte-parole", "reine", "queen", "princesse", "princess", "secrétaire",
                  "conseillère", "directrice", "minister", "ministre"}
STRONG_FEMININE = {"mme", "mme.", "madame", "mrs", "mrs.", "ms", "ms.", "spokeswoman", "présidente", "ambassadrice",
                   "chancelière", "reine", "queen", "princesse", "princess", "conseillère", "directrice", "businesswoman",
                   "chairwoman", "congresswoman"}


def _is_feminine(doc: Doc, m: Mention) -> bool:
    """A mention marked feminine by its title or role ("Mme", "spokeswoman", "la ministre", "présidente")."""
    lo = m.start
    floor = max(sent_bounds(doc, m.start)[0], m.start - 6)
    while lo > floor and not doc[lo - 1].is_punct and doc[lo - 1].pos_ not in ("VERB", "AUX"):
        lo -= 1
    words = [t.lower_ for t in doc[lo:m.start]] + (fold(m.role).split() if m.role and m.kind == "person" else [])
    if any(w in STRONG_FEMININE for w in words):
        return True
    # "la ministre", "la porte-parole": a feminine determiner before a role noun
    for k in range(lo, m.start - 1):
        if doc[k].lower_ in ("la", "une") and doc[k + 1].lower_ in FEMININE_MARKS:
            return True
    return False


def _first_verb(doc: Doc, start: int, end: int) -> int:
    for t in doc[start:end]:
        if t.pos_ in ("VERB", "AUX") and not geo.adjective_country(t.text) and not t.text[:1].isupper():
            return t.i
    return end


def is_subject_mention(doc: Doc, m: Mention, first_in_sentence: bool) -> bool:
    """The mention is the subject of its clause: dependency label on the name or its title, or the
    first person of the sentence written before any verb ("Le président chinois Xi Jinping a ...")."""
    lo = max(sent_bounds(doc, m.start)[0], m.start - 5)
    for t in doc[lo:m.end]:
        if t.dep_.startswith("nsubj") and not (t.head.i >= lo and t.head.i < m.end):
            if t.i >= m.start or t.pos_ == "NOUN":
                return True
    if first_in_sentence:
        s = sent_bounds(doc, m.start)[0]
        return _first_verb(doc, s, m.start) >= m.start
    return False


def relative_antecedent(doc: Doc, tok, mentions: list[Mention]) -> Mention | None:
    """The mention a relative pronoun stands for: "Kassym-Jomart Tokaïev, qui ... a déclaré"."""
    cands = [m for m in mentions if m.end <= tok.i and (m.kind == "person" or m.key)]
    head = tok.head
    if head is not tok and head.dep_.startswith(("acl", "relcl")) and head.head.i < tok.i:
        target = head.head.i
        for m in reversed(cands):
            if m.start - 4 <= target < m.end:
                return m
    for m in reversed(cands):
        gap = [t for t in doc[m.end:tok.i] if not t.is_punct]
        if len(gap) <= 1 and sent_bounds(doc, m.start)[0] == sent_bounds(doc, tok.i)[0]:
            return m
    return None


def pronoun_antecedent(doc: Doc, i: int, mentions: list[Mention], prefer: str | None = None) -> Mention | None:
    """The person a pronoun at token i most likely refers to.

    "elle"/"she" goes to the latest person marked feminine (title or role) when the recent text has
    one. Otherwise the subject of the current sentence (before the pronoun), else of the nearest
    earlier sentence with a person subject, else the latest person mentioned.
    """
    starts = [m.start for m in mentions]
    hi = bisect_left(starts, i)
    lo = bisect_left(starts, max(0, i - 400))
    window = [m for m in mentions[lo:hi] if m.kind == "person" or m.key]
    if not window:
        return None
    if doc[i].lower_ in FEMININE_PRONOUNS:
        fem = [m for m in window if _is_feminine(doc, m)]
        fem_keys = {m.key for m in fem if m.key}
        fem += [m for m in window if m.key in fem_keys]
        if fem:
            return max(fem, key=lambda m: m.start)
    by_sent: dict[int, list[Mention]] = {}
    for m in window:
        by_sent.setdefault(sent_bounds(doc, m.start)[0], []).append(m)
    for s in sorted(by_sent, reverse=True)[:4]:
        ms = sorted(by_sent[s], key=lambda m: m.start)
        persons_only = [m for m in ms if m.kind == "person"] or ms
        for idx, m in enumerate(ms):
            if is_subject_mention(doc, m, m is persons_only[0]):
                return m
    return window[-1]


@Language.component("diplowatch_people")
def people_component(doc: Doc) -> Doc:
    lang = doc.lang_ if doc.lang_ in ("fr", "en") else "fr"
    doc._.mentions, doc._.persons = find_mentions(doc, lang)
    return doc


def mentions_in(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    return [m for m in mentions if m.start >= start and m.end <= end]


def span_of(doc: Doc, start: int, end: int) -> Span:
    return doc[start:end]
