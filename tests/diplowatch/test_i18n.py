"""Dates, country names, places and messages in English and French."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from diplowatch import countries, dates, places
from diplowatch.i18n import catalogue, language_of, translate

REPO = Path(__file__).resolve().parents[2]


def test_dates_are_written_in_the_language_asked():
    assert dates.spoken("2024-05-20", "en") == "20 May 2024"
    assert dates.spoken("2024-05-20", "fr") == "20 mai 2024"
    assert dates.spoken("2024-05-01", "fr") == "1er mai 2024"
    assert dates.spoken("2024-08", "fr") == "août 2024"
    assert dates.spoken(None, "fr") == "date inconnue"
    assert dates.spoken_either(["2024-05-20", "2024-05-21"], "fr") == "20 ou 21 mai 2024"
    assert dates.spoken_either(["2024-04-30", "2024-05-01"], "fr") == "30 avril ou 1er mai 2024"
    assert dates.spoken_either(["2024-05-20", "2024-05-21"]) == "20 or 21 May 2024"


def test_country_names_in_both_languages():
    china, germany = countries.by_code("CN"), countries.by_code("DE")
    assert (china.name("en"), china.name("fr")) == ("China", "Chine")
    assert (germany.name("en"), germany.name("fr")) == ("Germany", "Allemagne")


def test_places_are_named_in_one_language_whatever_the_article_wrote():
    for written in ("Moscou", "Moscow", "moskva"):
        assert places.localised(written, "fr") == "Moscou"
        assert places.localised(written, "en") == "Moscow"
    assert places.localised("Kremlin, Moscou", "en") == "Kremlin, Moscow"
    assert places.localised("Pékin", "en") == "Beijing"
    assert places.localised("Astana", "fr") == "Astana"  # not in the gazetteer: as written
    assert places.localised("Ouzbékistan", "en") == "Uzbekistan"  # a country as a place
    assert places.localised("Samarkand, Uzbekistan", "fr") == "Samarkand, Ouzbékistan"


@pytest.mark.parametrize(("locale", "language"), [("fr", "fr"), ("fr-CA", "fr"), ("en-US", "en"), ("de", "en"), (None, "en")])
def test_the_language_of_a_discord_locale(locale, language):
    assert language_of(locale) == language


def test_every_message_the_code_writes_has_its_french_line():
    """A tr("…") literal with no line in messages.tsv would show in English to French users."""
    literal = re.compile(r"""\btr\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')""")
    missing = set()
    for path in (REPO / "handlers").rglob("*.py"):
        for match in literal.finditer(path.read_text(encoding="utf-8")):
            text = match[1] if match[1] is not None else match[2]  # no escapes in these literals
            if text not in catalogue():
                missing.add(f"{path.name}: {text}")
    assert not missing, sorted(missing)


def test_a_french_message_keeps_the_fields_of_the_english_one():
    field = re.compile(r"{(\w*)}")
    for english, french in catalogue().items():
        assert set(field.findall(english)) == set(field.findall(french)), english
    assert translate("{n} sources", "fr", n=3) == "3 sources"
    assert translate("No meeting found.", "fr") == "Aucune rencontre trouvée."
    assert translate("No meeting found.", "en") == "No meeting found."
