"""/article, /articles and /search: the articles themselves."""

from __future__ import annotations

from diplowatch.sources import safe_url
from diplowatch.records import Article
from handlers.commands import LIST_LIMIT, SUBJECT, SUBJECT_FR, bounded
from handlers.entries import country_label, meeting_entry, quote_entry
from handlers.errors import BadArgument, NotFound, UserError
from handlers.queries import speaker_of
from handlers.replies import Entry, Reply
from handlers.spec import Command, Context, Param
from handlers.words import tr
from handlers.subjects import resolve_subject
from storage import Store
from storage.text_index import contains_phrase, fold_text, phrases_of, search_terms, terms

CANDIDATES = 10  # ids listed when a prefix matches several articles
SEARCH_LIMIT = 25
PHRASE_SCAN = 400  # articles holding a phrase's words that are read to find the phrase itself


def find_article(store: Store, typed: str) -> Article:
    """The article with this id, or the only one whose id starts with these characters."""
    key = typed.strip().lower()
    if not key:
        raise BadArgument(tr("Give an article id (shown in alerts and lists)."), title=tr("Unknown article"))
    exact = store.article(key)
    if exact is not None:
        return exact
    found = store.articles_by_prefix(key)
    if len(found) == 1:
        return found[0]
    if not found:
        raise NotFound(tr("No article with id '{id}'. Ids are shown in alerts and in /meetings.", id=typed),
                       title=tr("Unknown article"))
    listed = "\n".join(f"{a.id} · {a.published or tr('undated')} · {a.title[:80]}" for a in found[:CANDIDATES])
    more = "\n…" + tr(" … and {n} more", n=len(found) - CANDIDATES).removeprefix(" …") if len(found) > CANDIDATES else ""
    raise UserError(tr("'{id}' matches {n} articles: type more characters.", id=typed, n=len(found)) + f"\n{listed}{more}",
                    title=tr("Ambiguous id"))


def article(ctx: Context, id: str) -> Reply:
    store = ctx.store
    found = find_article(store, id)
    meetings, quotes = store.meetings_of_article(found.id), store.quotes_of_article(found.id)
    countries_line = ", ".join(country_label(c) for c in found.countries) or tr("none found")
    sources = ", ".join(s.path.rsplit("/", 1)[-1] for s in found.sources)
    entries = [meeting_entry(m, None, event) for m, event in zip(meetings, store.events_of_article(found.id))]
    entries += [quote_entry(q, found, cite=False, person=speaker_of(store, q)) for q in quotes]
    summary = "\n".join(
        line
        for line in (
            tr("Published: {day} · language: {language} · {n} words", day=found.published or tr("unknown"),
               language=found.language, n=found.words),
            tr("Countries: {countries}", countries=countries_line),
            tr("People: {people}", people=", ".join(found.people[:12])) if found.people else "",
            tr("File: {files}", files=sources),
            tr("Link: {url}", url=safe_url(found.url)) if safe_url(found.url) else "",  # an older store kept any scheme
            tr("{n} meeting(s), {quotes} statement(s).", n=len(meetings), quotes=len(quotes)),
            *(tr("Note: {warning}", warning=w) for w in found.warnings),
        )
        if line
    )
    return Reply(
        title=found.title or found.id, summary=summary, entries=tuple(entries), footer=f"{tr('Article')} {found.id}",
        url=found.url, published=found.published, author=found.outlet,
    )


def search(ctx: Context, words: str) -> Reply:
    """Articles holding every word (common words such as "de" or "the" aside) and every
    "quoted phrase" as written, newest first."""
    if not terms(words):
        raise BadArgument(tr("Give one or more words to search for."), title=tr("Nothing to search"))
    wanted = sorted(search_terms(words), key=len, reverse=True)
    if not wanted:
        too_common = tr('Those words are too common to search for: add a name, a place or a topic, or put the words in quotes ("la route").')
        raise BadArgument(too_common, title=tr("Nothing to search"))
    store = ctx.store
    phrases = phrases_of(words)
    total, newest = store.search(words, PHRASE_SCAN if phrases else SEARCH_LIMIT)
    exact = True
    if phrases:
        exact = total <= PHRASE_SCAN
        newest = [i for i in newest if all(contains_phrase(store.text(i), p) for p in phrases)]
        total = len(newest)
    found = [a for a in map(store.article, newest[:SEARCH_LIMIT]) if a is not None]
    entries = tuple(
        Entry(heading=f"{a.published or tr('undated')} · {a.title}",
              body=f"{_snippet(store.text(a.id), phrases or wanted)}\n{tr('Article')} {a.id}")
        for a in found
    )
    title = tr("Articles mentioning {words}", words=words if phrases else f"'{words}'")
    notes = [] if store.text_index_ready else [tr("The search index is still being built: results may be incomplete.")]
    if not exact:
        notes.append(tr("Only the newest {n} articles with these words were read for the phrase.", n=PHRASE_SCAN))
    if not entries:
        return Reply(title=title, summary=" ".join([tr("No article matches."), *notes]))
    shown = tr("the newest {n} shown; add words to narrow", n=SEARCH_LIMIT) if total > SEARCH_LIMIT else tr("newest first")
    return Reply(title=title, summary=" ".join([tr("{n} article(s), {shown}.", n=total, shown=shown), *notes]), entries=entries)


def _snippet(text: str, wanted: list[str]) -> str:
    folded = fold_text(text)
    at = folded.find(wanted[0])
    if at < 0:  # a phrase spaced or punctuated otherwise in the text: its first word
        at = folded.find(wanted[0].split()[0])
    at = max(0, at)
    start = max(0, at - 80)
    return ("…" if start else "") + " ".join(text[start : at + 160].split()) + "…"


def articles(ctx: Context, query: str | None = None) -> Reply:
    store = ctx.store
    title = tr("Articles")
    if query:
        who = resolve_subject(store, query)
        title = tr("Articles about {who}", who=who.label)
        if who.kind == "country":
            found = store.articles_where(lambda a: who.value in a.countries)
        else:
            found = store.articles_of_person(who.value)
    else:
        found = store.articles_newest()
    entries, note = bounded(
        [
            Entry(heading=f"{a.id} · {a.published or tr('undated')} · {a.title}",
                  body=", ".join(country_label(c) for c in a.countries[:8]))
            for a in found[: LIST_LIMIT + 1]  # one more than shown: `bounded` then says so
        ],
        "ask about a country or a person, or use /search",
    )
    return Reply(title=title, summary=tr("{n} article(s).", n=len(found)) + note, entries=entries)


COMMANDS = (
    Command("article", "One article with its meetings and statements", article, (
        Param("id", "the article id shown in alerts (a few characters are enough)", True, "id",
              fr=("id", "l'identifiant de l'article donné dans les alertes (quelques caractères suffisent)")),
    ), fr=("article", "Un article avec ses rencontres et ses déclarations")),
    Command("articles", "Stored articles, newest first, optionally about a country or person", articles, (
        Param("query", SUBJECT, kind="subject", fr=("sujet", SUBJECT_FR)),
    ), fr=("articles", "Les articles enregistrés, les plus récents d'abord, sur un pays ou une personne")),
    Command("search", "Articles whose text contains these words", search, (
        Param("words", 'words to look for, e.g. ceinture route or "quoted phrase"', True,
              fr=("mots", 'les mots à chercher, par ex. ceinture route ou "expression exacte"')),
    ), fr=("recherche", "Les articles dont le texte contient ces mots")),
)
