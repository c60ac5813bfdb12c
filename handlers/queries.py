"""The records about a subject, read through the store's locked methods."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from diplowatch import dates
from diplowatch.events import Event, EventHead
from diplowatch.records import Article, Meeting, Quote
from handlers.entries import Speaker
from handlers.subjects import Subject
from storage import Store

T = TypeVar("T")


def unique(records: Iterable[T]) -> list[T]:
    """Records in order, each once."""
    seen: set[int] = set()
    return [r for r in records if not (id(r) in seen or seen.add(id(r)))]


def newest_first(items: Iterable[T], key: Callable[[T], str | None]) -> list[T]:
    return sorted(items, key=lambda item: key(item) or "", reverse=True)


def quotes_of(store: Store, who: Subject) -> list[Quote]:
    """Statements by a person (whatever the spelling of each article) or by a country's speakers."""
    if who.kind == "country":
        return list(store.quotes_of_country(who.value))
    return list(store.quotes_of_speaker(who.value))


def speaker_of(store: Store, quote: Quote) -> Speaker | None:
    """Who the registry says a statement's speaker is, as its article names them: display
    name, and country (the statement's own, else the person's usual one, read only then)."""
    if not quote.speaker:
        return None
    key = store.person_in(quote.article_id, quote.speaker)
    name = store.people().get(key, quote.speaker)
    if quote.speaker_country:
        return Speaker(name, quote.speaker_country)
    person = store.person(key)
    return Speaker(name, person.country if person else None)


def events_of(store: Store, subject: Subject) -> tuple[Event, ...]:
    """Every event a country or person took part in (unsorted)."""
    return store.events_of_heads(heads_of(store, subject))


def heads_of(store: Store, subject: Subject) -> tuple[EventHead, ...]:
    """`events_of` as heads, before any event is built."""
    if subject.kind == "country":
        return store.event_heads_of_country(subject.value)
    return store.event_heads_of_person(subject.value)


def events_involving(
    store: Store, subject: Subject, other: Subject | None, since: str | None, until: str | None
) -> list[Event]:
    """Events of a country or person (with the other party, in the period), newest first:
    one per encounter, however many articles reported it."""
    return list(store.events_of_heads(heads_involving(store, subject, other, since, until)))


def heads_involving(
    store: Store, subject: Subject, other: Subject | None, since: str | None, until: str | None
) -> list[EventHead]:
    """`events_involving` as heads: sorted and counted before anything is built, so that a
    list of a whole country (~1,000 events at 50,000 articles) builds only the rows it shows."""
    found = list(heads_of(store, subject))
    if since or until:
        found = [h for h in found if in_period(h, since, until)]
    if other:  # who took part, with the registry's names: built for this filter only
        found = [h for h, event in zip(found, store.events_of_heads(found)) if _with(event, subject, other)]
    return sorted(found, key=lambda h: (h.date or "", h.first_seen, h.id), reverse=True)


def in_period(event: Event | EventHead, since: str | None, until: str | None) -> bool:
    """Whether the event's date, or one its sources give, is in the period: an event of
    "20 or 21 May" is in a period that starts on the 21st."""
    return any(dates.covers(d, since, until) for d in (event.date, *event.other_dates))


def _with(event: Event, subject: Subject, other: Subject) -> bool:
    """Whether the other party took part, besides the subject (France with France is not enough)."""
    for p in event.participants:
        if other.kind == "person" and p.key == other.value and other != subject:
            return True
        if other.kind == "country" and p.country == other.value:
            if not (subject.kind == "country" and subject.value == other.value) and not (
                subject.kind == "person" and p.key == subject.value
            ):
                return True
    return False


def published(store: Store, article_id: str) -> str | None:
    article = store.article(article_id)
    return article.published if article else None


def articles_of(store: Store, records: Iterable[Meeting | Quote]) -> dict[str, Article]:
    """The articles the records come from, by id."""
    found: dict[str, Article] = {}
    for record in records:
        if record.article_id not in found:
            article = store.article(record.article_id)
            if article is not None:
                found[record.article_id] = article
    return found
