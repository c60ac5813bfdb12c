"""Role phrases without a name: the unnamed parties and the descriptions of people named elsewhere.

Constructions handled:
- a role with its country: "son homologue russe", "le ministre malien des Affaires étrangères",
  "the Saudi foreign minister", "his South Korean counterpart", "le Premier ministre de la
  République de Géorgie";
- several countries for one plural role: "les représentants du Niger et du Soudan", "les ministres
  des affaires étrangères ouzbek, kazakh, kirghize" (one mention per country);
- a role with its organisation: "le porte-parole de la Commission", "la présidente de la Banque
  centrale";
- not a description: a role followed by a name ("le président Macron": the name's mention carries
  it) or apposed after a name ("Wang Yi, membre du Bureau politique").
"""

from __future__ import annotations

from spacy.tokens import Doc

from .. import geo
from ..lexicons import load
from ..words import doc_text, fold, tidy
from .model import Mention
from .names import headline_verb, role_table
from .roles import org_in, refine_class



_ARTICLES = ("l'", "la", "le", "les", "the")


def _country_name_at(doc: Doc, j: int) -> bool:
    """A country's name starts at token j, after an article if any: "Iran", "the United Arab
    Emirates", "South Africa"."""
    if j < len(doc) and doc[j].lower_ in _ARTICLES:
        j += 1
    return any(geo.is_country_name(doc[j:j + n].text) for n in (1, 2, 3) if j + n <= len(doc))


def _ends_country_name(doc: Doc, k: int) -> bool:
    """Token k ends a country's name ("United States", "Emirates")."""
    return any(geo.is_country_name(doc[j:k + 1].text) for j in range(max(0, k - 3), k))


def _listed_country(doc: Doc, k: int) -> bool:
    """Token k (a comma) goes on with a list of countries: ", kazakh", ", Iran", ", du Soudan",
    ", the United Arab Emirates"."""
    if k + 1 >= len(doc):
        return False
    nxt = doc[k + 1]
    if geo.adjective_country(nxt.text) and nxt.text[:1].islower() or _country_name_at(doc, k + 1):
        return True
    return nxt.lower_ in load().words("of_prep") and _country_name_at(doc, k + 2)  # ", du Soudan", ", de l'Inde"


def _stops_phrase(doc: Doc, k: int, institutions: frozenset[str]) -> bool:
    """A common word that ends the noun phrase of a role: not an adjective, not "de"/"of" before a
    capitalised word or an institution ("du ministère", "de la délégation"), not an institution."""
    t = doc[k]
    if t.like_num:
        return True
    if t.pos_ not in ("NOUN", "ADP", "DET") or t.text[:1].isupper() or geo.adjective_country(t.text):
        return False
    if fold(t.text) in institutions:
        return False
    nxt = doc[k + 1] if k + 1 < len(doc) else None
    return not (t.lower_ in load().words("of_prep") and nxt is not None and (
        nxt.text[:1].isupper() or nxt.lower_ in ("la", "l'") or fold(nxt.text) in institutions
        or nxt.lower_ == "the" and _country_name_at(doc, k + 1)))  # "from the United States, ..."


def _phrase_end(doc: Doc, end: int, taken: set[int], roles: dict | None = None) -> int:
    """The end of the noun phrase a role word heads: adjectives, "des Affaires étrangères",
    "du Niger et du Soudan", ", kazakh, kirghize et tadjik", "from Russia, Iran and Turkey",
    "de la délégation du Sénat américain"."""
    institutions = load().words("institution_word")
    k = end
    listing = False  # a list of countries goes on as long as it lasts
    while k < len(doc) and (k - end < 14 or listing) and k not in taken:
        t = doc[k]
        if t.text == "," and _listed_country(doc, k):
            k += 1
            listing = True
            continue
        if k + 1 < len(doc) and doc[k + 1].text == "-" and not t.whitespace_ and t.text[:1].isupper() \
                and t.lower_ in load().words("particle"):
            break  # "le général Al-Tayeb": the name after the title, not a word of it
        if t.lower_ in ("'s", "´s") or t.is_punct or t.is_space or "\n" in doc[k - 1].whitespace_ \
                or t.pos_ in ("VERB", "AUX", "SCONJ", "PRON", "ADV") and not geo.adjective_country(t.text):
            break
        if t.lower_ in ("et", "and") and roles is not None and roles.get(k + 1) is not None and k + 1 not in taken:
            k = roles[k + 1].end  # "Le vice-Premier ministre et ministre des Affaires étrangères": one person's two offices
            continue
        if t.lower_ in ("et", "and") and not _country_next(doc, k + 1) and not _title_goes_on(doc, k + 1):
            break
        if _stops_phrase(doc, k, institutions) or headline_verb(t.lower_) and not _ends_country_name(doc, k):
            break  # a headline's verb: "Spokesman Condemns New US Sanctions" (but "the United States")
        k += 1
    while k > end and doc[k - 1].text == ",":
        k -= 1
    return k


_LINKS = frozenset({"de", "du", "des", "d'", "d’", "la", "le", "les", "l'", "l’", "of", "the"})


def _country_next(doc: Doc, k: int) -> bool:
    """A country after "et" / "and", past its article and preposition ("les dirigeants de la Russie et de
    la Serbie", "the leaders of Russia and Serbia")."""
    while k < len(doc) and doc[k].lower_ in _LINKS:
        k += 1
    # (not yet a name of several words, "and the United Kingdom": measured, it made a false encounter on a blind set)
    return k < len(doc) and geo.any_country(doc[k].text) is not None


