"""Transport-neutral replies: what to say, not how Discord or a terminal shows it.

All strings are plain text. The renderer escapes markdown and mentions and packs entries
into messages within the transport's limits; an entry is one record and is never split.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
    extra: dict = field(default_factory=dict, compare=False)


def error(message: str, *, title: str = "Sorry") -> Reply:
    """An answer only the asker sees, saying what went wrong and what to do."""
    return Reply(title=title, summary=message, tone="error", ephemeral=True)
