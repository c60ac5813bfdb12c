"""/timeline: a country's or a person's meetings (one per encounter) and statements, month by month."""

from __future__ import annotations

from collections import Counter, defaultdict

from diplowatch import dates
from handlers.arguments import period, subject_pair
from handlers.commands import DATE, DATE_FR, LIST_LIMIT, SUBJECT, SUBJECT_FR
from handlers.entries import people_line, sources_label
from handlers.queries import heads_involving, quotes_of
from handlers.replies import Entry, Reply
from handlers.spec import Command, Context, Param
from handlers.subjects import Subject
from handlers.words import tr
from storage import Store

UNDATED = "undated"


def timeline(ctx: Context, subject: str, with_: str | None = None, since: str | None = None,
             until: str | None = None) -> Reply:
    store = ctx.store
    who, other = subject_pair(store, subject, with_)
    start, end = period(since, until)
    by_month: dict[str, list[str]] = defaultdict(list)
    found = heads_involving(store, who, other, start, end)
    # The newest LIST_LIMIT encounters by name; older months say how many (a country has
    # ~1,000 at 50,000 articles, and building them all is what made this list slow).
    for event in store.events_of_heads(found[:LIST_LIMIT]):
        sources = f", {sources_label(len(event.sources))}" if len(event.sources) > 1 else ""
        by_month[(event.date or UNDATED)[:7]].append(
            f"{'🤝' if event.status == 'held' else '🗓'} {people_line(event)} ({tr(event.status)}, {tr(event.kind)}{sources})"
        )
    older: Counter[str] = Counter((h.date or UNDATED)[:7] for h in found[LIST_LIMIT:])
    for month, n in older.items():
        by_month[month].append("🤝 " + tr("{n} more meeting(s)", n=n))
    statements = _statements_by_month(store, who, other, start, end)
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
    summary = tr("{n} month(s), newest first.", n=len(months))
    if older:
        summary += tr(" The newest {n} meetings are named; older months count theirs: narrow with since, until or with.",
                      n=LIST_LIMIT)
    return Reply(title=title, summary=summary, entries=tuple(entries))


def _statements_by_month(store: Store, who: Subject, other: Subject | None, start: str | None,
                         end: str | None) -> Counter[str]:
    """How many statements of the subject each month holds, by the articles' publication dates."""
    statements: Counter[str] = Counter()
    month_of: dict[str, str | None] = {}  # per article (~6 statements each): its month, None if left out
    for quote in quotes_of(store, who):
        if quote.article_id not in month_of:
            article = store.article(quote.article_id)
            if other and (article is None or not other.in_article(store, article.id, article.countries)):
                month_of[quote.article_id] = None  # with "with": only what was said in articles about the other party
            else:
                published = article.published if article else None
                if (start or end) and not dates.covers(published, start, end):
                    month_of[quote.article_id] = None
                else:
                    month_of[quote.article_id] = (published or UNDATED)[:7]
        month = month_of[quote.article_id]
        if month is not None:
            statements[month] += 1
    return statements


COMMANDS = (
    Command("timeline", "Meetings and statements of a country or person, month by month", timeline, (
        Param("subject", SUBJECT, True, "subject", fr=("sujet", SUBJECT_FR)),
        Param("with", "only with this country or person", kind="subject", fr=("avec", "seulement avec ce pays ou cette personne")),
        Param("since", f"from this date ({DATE})", kind="date", fr=("depuis", f"à partir de cette date ({DATE_FR})")),
        Param("until", f"up to this date ({DATE})", kind="date", fr=("jusqua", f"jusqu'à cette date ({DATE_FR})")),
    ), fr=("chronologie", "Rencontres et déclarations d'un pays ou d'une personne, mois par mois")),
)
