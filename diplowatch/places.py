"""Place names in one language: "Moscou" and "Moscow" are one city, shown in the reply's
language (data: ``diplowatch/data/places.tsv``, see its header)."""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from diplowatch import countries
from diplowatch.names import fold

DATA_PATH = Path(__file__).parent / "data" / "places.tsv"


@cache
def _forms() -> dict[str, tuple[str, str]]:
    """Every folded form -> (English name, French name)."""
    found: dict[str, tuple[str, str]] = {}
    lines = [line for line in DATA_PATH.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    for line in lines[1:]:  # the first is the column names
        english, french, *rest = (line.split("\t") + [""])[:3]
        names = (english, french)
        for form in (english, french, *filter(None, rest[0].split("|"))):
            found.setdefault(fold(form), names)
    return found


def known(place: str) -> tuple[str, str] | None:
    """(English, French) names of a place in the gazetteer, or of a country named as a
    place ("Ouzbékistan"), whatever the form given."""
    found = _forms().get(fold(place))
    if found is None:
        country = countries.lookup(place)
        # A country by its name or alias only: "Astana" is a capital and "kazakh" an
        # adjective, neither is the country's name.
        if country and fold(place) in {fold(country.name_en), fold(country.name_fr), *map(fold, country.aliases)}:
            return country.name_en, country.name_fr
    return found


@lru_cache(maxsize=8192)  # every row of every list asks, and the places repeat
def localised(place: str, language: str) -> str:
    """The place in a language, part by part ("Kremlin, Moscou" -> "Kremlin, Moscow");
    a place the gazetteer does not know is kept as written."""
    parts = []
    for part in place.split(","):
        names = known(part.strip())
        name = (names[1] if language == "fr" else names[0]) if names else part.strip()
        parts.append(name)
    return ", ".join(p for p in parts if p)
