"""From mentions to events, as analysts see it: the agency dispatch, the English newspaper
and the follow-up about one visit are one meeting with three sources, in every command, the
alerts, the digest and the export. Records are written by hand (no spaCy), into a real Store."""

from __future__ import annotations

import codecs
import csv
import io
import json
import random
from dataclasses import replace
from datetime import UTC, datetime

import pytest
import time_machine

from bot.cli import cmd_export
from diplowatch.config import Settings
from diplowatch.records import Article, Quote, Source
from handlers import registry
from handlers.alerts import alerts_for
from handlers.digest import Period, records_between, weekly_digest
from handlers.ingest import IngestResult
from handlers.spec import Context
from handlers.subjects import complete
from storage import Store
from tests.bot_helpers import meeting, person

TOKAIEV = person("Kassym-Jomart Tokaïev", "KZ", "président kazakh")
WANG = person("Wang Yi", "CN", "ministre des Affaires étrangères")
XI = person("Xi Jinping", "CN", "président chinois")


def article(store: Store, key: str, title: str, published: str, arrived: str, language: str = "fr",
            countries=("KZ", "CN"), people=()) -> Article:
    digest = (key * 64)[:64]
    return Article(
        id=store.new_id(digest), hash=digest, title=title, published=published, language=language,
        sources=(Source(path=f"/drop/{key}.txt", size=100, mtime=1.0, encoding="utf-8"),),
        ingested_at=arrived, countries=countries, people=tuple(people),
    )


def quote(speaker: str, text: str, country: str | None = None) -> Quote:
    return Quote(speaker, text, "direct", country)


def visit_reports(store: Store) -> list[tuple[Article, str, list, list]]:
    """An older visit, then the Astana meeting of 20 May 2024 in three articles."""
    return [
        (article(store, "0a", "Xi Jinping au Kazakhstan", "2022-09-14", "2022-09-14T10:00:00+00:00"),
         "Xi Jinping a rencontré Kassym-Jomart Tokaïev à Astana.",
         [meeting(XI, TOKAIEV, date="2022-09-14", place="Astana")], []),
        (article(store, "1f", "Tokaïev reçoit Wang Yi à Astana", "2024-05-20", "2024-05-20T11:00:00+00:00",
                 people=("Kassym-Jomart Tokaïev", "Wang Yi")),
         "Le 20 mai 2024, le président kazakh Kassym-Jomart Tokaïev a reçu Wang Yi à Astana.",
         [meeting(TOKAIEV, WANG, date="2024-05-20", place="Astana")],
         [quote("Kassym-Jomart Tokaïev", "Le Kazakhstan est un partenaire fiable de la Chine.", "KZ")]),
        # The English extraction splits the name, misses a country and dates it in US time.
        (article(store, "2e", "Tokayev hosts Wang Yi", "2024-05-21", "2024-05-21T06:00:00+00:00", language="en",
                 people=("Kassym", "Tokayev", "Wang Yi")),
         "Kazakh President Kassym-Jomart Tokayev met Chinese Foreign Minister Wang Yi in Astana.",
         [meeting(person("Kassym", "KZ", "President"), person("Tokayev"), person("Wang Yi", "CN", "Foreign Minister"),
                  date="2024-05-21", place="Astana")],
         [quote("Tokayev", "Kazakhstan firmly adheres to the one-China principle.")]),
        (article(store, "3c", "Corridor du Milieu : un groupe de travail", "2024-05-24", "2024-05-24T09:00:00+00:00",
                 people=("Tokaïev", "Wang Yi")),
         "Tokaïev avait reçu Wang Yi en mai au palais Akorda.",
         [meeting(person("Tokaïev", "KZ"), WANG, date="2024-05", place="Ak Orda, Astana")], []),
    ]


def fill(store: Store, reports=None) -> dict[str, str]:
    ids = {}
    for a, text, meetings, quotes in reports or visit_reports(store):
        store.save_article(a, text, meetings, quotes)
        ids[a.title.split()[0]] = a.id
    return ids


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "db") as store:
        yield store


def run(store: Store, name: str, **args):
    return registry.run(name, Context(store=store, channel_id=42, alert_channel_id=7), args)


def the_visit(store: Store):
    (found,) = [e for e in store.all_events() if e.date and e.date.startswith("2024-05")]
    return found


