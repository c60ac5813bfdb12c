"""Failure kinds seen on dev57, a real set annotated this stop, scored first (meeting F1 0.72 by 0.41.7, the same
by 0.41.4) and read afterwards: new wordings, written for these tests, of each kind; no sentence or name is
taken from an article."""

from __future__ import annotations

import pytest

from .test_generalisation import encounters, has_encounter, no_meeting_of

PUB = "2024-03-13"  # a Wednesday


CASES = [
    pytest.param(
        "Le président de la République, Carlos Ruiz, a conclu vendredi sa visite officielle en Italie. Le chef de "
        "l'État a tenu des réunions avec des dirigeants italiens, dont le président de la République, Marco "
        "Bellini.\n\nSamedi, le chef de l'État a rencontré le pape Léon XIV au Vatican.",
        PUB, has_encounter({"Carlos Ruiz", "Léon XIV"}),
        id="fr-the-same-bare-title-again-is-the-same-person"),
    pytest.param(
        "Le prince Albert avait été reçu à Tirana par Ilir Doda, le président de la république d'Albanie.\n\n"
        "Le souverain a ensuite rencontré le Premier ministre Edi Gjoni.",
        PUB, encounters(({"Albert", "Ilir Doda"},), ({"Albert", "Edi Gjoni"},), fields=()),
        id="fr-a-sovereign-is-no-president"),
    pytest.param(
        "Au Nigeria, l'invitation du président Paul Okou est considérée comme un honneur. L'Elysée salue la venue d'un "
        "grand pays. Le pays traverse une crise.\nLe chef de l'Etat Ivan Orlov séjourne en France depuis mercredi "
        "dans le cadre d'une visite d'État. C'est une première depuis 20 ans.\nLes discussions entre les deux "
        "personnalités porteront sur l'économie.",
        PUB, encounters(({"Paul Okou", "Ivan Orlov"}, "planned"), fields=("status",)),
        id="fr-les-deux-personnalites-are-the-two-people-the-article-named"),
    pytest.param(
        "Prime Minister Anna Berg arrived in Oslo on Tuesday, where Prime Minister Ivan Orlov welcomed her. The two "
        "prime ministers discussed energy on Wednesday.",
        PUB, has_encounter({"Anna Berg", "Ivan Orlov"}),
        id="en-the-two-prime-ministers-are-the-pair-named-before"),
    pytest.param(
        "President Li Wen told his counterpart Carlos Ruiz on Friday that ties were strong. The meeting comes in the "
        "wake of a flurry of visits to China by Western leaders this year, from Britain's Prime Minister Tom Reid to "
        "Canadian Prime Minister Paul Okou and Finland's Prime Minister Anna Berg.",
        PUB, no_meeting_of("Tom Reid", "Paul Okou"),
        id="en-the-meeting-s-people-are-not-those-of-visits-told-after-it"),
]


@pytest.mark.parametrize("text, published, check", CASES)
def test_failure_kind_seen_on_dev57(extractor, text, published, check):
    check(extractor.extract(text, published=published))
