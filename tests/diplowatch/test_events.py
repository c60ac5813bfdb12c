"""Events from mentions: the matching rules, on meetings written by hand (no store, no spaCy)."""

from __future__ import annotations

import random

import pytest

from diplowatch.events import Event, EventIndex, EventPerson, EventSource, events_of, merge, mention_of, with_people
from diplowatch.records import Meeting, Participant

TOKAIEV = Participant("Kassym-Jomart Tokaïev", "président kazakh", "KZ")
WANG = Participant("Wang Yi", "ministre des Affaires étrangères", "CN")
NURTLEU = Participant("Murat Nurtleu", "ministre des Affaires étrangères", "KZ")


class Names:
    """The registry, as events see it: here every name is its own person."""

    def display(self, key: str) -> str:
        return key

    def country(self, key: str) -> str | None:
        return None

    def how(self, article_id: str, spelling: str) -> str:
        return ""


def report(article_id: str, date: str | None, *, published: str | None = None, status: str = "held",
           kind: str = "meeting", place: str | None = "Astana", people=(TOKAIEV, WANG), index: int = 1,
           arrived: str = "2024-05-21T08:00:00+00:00"):
    meeting = Meeting(tuple(people), date, place, status, kind)
    return mention_of(article_id, index, meeting, published=published or date or "2024-05-21", first_seen=arrived,
                      key_of=lambda name: name)


def events(*mentions) -> list[Event]:
    groups: dict = {}
    for m in mentions:
        groups.setdefault(m.group, []).append(m)
    found = [e for members in groups.values() for e in events_of(members, Names())]
    return sorted(found, key=lambda e: (e.sort_date, e.id))


def test_an_event_of_one_report_is_the_event_its_votes_make_frozen_and_of_the_record_classes():
    m = report("fr0001", "2024-05-20", people=(TOKAIEV, WANG, TOKAIEV, Participant(None, "ministre", "NE")))
    (event,) = events(m)  # built without the votes, by the quick makers
    assert event == with_people(merge([m]), Names())
    assert type(event) is Event and type(event.sources[0]) is EventSource
    assert [type(p) for p in event.participants] == [EventPerson] * 3  # Tokaïev once
    with pytest.raises(AttributeError):  # frozen, as the records are
        event.place = "Moscou"


def test_the_same_meeting_in_french_and_english_with_other_precisions_is_one_event_with_three_sources():
    dispatch = report("fr0001", "2024-05-20", arrived="2024-05-20T10:00:00+00:00")
    newspaper = report("en0002", "2024-05-21", arrived="2024-05-21T07:00:00+00:00")  # a day later, US time
    follow_up = report("fr0003", "2024-05", published="2024-05-24", place="Ak Orda, Astana",
                       arrived="2024-05-24T09:00:00+00:00")
    (event,) = events(follow_up, newspaper, dispatch)
    assert event.id == "fr0001-1"  # the first source's article and meeting number
    assert [s.article_id for s in event.sources] == ["fr0001", "en0002", "fr0003"]
    assert (event.date, event.other_dates, event.when) == ("2024-05-20", ("2024-05-21",), "20 or 21 May 2024")
    assert event.place == "Ak Orda, Astana"  # the most specific place
    assert event.status == "held" and event.countries == {"KZ", "CN"}
    assert event.sources[0].why == ""
    assert "one day apart" in event.sources[1].why and "2024-05 contains 2024-05-20" in event.sources[2].why


def test_two_meetings_of_the_same_pair_a_month_apart_stay_two():
    may, june = events(report("a", "2024-05-20"), report("b", "2024-06-20"))
    assert (may.date, june.date) == ("2024-05-20", "2024-06-20")
    # ...and a month that holds both would hide one of them: it stays apart too.
    found = events(report("a", "2024-05-03"), report("b", "2024-05-20"), report("c", "2024-05", published="2024-05-25"))
    assert [len(e.sources) for e in found] == [1, 1, 1]


def test_a_planned_meeting_followed_by_its_report_becomes_that_held_event():
    plan = report("plan01", "2024-05-20", published="2024-05-12", status="planned", arrived="2024-05-12T09:00:00+00:00")
    held = report("held02", "2024-05-20", published="2024-05-20", arrived="2024-05-20T18:00:00+00:00")
    (event,) = events(held, plan)
    assert event.status == "held" and event.announced == "2024-05-12"
    assert "reports the announced meeting held" in event.sources[1].why
    # A plan without a date joins the one encounter of the two months after it.
    vague = report("plan03", None, published="2024-05-12", status="planned", place="Kazakhstan")
    (event,) = events(vague, held)
    assert event.status == "held" and event.announced == "2024-05-12" and event.place == "Astana"


def test_a_call_is_not_a_visit():
    visit, call = events(report("a", "2024-05-20"), report("b", "2024-05-20", kind="call", place=None))
    assert {visit.kind, call.kind} == {"meeting", "call"}
    # Meetings and talks are both in person: one encounter.
    (event,) = events(report("a", "2024-05-20", kind="talks"), report("b", "2024-05-20"), report("c", "2024-05-20", kind="talks"))
    assert event.kind == "talks" and len(event.sources) == 3


def test_one_article_reporting_two_meetings_of_the_same_people_reports_two_encounters():
    found = events(report("a", "2024-05-20", index=1), report("a", "2024-05-21", index=2), report("b", "2024-05-20"))
    assert sorted(len(e.sources) for e in found) == [1, 2]


def test_the_same_set_of_people_not_a_subset():
    pair = report("a", "2024-05-20")
    three = report("b", "2024-05-20", people=(TOKAIEV, WANG, NURTLEU))
    assert len(events(pair, three)) == 2


