"""Role phrases: titles before or after a name, and role descriptions standing alone.

Constructions handled:
- a title before a name: "le président kazakh Kassym-Jomart Tokaïev", "Russia's Defense Minister
  Sergei Shoigu", "Le Président de la République, M. X" (``left_context``);
- an apposed role after a name: "X, vice-Premier ministre et ministre des Affaires étrangères du
  Kazakhstan" (``right_apposition``);
- the country of a role: an adjective ("kazakh", "Saudi"), "de/du/of + country", an institution
  that belongs to a state ("porte-parole du Kremlin"), but not a place where the person is
  ("ambassadeur ... en Algérie") (``country_in``);
- the organisation of a role ("présidente de la Banque centrale", "porte-parole de la Commission
  européenne"), so that a later "la présidente de la Banque centrale" finds its holder (``org_in``).

The lexicon is data/roles.tsv (phrase, head, class, gender); matching is on folded words with
plurals reduced to their singular, longest phrase first.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from .. import geo
from ..lexicons import load, words_of
from ..words import fold, span_text, texts, tidy


@dataclass(frozen=True)
class RoleHit:
    end: int  # token after the phrase
    text: str  # as written
    head: str
    cls: str
    gender: str | None


@dataclass(frozen=True)
class RoleInfo:
    """What the words around a name say of its holder."""

    role: str | None = None
    head: str | None = None
    cls: str | None = None
    country: str | None = None
    org: str | None = None
    gender: str | None = None
    left: int = 0  # the tokens the title and apposition take, around the name
    right: int = 0


_ROLE_INDEX: dict[str, dict] = {}


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith(("s", "x")) else word


def _role_index(lang: str) -> dict[str, list]:
    """First folded word -> [(words, entry)], longest first; built once per language."""
    index = _ROLE_INDEX.get(lang)
    if index is None:
        index = {}
        for entry in load().role_rows:
            if entry.lang == lang:
                words = [_singular(w) for w in entry.phrase.split()]
                index.setdefault(words[0], []).append((words, entry))
        _ROLE_INDEX[lang] = index
    return index


@lru_cache(maxsize=2)
def role_first_words(lang: str) -> frozenset[str]:
    """The first words of the role phrases, singular and without a final s/x (a cheap pre-check)."""
    return frozenset(w.rstrip("sx") for w in _role_index(lang))


def role_hit(doc: Doc, i: int, lang: str) -> RoleHit | None:
    """The longest role phrase starting at token i (remembered per Doc: the finders of names,
    roles and places ask again and again about the same tokens)."""
    hits = doc.user_data.get(f"diplowatch_role_hits_{lang}")
    if hits is None:
        hits = doc.user_data[f"diplowatch_role_hits_{lang}"] = {}
    if i not in hits:
        hits[i] = _role_hit(doc, i, lang)
    return hits[i]


def _role_hit(doc: Doc, i: int, lang: str) -> RoleHit | None:
    if i >= len(doc):
        return None
    word_texts = texts(doc)
    first = fold(word_texts[i]).split()
    if not first:
        return None
    options = _role_index(lang).get(_singular(first[0]))
    if not options or _compound_tail(doc, i):
        return None
    if first[0] == "pm" and i > 0 and any(ch.isdigit() for ch in word_texts[i - 1]):
        return None  # "from 7.30 pm": a time
    # The words of the tokens from i on, read once for all the phrases of this first word
    # ("chef" opens a dozen): reach[k] is how many words tokens i..i+k hold.
    got: list[str] = []
    reach: list[int] = []
    for words, entry in options:  # longest first
        need = len(words)
        while (not reach or reach[-1] < need) and i + len(reach) < len(doc):
            got.extend(_singular(w) for w in fold(word_texts[i + len(reach)]).split())
            reach.append(len(got))
        # a phrase matches the first tokens whose words reach its length, word for word
        k = min(bisect_left(reach, need), len(reach) - 1)
        if reach[k] == need and got[:need] == words:
            return RoleHit(i + k + 1, tidy(span_text(doc, i, i + k + 1)), entry.head, entry.cls, entry.gender)
    if i + 2 < len(doc) and word_texts[i + 1].islower() and geo.adjective_country(word_texts[i + 1]):
        # "secrétaire mexicain aux Affaires étrangères": a title of several words split by the country's
        # adjective, when its first word is no role alone
        for words, entry in options:
            if len(words) < 3:
                continue
            got, j = [_singular(first[0])], i + 2
            while j < len(doc) and len(got) < len(words):
                got.extend(_singular(w) for w in fold(word_texts[j]).split())
                j += 1
            if got == words:
                return RoleHit(j, tidy(span_text(doc, i, j)), entry.head, entry.cls, entry.gender)
    return None


_COMPOUND_PREFIXES = frozenset({"vice", "ex", "co", "sous", "pro", "pre", "pré", "premier", "premiere", "première",
                                "secretaire", "secrétaire", "deputy", "acting", "former", "self"})


def _compound_tail(doc: Doc, i: int) -> bool:
    """ "quartier-général", "procureur-général"'s kin: a word glued by a hyphen after a noun is that
    compound's, no title ("vice-président", "ex-ministre" are titles)."""
    if i < 2 or doc[i - 1].text != "-" or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return False
    before = doc[i - 2]
    return before.is_alpha and before.text.islower() and fold(before.text) not in _COMPOUND_PREFIXES


