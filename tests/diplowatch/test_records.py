"""The records' quick makers (what the store loads a million records with at start)."""

from dataclasses import FrozenInstanceError, replace

import pytest

from diplowatch.events import Mention
from diplowatch.records import Article, Evidence, Meeting, Participant, Quote, Source, quick_maker


def test_a_quick_record_is_the_record_its_class_makes():
    quote = quick_maker(Quote)("Wang Yi", "Nous soutenons le dialogue.", "direct", "CN", "ministre",
                               quick_maker(Evidence)("", 4, 40), "2fd721")
    same = Quote("Wang Yi", "Nous soutenons le dialogue.", "direct", "CN", "ministre", Evidence("", 4, 40), "2fd721")
    assert type(quote) is Quote and type(quote.evidence) is Evidence
    assert quote == same and hash(quote) == hash(same) and repr(quote) == repr(same)
    assert replace(quote, text="Autre chose.").text == "Autre chose."
    with pytest.raises(FrozenInstanceError):
        quote.text = "changed"  # type: ignore[misc]


def test_every_record_loaded_at_start_has_a_quick_maker():
    source = quick_maker(Source)("/drop/a.txt", 12, 1.0, "utf-8")
    article = quick_maker(Article)("2fd721", "2fd721ab", "Titre", "2024-05-20", "fr", (source,), "2024-05-20T08:00:00",
                                   None, ("KZ",), (), (), (), 300, "", (), None)
    assert article == Article("2fd721", "2fd721ab", "Titre", "2024-05-20", "fr", (Source("/drop/a.txt", 12, 1.0, "utf-8"),),
                              "2024-05-20T08:00:00", countries=("KZ",), words=300)
    meeting = quick_maker(Meeting)((Participant("Tokaïev", None, "KZ"),), "2024-05-20", "Astana", "held", "meeting", None, "2fd721")
    assert meeting.countries == {"KZ"}
    mention = quick_maker(Mention)("2fd721", 1, meeting, ("tokaiev",), "2024-05-20", "2024-05-20T08:00:00", ("in person", "tokaiev"))
    assert type(mention) is Mention and mention != quick_maker(Mention)(*(getattr(mention, f) for f in mention.__slots__))


def test_a_class_without_slots_has_no_quick_maker():
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Plain:
        name: str

    with pytest.raises(TypeError, match="not a slotted record"):
        quick_maker(Plain)
