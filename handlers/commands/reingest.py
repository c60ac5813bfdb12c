"""/reingest: read every stored article again with the current extraction."""

from __future__ import annotations

from handlers.errors import UserError
from handlers.ingest import reextract
from handlers.replies import Reply
from handlers.spec import Command, Context


def reingest(ctx: Context) -> Reply:
    if ctx.extractor is None:
        raise UserError("The language model is still loading: try again in a minute.", title="Not ready")
    store = ctx.store
    before = store.counts()
    ids = [article.id for article in store.articles_newest()]
    for done, article_id in enumerate(ids, 1):
        reextract(store, ctx.extractor, article_id)
        if ctx.progress:
            ctx.progress(done, len(ids))
    after = store.counts()
    return Reply(
        title="Articles read again",
        summary="\n".join((
            f"{len(ids)} article(s) read again with extractor {ctx.extractor.version}.",
            f"Meetings: {before['events']} → {after['events']} encounters, from {before['meetings']} → "
            f"{after['meetings']} reports (events are rebuilt from the stored articles)",
            f"People: {before['people']} → {after['people']}",
            f"Statements: {before['quotes']} → {after['quotes']}",
        )),
        tone="success",
    )


COMMANDS = (
    Command("reingest", "Read every stored article again with the current extraction", reingest, admin=True, long=True,
            fr=("relire", "Relire tous les articles enregistrés avec l'extraction actuelle")),
)
