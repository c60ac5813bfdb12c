"""/quotes: who said what."""

from __future__ import annotations

from diplowatch import dates
from handlers.arguments import user_date
from handlers.commands import DATE, DATE_FR, LIST_LIMIT, SUBJECT, SUBJECT_FR, bounded, loading_note
from handlers.entries import quote_entry
from handlers.queries import newest_first, published, quotes_of, speaker_of
from handlers.replies import Reply
from handlers.spec import Command, Context, Param
from handlers.words import tr
from handlers.subjects import resolve_subject


def quotes(ctx: Context, speaker: str, contains: str | None = None, since: str | None = None) -> Reply:
    store = ctx.store
    who = resolve_subject(store, speaker)
    start = user_date(since, "since")
    needle = (contains or "").casefold()
    found = [
        q for q in quotes_of(store, who)
        if (not needle or needle in q.text.casefold())
        and (not start or dates.covers(published(store, q.article_id), start, None))
    ]
    found = newest_first(found, lambda q: published(store, q.article_id))
    title = tr("Statements by {who}", who=who.label) + (tr(" containing '{words}'", words=contains) if contains else "")
    if not found:
        return Reply(title=title, summary=tr("No statement found.") + loading_note(ctx))
    direct = sum(q.kind == "direct" for q in found)
    entries, note = bounded(
        [quote_entry(q, store.article(q.article_id), person=speaker_of(store, q)) for q in found[: LIST_LIMIT + 1]],
        "narrow with since or contains",
    )
    return Reply(
        title=title,
        summary=tr("{n} statement(s): {direct} direct, {reported} reported.", n=len(found), direct=direct,
                   reported=len(found) - direct) + note,
        entries=entries,
    )


COMMANDS = (
    Command("quotes", "Statements by a person or by a country's officials", quotes, (
        Param("speaker", SUBJECT, True, "subject", fr=("auteur", SUBJECT_FR)),
        Param("contains", "only statements containing these words", fr=("contient", "seulement les déclarations contenant ces mots")),
        Param("since", f"from this date ({DATE})", kind="date", fr=("depuis", f"à partir de cette date ({DATE_FR})")),
    ), fr=("citations", "Déclarations d'une personne ou des responsables d'un pays")),
)
