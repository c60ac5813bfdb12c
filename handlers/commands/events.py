"""/event and /upcoming: one encounter with its sources, and the planned ones still to come."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from diplowatch.events import PLAN_WINDOW, Event
from handlers.commands import LIST_LIMIT, SUBJECT, SUBJECT_FR, bounded, loading_note
from handlers.digest import still_to_come
from handlers.entries import event_date, event_entry, flag, no_place, people_line, place_label, spoken, unnamed, what, when
from handlers.errors import BadArgument, NotFound, UserError
from handlers.queries import heads_of
from handlers.replies import Entry, Reply
from handlers.spec import Command, Context, Param
from handlers.words import tr
from handlers.subjects import resolve_subject
from storage import Store

CANDIDATES = 10  # ids listed when a prefix matches several events
EVIDENCE_CHARS = 400


def find_event(store: Store, typed: str) -> Event:
    """The event with this id (or holding this report), or the only one whose id starts
    with these characters."""
    key = typed.strip().lower()
    if not key:
        raise BadArgument(tr("Give an event id (shown in /meetings and alerts, e.g. 2fd721-1)."), title=tr("Unknown event"))
    exact = store.event(key)
    if exact is not None:
        return exact
    found = store.events_by_prefix(key, limit=CANDIDATES + 1)
    if len(found) == 1:
        return found[0]
    if not found:
        raise NotFound(tr("No event with id '{id}'. Ids are shown in /meetings and in alerts.", id=typed), title=tr("Unknown event"))
    listed = "\n".join(f"{e.id} · {event_date(e)} · {people_line(e)}"[:120] for e in found[:CANDIDATES])
    many = tr("more than {n}", n=CANDIDATES) if len(found) > CANDIDATES else str(len(found))
    more = "\n…" if len(found) > CANDIDATES else ""
    raise UserError(tr("'{id}' matches {many} events: type more characters.", id=typed, many=many) + f"\n{listed}{more}",
                    title=tr("Ambiguous id"))


def _who(event: Event) -> str:
    parts = []
    for p in event.participants:
        details = ", ".join(x for x in (p.role, p.country) if x)
        parts.append(f"{flag(p.country)} {p.name or unnamed()}".strip() + (f" ({details})" if details else ""))
    return "; ".join(parts)


def event(ctx: Context, id: str) -> Reply:
    """/event ID: what is known of one encounter, each source, and why it was joined."""
    store = ctx.store
    found = find_event(store, id)
    where = place_label(found.place) or no_place(found.kind)
    also = ", ".join(place_label(p) for p in found.other_places)
    summary = [
        tr("When: {when}", when=when(found)) + (tr(" (the sources disagree)") if found.other_dates else ""),
        tr("Where: {where}", where=where) + (tr(" (also reported: {places})", places=also) if also else ""),
        tr("What: {what}", what=what(found)) + (tr(", announced {day}", day=spoken(found.announced)) if found.announced else ""),
        tr("Who: {who}", who=_who(found)),
        tr("{n} source(s), first seen {day}.", n=len(found.sources), day=found.first_seen[:10]),
    ]
    if found.id != id.strip().lower() and "-" in id:
        summary.append(tr("Report {report} belongs to event {id}.", report=id.strip(), id=found.id))
    entries = []
    for n, source in enumerate(found.sources, 1):
        article = store.article(source.article_id)
        m = source.meeting
        as_written = " ↔ ".join(p.name or p.role or unnamed() for p in m.participants)
        says = " · ".join((m.date or tr("no date"), place_label(m.place) or tr("no place"), tr(f"{m.status} {m.kind}"), as_written))
        lines = [tr("Says: {what}", what=says)]
        sentence = " ".join(store.evidence(m).split())
        if sentence:
            lines.append(f"« {sentence[:EVIDENCE_CHARS]}{'…' if len(sentence) > EVIDENCE_CHARS else ''} »")
        # Who its names are: the registry says it now (names can be joined later than the event).
        notes = "; ".join(n for n in dict.fromkeys(store.how_named(source.article_id, p.name)
                                                     for p in m.participants if p.name) if n)
        if source.why:
            why = source.why.replace("same people", f"same people ({notes})", 1) if notes else source.why
            lines.append(tr("Why joined: {why}", why=why))
        else:
            lines.append(tr("First report of this encounter.") + (f" ({notes})" if notes else ""))
        title = (article.title if article else "") or tr("untitled")
        language = f" · {article.language}" if article else ""
        entries.append(Entry(
            heading=f"{n}. {tr('Article')} {source.article_id} · {source.published or tr('undated')}{language} · {title}"[:256],
            body="\n".join(lines)[:1024],
        ))
    shown, note = bounded(entries, "the first sources are shown")
    return Reply(
        title=f"{event_date(found)} · {people_line(found)}"[:256],
        summary="\n".join(summary) + note,
        entries=shown,
        footer=tr("Event {id}", id=found.id),
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
        pool = list(store.events_of_heads(h for h in heads_of(store, who) if h.status == "planned"))
    else:
        pool = list(store.planned_events(dated_from=today.isoformat(), undated_from=recent))
    dated = still_to_come(pool, today)
    undated = sorted(
        (e for e in pool if not e.date and (e.sources[0].published or e.first_seen[:10]) >= recent),
        key=lambda e: (e.sources[0].published or "", e.id), reverse=True,
    )
    found = dated + undated
    title = tr("Planned meetings still to come") + (f" · {who.label}" if who else "")
    if not found:
        return Reply(title=title, summary=tr("No planned meeting still to come.") + loading_note(ctx))
    entries, note = bounded([event_entry(e, store.article) for e in found[: LIST_LIMIT + 1]], "ask about a country or a person")
    undated_note = tr(" {n} without a date, announced recently, come last.", n=len(undated)) if undated else ""
    return Reply(
        title=title,
        summary=tr("{n} planned meeting(s) not reported held yet, soonest first.", n=len(found)) + undated_note + note,
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
