"""What a user means by "kazakhstan", "KZ", "kazakh", "Tokayev" or "Wang Yi".

A subject is a country (from the gazetteer) or a person (from the store's people
registry, found by any spelling). Unknown words get suggestions, and autocomplete answers
from memory at once: display names, found by any alias, accent-blind.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from rapidfuzz import fuzz, process

from diplowatch import countries, places
from diplowatch.events import Event
from diplowatch.names import fold
from diplowatch.people import is_name_like
from diplowatch.prefixes import starting_with
from handlers.entries import country_label, event_line, flag
from handlers.errors import UnknownSubject
from handlers.words import speaking
from storage import Store


@dataclass(frozen=True, slots=True)
class Subject:
    kind: Literal["country", "person"]
    value: str  # ISO code, or the person's key in the store's registry
    label: str  # "🇰🇿 Kazakhstan", or the person's display name

    def in_event(self, event: Event) -> bool:
        """Whether this country or person took part in the event."""
        if self.kind == "country":
            return self.value in event.countries
        return self.value in event.keys

    def in_article(self, store: Store, article_id: str, article_countries: tuple[str, ...] = ()) -> bool:
        """Whether an article is about this country (it names it) or person (it names them)."""
        if self.kind == "country":
            return self.value in article_countries
        return self.value in store.people_of_article(article_id)


def _person_of(store: Store, text: str) -> str | None:
    keys = store.person_keys(text)
    return keys[0] if keys else None


def resolve_subject(store: Store, text: str) -> Subject:
    text = text.strip().strip("\"'«»“”")
    if not text:
        raise UnknownSubject(text, [])
    country = countries.lookup(text)
    if country:
        return Subject("country", country.code, country_label(country.code))
    key = _person_of(store, text)
    if key:
        return Subject("person", key, store.people().get(key, text))
    raise UnknownSubject(text, did_you_mean(store, text))


CLOSE = 80  # similarity (0-100) for "did you mean": a typo ("kazakhztan"), not a rhyme ("Narnia")


def did_you_mean(store: Store, text: str, limit: int = 2) -> list[str]:
    """Country and people names that are really close to what was typed."""
    query = fold(text)
    if len(query) < 3:
        return []
    names = {fold(c.name_en): country_label(c.code) for c in countries.all_countries()}
    names.update({fold(c.name_fr): country_label(c.code) for c in countries.all_countries()})
    people, folded_people = _folded_people(store)
    for person, folded in zip(people, folded_people):
        names[folded] = person
        surname = folded.rsplit(" ", 1)[-1]
        if len(surname) >= 4:
            names.setdefault(surname, person)  # "Tokaiv" is close to Tokaïev, not to "Kassym-Jomart Tokaïev"
    found = process.extract(query, list(names), scorer=fuzz.ratio, limit=limit * 3, score_cutoff=CLOSE, processor=None)
    labels: list[str] = []
    for name, _, _ in found:
        if names[name] not in labels:
            labels.append(names[name])
    return labels[:limit]


@dataclass(frozen=True, slots=True)
class _Spellings:
    """Every spelling of every person who can be offered, folded, with their key, kept until
    the store's next write: autocomplete answers within Discord's few keystrokes, so nothing
    is recomputed per call."""

    generation: int
    keys: list[str]  # per spelling
    folded: list[str]  # per spelling
    people: list[str]  # display names, once each, sorted
    folded_people: list[str]
    key_of: dict[str, str]  # display name -> key
    # (text, spelling's number) sorted, for bisection: each folded spelling, and each of its
    # tails after a space ("vladimir poutine" -> "poutine"): a typed prefix finds the names
    # that start with it, or have a word that does, without reading every spelling.
    starts: list[tuple[str, int]]
    word_starts: list[tuple[str, int]]


_FOLDED: dict[int, _Spellings] = {}


@lru_cache(maxsize=65536)  # asked again at every rebuild of the spellings, after each write
def offered(display: str) -> bool:
    """Whether a person of the registry may be offered as a person: a name, not a speaker
    such as "porte-parole du Kremlin", nor a city or country the extraction took for one."""
    return is_name_like(display) and countries.lookup(display) is None and places.known(display) is None


def _spellings(store: Store) -> _Spellings:
    generation = store.generation
    cached = _FOLDED.get(id(store))
    if cached is None or cached.generation != generation:
        displays = store.people()
        keys, folded = [], []
        for spelling, key in store.spellings():
            display = displays.get(key)
            if display and offered(display):
                keys.append(key)
                folded.append(fold(spelling))
        key_of = {displays[k]: k for k in dict.fromkeys(keys)}
        people = sorted(key_of)
        starts = sorted((name, i) for i, name in enumerate(folded))
        word_starts = sorted((name[at + 1:], i) for i, name in enumerate(folded) for at in _spaces(name))
        cached = _FOLDED[id(store)] = _Spellings(generation, keys, folded, people, [fold(n) for n in people], key_of,
                                                 starts, word_starts)
    return cached


def _spaces(name: str) -> list[int]:
    return [at for at, c in enumerate(name) if c == " "]


def _folded_people(store: Store) -> tuple[list[str], list[str]]:
    """(display name, folded spelling) of every spelling of the people that can be offered."""
    found = _spellings(store)
    displays = store.people()
    return [displays[k] for k in found.keys], found.folded


def complete(store: Store, text: str, kind: str = "subject", locale: str | None = None, *, limit: int = 25) -> list[tuple[str, str]]:
    """(label, value) choices for an option of this kind (see `handlers.spec.ParamKind`),
    labelled in the asker's language."""
    with speaking(locale):
        return _complete(store, text, kind, limit)


