"""/reingest: read every stored article again with the current extraction."""

from __future__ import annotations

from handlers.errors import UserError
from handlers.ingest import reextract
from handlers.replies import Reply
from handlers.spec import Command, Context
from handlers.words import tr


def reingest(ctx: Context) -> Reply:
    if ctx.extractor is None:
        raise UserError(tr("The language model is still loading: try again in a minute."), title=tr("Not ready"))
    store = ctx.store
    before = store.counts()
    ids = [article.id for article in store.articles_newest()]
    for done, article_id in enumerate(ids, 1):
        reextract(store, ctx.extractor, article_id)
        if ctx.progress:
            ctx.progress(done, len(ids))
    after = store.counts()
    return Reply(
        title=tr("Articles read again"),
        summary="\n".join((
            tr("{n} article(s) read again with extractor {version}.", n=len(ids), version=ctx.extractor.version),
            tr("Meetings: {events_before} → {events_after} encounters, from {before} → {after} reports (events are rebuilt from the stored articles)",  # noqa: E501
               events_before=before["events"], events_after=after["events"],
               before=before["meetings"], after=after["meetings"]),
            tr("People: {before} → {after}", before=before["people"], after=after["people"]),
            tr("Statements: {before} → {after}", before=before["quotes"], after=after["quotes"]),
        )),
        tone="success",
    )


COMMANDS = (
    Command("reingest", "Read every stored article again with the current extraction", reingest, admin=True, long=True,
            fr=("relire", "Relire tous les articles enregistrés avec l'extraction actuelle")),
)
