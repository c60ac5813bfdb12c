"""The weekly digest: what came in since the last one, as replies and a picture.

The scheduled digest covers the articles *ingested* in a period [since, until), so that two
digests never cover the same article twice; the meetings in it are shown with their own
dates. A period asked for by its dates (/digest since until, `diplowatch digest --since
--until`) is about what *happened* in it instead: see `records_happened`.
Meetings are counted as events (encounters), not as reports: five articles about one
visit are one meeting "from 5 reports", and an encounter first reported in an earlier
period that a new article reports again is counted, and said to be a new source.
Ingestion times are whole seconds, so the ends of a posted period are whole seconds too.
The end of the last digest is kept in the store (`last_digest_at`), which makes the
schedule survive downtime: see `catch_up`, and DIGEST.md for the rules in plain words.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from diplowatch import dates
from diplowatch.config import DAY_NAMES
from diplowatch.events import Event
from diplowatch.names import fold
from diplowatch.records import Article, Meeting, Quote
from handlers.entries import country_label, event_entry, flag, no_place, place_label, quote_entry, unnamed, what, when
from handlers.notable import is_institution, notable_quotes, role_tier
from handlers.picture import country_name, draw_picture
from handlers.replies import Attachment, Entry, Reply
from handlers.words import current, tr
from storage import Store

STATE_KEY = "last_digest_at"
Basis = Literal["arrived", "happened"]  # what a period's records are: see weekly_digest

# Discord packs at most 25 fields in an embed and 6000 characters in a message: a reply
# of a few bounded entries always fits, and the formatter never has to cut a record.
ENTRIES_PER_REPLY = 8
MAX_PAIRS = 24
MEETINGS_PER_PAIR = 5
TOP_COUNTRIES = 8
TOP_SPEAKERS = 5
QUOTE_CHARS = 300


# The first instant every time zone can convert to UTC and back (datetime.min is not).
EARLIEST = datetime(1, 1, 3, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Period:
    since: datetime
    until: datetime

    @property
    def before(self) -> Period:
        """The period of the same length just before, for the change in counts (from the first
        day a date can be, for a period that starts in the first centuries)."""
        try:
            return Period(self.since - (self.until - self.since), self.since)
        except OverflowError:
            return Period(EARLIEST.astimezone(self.since.tzinfo or UTC), self.since)


# -- the exactly-once rule ----------------------------------------------------------


def _hour_minute(value: str) -> tuple[int, int]:
    hours, _, minutes = value.partition(":")
    return int(hours), int(minutes)


def last_slot(now: datetime, day: str, at: str, tz: str) -> datetime:
    """The latest scheduled time at or before `now`, in the schedule's time zone."""
    zone = ZoneInfo(tz)
    local = now.astimezone(zone)
    hour, minute = _hour_minute(at)
    back = (local.weekday() - DAY_NAMES.index(day[:3].lower())) % 7
    for weeks in (0, 1):
        # Built from the local date, so 09:00 stays 09:00 across a change of daylight saving.
        slot = datetime.combine(local.date() - timedelta(days=back + 7 * weeks), time(hour, minute), zone)
        if slot.astimezone(UTC) <= now.astimezone(UTC):
            return slot
    raise AssertionError("unreachable: a week earlier is always in the past")


def catch_up(last_digest_at: datetime | None, now: datetime, day: str, time: str, tz: str) -> Period | None:
    """The digest to post now, if one is due; None if the latest one was already posted.

    A digest is due when a scheduled time has passed since the last digest ended. Then
    one digest covers everything since the last one, however many weeks were missed.
    Without any digest yet there is nothing to catch up (`initial_marker` starts the count).
    """
    if last_digest_at is None:
        return None
    if last_digest_at.astimezone(UTC) >= last_slot(now, day, time, tz).astimezone(UTC):
        return None
    return Period(last_digest_at.astimezone(ZoneInfo(tz)), now.astimezone(ZoneInfo(tz)))


