"""/timeline: a country's or a person's meetings (one per encounter) and statements, month by month."""

from __future__ import annotations

from collections import Counter, defaultdict

from handlers.arguments import subject_pair
from handlers.commands import SUBJECT, SUBJECT_FR
from handlers.entries import people_line, sources_label
from handlers.queries import events_involving, quotes_of
from handlers.replies import Entry, Reply
from handlers.spec import Command, Context, Param
from handlers.words import tr

UNDATED = "undated"


def timeline(ctx: Context, subject: str, with_: str | None = None) -> Reply:
    store = ctx.store
    who, other = subject_pair(store, subject, with_)
    by_month: dict[str, list[str]] = defaultdict(list)
    for event in events_involving(store, who, other, None, None):
        sources = f", {sources_label(len(event.sources))}" if len(event.sources) > 1 else ""
        by_month[(event.date or UNDATED)[:7]].append(
            f"{'🤝' if event.status == 'held' else '🗓'} {people_line(event)} ({tr(event.status)}, {tr(event.kind)}{sources})"
        )
    statements: Counter[str] = Counter()
    month_of: dict[str, str | None] = {}  # per article (~6 statements each): its month, None if left out
    for quote in quotes_of(store, who):
        if quote.article_id not in month_of:
            article = store.article(quote.article_id)
            if other and (article is None or not other.in_article(store, article.id, article.countries)):
                month_of[quote.article_id] = None  # with "with": only what was said in articles about the other party
            else:
                month_of[quote.article_id] = ((article.published if article else None) or UNDATED)[:7]
        month = month_of[quote.article_id]
        if month is not None:
            statements[month] += 1
    # Newest month first; what has no date comes last, not first.
    months = sorted(set(by_month) | set(statements), key=lambda m: (m != UNDATED, m), reverse=True)
    title = tr("Timeline of {who}", who=who.label) + (tr(" and {other}", other=other.label) if other else "")
    if not months:
        return Reply(title=title, summary=tr("Nothing recorded yet."))
    entries = []
    for month in months:
        lines = by_month.get(month, [])
        if statements.get(month):
            lines = [*lines, "💬 " + tr("{n} statement(s)", n=statements[month])]
        entries.append(Entry(heading=tr(month) if month == UNDATED else month, body="\n".join(lines)))
    return Reply(title=title, summary=tr("{n} month(s), newest first.", n=len(months)), entries=tuple(entries))


COMMANDS = (
    Command("timeline", "Meetings and statements of a country or person, month by month", timeline, (
        Param("subject", SUBJECT, True, "subject", fr=("sujet", SUBJECT_FR)),
        Param("with", "only with this country or person", kind="subject", fr=("avec", "seulement avec ce pays ou cette personne")),
    ), fr=("chronologie", "Rencontres et déclarations d'un pays ou d'une personne, mois par mois")),
)
