"""Failure kinds seen on dev33, a real set annotated this stop and scored before any change (meeting F1
0.81): new wordings, written for these tests, of each kind; no sentence or name is taken from an article."""

from __future__ import annotations

import pytest

from .test_generalisation import all_of, encounters, meeting, no_meeting, only_parties, quote_by

PUB = "2024-03-13"  # a Wednesday


meetings_are = encounters  # (names, kind)


CASES = [
    pytest.param(
        "BELGRADE – Greek Foreign Minister Nikos Papas arrived in Belgrade on Monday. Later on Wednesday, Papas will "
        "meet with Serbian President Marko Petrovic, parliament speaker Ivan Lazic and Patriarch Sava, the head of "
        "the Serbian Orthodox Church.",
        PUB, meetings_are(({"Nikos Papas", "Marko Petrovic"}, "meeting"), ({"Nikos Papas", "Ivan Lazic"}, "meeting"),
                          ({"Nikos Papas", "Patriarch Sava"}, "meeting")),
        id="en-a-visitor-s-round-of-the-host-s-office-holders-is-one-meeting-each"),
    pytest.param(
        "TOKYO, March 13 – Chinese State Councillor Zhou Wen met Japanese Prime Minister Taro Sato on Wednesday. Zhou "
        "also held talks with Chief Cabinet Secretary Kenji Mori, ruling party secretary-general Hiro Ueda and former "
        "prime minister Yuki Ono earlier on Wednesday.",
        PUB, meetings_are(({"Zhou Wen", "Taro Sato"}, "meeting"), ({"Zhou Wen", "Kenji Mori"}, "talks"),
                          ({"Zhou Wen", "Hiro Ueda"}, "talks"), ({"Zhou Wen", "Yuki Ono"}, "talks")),
        id="en-talks-with-three-office-holders-of-no-stated-country-are-three-talks"),
    pytest.param(
        "Le ministre indien des Affaires étrangères, Ravi Kumar, a rencontré mardi à Katmandou le président népalais "
        "Ram Shrestha et le Premier ministre Hari Thapa.",
        PUB, meetings_are(({"Ravi Kumar", "Ram Shrestha"}, "meeting"), ({"Ravi Kumar", "Hari Thapa"}, "meeting")),
        id="fr-a-visitor-meets-the-host-s-president-and-prime-minister-one-by-one"),
    pytest.param(
        "Le président Jean Martin a reçu mardi le Premier ministre indien Ravi Kumar et le ministre indien des "
        "Affaires étrangères Anil Singh.",
        PUB, meeting({"Jean Martin", "Ravi Kumar", "Anil Singh"}, count=1),
        id="fr-guard-visitors-received-together-are-one-meeting"),
    pytest.param(
        "During his visit to Baghdad, the Turkish minister Ali Demir met with prominent Iraqi figures including the "
        "head of the Turkmen Front Omar Kaya, and Kirkuk lawmaker Selim Aslan.",
        PUB, meeting({"Ali Demir", "Omar Kaya", "Selim Aslan"}, count=1),
        id="en-guard-a-group-including-two-people-is-one-meeting"),
    pytest.param(
        "Le ministre français Paul Durand s'est entretenu mardi avec le chancelier allemand Karl Weber et la Première "
        "ministre italienne Giulia Rossi.",
        PUB, meeting({"Paul Durand", "Karl Weber", "Giulia Rossi"}, count=1),
        id="fr-guard-leaders-of-two-countries-met-together-are-one-meeting"),
    pytest.param(
        "Le ministre japonais des Affaires étrangères Kenji Sato et son homologue canadienne Anne Roy ont discuté "
        "mardi pendant environ 30 minutes au téléphone, à la demande de la partie canadienne.",
        PUB, meeting({"Kenji Sato", "Anne Roy"}, kind="call", date="2024-03-12"),
        id="fr-two-named-ministers-ont-discute-au-telephone-where-the-parse-lost-the-subject"),
    pytest.param(
        "Le ministre Paul Durand a rencontré Anne Roy. Selon Paul Durand et Anne Roy, les ministres ont discuté du "
        "commerce.",
        PUB, meeting({"Paul Durand", "Anne Roy"}, count=1),
        id="fr-guard-selon-a-et-b-is-no-second-encounter"),
    pytest.param(
        "CAIRO – Minister of Foreign Affairs, International Cooperation and Egyptian Expatriates Omar Hassan held a "
        "telephone call with US Special Envoy Paul Baker.",
        PUB, meeting({"Omar Hassan", "Paul Baker"}, kind="call", count=1),
        id="en-a-portfolio-list-before-the-name-is-no-person"),
    pytest.param(
        "Italian Minister of Foreign Affairs and International Cooperation Marco Rossi met Egyptian Foreign Minister "
        "Omar Hassan in Rome.",
        PUB, only_parties(("Marco Rossi", "IT"), ("Omar Hassan", "EG")),
        id="en-a-two-part-portfolio-title-is-the-name-s-role"),
    pytest.param(
        "ATHENS – Greek Prime Minister Kyriakos Papadakis met with the President of Cyprus, Nikos Andreou, after "
        "arriving in Nicosia. Papadkais said the talks were useful.",
        PUB, all_of(meeting({"Kyriakos Papadakis", "Nikos Andreou"}, count=1),
                    quote_by("the talks were useful", "Kyriakos Papadakis")),
        id="en-a-surname-with-two-letters-swapped-is-the-person-named-above"),
    pytest.param(
        "Le président Ilham Aliev a reçu le ministre Paul Durand. Aliyev a déclaré que la visite était importante.",
        PUB, quote_by("la visite était importante", "Ilham Aliev"),
        id="fr-a-surname-spelt-with-one-letter-more-is-the-person-named-above"),
    pytest.param(
        "Le président Ali Hassan a reçu le ministre Omar Hasan. Hasan a déclaré que la rencontre était utile.",
        PUB, quote_by("la rencontre était utile", "Omar Hasan"),
        id="fr-guard-a-surname-spelt-as-written-is-not-the-near-one"),
    pytest.param(
        'The EU spokesman Peter Lund said: "We are always ready to host a high-level meeting between Prime Minister '
        'Arben Krasniqi and President Marko Petrovic, when the conditions are created."',
        PUB, no_meeting(),
        id="en-ready-to-host-a-meeting-is-a-stance-not-an-encounter"),
    pytest.param(
        "L'Union européenne est prête à organiser une rencontre entre le Premier ministre Arben Krasniqi et le "
        "président Marko Petrovic.",
        PUB, no_meeting(),
        id="fr-prete-a-organiser-une-rencontre-is-a-stance"),
    pytest.param(
        "Norway will host a meeting between Prime Minister Arben Krasniqi and President Marko Petrovic on Friday.",
        PUB, meeting({"Arben Krasniqi", "Marko Petrovic"}, status="planned", date="2024-03-15"),
        id="en-guard-a-host-announced-is-a-planned-meeting"),
    pytest.param(
        "L'envoyé britannique pour l'Afghanistan, Simon Gray, a rencontré de hauts dirigeants talibans mardi à Kaboul.",
        PUB, meeting(countries={"GB", "AF"}, place="Kaboul", date="2024-03-12"),
        id="fr-taliban-leaders-are-an-unnamed-afghan-party"),
]


@pytest.mark.parametrize("text, published, check", CASES)
def test_failure_kind_seen_on_dev33(extractor, text, published, check):
    check(extractor.extract(text, published=published))
