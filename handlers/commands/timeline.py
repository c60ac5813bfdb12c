"""/timeline: a country's or a person's meetings and statements, month by month."""

from __future__ import annotations

from collections import Counter, defaultdict

from handlers.arguments import subject_pair
from handlers.commands import SUBJECT, SUBJECT_FR
from handlers.entries import participant_line
from handlers.queries import meetings_involving, quotes_of
from handlers.replies import Entry, Reply
from handlers.spec import Command, Context, Param
from handlers.subjects import Subject

UNDATED = "undated"


def _about(article, other: Subject) -> bool:
    if other.kind == "country":
        return other.value in article.countries
    return any(other.matches_participant(p, None) for p in article.people)


def timeline(ctx: Context, subject: str, with_: str | None = None) -> Reply:
    store = ctx.store
    who, other = subject_pair(store, subject, with_)
    by_month: dict[str, list[str]] = defaultdict(list)
    for meeting in meetings_involving(store, who, other, None, None):
        by_month[(meeting.date or UNDATED)[:7]].append(
            f"{'🤝' if meeting.status == 'held' else '🗓'} {participant_line(meeting)} ({meeting.status}, {meeting.kind})"
        )
    statements: Counter[str] = Counter()
    for quote in quotes_of(store, who):
        article = store.article(quote.article_id)
        if other and (article is None or not _about(article, other)):
            continue  # with "with": only what was said in articles about the other party
        statements[((article.published if article else None) or UNDATED)[:7]] += 1
    # Newest month first; what has no date comes last, not first.
    months = sorted(set(by_month) | set(statements), key=lambda m: (m != UNDATED, m), reverse=True)
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


COMMANDS = (
    Command("timeline", "Meetings and statements of a country or person, month by month", timeline, (
        Param("subject", SUBJECT, True, "subject", fr=("sujet", SUBJECT_FR)),
        Param("with", "only with this country or person", kind="subject", fr=("avec", "seulement avec ce pays ou cette personne")),
    ), fr=("chronologie", "Rencontres et déclarations d'un pays ou d'une personne, mois par mois")),
)
