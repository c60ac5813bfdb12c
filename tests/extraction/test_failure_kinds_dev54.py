"""Failure kinds seen on dev54, a real set annotated this stop, scored first (meeting F1 0.77 by 0.41.4) and
read afterwards: new wordings, written for these tests, of each kind; no sentence or name is taken from an
article."""

from __future__ import annotations

import pytest

from .test_generalisation import bilaterals, encounters, quote_by

PUB = "2024-03-13"  # a Wednesday


CASES = [
    pytest.param(
        "Au lendemain de l'appel téléphonique entre le président Paul Okou et le président Ivan Orlov, la ministre Anna "
        "Berg et son homologue Li Wen se sont rencontrés jeudi à Genève.",
        PUB, encounters(({"Paul Okou", "Ivan Orlov"}, "call", None), ({"Anna Berg", "Li Wen"}, "meeting", "Genève"),
                        fields=("kind", "place")),
        id="fr-a-call-that-frames-the-sentence-is-not-the-main-clause-s-encounter"),
    pytest.param(
        "The day after a phone call between Paul Okou and Ivan Orlov, Anna Berg and Li Wen met on Thursday in Geneva.",
        PUB, encounters(({"Paul Okou", "Ivan Orlov"}, "call"), ({"Anna Berg", "Li Wen"}, "meeting"), fields=("kind",)),
        id="en-a-call-that-frames-the-sentence-is-not-the-main-clause-s-encounter"),
    pytest.param(
        "The day after the summit, Anna Berg and Li Wen met on Thursday in Geneva.",
        PUB, encounters(({"Anna Berg", "Li Wen"}, "held", "2024-03-07"), fields=("status", "date")),
        id="en-the-day-after-an-event-is-no-tomorrow"),
    pytest.param(
        "Le lendemain de la réunion du conseil, la ministre Anna Berg et son homologue Li Wen se sont entretenus jeudi à "
        "Genève.",
        PUB, encounters(({"Anna Berg", "Li Wen"}, "held", "2024-03-07"), fields=("status", "date")),
        id="fr-le-lendemain-d-un-evenement-n-est-pas-demain"),
    pytest.param(
        "Anna Berg has today met Li Wen. \"During their meeting, which took place at the minister's residence in "
        "Carlton Gardens, the two ministers discussed trade.\"",
        PUB, encounters(({"Anna Berg", "Li Wen"}, "Carlton Gardens"), fields=("place",)),
        id="en-a-framing-phrase-keeps-its-relative-clause-s-place"),
    pytest.param(
        "Le chef de l'armée soudanaise Abdel Hamid al-Tayeb a été accueilli mardi en Égypte par son homologue le "
        "président Abdel Hamid al-Sissi.",
        PUB, encounters(({"Abdel Hamid al-Tayeb", "Abdel Hamid al-Sissi"},), fields=()),
        id="fr-a-particle-glued-by-a-hyphen-is-part-of-the-name-after-a-title"),
    pytest.param(
        "Le président Karim Said a reçu mardi au quartier-général de l'armée le ministre soudanais Omar Idris.",
        PUB, lambda result: roles_of(result, {"Karim Said": "président", "Omar Idris": "ministre soudanais"}),
        id="fr-the-tail-of-a-compound-noun-is-no-title"),
    pytest.param(
        "Le chef de l'armée soudanaise Abdel Hamid al-Tayeb a été accueilli mardi en Égypte par le président Karim "
        "Said. Le général Abdel Hamid al-Tayeb veut se présenter comme président.\n\nLe général Al-Tayeb a affirmé "
        "que « l'armée ne voulait pas gouverner ».",
        PUB, quote_by("l'armée ne voulait pas gouverner", "Abdel Hamid al-Tayeb"),
        id="fr-a-country-code-in-lower-case-names-no-country"),
    pytest.param(
        "Emmanuel Berg and Ivan Orlov held talks at the Palace of Versailles on Monday. The talks between the two "
        "leaders in Paris ran longer than expected.",
        PUB, encounters(({"Emmanuel Berg", "Ivan Orlov"}, "Palace of Versailles"), fields=("place",)),
        id="en-a-venue-and-its-capital-the-same-day-are-one-encounter"),
    pytest.param(
        "Le ministre des Affaires étrangères et de la Coopération internationale du Mali a reçu mardi à Bamako le "
        "ministre russe Ivan Orlov.",
        PUB, bilaterals(("ML", "RU")),
        id="fr-a-second-portfolio-after-et-de-la-is-the-title-s"),
    pytest.param(
        "Les dirigeants de la Russie et de la Serbie ont eu mardi une conversation téléphonique.",
        PUB, bilaterals(("RU", "RS")),
        id="fr-a-country-after-et-de-la-goes-on-a-plural-office"),
    pytest.param(
        "JEDDAH: King Omar received King Hamad bin Isa Al-Nasser of Bahrain at Al-Salam Palace here on Wednesday.",
        PUB, encounters(({"Omar", "Hamad bin Isa Al-Nasser"}, "Al-Salam Palace"), fields=("place",)),
        id="en-a-particle-alone-is-no-mention-of-a-name"),
    pytest.param(
        "Foreign Minister Ivan Orlov met his counterpart Li Wen in Ankara on Thursday. Both countries are reportedly "
        "engaged in indirect negotiations with a third. These talks follow President Paul Okou's recent overture to "
        "President Karim Said, inviting him to pursue normalization.",
        PUB, encounters(({"Ivan Orlov", "Li Wen"},), fields=()),
        id="en-these-talks-refer-back-and-their-clause-s-people-are-no-parties"),
    pytest.param(
        "Le président Ahmed Karimi se rendait en Turquie à l'invitation du président Ivan Orlov.\n\nSelon le "
        "communiqué, les deux hommes devraient discuter des derniers développements régionaux.",
        PUB, encounters(({"Ahmed Karimi", "Ivan Orlov"}, "planned"), fields=("status",)),
        id="fr-les-deux-hommes-devraient-discuter-is-their-planned-encounter"),
    pytest.param(
        "Le président Paul Okou s'est entretenu mardi au téléphone avec le président Karim Said. Les deux présidents "
        "ont évoqué la coopération bilatérale.",
        PUB, encounters(({"Paul Okou", "Karim Said"}, "call"), fields=("kind",)),
        id="fr-les-deux-presidents-ont-evoque-tells-the-call-s-content"),
]


def roles_of(result, expected: dict[str, str]) -> None:
    """One meeting, whose named parties have these roles."""
    assert [{p.name: p.role for p in m.participants} for m in result.meetings] == [expected], result.meetings


@pytest.mark.parametrize("text, published, check", CASES)
def test_failure_kind_seen_on_dev54(extractor, text, published, check):
    check(extractor.extract(text, published=published))
