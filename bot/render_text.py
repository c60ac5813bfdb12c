"""Replies as terminal text: the console mode's face, the same replies as in Discord.

Nothing printed carries a control character (newline and tab aside) or a direction override,
whatever the reply holds: stored text is cleaned where it enters, but a database written
before, a file name or an error message is outside text too, and ESC ] 0 ; … BEL retitles a
terminal, ESC [ 2 J clears it.
"""

from __future__ import annotations

from diplowatch.cleaning import clean_text
from handlers.replies import Reply

RULE = "─" * 60


def reply_to_text(reply: Reply, *, limit: int | None = None) -> str:
    lines = [reply.title, RULE]
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
    return clean_text("\n".join(lines))