# -- one encounter, three sources -----------------------------------------------------------------


def test_the_visit_reported_three_times_is_one_meeting_with_three_sources(store):
    ids = fill(store)
    reply = run(store, "meetings", subject="kazakhstan")
    assert reply.summary.startswith("2 meeting(s): 2 held, 0 planned, from 4 report(s)")
    visit = reply.entries[0]
    assert visit.heading == "2024-05-20 or 2024-05-21 · 🇰🇿 Kassym-Jomart Tokaïev ↔ 🇨🇳 Wang Yi"
    assert visit.body.startswith("Ak Orda, Astana · held meeting · 3 sources")
    assert "Sources disagree on the date: 20 or 21 May 2024" in visit.body
    assert f"Event {ids['Tokaïev']}-1 · Articles {ids['Tokaïev']}" in visit.body
    assert ids["Tokayev"] in visit.body and ids["Corridor"] in visit.body
    # The same from the person, by any spelling, and with the other party.
    for typed in ("Tokayev", "tokaev", "Kassym-Jomart Tokaïev", "Tokaïev"):
        assert [e.heading for e in run(store, "meetings", subject=typed).entries] == [e.heading for e in reply.entries]
    assert len(run(store, "meetings", subject="Wang Yi").entries) == 1
    assert len(run(store, "meetings", subject="kazakhstan", with_="Wang Yi").entries) == 1
    timeline = run(store, "timeline", subject="kazakhstan")
    assert "(held, meeting, 3 sources)" in timeline.entries[0].body


def test_event_shows_its_sources_and_why_they_were_joined(store):
    ids = fill(store)
    event_id = f"{ids['Tokaïev']}-1"
    reply = run(store, "event", id=event_id)
    assert reply.footer == f"Event {event_id}" and "When: 20 or 21 May 2024 (the sources disagree)" in reply.summary
    assert "Where: Ak Orda, Astana" in reply.summary and "3 source(s)" in reply.summary
    first, english, follow_up = reply.entries
    assert first.heading.startswith(f"1. Article {ids['Tokaïev']} · 2024-05-20 · fr · Tokaïev reçoit Wang Yi")
    assert "First report of this encounter." in first.body
    assert "« Le 20 mai 2024, le président kazakh Kassym-Jomart Tokaïev a reçu Wang Yi à Astana. »" not in first.body  # no offsets given
    assert english.heading.startswith(f"2. Article {ids['Tokayev']} · 2024-05-21 · en")
    assert "Says: 2024-05-21 · Astana · held meeting · Kassym ↔ Tokayev ↔ Wang Yi" in english.body
    assert "Tokayev is Kassym-Jomart Tokaïev, the only person of that name" in english.body
    assert "one day apart" in english.body
    assert "2024-05 contains 2024-05-20" in follow_up.body
    # A few characters are enough; the article id alone names its event.
    assert run(store, "event", id=ids["Tokaïev"]).footer == f"Event {event_id}"
    assert run(store, "event", id=event_id.upper()).footer == f"Event {event_id}"
    # A report's own id finds the event it was joined to.
    joined = run(store, "event", id=f"{ids['Tokayev']}-1")
    assert joined.footer == f"Event {event_id}" and "belongs to event" in joined.summary
    unknown = run(store, "event", id="ffffff-9")
    assert unknown.ephemeral and unknown.title == "Unknown event"


def test_a_person_written_four_ways_is_one_person_everywhere(store):
    fill(store)
    who = run(store, "who", person="tokayev")
    assert who.title == "🇰🇿 Kassym-Jomart Tokaïev"
    assert "Country: 🇰🇿 Kazakhstan" in who.summary
    assert "Role(s): président kazakh" in who.summary
    assert all(form in who.summary for form in ("Tokayev", "Kassym", "Tokaïev"))
    assert "2 meeting(s): 2 held, 0 planned · 2 statement(s)" in who.summary
    latest, said, counterparts = who.entries
    assert latest.heading == "Latest meetings" and latest.body.splitlines()[0].startswith("2024-05-20 or 2024-05-21")
    assert said.heading == "Latest statements" and "one-China" in said.body
    assert counterparts.body.splitlines() == ["🇨🇳 Wang Yi · 1 meeting(s)", "🇨🇳 Xi Jinping · 1 meeting(s)"]
    # Every statement is his, with his name and flag, whatever the article wrote.
    quotes = run(store, "quotes", speaker="Tokayev")
    assert quotes.summary.startswith("2 statement(s)")
    assert all(e.heading.startswith("Kassym-Jomart Tokaïev 🇰🇿 · ") for e in quotes.entries)
    # Autocomplete offers the display name, found by any spelling, accent-blind.
    for typed in ("tokay", "Tokaï", "kassym", "TOKAEV"):
        # Shown with flag and role (the autocomplete of issue 13), chosen by display name.
        assert ("🇰🇿 Kassym-Jomart Tokaïev — président kazakh", "Kassym-Jomart Tokaïev") in complete(store, typed, "person"), typed
    assert run(store, "who", person="kazakhstan").title == "Not a person"


