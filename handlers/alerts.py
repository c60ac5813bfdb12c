"""What the team is told when articles arrive: one alert each, or one summary for a burst."""

from __future__ import annotations

from collections import defaultdict

from diplowatch.records import Article, Quote
from handlers.entries import country_label, participant_line
from handlers.ingest import IngestResult
from handlers.replies import Entry, Reply
from handlers.subjects import Subject
from storage import Store

BURST = 5  # more new articles than this at once become one summary per channel
KEY_QUOTES = 3


def key_quotes(quotes: tuple[Quote, ...], limit: int = KEY_QUOTES) -> list[Quote]:
    """Named speakers first, direct words before reported speech, longer before shorter."""
    ranked = sorted(
        quotes,
        key=lambda q: (q.speaker is None, q.kind != "direct", -min(len(q.text), 300)),
    )
    return ranked[:limit]


def article_alert(store: Store, article: Article) -> Reply:
    meetings = store.meetings_of_article(article.id)
    quotes = store.quotes_of_article(article.id)
    lines = [
        f"Published: {article.published or 'unknown'}",
        "Countries: " + (", ".join(country_label(c) for c in article.countries[:10]) or "none found"),
    ]
    entries = [
        Entry(
            heading=participant_line(m),
            body=", ".join(x for x in (m.place, m.date, m.status, m.kind) if x),
        )
        for m in meetings
    ]
    entries += [
        Entry(heading=f"{q.speaker or 'unattributed'}", body=f"« {q.text} »" if q.kind == "direct" else q.text)
        for q in key_quotes(quotes)
    ]
    return Reply(
        title=f"New article: {article.title or article.id}",
        summary="\n".join(lines),
        entries=tuple(entries),
        footer=f"/article {article.id} · {len(meetings)} meeting(s), {len(quotes)} statement(s)",
        tone="alert",
        url=article.url,
        published=article.published,
        author=article.outlet,
    )


def burst_summary(store: Store, articles: list[Article], *, backlog: bool = False) -> Reply:
    meetings = sum(len(store.meetings_of_article(a.id)) for a in articles)
    quotes = sum(len(store.quotes_of_article(a.id)) for a in articles)
    title = f"{len(articles)} articles read from the existing folder" if backlog else f"{len(articles)} new articles"
    entries = tuple(
        Entry(heading=f"{a.id} · {a.title or 'untitled'}", body=f"{a.published or 'undated'} · " + ", ".join(a.countries[:6]))
        for a in sorted(articles, key=lambda a: a.published or "", reverse=True)
    )
    return Reply(
        title=title,
        summary=f"{meetings} meeting(s) and {quotes} statement(s). Use /article ID for one of them.",
        entries=entries,
        tone="alert",
    )


def _watch_matches(subject: str, store: Store, article: Article) -> bool:
    kind, _, value = subject.partition(":")
    if kind == "country":
        return value in article.countries
    who = Subject("person", value, value)
    if any(who.matches_participant(p, None) for p in article.people):
        return True
    return any(
        who.matches_participant(p.name, None)
        for m in store.meetings_of_article(article.id)
        for p in m.participants
    )


def route(store: Store, articles: list[Article], default_channel: int | None) -> dict[int | None, list[Article]]:
    """Which channel hears of which article: channels whose watch matches, else the alert channel."""
    watches = store.watches()
    routed: dict[int | None, list[Article]] = defaultdict(list)
    watching_channels = {channel for channel, _ in watches}
    for article in articles:
        matched = {channel for channel, subject in watches if _watch_matches(subject, store, article)}
        if default_channel is not None and default_channel not in watching_channels:
            matched.add(default_channel)
        if not watches and default_channel is None:
            matched.add(None)
        for channel in matched:
            routed[channel].append(article)
    return routed


def alerts_for(
    store: Store, results: list[IngestResult], default_channel: int | None, *, backlog: bool = False
) -> list[tuple[int | None, Reply]]:
    """The messages to post for a batch of ingest results, per channel."""
    articles = [r.article for r in results if r.outcome == "ingested" and r.article]
    out: list[tuple[int | None, Reply]] = []
    for channel, mine in route(store, articles, default_channel).items():
        if backlog or len(mine) > BURST:
            out.append((channel, burst_summary(store, mine, backlog=backlog)))
        else:
            out.extend((channel, article_alert(store, a)) for a in mine)
    return out
