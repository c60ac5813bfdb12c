"""The date a saved page was published, read from its text (stamps written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from diplowatch.dates import first_full_date, publication_date


@pytest.mark.parametrize("text, expected", [
    ("date 2024-05-20\nTitre", "2024-05-20"),
    ("Paris, le 1er mai 2020 - Le ministre ...", "2020-05-01"),
    ("Posted May 5, 2024 by the desk", "2024-05-05"),
    ("27. februar 2023 20:25\n\nTitle of the page", "2023-02-27"),  # a Serbian site's stamp
    ("Publicado el 12 de marzo de 2024\n\nEl ministro ...", "2024-03-12"),
    ("Aktualisiert am 14. März 2022, 10:05 Uhr", "2022-03-14"),
    ("Pubblicato il 3 giugno 2021", "2021-06-03"),
    ("Press releases\n\nMarch – 7- 2018\n\nThe minister received ...", "2018-03-07"),
    ("BSS\n12 May, 2023, 01:00 pm\nLast modified: 12 May, 2023", "2023-05-12"),
    ("Le ministre a parlé jeudi.", None),
    ("Ministry of Foreign Affairs\n\n04/27/2021 | Press release | Distributed on 04/28/2021", "2021-04-27"),
    ("Communiqué du 05/04/2021", "2021-04-05"),  # both readings are dates: the day comes first
])
def test_the_publication_date_of_a_page(text, expected):
    assert publication_date(text) == expected


def test_the_earliest_stamp_wins_whatever_its_language():
    assert first_full_date("9. maj 2023\n\nLe 12 juin 2024, rien.") == "2023-05-09"


def test_an_abbreviated_french_month_dates_the_page():
    assert publication_date("Titre\n\n02. juil 2024.\nLe ministre ...") == "2024-07-02"
    assert publication_date("Publié le 3 janv. 2021") == "2021-01-03"


def test_a_past_date_deep_in_the_text_does_not_date_a_page_that_tells_of_later_years():
    text = ("Le dirigeant a reçu une délégation étrangère à Pyongyang, venue pour le festival du printemps. " * 4
            + "Le festival célèbre la naissance du fondateur du pays, né le 15 avril 1912 ; la délégation y vient depuis 2016.")
    assert publication_date(text, today=date(2026, 1, 1)) is None
    assert publication_date("Publié le 3 mars 2019\n\n" + text, today=date(2026, 1, 1)) == "2019-03-03"
    # the only years told are the date's own: it dates the page wherever it stands
    assert publication_date("Le ministre a reçu son homologue. " * 12 + "Le 3 mars 2019, il a parlé.",
                            today=date(2026, 1, 1)) == "2019-03-03"