def test_the_same_pair_a_month_apart_is_two_meetings(store):
    fill(store)
    later = article(store, "4d", "Tokaïev et Wang Yi se revoient", "2024-06-20", "2024-06-20T10:00:00+00:00")
    store.save_article(later, "Tokaïev a de nouveau reçu Wang Yi.", [meeting(TOKAIEV, WANG, date="2024-06-20", place="Astana")], [])
    reply = run(store, "meetings", subject="Wang Yi")
    assert [(e.heading.split(" · ")[0], e.body.split(" · ")[2].split("\n")[0]) for e in reply.entries] == [
        ("2024-06-20", "1 source"), ("2024-05-20 or 2024-05-21", "3 sources")]


# -- planned, then held -----------------------------------------------------------------------------


@time_machine.travel(datetime(2024, 5, 15, 8, 0, tzinfo=UTC), tick=False)
def test_a_planned_meeting_then_its_report_is_one_held_event(store):
    plan = article(store, "5b", "Wang Yi attendu à Astana", "2024-05-12", "2024-05-12T09:00:00+00:00")
    store.save_article(plan, "Wang Yi rencontrera Tokaïev le 20 mai.",
                       [meeting(WANG, TOKAIEV, date="2024-05-20", place="Kazakhstan", status="planned")], [])
    coming = run(store, "upcoming")
    assert [e.heading for e in coming.entries] == ["2024-05-20 · 🇨🇳 Wang Yi ↔ 🇰🇿 Kassym-Jomart Tokaïev"]
    assert "planned meeting · 1 source" in coming.entries[0].body
    assert len(run(store, "upcoming", subject="kazakhstan").entries) == 1
    assert not run(store, "upcoming", subject="france").entries
    fill(store)
    assert not run(store, "upcoming").entries  # reported held: not to come any more
    (visit,) = [e for e in run(store, "meetings", subject="Wang Yi").entries]
    assert "held meeting · 4 sources" in visit.body
    assert "Announced 12 May 2024, took place 20 or 21 May 2024" in visit.body
    assert the_visit(store).id == f"{plan.id}-1"  # the first source, the announcement, names it


# -- rebuilt from the stored articles ---------------------------------------------------------------


def snapshot(store: Store) -> list[tuple]:
    return sorted(
        (e.id, tuple(s.ref for s in e.sources), e.date, e.other_dates, e.place, e.status, e.kind,
         tuple((p.key, p.name, p.country) for p in e.participants))
        for e in store.all_events()
    )


class SameAgain:
    """An extractor that finds again what was stored (what /reingest does with an unchanged one)."""

    version = "same"

    def __init__(self, reports) -> None:
        self.by_text = {text: (meetings, quotes) for _, text, meetings, quotes in reports}

    def extract(self, text, *, published=None, title=None):
        from diplowatch.records import Extraction

        meetings, quotes = self.by_text[text]
        return Extraction(language="fr", meetings=tuple(meetings), quotes=tuple(quotes))


def test_re_extraction_rebuilds_the_same_events(tmp_path, store):
    reports = visit_reports(store)
    fill(store, reports)
    before = snapshot(store)
    assert len(before) == 2
    reply = registry.run("reingest", Context(store=store, is_admin=True, extractor=SameAgain(reports)), {})
    assert "Meetings: 2 → 2 encounters, from 4 → 4 reports" in reply.summary
    assert snapshot(store) == before
    store.rebuild_events()
    assert snapshot(store) == before
    store.close()
    with Store(tmp_path / "db") as reopened:
        assert snapshot(reopened) == before


