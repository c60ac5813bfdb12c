"""Replies as terminal text: the console mode's face, the same replies as in Discord.

Nothing printed carries a control character (newline and tab aside) or a direction override,
whatever the reply holds: stored text is cleaned where it enters, but a database written
before, a file name or an error message is outside text too, and ESC ] 0 ; … BEL retitles a
terminal, ESC [ 2 J clears it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from diplowatch.cleaning import clean_text
from handlers.replies import MOMENT, Reply


def _relative(seconds: float) -> str:
    ahead, seconds = seconds > 0, abs(seconds)
    for size, unit in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size:
            n = int(seconds // size)
            text = f"{n} {unit}{'s' if n > 1 else ''}"
            return f"in {text}" if ahead else f"{text} ago"
    return "now"


def _moment(match) -> str:
    at = datetime.fromtimestamp(int(match[1]), UTC).astimezone()  # the terminal's own time zone
    if match[2] == "R":
        return _relative((at - datetime.now(UTC)).total_seconds())
    return at.strftime("%a %d %b %Y") if match[2] == "d" else at.strftime("%a %d %b %Y %H:%M %Z")


def plain(text: str) -> str:
    """A reply's text for a terminal: moments as dates, nothing a terminal would act on."""
    return MOMENT.sub(_moment, clean_text(text))

RULE = "─" * 60


def reply_to_text(reply: Reply, *, limit: int | None = None) -> str:
    return plain(_text(reply, limit))


def _text(reply: Reply, limit: int | None) -> str:
    lines = [reply.title]
    origin = " · ".join(x for x in (reply.author, reply.url) if x)
    if origin:
        lines.append(origin)
    lines.append(RULE)
    if reply.summary:
        lines.append(reply.summary)
    entries = reply.entries if limit is None else reply.entries[:limit]
    for entry in entries:
        lines.append("")
        lines.append(f"• {entry.heading}")
        lines.extend(f"  {line}" for line in entry.body.splitlines())
    if limit is not None and len(reply.entries) > limit:
        lines.append(f"\n… and {len(reply.entries) - limit} more.")
    for attachment in reply.attachments:
        lines.append(f"[attached: {attachment.filename}, {len(attachment.data)} bytes]")
    if reply.footer:
        lines.append("")
        lines.append(reply.footer)
    return "\n".join(lines)
