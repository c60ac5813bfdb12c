"""Every command answers in the Context's language: French words, dates, countries and places
for "fr", English for anything else; what the articles say stays as written."""

from __future__ import annotations

import pytest

from handlers import registry
from handlers.spec import Context
from storage import Store
from tests.bot_helpers import add_article, meeting, person, quote


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "db") as store:
        add_article(
            store, "Tokaïev à Moscou", "Le 20 mai 2024, Kassym-Jomart Tokaïev a rencontré Vladimir Poutine à Moscou.",
            published="2024-05-20",
            meetings=[meeting(person("Kassym-Jomart Tokaïev", "KZ", "président kazakh"), person("Vladimir Poutine", "RU"),
                              date="2024-05-20", place="Moscou")],
            quotes=[quote("Kassym-Jomart Tokaïev", "La Russie reste un partenaire", country="KZ")],
            countries=["KZ", "RU"], people=["Kassym-Jomart Tokaïev", "Vladimir Poutine"],
        )
        add_article(
            store, "Tokayev in Moscow", "On 21 May 2024 Kassym-Jomart Tokayev met Vladimir Putin in Moscow.",
            published="2024-05-21", language="en",
            meetings=[meeting(person("Kassym-Jomart Tokayev", "KZ"), person("Vladimir Putin", "RU"),
                              date="2024-05-21", place="Moscow")],
            countries=["KZ", "RU"], people=["Kassym-Jomart Tokayev", "Vladimir Putin"],
        )
        yield store


def answer(store: Store, locale: str | None, name: str, **args) -> str:
    reply = registry.run(name, Context(store=store, locale=locale), args)
    return "\n".join([reply.title, reply.summary, *(f"{e.heading}\n{e.body}" for e in reply.entries), reply.footer])


def test_an_event_in_french_and_in_english(store):
    event_id = registry.run("meetings", Context(store=store), {"subject": "russia"}).entries[0].body.split("Event ")[1][:8]
    french = answer(store, "fr", "event", id=event_id)
    assert "Quand : 20 ou 21 mai 2024 (les sources divergent)" in french
    assert "Où : Moscou" in french and "Moscow ·" not in french
    assert "Quoi : rencontre tenue" in french and "Qui : 🇰🇿 Kassym-Jomart Toka" in french
    english = answer(store, "en-GB", "event", id=event_id)
    assert "When: 20 or 21 May 2024 (the sources disagree)" in english and "Where: Moscow" in english


def test_who_and_quotes_in_french(store):
    who = answer(store, "fr", "who", person="Tokayev")
    assert "Pays : 🇰🇿 Kazakhstan" in who and "Fonction(s) : président kazakh" in who
    assert "Dernières rencontres" in who and "Interlocuteurs les plus fréquents" in who
    quotes = answer(store, "fr", "quotes", speaker="Tokaïev")
    assert "Déclarations de Kassym-Jomart Toka" in quotes and "a déclaré" in quotes
    assert "« La Russie reste un partenaire »" in quotes  # the article's words, as written


def test_errors_and_help_in_french(store):
    assert "vouliez-vous dire 🇰🇿 Kazakhstan" in answer(store, "fr", "meetings", subject="kazakhztan")
    assert "n'est pas une date" in answer(store, "fr", "meetings", subject="russia", since="bientôt")
    assert "Commande /nope inconnue" in answer(store, "fr", "nope")
    help_ = answer(store, "fr", "help")
    assert help_.startswith("Commandes") and "Rencontres d'un pays ou d'une personne" in help_
    assert "Meetings of a country or person" in answer(store, "en-US", "help")


def test_a_country_is_named_in_the_language_of_the_reply(store):
    assert answer(store, "fr", "meetings", subject="russia").startswith("Rencontres de 🇷🇺 Russie")
    assert answer(store, "en-US", "meetings", subject="russie").startswith("Meetings of 🇷🇺 Russia")
    assert answer(store, "fr", "articles", query="RU").startswith("Articles sur 🇷🇺 Russie")
