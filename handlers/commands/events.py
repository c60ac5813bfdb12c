"""/event and /upcoming: one encounter with its sources, and the planned ones still to come."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from diplowatch import dates
from diplowatch.events import PLAN_WINDOW, Event
from handlers.commands import SUBJECT, SUBJECT_FR, bounded, loading_note
from handlers.digest import still_to_come
from handlers.entries import event_date, event_entry, flag, people_line, what
from handlers.errors import BadArgument, NotFound, UserError
from handlers.queries import events_of
from handlers.replies import Entry, Reply
from handlers.spec import Command, Context, Param
from handlers.subjects import resolve_subject
from storage import Store

CANDIDATES = 10  # ids listed when a prefix matches several events
EVIDENCE_CHARS = 400


def find_event(store: Store, typed: str) -> Event:
    """The event with this id (or holding this report), or the only one whose id starts
    with these characters."""
    key = typed.strip().lower()
    if not key:
        raise BadArgument("Give an event id (shown in /meetings and alerts, e.g. 2fd721-1).", title="Unknown event")
    exact = store.event(key)
    if exact is not None:
        return exact
    found = store.events_by_prefix(key, limit=CANDIDATES + 1)
    if len(found) == 1:
        return found[0]
    if not found:
        raise NotFound(f"No event with id '{typed}'. Ids are shown in /meetings and in alerts.", title="Unknown event")
    listed = "\n".join(f"{e.id} · {event_date(e)} · {people_line(e)}"[:120] for e in found[:CANDIDATES])
    many = f"more than {CANDIDATES}" if len(found) > CANDIDATES else str(len(found))
    more = "\n…" if len(found) > CANDIDATES else ""
    raise UserError(f"'{typed}' matches {many} events: type more characters.\n{listed}{more}", title="Ambiguous id")


def _who(event: Event) -> str:
    parts = []
    for p in event.participants:
        details = ", ".join(x for x in (p.role, p.country) if x)
        parts.append(f"{flag(p.country)} {p.name or 'unnamed'}".strip() + (f" ({details})" if details else ""))
    return "; ".join(parts)


def event(ctx: Context, id: str) -> Reply:
    """/event ID: what is known of one encounter, each source, and why it was joined."""
    store = ctx.store
    found = find_event(store, id)
    where = found.place or ("by phone or video" if found.kind == "call" else "not stated")
    when = found.when + (" (the sources disagree)" if found.other_dates else "")
    summary = [
        f"When: {when}",
        f"Where: {where}" + (f" (also reported: {', '.join(found.other_places)})" if found.other_places else ""),
        f"What: {what(found)}" + (f", announced {dates.spoken(found.announced)}" if found.announced else ""),
        f"Who: {_who(found)}",
        f"{len(found.sources)} source(s), first seen {found.first_seen[:10]}.",
    ]
    if found.id != id.strip().lower() and "-" in id:
        summary.append(f"Report {id.strip()} belongs to event {found.id}.")
    entries = []
    for n, source in enumerate(found.sources, 1):
        article = store.article(source.article_id)
        m = source.meeting
        as_written = " ↔ ".join(p.name or p.role or "unnamed" for p in m.participants)
        lines = [
            f"Says: {m.date or 'no date'} · {m.place or 'no place'} · {m.status} {m.kind} · {as_written}",
        ]
        sentence = " ".join(store.evidence(m).split())
        if sentence:
            lines.append(f"« {sentence[:EVIDENCE_CHARS]}{'…' if len(sentence) > EVIDENCE_CHARS else ''} »")
        # Who its names are: the registry says it now (names can be joined later than the event).
        notes = "; ".join(n for n in dict.fromkeys(store.how_named(source.article_id, p.name)
                                                     for p in m.participants if p.name) if n)
        if source.why:
            why = source.why.replace("same people", f"same people ({notes})", 1) if notes else source.why
            lines.append(f"Why joined: {why}")
        else:
            lines.append("First report of this encounter." + (f" ({notes})" if notes else ""))
        title = (article.title if article else "") or "untitled"
        language = f" · {article.language}" if article else ""
        entries.append(Entry(
            heading=f"{n}. Article {source.article_id} · {source.published or 'undated'}{language} · {title}"[:256],
            body="\n".join(lines)[:1024],
        ))
    shown, note = bounded(entries, "the first sources are shown")
    return Reply(
        title=f"{event_date(found)} · {people_line(found)}"[:256],
        summary="\n".join(summary) + note,
        entries=shown,
        footer=f"Event {found.id}",
    )


def today_in(ctx: Context) -> date:
    return datetime.now(ZoneInfo(ctx.schedule.tz)).date()


def upcoming(ctx: Context, subject: str | None = None) -> Reply:
    """/upcoming [subject]: planned events no source reports held yet, soonest first."""
    store = ctx.store
    who = resolve_subject(store, subject) if subject else None
    today = today_in(ctx)
    # A plan without a date is still to come while it is recent: announced in the last two months.
    recent = (today - PLAN_WINDOW).isoformat()
    if who:
        pool = [e for e in events_of(store, who) if e.status == "planned"]
    else:
        pool = list(store.planned_events(dated_from=today.isoformat(), undated_from=recent))
    dated = still_to_come(pool, today)
    undated = sorted(
        (e for e in pool if not e.date and (e.sources[0].published or e.first_seen[:10]) >= recent),
        key=lambda e: (e.sources[0].published or "", e.id), reverse=True,
    )
    found = dated + undated
    title = "Planned meetings still to come" + (f" · {who.label}" if who else "")
    if not found:
        return Reply(title=title, summary="No planned meeting still to come." + loading_note(ctx))
    entries, note = bounded([event_entry(e, store.article) for e in found], "ask about a country or a person")
    undated_note = f" {len(undated)} without a date, announced recently, come last." if undated else ""
    return Reply(
        title=title,
        summary=f"{len(found)} planned meeting(s) not reported held yet, soonest first.{undated_note}{note}",
        entries=entries,
    )


COMMANDS = (
    Command("event", "One encounter with all its sources, and why they were joined", event, (
        Param("id", "the event id shown in /meetings (e.g. 2fd721-1; a few characters are enough)", True, "event",
              fr=("id", "l'identifiant montré par /rencontres (ex. 2fd721-1 ; quelques caractères suffisent)")),
    ), fr=("evenement", "Une rencontre avec toutes ses sources, et pourquoi elles ont été réunies")),
    Command("upcoming", "Planned meetings not reported held yet, soonest first", upcoming, (
        Param("subject", SUBJECT, kind="subject", fr=("sujet", SUBJECT_FR)),
    ), fr=("a-venir", "Rencontres prévues, pas encore dites tenues, les plus proches d'abord")),
)
