"""/status: what the bot holds and how it is doing."""

from __future__ import annotations

from datetime import UTC, datetime

from handlers.replies import Entry, Reply, moment
from handlers.spec import Command, Context


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
    if ctx.pending:
        lines.append(f"Still reading the drop folder: {ctx.pending} file(s) to go.")
    if ctx.loading:
        lines.append("The language model is still loading: new files wait until it is ready.")
    entries = tuple(Entry(heading=q.path.rsplit("/", 1)[-1], body=q.reason) for q in store.quarantined())
    return Reply(title="diplowatch status", summary="\n".join(lines), entries=entries)


COMMANDS = (
    Command("status", "Articles, meetings, encounters, statements, last ingest, quarantined files, next digest", status,
            fr=("etat", "Articles, rencontres, déclarations, dernière lecture, fichiers écartés, prochaine synthèse")),
)
