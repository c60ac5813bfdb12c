"""The rule passes on hand-built Docs: words, heads, dependency labels, parts of speech and entities
given by hand (as spaCy's own tests do), so these tests do not depend on the statistical model.

Every sentence here is written for the tests.
"""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.tokens import Doc

from extraction import dates, marks
from extraction.people.coref import find_people, orgs_compatible, roles_compatible
from extraction.people.descriptions import find_descriptions
from extraction.people.names import canonical, name_spans
from extraction.people.roles import describe, role_hit

FR = spacy.blank("fr").vocab
EN = spacy.blank("en").vocab


def make(vocab, words, heads=None, deps=None, pos=None, ents=None, lang="fr") -> Doc:
    """A Doc as a parser would leave it; heads are absolute token indices, one sentence."""
    n = len(words)
    doc = Doc(vocab, words=words, spaces=[True] * n, heads=heads or list(range(n)), deps=deps or ["dep"] * n,
              pos=pos or ["X"] * n, ents=ents or ["O"] * n, sent_starts=[True] + [False] * (n - 1))
    return doc


# ----------------------------------------------------------------------------- roles

def test_role_hit_is_the_longest_phrase():
    doc = make(FR, "le ministre des Affaires étrangères Paul Durand".split())
    hit = role_hit(doc, 1, "fr")
    assert hit.end == 5 and hit.cls == "foreign" and hit.head == "ministre"


def test_feminine_role_form_gives_the_gender():
    doc = make(FR, "la présidente de la République".split())
    assert role_hit(doc, 1, "fr").gender == "f"


def test_describe_reads_title_country_and_organisation():
    words = "la présidente de la Banque centrale russe Anna Volkova a déclaré".split()
    pos = ["DET", "NOUN", "ADP", "DET", "PROPN", "ADJ", "ADJ", "PROPN", "PROPN", "AUX", "VERB"]
    doc = make(FR, words, pos=pos)
    info = describe(doc, 7, 9, "fr", 0, len(doc))
    assert info.head == "président" and info.country == "RU" and info.gender == "f"
    assert info.org and info.org.startswith("banque centrale")


def test_role_classes_and_organisations_agree():
    assert roles_compatible("leader", "dirigeant", "state", "président")
    assert roles_compatible("state", "président", "monarch", "roi")
    assert not roles_compatible("spokesperson", "porte-parole", "state", "président")
    assert roles_compatible("official", "secretary", "foreign", "secretary")  # "the Secretary" of State
    assert orgs_compatible("ce", "commission europeenne")
    assert not orgs_compatible("banque centrale", "commission europeenne")


# ----------------------------------------------------------------------------- names

def test_name_after_a_title_in_capitals():
    words = "M. Arman SADYKOV a reçu la délégation".split()
    pos = ["NOUN", "PROPN", "PROPN", "AUX", "VERB", "DET", "NOUN"]
    doc = make(FR, words, pos=pos)
    assert (1, 3) in name_spans(doc, "fr")


def test_hyphenated_given_name_split_by_the_tokenizer():
    words = ["President", "Kairat", "-", "Bolat", "Sadykov", "met", "Lee", "Min", "-", "ho"]
    spaces = [True, False, False, True, True, True, True, False, False, True]
    ents = ["O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O"]
    doc = Doc(EN, words=words, spaces=spaces, ents=ents, sent_starts=[True] + [False] * 9)
    spans = [doc[s:e].text for s, e in name_spans(doc, "en")]
    assert "Kairat-Bolat Sadykov" in spans and "Lee Min-ho" in spans


def test_a_word_the_ner_reads_as_a_place_elsewhere_is_no_name():
    words = "The ministers met in Kovra . Lavrov left Kovra today".split()
    ents = ["O", "O", "O", "O", "B-LOC", "O", "B-PERSON", "O", "B-PERSON", "O"]
    doc = Doc(EN, words=words, ents=ents, sent_starts=[True] + [False] * 9)
    spans = [doc[s:e].text for s, e in name_spans(doc, "en")]
    assert spans == ["Lavrov"]


def test_canonical_spelling_is_the_fullest_name():
    got = canonical(["Arman Sadykov", "Sadykov", "M. Sadykov", "SADYKOV"])
    assert got["Sadykov"] == "Arman Sadykov" and got["SADYKOV"] == "Arman Sadykov"


# ----------------------------------------------------------------------------- descriptions and coreference

def test_description_lists_one_party_per_country():
    words = "les représentants du Niger et du Soudan".split()
    doc = make(FR, words, pos=["DET", "NOUN", "ADP", "PROPN", "CCONJ", "ADP", "PROPN"])
    parties = find_descriptions(doc, "fr", set())
    assert {p.country for p in parties} == {"NE", "SD"} and all(p.plural for p in parties)


