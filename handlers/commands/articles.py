"""/article, /articles and /search: the articles themselves."""

from __future__ import annotations

from diplowatch.records import Article
from handlers.commands import LIST_LIMIT, SUBJECT, bounded
from handlers.entries import country_label, meeting_entry, quote_entry
from handlers.errors import BadArgument, NotFound, UserError
from handlers.queries import speaker_of
from handlers.replies import Entry, Reply
from handlers.spec import Command, Context, Param
from handlers.subjects import resolve_subject
from storage import Store
from storage.text_index import fold_text, terms

CANDIDATES = 10  # ids listed when a prefix matches several articles
SEARCH_LIMIT = 25


def find_article(store: Store, typed: str) -> Article:
    """The article with this id, or the only one whose id starts with these characters."""
    key = typed.strip().lower()
    if not key:
        raise BadArgument("Give an article id (shown in alerts and lists).", title="Unknown article")
    exact = store.article(key)
    if exact is not None:
        return exact
    found = store.articles_by_prefix(key)
    if len(found) == 1:
        return found[0]
    if not found:
        raise NotFound(f"No article with id '{typed}'. Ids are shown in alerts and in /meetings.", title="Unknown article")
    listed = "\n".join(f"{a.id} · {a.published or 'undated'} · {a.title[:80]}" for a in found[:CANDIDATES])
    more = f"\n… and {len(found) - CANDIDATES} more." if len(found) > CANDIDATES else ""
    raise UserError(f"'{typed}' matches {len(found)} articles: type more characters.\n{listed}{more}", title="Ambiguous id")


def article(ctx: Context, id: str) -> Reply:
    store = ctx.store
    found = find_article(store, id)
    meetings, quotes = store.meetings_of_article(found.id), store.quotes_of_article(found.id)
    countries_line = ", ".join(country_label(c) for c in found.countries) or "none found"
    sources = ", ".join(s.path.rsplit("/", 1)[-1] for s in found.sources)
    entries = [meeting_entry(m, None, event) for m, event in zip(meetings, store.events_of_article(found.id))]
    entries += [quote_entry(q, found, cite=False, person=speaker_of(store, q)) for q in quotes]
    summary = "\n".join(
        line
        for line in (
            f"Published: {found.published or 'unknown'} · language: {found.language} · {found.words} words",
            f"Countries: {countries_line}",
            f"People: {', '.join(found.people[:12])}" if found.people else "",
            f"File: {sources}",
            f"Link: {found.url}" if found.url else "",
            f"{len(meetings)} meeting(s), {len(quotes)} statement(s).",
            *(f"Note: {w}" for w in found.warnings),
        )
        if line
    )
    return Reply(title=found.title or found.id, summary=summary, entries=tuple(entries), footer=f"Article {found.id}")


def search(ctx: Context, words: str) -> Reply:
    wanted = sorted(terms(words), key=len, reverse=True)
    if not wanted:
        raise BadArgument("Give one or more words to search for.", title="Nothing to search")
    store = ctx.store
    total, newest = store.search(words, SEARCH_LIMIT)
    found = [a for a in map(store.article, newest) if a is not None]
    entries = tuple(
        Entry(heading=f"{a.published or 'undated'} · {a.title}", body=f"{_snippet(store.text(a.id), wanted)}\nArticle {a.id}")
        for a in found[:SEARCH_LIMIT]
    )
    title = f"Articles mentioning '{words}'"
    notes = [] if store.text_index_ready else ["The search index is still being built: results may be incomplete."]
    if not entries:
        return Reply(title=title, summary=" ".join(["No article matches.", *notes]))
    shown = f"the newest {SEARCH_LIMIT} shown; add words to narrow" if total > SEARCH_LIMIT else "newest first"
    return Reply(title=title, summary=" ".join([f"{total} article(s), {shown}.", *notes]), entries=entries)


def _snippet(text: str, wanted: list[str]) -> str:
    folded = fold_text(text)
    at = max(0, folded.find(wanted[0]))
    start = max(0, at - 80)
    return ("…" if start else "") + " ".join(text[start : at + 160].split()) + "…"


def articles(ctx: Context, query: str | None = None) -> Reply:
    store = ctx.store
    title = "Articles"
    if query:
        who = resolve_subject(store, query)
        title = f"Articles about {who.label}"
        if who.kind == "country":
            found = store.articles_where(lambda a: who.value in a.countries)
        else:
            found = store.articles_of_person(who.value)
    else:
        found = store.articles_newest()
    entries, note = bounded(
        [
            Entry(heading=f"{a.id} · {a.published or 'undated'} · {a.title}",
                  body=", ".join(country_label(c) for c in a.countries[:8]))
            for a in found[: LIST_LIMIT + 1]  # one more than shown: `bounded` then says so
        ],
        "ask about a country or a person, or use /search",
    )
    return Reply(title=title, summary=f"{len(found)} article(s).{note}", entries=entries)


COMMANDS = (
    Command("article", "One article with its meetings and statements", article, (
        Param("id", "the article id shown in alerts (a few characters are enough)", True, "id"),
    )),
    Command("articles", "Stored articles, newest first, optionally about a country or person", articles, (
        Param("query", SUBJECT, kind="subject"),
    )),
    Command("search", "Articles whose text contains these words", search, (
        Param("words", "words to look for, e.g. ceinture route", True),
    )),
)