def test_participants_without_a_name_match_by_country_and_role_only():
    niger = Participant(None, "représentants", "NE")
    en_niger = Participant(None, "représentants", "NE")
    minister = Participant(None, "ministre des Affaires étrangères", "NE")
    nobody = Participant(None, "délégation", None)
    (event,) = events(report("a", "2023-08-10", people=(TOKAIEV, niger)), report("b", "2023-08-10", people=(TOKAIEV, en_niger)))
    assert [p.country for p in event.participants] == ["KZ", "NE"] and event.participants[1].key is None
    assert len(events(report("a", "2023-08-10", people=(TOKAIEV, niger)), report("b", "2023-08-10", people=(TOKAIEV, minister)))) == 2
    # Nobody in particular (no name, no country) matches nothing, not even itself elsewhere.
    assert len(events(report("a", "2023-08-10", people=(TOKAIEV, nobody)), report("b", "2023-08-10", people=(TOKAIEV, nobody)))) == 2


def test_vague_reports_do_not_join_an_encounter_elsewhere():
    astana = report("a", "2024-05-20")
    moscow = report("b", "2024-05", published="2024-05-25", place="Moscou")
    assert len(events(astana, moscow)) == 2
    # A palace the gazetteer does not know may be in Astana: a dated report joins.
    assert len(events(astana, report("c", "2024-05", published="2024-05-25", place="palais Akorda"))) == 1
    # An undated report needs the same place.
    assert len(events(astana, report("d", None, published="2024-05-22", place="Strasbourg"))) == 2
    assert len(events(astana, report("e", None, published="2024-05-22", place="Kazakhstan"))) == 1


def test_an_undated_report_joins_only_an_encounter_of_the_two_weeks_before_it():
    held = report("a", "2024-05-20")
    assert len(events(held, report("b", None, published="2024-05-30"))) == 1
    assert len(events(held, report("c", None, published="2024-06-30"))) == 2  # a later encounter, perhaps
    assert len(events(held, report("d", None, published="2024-05-10"))) == 2  # before it happened


def test_dates_the_sources_disagree_on_are_shown_not_hidden():
    (event,) = events(report("a", "2024-05-20"), report("b", "2024-05-21"), report("c", "2024-05-21"))
    assert event.date == "2024-05-21" and event.other_dates == ("2024-05-20",)  # the most reported
    assert event.when == "20 or 21 May 2024"


PEOPLE = [(TOKAIEV, WANG), (TOKAIEV, NURTLEU), (WANG, NURTLEU)]


def random_mentions(seed: int) -> list:
    rng = random.Random(seed)
    found = []
    for n in range(40):
        day = rng.randint(1, 28)
        date = rng.choice([f"2024-05-{day:02d}", f"2024-05-{day:02d}", "2024-05", "2024", None])
        found.append(report(f"a{n:03d}", date, published=f"2024-05-{min(28, day + rng.randint(0, 3)):02d}",
                            status=rng.choice(["held", "held", "planned"]), kind=rng.choice(["meeting", "talks", "call"]),
                            place=rng.choice(["Astana", "Almaty", None]), people=rng.choice(PEOPLE),
                            arrived=f"2024-06-01T{n // 60:02d}:{n % 60:02d}:00+00:00"))
    return found


def snapshot(found: list[Event]) -> list[tuple]:
    return sorted((e.id, tuple(s.ref for s in e.sources), e.date, e.other_dates, e.status, e.place) for e in found)


@pytest.mark.parametrize("seed", range(6))
def test_the_events_do_not_depend_on_the_order_of_the_mentions(seed):
    mentions = random_mentions(seed)
    shuffled = list(mentions)
    random.Random(seed + 100).shuffle(shuffled)
    assert snapshot(events(*mentions)) == snapshot(events(*shuffled))


@pytest.mark.parametrize("seed", range(4))
def test_the_index_updated_article_by_article_equals_the_index_built_at_once(seed):
    mentions = random_mentions(seed)
    index = EventIndex()
    order = list(mentions)
    random.Random(seed).shuffle(order)
    for m in order:
        index.put(m.article_id, (m,))
        index.settle()
    for m in order[:10]:  # and some go away
        index.drop(m.article_id)
        index.settle()
    rest = order[10:]
    at_once = EventIndex()
    at_once.rebuild((m.article_id, (m,)) for m in rest)
    assert snapshot(index.all(Names())) == snapshot(at_once.all(Names())) == snapshot(events(*rest))
    assert len(index) == len(at_once.all(Names()))


def test_a_country_s_heads_are_the_events_where_a_participant_is_of_it_as_the_event_shows_them():
    class Usual(Names):
        def country(self, key: str) -> str | None:
            return "KZ" if key == TOKAIEV.name else None

    twice = report("a", "2024-05-20", people=(WANG, Participant(WANG.name, None, "KZ")))  # once, as first written
    unsaid = Participant(TOKAIEV.name, None, None)
    pair = [report(i, "2024-06-02", people=(unsaid, WANG)) for i in ("b", "c")]  # one event, KZ by the registry
    index = EventIndex()
    for m in (twice, *pair):
        index.put(m.article_id, (m,))
    index.settle()
    every = [index.built(h, Usual()) for h in index.heads([twice, *pair])]
    assert [(e.id, sorted(e.countries)) for e in every] == [("a-1", ["CN"]), ("b-1", ["CN", "KZ"])]
    for code in ("KZ", "CN", "NE"):
        heads = index.heads([twice, *pair], country=code, people=Usual())
        assert [h.id for h in heads] == [e.id for e in every if code in e.countries]
