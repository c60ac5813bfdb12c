"""A burst of articles is one card per channel: which card an arrival joins, and what it says.

Articles that reach a channel within the alert window (ALERT_WINDOW_SECONDS, 60 s by
default) of its card's first article join that card. The first article is alerted at once
with its full card; a second one within the window turns that message into a list, one line
per article, which the transport edits in place (`Reply.card`). Nothing is held back to wait
for the window to close, so a bot stopped mid-window has lost nothing: every article was
already posted or added to its card. Deciding here, as plain data, keeps the transports
thin: Discord edits its message, the console prints the card again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from diplowatch.records import Article
from diplowatch.sources import safe_url
from handlers.entries import flag
from handlers.replies import Reply
from storage import Store

TITLE_CHARS = 100
FLAGS_PER_LINE = 3
LINK_CHARS = 300  # a longer link would crowd out the other lines: /article ID instead
# One embed's description holds 4096 characters; markdown escapes add some, so the lines
# stop well before it and the card is always one message, however many files arrive.
LINES_BUDGET = 3300
ESCAPED = frozenset("\\*_~`|>#-[]")  # characters a transport may escape, counted twice


@dataclass(slots=True)
class OpenCard:
    key: str
    opened: float
    article_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Card:
    """The card a channel's new articles join: its key for the transport, and every article in it."""

    key: str
    article_ids: tuple[str, ...]


class AlertWindows:
    """Per channel, the card still open to new articles (plain state, no clock of its own:
    the caller says what time it is, in seconds of any monotonic clock)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._open: dict[int | None, OpenCard] = {}
        self._count = 0

    def join(self, channel: int | None, article_ids: list[str], now: float) -> Card:
        card = self._open.get(channel)
        if card is None or now - card.opened >= self.seconds:
            self._count += 1
            card = self._open[channel] = OpenCard(f"alerts-{channel}-{self._count}", now)
        card.article_ids.extend(i for i in article_ids if i not in card.article_ids)
        return Card(card.key, tuple(card.article_ids))


def marks(codes: tuple[str, ...]) -> str:
    """The countries as flags, or as the code for one without a flag: never both."""
    return " ".join(flag(c) or c for c in codes[:FLAGS_PER_LINE])


def article_line(article: Article) -> str:
    title = article.title or "untitled"
    if len(title) > TITLE_CHARS:
        title = title[: TITLE_CHARS - 1].rstrip() + "…"
    url = safe_url(article.url)
    link = url if url and len(url) <= LINK_CHARS else f"/article {article.id}"
    return " ".join(x for x in (marks(article.countries), title, "—", link) if x)


def burst_card(store: Store, articles: list[Article]) -> Reply:
    """Several new articles as one card: one line per article (flags, title, link), the
    newest arrival last; those past the budget are counted, never paged."""
    meetings = len(store.events_of_articles(a.id for a in articles))
    quotes = sum(len(store.quotes_of_article(a.id)) for a in articles)
    lines: list[str] = []
    used = 0
    for article in articles:
        line = article_line(article)
        size = len(line) + sum(c in ESCAPED for c in line) + 1
        if used + size > LINES_BUDGET:
            break
        lines.append(line)
        used += size
    if len(lines) < len(articles):
        lines.append(f"… and {len(articles) - len(lines)} more: /articles lists them all")
    head = f"{meetings} meeting(s) and {quotes} statement(s). /article ID for one of them."
    return Reply(title=f"{len(articles)} new articles", summary="\n".join([head, "", *lines]), tone="alert")