def _title_goes_on(doc: Doc, k: int) -> bool:
    """ "ministre des Affaires étrangères et de la Coopération", "et la Francophonie": a French title's
    second portfolio after "et de" / "et la"."""
    return any(j < len(doc) and doc[j].lower_ in ("de", "la") for j in (k, k + 1))


# Lower-case words of a body between a nationality and a role ("the Iranian government spokesman",
# "the Chinese foreign ministry spokesperson").
_BODY_BEFORE_ROLE = frozenset({"government", "foreign", "ministry", "defence", "defense", "presidential", "state"})


def _phrase_start(doc: Doc, i: int, taken: set[int]) -> int:
    """English adjectives before the role ("his South Korean counterpart", "the Russian president",
    "the Iranian government spokesman")."""
    s = i
    k = i
    while k > 0 and k - 1 not in taken and doc[k - 1].lower_ in _BODY_BEFORE_ROLE:
        k -= 1
    if k < i and k > 0 and k - 1 not in taken and geo.adjective_country(doc[k - 1].text):
        s = k
    while s > 0 and s - 1 not in taken and (geo.adjective_country(doc[s - 1].text) or (
            doc[s - 1].text[:1].isupper() and s >= 2 and geo.adjective_country(doc[s - 2].text + " " + doc[s - 1].text))):
        s -= 1
    if s > 0 and doc[s - 1].text[:1].isupper() and geo.adjective_country(doc[s - 1].text + " " + doc[s].text):
        s -= 1
    # a list of adjectives: "his Japanese, Australian and American counterparts"
    while s < i and s >= 2 and doc[s - 1].lower_ in (",", "and") and s - 2 not in taken \
            and geo.adjective_country(doc[s - 2].text):
        s -= 2
    if s >= 2 and doc[s - 1].lower_ in ("'s", "´s") and geo.is_country_name(doc[s - 2].text) and s - 2 not in taken:
        s -= 2  # "Pakistan's foreign minister"
    elif s == i:  # "the Kenya leader", "the Sri Lanka President": a country's name as a modifier
        for n in (1, 2, 3):
            if s - n >= 1 and doc[s - n - 1].lower_ == "the" and not taken & set(range(s - n, s)) \
                    and doc[s - n].text[:1].isupper() and geo.is_country_name(doc[s - n:s].text):
                return s - n
    return s


def _countries(doc: Doc, s: int, k: int) -> list[str]:
    span_text = doc[s:k].text
    codes: list[str] = []
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
    return codes


def _region(doc: Doc, s: int, k: int) -> list[str]:
    """ "les ministres des affaires étrangères des pays centre-asiatiques", "the Central Asian foreign
    ministers": the member states of a regional group (data/regions.tsv)."""
    folded = f" {fold(doc[s:k].text)} "
    for phrase, members in load().regions.items():
        if f" {phrase} " in folded:
            return list(members)
    return []


def _plural(doc: Doc, i: int, text: str) -> bool:
    tok = doc[i]
    return "Plur" in tok.morph.get("Number") or tok.lower_.endswith(("s", "x")) and not tok.lower_.endswith(
        ("ss", "us", "is", "x")) and len(tok.text) > 3


def _gender(doc: Doc, s: int, i: int, hit) -> str | None:
    if hit.gender:
        return "f"
    det = doc[s - 1] if s > 0 else None
    if det is not None and det.lower_ in ("la", "une", "cette"):
        return "f"
    return None


def home_country(doc: Doc) -> str | None:
    """The country an article names most: its own, for "notre ministre", "our foreign minister"."""
    if "diplowatch_home" in doc.user_data:
        return doc.user_data["diplowatch_home"]
    counts: dict[str, int] = {}
    for _, _, code, kind in geo.countries_in(doc_text(doc)):
        if kind in ("name", "adjective"):
            counts[code] = counts.get(code, 0) + 1
    doc.user_data["diplowatch_home"] = max(counts, key=counts.get) if counts else None
    return doc.user_data["diplowatch_home"]


def find_descriptions(doc: Doc, lang: str, taken: set[int]) -> list[Mention]:
    """Role phrases with no name attached, as "party" mentions (one per country they name)."""
    found = []
    roles = role_table(doc, lang)
    i = 0
    while i < len(doc):
        hit = roles.get(i)
        if i in taken or hit is None:
            i += 1
            continue
        # French repeats the article before a second person's title ("le ministre X et le ministre Y"),
        # so a bare second title is the same person's; English leaves it out for two people as well
        k = _phrase_end(doc, hit.end, taken, roles if lang == "fr" else None)
        s = _phrase_start(doc, i, taken)
        nxt = k + 1 if k < len(doc) and doc[k].text == "," else k
        if nxt in taken or hit.end in taken:
            i = hit.end  # followed by a name: the name's mention carries the role
            continue
        if s >= 2 and doc[s - 1].text == "," and s - 2 in taken:
            i = k  # an apposed role of the name before it ("Wang Yi, membre du Bureau politique")
            continue
        codes = _countries(doc, s, k) or _region(doc, max(0, s - 3), min(len(doc), k + 4)) or ([c for c in [home_country(doc)] if c] if s > 0 and doc[s - 1].lower_ in load().words("our") else [])
        plural = _plural(doc, hit.end - 1 if lang == "en" else i, hit.text) or len(codes) > 1
        org = org_in(doc, hit.end, k)
        gender = _gender(doc, s, i, hit)
        for code in codes or [None]:
            found.append(Mention(s, k, tidy(doc[s:k].text), "party", role=tidy(hit.text.strip()), head=hit.head, country=code,
                                 cls=refine_class(hit.cls, doc[s:k].text), org=org, gender=gender, plural=plural))
        i = k
    return found