def role_at(doc: Doc, i: int, lang: str) -> tuple[int, str, str] | None:
    """(end token, role phrase as written, head) of the longest role phrase starting at token i."""
    hit = role_hit(doc, i, lang)
    return (hit.end, hit.text, hit.head) if hit else None


def roles_in(doc: Doc, start: int, end: int, lang: str) -> list[tuple[int, int, RoleHit]]:
    """Role phrases inside [start, end), left to right, not overlapping."""
    found = []
    i = start
    while i < end:
        hit = role_hit(doc, i, lang)
        if hit and hit.end <= end:
            found.append((i, hit.end, hit))
            i = hit.end
        else:
            i += 1
    return found


_ACCREDITED = frozenset({"près", "pres", "auprès", "aupres"})


def country_in(doc: Doc, start: int, end: int) -> str | None:
    """The country a span names by adjective, country name or institution ("président kazakh")."""
    for tok in reversed(doc[start:end]):
        if tok.text[:1].isupper() and tok.i > start and doc[tok.i - 1].lower_ in ("en", "in", "à", "au"):
            continue  # "ambassadeur ... en Algérie" is where, not whom
        if any(t.lower_ in _ACCREDITED for t in doc[max(start, tok.i - 3):tok.i]):
            continue  # "Ambassadeur du Japon près la République Gabonaise": the state it is accredited to
        code = geo.adjective_country(tok.text) if tok.text[:1].islower() or tok.pos_ in ("ADJ", "PROPN", "NOUN", "") else None
        if code:
            return code
    text = doc[start:end].text
    for s, e, code, kind in geo.countries_in(text):
        before = text[:s].rstrip().split()
        if kind == "capital" and text[e:e + 2].replace("’", "'") != "'s":
            continue  # a city is where; but "Pristina's PM", "Moscow's envoy": the state it stands for
        if kind == "name" and before and fold(before[-1]) in ("en", "in", "a", "au") \
                or any(fold(w) in _ACCREDITED for w in before[-3:]):
            continue
        folded = [fold(w) for w in before]
        portfolio = max((i for i, w in enumerate(folded) if w in ("for", "pour")), default=None)
        if kind == "name" and portfolio is not None and not any(w in ("of", "de", "du", "des") for w in folded[portfolio:]):
            continue  # "Under-Secretary of State for the Middle East, Afghanistan and Pakistan": the portfolio
        return code
    inst = geo.institution_in(text)
    return inst[1] if inst else None


@lru_cache(maxsize=1)
def _organisation_names() -> re.Pattern:
    names = sorted(load().organisations, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names if len(n) > 3) + r")\b")


