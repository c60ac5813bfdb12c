"""Failure kinds seen on dev46 and dev48, real sets annotated this stop, scored first (meeting F1 0.80 by
0.39.3 and 0.81 by 0.40.4) and read afterwards: new wordings, written for these tests, of each kind; no
sentence or name is taken from an article."""

from __future__ import annotations

import pytest

from .test_generalisation import encounters, meeting, names_only, no_meeting, quotes_are

PUB = "2024-03-13"  # a Wednesday


CASES = [
    pytest.param(
        "Le vice-ministre russe Ivan Orlov et le représentant spécial étasunien Tom Baker se sont entretenus "
        "mardi à Genève.",
        PUB, meeting({"Ivan Orlov", "Tom Baker"}, countries={"RU", "US"}, place="Genève"),
        id="fr-etasunien-is-american"),
    pytest.param(
        "Le Kremlin a indiqué lundi que le président russe Vladimir Orlov avait reçu le chancelier autrichien "
        "Franz Berger.",
        PUB, meeting({"Vladimir Orlov", "Franz Berger"}, count=1),
        id="fr-a-name-the-parse-hung-off-its-role-in-a-reported-clause"),
    pytest.param(
        "The new French ambassador Paul Martin presented his credentials to President Samuel Nujoma at State "
        "House on Friday.",
        PUB, meeting({"Paul Martin", "Samuel Nujoma"}, kind="meeting", date="2024-03-08", count=1),
        id="en-presenting-credentials-to-a-head-of-state-is-an-audience"),
    pytest.param(
        "Le nouvel ambassadeur de France, Paul Martin, a présenté vendredi ses lettres de créance au président "
        "Samuel Nujoma.",
        PUB, meeting({"Paul Martin", "Samuel Nujoma"}, kind="meeting", count=1),
        id="fr-presenter-ses-lettres-de-creance-est-une-audience"),
    pytest.param(
        "Le ministre a présenté ses condoléances au président Samuel Nujoma.",
        PUB, no_meeting(),
        id="fr-guard-presenter-ses-condoleances-n-est-pas-une-rencontre"),
    pytest.param(
        "Lima, 30 juin (RHC) Le président élu péruvien Carlos Vega a reçu l'ancien président Luis Soto.",
        PUB, names_only("Carlos Vega", "Luis Soto"),
        id="fr-a-news-agency-s-letters-in-brackets-are-no-one"),
    pytest.param(
        "President Ana Lupu met with the President of the Chamber of Deputies, Mihai Pop, in Bucharest.",
        PUB, names_only("Ana Lupu", "Mihai Pop"),
        id="en-deputies-is-no-name"),
    pytest.param(
        "Le chef de la diplomatie slovaque Ivan Novak a effectué sa première visite officielle à l'étranger à "
        "Budapest. Hier, il a rencontré son homologue hongrois Péter Szabo.",
        PUB, meeting({"Ivan Novak", "Péter Szabo"}, place="Budapest", count=1),
        id="fr-a-l-etranger-does-not-end-the-visit-s-words"),
    pytest.param(
        "date 2024-03-13\nHier, Ivan Novak a rencontré son homologue hongrois Péter Szabo.",
        None, names_only("Ivan Novak", "Péter Szabo"),
        id="fr-hier-after-a-date-line-is-no-name"),
    pytest.param(
        "President Ali Diallo met President Omar Sy on Wednesday to ease tension caused by Defense Minister Juan Perez.",
        PUB, encounters(({"Ali Diallo", "Omar Sy"},), fields=()),
        id="en-the-agent-of-what-a-noun-suffered-is-no-party"),
    pytest.param(
        "Le président Ali Diallo a reçu mercredi le président Omar Sy pour apaiser la crise provoquée par le ministre "
        "de la Défense Juan Perez.",
        PUB, encounters(({"Ali Diallo", "Omar Sy"},), fields=()),
        id="fr-l-agent-d-une-crise-provoquee-par-x-n-est-pas-partie"),
    pytest.param(
        "President Ali Diallo met on Wednesday a delegation led by Senator John Miles.",
        PUB, meeting({"Ali Diallo", "John Miles"}, count=1),
        id="en-guard-the-leader-of-a-delegation-is-a-party"),
    pytest.param(
        "La porte-parole du ministère des Affaires étrangères, Le Thi Hong Nhung, a déclaré que le Vietnam dispose de "
        "preuves historiques pour les archipels de Hoang Sa et Truong Sa.",
        PUB, quotes_are(("reported", "le Vietnam dispose de preuves historiques pour les archipels de Hoang Sa et Truong Sa",
                         "Le Thi Hong Nhung")),
        id="fr-a-vietnamese-family-name-le-and-an-archipelago-s-second-name"),
    pytest.param(
        "Le vice-ministre Le Van Binh a rencontré lundi l'ambassadeur de France Paul Martin.",
        PUB, meeting({"Le Van Binh", "Paul Martin"}, count=1),
        id="fr-le-before-a-vietnamese-middle-name-after-a-title"),
]


@pytest.mark.parametrize("text, published, check", CASES)
def test_failure_kind_seen_on_dev46(extractor, text, published, check):
    check(extractor.extract(text, published=published))
