"""Failure kinds seen on dev30, a real set annotated this stop, kept blind until 0.34.5 had scored it (meeting
F1 0.86, the same as 0.32.8's first run): new wordings, written for these tests, of each kind; no sentence or
name is taken from an article."""

from __future__ import annotations

import pytest

from .test_generalisation import all_of, direct_quote, meeting, quote_by

PUB = "2024-06-03"  # a Monday


CASES = [
    pytest.param(
        "KUWAIT CITY — Kuwait's Amir Sheikh Nasser Al-Fahad Al-Salem Al-Sabah received Saudi Foreign Minister Prince "
        "Khalid bin Saud at the palace in Kuwait City on Monday. During the meeting, the two sides discussed the close "
        "relations between the two countries and the latest developments in the region.",
        PUB, meeting({"Nasser Al-Fahad Al-Salem Al-Sabah", "Khalid bin Saud"}),
        id="en-a-long-hyphenated-arabic-name-is-one-name"),
    pytest.param(
        "The President of Kyrgyzstan Talant Osmonov received the Head of the Presidential Administration of "
        "Tajikistan Zarina Rahimova. The press service of the head of state reported.",
        PUB, meeting({"Talant Osmonov", "Zarina Rahimova"}),
        id="en-a-name-after-a-body-of-a-country-that-the-ner-read-with-it"),
    pytest.param(
        "Le président Paul Durand a rencontré jeudi son homologue Ali Saleh à Varsovie.\n\nUne vidéo de cette "
        "rencontre a montré les deux hommes se serrant la main.",
        PUB, meeting({"Paul Durand", "Ali Saleh"}, kind="meeting"), id="fr-a-video-of-the-meeting-makes-no-call"),
    pytest.param(
        "Le président Paul Durand s'est entretenu par vidéo avec son homologue Ali Saleh.",
        PUB, meeting({"Paul Durand", "Ali Saleh"}, kind="call"), id="fr-par-video-is-a-call"),
    pytest.param(
        "Le ministre Paul Durand a tenu une réunion vidéo avec son homologue Ali Saleh.",
        PUB, meeting({"Paul Durand", "Ali Saleh"}, kind="call"), id="fr-a-video-meeting-is-a-call"),
    pytest.param(
        "President Paul Durand held talks with President Ali Saleh by video-link on Monday.",
        PUB, meeting({"Paul Durand", "Ali Saleh"}, kind="call"), id="en-a-video-link-is-a-call"),
    pytest.param(
        "President Paul Durand met President Ali Saleh in Brussels on Monday. VIDEO / PHOTO",
        PUB, meeting({"Paul Durand", "Ali Saleh"}, kind="meeting"), id="en-a-page-s-video-photo-label-is-no-call"),
    pytest.param(
        "Le président Paul Durand a rencontré jeudi son homologue Ali Saleh lors d'une escale, son premier "
        "déplacement à l'étranger depuis le début de l'invasion de son pays par la Ruritanie le 24 février.",
        "2022-12-22", meeting({"Paul Durand", "Ali Saleh"}, date="2022-12-22"),
        id="fr-a-date-far-into-a-depuis-phrase-is-that-phrase-s"),
    pytest.param(
        "Le chef de la diplomatie française Paul Durand a réaffirmé son soutien au Maroc. « La France, a-t-il dit, "
        "souhaite parvenir à une solution politique au Sahel. »",
        PUB, all_of(direct_quote("La France", "Paul Durand"),
                    direct_quote("souhaite parvenir à une solution politique au Sahel", "Paul Durand")),
        id="fr-a-short-opening-before-an-inserted-attribution-is-its-own-quotation"),
    pytest.param(
        "Prime Minister Ali Hassan welcomed Iran's renewed commitment, stressing Iraq's desire for closer "
        "coordination with Iran and other Islamic nations.",
        PUB, quote_by("Iraq's desire for closer coordination", "Ali Hassan"),
        id="en-a-participle-s-object-is-its-statement-not-the-clause-before"),
]


@pytest.mark.parametrize("text, published, check", CASES)
def test_failure_kind_seen_on_dev30(extractor, text, published, check):
    check(extractor.extract(text, published=published))