@pytest.mark.parametrize("seed", range(3))
def test_nothing_depends_on_the_order_articles_arrive_in(tmp_path, seed):
    with Store(tmp_path / "first") as first:
        reports = visit_reports(first)
        fill(first, reports)
        expected = snapshot(first)
    # Another order, and other arrival times (a database rebuilt from the drop folder).
    shuffled = list(reports)
    random.Random(seed).shuffle(shuffled)
    restamped = [(replace(a, ingested_at=f"2026-01-0{n + 1}T00:00:00+00:00"), text, meetings, quotes)
                 for n, (a, text, meetings, quotes) in enumerate(shuffled)]
    with Store(tmp_path / f"other{seed}") as other:
        fill(other, restamped)
        assert snapshot(other) == expected


def test_removing_an_article_takes_its_source_away(store):
    ids = fill(store)
    assert store.remove_article(ids["Tokayev"])
    visit = the_visit(store)
    assert [s.article_id for s in visit.sources] == [ids["Tokaïev"], ids["Corridor"]]
    assert visit.date == "2024-05-20" and not visit.other_dates
    assert store.remove_article(ids["Tokaïev"]) and store.remove_article(ids["Corridor"])
    assert not [e for e in store.all_events() if e.date and e.date.startswith("2024")]
    assert not store.remove_article(ids["Corridor"])
    rest = snapshot(store)
    store.rebuild_events()
    assert snapshot(store) == rest


# -- alerts, digest, export ---------------------------------------------------------------------------


def test_a_new_article_about_a_known_meeting_is_a_new_source_heard_once(store):
    reports = visit_reports(store)
    fill(store, reports[:2])
    store.add_watch(1, "country:KZ")
    store.add_watch(1, "country:CN")  # one channel watching both countries of the meeting
    english = reports[2][0]
    fill(store, [reports[2]])
    alerts = alerts_for(store, [IngestResult("ingested", "/drop/2e.txt", article=english)], default_channel=7)
    assert sorted(channel for channel, _ in alerts) == [1, 7]  # once per channel
    reply = dict(alerts)[1]
    (source, said) = reply.entries
    assert source.heading == "New source for: 2024-05-20 or 2024-05-21 · 🇰🇿 Kassym-Jomart Tokaïev ↔ 🇨🇳 Wang Yi · held meeting · 2 sources"
    assert f"first reported by article {reports[1][0].id} (2024-05-20)" in source.body
    assert "Sources disagree on the date: 20 or 21 May 2024." in source.body
    assert said.heading.startswith("Kassym-Jomart Tokaïev 🇰🇿 · ")  # "Tokayev" in the article
    assert "1 of its 1 meeting(s) already reported" in reply.summary
    assert reply.footer.endswith("0 new meeting(s), 1 new source(s) for known ones, 1 statement(s)")


def test_the_digest_counts_meetings_not_reports(store):
    fill(store)
    week = records_between(store, Period(datetime(2024, 5, 20, tzinfo=UTC), datetime(2024, 5, 27, tzinfo=UTC)))
    assert len(week.meetings) == 3 and len(week.events) == 1
    replies = weekly_digest(store, datetime(2024, 5, 20, tzinfo=UTC), datetime(2024, 5, 27, tzinfo=UTC),
                            now=datetime(2024, 5, 27, tzinfo=UTC), picture=False)
    assert "1 meeting (from 3 reports): 1 held, 0 planned" in replies[0].summary
    (pairs,) = [r for r in replies if r.title.startswith("Meetings by country pair")]
    assert pairs.entries[0].heading.endswith("1 meeting(s): 1 held, 0 planned")
    assert "(3 sources, event" in pairs.entries[0].body
    (speakers,) = [r for r in replies if r.title == "Who spoke most"]
    assert speakers.entries[0].heading == "Kassym-Jomart Tokaïev 🇰🇿 · 2 statement(s)"  # Tokaïev and Tokayev
    # The follow-up alone, a week later: a new source for a meeting of the week before.
    later = weekly_digest(store, datetime(2024, 5, 24, tzinfo=UTC), datetime(2024, 5, 31, tzinfo=UTC),
                          now=datetime(2024, 5, 31, tzinfo=UTC), picture=False)
    assert "New sources for meetings reported before this period: 1" in later[0].summary


