"""Replies as terminal text: the console mode's face, the same replies as in Discord."""

from __future__ import annotations

from handlers.replies import Reply

RULE = "─" * 60


def reply_to_text(reply: Reply, *, limit: int | None = None) -> str:
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
