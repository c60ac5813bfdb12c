"""The people registry: one person per identity, whatever the spelling, decided the same way
whatever the order the articles came in."""

from __future__ import annotations

import random

import pytest

from diplowatch.people import NamesSeen, PeopleRegistry, role_class


def registry_of(articles: dict[str, tuple[str, ...]], order: list[str] | None = None) -> PeopleRegistry:
    """A registry fed article by article (in `order`), as the store does on each save."""
    seen = {aid: NamesSeen(aid, "2024-05-20", names) for aid, names in articles.items()}
    registry = PeopleRegistry(lambda aid: seen[aid])
    for aid in order or list(articles):
        registry.add(aid, articles[aid])
    return registry


def built(articles: dict[str, tuple[str, ...]]) -> PeopleRegistry:
    """A registry built at once, as at start-up."""
    seen = {aid: NamesSeen(aid, "2024-05-20", names) for aid, names in articles.items()}
    registry = PeopleRegistry(lambda aid: seen[aid])
    registry.build((aid, (names, ())) for aid, names in articles.items())
    return registry


def state(registry: PeopleRegistry, articles: dict[str, tuple[str, ...]]) -> tuple:
    """Who every name of every article is, and every display name."""
    who = {(aid, n): registry.key_of(aid, n) for aid, names in articles.items() for n in names}
    return who, registry.displays()


def test_a_person_written_four_ways_is_one_person():
    articles = {
        "fr1": ("Kassym-Jomart Tokaïev", "Wang Yi"),
        "fr2": ("Kassym-Jomart Tokaïev",),
        "en1": ("Kassym-Jomart Tokayev", "Tokayev"),
        "en2": ("Tokaev", "Wang Yi"),
        "fr3": ("TOKAÏEV",),
    }
    registry = registry_of(articles)
    keys = {registry.key_of(aid, n) for aid, names in articles.items() for n in names if "Wang" not in n}
    assert len(keys) == 1
    (key,) = keys
    person = registry.person(key)
    assert person.name == "Kassym-Jomart Tokaïev"  # the fullest form, and the most used of those
    assert set(person.aliases) == {"Kassym-Jomart Tokayev", "Tokayev", "Tokaev", "TOKAÏEV"}
    assert person.articles == 5
    assert registry.find("tokaiev") == (key,) and registry.find("Kassym Tokayev") == (key,)
    assert registry.how("en2", "Tokaev") == "Tokaev is Kassym-Jomart Tokaïev, the only person of that name"
    assert registry.how("en1", "Kassym-Jomart Tokayev") == "Kassym-Jomart Tokayev is another spelling of Kassym-Jomart Tokaïev"


def test_french_and_english_transliterations_are_one_person():
    registry = registry_of({"a": ("Vladimir Poutine",), "b": ("Vladimir Putin",), "c": ("Chavkat Mirzioïev",),
                            "d": ("Shavkat Mirziyoyev",), "e": ("Sergueï Lavrov",), "f": ("Sergey Lavrov",)})
    assert registry.key_of("a", "Vladimir Poutine") == registry.key_of("b", "Vladimir Putin")
    assert registry.key_of("c", "Chavkat Mirzioïev") == registry.key_of("d", "Shavkat Mirziyoyev")
    assert registry.key_of("e", "Sergueï Lavrov") == registry.key_of("f", "Sergey Lavrov")
    assert len(registry) == 3


def test_a_short_form_is_the_fuller_name_of_its_own_article():
    articles = {
        "xi": ("Xi Jinping", "Xi"),  # "Xi" here is Xi Jinping
        "other": ("Xi Mingze",),  # another Xi exists in the store
        "alone": ("Xi",),  # so "Xi" alone elsewhere is nobody in particular
        "blinken": ("Antony J. Blinken", "J. Blinken"),
    }
    registry = registry_of(articles)
    assert registry.key_of("xi", "Xi") == registry.key_of("xi", "Xi Jinping")
    assert registry.key_of("alone", "Xi") not in {registry.key_of("xi", "Xi Jinping"), registry.key_of("other", "Xi Mingze")}
    assert registry.key_of("blinken", "J. Blinken") == registry.key_of("blinken", "Antony J. Blinken")
    assert registry.how("xi", "Xi") == "Xi is Xi Jinping in that article"
    # Two people of one article share the short form: it is neither of them.
    two = registry_of({"a": ("Wang Yi", "Wang Wenbin", "Wang")})
    assert two.key_of("a", "Wang") not in {two.key_of("a", "Wang Yi"), two.key_of("a", "Wang Wenbin")}


