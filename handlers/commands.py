"""The slash commands, answered the same way in Discord, in the console and in tests.

Each command is a plain function of a `Context` and its typed arguments that returns a
`Reply`. `COMMANDS` describes them (names, parameters, admin or not) for the console's
parser and the help text; the Discord command tree mirrors it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from diplowatch import countries, dates
from diplowatch.names import matches_person
from diplowatch.records import Article, Meeting, Quote
from handlers.replies import Entry, Reply, error
from handlers.subjects import Subject, UnknownSubject, country_label, resolve_subject
from storage import AmbiguousId, Store
from storage.text_index import fold_text, terms

STATUS_MARK = {"held": "held", "planned": "planned"}
KIND_LABEL = {"meeting": "meeting", "call": "call", "talks": "talks"}


@dataclass
class Context:
    store: Store
    is_admin: bool = False
    channel_id: int | None = None
    alert_channel_id: int | None = None
    next_digest: str | None = None
    loading: bool = False  # the language model is still loading
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    description: str
    required: bool = False
    kind: str = "text"  # subject | country | date | text | id | action


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    description: str
    run: Callable[..., Reply]
    params: tuple[Param, ...] = ()
    admin: bool = False


# -- rendering records as entries -------------------------------------------------


def flag(code: str | None) -> str:
    country = countries.by_code(code) if code else None
    return country.flag if country else ""


def participant_line(meeting: Meeting) -> str:
    parts = []
    for p in meeting.participants:
        who = p.name or (p.role or "unnamed")
        tag = f" ({p.country})" if p.country else ""
        parts.append(f"{flag(p.country)} {who}{tag}".strip())
    return " ↔ ".join(parts)


def article_ref(article: Article | None) -> str:
    if article is None:
        return ""
    return f"Article {article.id} — {article.title}"


def meeting_entry(meeting: Meeting, article: Article | None) -> Entry:
    roles = "; ".join(
        f"{p.name or 'unnamed'}: {p.role}" for p in meeting.participants if p.role
    )
    where = meeting.place or ("by phone or video" if meeting.kind == "call" else "place not stated")
    body = "\n".join(
        line
        for line in (
            roles,
            f"{where} · {STATUS_MARK[meeting.status]} · {KIND_LABEL[meeting.kind]}",
            article_ref(article),
        )
        if line
    )
    return Entry(heading=f"{meeting.date or 'date unknown'} · {participant_line(meeting)}", body=body)


def quote_entry(quote: Quote, article: Article | None) -> Entry:
    speaker = quote.speaker or "unattributed"
    tag = f" {flag(quote.speaker_country)}" if quote.speaker_country else ""
    when = (article.published if article else None) or "date unknown"
    text = f"« {quote.text} »" if quote.kind == "direct" else quote.text
    label = "said" if quote.kind == "direct" else "reported"
    return Entry(heading=f"{speaker}{tag} · {when} · {label}", body=f"{text}\n{article_ref(article)}")


def person_keys(store: Store, name: str) -> list[str]:
    """The index keys of every spelling of this person the store has seen."""
    return [key for key, known in store.people.items() if matches_person(name, known)]


def quotes_of(store: Store, who: Subject) -> list[Quote]:
    """Statements by a person (every spelling) or by a country's speakers, from the indexes."""
    if who.kind == "country":
        return store.quotes_by_country.get(who.value, [])
    return _unique(q for key in person_keys(store, who.value) for q in store.quotes_by_speaker.get(key, ()))


def _unique(records) -> list:
    seen: set[int] = set()
    return [r for r in records if not (id(r) in seen or seen.add(id(r)))]


def _newest_first(items, key):
    return sorted(items, key=lambda item: key(item) or "", reverse=True)


def _subject_or_error(ctx: Context, text: str) -> Subject | Reply:
    try:
        return resolve_subject(ctx.store, text)
    except UnknownSubject as exc:
        return error(str(exc), title="Unknown name")