def test_role_description_resolves_to_the_named_holder():
    words = ["Le", "président", "Arman", "Sadykov", "a", "parlé", ".", "Le", "chef", "de", "l'", "Etat", "a", "souligné"]
    pos = ["DET", "NOUN", "PROPN", "PROPN", "AUX", "VERB", "PUNCT", "DET", "NOUN", "ADP", "DET", "NOUN", "AUX", "VERB"]
    ents = ["O", "O", "B-PER", "I-PER"] + ["O"] * 10
    doc = Doc(FR, words=words, ents=ents, pos=pos, sent_starts=[True] + [False] * 6 + [True] + [False] * 6)
    mentions, persons = find_people(doc, "fr")
    chef = next(m for m in mentions if m.start == 8)
    assert chef.key == "Arman Sadykov"


def test_unresolved_description_is_an_unnamed_role_holder():
    words = "le porte-parole du Kremlin a indiqué".split()
    doc = make(FR, words, pos=["DET", "NOUN", "ADP", "PROPN", "AUX", "VERB"])
    mentions, persons = find_people(doc, "fr")
    holder = persons[mentions[0].key]
    assert holder.name is None and holder.country == "RU" and holder.label.startswith("porte-parole")


# ----------------------------------------------------------------------------- marks and dates

def test_quote_marks_are_read_on_characters():
    text = "Il a dit « une phrase entière » puis “a second one” et « jamais fermée"
    spans = [text[s:e].strip() for s, e in marks.quote_spans(text)]
    assert spans == ["une phrase entière", "a second one", "jamais fermée"]


def test_a_name_in_marks_is_no_quotation():
    assert marks.direct_spans("dans le cadre de son “Grand Tour” de la région", "en") == []


@pytest.mark.parametrize("text, ref, planned, expected", [
    ("mercredi", "2024-05-23", False, "2024-05-22"),
    ("mercredi", "2024-05", False, "2024-05"),
    ("on Friday", "2024-05-22", True, "2024-05-24"),
    ("March 3", "2024-09-10", False, "2024-03-03"),
    ("le 28 décembre", "2025-01-04", False, "2024-12-28"),
    ("ce matin", "2024-05-22", False, "2024-05-22"),
    ("la veille", "2024-05-22", False, "2024-05-21"),
    ("next Wednesday", "2024-05-22", True, "2024-05-29"),
    ("le 27 mai", "2024-06-12", False, "2024-05-27"),  # "mai"/"May" next to a day number is the month
    ("on May 27", "2024-06-12", False, "2024-05-27"),
    ("on Nov. 14, Thursday", "2024-11-15", False, "2024-11-14"),  # an abbreviated month with its dot
    ("last night", "2024-06-12", False, "2024-06-11"),
    # the reference is a past date the text gives, not the day of publication: the weekday tells the year
    ("le mercredi 16 décembre", "2020-11-24", False, "2020-12-16"),
    ("on Wednesday, July 18", "2012-07-13", True, "2012-07-18"),
    ("lundi 16 décembre", "2020-11-24", False, "2019-12-16"),  # a Monday in 2019, not in 2020
    ("later in the evening", "2024-05-22", True, "2024-05-22"),
])
def test_time_expressions_resolve_against_the_reference(text, ref, planned, expected):
    cue = dates.find_cues(text)[0]
    assert dates.resolve(cue, ref, planned) == expected


@pytest.mark.parametrize("text, expected", [
    ("Le président est arrivé ce lundi 7 décembre au Gabon, sa première visite depuis 2019.", "2020-12-07"),
    ("The prime minister will travel next Wednesday, 18 July, after the 2012 final.", "2012-07-18"),
    ("Le président est arrivé ce lundi 7 décembre au Gabon.", None),  # no year at all: no guess
    ("Le président est arrivé ce dimanche 7 décembre au Gabon, après 2019.", None),  # no such Sunday from 2019 to 2021
    ("Le président est arrivé ce lundi 7 décembre, dans le cadre de la Vision 2030 et après 2019.", "2020-12-07"),
])
def test_a_page_without_a_date_is_dated_by_a_weekday_and_the_years_it_mentions(text, expected):
    assert dates.weekday_dated(text, today=date(2026, 1, 1)) == expected


@pytest.mark.parametrize("text", ["You may 5 times ask", "the Nov. elections", "Jan. is cold"])
def test_month_words_that_are_no_date(text):
    assert not [c for c in dates.find_cues(text) if c.kind in ("md", "dm", "mdy", "dmy")]


# ----------------------------------------------------------------------------- word positions

def test_positions_finds_every_token_of_the_class_and_is_kept_per_doc():
    from extraction.words import positions

    doc = make(FR, "Depuis mars , il a vu A et B , respectivement , depuis Paris".split())
    assert positions(doc, "since", frozenset({"depuis"})) == [0, 12]
    assert positions(doc, "since", frozenset({"autre"})) == [0, 12]  # kept under its key
    assert positions(doc, "respectively", frozenset({"respectivement"})) == [10]


def test_positions_of_a_word_only_inside_another_is_empty():
    from extraction.words import positions

    doc = make(FR, "Les dépenses depuisées".split())  # the text holds "depuis", no token is it
    assert positions(doc, "since", frozenset({"depuis"})) == []
    assert positions(doc, "none", frozenset({"respectivement"})) == []
