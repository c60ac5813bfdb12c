"""/status: what the bot holds and how it is doing."""

from __future__ import annotations

from datetime import UTC, datetime

from handlers.replies import Entry, Reply, moment
from handlers.spec import Command, Context

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
        f"Articles: {counts['articles']} · meetings: {counts['meetings']} · statements: {counts['quotes']}",
        f"Encounters (one per meeting, however many articles report it): {counts['events']} · people: {counts['people']}",
        f"Last ingest: {_when(store.get_state('last_ingest_at'), 'never')}",
        f"Quarantined files: {counts['quarantined']}",
        f"Next digest: {_when(ctx.next_digest, 'not scheduled')}",
    ]
    if ctx.skipped:
        lines.append(f"Skipped files: {len(ctx.skipped)} (not read)")
    if ctx.pending:
        lines.append(f"Still reading the drop folder: {ctx.pending} file(s) to go.")
    if ctx.loading:
        lines.append("The language model is still loading: new files wait until it is ready.")
    entries = [Entry(heading=q.path.rsplit("/", 1)[-1], body=q.reason) for q in store.quarantined()]
    shown = ctx.skipped[:SKIPPED_SHOWN]
    entries += [Entry(heading=path, body=f"skipped: {reason}") for path, reason in shown]
    more = len(ctx.skipped) - len(shown)
    footer = f"… and {more} more skipped file(s): diplowatch status lists them all" if more else ""
    return Reply(title="diplowatch status", summary="\n".join(lines), entries=tuple(entries), footer=footer)


COMMANDS = (
    Command("status", "Articles, meetings, encounters, statements, last ingest, quarantined and skipped files, next digest",
            status,
            fr=("etat", "Articles, rencontres, déclarations, dernière lecture, fichiers écartés, prochaine synthèse")),
)