def _pair_or_error(ctx: Context, subject: str, with_: str | None) -> tuple[Subject, Subject | None] | Reply:
    """The subject of a command and the optional other party ("with:")."""
    who = _subject_or_error(ctx, subject)
    if isinstance(who, Reply):
        return who
    other = _subject_or_error(ctx, with_) if with_ else None
    if isinstance(other, Reply):
        return other
    return who, other


def _date_or_error(value: str | None, name: str) -> str | None | Reply:
    if not value:
        return None
    try:
        return dates.parse_user_date(value)
    except ValueError as exc:
        return error(f"{name}: {exc}", title="Bad date")


# -- commands -----------------------------------------------------------------


def meetings_involving(ctx: Context, subject: Subject, other: Subject | None, since, until) -> list[Meeting]:
    store = ctx.store
    if subject.kind == "country":
        pool = store.meetings_by_country.get(subject.value, [])
    else:
        pool = _unique(m for key in person_keys(store, subject.value) for m in store.meetings_by_person.get(key, ()))
    found = []
    for meeting in pool:
        if not any(subject.matches_participant(p.name, p.country) for p in meeting.participants):
            continue
        if other and not any(
            other.matches_participant(p.name, p.country)
            and not subject.matches_participant(p.name, p.country)
            for p in meeting.participants
        ):
            continue
        if not dates.covers(meeting.date, since, until):
            continue
        found.append(meeting)
    return _newest_first(found, lambda m: m.date)


def meetings(ctx: Context, subject: str, with_: str | None = None, since: str | None = None, until: str | None = None) -> Reply:
    pair = _pair_or_error(ctx, subject, with_)
    if isinstance(pair, Reply):
        return pair
    who, other = pair
    since_d, until_d = _date_or_error(since, "since"), _date_or_error(until, "until")
    for value in (since_d, until_d):
        if isinstance(value, Reply):
            return value
    found = meetings_involving(ctx, who, other, since_d, until_d)
    title = f"Meetings of {who.label}" + (f" with {other.label}" if other else "")
    if not found:
        return Reply(title=title, summary="No meeting found." + _loading_note(ctx))
    store = ctx.store
    held = sum(m.status == "held" for m in found)
    return Reply(
        title=title,
        summary=f"{len(found)} meeting(s): {held} held, {len(found) - held} planned. Newest first.",
        entries=tuple(meeting_entry(m, store.articles.get(m.article_id)) for m in found),
    )


def quotes(ctx: Context, speaker: str, contains: str | None = None, since: str | None = None) -> Reply:
    who = _subject_or_error(ctx, speaker)
    if isinstance(who, Reply):
        return who
    since_d = _date_or_error(since, "since")
    if isinstance(since_d, Reply):
        return since_d
    store = ctx.store
    pool = quotes_of(store, who)
    needle = (contains or "").casefold()
    found = []
    for quote in pool:
        article = store.articles.get(quote.article_id)
        if needle and needle not in quote.text.casefold():
            continue
        if since_d and not dates.covers(article.published if article else None, since_d, None):
            continue
        found.append(quote)
    found = _newest_first(found, lambda q: store.articles[q.article_id].published if q.article_id in store.articles else None)
    title = f"Statements by {who.label}" + (f" containing '{contains}'" if contains else "")
    if not found:
        return Reply(title=title, summary="No statement found." + _loading_note(ctx))
    direct = sum(q.kind == "direct" for q in found)
    return Reply(
        title=title,
        summary=f"{len(found)} statement(s): {direct} direct, {len(found) - direct} reported.",
        entries=tuple(quote_entry(q, store.articles.get(q.article_id)) for q in found),
    )


