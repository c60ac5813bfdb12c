"""/status: what the bot holds and how it is doing."""

from __future__ import annotations

from datetime import UTC, datetime

from handlers.replies import Entry, Reply, moment
from handlers.spec import Command, Context
from handlers.words import tr

SKIPPED_SHOWN = 25  # a folder of 1,000 PDFs needs a line, not 125 pages


def _when(value: datetime | str | None, never: str) -> str:
    if not value:
        return never
    at = datetime.fromisoformat(value) if isinstance(value, str) else value
    at = at if at.tzinfo else at.replace(tzinfo=UTC)
    return f"{moment(at)} ({moment(at, 'R')})"


def status(ctx: Context) -> Reply:
    store = ctx.store
    counts = store.counts()
    lines = [
        tr("Articles: {articles} · meetings: {meetings} · statements: {quotes}", articles=counts["articles"],
           meetings=counts["meetings"], quotes=counts["quotes"]),
        tr("Encounters (one per meeting, however many articles report it): {events} · people: {people}",
           events=counts["events"], people=counts["people"]),
        tr("Last ingest: {when}", when=_when(store.get_state("last_ingest_at"), tr("never"))),
        tr("Quarantined files: {n}", n=counts["quarantined"]),
        tr("Next digest: {when}", when=_when(ctx.next_digest, tr("not scheduled"))),
    ]
    if ctx.skipped:
        lines.append(tr("Skipped files: {n} (not read)", n=len(ctx.skipped)))
    if ctx.pending:
        lines.append(tr("Still reading the drop folder: {n} file(s) to go.", n=ctx.pending))
    if ctx.loading:
        lines.append(tr("The language model is still loading: new files wait until it is ready."))
    entries = [Entry(heading=q.path.rsplit("/", 1)[-1], body=q.reason) for q in store.quarantined()]
    shown = ctx.skipped[:SKIPPED_SHOWN]
    entries += [Entry(heading=path, body=tr("skipped: {reason}", reason=reason)) for path, reason in shown]
    more = len(ctx.skipped) - len(shown)
    footer = tr("… and {n} more skipped file(s): diplowatch status lists them all", n=more) if more else ""
    return Reply(title=tr("diplowatch status"), summary="\n".join(lines), entries=tuple(entries), footer=footer)


COMMANDS = (
    Command("status", "Articles, meetings, encounters, statements, last ingest, quarantined and skipped files, next digest",
            status,
            fr=("etat", "Articles, rencontres, déclarations, dernière lecture, fichiers écartés, prochaine synthèse")),
)
