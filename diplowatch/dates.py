"""Dates of partial precision, and the publication date of an article.

Candidates are found with patterns first (dateparser's search over a whole article
finds "3 heures" or "mars, a"); only a matched span is handed to dateparser.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

MONTHS = {
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    "janv": 1, "févr": 2, "fevr": 2, "fév": 2, "avr": 4, "juil": 7, "déc": 12,  # "02. juil 2024"
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# a page saved from a site in another language keeps that site's date stamp ("27. februar 2023 20:25",
# "12 de marzo de 2024"): these names date the page only, never a time expression of the article
STAMP_MONTHS = {
    # German, Dutch
    "januar": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8,
    # Spanish, Portuguese, Italian
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7, "setembro": 9, "outubro": 10,
    "dezembro": 12, "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "settembre": 9, "ottobre": 10, "dicembre": 12,
    # Serbian, Croatian, Bosnian, Slovene (Latin script)
    "mart": 3, "maj": 5, "jun": 6, "jul": 7, "avgust": 8, "septembar": 9, "oktobar": 10, "novembar": 11,
    "decembar": 12, "siječnja": 1, "veljače": 2, "ožujka": 3, "travnja": 4, "svibnja": 5, "lipnja": 6,
    "srpnja": 7, "kolovoza": 8, "rujna": 9, "listopada": 10, "studenoga": 11, "prosinca": 12,
}
_MONTH = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_STAMP_MONTH = "|".join(sorted((re.escape(m) for m in STAMP_MONTHS), key=len, reverse=True))
MONTH_PATTERN = _MONTH  # any month name, French or English, for other modules' patterns

# " date 2022-09 Title…" or "date: 2024-05-20" on the first line
DATE_LINE = re.compile(r"^\s*date\s*:?\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\b", re.IGNORECASE)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:er|\.)?\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.IGNORECASE  # "12 May, 2023"
)
# some sites stamp "April – 28- 2019": dashes may stand between the parts as well as spaces
_MONTH_DAY_YEAR = re.compile(
    rf"\b({_MONTH})\.?(?:\s+|\s*[-–—]\s*)(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+|\s*[-–—]\s*)(\d{{4}})\b", re.IGNORECASE
)
_NUMERIC = re.compile(r"\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\b")  # "29/03/2023", "03-07-2024"
_STAMP = re.compile(rf"\b(\d{{1,2}})\.?\s+(?:de\s+)?({_STAMP_MONTH})\.?\s+(?:de\s+)?(\d{{4}})\b", re.IGNORECASE)


def iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """An ISO string as precise as the parts given, or None for an impossible date."""
    try:
        if day is not None and month is not None:
            return date(year, month, day).isoformat()
        if month is not None:
            date(year, month, 1)
            return f"{year:04d}-{month:02d}"
        return f"{year:04d}"
    except ValueError:
        return None


def precision(value: str | None) -> str | None:
    """'day', 'month' or 'year' for an ISO date string of that length."""
    if not value:
        return None
    return {4: "year", 7: "month", 10: "day"}.get(len(value))


def date_line(text: str) -> tuple[str | None, int]:
    """The date of a leading `date 2022-09` marker, and where the marker ends (0 if none)."""
    match = DATE_LINE.match(text)
    if not match:
        return None, 0
    year, month, day = (int(g) if g else None for g in match.groups())
    return iso(year, month, day), match.end()


def first_full_date(text: str) -> str | None:
    """The earliest full date written in the text ("Le 20 mai 2024", "May 20, 2024", "2024-05-20")."""
    found: list[tuple[int, str]] = []
    for match in _DAY_MONTH_YEAR.finditer(text):
        value = iso(int(match[3]), MONTHS[match[2].lower()], int(match[1]))
        if value:
            found.append((match.start(), value))
            break
    for match in _MONTH_DAY_YEAR.finditer(text):
        value = iso(int(match[3]), MONTHS[match[1].lower()], int(match[2]))
        if value:
            found.append((match.start(), value))
            break
    for match in _ISO.finditer(text):
        value = iso(int(match[1]), int(match[2]), int(match[3]))
        if value:
            found.append((match.start(), value))
            break
    for match in _NUMERIC.finditer(text):
        # day first, as in French and British use; month first where only that reads as a date
        # (a distribution stamp's "03/29/2023")
        value = iso(int(match[4]), int(match[3]), int(match[1])) or iso(int(match[4]), int(match[1]), int(match[3]))
        if value:
            found.append((match.start(), value))
            break
    for match in _STAMP.finditer(text):
        value = iso(int(match[3]), STAMP_MONTHS[match[2].lower()], int(match[1]))
        if value:
            found.append((match.start(), value))
            break
    return min(found)[1] if found else None


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def publication_date(text: str, today: date | None = None) -> str | None:
    """The date line if there is one, else the first full date in the opening of the text: in its
    first lines, or further on when no later year is mentioned before today (a page is not older than
    what it tells of: "né le 15 avril 1912" in a page of 2016 does not date it)."""
    value, _ = date_line(text)
    if value:
        return value
    found = first_full_date(text[:3000])
    if found is None or found == first_full_date(text[:300]):
        return found
    this_year = (today or date.today()).year
    latest = max((int(y) for y in _YEAR.findall(text) if int(y) <= this_year), default=0)
    return found if int(found[:4]) >= latest - 1 else None


def parse_user_date(value: str) -> str:
    """A date typed by a user ("2024-05", "20/05/2024", "20 mai 2024") as an ISO string.

    Raises ValueError with a message that says what is accepted.
    """
    text = value.strip()
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", text)
    if match:
        result = iso(*(int(g) if g else None for g in match.groups()))
        if result:
            return result
    result = first_full_date(text)
    if result:
        return result
    raise ValueError(f"'{value}' is not a date: use YYYY-MM-DD, YYYY-MM or YYYY")


def covers(value: str | None, since: str | None, until: str | None) -> bool:
    """Whether a date of any precision falls within [since, until], both inclusive.

    A month overlaps a range that starts within it: "2024-05" is within since=2024-05-20.
    """
    if since is None and until is None:
        return True
    if not value:
        return False
    if since and value < since[: len(value)]:
        return False
    if until and value[: len(until)] > until:
        return False
    return True


_MONTH_NAMES_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                   "October", "November", "December")


@lru_cache(maxsize=8192)
def span(value: str) -> tuple[date, date]:
    """The first and last days a date of any precision stands for ("2024-05": 1 to 31 May)."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        year, month = parts
        following = date(year + month // 12, month % 12 + 1, 1)
        return date(year, month, 1), date.fromordinal(following.toordinal() - 1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


_MONTH_NAMES_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                   "octobre", "novembre", "décembre")
_UNKNOWN = {"en": "date unknown", "fr": "date inconnue"}
_OR = {"en": "or", "fr": "ou"}


def month_name(month: int, language: str = "en") -> str:
    return (_MONTH_NAMES_FR if language == "fr" else _MONTH_NAMES_EN)[month - 1]


def _day(day: int, language: str) -> str:
    return "1er" if language == "fr" and day == 1 else str(day)  # French writes "1er mai"


def spoken(value: str | None, language: str = "en") -> str:
    """A date as people write it: "20 May 2024", "May 2024", "2024"; in French "20 mai 2024",
    "1er mai 2024", "mai 2024"."""
    if not value:
        return _UNKNOWN.get(language, _UNKNOWN["en"])
    parts = value.split("-")
    if len(parts) == 3:
        return f"{_day(int(parts[2]), language)} {month_name(int(parts[1]), language)} {parts[0]}"
    if len(parts) == 2:
        return f"{month_name(int(parts[1]), language)} {parts[0]}"
    return value


def spoken_either(values: list[str] | tuple[str, ...], language: str = "en") -> str:
    """Dates the sources disagree on, in one phrase: "20 or 21 May 2024", "30 April or 1 May 2024"
    ("20 ou 21 mai 2024" in French)."""
    values = sorted(dict.fromkeys(v for v in values if v))
    if len(values) < 2:
        return spoken(values[0] if values else None, language)
    either = _OR.get(language, "or")
    if all(len(v) == 10 for v in values) and len({v[:7] for v in values}) == 1:
        days = [_day(int(v[8:]), language) for v in values]
        return f"{', '.join(days[:-1])} {either} {days[-1]} {month_name(int(values[0][5:7]), language)} {values[0][:4]}"
    if len({v[:4] for v in values}) == 1 and all(len(v) >= 7 for v in values):
        texts = [spoken(v, language).rsplit(" ", 1)[0] for v in values]
        return f"{', '.join(texts[:-1])} {either} {texts[-1]} {values[0][:4]}"
    texts = [spoken(v, language) for v in values]
    return f"{', '.join(texts[:-1])} {either} {texts[-1]}"


_DAY_NAMES = {"en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
              "fr": ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.")}


def day_words(at: date, language: str = "en", *, year: bool = True, clock: bool = False) -> str:
    """A day in short words whatever the machine's locale: "Fri 1 Mar 2024", "ven. 1 mars 2024";
    without the year, or with the time ("Mon 18 Mar 09:00") for a datetime."""
    day = _DAY_NAMES.get(language, _DAY_NAMES["en"])[at.weekday()]
    month = month_name(at.month, language)
    month = month[:3] if language != "fr" else month
    words = f"{day} {at.day} {month}" + (f" {at.year}" if year else "")
    return words + (f" {at:%H:%M}" if clock else "")


def moment_words(at: datetime, language: str = "en") -> str:
    """A moment in short words whatever the machine's locale: "Mon 20 May 2024 09:00",
    "lun. 20 mai 2024 09:00"."""
    day = _DAY_NAMES.get(language, _DAY_NAMES["en"])[at.weekday()]
    month = month_name(at.month, language)
    month = month[:3] if language != "fr" else month  # French abbreviations are irregular: the full name
    return f"{day} {at.day:02d} {month} {at.year} {at:%H:%M}"