def read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(codecs.BOM_UTF8)
    return list(csv.DictReader(io.StringIO(data[len(codecs.BOM_UTF8):].decode("utf-8"))))


def test_export_is_a_spreadsheet_with_one_row_per_meeting_and_its_sources(store):
    ids = fill(store)
    reply = run(store, "export", what="meetings", subject="kazakhstan")
    (attachment,) = reply.attachments
    assert attachment.filename == "meetings-kazakhstan.csv"
    rows = read_csv(attachment.data)
    assert [r["date"] for r in rows] == ["2024-05-20", "2022-09-14"]
    visit = rows[0]
    assert visit["source_count"] == "3" and visit["other_dates"] == "2024-05-21" and visit["date_precision"] == "day"
    assert visit["source_articles"] == " | ".join([ids["Tokaïev"], ids["Tokayev"], ids["Corridor"]])
    assert visit["participants"] == "Kassym-Jomart Tokaïev | Wang Yi" and visit["countries"] == "CN | KZ"
    assert visit["first_seen"] == "2024-05-20T11:00:00+00:00"
    assert b"\r\n" in attachment.data  # spreadsheets' line ends
    since = run(store, "export", what="meetings", subject="Tokayev", since="2024", format="json")
    (data,) = [json.loads(a.data) for a in since.attachments]
    assert since.attachments[0].filename == "meetings-kassym-jomart-tokaiev-2024.json"
    assert [r["event_id"] for r in data] == [f"{ids['Tokaïev']}-1"] and data[0]["source_count"] == 3
    quotes = read_csv(run(store, "export", what="quotes", subject="Tokaïev").attachments[0].data)
    assert [q["speaker"] for q in quotes] == ["Kassym-Jomart Tokaïev"] * 2
    assert run(store, "export", what="people", subject="kazakhstan").tone == "error"


def test_export_from_the_command_line(tmp_path, capsys):
    settings = Settings(data_dir=tmp_path / "data")
    with Store(settings.db_dir) as s:
        fill(s)
    out = tmp_path / "out" / "kz.csv"
    assert cmd_export(settings, "meetings", "kazakhstan", None, None, out, None) == 0
    assert len(read_csv(out.read_bytes())) == 2
    assert "2 meeting(s)" in capsys.readouterr().err
    assert cmd_export(settings, "meetings", "kazakhstan", "2024-05-21", "2024-05-31", None, "-") == 0
    assert [r["date"] for r in json.loads(capsys.readouterr().out)] == ["2024-05-20"]  # "20 or 21 May" is in range
    assert cmd_export(settings, "meetings", "france", None, None, out, None) == 1  # nothing to export
    assert cmd_export(settings, "meetings", "Zorglub", None, None, out, None) == 2


def test_an_older_article_arriving_late_is_a_new_source_and_the_old_id_still_finds_the_event(store):
    reports = visit_reports(store)
    fill(store, reports[1:3])  # the dispatch and the English article
    old_id = the_visit(store).id
    announcement = article(store, "6a", "Wang Yi rencontrera Tokaïev", "2024-05-12", "2024-05-30T10:00:00+00:00")
    store.save_article(announcement, "Wang Yi rencontrera Tokaïev le 20 mai à Astana.",
                       [meeting(WANG, TOKAIEV, date="2024-05-20", place="Astana", status="planned")], [])
    visit = the_visit(store)
    # The first published names the event now; the id the team saw still finds it.
    assert visit.id == f"{announcement.id}-1" and visit.announced == "2024-05-12" and visit.status == "held"
    assert store.event(old_id).id == visit.id
    assert visit.first_seen == "2024-05-20T11:00:00+00:00"  # when the team first heard of it
    (channel, alert), = alerts_for(store, [IngestResult("ingested", "/drop/6a.txt", article=announcement)], default_channel=7)
    assert alert.entries[0].heading.startswith("New source for: ")


def test_a_repair_keeping_arrival_times_keeps_what_events_say_of_them(store):
    reports = visit_reports(store)
    fill(store, reports)
    english = reports[2][0]
    assert store.set_arrival_times({english.hash: "2024-05-19T23:00:00+00:00"}) == 1
    visit = the_visit(store)
    assert visit.first_seen == "2024-05-19T23:00:00+00:00"
    assert [s.first_seen for s in visit.sources if s.article_id == english.id] == ["2024-05-19T23:00:00+00:00"]