def test_speakers_that_are_not_names_absorb_nobody():
    registry = registry_of({
        "a": ("porte-parole du Kremlin", "Kremlin"),
        "b": ("Kremlin",),
        "c": ("cabinet d'Edouard Philippe", "Edouard Philippe"),
    })
    assert registry.key_of("b", "Kremlin") == registry.key_of("a", "Kremlin") != registry.key_of("a", "porte-parole du Kremlin")
    philippe = registry.key_of("c", "Edouard Philippe")
    assert philippe != registry.key_of("c", "cabinet d'Edouard Philippe")
    assert registry.person(philippe).name == "Edouard Philippe"


def test_a_surname_joins_a_person_only_while_nobody_else_has_it():
    registry = registry_of({"yi": ("Wang Yi",), "short": ("Wang",)})
    wang_yi = registry.key_of("yi", "Wang Yi")
    assert registry.key_of("short", "Wang") == wang_yi
    # Wang Wenbin arrives: "Wang" is ambiguous now, and the article using it is resolved again.
    again = registry.add("wenbin", ("Wang Wenbin",))
    assert again == {"short"}
    assert registry.key_of("short", "Wang") not in {wang_yi, registry.key_of("wenbin", "Wang Wenbin")}
    # He goes: "Wang" is Wang Yi again.
    assert registry.remove("wenbin", ("Wang Wenbin",)) == {"short"}
    assert registry.key_of("short", "Wang") == wang_yi


ARTICLES = {
    "a1": ("Kassym-Jomart Tokaïev", "Wang Yi"),
    "a2": ("Tokayev", "Wang"),
    "a3": ("Wang Wenbin", "Xi Jinping"),
    "a4": ("Xi", "Vladimir Putin"),
    "a5": ("Vladimir Poutine", "Poutine", "Xi Jinping", "Xi"),
    "a6": ("Kassym-Jomart Tokayev", "Kassym"),
    "a7": ("Macron",),
    "a8": ("Emmanuel Macron", "Olaf Scholz"),
    "a9": ("Scholz", "Tokaev"),
}


@pytest.mark.parametrize("seed", range(8))
def test_the_same_articles_in_any_order_give_the_same_people(seed):
    order = list(ARTICLES)
    random.Random(seed).shuffle(order)
    assert state(registry_of(ARTICLES, order), ARTICLES) == state(built(ARTICLES), ARTICLES)


@pytest.mark.parametrize("seed", range(4))
def test_taking_articles_out_leaves_what_building_the_rest_gives(seed):
    rng = random.Random(seed)
    registry = registry_of(ARTICLES)
    rest = dict(ARTICLES)
    for aid in rng.sample(list(ARTICLES), 4):
        registry.remove(aid, rest.pop(aid))
    assert state(registry, rest) == state(built(rest), rest)


def test_learned_aliases_join_forms_the_name_key_cannot():
    registry = registry_of({"a": ("Mohammed ben Salmane",), "b": ("Mohammed bin Salman",)})
    assert registry.key_of("a", "Mohammed ben Salmane") != registry.key_of("b", "Mohammed bin Salman")
    from diplowatch.names import name_key

    again = registry.learn_aliases({name_key("Mohammed bin Salman"): name_key("Mohammed ben Salmane")})
    assert again == {"b"}
    assert registry.key_of("a", "Mohammed ben Salmane") == registry.key_of("b", "Mohammed bin Salman")


def test_roles_countries_and_dates_of_a_person():
    seen = {
        "a": NamesSeen("a", "2022-09-14", ("Wang Yi",), (("Wang Yi", "ministre des Affaires étrangères", "CN", "2022-09-14"),)),
        "b": NamesSeen("b", "2024-05-20", ("Wang Yi",), (("Wang Yi", "ministre des Affaires étrangères", "CN", "2024-05-20"),
                                                         ("Wang Yi", "membre du Bureau politique", None, "2024-05-20"))),
    }
    registry = PeopleRegistry(lambda aid: seen[aid])
    registry.build((aid, (s.names, tuple((n, c) for n, _, c, _ in s.observed if c))) for aid, s in seen.items())
    person = registry.person(registry.key_anywhere("Wang Yi"))
    assert person.country == "CN" and (person.first_seen, person.last_seen) == ("2022-09-14", "2024-05-20")
    minister = person.roles[0]
    assert (minister.role, minister.first, minister.last, minister.count) == (
        "ministre des Affaires étrangères", "2022-09-14", "2024-05-20", 2)


@pytest.mark.parametrize(("role", "kind"), [
    ("président kazakh", "head of state"), ("President", "head of state"),
    ("ministre des Affaires étrangères", "foreign minister"), ("Foreign Minister", "foreign minister"),
    ("Premier ministre", "head of government"), ("vice-Premier ministre", "deputy head of government"),
    ("représentants", "representants"), (None, ""),
])
def test_role_classes_are_the_same_in_french_and_english(role, kind):
    assert role_class(role) == kind
