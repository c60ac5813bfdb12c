"""Where a meeting takes place.

Constructions handled (``places``):
- a place entity after a locative ("à Astana", "in Moscow", "au Palais du peuple"), or "de X"
  after a place noun ("la ville de X", "le sommet de Belém"), or "to X" after a travel verb
  ("will travel to Kampala on Thursday to meet ...");
- "au Havre" is in Le Havre (data/places_with_article.txt);
- "visited Warsaw and met X": the city a verb of visiting takes;
- not the meeting's place: a topic ("la situation en Libye", "a strategic partner in Central
  Asia", but "regional security in Oslo on Wednesday": a city followed by its day is the venue),
  what a noun is of ("à l'agence mauritanienne d'Information"), a possessor ("the memorial to
  Slovakia's founder"), a portfolio ("secrétaire d'État à la Défense"), "au Royaume", going home ("avant de rentrer à Hanoï"), a gathering's name ("the Mercosur summit in
  Buenos Aires": Mercosur), a place inside a person's title, where a diplomat serves
  ("ambassadeur du Sénégal au Qatar");
- the most specific place wins: a city or a building before a country (``best_place``).
"""

from __future__ import annotations

import re

from spacy.attrs import IS_ALPHA
from spacy.tokens import Doc

from diplowatch.countries import by_code

from .. import geo
from ..lexicons import load
from ..people.model import Mention, sent_bounds
from ..people.roles import role_hit
from ..words import doc_text, entities, fold, lemma, lowers as token_lowers, texts as token_texts


# the verbs of visiting whose object is a place ("visited Warsaw", "a visité Dakar"; "visite" for a parse
# that lemmatises the participle as the noun)
VISIT_VERBS = frozenset({"visit", "visiter", "visite"})


def _locative_before(doc: Doc, start: int) -> int | None:
    """The index of the locative word that introduces the place at start, else None."""
    words = load()
    locative, travel, place_nouns = words.words("locative"), words.words("travel_verb"), words.words("place_noun")
    j = start - 1
    while j >= max(sent_bounds(doc, start)[0], start - 5):
        t = doc[j]
        if t.lower_ in locative or t.lower_ == "to" and j > 0 and lemma(doc[j - 1]) in travel:
            return j
        if j == start - 1 and t.pos_ == "VERB" and fold(lemma(t)) in VISIT_VERBS \
                and doc[start].head.i == j and doc[start].dep_ in ("obj", "dobj"):
            return j  # "visited Warsaw and met X": the city visited
        if t.lower_ in ("de", "d'", "of") and j > 0:
            noun = doc[j - 2] if doc[j - 1].pos_ == "ADJ" and j > 1 else doc[j - 1]  # "la place principale d'X"
            if lemma(noun) in place_nouns or noun.lower_ in place_nouns:
                return j
            if noun.pos_ == "NOUN":
                return None  # "à l'agence mauritanienne d'Information": X names what the noun is of
        if t.text == "," and j > 0 and doc[j - 1].text[:1].isupper() and doc[j - 1].is_alpha:
            return _venue_locative(doc, j)  # "at the State House, Abuja": the city of a venue
        if t.text == "," and j > 0 and doc[j - 1].lower_ in ("capital", "capitale"):
            # "in the capital, Damascus", "dans la capitale syrienne, Damas"
            k = j - 2
            while k >= 0 and j - k < 5 and doc[k].lower_ not in locative and (doc[k].pos_ in ("DET", "ADJ") or doc[k].ent_type_):
                k -= 1
            return k if k >= 0 and doc[k].lower_ in locative else None
        if t.is_punct or t.pos_ in ("VERB", "AUX"):
            return None
        if t.pos_ == "ADP" and t.lower_ in ("against", "contre", "over", "sur", "with", "avec", "about"):
            return None  # "in the fight against Daesh": the place word governs another noun
        j -= 1
    return None


def _venue_locative(doc: Doc, comma: int) -> int | None:
    """The locative before the capitalised venue that ends at this comma ("at the State House,")."""
    k = comma - 1
    while k > 0 and doc[k - 1].text[:1].isupper() and doc[k - 1].is_alpha and comma - k < 5:
        k -= 1
    j = k - 1
    if j >= 0 and doc[j].lower_ in ("the", "le", "la", "l'"):
        j -= 1
    return j if j >= 0 and doc[j].lower_ in load().words("locative") else None


