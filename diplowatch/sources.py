"""Where an article comes from and what it is called: its headline, its link, its source.

A headline is the first line when it reads like one (short, no final full stop), never a
dateline ("Bakou, 24 septembre, AZERTAC") or the opening paragraph. The source is the
agency or site: the site name a web page declares, an agency named in the dateline
("(Xinhua)", "/ TASS /", "AZERTAC"), else the host of the article's link.
"""

from __future__ import annotations

import html as html_lib
import re
from urllib.parse import urlsplit

from diplowatch import countries, dates

HEADLINE_CHARS = 200
HEADLINE_WORDS = 30

_MONTH = dates.MONTH_PATTERN
# "Bakou, 24 septembre, AZERTAC", "MOSCOU, le 10 novembre. / TASS/.", "BICHKEK, 29 juin (Xinhua) --",
# "HARARE –", "ASTANA, June 3, 2024 -": a place in capitals or a capitalised place and a date.
_DATELINE = re.compile(
    rf"^\s*[A-ZÀ-Ý][\w'’\- ]{{1,40}},\s*(le\s+)?(\d{{1,2}}(er)?\s+({_MONTH})|({_MONTH})\.?\s+\d{{1,2}})\b",
    re.IGNORECASE,
)
_CAPS_PLACE = re.compile(r"^\s*[A-ZÀ-Ý][A-ZÀ-Ý'’\-]{2,}(\s+[A-ZÀ-Ý][A-ZÀ-Ý'’\-]+)?\s*[,–—-]")
# An agency in a dateline: "(Xinhua)", "(AFP)", "/ TASS /", "-- AZERTAC", "AMI - ".
_AGENCY = (
    re.compile(r"\((?P<name>[A-Z][A-Za-z]{1,14}(?: [A-Z][A-Za-z]+)?)\)\s*(--|–|—|-|:)"),
    re.compile(r"/\s*(?P<name>[A-Z]{2,12})\s*/"),
    re.compile(r",\s*(?P<name>[A-Z]{3,12})\s*$"),
    re.compile(r"^(?P<name>[A-Z]{2,8})\s+[-–—]\s"),
)
_META = re.compile(r"<(link|meta)\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([a-zA-Z:_-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")


def safe_url(value: str | None) -> str | None:
    """A link worth showing: http or https, no spaces, of a sane length; None otherwise."""
    if not value:
        return None
    value = value.strip()
    if len(value) > 2000 or any(c.isspace() for c in value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    return value if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def host_name(url: str | None) -> str | None:
    """The site of a link, as a reader names it: "www.xinhuanet.com" -> "xinhuanet.com"."""
    url = safe_url(url)
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def is_dateline(line: str) -> bool:
    line = line.strip()
    if len(line) > 120:
        return False
    return bool(_DATELINE.match(line) or _CAPS_PLACE.match(line) and len(line.split()) <= 6)


def agency_of(line: str) -> str | None:
    """The agency a dateline names, if any."""
    head = line.strip()[:160]
    if not (is_dateline(head) or head[:1].isupper()):
        return None
    for pattern in _AGENCY:
        match = pattern.search(head)
        if match:
            name = match["name"].strip()
            # "HARARE – …" names a city, "AMI - …" an agency: the gazetteer knows the cities.
            if name.lower() not in _NOT_AGENCIES and countries.lookup(name) is None:
                return name
    return None


_NOT_AGENCIES = {"ue", "eu", "un", "onu", "usa", "uk", "le", "la"}


def headline_of(text: str) -> str:
    """The first line after the date line when it reads like a headline; "" when there is none."""
    _, end = dates.date_line(text)
    for line in text[end:].splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        if is_dateline(line) or line.endswith(":"):
            return ""
        looks_short = len(line) <= HEADLINE_CHARS and len(line.split()) <= HEADLINE_WORDS
        return line if looks_short and not line.endswith((".", "…")) or len(line) <= 90 else ""
    return ""


def dateline_source(text: str) -> str | None:
    """The agency named in the first lines (the dateline), if any."""
    _, end = dates.date_line(text)
    for line in text[end:].splitlines()[:4]:
        if line.strip():
            found = agency_of(line)
            if found:
                return found
    return None


# Where pages state when they were published: Open Graph and schema.org, Dublin Core and the
# newsroom systems' own names; the value starts with an ISO date ("2024-05-16T10:00:00+02:00").
_PUBLISHED_KEYS = ("article:published_time", "og:published_time", "datepublished", "dc.date.issued", "dcterms.created",
                   "pubdate", "publish-date", "publishdate", "parsely-pub-date", "sailthru.date", "date")
_ISO_START = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"(\d{4})-(\d{2})-(\d{2})')
# a date in a page's address: /2024/05/16/, /2024/0516/, /2024-05-16/, /20240516
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)")
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/")


def page_published(markup: str) -> str | None:
    """The publication date a web page states in its metadata, as an ISO day."""
    head = markup[:200_000]
    for tag in _META.finditer(head):
        attrs = {k.lower(): v.strip("\"'") for k, v in _ATTR.findall(tag.group(0))}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        found = _ISO_START.match(attrs.get("content") or "") if key in _PUBLISHED_KEYS else None
        if found and (value := dates.iso(*map(int, found.groups()))):
            return value
    found = _JSON_LD_PUBLISHED.search(head)
    return dates.iso(*map(int, found.groups())) if found else None


def url_date(url: str | None) -> str | None:
    """The day, else the month, an address is filed under ("/2024/0516/c31354-2017.html")."""
    path = urlsplit(url).path if url else ""
    found = _URL_DATE.search(path)
    if found and (value := dates.iso(*map(int, found.groups()))):
        return value
    found = _URL_MONTH.search(path)
    return dates.iso(*map(int, found.groups())) if found else None


def page_metadata(markup: str) -> dict[str, str]:
    """canonical, og:url, og:site_name and og:title of a web page, as far as they are given."""
    found: dict[str, str] = {}
    for tag in _META.finditer(markup[:200_000]):
        attrs = {k.lower(): v.strip("\"'") for k, v in _ATTR.findall(tag.group(0))}
        key = (attrs.get("rel") or attrs.get("property") or attrs.get("name") or "").lower()
        value = attrs.get("href") if tag.group(1).lower() == "link" else attrs.get("content")
        if key in ("canonical", "og:url", "og:site_name", "og:title") and value and key not in found:
            found[key] = " ".join(html_lib.unescape(value).split())
    return found