def initial_marker(now: datetime, day: str, time: str, tz: str) -> datetime:
    """Where digests start on a fresh database: the scheduled time before the first start,
    so that the first digest covers a week, not the whole archive."""
    return last_slot(now, day, time, tz)


def read_marker(store: Store) -> datetime | None:
    value = store.get_state(STATE_KEY)
    return _parse_time(value) if value else None


def record_digest(store: Store, until: datetime) -> None:
    """Remember that articles ingested before `until` (whole seconds) have been in a digest."""
    store.set_state(STATE_KEY, until.astimezone(UTC).isoformat(timespec="seconds"))


def _parse_time(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


# -- the content ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Week:
    """The records of one period, read from the store once."""

    articles: dict[str, Article]
    meetings: tuple[Meeting, ...]  # as reported, one per article
    quotes: tuple[Quote, ...]
    events: tuple[Event, ...] = ()  # the encounters those reports are about, each once
    speakers: dict[int, tuple[str, str]] | None = None  # id(quote) -> (person key, display name)
    since: str = ""  # the period's start (UTC ISO): events first seen before are new sources


def records_between(store: Store, period: Period, basis: Basis = "arrived") -> Week:
    """The records of a period: those that arrived in it, or those that happened in it."""
    if basis == "happened":
        return records_happened(store, period)
    since, until = period.since.astimezone(UTC), period.until.astimezone(UTC)
    chosen = {
        a.id: a
        for a in store.articles_where(lambda a: since <= _parse_time(a.ingested_at).astimezone(UTC) < until)
    }
    meetings = tuple(m for article_id in chosen for m in store.meetings_of_article(article_id))
    quotes = tuple(q for article_id in chosen for q in store.quotes_of_article(article_id))
    events = store.events_of_articles(chosen)
    return Week(chosen, meetings, quotes, events, _speakers_of(store, quotes), since.isoformat(timespec="seconds"))


def _speakers_of(store: Store, quotes: Iterable[Quote]) -> dict[int, tuple[str, str]]:
    people = store.people()
    speakers = {}
    for quote in quotes:
        if quote.speaker:
            key = store.person_in(quote.article_id, quote.speaker)
            speakers[id(quote)] = (key, people.get(key, quote.speaker))
    return speakers


def days_of(period: Period) -> tuple[date, date]:
    """The first and the last day a period touches, in the time zone of its end."""
    zone = period.until.tzinfo or UTC
    return period.since.astimezone(zone).date(), (period.until.astimezone(zone) - timedelta(seconds=1)).date()


def overlaps(value: str | None, first: date, last: date) -> bool:
    """Whether a date of any precision ("2024", "2024-05", "2024-05-20") meets the days
    first..last: "May 2024" is in a period of 1–15 May."""
    if not value:
        return False
    return first.isoformat()[: len(value)] <= value <= last.isoformat()[: len(value)]


def happened_on(event: Event) -> str:
    """An event's own date; undated, its first article's publication date, else arrival."""
    published = [s.published for s in event.sources if s.published]
    return event.date or (min(published) if published else event.first_seen[:10])


def records_happened(store: Store, period: Period) -> Week:
    """What happened in a period, whenever it was reported: the meetings by their own dates
    (else their first article's), statements and articles by publication (else arrival,
    the only date an undated article has)."""
    first, last = days_of(period)
    everything = store.articles_where(lambda a: True)
    chosen = {a.id: a for a in everything if overlaps(a.published or a.ingested_at[:10], first, last)}
    events = tuple(
        e for e in store.events_of_articles(a.id for a in everything) if overlaps(happened_on(e), first, last)
    )
    meetings = tuple(s.meeting for e in events for s in e.sources)
    quotes = tuple(q for article_id in chosen for q in store.quotes_of_article(article_id))
    return Week(chosen, meetings, quotes, events, _speakers_of(store, quotes))


def weekly_digest(
    store: Store, since: datetime, until: datetime, *, now: datetime, picture: bool = True, basis: Basis = "arrived"
) -> list[Reply]:
    """The digest of a period, as several bounded replies.

    "arrived" (the scheduled digest, and /digest without dates): the articles ingested in
    [since, until), so two digests never cover an article twice. "happened" (a period asked
    for by its dates): the meetings and statements of those days, whenever they arrived (see
    `records_happened`), titled by its dates, never as a week. The first reply says which in
    one line, then has the counts against the period before, the countries by activity and
    the picture of the meeting network; then the meetings by country pair, who spoke most,
    the notable statements and the planned meetings still to come. Times are shown in the
    time zone of `until`.
    """
    period = Period(since, until)
    week = records_between(store, period, basis)
    before = records_between(store, period.before, basis)
    when = span(period) if basis == "arrived" else days_label(period)
    title = tr("Weekly digest · {when}", when=when) if basis == "arrived" else tr("Digest {when}", when=when)
    if not week.articles and not week.events:
        nothing = tr("No article arrived") if basis == "arrived" else tr("Nothing dated")
        return [
            Reply(
                title=tr("{title} · quiet week", title=title) if basis == "arrived" else title,
                summary=f"{basis_line(period, basis)}\n" + tr(
                    "{nothing} in this period (previous period: {before}).", nothing=nothing,
                    before=counted(len(before.articles), "article")),
                tone="digest",
            )
        ]
    replies = [_overview(week, before, period, title, basis, picture)]
    replies += _pairs(week)
    replies += _speakers(week)
    replies += _planned(week, now.astimezone(until.tzinfo or UTC).date())
    return replies


def basis_line(period: Period, basis: Basis) -> str:
    """What the digest is about, in one line."""
    if basis == "arrived":
        since = period.since.astimezone(period.until.tzinfo or UTC)
        return tr("Arrived since the last digest ({moment})", moment=dates.day_words(since, current(), year=False, clock=True))
    first, last = days_of(period)
    return tr("Happened between {first} and {last} (by their own dates)",
              first=dates.day_words(first, current(), year=False), last=dates.day_words(last, current()))


def days_label(period: Period) -> str:
    """A period by its days: "1–15 May 2024", "28 April – 3 May 2024", "15 May 2024"."""
    first, last = days_of(period)
    language = current()

    def month(d: date, year: bool = True) -> str:  # the machine's locale plays no part
        name = dates.month_name(d.month, language)
        return f"{name} {d.year}" if year else name

    if first == last:
        return f"{last.day} {month(last)}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {month(last)}"
    if first.year == last.year:
        return f"{first.day} {month(first, False)} – {last.day} {month(last)}"
    return f"{first.day} {month(first)} – {last.day} {month(last)}"


def span(period: Period) -> str:
    zone = period.until.tzinfo or UTC
    start, end = period.since.astimezone(zone), period.until.astimezone(zone)
    return f"{dates.moment_words(start, current())} → {dates.moment_words(end, current())}"


_COUNTED = {
    "article": ("{n} article", "{n} articles"),
    "meeting": ("{n} meeting", "{n} meetings"),
    "statement": ("{n} statement", "{n} statements"),
}


def counted(n: int, word: str) -> str:
    """"1 article", "34 articles", in the current language."""
    one, many = _COUNTED[word]
    return tr(one, n=n) if n == 1 else tr(many, n=n)


def _earlier(week: Week) -> list[Event]:
    """The week's events that an article of an earlier period reported first."""
    return [e for e in week.events if _parse_time(e.first_seen) < _parse_time(week.since)] if week.since else []


def _overview(week: Week, before: Week, period: Period, title: str, basis: Basis, picture: bool) -> Reply:
    events = week.events
    held = sum(e.status == "held" for e in events)
    direct = sum(q.kind == "direct" for q in week.quotes)
    reports = tr(" (from {n} reports)", n=len(week.meetings)) if len(week.meetings) != len(events) else ""
    earlier = _earlier(week)
    summary = "\n".join(
        line for line in (
            basis_line(period, basis),
            tr("{articles} (previous period: {n})", articles=counted(len(week.articles), "article"), n=len(before.articles)),
            tr("{meetings}{reports}: {held} held, {planned} planned (previous period: {n})",
               meetings=counted(len(events), "meeting"), reports=reports, held=held, planned=len(events) - held,
               n=len(before.events)),
            tr("New sources for meetings reported before this period: {n}", n=len(earlier)) if earlier else "",
            tr("{statements}: {direct} direct, {reported} reported (previous period: {n})",
               statements=counted(len(week.quotes), "statement"), direct=direct, reported=len(week.quotes) - direct,
               n=len(before.quotes)),
        ) if line
    )
    attachments: tuple[Attachment, ...] = ()
    image = None
    if picture and any(e.countries for e in events):
        stamp = period.until.strftime("%Y-%m-%d")
        image = f"meetings-{stamp}.png"
        png = draw_picture(events, title=f"{tr('Meetings')} · {when}").png
        attachments = (Attachment(image, png, tr("The period's meetings: who met whom, and how often")),)
    counting = (
        tr("Articles are counted by the time they arrived.") if basis == "arrived"
        else tr("Meetings are counted by their own dates, statements and articles by publication.")
    )
    return Reply(
        title=title,
        summary=summary,
        entries=tuple(_country_entries(week)),
        footer=tr("Countries by activity above. {counting}", counting=counting),
        tone="digest",
        attachments=attachments,
        image=image,
    )


def country_activity(week: Week) -> list[tuple[str, int, int, int]]:
    """(country, meetings, statements, articles), the most meetings and statements first."""
    meetings: Counter[str] = Counter(c for e in week.events for c in e.countries)
    statements: Counter[str] = Counter(q.speaker_country for q in week.quotes if q.speaker_country)
    articles: Counter[str] = Counter(c for a in week.articles.values() for c in set(a.countries))
    codes = set(meetings) | set(statements) | set(articles)
    rows = [(c, meetings[c], statements[c], articles[c]) for c in codes]
    return sorted(rows, key=lambda r: (-(r[1] + r[2]), -r[3], r[0]))


def _country_entries(week: Week) -> list[Entry]:
    return [
        Entry(heading=country_label(code), body=tr("{m} meeting(s) · {s} statement(s) · {a} article(s)", m=m, s=s, a=a))
        for code, m, s, a in country_activity(week)[:TOP_COUNTRIES]
    ]


def _pair_label(codes: frozenset[str]) -> str:
    if not codes:
        return tr("Countries not identified")
    names = [country_label(c) for c in sorted(codes, key=lambda c: fold(country_name(c)))]
    if len(names) == 1:
        return tr("{country} with an unidentified partner", country=names[0])
    return " ↔ ".join(names)


def _newest(events: Iterable[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.sort_date, e.id), reverse=True)


def _event_line(event: Event, earlier: set[str]) -> str:
    people = ", ".join(p.name or p.role or unnamed() for p in event.participants)
    where = place_label(event.place) or no_place(event.kind)
    date = when(event) if event.other_dates else event.date or tr("date unknown")
    line = f"{date} · {what(event)} · {where} · {people}"
    if len(line) > 150:
        line = line[:149] + "…"
    if len(event.sources) == 1:
        return f"{line} ({tr('article {id}', id=event.sources[0].article_id)})"
    note = tr(" (new source for a meeting reported earlier)") if event.id in earlier else ""
    return f"{line} ({tr('{n} sources, event {id}', n=len(event.sources), id=event.id)}){note}"


def _pairs(week: Week) -> list[Reply]:
    groups: dict[frozenset[str], list[Event]] = defaultdict(list)
    for event in week.events:
        groups[event.countries].append(event)
    by_label = sorted(groups.items(), key=lambda g: fold(_pair_label(g[0])))
    ordered = sorted(by_label, key=lambda g: max(e.sort_date for e in g[1]), reverse=True)
    entries = []
    earlier = {e.id for e in _earlier(week)}
    for codes, meetings in ordered[:MAX_PAIRS]:
        held = sum(m.status == "held" for m in meetings)
        newest = _newest(meetings)
        lines = [_event_line(e, earlier) for e in newest[:MEETINGS_PER_PAIR]]
        if len(newest) > MEETINGS_PER_PAIR:
            lines.append(tr("… and {n} more: ask /meetings", n=len(newest) - MEETINGS_PER_PAIR))
        entries.append(
            Entry(
                heading=_pair_label(codes) + " · " + tr("{n} meeting(s): {held} held, {planned} planned", n=len(meetings),
                                                         held=held, planned=len(meetings) - held),
                body="\n".join(lines),
            )
        )
    left = len(ordered) - MAX_PAIRS
    footer = tr("{n} more pair(s) not shown: ask /meetings <country>.", n=left) if left > 0 else ""
    return _chunked(tr("Meetings by country pair, newest first"), entries, footer)


def _chunked(title: str, entries: Sequence[Entry], footer: str = "") -> list[Reply]:
    chunks = [entries[i : i + ENTRIES_PER_REPLY] for i in range(0, len(entries), ENTRIES_PER_REPLY)]
    replies = []
    for n, chunk in enumerate(chunks, 1):
        numbered = f"{title} ({n}/{len(chunks)})" if len(chunks) > 1 else title
        replies.append(
            Reply(title=numbered, entries=tuple(chunk), tone="digest", footer=footer if n == len(chunks) else "")
        )
    return replies


def _speakers(week: Week) -> list[Reply]:
    """Who spoke most: people counted through the registry, so "Tokayev" and "Tokaïev" are one."""
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    names: dict[str, str] = {}
    for quote in week.quotes:
        if quote.speaker and not is_institution(quote.speaker):
            key, name = (week.speakers or {}).get(id(quote), (fold(quote.speaker), quote.speaker))
            by_speaker[key].append(quote)
            names[key] = name
    ranked = sorted(by_speaker.items(), key=lambda kq: (-len(kq[1]), min(role_tier(q) for q in kq[1]), names[kq[0]]))
    speakers = []
    for key, quotes in ranked[:TOP_SPEAKERS]:
        name = names[key]
        country = Counter(q.speaker_country for q in quotes if q.speaker_country).most_common(1)
        role = Counter(q.speaker_role for q in quotes if q.speaker_role).most_common(1)
        direct = sum(q.kind == "direct" for q in quotes)
        tag = f" {flag(country[0][0])}" if country else ""
        body = "\n".join(
            x for x in (role[0][0] if role else "", tr("{direct} direct, {reported} reported", direct=direct,
                                                       reported=len(quotes) - direct)) if x
        )
        speakers.append(Entry(heading=f"{name}{tag} · {tr('{n} statement(s)', n=len(quotes))}", body=body))
    notable = [
        quote_entry(_shortened(q), week.articles.get(q.article_id))
        for q in notable_quotes(week.quotes, week.articles, speaker_key=lambda q: _speaker_key(week, q))
    ]
    replies = []
    if speakers:
        replies += _chunked(tr("Who spoke most"), speakers)
    if notable:
        replies += _chunked(
            tr("Notable statements"),
            notable,
            tr("Heads of state and government first, then ministers; direct before reported; people before institutions."),
        )
    return replies


def _speaker_key(week: Week, quote: Quote) -> str:
    return (week.speakers or {}).get(id(quote), (fold(quote.speaker or ""), ""))[0]


def _shortened(quote: Quote) -> Quote:
    if len(quote.text) <= QUOTE_CHARS:
        return quote
    cut = quote.text[:QUOTE_CHARS].rsplit(" ", 1)[0]
    return replace(quote, text=cut + " […]")


def still_to_come(meetings: Iterable, today: date) -> list:
    """Planned meetings or events dated today or later (a month or year counts while it
    lasts), soonest first; an event some source reports held is not planned any more."""
    day = today.isoformat()
    found = [m for m in meetings if m.status == "planned" and m.date and m.date >= day[: len(m.date)]]
    return sorted(found, key=lambda m: m.date)


def _planned(week: Week, today: date) -> list[Reply]:
    upcoming = still_to_come(week.events, today)
    entries = [event_entry(e, week.articles.get) for e in upcoming]
    return _chunked(tr("Planned meetings still to come, soonest first"), entries)
