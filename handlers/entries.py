"""Records as list entries: how a meeting, a statement or an article reads in any answer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from diplowatch import countries, dates
from diplowatch.events import Event
from diplowatch.records import Article, Meeting, Quote
from handlers.replies import Entry

STATUS_MARK = {"held": "held", "planned": "planned"}
KIND_LABEL = {"meeting": "meeting", "call": "call", "talks": "talks"}


@lru_cache(maxsize=512)
def flag(code: str | None) -> str:
    """The country's flag ("" when it has none); cached: every row of every list asks."""
    country = countries.by_code(code) if code else None
    return country.flag if country else ""


@lru_cache(maxsize=512)
def country_label(code: str) -> str:
    country = countries.by_code(code)
    return f"{country.flag} {country.name_en}".strip() if country else code


def participant_line(meeting: Meeting) -> str:
    parts = []
    for p in meeting.participants:
        who = p.name or (p.role or "unnamed")
        mark = flag(p.country)  # a flag, or the code when the country has none: never both
        parts.append(f"{mark} {who}" if mark else f"{who} ({p.country})" if p.country else who)
    return " ↔ ".join(parts)


def article_ref(article: Article | None) -> str:
    if article is None:
        return ""
    return f"Article {article.id} — {article.title}"


def meeting_entry(meeting: Meeting, article: Article | None, event: Event | None = None) -> Entry:
    """A meeting as one article reports it; with its `event`, which encounter it is."""
    roles = "; ".join(f"{p.name or 'unnamed'}: {p.role}" for p in meeting.participants if p.role)
    where = meeting.place or ("by phone or video" if meeting.kind == "call" else "place not stated")
    joined = ""
    if event is not None:
        others = len(event.sources) - 1
        joined = f"Event {event.id}" + (f", also reported by {others} other source(s)" if others else "")
    body = "\n".join(
        line
        for line in (
            roles,
            f"{where} · {STATUS_MARK[meeting.status]} · {KIND_LABEL[meeting.kind]}",
            article_ref(article),
            joined,
        )
        if line
    )
    return Entry(heading=f"{meeting.date or 'date unknown'} · {participant_line(meeting)}", body=body)


def people_line(event: Event) -> str:
    """Who took part, flag first: "🇰🇿 Kassym-Jomart Tokaïev ↔ 🇨🇳 Wang Yi"."""
    parts = []
    for p in event.participants:
        who = p.name or _unnamed(p.role, p.country)
        mark = flag(p.country)  # a flag, or the code when the country has none: never both
        parts.append(f"{mark} {who}" if mark else f"{who} ({p.country})" if p.country else who)
    return " ↔ ".join(parts)


def _unnamed(role: str | None, country: str | None) -> str:
    if role:
        return role
    found = countries.by_code(country) if country else None
    return f"unnamed ({found.name_en})" if found else "unnamed"


def sources_label(count: int) -> str:
    return "1 source" if count == 1 else f"{count} sources"


def what(event: Event) -> str:
    """"held meeting", "planned call"."""
    return f"{STATUS_MARK[event.status]} {KIND_LABEL[event.kind]}"


def event_date(event: Event) -> str:
    """The date as rows show it: ISO, with the other dates when sources disagree."""
    if not event.date:
        return "date unknown"
    return " or ".join((event.date, *event.other_dates))


def event_facts(event: Event) -> list[str]:
    """The lines that say what is known of an event, and where sources disagree."""
    where = event.place or ("by phone or video" if event.kind == "call" else "place not stated")
    if event.other_places:
        where += f" (also reported: {', '.join(event.other_places)})"
    lines = [f"{where} · {what(event)} · {sources_label(len(event.sources))}"]
    if event.other_dates:
        lines.append(f"Sources disagree on the date: {event.when}")
    if event.announced:
        lines.append(f"Announced {dates.spoken(event.announced)}, took place {event.when}")
    roles = "; ".join(f"{p.name or 'unnamed'}: {p.role}" for p in event.participants if p.role and p.name)
    if roles:
        lines.append(roles)
    return lines


def event_entry(event: Event, article_of: Callable[[str], Article | None] | None = None) -> Entry:
    """One encounter as a row: its date, who, what the sources say of it, and which articles
    reported it (with their titles when `article_of` finds them)."""
    ids = event.article_ids
    if article_of is None:
        refs = ", ".join(ids[:SOURCES_SHOWN])
    else:
        refs = "; ".join(_source_ref(i, article_of(i), long=len(ids) == 1) for i in ids[:SOURCES_SHOWN])
    more = f" … and {len(ids) - SOURCES_SHOWN} more" if len(ids) > SOURCES_SHOWN else ""
    body = "\n".join([*event_facts(event), f"Event {event.id} · {'Article' if len(ids) == 1 else 'Articles'} {refs}{more}"])
    return Entry(heading=f"{event_date(event)} · {people_line(event)}", body=body)


SOURCES_SHOWN = 5


def _source_ref(article_id: str, article: Article | None, *, long: bool) -> str:
    if article is None or not article.title:
        return article_id
    title = article.title if long or len(article.title) <= 40 else article.title[:39] + "…"
    return f"{article_id} — {title}"


def event_line(event: Event) -> str:
    """An event in one line: "2024-05-20 · 🇰🇿 Tokaïev ↔ 🇨🇳 Wang Yi · held meeting · 3 sources"."""
    return f"{event_date(event)} · {people_line(event)} · {what(event)} · {sources_label(len(event.sources))}"


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said it, as the registry names them: display name and country."""

    name: str
    country: str | None


def quote_entry(quote: Quote, article: Article | None, *, cite: bool = True, person: Speaker | None = None) -> Entry:
    """A statement, dated by its article; `cite` adds which article (not inside /article).
    With the registry's `person`, the speaker is shown by their display name and country
    whatever the article's spelling ("Tokayev" in English is Kassym-Jomart Tokaïev 🇰🇿)."""
    speaker = (person.name if person else None) or quote.speaker or "unattributed"
    country = quote.speaker_country or (person.country if person else None)
    tag = f" {flag(country)}" if flag(country) else ""
    when = (article.published if article else None) or "date unknown"
    text = f"« {quote.text} »" if quote.kind == "direct" else quote.text
    label = "said" if quote.kind == "direct" else "reported"
    ref = article_ref(article) if cite else ""
    return Entry(heading=f"{speaker}{tag} · {when} · {label}", body=f"{text}\n{ref}" if ref else text)
