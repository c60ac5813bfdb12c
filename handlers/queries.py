"""The records about a subject, read through the store's locked methods."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from diplowatch import dates
from diplowatch.records import Article, Meeting, Quote
from handlers.subjects import Subject
from storage import Store

T = TypeVar("T")


def unique(records: Iterable[T]) -> list[T]:
    """Records in order, each once (one meeting is indexed under each of its people)."""
    seen: set[int] = set()
    return [r for r in records if not (id(r) in seen or seen.add(id(r)))]


def newest_first(items: Iterable[T], key: Callable[[T], str | None]) -> list[T]:
    return sorted(items, key=lambda item: key(item) or "", reverse=True)


def quotes_of(store: Store, who: Subject) -> list[Quote]:
    """Statements by a person (every spelling) or by a country's speakers."""
    if who.kind == "country":
        return list(store.quotes_of_country(who.value))
    return unique(q for key in store.person_keys(who.value) for q in store.quotes_of_speaker(key))


def meetings_involving(store: Store, subject: Subject, other: Subject | None, since: str | None, until: str | None) -> list[Meeting]:
    """Meetings of a country or person (with the other party, in the period), newest first."""
    if subject.kind == "country":
        pool: Iterable[Meeting] = store.meetings_of_country(subject.value)
    else:
        pool = unique(m for key in store.person_keys(subject.value) for m in store.meetings_of_person(key))
    found = []
    for meeting in pool:
        if not any(subject.matches_participant(p.name, p.country) for p in meeting.participants):
            continue
        if other and not any(
            other.matches_participant(p.name, p.country) and not subject.matches_participant(p.name, p.country)
            for p in meeting.participants
        ):
            continue
        if dates.covers(meeting.date, since, until):
            found.append(meeting)
    return newest_first(found, lambda m: m.date)


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
