"""What a user means by "kazakhstan", "KZ", "kazakh", "Tokayev" or "Wang Yi".

A subject is a country (from the gazetteer) or a person (from the store's people
registry, found by any spelling). Unknown words get suggestions, and autocomplete answers
from memory at once: display names, found by any alias, accent-blind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process

from diplowatch import countries
from diplowatch.events import Event
from diplowatch.names import fold
from handlers.entries import country_label, event_line
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


_FOLDED: dict[int, tuple[int, list[str], list[str], list[str], list[str]]] = {}


def _folded(store: Store) -> tuple[list[str], list[str], list[str], list[str]]:
    """Every spelling of every person, folded, with the display name it stands for (so
    "tokayev" offers Kassym-Jomart Tokaïev), and the display names folded, kept until the
    store's next write: autocomplete answers within Discord's few keystrokes, so nothing is
    recomputed per call."""
    generation = store.generation
    cached = _FOLDED.get(id(store))
    if cached is None or cached[0] != generation:
        displays = store.people()
        names, folded = [], []
        for spelling, key in store.spellings():
            display = displays.get(key)
            if display:
                names.append(display)
                folded.append(fold(spelling))
        people = sorted(set(names))
        cached = _FOLDED[id(store)] = (generation, names, folded, people, [fold(n) for n in people])
    return cached[1], cached[2], cached[3], cached[4]


def _folded_people(store: Store) -> tuple[list[str], list[str]]:
    names, folded, _, _ = _folded(store)
    return names, folded


def complete(store: Store, text: str, kind: str = "subject", locale: str | None = None, *, limit: int = 25) -> list[tuple[str, str]]:
    """(label, value) choices for an option of this kind (see `handlers.spec.ParamKind`),
    labelled in the asker's language."""
    with speaking(locale):
        return _complete(store, text, kind, limit)


def _complete(store: Store, text: str, kind: str, limit: int) -> list[tuple[str, str]]:
    if kind == "country":
        return [(label, value) for _, label, value in _country_choices(text.strip(), limit)]
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


def _country_choices(text: str, limit: int) -> list[tuple[float, str, str]]:
    found = countries.suggest(text, limit=limit) if text else list(countries.all_countries()[:limit])
    return [((100.0 if text else 50.0) - rank, country_label(c.code), c.name_en) for rank, c in enumerate(found)]


def complete_subject(store: Store, text: str, *, limit: int = 25, countries_too: bool = True) -> list[tuple[str, str]]:
    """(label, value) choices for autocomplete: countries and people (display names, found
    by any of their spellings), fuzzy and accent-blind."""
    text = text.strip()
    choices = _country_choices(text, limit) if countries_too else []
    if text:
        names, folded_names, people, folded_people = _folded(store)
        query = fold(text)
        # Prefixes first (plain string tests, fast on every keystroke); fuzzy only to fill up.
        starts: dict[str, float] = {}  # display name -> best score (an alias or the name itself)
        for i, name in enumerate(folded_names):
            if name.startswith(query) or f" {query}" in name:
                score = 90.0 + 10.0 * len(query) / max(1, len(name))
                if score > starts.get(names[i], 0.0):
                    starts[names[i]] = score
        choices.extend((score, name, name) for name, score in starts.items())
        if len(starts) < limit and len(query) >= 3:
            # Fuzzy over the display names only, once each (other spellings are found by prefix above).
            ranked = process.extract(
                query, folded_people, scorer=fuzz.WRatio, limit=limit, score_cutoff=60, processor=None
            )
            for _, score, index in ranked:
                choices.append((min(score, 89.0), people[index], people[index]))
    else:
        choices.extend((40.0, n, n) for n in sorted(store.people().values())[:limit])
    seen: set[str] = set()
    result = []
    for _, label, value in sorted(choices, key=lambda c: -c[0]):
        if value not in seen:
            seen.add(value)
            result.append((label[:100], value[:100]))
    return result[:limit]