def org_in(doc: Doc, start: int, end: int) -> str | None:
    """The organisation a role phrase names after "de"/"of": its capitalised words, folded
    ("présidente de la Banque centrale russe" -> "banque centrale"), or a known institution."""
    inst = geo.institution_in(doc[start:end].text)
    if inst:
        return inst[0]
    known = _organisation_names().search(fold(doc[start:end].text))
    if known:
        return known.group(0)  # "des Nations unies", whatever the tagger made of "unies"
    words = load().words("institution_word") - load().words("not_org")
    in_role = {j for i, e, _ in roles_in(doc, start, end, "fr") + roles_in(doc, start, end, "en") for j in range(i, e)}
    for k in range(start, end):
        if k in in_role:
            continue
        if fold(doc[k].text) in words and doc[k].text[:1].isupper():
            out = [doc[k].text]
            j = k + 1
            while j < end and (doc[j].text[:1].isupper() or doc[j].pos_ == "ADJ"):
                out.append(doc[j].text)
                j += 1
            return fold(" ".join(out))
        if len(doc[k].text) >= 2 and doc[k].text.isupper() and doc[k].is_alpha and not geo.any_country(doc[k].text):
            return fold(doc[k].text)  # an acronym: "porte-parole de la CE"
    return None


def left_context(doc: Doc, start: int, floor: int, lang: str = "fr") -> int:
    """Start of the title words before a name ("le président russe", "Mozambican President, ",
    "Le ministre d'Etat, ministre des Affaires étrangères, de la Communauté ..., Ahmed Attaf")."""
    titles = words_of("title", "possessive", "title_name")
    i = start
    limit = max(floor, start - 14)
    while i > limit:
        tok = doc[i - 1]
        if _abbreviation_before(doc, i, limit):
            i -= 3  # "External Affairs Minister (EAM) S Jaishankar"
            continue
        if tok.is_punct and tok.text not in ("-", "'", ","):
            break
        if tok.lower_ in (",", "and", "et") and _portfolio_list(doc, i, start) \
                and any(role_hit(doc, j, lang) for j in range(max(floor, i - 6), i - 1)):
            i -= 1  # "Minister of Foreign Affairs, International Cooperation and Egyptian Expatriates X"
            continue
        if tok.text == ",":
            # "South African President, Cyril Ramaphosa" / "Le Président de la République, M. X" /
            # "Le chef de la diplomatie saoudienne, le prince X" (a rank of nobility, not an office)
            j = i + 1 if i + 1 < start and doc[i].lower_ in ("le", "la", "l'", "the") else i
            if i == start or (i < start and (doc[i].lower_ in titles or doc[j].lower_ in load().words("nobility"))):
                i -= 1
                continue
            break
        if tok.pos_ in ("VERB", "AUX") and not tok.text[:1].isupper() and tok.lower_ not in ("chargé",) \
                and not geo.adjective_country(tok.text) and not _in_role(doc, i - 1, lang):
            break
        if "\n" in tok.text_with_ws and i != start:
            break
        if tok.lower_ in ("et", "and"):
            if role_hit(doc, i, lang) and any(role_hit(doc, j, lang) for j in range(max(floor, i - 5), i - 1)):
                i -= 1  # "Saudi Crown Prince and Prime Minister Mohammed bin Salman"
                continue
            break  # "le ministre britannique et Araghchi": the title is the first one's
        if tok.lower_ in ("à", "par", "avec", "with", "by", "selon", "pour", "as", "comme") \
                and not (tok.lower_ == "à" and _in_role(doc, i - 1, lang)):  # but "secrétaire à la Défense"
            break  # "In his first visit to Germany as PM, Mr X": the country is the visit's
        i -= 1
    return i


_PORTFOLIO_GLUE = frozenset({",", "and", "et", "of", "de", "du", "des", "la", "l'", "the"})


def _portfolio_list(doc: Doc, i: int, start: int) -> bool:
    """The words from i to the name are more of a minister's portfolio ("International Cooperation
    and Egyptian Expatriates"): portfolio words, their nationality and the words joining them."""
    portfolios = load().words("portfolio")
    words = doc[i:start]
    return any(fold(t.text) in portfolios for t in words) and all(
        fold(t.text) in portfolios or t.lower_ in _PORTFOLIO_GLUE or geo.adjective_country(t.text) for t in words)


def _abbreviation_before(doc: Doc, i: int, floor: int) -> bool:
    """ "(EAM)", "(MAE)" right before position i: a title's abbreviation, in brackets after it."""
    return i - 3 >= floor and doc[i - 1].text == ")" and doc[i - 3].text == "(" \
        and doc[i - 2].text.isupper() and doc[i - 2].is_alpha and len(doc[i - 2].text) <= 6


