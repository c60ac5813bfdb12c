"""One formatter for everything the bot posts: replies become embeds within Discord's limits.

Article text is someone else's words: markdown is escaped so it cannot break the layout,
control characters and direction overrides are removed, mentions are defused, and every
message is sent with `allowed_mentions` none, so an article containing @everyone pings nobody.
Long text is cut at a word with "…"; long lists become pages, and an entry (one record) is
never split across two pages.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

import discord

from diplowatch.cleaning import clean_text
from diplowatch.sources import safe_url
from handlers.replies import MOMENT, Reply, parts

TITLE = 256
DESCRIPTION = 4096
FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
AUTHOR = 256
EMBED_TOTAL = 6000
CONTENT = 2000
EMBEDS_PER_MESSAGE = 10
PAGE_BUDGET = 5000  # leaves room for title, footer and the page counter under EMBED_TOTAL
PAGE_FIELDS = 8  # a page a person can read on a phone

COLOURS = {
    "info": discord.Colour.blurple(),
    "alert": discord.Colour.orange(),
    "success": discord.Colour.green(),
    "warning": discord.Colour.gold(),
    "error": discord.Colour.red(),
    "digest": discord.Colour.teal(),
}
NO_MENTIONS = discord.AllowedMentions.none()


def cut(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word boundary with an ellipsis."""
    text = text.strip()
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = head.rfind(" ")
    if space > limit * 0.6:
        head = head[:space]
    return head.rstrip(" ,;:.") + "…"




def safe(text: str) -> str:
    """Someone else's text made inert: no markdown, no working mentions, no control characters
    and no direction overrides (U+202E flips the rest of a line: `evil\u202etxt.exe`); our own
    moments become Discord timestamps, shown in each reader's time zone."""
    inert = discord.utils.escape_mentions(discord.utils.escape_markdown(clean_text(text or "")))
    return MOMENT.sub(r"<t:\1:\2>", inert)


@dataclass(frozen=True, slots=True)
class Page:
    title: str
    description: str
    fields: tuple[tuple[str, str], ...]
    footer: str
    colour: discord.Colour
    url: str | None = None
    timestamp: datetime | None = None
    author: str = ""


def _timestamp(published: str | None) -> datetime | None:
    """A day is shown as the embed's time; a month or a year is not a time."""
    if not published or len(published) != 10:
        return None
    try:
        return datetime.fromisoformat(published).replace(tzinfo=UTC)
    except ValueError:
        return None


def pages_of(reply: Reply, *, numbered: bool = True) -> list[Page]:
    title = cut(safe(reply.title), TITLE)
    # Half the description leaves room for the fields; a reply without any (a burst's card,
    # one line per article) may use all of it.
    description = cut(safe(reply.summary), DESCRIPTION // 2 if reply.entries else DESCRIPTION)
    colour = COLOURS.get(reply.tone, COLOURS["info"])
    fields = [
        (cut(safe(entry.heading), FIELD_NAME) or "—", cut(safe(entry.body), FIELD_VALUE) or "—")
        for entry in reply.entries
    ]
    footer = cut(safe(reply.footer), FOOTER // 2)
    # The footer is on every page too: with a long title, description and footer, leaving it
    # out of the budget gave 6035-character embeds (Discord's limit is 6000).
    fixed = len(title) + len(description) + len(footer) + AUTHOR
    groups: list[list[tuple[str, str]]] = [[]]
    used = fixed
    for field in fields:
        size = len(field[0]) + len(field[1])
        if groups[-1] and (len(groups[-1]) >= PAGE_FIELDS or used + size > PAGE_BUDGET):
            groups.append([])
            used = fixed
        groups[-1].append(field)
        used += size
    total = len(groups)
    url, when, author = safe_url(reply.url), _timestamp(reply.published), cut(safe(reply.author or ""), AUTHOR)
    result = []
    for number, group in enumerate(groups, 1):
        counter = f"Page {number}/{total}" if total > 1 and numbered else ""
        result.append(
            Page(
                title=title,
                description=description,
                fields=tuple(group),
                footer=" · ".join(x for x in (footer, counter) if x),
                colour=colour,
                url=url,
                timestamp=when,
                author=author,
            )
        )
    return result


def embed_of(page: Page) -> discord.Embed:
    embed = discord.Embed(
        title=page.title or None, description=page.description or None, colour=page.colour,
        url=page.url if page.title else None, timestamp=page.timestamp,
    )
    if page.author:
        embed.set_author(name=page.author)
    for name, value in page.fields:
        embed.add_field(name=name, value=value, inline=False)
    if page.footer:
        embed.set_footer(text=page.footer)
    return embed


def embeds_of(reply: Reply) -> list[discord.Embed]:
    return [embed_of(page) for page in pages_of(reply)]


def paged_embeds(reply: Reply) -> list[discord.Embed]:
    """One answer behind page buttons: the pages of the reply and of the replies that follow
    it (a digest's sections), numbered together."""
    pages = [page for part in parts(reply) for page in pages_of(part, numbered=not reply.more)]
    if reply.more and len(pages) > 1:
        pages = [
            replace(page, footer=" · ".join(x for x in (page.footer, f"Page {n}/{len(pages)}") if x))
            for n, page in enumerate(pages, 1)
        ]
    return [embed_of(page) for page in pages]


def files_of(reply: Reply) -> list[discord.File]:
    import io

    return [
        discord.File(io.BytesIO(a.data), filename=a.filename, description=cut(a.description, 1024) or None)
        for a in reply.attachments
    ]


def message_batches(*replies: Reply) -> list[list[discord.Embed]]:
    """All pages of the replies as messages for a channel (no buttons there): each message
    holds as many pages as fit in 10 embeds and 6000 characters."""
    batches: list[list[discord.Embed]] = [[]]
    size = 0
    # No "Page 1/2" in a channel: there are no buttons there, every page is posted.
    pages = (page for reply in replies for page in pages_of(reply, numbered=False))
    for embed in map(embed_of, pages):
        length = len(embed)
        if batches[-1] and (len(batches[-1]) >= EMBEDS_PER_MESSAGE or size + length > EMBED_TOTAL):
            batches.append([])
            size = 0
        batches[-1].append(embed)
        size += length
    return batches
