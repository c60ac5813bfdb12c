"""The public-figures gazetteer: the state of a leader the article names without it."""

from __future__ import annotations

import pytest

from extraction.people.figures import figure_state


@pytest.mark.parametrize("name, state", [
    ("Vladimir Putin", "RU"), ("Vladimir Poutine", "RU"),  # both transliterations
    ("Poutine", "RU"),  # a surname no other figure has
    ("H.E Wang Yi", "CN"),  # an honorific before the name
    ("Michael Pompeo", "US"),  # another form of the given name, same initial
    ("Le Drian", "FR"), ("Mamadi DOUMBOUYA", "GN"),
])
def test_a_figure_is_found_by_its_usual_forms(name, state):
    assert figure_state(name) == state


@pytest.mark.parametrize("name", ["Ahmed", "Hassan Ahmed", "Sharif", "Jean Martin", "", "Xavier Poutine"])
def test_common_given_names_and_strangers_are_not_figures(name):
    assert figure_state(name) is None


def test_an_unstated_state_comes_from_the_gazetteer(extractor):
    result = extractor.extract("Poutine et Xi Jinping se sont entretenus mardi au Kremlin. Les présidents chinois "
                               "et russe ont signé une déclaration commune.", published="2024-05-22")
    assert {(p.name, p.country) for m in result.meetings for p in m.participants} == {("Poutine", "RU"),
                                                                                     ("Xi Jinping", "CN")}


def test_the_article_wins_over_the_gazetteer(extractor):
    """A homonym the article places elsewhere keeps the article's state."""
    result = extractor.extract("Le ministre belge des Finances, Olaf Scholz, a reçu lundi à Bruxelles son homologue "
                               "néerlandais Pieter Jansen.", published="2024-05-22")
    assert ("Olaf Scholz", "BE") in {(p.name, p.country) for m in result.meetings for p in m.participants}
