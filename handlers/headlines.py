"""A title for an article that has no headline: what happened, in a few words
("Kassym-Jomart Tokaïev meets Wang Yi in Astana"), never its dateline or opening paragraph."""

from __future__ import annotations

from diplowatch.reading import short_title
from diplowatch.records import Extraction, Meeting

LIMIT = 100
VERBS = {
    ("meeting", "held"): "meets", ("meeting", "planned"): "to meet",
    ("talks", "held"): "holds talks with", ("talks", "planned"): "to hold talks with",
    ("call", "held"): "speaks by phone with", ("call", "planned"): "to call",
}


def _names(meeting: Meeting) -> list[str]:
    return [p.name or p.role for p in meeting.participants if p.name or p.role]


def _of_meeting(meeting: Meeting) -> str:
    first, *others = _names(meeting)
    if len(others) > 2:
        others = [*others[:2], f"{len(others) - 2} more"]
    title = f"{first} {VERBS[(meeting.kind, meeting.status)]} {' and '.join(others)}"
    if meeting.place and meeting.kind != "call":
        title += f" in {meeting.place}"
    return title


def headline_for(extraction: Extraction, text: str) -> str:
    """The first meeting between two named parties, else the first named statement, else
    the opening words."""
    meetings = sorted(
        (m for m in extraction.meetings if len(_names(m)) >= 2),
        key=lambda m: (m.status != "held", sum(p.name is None for p in m.participants)),
    )
    if meetings:
        return short_title(_of_meeting(meetings[0]), LIMIT)
    quote = next((q for q in extraction.quotes if q.speaker), None)
    if quote is not None:
        return short_title(f"{quote.speaker}: « {quote.text} »", LIMIT)
    return short_title(" ".join(text.split()), LIMIT)
