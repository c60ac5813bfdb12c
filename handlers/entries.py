"""Records as list entries: how a meeting, a statement or an article reads in any answer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from diplowatch import countries, dates, places
from diplowatch.events import Event
from diplowatch.records import Article, Meeting, Quote
from handlers.replies import Entry
from handlers.words import current, tr

STATUS_MARK = {"held": "held", "planned": "planned"}
KIND_LABEL = {"meeting": "meeting", "call": "call", "talks": "talks"}
# "held meeting" is "rencontre tenue" in French: the phrase is one catalogue entry, not two words.
WHAT = {(s, k): f"{s} {k}" for s in STATUS_MARK for k in KIND_LABEL}


@lru_cache(maxsize=512)
def flag(code: str | None) -> str:
    """The country's flag ("" when it has none); cached: every row of every list asks."""
    country = countries.by_code(code) if code else None
    return country.flag if country else ""


def country_label(code: str, language: str | None = None) -> str:
    """"🇰🇿 Kazakhstan", "🇨🇳 Chine": flag and name in the reply's language."""
    return _country_label(code, language or current())


@lru_cache(maxsize=1024)
def _country_label(code: str, language: str) -> str:
    country = countries.by_code(code)
    return f"{country.flag} {country.name(language)}".strip() if country else code


def unnamed() -> str:
    return tr("unnamed")


def participant_line(meeting: Meeting) -> str:
    parts = []
    for p in meeting.participants:
        who = p.name or (p.role or unnamed())
        mark = flag(p.country)  # a flag, or the code when the country has none: never both
        parts.append(f"{mark} {who}" if mark else f"{who} ({p.country})" if p.country else who)
    return " ↔ ".join(parts)


def article_ref(article: Article | None) -> str:
    if article is None:
        return ""
    return tr("Article {id} — {title}", id=article.id, title=article.title)


def meeting_entry(meeting: Meeting, article: Article | None, event: Event | None = None) -> Entry:
    """A meeting as one article reports it; with its `event`, which encounter it is."""
    roles = "; ".join(f"{p.name or unnamed()}: {p.role}" for p in meeting.participants if p.role)
    where = place_label(meeting.place) or no_place(meeting.kind)
    joined = ""
    if event is not None:
        others = len(event.sources) - 1
        joined = tr("Event {id}", id=event.id) + (tr(", also reported by {n} other source(s)", n=others) if others else "")
    body = "\n".join(
        line
        for line in (
            roles,
            f"{where} · {tr(STATUS_MARK[meeting.status])} · {tr(KIND_LABEL[meeting.kind])}",
            article_ref(article),
            joined,
        )
        if line
    )
    return Entry(heading=f"{meeting.date or tr('date unknown')} · {participant_line(meeting)}", body=body)


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
    return tr("unnamed ({country})", country=found.name(current())) if found else unnamed()


def sources_label(count: int) -> str:
    return tr("1 source") if count == 1 else tr("{n} sources", n=count)


def what(event: Event) -> str:
    """"held meeting", "planned call" ("rencontre tenue", "appel prévu")."""
    return tr(WHAT[event.status, event.kind])


def event_date(event: Event) -> str:
    """The date as rows show it: ISO, with the other dates when sources disagree."""
    if not event.date:
        return tr("date unknown")
    return f" {tr('or')} ".join((event.date, *event.other_dates))


def when(event: Event) -> str:
    """The date in words in the reply's language: "20 or 21 May 2024", "20 ou 21 mai 2024"."""
    return event.when_in(current())


def spoken(value: str | None) -> str:
    """A date in words in the reply's language: "20 May 2024", "20 mai 2024"."""
    return dates.spoken(value, current())


def place_label(place: str | None) -> str:
    """A place in the reply's language: "Moscow" in English, "Moscou" in French, whatever the
    article wrote."""
    return places.localised(place, current()) if place else ""


def no_place(kind: str) -> str:
    return tr("by phone or video") if kind == "call" else tr("place not stated")


def event_facts(event: Event) -> list[str]:
    """The lines that say what is known of an event, and where sources disagree."""
    where = place_label(event.place) or no_place(event.kind)
    if event.other_places:
        where += tr(" (also reported: {places})", places=", ".join(place_label(p) for p in event.other_places))
    lines = [f"{where} · {what(event)} · {sources_label(len(event.sources))}"]
    if event.other_dates:
        lines.append(tr("Sources disagree on the date: {when}", when=when(event)))
    if event.announced:
        lines.append(tr("Announced {announced}, took place {when}", announced=spoken(event.announced), when=when(event)))
    roles = "; ".join(f"{p.name or unnamed()}: {p.role}" for p in event.participants if p.role and p.name)
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
    more = tr(" … and {n} more", n=len(ids) - SOURCES_SHOWN) if len(ids) > SOURCES_SHOWN else ""
    articles = tr("Article") if len(ids) == 1 else tr("Articles")
    body = "\n".join([*event_facts(event), f"{tr('Event {id}', id=event.id)} · {articles} {refs}{more}"])
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
    speaker = (person.name if person else None) or quote.speaker or tr("unattributed")
    country = quote.speaker_country or (person.country if person else None)
    tag = f" {flag(country)}" if flag(country) else ""
    day = (article.published if article else None) or tr("date unknown")
    text = f"« {quote.text} »" if quote.kind == "direct" else quote.text
    label = tr("said") if quote.kind == "direct" else tr("reported")
    ref = article_ref(article) if cite else ""
    return Entry(heading=f"{speaker}{tag} · {day} · {label}", body=f"{text}\n{ref}" if ref else text)