def _in_role(doc: Doc, k: int, lang: str) -> bool:
    """Token k is a word of a role phrase ("prince héritier", the tagger's verb "héritier")."""
    for j in range(max(0, k - 4), k + 1):
        hit = role_hit(doc, j, lang)
        if hit and hit.end > k:
            return True
    return False


def chain_before(doc: Doc, start: int, floor: int, lang: str) -> int | None:
    """ "Le ministre d'Etat, ministre des Affaires étrangères, de la Communauté nationale à
    l'étranger et des Affaires africaines, Ahmed Attaf": a chain of titles ending in a comma right
    before the name (and its title: "..., M. X"), with no verb in it; the start of its first role
    phrase."""
    titles = load().words("title")
    while start > 1 and (doc[start - 1].lower_ in titles
                         or doc[start - 1].text == "." and doc[start - 2].lower_ + "." in titles):  # "Rt. Hon"
        start -= 1
    if start == 0 or doc[start - 1].text != ",":
        return None
    k = start - 1
    while k > max(floor, start - 40):
        tok = doc[k - 1]
        verb = tok.pos_ in ("VERB", "AUX") and not geo.adjective_country(tok.text) and tok.lower_ not in ("chargé",) \
            and not (k >= 2 and doc[k - 2].pos_ == "DET") \
            and not ("Part" in tok.morph.get("VerbForm") and k >= 2 and doc[k - 2].pos_ not in ("AUX", "PRON"))
        # not verbs: "à l'étranger" (a noun after its article), "des Nations unies" (a participle
        # without its auxiliary, an adjective)
        if verb or tok.is_punct and tok.text not in (",", "'", "-") or "\n" in tok.text_with_ws:
            break
        k -= 1
    for j in range(k, start - 1):
        if role_hit(doc, j, lang):
            while j > k and doc[j - 1].pos_ == "DET":
                j -= 1
            return j
    return None


_COPULA = ("est", "était", "is", "was")
_RELATIVE_COPULA = re.compile(r"^(qui|who)\s+(est|était|is|was)\s+", re.I)


def right_apposition(doc: Doc, end: int, lang: str, ceiling: int) -> int:
    """End of an apposed role after a name ("X, vice-Premier ministre et ministre ... du Kazakhstan")."""
    if end >= ceiling or doc[end].text != ",":
        return end
    j = end + 1
    if j + 2 < ceiling and doc[j].lower_ in ("qui", "who") and doc[j + 1].lower_ in _COPULA:
        j += 2  # "X, qui est médiateur de la CEDEAO, ...": the role of the name before
    while j < ceiling and doc[j].pos_ == "DET":
        j += 1
    bare = j == end + 1  # no article: "X, président du Liban a reçu" is an apposition even unclosed
    while j < ceiling and doc[j].lower_ in load().words("role_modifier"):
        j += 1
    if j >= ceiling or not (role_at(doc, j, lang) or doc[j].lower_ in ("membre", "member", "chef", "head", "vice")):
        return end
    k = j
    titles = load().words("title")
    while k < ceiling and doc[k].text not in (",", ".", ";", ":", "(", ")") and "\n" not in doc[k].text:
        if doc[k].lower_ in ("et", "and") and k + 1 < ceiling and doc[k + 1].lower_ in titles:
            return k  # "X, Chef de l'Etat et M. Y": the next person, not more of the role
        if doc[k].pos_ in ("VERB", "AUX") and k > j and not doc[k].lower_.startswith("charg"):
            # "Qatar's Emir X, the Crown Prince stressed": the subject of a new clause, not an apposition
            return k if doc[k - 1].text == "," or bare and lang == "fr" else end
        k += 1
    return k


