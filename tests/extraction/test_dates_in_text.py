"""Dates of meetings on pages that give their own date oddly or not at all, seen on real sets
(dev20-dev31, where dates were the weakest figure): sentences and names written for these tests."""

from __future__ import annotations

import pytest

from .test_generalisation import meeting

CASES = [
    pytest.param(
        "Ministry of Foreign Affairs\n\n04/27/2021 | Press release | Distributed on 04/28/2021\n\nToday, Foreign "
        "Minister John Smith held a telephone call with his Peruvian counterpart, Pedro Rojas.",
        None, meeting({"John Smith", "Pedro Rojas"}, date="2021-04-27", kind="call"),
        id="en-a-month-first-distribution-stamp-dates-today"),
    pytest.param(
        "Le président Jean Martin est arrivé ce lundi 7 décembre au Gabon, pour sa première visite depuis la reprise "
        "des relations en 2019. Il a été accueilli à son arrivée par le président gabonais, Ali Moussa.",
        None, meeting({"Jean Martin", "Ali Moussa"}, date="2020-12-07"),
        id="fr-a-page-with-no-date-line-dated-by-its-weekday-and-day"),
    pytest.param(
        "Selon le communiqué du mercredi 16 décembre, le ministre Paul Durand et son homologue suédoise, Anna "
        "Berg, se sont entretenus au téléphone.\n\nLes deux ministres avaient déjà eu une conversation "
        "téléphonique le 24 novembre 2020.",
        None, meeting({"Paul Durand", "Anna Berg"}, date="2020-12-16", kind="call"),
        id="fr-the-weekday-tells-the-year-when-the-only-full-date-is-a-past-one"),
    pytest.param(
        "ACCRA, May 3, 2021 - President John Mensah arrived on Monday for a two-day visit. President Kofi Adu "
        "will host President Mensah at a state dinner in his honour later in the evening.",
        None, meeting({"John Mensah", "Kofi Adu"}, date="2021-05-03", status="planned"),
        id="en-later-in-the-evening-is-the-day-of-the-story"),
]


@pytest.mark.parametrize("text, published, check", CASES)
def test_the_date_of_a_meeting_on_an_oddly_dated_page(extractor, text, published, check):
    check(extractor.extract(text, published=published))