def article(ctx: Context, id: str) -> Reply:
    try:
        found = ctx.store.article(id)
    except AmbiguousId as exc:
        return error(str(exc), title="Ambiguous id")
    if found is None:
        return error(f"No article with id '{id}'. Ids are shown in alerts and in /meetings.", title="Unknown article")
    store = ctx.store
    countries_line = ", ".join(country_label(c) for c in found.countries) or "none found"
    sources = ", ".join(s.path.rsplit("/", 1)[-1] for s in found.sources)
    entries = [meeting_entry(m, None) for m in store.meetings.get(found.id, ())]
    entries += [quote_entry(q, None) for q in store.quotes.get(found.id, ())]
    summary = "\n".join(
        line
        for line in (
            f"Published: {found.published or 'unknown'} · language: {found.language} · {found.words} words",
            f"Countries: {countries_line}",
            f"People: {', '.join(found.people[:12])}" if found.people else "",
            f"File: {sources}",
            f"Link: {found.url}" if found.url else "",
            f"{len(store.meetings.get(found.id, ()))} meeting(s), {len(store.quotes.get(found.id, ()))} statement(s).",
            *(f"Note: {w}" for w in found.warnings),
        )
        if line
    )
    return Reply(title=found.title or found.id, summary=summary, entries=tuple(entries), footer=f"Article {found.id}")


def _words(text: str) -> list[str]:
    return sorted(terms(text), key=len, reverse=True)


SEARCH_LIMIT = 25


def search(ctx: Context, words: str) -> Reply:
    terms = _words(words)
    if not terms:
        return error("Give one or more words to search for.", title="Nothing to search")
    store = ctx.store
    total, newest = store.search(words, SEARCH_LIMIT)
    found = [store.articles[i] for i in newest if i in store.articles]
    entries = []
    for article_ in found[:SEARCH_LIMIT]:
        entries.append(Entry(heading=f"{article_.published or 'undated'} · {article_.title}",
                             body=f"{_snippet(store.text(article_.id), terms)}\nArticle {article_.id}"))
    title = f"Articles mentioning '{words}'"
    notes = []
    if not store.text_index_ready:
        notes.append("The search index is still being built: results may be incomplete.")
    if not entries:
        return Reply(title=title, summary=" ".join(["No article matches.", *notes]))
    shown = f"the newest {SEARCH_LIMIT} shown; add words to narrow" if total > SEARCH_LIMIT else "newest first"
    return Reply(title=title, summary=" ".join([f"{total} article(s), {shown}.", *notes]), entries=tuple(entries))


def _snippet(text: str, terms: list[str]) -> str:
    folded = fold_text(text)
    at = max(0, folded.find(terms[0]))
    start = max(0, at - 80)
    return ("…" if start else "") + " ".join(text[start : at + 160].split()) + "…"


def articles(ctx: Context, query: str | None = None) -> Reply:
    store = ctx.store
    found = list(store.articles.values())
    title = "Articles"
    if query:
        who = _subject_or_error(ctx, query)
        if isinstance(who, Reply):
            return who
        title = f"Articles about {who.label}"
        if who.kind == "country":
            found = [a for a in found if who.value in a.countries]
        else:
            found = [a for a in found if any(who.matches_participant(p, None) for p in a.people)]
    found = _newest_first(found, lambda a: a.published)
    entries = tuple(
        Entry(
            heading=f"{a.id} · {a.published or 'undated'} · {a.title}",
            body=f"{', '.join(country_label(c) for c in a.countries[:8])}",
        )
        for a in found
    )
    return Reply(title=title, summary=f"{len(entries)} article(s).", entries=entries)


def timeline(ctx: Context, country: str, with_: str | None = None) -> Reply:
    pair = _pair_or_error(ctx, country, with_)
    if isinstance(pair, Reply):
        return pair
    who, other = pair
    store = ctx.store
    by_month: dict[str, list[str]] = defaultdict(list)
    for meeting in meetings_involving(ctx, who, other, None, None):
        by_month[(meeting.date or "undated")[:7]].append(
            f"{'🤝' if meeting.status == 'held' else '🗓'} {participant_line(meeting)} ({meeting.status}, {meeting.kind})"
        )
    statements: Counter[str] = Counter()
    for quote in quotes_of(store, who):
        article_ = store.articles.get(quote.article_id)
        statements[((article_.published if article_ else None) or "undated")[:7]] += 1
    months = sorted(set(by_month) | set(statements), reverse=True)
    title = f"Timeline of {who.label}" + (f" and {other.label}" if other else "")
    if not months:
        return Reply(title=title, summary="Nothing recorded yet.")
    entries = []
    for month in months:
        lines = by_month.get(month, [])
        if statements.get(month):
            lines = [*lines, f"💬 {statements[month]} statement(s)"]
        entries.append(Entry(heading=month, body="\n".join(lines)))
    return Reply(title=title, summary=f"{len(months)} month(s), newest first.", entries=tuple(entries))


