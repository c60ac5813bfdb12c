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
            f"Link: {safe_url(found.url)}" if safe_url(found.url) else "",  # an older store kept any scheme
            f"{len(meetings)} meeting(s), {len(quotes)} statement(s).",
            *(f"Note: {w}" for w in found.warnings),
        )
        if line
    )
    return Reply(
        title=found.title or found.id, summary=summary, entries=tuple(entries), footer=f"Article {found.id}",
        url=found.url, published=found.published, author=found.outlet,
    )


def search(ctx: Context, words: str) -> Reply:
    """Articles holding every word (common words such as "de" or "the" aside) and every
    "quoted phrase" as written, newest first."""
    if not terms(words):
        raise BadArgument("Give one or more words to search for.", title="Nothing to search")
    wanted = sorted(search_terms(words), key=len, reverse=True)
    if not wanted:
        raise BadArgument("Those words are too common to search for: add a name, a place or a topic, "
                          'or put the words in quotes ("la route").', title="Nothing to search")
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
        Entry(heading=f"{a.published or 'undated'} · {a.title}", body=f"{_snippet(store.text(a.id), phrases or wanted)}\nArticle {a.id}")
        for a in found
    )
    title = f"Articles mentioning {words}" if phrases else f"Articles mentioning '{words}'"
    notes = [] if store.text_index_ready else ["The search index is still being built: results may be incomplete."]
    if not exact:
        notes.append(f"Only the newest {PHRASE_SCAN} articles with these words were read for the phrase.")
    if not entries:
        return Reply(title=title, summary=" ".join(["No article matches.", *notes]))
    shown = f"the newest {SEARCH_LIMIT} shown; add words to narrow" if total > SEARCH_LIMIT else "newest first"
    return Reply(title=title, summary=" ".join([f"{total} article(s), {shown}.", *notes]), entries=entries)


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
