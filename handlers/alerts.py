"""What the team is told when articles arrive: one alert for an article, one card for several
(see alert_bursts), one summary for the backlog found at the very first start.

A meeting of a new article that another article already reported is a new source for a
known event, and the alert says so ("New source for …", with how many sources it has
now) instead of presenting it as a new meeting. A channel hears of an article once,
however many of its watches the article matches.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from diplowatch.events import Event
from diplowatch.records import Article, Meeting, Quote
from handlers.alert_bursts import AlertWindows, burst_card, marks
from handlers.entries import country_label, event_line, people_line, place_label, quote_entry, sources_label, unnamed, what, when
from handlers.ingest import IngestResult
from handlers.queries import speaker_of
from handlers.replies import Entry, Reply
from handlers.words import tr
from storage import Store

KEY_QUOTES = 3


def key_quotes(quotes: tuple[Quote, ...], limit: int = KEY_QUOTES) -> list[Quote]:
    """Named speakers first, direct words before reported speech, longer before shorter."""
    ranked = sorted(
        quotes,
        key=lambda q: (q.speaker is None, q.kind != "direct", -min(len(q.text), 300)),
    )
    return ranked[:limit]


def is_new_source(event: Event | None, article_id: str) -> bool:
    """Whether this article's report joins an event another article brought first (by
    arrival: an older article arriving late is still a new source for its readers)."""
    if event is None:
        return False
    mine = min((s.first_seen, s.article_id) for s in event.sources if s.article_id == article_id)
    return any((s.first_seen, s.article_id) < mine for s in event.sources if s.article_id != article_id)


def meeting_alert(meeting: Meeting, event: Event | None, article_id: str) -> Entry:
    """A meeting of a new article: a new encounter, or a new source for a known one."""
    if event is None:  # not indexed (cannot happen in a consistent store): say what the article says
        return Entry(heading=", ".join(p.name or p.role or unnamed() for p in meeting.participants),
                     body=", ".join(x for x in (place_label(meeting.place), meeting.date, tr(meeting.status), tr(meeting.kind)) if x))
    if is_new_source(event, article_id):
        first = min(event.sources, key=lambda src: (src.first_seen, src.article_id))
        lines = [tr("Event {id}, now {sources}; first reported by article {article} ({day}).", id=event.id,
                    sources=sources_label(len(event.sources)), article=first.article_id, day=first.published or tr("undated"))]
        if event.announced and meeting.status == "held":
            lines.append(tr("It took place: announced {announced}, held {when}.", announced=event.announced, when=when(event)))
        if event.other_dates:
            lines.append(tr("Sources disagree on the date: {when}.", when=when(event)))
        return Entry(heading=tr("New source for: {event}", event=event_line(event)), body="\n".join(lines))
    where = place_label(event.place) or (tr("by phone or video") if event.kind == "call" else None)
    body = ", ".join(x for x in (where, event.date, what(event)) if x)
    if len(event.sources) > 1:
        body += f" · {sources_label(len(event.sources))} ({tr('event {id}', id=event.id)})"
    return Entry(heading=people_line(event), body=body)


def article_alert(store: Store, article: Article) -> Reply:
    meetings = store.meetings_of_article(article.id)
    events = store.events_of_article(article.id)
    quotes = store.quotes_of_article(article.id)
    known = sum(is_new_source(e, article.id) for e in events)
    lines = [
        tr("Published: {day}", day=article.published or tr("unknown")),
        tr("Countries: {countries}", countries=", ".join(country_label(c) for c in article.countries[:10]) or tr("none found")),
    ]
    if known:
        lines.append(tr("{known} of its {n} meeting(s) already reported: a new source for a known event.",
                        known=known, n=len(meetings)))
    entries = [meeting_alert(m, e, article.id) for m, e in zip(meetings, events)]
    # The registry's name for the speaker ("Tokaïev" where the article wrote "Tokayev"), with a flag.
    entries += [quote_entry(q, article, cite=False, person=speaker_of(store, q)) for q in key_quotes(quotes)]
    new = len(meetings) - known
    counted = tr("{n} new meeting(s)", n=new) + (tr(", {n} new source(s) for known ones", n=known) if known else "")
    return Reply(
        title=tr("New article: {title}", title=article.title or article.id),
        summary="\n".join(lines),
        entries=tuple(entries),
        footer=f"/{tr('article')} {article.id} · {counted}, {tr('{n} statement(s)', n=len(quotes))}",
        tone="alert",
        url=article.url,
        published=article.published,
        author=article.outlet,
    )


def backlog_summary(store: Store, articles: list[Article]) -> Reply:
    meetings = len(store.events_of_articles(a.id for a in articles))
    quotes = sum(len(store.quotes_of_article(a.id)) for a in articles)
    title = tr("{n} articles read from the existing folder", n=len(articles))
    entries = tuple(
        Entry(heading=f"{a.id} · {a.title or tr('untitled')}", body=f"{a.published or tr('undated')} · " + marks(a.countries))
        for a in sorted(articles, key=lambda a: a.published or "", reverse=True)
    )
    return Reply(
        title=title,
        summary=tr("{n} meeting(s) and {quotes} statement(s). Use /article ID for one of them.", n=meetings, quotes=quotes),
        entries=entries,
        tone="alert",
    )


def _watch_matches(subject: str, store: Store, article: Article) -> bool:
    kind, _, value = subject.partition(":")
    if kind == "country":
        return value in article.countries
    # A person is watched by name: the registry finds them whatever the article's spelling.
    return store.person_key(value) in store.people_of_article(article.id)


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
    store: Store,
    results: list[IngestResult],
    default_channel: int | None,
    *,
    backlog: bool = False,
    windows: AlertWindows | None = None,
    now: float = 0.0,
) -> list[tuple[int | None, Reply]]:
    """The messages to post for a batch of ingest results, per channel: the backlog as one
    summary; else one alert for a single article, one card for several. With `windows`,
    articles arriving within the window of a channel's open card join it (see alert_bursts)."""
    articles = [r.article for r in results if r.outcome == "ingested" and r.article]
    out: list[tuple[int | None, Reply]] = []
    for channel, mine in route(store, articles, default_channel).items():
        if backlog:
            out.append((channel, backlog_summary(store, mine)))
            continue
        if windows is None:
            out.append((channel, article_alert(store, mine[0]) if len(mine) == 1 else burst_card(store, mine)))
            continue
        card = windows.join(channel, [a.id for a in mine], now)
        if len(card.article_ids) == 1:
            reply = article_alert(store, mine[0])
        else:
            by_id = {a.id: a for a in mine}
            joined = [by_id.get(i) or store.article(i) for i in card.article_ids]
            reply = burst_card(store, [a for a in joined if a is not None])
        out.append((channel, replace(reply, card=card.key)))
    return out
