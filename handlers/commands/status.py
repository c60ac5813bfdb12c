"""/status: what the bot holds and how it is doing."""

from __future__ import annotations

from handlers.replies import Entry, Reply
from handlers.spec import Command, Context


def status(ctx: Context) -> Reply:
    store = ctx.store
    counts = store.counts()
    last = store.get_state("last_ingest_at") or "never"
    lines = [
        f"Articles: {counts['articles']} · meetings: {counts['meetings']} · statements: {counts['quotes']}",
        f"Encounters (one per meeting, however many articles report it): {counts['events']} · people: {counts['people']}",
        f"Last ingest: {last}",
        f"Quarantined files: {counts['quarantined']}",
        f"Next digest: {ctx.next_digest or 'not scheduled'}",
    ]
    if ctx.pending:
        lines.append(f"Still reading the drop folder: {ctx.pending} file(s) to go.")
    if ctx.loading:
        lines.append("The language model is still loading: new files wait until it is ready.")
    entries = tuple(Entry(heading=q.path.rsplit("/", 1)[-1], body=q.reason) for q in store.quarantined())
    return Reply(title="diplowatch status", summary="\n".join(lines), entries=entries)


COMMANDS = (Command("status", "Articles, meetings, encounters, statements, last ingest, quarantined files, next digest", status),)
