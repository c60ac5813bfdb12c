"""Time expressions of a meeting, resolved against the article's dateline or publication date.

Rules (../shared/eval/README.md "Date"): a weekday is resolved only against a day-precise
reference (the dateline "BICHKEK, 29 juin" or the publication date); with a month-only
reference the date stays at month precision. "le même jour" takes the previous meeting's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from diplowatch.dates import MONTHS, iso

WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
_MONTH = "|".join(sorted((re.escape(m) for m in MONTHS if len(m) > 3), key=len, reverse=True))
_WD = "|".join(WEEKDAYS)

PATTERNS: list[tuple[str, re.Pattern]] = [
    ("dmy", re.compile(rf"\b(\d{{1,2}})(?:er)?\s+({_MONTH})\s+(\d{{4}})\b", re.I)),
    ("mdy", re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)),
    ("dm", re.compile(rf"\b(\d{{1,2}})(?:er)?\s+({_MONTH})\b", re.I)),
    ("md", re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)),
    ("same_day", re.compile(r"\b(?:le même jour|the same day|ce même jour|on the same day|plus tôt dans la journée|plus tard dans la journée|"
                             r"earlier (?:in the|that) day|later (?:in the|that) day)\b", re.I)),
    ("today", re.compile(r"\b(?:aujourd'hui|today|ce jour)\b", re.I)),
    ("yesterday", re.compile(r"\b(?:hier|yesterday)\b", re.I)),
    ("tomorrow", re.compile(r"\b(?:demain|tomorrow)\b", re.I)),
    ("weekday", re.compile(rf"\b({_WD})\b", re.I)),
    ("last_month", re.compile(r"\b(?:le mois dernier|last month|le mois passé)\b", re.I)),
    ("next_month", re.compile(r"\b(?:le mois prochain|next month)\b", re.I)),
    ("last_year", re.compile(r"\b(?:l'année dernière|l'an dernier|last year)\b", re.I)),
    ("next_year", re.compile(r"\b(?:l'année prochaine|l'an prochain|next year)\b", re.I)),
    ("this_month", re.compile(r"\b(?:cette semaine|ce mois|this week|this month|la semaine prochaine|next week|"
                              r"la semaine dernière|last week|ce mois-ci)\b", re.I)),
    ("this_year", re.compile(r"\b(?:cette année|this year|cet automne|this fall|this autumn|cet été|this summer|"
                             r"ce printemps|this spring|cet hiver|this winter|in the (?:autumn|fall|spring|summer|winter)|à l'automne|au printemps|en été)\b", re.I)),
    ("month_year", re.compile(rf"\b({_MONTH})\s+(\d{{4}})\b", re.I)),
    ("month", re.compile(rf"\b(?:en|in|début|fin|mi-|early|late|mid-?)\s*({_MONTH}|[Mm]ay|mai)\b", re.I)),
]

DATELINE = re.compile(
    rf"^\s*[A-ZÀ-Ý][A-ZÀ-Ý'’ .\-]+,\s+(?:(\d{{1,2}})(?:er)?\s+({_MONTH})|({_MONTH})\.?\s+(\d{{1,2}}))\b", re.I | re.M)


@dataclass(frozen=True)
class Cue:
    start: int  # character offset in the text searched
    kind: str
    groups: tuple


def find_cues(text: str, offset: int = 0) -> list[Cue]:
    """Time expressions in text, longest first at each position, ordered by position."""
    cues: list[Cue] = []
    covered: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(s <= m.start() < e or s < m.end() <= e for s, e in covered):
                continue
            covered.append((m.start(), m.end()))
            cues.append(Cue(offset + m.start(), kind, m.groups()))
    return sorted(cues, key=lambda c: c.start)


def _parse(value: str | None) -> tuple[int | None, int | None, int | None]:
    if not value:
        return None, None, None
    parts = [int(p) for p in value.split("-")]
    return tuple(parts + [None] * (3 - len(parts)))  # type: ignore[return-value]


def reference_date(text: str, published: str | None) -> str | None:
    """The dateline's date ("BICHKEK, 29 juin (Xinhua)", "MOSCOW, July 5") with the publication year,
    else the publication date."""
    year, month, _ = _parse(published)
    m = DATELINE.search(text[:600])
    if m and year:
        day = int(m[1] or m[4])
        mon = MONTHS[(m[2] or m[3]).lower()]
        if month and mon > month:
            year -= 1  # a December dateline in a January article
        value = iso(year, mon, day)
        if value:
            return value
    return published


def resolve(cue: Cue, ref: str | None, planned: bool, previous: str | None = None) -> str | None:
    """The ISO date a cue stands for, as precise as the reference allows."""
    year, month, day = _parse(ref)
    g = cue.groups
    if cue.kind == "dmy":
        return iso(int(g[2]), MONTHS[g[1].lower()], int(g[0]))
    if cue.kind == "mdy":
        return iso(int(g[2]), MONTHS[g[0].lower()], int(g[1]))
    if cue.kind in ("dm", "md"):
        d, mon = (int(g[0]), MONTHS[g[1].lower()]) if cue.kind == "dm" else (int(g[1]), MONTHS[g[0].lower()])
        if not year:
            return None
        if month and planned and mon < month - 1:
            year += 1
        elif month and not planned and mon > month + 1:
            year -= 1
        return iso(year, mon, d)
    if cue.kind == "month_year":
        return iso(int(g[1]), MONTHS[g[0].lower()])
    if cue.kind == "month":
        if not year:
            return None
        mon = MONTHS[g[0].lower()]
        if month and planned and mon < month:
            year += 1
        elif month and not planned and mon > month:
            year -= 1
        return iso(year, mon)
    if cue.kind == "same_day":
        return previous or ref
    if not year:
        return None
    if cue.kind in ("today", "yesterday", "tomorrow", "weekday"):
        if day is None:
            return iso(year, month) if month else iso(year)
        ref_day = date(year, month, day)
        if cue.kind == "today":
            return ref_day.isoformat()
        if cue.kind == "yesterday":
            return (ref_day - timedelta(days=1)).isoformat()
        if cue.kind == "tomorrow":
            return (ref_day + timedelta(days=1)).isoformat()
        wd = WEEKDAYS[g[0].lower()]
        if planned:
            return (ref_day + timedelta(days=(wd - ref_day.weekday()) % 7)).isoformat()
        return (ref_day - timedelta(days=(ref_day.weekday() - wd) % 7)).isoformat()
    if cue.kind == "this_month":
        return iso(year, month) if month else iso(year)
    if cue.kind in ("last_month", "next_month"):
        if not month:
            return iso(year)
        step = -1 if cue.kind == "last_month" else 1
        m = month + step
        y = year + (m - 1) // 12
        return iso(y, (m - 1) % 12 + 1)
    if cue.kind == "last_year":
        return iso(year - 1)
    if cue.kind == "next_year":
        return iso(year + 1)
    if cue.kind == "this_year":
        return iso(year)
    return None
