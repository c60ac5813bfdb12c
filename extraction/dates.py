"""Time expressions of a meeting, resolved against the article's dateline or publication date.

Rules (../shared/eval/README.md "Date"):
- a full date is itself ("le 9 avril 2024", "April 22nd, 2020");
- a day and month without a year ("le 26 février", "on March 3") takes the year that puts it
  nearest the reference date;
- a weekday ("mercredi", "on Friday", "dimanche dernier", "next Wednesday") is resolved only
  against a day-precise reference (the dateline "BICHKEK, 29 juin" or the publication date):
  the nearest such day before it for a held meeting, after it for a planned one; with a
  month-only reference the date stays at month precision;
- "aujourd'hui", "ce matin", "cet après-midi", "today", "this morning" are the reference day;
  "hier" / "la veille" / "yesterday" the day before; "demain" / "tomorrow" the day after;
- "le même jour" / "earlier that day" take the previous meeting's date;
- months ("en juillet", "in July", "en mars prochain"), relative months and years, seasons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable

from diplowatch.dates import MONTH_PATTERN, MONTHS, iso

WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
_MONTH = "|".join(sorted((re.escape(m) for m in MONTHS if len(m) > 3), key=len, reverse=True))
# "May" / "mai" is a month next to a day number ("May 27", "le 27 mai"), not the modal verb
_MONTH_NUM = _MONTH + "|(?-i:May|mai|MAI|MAY)|(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?=\\.\\s+\\d)"
_WD = "|".join(WEEKDAYS)
_ORD = r"(?:er|st|nd|rd|th)?"

_OF_EVENT = r"(?!\s+(?:de|d'|d’|du|des|of|the|a|an|his|her|their|its|this|that|tomorrow)\b)"

PATTERNS: list[tuple[str, re.Pattern]] = [
    ("dmy", re.compile(rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?({_MONTH_NUM}),?\s+(\d{{4}})\b", re.I)),
    ("mdy", re.compile(rf"\b({_MONTH_NUM})\.?\s+(\d{{1,2}}){_ORD},?\s+(\d{{4}})\b", re.I)),
    # a weekday with its day and month ("mercredi 16 décembre", "Wednesday, July 18"): the
    # weekday tells the year where the reference does not
    ("wdm", re.compile(rf"\b({_WD}),?\s+(\d{{1,2}}){_ORD}\s+({_MONTH_NUM})\b", re.I)),
    ("wmd", re.compile(rf"\b({_WD}),?\s+({_MONTH_NUM})\.?\s+(\d{{1,2}}){_ORD}\b", re.I)),
    ("dm", re.compile(rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?({_MONTH_NUM})\b", re.I)),  # "on 13th of October"
    ("md", re.compile(rf"\b({_MONTH_NUM})\.?\s+(\d{{1,2}}){_ORD}\b", re.I)),
    ("same_day", re.compile(r"\b(?:le même jour|the same day|ce même jour|on the same day|plus tôt dans la journée|plus tard dans la journée|"
                             r"earlier (?:in the|that) day|later (?:in the|that) day|later (?:in the|that) evening|that same evening"
                             r"|plus tard dans la soirée|le soir même|ce soir-là)\b"
                             r"|^(?:later|plus tard),", re.I)),  # "Later, A and B held a trilateral meeting"
    ("today", re.compile(r"\b(?:aujourd'hui|today|ce jour|ce matin|cet après-midi|ce soir|cette nuit|this morning|"
                         r"this afternoon|this evening|tonight|earlier today)\b", re.I)),
    # (not "la veille de sa visite", "the day after the call": a day of another event's, not the article's)
    ("yesterday", re.compile(rf"\b(?:hier|yesterday|la veille{_OF_EVENT}|the day before{_OF_EVENT}|last night)\b", re.I)),
    ("tomorrow", re.compile(rf"\b(?:demain|tomorrow|le lendemain{_OF_EVENT}|the day after{_OF_EVENT})\b", re.I)),
    ("last_weekday", re.compile(rf"\b(?:({_WD}) (?:dernier|passé)|last ({_WD}))\b", re.I)),
    ("next_weekday", re.compile(rf"\b(?:({_WD}) prochain|next ({_WD}))\b", re.I)),
    ("weekday", re.compile(rf"\b({_WD})\b", re.I)),
    ("last_month", re.compile(r"\b(?:le mois dernier|last month|le mois passé)\b", re.I)),
    ("next_month", re.compile(r"\b(?:le mois prochain|next month)\b", re.I)),
    ("last_year", re.compile(r"\b(?:l'année dernière|l'an dernier|last year)\b", re.I)),
    ("next_year", re.compile(r"\b(?:l'année prochaine|l'an prochain|next year)\b", re.I)),
    ("this_month", re.compile(r"\b(?:cette semaine|ce mois|this week|this month|la semaine prochaine|next week|"
                              r"la semaine dernière|last week|ce mois-ci)\b", re.I)),
    ("this_year", re.compile(r"\b(?:cette année|this year|cet automne|this fall|this autumn|cet été|this summer|"
                             r"ce printemps|this spring|cet hiver|this winter|in the (?:autumn|fall|spring|summer|winter)|à l'automne|au printemps|en été)\b", re.I)),
    ("month_year", re.compile(rf"\b({_MONTH_NUM})\s+(\d{{4}})\b", re.I)),
    ("month", re.compile(rf"\b(?:en|in|début|fin|mi-|early|late|mid-?)\s*({_MONTH}|[Mm]ay|mai)\b", re.I)),
]

# A dateline's month may be abbreviated ("ASTANA, Feb 12", "PARIS, 3 sept."): after "CITY," the
# short forms are safe, while in running text they are not (so cues use _MONTH, full names only).
_DATELINE_MONTH = MONTH_PATTERN
DATELINE = re.compile(
    rf"^\s*[A-ZÀ-Ý][A-ZÀ-Ý'’ .\-]+,\s+(?:(\d{{1,2}})(?:er)?\s+({_DATELINE_MONTH})\.?|({_DATELINE_MONTH})\.?\s+(\d{{1,2}}))\b",
    re.I | re.M)


# A dated line heading the story ("Bangui 17 Juin 2021—(Agence) :", "PARIS, 3 mars (AFP) -"): its
# date is when the story was filed, not the meeting's when the sentence gives another.
_DATED_LINE = re.compile(
    rf"^\s*[A-ZÀ-Ý][\w'’.\- ]{{1,28}}?,?\s+((?:\d{{1,2}}(?:er)?\s+(?:{_DATELINE_MONTH})|(?:{_DATELINE_MONTH})\.?\s+\d{{1,2}})"
    rf"\.?(?:,?\s+\d{{4}}|/\d{{4}})?)\s*(?:[–—(:/]|-\s)", re.I | re.M)


@lru_cache(maxsize=64)
def _dated_line_spans(opening: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span(1) for m in _DATED_LINE.finditer(opening))


def in_dated_line(text: str, start: int) -> bool:
    """Whether the time expression at `start` is the date of a dateline (in the opening; read
    once per article, though asked for every time expression of every meeting)."""
    return start < 600 and any(s <= start < e for s, e in _dated_line_spans(text[:600]))


# A time the sentence gives without a day ("a few days earlier", "récemment"): the meeting is not
# on the day of the sentence before.
_VAGUE = re.compile(r"\b(?:(?:a few|several|some) days (?:earlier|ago|before)|quelques jours (?:plus tôt|auparavant|avant)"
                    r"|il y a quelques jours|recently|récemment|the other day|l'autre jour|earlier this (?:week|month)"
                    r"|plus tôt (?:cette semaine|ce mois-ci|dans la semaine))\b", re.I)


def vague_time(text: str) -> bool:
    return _VAGUE.search(text) is not None


@dataclass(frozen=True)
class Cue:
    start: int  # character offset in the text searched
    kind: str
    groups: tuple


def find_cues(text: str, offset: int = 0) -> list[Cue]:
    """Time expressions in text, longest first at each position, ordered by position."""
    return list(_cues(text, offset))


# The patterns that cannot match a text without a digit (each holds a mandatory \d), and those
# that cannot match where "weekday" finds nothing (each holds a weekday between word boundaries):
# most sentences have neither, and the month-led patterns are the slowest to run.
_NEEDS_DIGIT = frozenset({"dmy", "mdy", "wdm", "wmd", "dm", "md", "month_year"})
_NEEDS_WEEKDAY = frozenset({"last_weekday", "next_weekday", "wdm", "wmd"})
_DIGIT = re.compile(r"\d")
_WEEKDAY = dict(PATTERNS)["weekday"]


@lru_cache(maxsize=8)
def _cues(text: str, offset: int) -> tuple[Cue, ...]:
    """``find_cues``, remembered for the last few texts: a sentence is searched again for each of
    its meeting words and as the sentence before the next one (nineteen patterns each time)."""
    cues: list[Cue] = []
    covered: list[tuple[int, int]] = []
    skip = set()
    if _DIGIT.search(text) is None:
        skip |= _NEEDS_DIGIT
    if _WEEKDAY.search(text) is None:
        skip |= _NEEDS_WEEKDAY
    for kind, pattern in PATTERNS:
        if kind in skip:
            continue
        for m in pattern.finditer(text):
            if any(s <= m.start() < e or s < m.end() <= e for s, e in covered):
                continue
            covered.append((m.start(), m.end()))
            cues.append(Cue(offset + m.start(), kind, m.groups()))
    return tuple(sorted(cues, key=lambda c: c.start))


def _parse(value: str | None) -> tuple[int | None, int | None, int | None]:
    if not value:
        return None, None, None
    parts = [int(p) for p in value.split("-")]
    return tuple(parts + [None] * (3 - len(parts)))  # type: ignore[return-value]


def dateline(text: str) -> re.Match | None:
    """The dateline in the opening of a text ("BICHKEK, 29 juin (Xinhua)", "MOSCOW, July 5")."""
    return DATELINE.search(text[:600])


_LINE_DATE = re.compile(rf"(\d{{1,2}})(?:er)?\s+({_DATELINE_MONTH})\.?|({_DATELINE_MONTH})\.?\s+(\d{{1,2}})", re.I)


def _line_day(text: str) -> tuple[int, int, int | None] | None:
    """(day, month, year or None) of the dateline, else of a dated line heading the story ("Addis
    Ababa February 16/2022 /ENA/", "Bangui 17 Juin 2021—")."""
    m = dateline(text)
    if m:
        return int(m[1] or m[4]), MONTHS[(m[2] or m[3]).lower()], None
    line = _DATED_LINE.search(text[:600])
    if not line or text[:line.start()].count("\n") > 3:
        return None
    found = _LINE_DATE.search(line[1])
    if not found:
        return None
    year = re.search(r"\d{4}", line[1][found.end():])
    return (int(found[1] or found[4]), MONTHS[(found[2] or found[3]).lower()], int(year[0]) if year else None)


def reference_date(text: str, published: str | None) -> str | None:
    """The dateline's date (with the publication year unless it states its own), else the
    publication date."""
    year, month, _ = _parse(published)
    found = _line_day(text)
    if found and (year or found[2]):
        day, mon, stated = found
        if stated:
            year = stated
        elif month and mon > month:
            year -= 1  # a December dateline in a January article
        value = iso(year, mon, day)
        if value:
            return value
    return published


_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def weekday_dated(text: str, today: date | None = None) -> str | None:
    """For a page that gives no date: the day its opening names with a weekday ("est arrivé ce
    lundi 5 décembre"), in the one year of the three from the latest year the text mentions (a
    page is not older than what it tells of) where that day is that weekday; else None."""
    opening = text[:1500]
    for kind in ("wdm", "wmd"):
        found = dict(PATTERNS)[kind].search(opening)
        if found:
            break
    else:
        return None
    wd, first, second = found.groups()
    day, mon = (int(first), MONTHS[second.lower()]) if kind == "wdm" else (int(second), MONTHS[first.lower()])
    this_year = (today or date.today()).year
    years = [int(y) for y in _YEAR.findall(text) if int(y) <= this_year]
    if not years:
        return None
    latest = max(years)
    fits = [y for y in range(latest, min(latest + 3, this_year + 1)) if _weekday_of(y, mon, day) == WEEKDAYS[wd.lower()]]
    return iso(fits[0], mon, day) if len(fits) == 1 else None


@dataclass(frozen=True)
class _Ref:
    year: int | None
    month: int | None
    day: int | None
    planned: bool
    previous: str | None
    ref: str | None

    def day_date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.year and self.month and self.day else None

    def coarse(self) -> str | None:
        """The reference at its own precision, for a day it cannot resolve."""
        return iso(self.year, self.month) if self.month else iso(self.year) if self.year else None


def _nearest_year(r: _Ref, mon: int, day: int) -> int | None:
    """The year that puts (month, day) nearest the reference date, not on the wrong side of it by
    more than a week (a held meeting is not months ahead, a planned one not months ago)."""
    if not r.year:
        return None
    anchor = date(r.year, r.month or 7, r.day or 15)
    best = None
    for y in (r.year - 1, r.year, r.year + 1):
        try:
            delta = (date(y, mon, day) - anchor).days
        except ValueError:
            continue
        wrong_side = delta > 7 if not r.planned else delta < -7
        if r.month and wrong_side:
            continue
        if best is None or abs(delta) < best[0]:
            best = (abs(delta), y)
    return best[1] if best else r.year


def _day_month(cue: Cue, r: _Ref) -> str | None:
    g = cue.groups
    d, mon = (int(g[0]), MONTHS[g[1].lower()]) if cue.kind == "dm" else (int(g[1]), MONTHS[g[0].lower()])
    year = _nearest_year(r, mon, d)
    return iso(year, mon, d) if year else None


def _weekday_day_month(cue: Cue, r: _Ref) -> str | None:
    """ "mercredi 16 décembre": of the years next to the nearest one, the one where the 16th of
    December is a Wednesday (a reference taken from a past date in the text is not the day of
    publication, so the nearest year can be a year off); a weekday that fits none is a typo."""
    wd = WEEKDAYS[cue.groups[0].lower()]
    d, mon = (int(cue.groups[1]), MONTHS[cue.groups[2].lower()]) if cue.kind == "wdm" else \
        (int(cue.groups[2]), MONTHS[cue.groups[1].lower()])
    year = _nearest_year(r, mon, d)
    if not year:
        return None
    fits = [y for y in (year, year + 1, year - 1) if _weekday_of(y, mon, d) == wd]
    return iso(fits[0] if fits else year, mon, d)


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return date(year, month, day).weekday()
    except ValueError:
        return None


def _month(cue: Cue, r: _Ref) -> str | None:
    if not r.year:
        return None
    mon = MONTHS[cue.groups[0].lower()]
    year = r.year
    if r.month and r.planned and mon < r.month:
        year += 1
    elif r.month and not r.planned and mon > r.month:
        year -= 1
    return iso(year, mon)


def _relative_day(cue: Cue, r: _Ref) -> str | None:
    ref_day = r.day_date()
    if ref_day is None:
        return r.coarse()
    step = {"today": 0, "yesterday": -1, "tomorrow": 1}[cue.kind]
    return (ref_day + timedelta(days=step)).isoformat()


def _weekday(cue: Cue, r: _Ref) -> str | None:
    ref_day = r.day_date()
    if ref_day is None:
        return r.coarse()
    wd = WEEKDAYS[next(g for g in cue.groups if g).lower()]
    forward = cue.kind == "next_weekday" or cue.kind == "weekday" and r.planned
    if forward:
        return (ref_day + timedelta(days=(wd - ref_day.weekday()) % 7 or (7 if cue.kind == "next_weekday" else 0))).isoformat()
    back = (ref_day.weekday() - wd) % 7 or (7 if cue.kind == "last_weekday" else 0)
    return (ref_day - timedelta(days=back)).isoformat()


def _relative_month(cue: Cue, r: _Ref) -> str | None:
    if not r.year:
        return None
    if not r.month:
        return iso(r.year)
    m = r.month + (-1 if cue.kind == "last_month" else 1)
    return iso(r.year + (m - 1) // 12, (m - 1) % 12 + 1)


_RESOLVERS: dict[str, Callable[[Cue, _Ref], str | None]] = {
    "dmy": lambda c, r: iso(int(c.groups[2]), MONTHS[c.groups[1].lower()], int(c.groups[0])),
    "mdy": lambda c, r: iso(int(c.groups[2]), MONTHS[c.groups[0].lower()], int(c.groups[1])),
    "dm": _day_month,
    "md": _day_month,
    "wdm": _weekday_day_month,
    "wmd": _weekday_day_month,
    "month_year": lambda c, r: iso(int(c.groups[1]), MONTHS[c.groups[0].lower()]),
    "month": _month,
    "same_day": lambda c, r: r.previous or r.ref,
    "today": _relative_day,
    "yesterday": _relative_day,
    "tomorrow": _relative_day,
    "weekday": _weekday,
    "last_weekday": _weekday,
    "next_weekday": _weekday,
    "this_month": lambda c, r: r.coarse() if r.year else None,
    "last_month": _relative_month,
    "next_month": _relative_month,
    "last_year": lambda c, r: iso(r.year - 1) if r.year else None,
    "next_year": lambda c, r: iso(r.year + 1) if r.year else None,
    "this_year": lambda c, r: iso(r.year) if r.year else None,
}


def resolve(cue: Cue, ref: str | None, planned: bool, previous: str | None = None) -> str | None:
    """The ISO date a cue stands for, as precise as the reference allows."""
    year, month, day = _parse(ref)
    resolver = _RESOLVERS.get(cue.kind)
    return resolver(cue, _Ref(year, month, day, planned, previous, ref)) if resolver else None
