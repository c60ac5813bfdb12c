"""Autocomplete: what starts with the typed letters comes first, people are shown with their
flag and role, speakers and cities are never offered as people, and every list fits Discord."""

from __future__ import annotations

import pytest

from handlers.registry import COMMANDS
from handlers.subjects import complete
from storage import Store
from tests.bot_helpers import add_article, meeting, person, quote


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "db") as store:
        add_article(
            store, "Wang Yi reçu à Astana", "Le ministre chinois des Affaires étrangères Wang Yi a rencontré Mourat Nourtleou.",
            published="2024-05-20",
            meetings=[meeting(person("Wang Yi", "CN", "ministre des Affaires étrangères"),
                              person("Mourat Nourtleou", "KZ", "ministre des Affaires étrangères"), date="2024-05-20")],
            countries=["CN", "KZ"], people=["Wang Yi", "Mourat Nourtleou"],
        )
        add_article(
            store, "Le Kremlin répond", "Le porte-parole du Kremlin a répondu, Vladimir Poutine a reçu Wangari Otieno.",
            published="2024-05-21",
            meetings=[meeting(person("Vladimir Poutine", "RU", "président russe"), person("Wangari Otieno", "KE"),
                              date="2024-05-21", place="Moscou"),
                      meeting(person("Moscou", "RU"), person("Kiev", "UA"), date="2024-05-21")],
            quotes=[quote("porte-parole du Kremlin", "Nous répondrons", country="RU")],
            countries=["RU", "KE", "UA"], people=["Vladimir Poutine", "Wangari Otieno", "porte-parole du Kremlin", "Moscou", "Kiev"],
        )
        add_article(
            store, "Le porte-parole parle", "Wang Wenbin, porte-parole de la diplomatie chinoise, a parlé.",
            published="2024-05-22", quotes=[quote("Wang Wenbin", "La Chine est prête", country="CN")],
            countries=["CN"], people=["Wang Wenbin"],
        )
        yield store


def labels(found):
    return [label for label, _ in found]


def test_a_name_that_starts_with_what_was_typed_comes_first(store):
    found = complete(store, "wang", "subject")
    assert found[0] == ("🇨🇳 Wang Yi — ministre des Affaires étrangères", "Wang Yi")
    # Then the other names that start with it, the closest (shortest) first.
    assert [v for _, v in found[:3]] == ["Wang Yi", "Wang Wenbin", "Wangari Otieno"]


def test_a_word_of_the_name_that_starts_with_it_comes_before_fuzzy_matches(store):
    found = complete(store, "pout", "subject")
    assert found[0] == ("🇷🇺 Vladimir Poutine — président russe", "Vladimir Poutine")
    assert complete(store, "poutine", "person")[0][1] == "Vladimir Poutine"


def test_a_country_that_starts_with_it_comes_before_a_close_person(store):
    assert complete(store, "chin", "subject")[0] == ("🇨🇳 China", "China")


def test_speakers_and_cities_are_not_offered_as_people(store):
    everything = [v for q in ("porte", "kreml", "mosc", "kiev", "") for v in (value for _, value in complete(store, q, "person"))]
    assert "porte-parole du Kremlin" not in everything
    assert "Moscou" not in everything and "Kiev" not in everything
    assert "Vladimir Poutine" in [v for _, v in complete(store, "", "person")]


def test_country_names_follow_the_language_of_the_user(store):
    assert complete(store, "chine", "country", "fr")[0] == ("🇨🇳 Chine", "China")
    assert complete(store, "chine", "country", "en-US")[0] == ("🇨🇳 China", "China")


def test_choices_fit_discord(store):
    long_role = "envoyé spécial " + "pour la coopération régionale " * 6
    add_article(store, "Un envoyé", "Wang Xiaoming a parlé.", published="2024-05-23",
                meetings=[meeting(person("Wang Xiaoming", "CN", long_role), person("Wang Yi", "CN"), date="2024-05-23")],
                countries=["CN"], people=["Wang Xiaoming", "Wang Yi"])
    for text in ("", "a", "wang", "wang x", "k", "zzz"):
        for kind in ("subject", "country", "person", "id", "event"):
            found = complete(store, text, kind)
            assert len(found) <= 25
            assert all(1 <= len(label) <= 100 and 1 <= len(value) <= 100 for label, value in found), (text, kind)
    (xiaoming,) = [label for label, value in complete(store, "wang x", "person") if value == "Wang Xiaoming"]
    assert xiaoming.startswith("🇨🇳 Wang Xiaoming — envoyé spécial") and xiaoming.endswith("…")


def test_article_offers_the_recent_ids_with_their_titles(store):
    (param,) = [p for p in COMMANDS["article"].params if p.name == "id"]
    found = complete(store, "", param.kind)
    assert [label.split(" · ", 1)[1] for label in labels(found)] == [
        "Le porte-parole parle", "Le Kremlin répond", "Wang Yi reçu à Astana"]
    newest = found[0][1]
    assert complete(store, newest[:3], param.kind)[0] == found[0]


def test_graph_offers_countries_only(store):
    (param,) = [p for p in COMMANDS["graph"].params if p.name == "country"]
    found = complete(store, "wang", param.kind)
    assert all("Wang" not in label for label in labels(found))
    assert complete(store, "chin", param.kind)[0][1] == "China"