def describe(doc: Doc, start: int, end: int, lang: str, floor: int, ceiling: int) -> RoleInfo:
    """The role of the person whose name spans [start, end): the title before the name, else the
    role apposed after it; its country, organisation and gender."""
    left = left_context(doc, start, floor, lang)
    right = right_apposition(doc, end, lang, ceiling)
    role = head = cls = country = org = gender = None
    roles = roles_in(doc, left, start, lang)
    if not roles:
        chained = chain_before(doc, start, floor, lang)
        if chained is not None:
            left = chained
            roles = roles_in(doc, left, start, lang)
    if roles and right > end and _apposed_to_name_before(doc, roles[0][0]) \
            and any(t.text == "," for t in doc[roles[-1][1]:start]) and roles_in(doc, end + 1, right, lang):
        # "A, envoyé spécial du président du Mali, M. B, ambassadeur du Niger": a list, whose roles
        # before a comma are the previous name's; B's is after him
        roles, left = [], start
    if len(roles) > 1 and any(t.lower_ in ("du", "de", "des", "d'", "of") for t in doc[roles[-2][1]:roles[-1][0]]) \
            and (_apposed_to_name_before(doc, roles[0][0]) or roles[-1][1] == start and all(
                t.lower_ in ("du", "de", "des", "d'", "of", "la", "le", "l'", "the") for t in doc[roles[-2][1]:roles[-1][0]])):
        # "Y, envoyé spécial du président X": the envoy is Y, named before; X is the president, as in
        # "l'envoyée spéciale du président X" (but "le porte-parole du chef de l'Etat russe Dmitri
        # Peskov" names the spokesman)
        left = roles[-1][0]
        while left > 0 and doc[left - 1].pos_ == "DET":
            left -= 1
        roles = roles[-1:]
    if roles:
        first = roles[0][2]
        head, cls, gender = first.head, first.cls, first.gender
        stop, titles = start, words_of("title", "title_name", "possessive")
        while stop > roles[0][0] + 1 and (doc[stop - 1].lower_ in titles or doc[stop - 1].text == ","
                                          or doc[stop - 1].text == "." and doc[stop - 2].lower_ + "." in titles
                                          or _abbreviation_before(doc, stop, roles[0][0] + 1)):
            stop -= 3 if doc[stop - 1].text == ")" else 1  # "Le Représentant spécial ..., M. X": the role ends before the comma and the title
        role = tidy(doc[roles[0][0]:stop].text.strip(" ,"))
        country = country_in(doc, left, start)
        org = org_in(doc, roles[0][0], start)
    if right > end:
        rroles = roles_in(doc, end + 1, right, lang)
        if rroles:
            best = next((r[2] for r in rroles if r[2].head not in ("membre", "member")), rroles[0][2])
            # "le sénateur X, vice-Premier ministre et ministre des Affaires étrangères": the seat
            # before the name is a rank; the office after it is what "le ministre pakistanais" refers to
            if role is None or cls == "legislator" and best.cls not in (None, "legislator"):
                role = tidy(_RELATIVE_COPULA.sub("", doc[end + 1:right].text.strip(" ,")))
                head, cls, gender = best.head, best.cls, best.gender
                org = org_in(doc, end + 1, right)
            country = country or country_in(doc, end + 1, right)
    gender = gender or _gender_before(doc, left, start)
    return RoleInfo(role, head, refine_class(cls, role), country, org, gender, left, right)



def _apposed_to_name_before(doc: Doc, i: int) -> bool:
    """The role phrase starting at token i follows a name and its comma ("M. Y, Envoyé spécial ...")."""
    k = i - 1
    while k >= 0 and doc[k].pos_ == "DET":
        k -= 1
    return k >= 1 and doc[k].text == "," and doc[k - 1].pos_ == "PROPN" and doc[k - 1].text[:1].isupper()


def refine_class(cls: str | None, phrase: str | None) -> str | None:
    """ "ministre iranien des Affaires étrangères": a foreign minister, though the words of the
    office are split by the adjective."""
    if cls == "minister" and phrase and any(w in fold(phrase) for w in ("affaires etrangeres", "foreign")):
        return "foreign"
    return cls


def _gender_before(doc: Doc, left: int, start: int) -> str | None:
    """A woman by the words before her name: "Mme", "la ministre", a feminine determiner or
    adjective on the role's head."""
    feminine = load().words("feminine")
    for k in range(left, start):
        tok = doc[k]
        if tok.lower_ in feminine:
            return "f"
        if tok.lower_ in ("la", "une") and k + 1 < start and role_hit(doc, k + 1, "fr"):
            return "f"
    return None