def _complete(store: Store, text: str, kind: str, limit: int) -> list[tuple[str, str]]:
    if kind == "country":
        return [(label, value) for _, label, value, _ in _country_choices(text.strip(), limit)]
    if kind == "id":
        return complete_article(store, text, limit=limit)
    if kind == "event":
        return complete_event(store, text, limit=limit)
    if kind == "subject":
        return complete_subject(store, text, limit=limit)
    if kind == "person":
        return complete_subject(store, text, limit=limit, countries_too=False)
    return []


def complete_article(store: Store, text: str, *, limit: int = 25) -> list[tuple[str, str]]:
    """Article ids starting with what was typed (the newest articles when nothing was), with titles."""
    typed = text.strip().lower()
    found = store.articles_by_prefix(typed)[:limit] if typed else store.articles_newest(limit)
    return [(f"{a.id} · {a.title or 'untitled'}"[:100], a.id) for a in found]


def complete_event(store: Store, text: str, *, limit: int = 25) -> list[tuple[str, str]]:
    """Event ids starting with what was typed (those of the newest articles when nothing was),
    with their date and people."""
    typed = text.strip().lower()
    if typed:
        found = store.events_by_prefix(typed, limit=limit)
    else:
        recent = store.events_of_articles(a.id for a in store.articles_newest(limit))
        found = sorted(recent, key=lambda e: (e.sort_date, e.id), reverse=True)[:limit]
    return [(f"{e.id} · {event_line(e)}"[:100], e.id) for e in found]


# How a choice matched what was typed, best first: a name that starts with it ("wang" ->
# Wang Yi), a name one of whose words starts with it ("pout" -> Vladimir Poutine), a close one.
PREFIX, WORD_START, FUZZY = 0, 1, 2
Choice = tuple[tuple[int, float, str], str, str, str | None]  # (rank, label, value, person's key)


def _country_choices(text: str, limit: int) -> list[Choice]:
    if not text:
        return [((WORD_START, float(rank), ""), country_label(c.code), c.name_en, None)
                for rank, c in enumerate(countries.all_countries()[:limit])]
    found = []
    for country, score in countries.suggest_scored(text, limit):
        tier = PREFIX if score >= countries.PREFIX_SCORE else WORD_START if score >= countries.WORD_START_SCORE else FUZZY
        found.append(((tier, -score, country.name_en), country_label(country.code), country.name_en, None))
    return found


def person_label(store: Store, key: str, display: str) -> str:
    """"🇨🇳 Wang Yi — ministre des Affaires étrangères": flag, name and most seen role, in
    Discord's 100 characters (the role is cut, never the name)."""
    person = store.person(key)
    mark = flag(person.country) if person else ""
    label = f"{mark} {display}".strip()
    if person and person.roles:
        role = person.roles[0].role
        label += f" — {role}" if len(label) + len(role) + 3 <= 100 else f" — {role[: max(0, 96 - len(label))]}…"
    return label[:100]


def _people_choices(store: Store, query: str, limit: int) -> list[Choice]:
    """People whose spelling starts with the query or has a word that does, then (to fill
    up) people whose display name is close to it."""
    found = _spellings(store)
    best: dict[str, tuple[int, float]] = {}  # key -> (tier, -closeness)
    # Matches by bisection of the prebuilt sorted spellings, fast on every keystroke; fuzzy only to fill up.
    keys, folded = found.keys, found.folded
    for i in sorted(set(starting_with(found.starts, query)) | set(starting_with(found.word_starts, query))):
        key, name = keys[i], folded[i]
        if name.startswith(query):
            rank = (PREFIX, -len(query) / len(name))
        elif f" {query}" in name:
            rank = (WORD_START, -len(query) / len(name))
        else:
            continue
        if rank < best.get(key, (FUZZY + 1, 0.0)):
            best[key] = rank
    if len(best) < limit and len(query) >= 3:
        ranked = process.extract(query, found.folded_people, scorer=fuzz.WRatio, limit=limit, score_cutoff=60, processor=None)
        for _, score, index in ranked:
            best.setdefault(found.key_of[found.people[index]], (FUZZY, -score))
    displays = store.people()
    return [((tier, closeness, displays[key]), displays[key], displays[key], key) for key, (tier, closeness) in best.items()]


def complete_subject(store: Store, text: str, *, limit: int = 25, countries_too: bool = True) -> list[tuple[str, str]]:
    """(label, value) choices for autocomplete: countries and people (display names, found
    by any of their spellings, accent-blind), those whose name starts with what was typed
    first, then those with a word that does, then close ones; people with flag and role."""
    text = text.strip()
    query = fold(text)
    choices = _country_choices(text, limit) if countries_too else []
    people: list[Choice] = []
    if query:
        people = _people_choices(store, query, limit)
    elif not countries_too:
        found = _spellings(store)
        people = [((WORD_START, 0.0, n), n, n, found.key_of[n]) for n in found.people[:limit]]
    seen: set[str] = set()
    result = []
    for _, label, value, key in sorted(choices + people, key=lambda c: c[0]):
        if value in seen:
            continue
        seen.add(value)
        if key is not None:  # the person's flag and role, read for the choices shown only
            label = person_label(store, key, value)
        result.append((label[:100], value[:100]))
        if len(result) == limit:
            break
    return result