def status(ctx: Context) -> Reply:
    store = ctx.store
    counts = store.counts()
    last = store.get_state("last_ingest_at") or "never"
    lines = [
        f"Articles: {counts['articles']} · meetings: {counts['meetings']} · statements: {counts['quotes']}",
        f"Last ingest: {last}",
        f"Quarantined files: {counts['quarantined']}",
        f"Next digest: {ctx.next_digest or 'not scheduled'}",
    ]
    if ctx.loading:
        lines.append("The language model is still loading: new files wait until it is ready.")
    entries = tuple(
        Entry(heading=q.path.rsplit("/", 1)[-1], body=q.reason) for q in store.quarantined()
    )
    return Reply(title="diplowatch status", summary="\n".join(lines), entries=entries)


def watch(ctx: Context, action: str, subject: str | None = None) -> Reply:
    if not ctx.is_admin:
        return error("Only members with the Manage Server permission can change watches.", title="Not allowed")
    store = ctx.store
    action = action.lower()
    if action == "list":
        rows = store.watches()
        mine = [s for channel, s in rows if ctx.channel_id is None or channel == ctx.channel_id]
        summary = (
            "This channel follows: " + ", ".join(mine) if mine else
            "This channel follows nothing: alerts go to the alert channel."
        )
        return Reply(title="Watches", summary=summary, ephemeral=True)
    if action not in {"add", "remove"} or not subject:
        return error("Use /watch add <country or person>, /watch remove <…> or /watch list.", title="Watch")
    who = _subject_or_error(ctx, subject)
    if isinstance(who, Reply):
        return who
    channel = ctx.channel_id or 0
    if action == "add":
        added = store.add_watch(channel, f"{who.kind}:{who.value}")
        text = f"This channel now receives alerts about {who.label}." if added else f"Already watching {who.label}."
    else:
        removed = store.remove_watch(channel, f"{who.kind}:{who.value}")
        text = f"Stopped watching {who.label}." if removed else f"This channel was not watching {who.label}."
    return Reply(title="Watches", summary=text, tone="success", ephemeral=True)


def _loading_note(ctx: Context) -> str:
    return " The language model is still loading; new articles are not read yet." if ctx.loading else ""


SUBJECT = "a country (kazakhstan, KZ, kazakh) or a person (Wang Yi)"
COMMANDS: dict[str, Command] = {
    c.name: c
    for c in (
        Command("meetings", "Meetings of a country or person, newest first", meetings, (
            Param("subject", SUBJECT, True, "subject"),
            Param("with_", "only meetings with this country or person", kind="subject"),
            Param("since", "from this date (YYYY-MM-DD, YYYY-MM or YYYY)", kind="date"),
            Param("until", "up to this date", kind="date"),
        )),
        Command("quotes", "Statements by a person or a country's officials", quotes, (
            Param("speaker", SUBJECT, True, "subject"),
            Param("contains", "only statements containing these words"),
            Param("since", "from this date", kind="date"),
        )),
        Command("article", "One article with its meetings and statements", article, (
            Param("id", "the article id shown in alerts", True, "id"),
        )),
        Command("search", "Articles whose text contains these words", search, (
            Param("words", "words to look for", True),
        )),
        Command("articles", "Stored articles, optionally about a country or person", articles, (
            Param("query", SUBJECT, kind="subject"),
        )),
        Command("timeline", "Meetings and statements month by month", timeline, (
            Param("country", SUBJECT, True, "subject"),
            Param("with_", "only with this country or person", kind="subject"),
        )),
        Command("status", "Counts, last ingest, quarantined files, next digest", status),
        Command("watch", "Choose which countries or people this channel gets alerts for", watch, (
            Param("action", "add, remove or list", True, "action"),
            Param("subject", SUBJECT, kind="subject"),
        ), admin=True),
    )
}