# the points of the compass and the words around them in a region's name ("Asie de l'Est", "Southeast Asia")
_COMPASS = frozenset({"de", "du", "l", "la", "le", "des", "of", "the", "est", "ouest", "nord", "sud", "centrale", "central",
                      "orientale", "occidentale", "australe", "septentrionale", "meridionale", "east", "west", "north",
                      "south", "eastern", "western", "northern", "southern", "southeast", "south-east", "northeast",
                      "north-east", "southwest", "south-west", "northwest", "north-west", "sud-est", "nord-est",
                      "sud-ouest", "nord-ouest", "horn", "corne"})


def _region(text: str) -> bool:
    """ "l'Asie de l'Est", "West Africa", "Asie centrale": a continent's part is no meeting place
    (a state named so, "South Africa", "Afrique du Sud", is a country of the gazetteer)."""
    parts = [w for w in re.split(r"[\s'’]+", fold(text)) if w]
    return any(w in load().words("geo_word") for w in parts) and all(
        w in _COMPASS or w in load().words("geo_word") for w in parts) and not geo.place_country(text)


def _dated_city(doc: Doc, ent, text: str) -> bool:
    """ "discussed regional security in Oslo on Wednesday": a city followed by the day is where the talks
    were held (a country after a topic stays a topic: "la situation en Libye mardi")."""
    if geo.is_country_name(text) or not geo.place_country(text):
        return False
    calendar = load().words("calendar")
    after = [fold(t.text) for t in doc[ent.end:ent.end + 2]]
    return bool(after) and (after[0] in calendar or after[0] in ("on", "le", "ce", "this", "last") and len(after) > 1
                            and (after[1] in calendar or after[1].isdigit()))


def _not_the_meeting_place(doc: Doc, ent, j: int, text: str) -> bool:
    words = load()
    topics = words.words("topic_noun")
    if (j > 0 and lemma(doc[j - 1]) in topics or j > 1 and lemma(doc[j - 2]) in topics) and not _dated_city(doc, ent, text):
        return True  # "la situation en Libye" is a topic, not a place
    if j > 1 and doc[j - 2].text == "(" and re.fullmatch(r"\d{1,2}(?:h\d{0,2}|:\d\d)", doc[j - 1].text.lower()):
        return True  # "à 12h30, heure locale (11h30 à Lisbonne)": the clock of another city
    if fold(text) in ("royaume", "kingdom"):
        return True  # "sa dernière visite au Royaume": the kingdom the article is about, no place named
    if any(lemma(t) in words.words("return_verb") for t in doc[max(0, ent.start - 3):ent.start]):
        return True  # "avant de rentrer à Hanoï", "before returning to Manila": where the traveller goes home
    if ent.end < len(doc) and fold(doc[ent.end].text) in words.words("gathering") and not geo.place_country(text):
        return True  # "at the Mercosur summit in Buenos Aires": the word names the gathering, not its place
    lang = doc.lang_ if doc.lang_ in ("fr", "en") else "fr"
    for k in range(j - 1, max(-1, j - 6), -1):
        if doc[k].pos_ in ("VERB", "AUX") or doc[k].is_punct:
            break
        hit = role_hit(doc, k, lang)
        if hit is not None and hit.cls == "diplomat":
            return True  # "M. X, ambassadeur du Sénégal au Qatar": where the diplomat serves
    return False


