"""Transport-neutral replies: what to say, not how Discord or a terminal shows it.

All strings are plain text. The renderer escapes markdown and mentions and packs entries
into messages within the transport's limits; an entry is one record and is never split.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

Tone = Literal["info", "alert", "success", "warning", "error", "digest"]


@dataclass(frozen=True, slots=True)
class Entry:
    heading: str
    body: str = ""


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str
    data: bytes
    description: str = ""


@dataclass(frozen=True, slots=True)
class Reply:
    title: str
    summary: str = ""
    entries: tuple[Entry, ...] = ()
    footer: str = ""
    tone: Tone = "info"
    ephemeral: bool = False
    attachments: tuple[Attachment, ...] = ()
    image: str | None = None  # filename of an attachment to show inside the card
    url: str | None = None  # where the title links to (the article's page)
    published: str | None = None  # the date it is about (ISO, any precision)
    author: str | None = None  # who it comes from (the agency or site)
    more: tuple[Reply, ...] = ()  # replies that follow this one (a digest in several parts)
    digest_post: DigestPost | None = None  # the transport also posts a digest to its channel
    card: str | None = None  # the alert card this reply replaces where the transport can edit (a burst)


@dataclass(frozen=True, slots=True)
class DigestPost:
    """`/digest post`: what the transport sends to the digest channel besides its answer."""

    due: bool  # the digest since the last one, which then counts as the weekly one
    replies: tuple[Reply, ...] = ()  # otherwise: the digest of the period that was asked for


# A moment in a reply's text, which each transport shows its own way: Discord as a timestamp
# in the reader's own time zone (<t:…>), the console as a date and "3 days ago".
TIME_MARK = "\ue000"  # a private-use character: never in an article, never printed
MOMENT = re.compile(f"{TIME_MARK}(\\d+):([fRd]){TIME_MARK}")  # what transports replace


def moment(at: datetime, style: Literal["f", "R", "d"] = "f") -> str:
    """`at` as a full date and time ("f"), relative ("R") or a day ("d")."""
    return f"{TIME_MARK}{int(at.timestamp())}:{style}{TIME_MARK}"


def parts(reply: Reply) -> list[Reply]:
    """A reply and the ones that follow it, in order."""
    return [reply, *reply.more]


def error(message: str, *, title: str = "Sorry") -> Reply:
    """An answer only the asker sees, saying what went wrong and what to do."""
    return Reply(title=title, summary=message, tone="error", ephemeral=True)
