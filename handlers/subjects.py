"""What a user means by "kazakhstan", "KZ", "kazakh", "Tokayev" or "Wang Yi".

A subject is a country (from the gazetteer) or a person (from the people the store has
seen). Unknown words get suggestions, and autocomplete answers from memory at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process

from diplowatch import countries
from diplowatch.names import fold, matches_person, name_key
from handlers.entries import country_label
from handlers.errors import UnknownSubject
from storage import Store


@dataclass(frozen=True, slots=True)
class Subject:
    kind: Literal["country", "person"]
    value: str  # ISO code or the person's full name
    label: str

    def matches_participant(self, name: str | None, country: str | None) -> bool:
        if self.kind == "country":
            return country == self.value
        return bool(name) and matches_person(self.value, name)


def _person_of(store: Store, text: str) -> str | None:
    people = store.people()
    exact = people.get(name_key(text))
    if exact:
        return exact
    found = sorted((n for n in people.values() if matches_person(text, n)), key=len, reverse=True)
    return found[0] if found else None


def resolve_subject(store: Store, text: str) -> Subject:
    text = text.strip().strip("\"'«»“”")
    if not text:
        raise UnknownSubject(text, [])
    country = countries.lookup(text)
    if country:
        return Subject("country", country.code, country_label(country.code))
    person = _person_of(store, text)
    if person:
        return Subject("person", person, person)
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


_FOLDED: dict[int, tuple[int, list[str], list[str]]] = {}


def _folded_people(store: Store) -> tuple[list[str], list[str]]:
    """People's names and their folded forms, kept until the store's next write:
    autocomplete answers within Discord's few keystrokes, so nothing is recomputed per call."""
    generation = store.generation
    cached = _FOLDED.get(id(store))
    if cached is None or cached[0] != generation:
        names = list(store.people().values())
        cached = _FOLDED[id(store)] = (generation, names, [fold(n) for n in names])
    return cached[1], cached[2]


def complete(store: Store, text: str, kind: str = "subject", *, limit: int = 25) -> list[tuple[str, str]]:
    """(label, value) choices for an option of this kind (see `handlers.spec.ParamKind`)."""
    if kind == "country":
        return [(label, value) for _, label, value in _country_choices(text.strip(), limit)]
    if kind == "id":
        return complete_article(store, text, limit=limit)
    if kind == "subject":
        return complete_subject(store, text, limit=limit)
    return []


def complete_article(store: Store, text: str, *, limit: int = 25) -> list[tuple[str, str]]:
    """Article ids starting with what was typed (the newest articles when nothing was), with titles."""
    typed = text.strip().lower()
    found = store.articles_by_prefix(typed)[:limit] if typed else store.articles_newest(limit)
    return [(f"{a.id} · {a.title or 'untitled'}"[:100], a.id) for a in found]


def _country_choices(text: str, limit: int) -> list[tuple[float, str, str]]:
    found = countries.suggest(text, limit=limit) if text else list(countries.all_countries()[:limit])
    return [((100.0 if text else 50.0) - rank, country_label(c.code), c.name_en) for rank, c in enumerate(found)]


def complete_subject(store: Store, text: str, *, limit: int = 25) -> list[tuple[str, str]]:
    """(label, value) choices for autocomplete: countries and people, fuzzy and accent-blind."""
    text = text.strip()
    choices = _country_choices(text, limit)
    if text:
        names, folded_names = _folded_people(store)
        query = fold(text)
        # Prefixes first (plain string tests, fast on every keystroke); fuzzy only to fill up.
        starts = [i for i, name in enumerate(folded_names) if name.startswith(query) or f" {query}" in name]
        choices.extend((90.0 + 10.0 * len(query) / max(1, len(folded_names[i])), names[i], names[i]) for i in starts[:limit])
        if len(starts) < limit and len(query) >= 3:
            ranked = process.extract(
                query, folded_names, scorer=fuzz.WRatio, limit=limit, score_cutoff=60, processor=None
            )
            for _, score, index in ranked:
                choices.append((min(score, 89.0), names[index], names[index]))
    else:
        choices.extend((40.0, n, n) for n in sorted(store.people().values())[:limit])
    seen: set[str] = set()
    result = []
    for _, label, value in sorted(choices, key=lambda c: -c[0]):
        if value not in seen:
            seen.add(value)
            result.append((label[:100], value[:100]))
    return result[:limit]