def _gazetteer_places(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, label) of the gazetteer's cities and countries written in the Doc (one or two
    capitalised words), and of "la capitale mongole" / "the Mongolian capital"; computed once."""
    found = doc.user_data.get("diplowatch_gazetteer_places")
    if found is not None:
        return found
    found = []
    texts = token_texts(doc)
    alpha = doc.to_array(IS_ALPHA).tolist()  # flags, no Token made
    i, n_tok = 0, len(texts)
    while i < n_tok:
        if not (alpha[i] and texts[i][:1].isupper()):
            i += 1
            continue
        if i + 1 < n_tok and alpha[i + 1] and texts[i + 1][:1].isupper() and geo.place_country(texts[i] + " " + texts[i + 1]):
            found.append((i, i + 2, "GPE"))
            i += 2
            continue
        if geo.place_country(texts[i]):
            found.append((i, i + 1, "GPE"))
        i += 1
    for i, text in enumerate(texts[:-1]):
        # "dans la capitale mongole", "in the Mongolian capital": the capital named by its country
        low, nxt = text.lower(), texts[i + 1]
        if not (low.startswith("capital") or nxt.lower().startswith("capital")):
            continue
        named_after = i + 2 < n_tok and texts[i + 2][:1].isupper()  # "the Zimbabwean capital Harare"
        if not named_after and (low in ("capitale", "capital") and geo.adjective_country(nxt) and nxt[:1].islower()
                                or nxt.lower() == "capital" and geo.adjective_country(text)):
            found.append((i, i + 2, "LOC"))
    doc.user_data["diplowatch_gazetteer_places"] = found
    return found


def _candidates(doc: Doc, lo: int, hi: int) -> list:
    """Place entities of [lo, hi), and the gazetteer's cities and countries the NER glued into a
    longer entity ("République à Alger")."""
    ents = [e for e in entities(doc) if lo <= e.start < hi]
    covered = {i for e in ents if e.label_ in ("LOC", "GPE", "FAC") and geo.place_country(e.text) for i in range(e.start, e.end)}
    for s, e, label in _gazetteer_places(doc):
        if lo <= s and e <= hi and s not in covered and not any(x.start == s and x.end == e for x in ents):
            span = doc[s:e]
            ents.append(span.char_span(0, len(span.text), label=label) or span)
    taken = {i for e in ents for i in range(e.start, e.end)}
    for s, e in _named_buildings(doc, lo, hi):
        if taken.isdisjoint(range(s, e)):
            span = doc[s:e]
            ents.append(span.char_span(0, len(span.text), label="FAC") or span)
    return sorted(ents, key=lambda e: e.start)


def _named_buildings(doc: Doc, lo: int, hi: int) -> list[tuple[int, int]]:
    """(start, end) of capitalised words ending in a building's word after a locative, which the NER may
    not see at all ("at Hillsborough Castle", "au Palais Bourbon")."""
    texts, lowers = token_texts(doc), token_lowers(doc)
    locative = load().words("locative")
    found = []
    for i in range(lo, hi - 1):
        if lowers[i] not in locative:
            continue
        k = i + 1 + (lowers[i + 1] in ("the", "le", "la", "l'"))
        j = k
        while j < hi and texts[j][:1].isupper() and texts[j].isalpha() and j - k < 4:
            j += 1
        if j - k >= 2 and fold(texts[j - 1]) in _BUILDINGS:
            found.append((k, j))
    return found


# The first words of bodies that are no venue (a palace, a ministry or an office can be one).
_NO_VENUE = frozenset({"etat", "etats", "state", "states", "communaute", "community", "union", "organisation",
                       "organization", "ligue", "league", "banque", "bank", "fonds", "fund", "commission", "pays",
                       "countries", "nations", "gouvernement", "government", "alliance", "agence", "agency",
                       "federation"})


# Last words of a building the NER may take for an organisation or a person ("at Blair House", "au Palais
# de l'Élysée" is a LOC already): a venue after a locative.
_BUILDINGS = frozenset({"house", "palace", "palais", "hall", "villa", "lodge", "residence", "hotel", "hôtel", "castle",
                        "château", "chateau", "building", "office", "bureau", "rosada"})


def is_venue(place: str) -> bool:
    """A building rather than a city ("Palais de la Paix", "Blair House", "l'hôtel Marriott")."""
    words = [fold(w) for w in place.split()]
    return bool(words) and (words[0] in _BUILDINGS or words[-1] in _BUILDINGS)


def places(doc: Doc, scope: set[int], mentions: list[Mention]) -> list[tuple[str, bool]]:
    """(place as written, is a country) for locative places in scope, in text order (buildings last)."""
    if not scope:
        return []  # every word of the clause is in a "since" phrase: no place of this encounter
    lo, hi = min(scope), max(scope) + 1
    inside_mentions = {i for m in mentions if lo <= m.start < hi for i in range(m.start, m.end)}
    found = []
    for ent in _candidates(doc, lo, hi):
        first = ent.text.split(",")[0].split()  # "Hillsborough Castle, Co Down": the building before its county
        label = "FAC" if ent.label_ in ("ORG", "PERSON", "PER", "MISC") and first and fold(first[-1]) in _BUILDINGS else ent.label_
        if label not in ("LOC", "GPE", "FAC") and not geo.place_country(ent.text) \
                or ent.start not in scope or not inside_mentions.isdisjoint(range(ent.start, ent.end)):
            continue
        if doc[ent.start].lower_ in ("de", "du", "des", "d'", "of"):
            continue  # "l'ambassadeur de France" read as the place "de France": a genitive, no locative
        if ent.end < len(doc) and doc[ent.end].lower_ in ("'s", "’s"):
            continue  # "at the memorial to Czechoslovakia's founder": a possessor, no place
        if doc[ent.start].lower_ in load().words("possessive") and not doc[ent.start].text.isupper():
            continue  # "à Sa Majesté le Roi": a title, not the place "Sa" (but "SA" is South Africa)
        j = _locative_before(doc, ent.start)
        if j is None:
            continue
        text = " ".join(first) if label == "FAC" and label != ent.label_ else ent.text
        if any(fold(w) in ("capitale", "capital") for w in text.split()) and any(geo.adjective_country(w) for w in text.split()):
            continue  # "la capitale française", "the Iranian capital": the capital itself, found by _capitals_named
        if text.lower().startswith(("l'", "la ", "le ")) and geo.place_country(text.split(" ", 1)[-1].split("'", 1)[-1]):
            text = text.split(" ", 1)[-1].split("'", 1)[-1] if "'" in text[:3] else text.split(" ", 1)[1]
        if doc[j].lower_ in ("au", "aux"):
            text = load().places_with_article.get(fold(text), text)  # "au Havre" is à + Le Havre
        if _not_the_meeting_place(doc, ent, j, text):
            continue
        words = text.split()
        while len(words) > 1 and fold(words[-1]) in load().words("calendar"):
            words.pop()  # "au Palais de Kosyam lundi": the NER took the day into the venue
        text = " ".join(words)
        if fold(re.sub(r"^(?:la|le|l'|the)\s*", "", text, flags=re.I)) in load().words("portfolio"):
            continue  # "secrétaire d'État à la Défense": a minister's portfolio, not the Paris district
        if fold(text) in load().words("geo_word") or _region(text) or fold(text) in load().organisations:
            # "the economic integration in Africa": a continent or a region is no meeting place; "au sein de
            # l'UE", "at the UN": an organisation neither
            continue
        if fold(text.split()[0]) in _NO_VENUE and not geo.place_country(text):
            continue  # "en visite d'État", "président en exercice de la Communauté Economique ...": no place
        text = re.sub(r"^(?:the|la|le)\s+", "", text, flags=re.I) if label == "FAC" else text
        if label not in ("LOC", "GPE", "FAC") and not geo.place_country(text):
            continue
        found.append((text, geo.is_country_name(text), label == "FAC"))
    found += [(capital, False, False) for capital in _capitals_named(doc, scope)]
    return [(t, c) for t, c, fac in sorted(found, key=lambda f: f[2])]


def _capitals_named(doc: Doc, scope: set[int]) -> list[str]:
    """ "dans la capitale française", "in the Iranian capital": the capital of the country the
    adjective names, as the article spells it elsewhere, else the gazetteer's first spelling (French)
    or, in English, its second (the gazetteer lists the French spelling first: "Pékin", "Beijing")."""
    found = []
    lowers, words = token_lowers(doc), token_texts(doc)
    for i in sorted(scope):
        if lowers[i] not in ("capitale", "capital") or i < 2:
            continue
        french = lowers[i] == "capitale"
        if french and i + 1 >= len(doc):
            continue
        det = i - 1 if french else i - 2
        code = geo.adjective_country(words[i + 1] if french else words[i - 1])
        if code is None or det < 1 or lowers[det] not in ("la", "the") or _locative_before(doc, det + 1) is None:
            continue
        country = by_code(code)
        if country is None or not country.capitals:
            continue
        written = [c for c in country.capitals if c in doc_text(doc)]
        found.append(written[0] if written else country.capitals[1] if not french and len(country.capitals) > 1
                     else country.capitals[0])
    return found


def best_place(found: list[tuple[str, bool]]) -> str | None:
    for text, is_country in found:
        if not is_country:
            return text
    return found[0][0] if found else None
