"""The digest's content, its commands and its command line, on a real TinyDB store."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from diplowatch.config import Settings
from diplowatch.records import Article, Meeting, Participant, Quote
from handlers import digest as d
from handlers import registry
from handlers.replies import Reply, parts
from handlers.spec import Context, Schedule
from bot.cli import cmd_digest
from storage import Store

PARIS = ZoneInfo("Europe/Paris")
SINCE = datetime(2024, 3, 18, 9, 0, tzinfo=PARIS)  # 08:00 UTC
UNTIL = datetime(2024, 3, 25, 9, 0, tzinfo=PARIS)
NOW = UNTIL


def article(id_: str, ingested: str, *, countries: tuple[str, ...] = (), published: str = "2024-03-20") -> Article:
    return Article(
        id=id_, hash=id_ * 8, title=f"Article {id_}", published=published, language="fr",
        sources=(), ingested_at=ingested, countries=countries,
    )


def meeting(a: str, b: str | None, date_: str, status: str = "held", *, kind: str = "meeting",
            place: str | None = None, names: tuple[str, str] = ("A", "B")) -> Meeting:
    people = [Participant(names[0], None, a)]
    if b:
        people.append(Participant(names[1], None, b))
    return Meeting(tuple(people), date=date_, place=place, status=status, kind=kind)


def quote(speaker: str | None, text: str, kind: str = "direct", *, role: str | None = None,
          country: str | None = None) -> Quote:
    return Quote(speaker, text, kind, speaker_country=country, speaker_role=role)


XI = quote("Xi Jinping", "Nous sommes des partenaires stratégiques.", role="président chinois", country="CN")
XI_AGAIN = quote("Xi Jinping", "La coopération continuera.", role="président chinois", country="CN")
TOKAYEV = quote("Kassym-Jomart Tokaïev", "Il a salué une visite historique.", "reported",
                role="président du Kazakhstan", country="KZ")
LAVROV = quote("Sergueï Lavrov", "Il a appelé au dialogue.", "reported",
               role="ministre des Affaires étrangères", country="RU")
DUPONT = quote("Jean Dupont", "C'est un tournant pour la région.", role="analyste", country="FR")
MINISTRY = quote("Ministère des Affaires étrangères", "La France suit la situation de près.", country="FR")


def fill_week(store: Store) -> None:
    """Three articles in the week of 18 March 2024 (Paris), two before it, one after."""
    store.save_article(
        article("a10001", "2024-03-19T10:00:00+00:00", countries=("KZ", "CN")), "texte",
        [
            meeting("KZ", "CN", "2024-03-19", place="Astana", names=("Tokaïev", "Xi Jinping")),
            meeting("KZ", "CN", "2024-04-10", "planned", names=("Tokaïev", "Xi Jinping")),
        ],
        [XI, TOKAYEV],
    )
    store.save_article(
        article("a20002", "2024-03-22T15:30:00+00:00", countries=("FR", "KZ", "RU")), "texte",
        [
            meeting("FR", "KZ", "2024-03-21", kind="call", names=("Macron", "Tokaïev")),
            meeting("KZ", "RU", "2024-03-01", "planned", names=("Tokaïev", "Poutine")),
        ],
        [DUPONT, MINISTRY, LAVROV],
    )
    # Stamped at the very start of the period: in it.
    store.save_article(
        article("a30003", "2024-03-18T08:00:00+00:00", countries=("FR", "AE")), "texte",
        [meeting("FR", "AE", "2024-03-24", place="Abou Dhabi", names=("Barrot", "Ben Zayed"))],
        [XI_AGAIN],
    )
    # The week before, and the very end of the period (which belongs to the next one).
    store.save_article(
        article("b40004", "2024-03-12T08:00:00+00:00", countries=("KZ", "CN")), "texte",
        [meeting("KZ", "CN", "2024-03-11", place="Pékin", names=("Tokaïev", "Li Qiang"))],
        [quote("Li Qiang", "Bienvenue.", role="Premier ministre", country="CN")],
    )
    store.save_article(article("c50005", "2024-03-25T08:00:00+00:00", countries=("DE",)), "texte",
                       [meeting("DE", "PL", "2024-03-25", names=("Scholz", "Tusk"))], [])


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "db") as s:
        yield s


@pytest.fixture
def week_store(store):
    fill_week(store)
    return store


def text_of(replies) -> str:
    parts = []
    for r in replies:
        parts += [r.title, r.summary, r.footer]
        for e in r.entries:
            parts += [e.heading, e.body]
    return "\n".join(parts)


def by_title(replies, start: str):
    return [r for r in replies if r.title.startswith(start)]


# -- content ----------------------------------------------------------------------------


def test_period_holds_the_articles_ingested_in_it_and_counts_against_the_week_before(week_store):
    week = d.records_between(week_store, d.Period(SINCE, UNTIL))
    assert set(week.articles) == {"a10001", "a20002", "a30003"}
    assert len(week.meetings) == 5 and len(week.quotes) == 6

    replies = d.weekly_digest(week_store, SINCE, UNTIL, now=NOW)
    overview = replies[0]
    assert overview.tone == "digest"
    # The week before: one article (b40004), one meeting, one statement.
    assert "3 articles (previous period: 1)" in overview.summary
    assert "5 meetings: 3 held, 2 planned (previous period: 1)" in overview.summary
    assert "6 statements: 4 direct, 2 reported (previous period: 1)" in overview.summary
    text = text_of(replies)
    assert "Pékin" not in text and "Scholz" not in text  # outside the period


def test_meetings_are_grouped_by_country_pair_newest_first(week_store):
    replies = d.weekly_digest(week_store, SINCE, UNTIL, now=NOW, picture=False)
    [pairs] = by_title(replies, "Meetings by country pair")
    headings = [e.heading for e in pairs.entries]
    assert len(headings) == 4
    assert "China ↔" in headings[0] and "Kazakhstan" in headings[0]  # planned for 10 April
    assert "2 meeting(s): 1 held, 1 planned" in headings[0]
    assert "France ↔" in headings[1] and "United Arab Emirates" in headings[1]  # 24 March
    assert "France ↔" in headings[2] and "Kazakhstan" in headings[2]  # 21 March
    assert "Kazakhstan ↔" in headings[3] and "Russia" in headings[3]  # 1 March
    first = pairs.entries[0].body.splitlines()
    assert first[0].startswith("2024-04-10 · planned meeting")
    # "Tokaïev" alone is Kassym-Jomart Tokaïev, who speaks in the same week: the registry's name.
    assert first[1].startswith("2024-03-19 · held meeting · Astana · Kassym-Jomart Tokaïev, Xi Jinping")
    assert "by phone or video" in pairs.entries[2].body


def test_notable_statements_rank_leaders_then_direct_then_people():
    articles = {}
    said = [replace(q, article_id=f"x{n}") for n, q in enumerate([MINISTRY, DUPONT, LAVROV, TOKAYEV, XI])]
    ranked = d.notable_quotes(said, articles, limit=10)
    assert [q.speaker for q in ranked] == [
        "Xi Jinping",  # head of state, direct
        "Kassym-Jomart Tokaïev",  # head of state, reported
        "Sergueï Lavrov",  # minister
        "Jean Dupont",  # a named person, direct
        "Ministère des Affaires étrangères",  # an institution
    ]


@pytest.mark.parametrize(
    ("speaker", "role", "tier"),
    [
        ("Olaf Scholz", "chancelier allemand", 0),
        ("Shehbaz Sharif", "Prime Minister", 0),
        ("Anne Dupont", "vice-présidente", 1),
        ("Wang Yi", "chef de la diplomatie chinoise", 1),
        ("Jean Noël", "porte-parole", 2),
        ("Ivan Petrov", None, 2),
    ],
)
def test_role_words_give_the_tier(speaker, role, tier):
    assert d.role_tier(quote(speaker, "x", role=role)) == tier


@pytest.mark.parametrize(
    ("speaker", "institution"),
    [("Kremlin", True), ("la Chine", True), ("OTAN", True), (None, True), ("Emmanuel Macron", False)],
)
def test_institutions_come_after_people(speaker, institution):
    assert d.is_institution(speaker) is institution


def test_who_spoke_most_and_the_notable_statements_in_the_digest(week_store):
    replies = d.weekly_digest(week_store, SINCE, UNTIL, now=NOW, picture=False)
    [speakers] = by_title(replies, "Who spoke most")
    assert speakers.entries[0].heading.startswith("Xi Jinping")
    assert "2 statement(s)" in speakers.entries[0].heading
    assert not any("Ministère" in e.heading for e in speakers.entries)
    [notable] = by_title(replies, "Notable statements")
    # One per article: Tokaïev's words share Xi's article, Dupont's and the ministry's Lavrov's.
    assert [e.heading.split(" ")[0] for e in notable.entries] == ["Xi", "Xi", "Sergueï"]
    assert "« Nous sommes des partenaires stratégiques. »" in notable.entries[0].body


def test_notable_statements_are_one_per_article_and_two_per_speaker(store):
    said = [quote("Xi Jinping", f"Phrase numéro {n} du président.", role="président chinois") for n in range(4)]
    store.save_article(article("e10001", "2024-03-19T10:00:00+00:00"), "t", [], [*said[:2], DUPONT])
    store.save_article(article("e20002", "2024-03-19T11:00:00+00:00"), "t", [], [said[2]])
    store.save_article(article("e30003", "2024-03-19T12:00:00+00:00"), "t", [], [said[3]])
    replies = d.weekly_digest(store, SINCE, UNTIL, now=NOW, picture=False)
    [notable] = by_title(replies, "Notable statements")
    # Four statements by Xi in three articles: the two newest, from two articles; then
    # Dupont's, from the article of Xi's first two.
    assert [(e.heading.split(" · ")[0], e.body.splitlines()[-1]) for e in notable.entries] == [
        ("Xi Jinping", "Article e30003 — Article e30003"),
        ("Xi Jinping", "Article e20002 — Article e20002"),
        ("Jean Dupont 🇫🇷", "Article e10001 — Article e10001"),
    ]


def test_an_explicit_period_is_what_happened_in_it_the_schedule_what_arrived(store):
    # Arrived in the week of 18 March, about a meeting of 4 March and one undated (its article's date).
    store.save_article(
        article("f10001", "2024-03-19T10:00:00+00:00", published="2024-03-05", countries=("KZ", "CN")), "t",
        [meeting("KZ", "CN", "2024-03-04", names=("Tokaïev", "Xi Jinping")),
         meeting("FR", "DE", None, names=("Macron", "Scholz"))],
        [XI],
    )
    # Arrived on 2 March, about a meeting planned for 20 March.
    store.save_article(
        article("f20002", "2024-03-02T10:00:00+00:00", published="2024-03-01", countries=("IT", "ES")), "t",
        [meeting("IT", "ES", "2024-03-20", "planned", names=("Meloni", "Sánchez"))], [],
    )
    early_march = d.weekly_digest(store, datetime(2024, 3, 1, tzinfo=PARIS), datetime(2024, 3, 8, tzinfo=PARIS),
                                  now=NOW, picture=False, basis="happened")
    overview = early_march[0]
    assert overview.title == "Digest 1–7 March 2024"
    assert overview.summary.splitlines()[0] == "Happened between Fri 1 Mar and Thu 7 Mar 2024 (by their own dates)"
    shown = text_of(early_march)
    assert "Tokaïev" in shown and "Macron" in shown and "Meloni" not in shown
    assert "2 articles (previous period: 0)" in overview.summary  # published on 1 and 5 March
    assert "1 statement: 1 direct, 0 reported" in overview.summary
    # The scheduled digest of the week the first one arrived: what arrived, whatever its dates.
    scheduled = d.weekly_digest(store, SINCE, UNTIL, now=NOW, picture=False)
    assert scheduled[0].title.startswith("Weekly digest · ")
    assert scheduled[0].summary.splitlines()[0] == "Arrived since the last digest (Mon 18 Mar 09:00)"
    assert "1 article (previous period: 0)" in scheduled[0].summary
    assert "Tokaïev" in text_of(scheduled) and "Meloni" not in text_of(scheduled)


@time_machine.travel(datetime(2024, 4, 2, 8, 0, tzinfo=UTC), tick=False)
def test_digest_with_dates_asks_what_happened_without_them_what_arrived(week_store):
    dated = parts(digest(ctx_for(week_store), "2024-03-01", "2024-03-15"))
    assert dated[0].title == "Digest 1–15 March 2024" and "quiet" not in dated[0].title
    assert dated[0].summary.startswith("Happened between Fri 1 Mar and Fri 15 Mar 2024")
    due = parts(digest(ctx_for(week_store)))
    assert due[0].title.startswith("Weekly digest") and due[0].summary.startswith("Arrived since the last digest")


def test_the_same_words_reported_twice_are_shown_once(store):
    store.save_article(article("d10001", "2024-03-19T10:00:00+00:00"), "t", [], [XI])
    store.save_article(article("d20002", "2024-03-20T10:00:00+00:00"), "t", [], [XI])
    ranked = d.notable_quotes([q for a in store.articles_newest() for q in store.quotes_of_article(a.id)], {a.id: a for a in store.articles_newest()})
    assert len(ranked) == 1


def test_planned_meetings_still_to_come_are_the_planned_ones_from_today(week_store):
    replies = d.weekly_digest(week_store, SINCE, UNTIL, now=NOW, picture=False)
    [planned] = by_title(replies, "Planned meetings still to come")
    assert [e.heading.split(" · ")[0] for e in planned.entries] == ["2024-04-10"]  # not 1 March
    month = meeting("FR", "DE", "2024-03", "planned")
    assert d.still_to_come([month], date(2024, 3, 31)) == [month]
    assert d.still_to_come([month], date(2024, 4, 1)) == []
    assert d.still_to_come([meeting("FR", "DE", "2024-05-01")], date(2024, 4, 1)) == []  # held


def test_countries_by_activity(week_store):
    replies = d.weekly_digest(week_store, SINCE, UNTIL, now=NOW, picture=False)
    headings = [e.heading for e in replies[0].entries]
    assert "Kazakhstan" in headings[0]  # 4 meetings, 1 statement
    assert "France" in headings[1]  # 2 meetings, 2 statements, 2 articles
    assert "China" in headings[2]  # 2 meetings, 2 statements, 1 article
    assert replies[0].entries[0].body == "4 meeting(s) · 1 statement(s) · 2 article(s)"


def test_the_overview_carries_the_picture_of_the_week(week_store):
    overview = d.weekly_digest(week_store, SINCE, UNTIL, now=NOW)[0]
    [png] = overview.attachments
    assert overview.image == png.filename == "meetings-2024-03-25.png"
    assert png.data.startswith(b"\x89PNG\r\n\x1a\n")


def test_an_empty_week_is_a_short_quiet_digest(store):
    replies = d.weekly_digest(store, SINCE, UNTIL, now=NOW)
    assert len(replies) == 1
    assert "quiet week" in replies[0].title
    assert replies[0].summary == (
        "Arrived since the last digest (Mon 18 Mar 09:00)\nNo article arrived in this period (previous period: 0 articles)."
    )
    assert not replies[0].attachments


def test_a_busy_week_is_split_into_bounded_replies_without_cutting_records(store):
    codes = ["FR", "DE", "IT", "ES", "PL", "KZ", "CN", "RU"]
    pairs = [(a, b) for i, a in enumerate(codes) for b in codes[i + 1 :]]  # 28 pairs
    meetings = [meeting(a, b, f"2024-03-{10 + i % 15:02d}") for i, (a, b) in enumerate(pairs)]
    meetings += [meeting("FR", "DE", f"2024-04-{d_:02d}", place="x" * 300) for d_ in range(1, 9)]
    store.save_article(article("e10001", "2024-03-20T10:00:00+00:00"), "t", meetings,
                       [quote(f"Person {i}", "mot " * 200) for i in range(20)])
    replies = d.weekly_digest(store, SINCE, UNTIL, now=NOW, picture=False)
    pair_replies = by_title(replies, "Meetings by country pair")
    assert len(pair_replies) == 3
    assert pair_replies[0].title.endswith("(1/3)")
    assert sum(len(r.entries) for r in pair_replies) == d.MAX_PAIRS
    assert "4 more pair(s) not shown" in pair_replies[-1].footer
    for reply in replies:
        assert len(reply.entries) <= d.ENTRIES_PER_REPLY
        for entry in reply.entries:
            assert len(entry.heading) <= 256 and len(entry.body) <= 1024
    busiest = next(e for r in pair_replies for e in r.entries if e.heading.startswith("🇫🇷 France ↔ 🇩🇪"))
    assert "… and 4 more" in busiest.body


# -- commands -------------------------------------------------------------------------------


def ctx_for(store, **kw) -> Context:
    return Context(store=store, schedule=Schedule(tz="Europe/Paris"), **kw)


def digest(ctx: Context, since: str | None = None, until: str | None = None, action: str | None = None) -> Reply:
    """/digest as every transport runs it (errors become their replies)."""
    args = {k: v for k, v in (("since", since), ("until", until), ("action", action)) if v}
    return registry.run("digest", ctx, args)


@time_machine.travel(datetime(2024, 3, 25, 8, 0, tzinfo=UTC), tick=False)
def test_digest_command_previews_since_the_last_digest_for_the_asker_only(week_store):
    d.record_digest(week_store, SINCE)
    answer = digest(ctx_for(week_store))
    replies = parts(answer)
    assert len(replies) > 3 and all(r.ephemeral for r in replies)
    assert "3 articles (previous period: 1)" in replies[0].summary
    assert answer.digest_post is None
    assert d.read_marker(week_store) == SINCE  # a preview does not count as posted


@time_machine.travel(datetime(2024, 4, 2, 8, 0, tzinfo=UTC), tick=False)
def test_digest_command_takes_dates_as_whole_days(week_store):
    replies = parts(digest(ctx_for(week_store), "2024-03-19", "2024-03-22"))
    # 19 March to 22 March included, in Paris: the meetings of 19 and 21 March, not 24 March.
    assert replies[0].title == "Digest 19–22 March 2024"
    assert "2 meetings: 2 held, 0 planned" in replies[0].summary
    assert digest(ctx_for(week_store), "2024-03-22", "2024-03-19").tone == "error"
    assert digest(ctx_for(week_store), "hier").title == "Bad date"


@time_machine.travel(datetime(2024, 4, 2, 8, 0, tzinfo=UTC), tick=False)
@pytest.mark.parametrize(
    "since, until",
    [("0001-01-01", None), ("0001", None), ("0002-01-01", None), ("1000-06", None), ("1899-12-31", None),
     (None, "0001-01-01"), (None, "9999-12-31"), (None, "9999"), ("0001-01-01", "9999-12-31")],
)
def test_digest_dates_out_of_range_are_a_one_line_error(week_store, since, until):
    """since:0001-01-01 overflowed in the period before (the change in counts) or in the
    conversion to UTC: 'Something went wrong' in Discord, the console stopped."""
    reply = digest(ctx_for(week_store), since, until)
    assert (reply.tone, reply.title) == ("error", "Bad date"), reply
    assert "outside the dates a digest can cover" in reply.summary and "\n" not in reply.summary


@time_machine.travel(datetime(2024, 4, 2, 8, 0, tzinfo=UTC), tick=False)
def test_digest_of_everything_since_1900_counts_against_an_empty_period_before(week_store):
    replies = parts(digest(ctx_for(week_store), "1900-01-01"))
    assert "5 articles (previous period: 0)" in replies[0].summary, replies[0].summary


def test_a_digest_from_the_first_representable_day_still_has_a_period_before(week_store):
    """A marker hand-edited to year 1 must not stop the scheduled digest."""
    replies = d.weekly_digest(week_store, datetime(1, 1, 2, tzinfo=PARIS), UNTIL, now=NOW, picture=False)
    assert "4 articles (previous period: 0)" in replies[0].summary, replies[0].summary


def test_digest_post_is_for_admins_and_asks_the_bot_to_post(week_store):
    assert digest(ctx_for(week_store), action="post").title == "Not allowed"
    due = digest(ctx_for(week_store, is_admin=True), action="post")
    assert due.digest_post.due and due.ephemeral
    # The console passes "/digest post" as the first parameter.
    assert digest(ctx_for(week_store, is_admin=True), "post").digest_post.due
    dated = digest(ctx_for(week_store, is_admin=True), "2024-03-18", "2024-03-24", "post")
    posted = dated.digest_post.replies
    assert not dated.digest_post.due
    assert posted[0].title == "Digest 18–24 March 2024" and not any(r.ephemeral for r in posted)
    assert digest(ctx_for(week_store, is_admin=True), action="publish").tone == "error"


def test_graph_command_draws_the_network_around_a_country(week_store):
    reply = registry.run("graph", ctx_for(week_store), {"country": "kazakhstan"})
    [png] = reply.attachments
    assert reply.image == "meetings-KZ.png" and png.data.startswith(b"\x89PNG")
    assert reply.summary.startswith("5 meetings, 3 held and 2 planned, with 3 countries")
    since = registry.run("graph", ctx_for(week_store), {"country": "KZ", "since": "2024-03-19"})
    assert since.summary.startswith("3 meetings")
    assert registry.run("graph", ctx_for(week_store), {"country": "Xi Jinping"}).title == "Not a country"
    assert registry.run("graph", ctx_for(week_store), {"country": "Atlantide"}).title == "Unknown name"
    assert not registry.run("graph", ctx_for(week_store), {"country": "Brazil"}).attachments


def test_digest_commands_are_described_for_the_registry():
    names = registry.COMMANDS
    assert [(p.kind, p.choices) for p in names["digest"].params] == [("date", ()), ("date", ()), ("text", ("post",))]
    # /graph draws countries: its autocomplete offers countries only.
    assert [(p.name, p.required, p.kind) for p in names["graph"].params] == [
        ("country", True, "country"), ("since", False, "date"),
    ]


# -- command line ---------------------------------------------------------------------------


@time_machine.travel(datetime(2024, 4, 2, 8, 0, tzinfo=UTC), tick=False)
def test_cli_prints_the_digest_and_writes_the_picture(tmp_path, capsys):
    settings = Settings(data_dir=tmp_path / "data", digest_tz="Europe/Paris")
    with Store(settings.db_dir) as s:
        fill_week(s)
    png = tmp_path / "out" / "week.png"
    assert cmd_digest(settings, "2024-03-18", "2024-03-24", png) == 0
    out = capsys.readouterr().out
    assert "Digest 18–24 March 2024" in out and "Notable statements" in out and "Xi Jinping" in out
    assert png.read_bytes().startswith(b"\x89PNG")

    assert cmd_digest(settings, "2023-01-01", "2023-01-07", png) == 0  # quiet: still a picture
    quiet = capsys.readouterr().out
    assert "Digest 1–7 January 2023" in quiet and "quiet week" not in quiet and "Weekly" not in quiet
    assert cmd_digest(settings, "not a date", None, None) == 2
    assert cmd_digest(settings, "0001-01-01", None, None) == 2
    assert cmd_digest(settings, None, "9999", None) == 2
    err = capsys.readouterr().err
    assert err.count("outside the dates a digest can cover") == 2 and "Traceback" not in err, err
    with Store(settings.db_dir) as s:
        assert d.read_marker(s) is None  # the CLI only previews
