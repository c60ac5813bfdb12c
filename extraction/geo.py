"""Country look-ups for the extraction, over the project gazetteer diplowatch.countries."""

from __future__ import annotations

from functools import lru_cache

from diplowatch import countries

from .lexicons import load


@lru_cache(maxsize=20000)
def adjective_country(word: str) -> str | None:
    """ISO code for a demonym/adjective ("kazakh", "Chinese"), else None."""
    c = countries.country_of_adjective(word)
    return c.code if c else None


@lru_cache(maxsize=20000)
def place_country(name: str) -> str | None:
    """ISO code for a country name or capital ("Kazakhstan", "Astana"), else None."""
    c = countries.country_of_place(name)
    return c.code if c else None


@lru_cache(maxsize=20000)
def is_country_name(name: str) -> bool:
    c = countries.lookup(name)
    return bool(c) and countries.fold(name) in {countries.fold(c.name_fr), countries.fold(c.name_en)} | {
        countries.fold(a) for a in c.aliases
    }


@lru_cache(maxsize=20000)
def any_country(text: str) -> str | None:
    """ISO code for any gazetteer form (name, alias, capital, adjective) or institution."""
    inst = load().institutions.get(countries.fold(text))
    if inst:
        return inst
    c = countries.lookup(text)
    if c and len(text.strip()) <= 3 and not text.strip().isupper() and not (
            is_country_name(text) or place_country(text) or adjective_country(text)):
        return None  # a code only in capitals: "Al-Burhan", "De Mistura", "It is" name no Albania, Germany or Italy
    return c.code if c else None


@lru_cache(maxsize=1)
def _padded_institutions() -> tuple[tuple[str, str, str], ...]:
    """(" name ", name, ISO code) of every institution, in the lexicon's order: the names padded
    once, not for every text asked about (the names' finder asks for each candidate)."""
    return tuple((f" {name} ", name, code) for name, code in load().institutions.items())


def institution_in(text: str) -> tuple[str, str] | None:
    """(name as folded, ISO code) of the first institution named in text ("porte-parole du Kremlin")."""
    folded = f" {countries.fold(text)} "
    return next(((name, code) for padded, name, code in _padded_institutions() if padded in folded), None)


def countries_in(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, ISO code, kind) for every gazetteer mention in text."""
    return [(s, e, c.code, kind) for s, e, c, kind in countries.find_in_text(text)]


@lru_cache(maxsize=1)
def _padded_agencies() -> tuple[tuple[str, str], ...]:
    """(" name ", name) of the news agencies, padded once (see ``_padded_institutions``)."""
    return tuple((f" {name} ", name) for name in load().words("news_agency"))


def news_agency_in(text: str) -> str | None:
    """The state news agency named in text ("selon Chine nouvelle", "TASS reported"), folded, else None."""
    folded = f" {countries.fold(text)} "
    return next((name for padded, name in _padded_agencies() if padded in folded), None)
