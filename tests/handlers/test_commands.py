"""Every command's answer, from a real Store in a tmp folder filled with records built by hand
(no spaCy), plus the console's parser."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.console import parse_command
from bot.render_text import reply_to_text
from bot.formatting import pages_of
from diplowatch.records import Quarantined
from handlers import registry
from handlers.registry import COMMANDS
from handlers.replies import Reply
from handlers.spec import Context
from storage import Store
from tests.bot_helpers import add_article, meeting, person, quote

XI = person("Xi Jinping", "CN", "président chinois")
TOKAIEV = person("Kassym-Jomart Tokaïev", "KZ", "président kazakh")
WANG = person("Wang Yi", "CN", "ministre des Affaires étrangères")
PUTIN = person("Vladimir Poutine", "RU", "président russe")
MACRON = person("Emmanuel Macron", "FR")
SCHOLZ = person("Olaf Scholz", "DE")


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "db") as store:
        yield store


@pytest.fixture
def ids(store) -> dict[str, str]:
    """Four articles: Kazakhstan meets China twice and Russia once; France calls Germany."""
    xi = add_article(
        store,
        "Xi Jinping au Kazakhstan",
        "Le président chinois Xi Jinping a rencontré à Astana Kassym-Jomart Tokaïev. "
        "Il a aussi évoqué un sommet avec Vladimir Poutine.",
        published="2022-09-14",
        meetings=[
            meeting(XI, TOKAIEV, date="2022-09-14", place="Astana"),
            # Held in Kazakhstan, but no Kazakh took part: not a meeting *of* Kazakhstan.
            meeting(XI, PUTIN, date="2022-09-15", place="Astana", status="planned"),
        ],
        quotes=[quote("Xi Jinping", "La Chine et le Kazakhstan sont de bons voisins", country="CN")],
        countries=["CN", "KZ", "RU"],
        people=["Xi Jinping", "Kassym-Jomart Tokaïev", "Vladimir Poutine"],
    )
    wang = add_article(
        store,
        "Wang Yi à Astana",
        "Le 20 mai 2024, le président kazakh Kassym-Jomart Tokaïev a rencontré Wang Yi. "
        "Les deux parties veulent aligner l'Initiative la Ceinture et la Route et le Corridor du Milieu.",
        published="2024-05-20",
        meetings=[meeting(TOKAIEV, WANG, date="2024-05-20", place="Astana")],
        quotes=[
            quote("Kassym-Jomart Tokaïev", "Le Kazakhstan adhère au principe d'une seule Chine", country="KZ"),
            quote("Wang Yi", "la Chine soutient le Kazakhstan", country="CN", kind="reported"),
        ],
        countries=["KZ", "CN"],
        people=["Kassym-Jomart Tokaïev", "Wang Yi"],
    )
    putin = add_article(
        store,
        "Tokayev to visit Moscow",
        "Kazakh President Kassym-Jomart Tokayev will meet Vladimir Putin in Moscow in June.",
        published="2023-05-30",
        meetings=[meeting(TOKAIEV, PUTIN, date="2023-06", place="Moscou", status="planned")],
        quotes=[quote("Kassym-Jomart Tokaïev", "Russia remains a strategic partner", country="KZ")],
        countries=["KZ", "RU"],
        people=["Kassym-Jomart Tokaïev", "Vladimir Poutine"],
        language="en",
    )
    call = add_article(
        store,
        "Macron calls Scholz",
        "Emmanuel Macron spoke by phone with Olaf Scholz about Ukraine.",
        published="2024-01-10",
        meetings=[meeting(MACRON, SCHOLZ, date="2024-01-10", kind="call")],
        countries=["FR", "DE"],
        people=["Emmanuel Macron", "Olaf Scholz"],
        language="en",
    )
    return {"xi": xi.id, "wang": wang.id, "putin": putin.id, "call": call.id}


def run(store: Store, name: str, *, is_admin: bool = False, channel_id: int | None = 42, **args) -> Reply:
    """What the service does for a command, minus the threads."""
    ctx = Context(store=store, is_admin=is_admin, channel_id=channel_id, alert_channel_id=7)
    return registry.run(name, ctx, args)


def headings(reply: Reply) -> list[str]:
    return [e.heading for e in reply.entries]


def everything(reply: Reply) -> str:
    return "\n".join([reply.title, reply.summary, reply.footer, *(f"{e.heading}\n{e.body}" for e in reply.entries)])


# -- /meetings ------------------------------------------------------------------------


@pytest.mark.parametrize("subject", ["kazakhstan", "Kazakhstan", "KZ", "kazakh", "Astana"])
def test_meetings_of_a_country_newest_first(store, ids, subject):
    reply = run(store, "meetings", subject=subject)
    assert "Kazakhstan" in reply.title and not reply.ephemeral
    assert reply.summary.startswith("3 meeting(s): 2 held, 1 planned")
    dates = [h.split(" · ")[0] for h in headings(reply)]
    assert dates == ["2024-05-20", "2023-06", "2022-09-14"]
    assert "Wang Yi" in headings(reply)[0] and "Kassym-Jomart Tokaïev" in headings(reply)[0]
    assert "Xi Jinping" in headings(reply)[2]
    # The Xi-Putin meeting took place in Astana but had no Kazakh participant.
    assert not any("Poutine" in h and "Xi" in h for h in headings(reply))
    # Each entry says where, what, from how many sources, and which article it came from.
    assert f"Event {ids['wang']}-1 · Article {ids['wang']} — Wang Yi à Astana" in reply.entries[0].body
    assert "Astana · held meeting · 1 source" in reply.entries[0].body
    assert "Moscow · planned meeting · 1 source" in reply.entries[1].body  # the article wrote Moscou: English replies say Moscow


@pytest.mark.parametrize("name", ["Tokaïev", "Tokayev", "tokaiev", "Kassym-Jomart Tokaïev", "kassym-jomart tokayev"])
def test_meetings_of_a_person_by_surname_and_other_spellings(store, ids, name):
    reply = run(store, "meetings", subject=name)
    assert reply.title == "Meetings of Kassym-Jomart Tokaïev"
    assert len(reply.entries) == 3


def test_meetings_of_a_person_ignore_meetings_without_them(store, ids):
    reply = run(store, "meetings", subject="Wang Yi")
    assert headings(reply) and all("Wang Yi" in h for h in headings(reply))
    assert len(reply.entries) == 1


def test_meetings_with_a_country_or_person(store, ids):
    with_china = run(store, "meetings", subject="kazakhstan", with_="china")
    assert with_china.title.endswith("with 🇨🇳 China")
    assert [h.split(" · ")[0] for h in headings(with_china)] == ["2024-05-20", "2022-09-14"]
    with_wang = run(store, "meetings", subject="kazakhstan", with_="Wang Yi")
    assert len(with_wang.entries) == 1 and "Wang Yi" in with_wang.entries[0].heading
    with_russia = run(store, "meetings", subject="Tokayev", with_="RU")
    assert len(with_russia.entries) == 1 and "Poutine" in with_russia.entries[0].heading
    nobody = run(store, "meetings", subject="kazakhstan", with_="france")
    assert not nobody.entries and nobody.summary.startswith("No meeting found")


def test_meetings_of_a_long_list_count_every_event_and_show_the_newest_200(store):
    days = [f"{2000 + n // 12}-{n % 12 + 1:02d}-10" for n in range(205)]
    for n, day in enumerate(days):
        status = "planned" if n % 5 == 0 else "held"
        add_article(store, f"Rencontre {n}", f"Tokaïev et Wang Yi, rencontre {n}.", published=day,
                    meetings=[meeting(TOKAIEV, WANG, date=day, place="Astana", status=status)],
                    countries=["KZ", "CN"], people=["Kassym-Jomart Tokaïev", "Wang Yi"])
    add_article(store, "Autre source", "Tokaïev et Wang Yi, encore.", published=days[3],  # a second report of one
                meetings=[meeting(TOKAIEV, WANG, date=days[3], place="Astana")], countries=["KZ", "CN"],
                people=["Kassym-Jomart Tokaïev", "Wang Yi"])
    reply = run(store, "meetings", subject="kazakhstan")
    assert reply.summary.startswith("205 meeting(s): 164 held, 41 planned, from 206 report(s). Newest first.")
    assert "The first 200 are shown" in reply.summary
    assert [h.split(" · ")[0] for h in headings(reply)] == sorted(days, reverse=True)[:200]
    assert "2 sources" not in everything(reply)  # the event of two reports is among the 5 oldest, not shown
    assert "2 sources" in everything(run(store, "meetings", subject="kazakhstan", until=days[10]))


def test_meetings_since_and_until(store, ids):
    def dates(**args):
        return [h.split(" · ")[0] for h in headings(run(store, "meetings", subject="kazakhstan", **args))]

    assert dates(since="2023") == ["2024-05-20", "2023-06"]
    assert dates(until="2023-12") == ["2023-06", "2022-09-14"]
    assert dates(since="2023-01", until="2023-12-31") == ["2023-06"]
    assert dates(since="2024-05-20") == ["2024-05-20"]
    assert dates(since="2025") == []


def test_meetings_bad_date_is_an_ephemeral_error(store, ids):
    reply = run(store, "meetings", subject="kazakhstan", since="last tuesday")
    assert reply.ephemeral and reply.tone == "error" and reply.title == "Bad date"
    assert "YYYY-MM-DD" in reply.summary


def test_unknown_subject_is_ephemeral_and_helpful(store, ids):
    typo = run(store, "meetings", subject="kazakhztan")
    assert typo.ephemeral and typo.tone == "error"
    assert "kazakhztan" in typo.summary and "did you mean" in typo.summary and "Kazakhstan" in typo.summary
    nonsense = run(store, "meetings", subject="Zorglub")
    assert nonsense.ephemeral and "Zorglub" in nonsense.summary
    # Suggestions are really close names, not anything that shares a few letters.
    assert "did you mean" not in run(store, "meetings", subject="Narnia").summary
    assert "Kassym-Jomart Tokaïev" in run(store, "quotes", speaker="Tokaiv").summary
    other = run(store, "meetings", subject="kazakhstan", with_="Zorglub")
    assert other.ephemeral and "Zorglub" in other.summary


def test_call_is_shown_as_a_call(store, ids):
    reply = run(store, "meetings", subject="France")
    assert len(reply.entries) == 1
    assert "by phone or video · held call · 1 source" in reply.entries[0].body


# -- /quotes --------------------------------------------------------------------------


def test_quotes_by_speaker(store, ids):
    reply = run(store, "quotes", speaker="Tokayev")
    assert reply.title == "Statements by Kassym-Jomart Tokaïev"
    assert reply.summary.startswith("2 statement(s): 2 direct, 0 reported")
    # Newest article first, direct words in guillemets, with their article.
    assert "« Le Kazakhstan adhère au principe d'une seule Chine »" in reply.entries[0].body
    assert reply.entries[0].heading.startswith("Kassym-Jomart Tokaïev 🇰🇿 · 2024-05-20 · said")
    assert f"Article {ids['putin']}" in reply.entries[1].body


def test_quotes_by_country_and_reported_speech(store, ids):
    reply = run(store, "quotes", speaker="china")
    assert reply.summary.startswith("2 statement(s): 1 direct, 1 reported")
    wang = next(e for e in reply.entries if e.heading.startswith("Wang Yi"))
    assert "reported" in wang.heading and "«" not in wang.body
    assert {e.heading.split(" ")[0] for e in reply.entries} == {"Wang", "Xi"}


def test_quotes_contains_and_since(store, ids):
    reply = run(store, "quotes", speaker="kazakhstan", contains="STRATEGIC")
    assert len(reply.entries) == 1 and "strategic partner" in reply.entries[0].body
    assert "containing 'STRATEGIC'" in reply.title
    assert len(run(store, "quotes", speaker="kazakhstan", since="2024").entries) == 1
    none = run(store, "quotes", speaker="Wang Yi", contains="Ukraine")
    assert not none.entries and none.summary.startswith("No statement found")


# -- /article -------------------------------------------------------------------------


def test_article_by_short_prefix(store, ids):
    full = run(store, "article", id=ids["wang"])
    short = run(store, "article", id=ids["wang"][:4].upper())
    assert full == short
    assert full.title == "Wang Yi à Astana" and full.footer == f"Article {ids['wang']}"
    assert "Published: 2024-05-20" in full.summary and "🇰🇿 Kazakhstan" in full.summary
    assert "1 meeting(s), 2 statement(s)." in full.summary
    assert len(full.entries) == 3


def test_article_shows_only_a_web_link(store):
    """An address stored by an older diplowatch (before only http and https were kept)."""
    from dataclasses import replace

    for url, shown in (("javascript:alert(document.cookie)", None), ("https://example.org/a", "https://example.org/a")):
        article = add_article(store, f"Lien {url[:5]}", f"texte {url}", published="2024-02-01")
        store.save_article(replace(article, url=url), f"texte {url}", [], [])
        summary = run(store, "article", id=article.id).summary
        assert (f"Link: {shown}" in summary) if shown else ("Link:" not in summary and "javascript" not in summary)


def test_article_unknown_and_ambiguous(store, ids):
    a = add_article(store, "one", "first text", published="2024-02-01", hash="abcd12" + "0" * 58)
    b = add_article(store, "two", "second text", published="2024-02-02", hash="abcd34" + "0" * 58)
    assert (a.id, b.id) == ("abcd12", "abcd34")
    ambiguous = run(store, "article", id="abcd")
    assert ambiguous.ephemeral and ambiguous.title == "Ambiguous id" and "2 articles" in ambiguous.summary
    assert run(store, "article", id="abcd3").title == "two"
    unknown = run(store, "article", id="ffffff")
    assert unknown.ephemeral and unknown.title == "Unknown article" and "ffffff" in unknown.summary
    # A few characters are enough when they name one article; several are listed to choose from.
    short = run(store, "article", id="abc")
    assert short.ephemeral and short.title == "Ambiguous id"
    assert "abcd12 · 2024-02-01 · one" in short.summary and "abcd34 · 2024-02-02 · two" in short.summary
    stored = [a.id for a in store.articles_newest()]
    wang = ids["wang"]
    shortest = next(wang[:n] for n in range(1, 7) if sum(i.startswith(wang[:n]) for i in stored) == 1)
    assert run(store, "article", id=shortest).title == "Wang Yi à Astana"


# -- /search --------------------------------------------------------------------------


def test_search_with_snippet(store, ids):
    reply = run(store, "search", words="ceinture ROUTE")
    assert reply.summary.startswith("1 article(s)")
    (entry,) = reply.entries
    assert entry.heading == "2024-05-20 · Wang Yi à Astana"
    snippet, ref = entry.body.rsplit("\n", 1)
    assert "Ceinture et la Route" in snippet and snippet.startswith("…") and snippet.endswith("…")
    assert ref == f"Article {ids['wang']}"
    assert run(store, "search", words="Tokaïev").summary.startswith("2 article(s)")
    assert not run(store, "search", words="Zorglub").entries
    empty = run(store, "search", words="  !  ")
    assert empty.ephemeral and empty.title == "Nothing to search"


def test_search_ignores_common_words_and_honours_quoted_phrases(store, ids):
    # "de", "la", "et" select nothing on their own: the rare word decides.
    assert run(store, "search", words="la ceinture de").summary.startswith("1 article(s)")
    common = run(store, "search", words="de la et")
    assert common.ephemeral and "too common" in common.summary
    # A phrase must appear as written (accents and case aside), not just its words.
    phrase = run(store, "search", words='"ceinture et la route"')
    assert phrase.summary.startswith("1 article(s)") and "Ceinture et la Route" in phrase.entries[0].body
    assert not run(store, "search", words='"la route et la ceinture"').entries
    assert run(store, "search", words='«corridor du milieu» Tokaïev').summary.startswith("1 article(s)")


# -- /timeline ------------------------------------------------------------------------


def test_timeline_by_month(store, ids):
    reply = run(store, "timeline", subject="kazakhstan")
    assert headings(reply) == ["2024-05", "2023-06", "2023-05", "2022-09"]
    may_2024 = reply.entries[0].body
    assert "Wang Yi" in may_2024 and "(held, meeting)" in may_2024 and "💬 1 statement(s)" in may_2024
    assert "🗓" in reply.entries[1].body and "(planned, meeting)" in reply.entries[1].body
    assert reply.entries[2].body == "💬 1 statement(s)"  # a statement, no meeting, that month
    assert reply.summary == "4 month(s), newest first."
    assert headings(run(store, "timeline", subject="kazakhstan", until="2023-05-31")) == ["2023-05", "2022-09"]
    with_china = run(store, "timeline", subject="kazakhstan", with_="china")
    # The June 2023 meeting was with Russia, and the statement of May 2023 was in an article
    # about Russia, not China: with "with", statements count only in articles about the other.
    assert headings(with_china) == ["2024-05", "2022-09"]
    assert "💬 1 statement(s)" in with_china.entries[0].body
    assert with_china.title == "Timeline of 🇰🇿 Kazakhstan and 🇨🇳 China"
    assert run(store, "timeline", subject="Zorglub").ephemeral
    assert run(store, "timeline", subject="Japan").summary == "Nothing recorded yet."



def test_timeline_of_a_long_list_names_the_newest_200_and_counts_older_months(store):
    days = [f"{2000 + n // 12}-{n % 12 + 1:02d}-10" for n in range(205)]  # one a month, 2000-01 to 2017-01
    for n, day in enumerate(days):
        add_article(store, f"Rencontre {n}", f"Tokaïev et Wang Yi, rencontre {n}.", published=day,
                    meetings=[meeting(TOKAIEV, WANG, date=day, place="Astana")],
                    countries=["KZ", "CN"], people=["Kassym-Jomart Tokaïev", "Wang Yi"])
    reply = run(store, "timeline", subject="kazakhstan")
    assert len(reply.entries) == 205 and "The newest 200 meetings are named" in reply.summary
    assert "Wang Yi" in reply.entries[199].body and reply.entries[199].heading == days[5][:7]
    assert [e.body for e in reply.entries[200:]] == ["🤝 1 more meeting(s)"] * 5
    narrowed = run(store, "timeline", subject="kazakhstan", until="2000-05")
    assert headings(narrowed) == ["2000-05", "2000-04", "2000-03", "2000-02", "2000-01"]
    assert all("Wang Yi" in e.body for e in narrowed.entries) and "newest 200" not in narrowed.summary
    assert headings(run(store, "timeline", subject="kazakhstan", since="2016-12")) == ["2017-01", "2016-12"]


# -- /status --------------------------------------------------------------------------


def test_status_counts_and_quarantined_files(store, ids):
    store.quarantine(Quarantined(path="/drop/broken.pdf", reason="not a PDF it can read", size=10, mtime=1.0, at="2024-06-01T00:00:00+00:00"))
    store.set_state("last_ingest_at", "2024-06-01T10:00:00+00:00")
    ctx = Context(store=store, next_digest=datetime(2024, 6, 3, 7, 0, tzinfo=UTC), loading=True)
    reply = registry.run("status", ctx, {})
    assert "Articles: 4 · meetings: 5 · statements: 4" in reply.summary
    # Times are moments each transport shows its own way: Discord as <t:…> in the reader's zone.
    last, following = int(datetime(2024, 6, 1, 10, tzinfo=UTC).timestamp()), int(datetime(2024, 6, 3, 7, tzinfo=UTC).timestamp())
    discord_text = pages_of(reply)[0].description
    assert f"Last ingest: <t:{last}:f> (<t:{last}:R>)" in discord_text
    assert f"Next digest: <t:{following}:f> (<t:{following}:R>)" in discord_text
    console_text = reply_to_text(reply)  # the console: dates in the terminal's zone, "… ago"
    assert "\ue000" not in console_text and "Last ingest: Sat 01 Jun 2024" in console_text and " ago)" in console_text
    assert "Quarantined files: 1" in reply.summary
    assert "still loading" in reply.summary
    assert [(e.heading, e.body) for e in reply.entries] == [("broken.pdf", "not a PDF it can read")]


def test_status_of_an_empty_store(store):
    reply = run(store, "status")
    assert "Articles: 0" in reply.summary and "Last ingest: never" in reply.summary and not reply.entries


# -- /watch ---------------------------------------------------------------------------


def test_watch_needs_an_admin(store, ids):
    assert all(COMMANDS[f"watch {action}"].admin for action in ("add", "remove", "list"))
    refused = run(store, "watch add", subject="kazakhstan")
    assert refused.ephemeral and refused.title == "Not allowed"
    assert store.watches() == []


def test_watch_add_list_remove(store, ids):
    added = run(store, "watch add", is_admin=True, subject="kazakh")
    assert added.ephemeral and added.tone == "success" and "Kazakhstan" in added.summary
    assert store.watches() == [(42, "country:KZ")]
    again = run(store, "watch add", is_admin=True, subject="KZ")
    assert again.summary.startswith("Already watching")
    run(store, "watch add", is_admin=True, subject="Tokayev")
    assert store.watches() == [(42, "country:KZ"), (42, "person:Kassym-Jomart Tokaïev")]
    run(store, "watch add", is_admin=True, channel_id=99, subject="china")
    listed = run(store, "watch list", is_admin=True)
    assert listed.summary == "This channel follows: 🇰🇿 Kazakhstan, Kassym-Jomart Tokaïev"
    removed = run(store, "watch remove", is_admin=True, subject="kazakhstan")
    assert removed.summary.startswith("Stopped watching")
    assert run(store, "watch remove", is_admin=True, subject="kazakhstan").summary.startswith("This channel was not")
    elsewhere = run(store, "watch list", is_admin=True, channel_id=77)
    assert "follows nothing" in elsewhere.summary
    unknown = run(store, "watch add", is_admin=True, subject="Zorglub")
    assert unknown.ephemeral and unknown.tone == "error"
    missing = run(store, "watch add", is_admin=True)
    assert missing.title == "Bad arguments" and "needs subject" in missing.summary


# -- /help ----------------------------------------------------------------------------


def test_help_lists_every_command(store):
    reply = run(store, "help")
    assert reply.ephemeral
    listed = [h.split(" <")[0].split(" [")[0] for h in headings(reply)]
    assert listed == [f"/{name}" for name in COMMANDS]  # digest, watch and reingest included
    meetings = next(e for e in reply.entries if e.heading.startswith("/meetings"))
    assert meetings.heading == "/meetings <subject> [with] [since] [until]"
    assert next(e for e in reply.entries if e.heading.startswith("/watch add")).heading == "/watch add <subject>"
    assert next(e for e in reply.entries if e.heading.startswith("/reingest")).body.endswith("(admin)")


# -- paging of long answers -----------------------------------------------------------


def test_long_answer_pages_keep_every_entry_in_order(store):
    people = [person(f"Envoy Number{i:02d}", "FR") for i in range(30)]
    add_article(
        store,
        "Many meetings",
        "A long week of talks.",
        published="2024-03-01",
        meetings=[meeting(TOKAIEV, p, date=f"2024-03-{i + 1:02d}", place="Astana") for i, p in enumerate(people)],
    )
    reply = run(store, "meetings", subject="kazakhstan")
    assert len(reply.entries) == 30
    pages = pages_of(reply)
    assert len(pages) >= 4
    assert [f[0] for page in pages for f in page.fields] == headings(reply)
    assert pages[0].fields[0][0].startswith("2024-03-30")
    assert [p.footer for p in pages] == [f"Page {i}/{len(pages)}" for i in range(1, len(pages) + 1)]


# -- console parsing ------------------------------------------------------------------


def test_console_parses_slash_lines():
    assert parse_command("/meetings kazakhstan with:china") == ("meetings", {"subject": "kazakhstan", "with_": "china"})
    assert parse_command("/quotes Wang Yi") == ("quotes", {"speaker": "Wang Yi"})
    assert parse_command('/meetings "Kassym-Jomart Tokaïev" since:2024-01 until:2024-06') == (
        "meetings",
        {"subject": "Kassym-Jomart Tokaïev", "since": "2024-01", "until": "2024-06"},
    )
    assert parse_command("/quotes Wang Yi contains:Chine") == ("quotes", {"speaker": "Wang Yi", "contains": "Chine"})
    assert parse_command("/status") == ("status", {})
    assert parse_command("/watch list") == ("watch list", {})
    assert parse_command("/watch add subject:kazakhstan") == ("watch add", {"subject": "kazakhstan"})


def test_console_parses_watch_action_and_subject():
    assert parse_command("/watch add kazakhstan") == ("watch add", {"subject": "kazakhstan"})
    assert "needs one of: add, remove, list" in parse_command("/watch")


def test_console_parse_errors_say_what_to_do():
    assert "start with /" in parse_command("meetings kazakhstan")
    assert "Unknown command /zorglub" in parse_command("/zorglub")
    assert "needs subject" in parse_command("/meetings")
    assert "no more arguments" in parse_command("/status now")
    assert "Cannot read" in parse_command('/quotes "Wang Yi')
    assert parse_command("/meetings kazakhstan foo:bar") == "/meetings has no option foo. Type /help."
    assert "given twice" in parse_command("/meetings kazakhstan since:2020 since:2021")
    assert parse_command("/search https://example.org 10:30") == ("search", {"words": "https://example.org 10:30"})
    # A first option with choices takes the first word when it is one of them.
    assert parse_command("/export meetings kazakhstan") == ("export", {"what": "meetings", "subject": "kazakhstan"})
    assert parse_command("/export quotes Wang Yi since:2024") == (
        "export", {"what": "quotes", "subject": "Wang Yi", "since": "2024"})


def test_answers_given_while_files_are_still_read_say_so(store, ids):
    """Right after start the first scan is still reading the folder: an empty answer then is
    not the truth yet, and every answer says how many files are to go."""
    reading = Context(store=store, pending=37)
    for name, args in (("meetings", {"subject": "japan"}), ("meetings", {"subject": "kazakhstan"}), ("status", {})):
        reply = registry.run(name, reading, args)
        assert "Still reading the drop folder: 37 file(s) to go" in reply.footer, name
    assert "Still reading" not in run(store, "meetings", subject="japan").footer
