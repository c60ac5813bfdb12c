"""/who: one person as the articles show them: roles, country, meetings, words, counterparts."""

from __future__ import annotations

from collections import Counter

from handlers.commands import loading_note
from handlers.entries import country_label, event_line, flag
from handlers.errors import BadArgument
from handlers.queries import newest_first, published
from handlers.replies import Entry, Reply
from handlers.spec import Command, Context, Param
from handlers.words import tr
from handlers.subjects import resolve_subject

LATEST_EVENTS = 5
LATEST_QUOTES = 3
COUNTERPARTS = 5
ALIASES = 8
QUOTE_CHARS = 200


def _period(first: str | None, last: str | None) -> str:
    if not first:
        return tr("undated")
    return first if first == last else f"{first} → {last}"


def _lines(lines: list[str], limit: int = 1024) -> str:
    """Lines that fit an entry's body, whole."""
    kept, size = [], 0
    for line in lines:
        if size + len(line) + 1 > limit:
            break
        kept.append(line)
        size += len(line) + 1
    return "\n".join(kept)


def who(ctx: Context, person: str) -> Reply:
    """One person across the store: country, roles with when they were seen, other spellings,
    counts, the latest events and statements, and the most frequent counterparts."""
    store = ctx.store
    subject = resolve_subject(store, person)
    if subject.kind != "person":
        raise BadArgument(tr("{country} is a country: /who describes a person. Try /meetings {typed}.",
                             country=subject.label, typed=person), title=tr("Not a person"))
    found = store.person(subject.value)
    if found is None:  # resolved a moment ago, removed since
        return Reply(title=subject.label, summary=tr("Nothing recorded yet.") + loading_note(ctx))
    events = sorted(store.events_of_person(found.key), key=lambda e: (e.sort_date, e.id), reverse=True)
    quotes = newest_first(store.quotes_of_speaker(found.key), lambda q: published(store, q.article_id))
    held = sum(e.status == "held" for e in events)
    summary = [
        tr("Country: {country}", country=country_label(found.country) if found.country else tr("not stated")),
        tr("Role(s): {roles}", roles="; ".join(f"{r.role} ({_period(r.first, r.last)})" for r in found.roles[:4])
           or tr("not stated")),
    ]
    if found.aliases:
        more = tr(" … and {n} more", n=len(found.aliases) - ALIASES) if len(found.aliases) > ALIASES else ""
        summary.append(tr("Also written: {names}", names=", ".join(found.aliases[:ALIASES])) + more)
    summary += [
        tr("In {n} article(s), {period}", n=found.articles, period=_period(found.first_seen, found.last_seen)),
        tr("{n} meeting(s): {held} held, {planned} planned · {quotes} statement(s)", n=len(events), held=held,
           planned=len(events) - held, quotes=len(quotes)),
    ]
    entries = []
    if events:
        entries.append(Entry(
            heading=tr("Latest meetings"),
            body=_lines([f"{event_line(e)} · {tr('event {id}', id=e.id)}" for e in events[:LATEST_EVENTS]]),
        ))
    if quotes:
        lines = []
        for q in quotes[:LATEST_QUOTES]:
            text = q.text if len(q.text) <= QUOTE_CHARS else q.text[: QUOTE_CHARS - 1] + "…"
            said = f"« {text} »" if q.kind == "direct" else text
            day = published(store, q.article_id) or tr("undated")
            lines.append(f"{day} · {said} ({tr('article {id}', id=q.article_id)})")
        entries.append(Entry(heading=tr("Latest statements"), body=_lines(lines)))
    counterparts: Counter[str] = Counter()
    names: dict[str, tuple[str, str | None]] = {}
    for e in events:
        for p in e.participants:
            if p.key and p.key != found.key:
                counterparts[p.key] += 1
                names[p.key] = (p.name or p.key, p.country)
    if counterparts:
        ranked = sorted(counterparts, key=lambda k: (-counterparts[k], names[k][0]))[:COUNTERPARTS]
        entries.append(Entry(
            heading=tr("Most frequent counterparts"),
            body=_lines([f"{flag(names[k][1])} {names[k][0]} · {tr('{n} meeting(s)', n=counterparts[k])}".strip()
                         for k in ranked]),
        ))
    return Reply(title=f"{flag(found.country)} {found.name}".strip(), summary="\n".join(summary), entries=tuple(entries))


COMMANDS = (
    Command("who", "A person: roles, country, latest meetings and statements, frequent counterparts", who, (
        Param("person", "a person, by any spelling (Tokayev, Tokaïev, Wang Yi)", True, "person",
              fr=("personne", "une personne, quelle que soit l'orthographe (Tokayev, Tokaïev, Wang Yi)")),
    ), fr=("qui", "Une personne : fonctions, pays, dernières rencontres et déclarations, interlocuteurs")),
)
