"""Events: the encounters behind the meetings that articles report.

The agency dispatch, the official readout, the English newspaper and the follow-up each
report the same encounter; each report is a *mention* (one meeting of one article), and
the mentions of one encounter make one *event* with its sources.

Matching, conservative on purpose (a wrong merge hides an encounter, which is worse than
a duplicate):

- **Same people.** The participants are the same set of people (person keys from the
  registry, so "Tokayev" and "Kassym-Jomart Tokaïev" are one); a participant without a
  name is its country and the class of its role ("représentants du Niger"), and one
  without a name or a country never matches anything. Multilateral meetings: the same
  set, not a subset.
- **Same kind.** A call is not a visit: calls match calls; meetings and talks match each other.
- **Compatible dates.** Day-precise reports within one day of each other (time zones)
  are one encounter; a month or a year joins the one encounter of that pair it contains,
  and stays apart when it could be two; an undated report joins the one encounter dated in
  the two weeks before its article (60 days after it for a plan).
- **Never two of one article.** An article that reports two meetings of the same people
  reports two encounters (the extraction merges the mentions within an article).
- **Places.** A report with a month or a year does not join an encounter held in another
  country; an undated one needs the same place ("Strasbourg" is not "the Elysée", but
  "Astana" is "Kazakhstan"); day-precise reports are shown with the disagreement instead.

The event keeps the most precise consistent date (the held reports' over the plan's),
the most specific place, and shows disagreements (`other_dates`, `other_places`). A
planned event that a later report says took place becomes held, with the date it was
announced. Its id is its first source's article id and meeting number ("2fd721-1"), the
first published: an older article arriving later takes the id over, and the old id still
finds the event (`EventIndex.of_source`).

Everything here depends on the set of mentions, never on their order: mentions are
blocked into groups (same people, same kind) and each group is clustered from its members
sorted canonically, so the store clusters a touched group again instead of patching it.
Plain data and no I/O: the store owns one `EventIndex` and calls it under its lock.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal, NamedTuple, Protocol

from diplowatch import countries, dates
from diplowatch.names import fold as _fold_text
from diplowatch.people import role_class
from diplowatch.records import Meeting, MeetingKind, Status, quick_maker

# Names and places come back at every event built: folding them once each (a cached
# `diplowatch.names.fold`) is most of the time saved on a /meetings of 500 events.
fold = lru_cache(maxsize=32768)(_fold_text)

Family = Literal["in person", "call"]
GroupKey = tuple[str, ...]  # the family, then the participants' keys, sorted

REPORT_WINDOW = timedelta(days=14)  # an undated report of a held encounter: within two weeks before
PLAN_WINDOW = timedelta(days=60)  # an undated plan: within two months after
UNDATED_SPREAD = timedelta(days=3)  # undated reports of one encounter, when none is dated
ONE_DAY = timedelta(days=1)


class People(Protocol):
    """What events need of the people registry."""

    def display(self, key: str) -> str: ...

    def country(self, key: str) -> str | None: ...

    def how(self, article_id: str, spelling: str) -> str: ...


@dataclass(frozen=True, slots=True, eq=False)  # one object per report: compared by identity
class Mention:
    """One meeting as one article reports it, with who its participants are."""

    article_id: str
    index: int  # the meeting's number in its article, from 1
    meeting: Meeting
    keys: tuple[str, ...]  # one per participant: a person key, or "~KZ:head of state" for the unnamed
    published: str | None
    first_seen: str  # when the article arrived (ISO)
    group: GroupKey  # the mentions it may be matched with: same people, same kind

    @property
    def order(self) -> tuple[bool, str, str, int]:
        """The canonical order, from the articles alone (never from when they arrived):
        first published first, undated last, then by article id and meeting number."""
        return (self.published is None, self.published or "", self.article_id, self.index)


def mention_of(article_id: str, index: int, meeting: Meeting, *, published: str | None, first_seen: str,
               key_of: Callable[[str], str] | None = None, known: list[str | None] | None = None) -> Mention:
    """A meeting as a mention; `key_of` says who a participant's name is in this article
    (or `known` gives it already, one per participant, None for the unnamed)."""
    keys = []
    for position, p in enumerate(meeting.participants):
        if p.name:
            keys.append(known[position] if known is not None else key_of(p.name))
        elif p.country:
            keys.append(f"~{p.country}:{role_class(p.role)}")
        else:  # nobody in particular: matches nothing
            keys.append(f"~?{article_id}-{index}-{position}")
    family = "call" if meeting.kind == "call" else "in person"
    group = (family, *sorted(set(keys)))
    return _make_mention(article_id, index, meeting, tuple(keys), published, first_seen, group)


_make_mention = quick_maker(Mention)  # 100,000 at start at 50,000 articles


def is_person_key(key: str) -> bool:
    return not key.startswith("~")


@dataclass(frozen=True, slots=True)
class EventPerson:
    key: str | None  # None for a participant without a name
    name: str | None  # the registry's display name
    role: str | None
    country: str | None


@dataclass(frozen=True, slots=True)
class EventSource:
    article_id: str
    index: int
    meeting: Meeting  # as this article reports it
    published: str | None
    first_seen: str
    why: str  # why it was joined to the event ("" for the first source)

    @property
    def ref(self) -> str:
        return f"{self.article_id}-{self.index}"


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    participants: tuple[EventPerson, ...]
    date: str | None
    other_dates: tuple[str, ...]  # what other sources say, when they disagree
    place: str | None
    other_places: tuple[str, ...]
    status: Status
    kind: MeetingKind
    sources: tuple[EventSource, ...]  # first published first
    announced: str | None = None  # held after being announced: when the first plan was published

    @property
    def countries(self) -> frozenset[str]:
        return frozenset(p.country for p in self.participants if p.country)

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(p.key for p in self.participants if p.key)

    @property
    def first_seen(self) -> str:
        """When the first of its articles arrived."""
        return min(s.first_seen for s in self.sources)

    @property
    def last_seen(self) -> str:
        return max(s.first_seen for s in self.sources)

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.article_id for s in self.sources))

    @property
    def when(self) -> str:
        """The date in words, with the disagreement: "20 or 21 May 2024"."""
        return self.when_in("en")

    def when_in(self, language: str) -> str:
        """`when` in a language: "20 ou 21 mai 2024" in French."""
        if self.other_dates:
            return dates.spoken_either([self.date, *self.other_dates], language)
        return dates.spoken(self.date, language)

    @property
    def sort_date(self) -> str:
        return self.date or ""


class EventHead(NamedTuple):
    """What a list sorts, counts and filters an event by, read from its mentions (and the
    cluster's merged draft) without building it: a country's list counts its ~1,000 events
    and shows the first 200 at most (`EventIndex.heads`, then `EventIndex.built`)."""

    id: str
    date: str | None
    other_dates: tuple[str, ...]
    status: Status
    sources: int
    first_seen: str
    members: tuple[Mention, ...]  # the cluster, to build the event from

    @property
    def sort_date(self) -> str:
        return self.date or ""


# -- clustering a group -------------------------------------------------------------------


def _precision(value: str | None) -> int:
    return len(value) if value else 0


class _Cluster:
    __slots__ = ("members", "articles", "lo", "hi", "places", "published")

    def __init__(self, first: Mention) -> None:
        self.members = [first]
        self.articles = {first.article_id}
        self.lo, self.hi = dates.span(first.meeting.date) if first.meeting.date else (None, None)
        self.places = [first.meeting.place] if first.meeting.place else []
        self.published = first.published

    def add(self, mention: Mention) -> None:
        self.members.append(mention)
        self.articles.add(mention.article_id)
        if mention.meeting.place:
            self.places.append(mention.meeting.place)

    def overlaps(self, lo: date, hi: date) -> bool:
        return self.lo is not None and self.lo <= hi and self.hi >= lo


@lru_cache(maxsize=16384)
def places_agree(a: str, b: str) -> bool:
    """Whether two places can be one: the same, one inside the other ("Astana" in "Ak Orda,
    Astana"), a capital and its country, or a capital in two languages (Pékin, Beijing)."""
    fa, fb = fold(a), fold(b)
    if fa == fb or f" {fa} " in f" {fb} " or f" {fb} " in f" {fa} ":
        return True
    ca, cb = countries.country_of_place(a), countries.country_of_place(b)
    return ca is not None and cb is not None and ca.code == cb.code


@lru_cache(maxsize=8192)
def country_in(place: str) -> str | None:
    """The country a place names, if the gazetteer knows it or one of its parts ("Ak Orda,
    Astana" is in Kazakhstan; "palais Akorda" is nowhere known)."""
    found = countries.country_of_place(place)
    if found is None:
        for part in re.split(r"[,(/]| - ", place):
            found = countries.country_of_place(part.strip())
            if found is not None:
                break
    return found.code if found else None


def _place_fits(mention: Mention, cluster: _Cluster, *, strict: bool) -> bool:
    """Whether a vague report may join a cluster, by place: `strict` (an undated report)
    needs the places to agree; a dated one only needs them not to be known apart (two
    countries), since "palais Akorda" may well be in Astana."""
    place = mention.meeting.place
    if not place or not cluster.places:
        return True
    if any(places_agree(place, p) for p in cluster.places):
        return True
    if strict:
        return False
    mine = country_in(place)
    return not mine or all(country_in(p) in (None, mine) for p in cluster.places)


def _plausible(mention: Mention, cluster: _Cluster, *, undated: bool) -> bool:
    """Whether the article could be reporting this encounter, from when it was published:
    a held encounter before (or the day after) it, a plan after it."""
    if cluster.lo is None:
        return False
    if not mention.published:
        return not undated
    p_lo, p_hi = dates.span(mention.published)
    if mention.meeting.status == "held":
        return cluster.lo <= p_hi + ONE_DAY and (not undated or cluster.hi >= p_lo - REPORT_WINDOW)
    return cluster.hi >= p_lo - ONE_DAY and (not undated or cluster.lo <= p_hi + PLAN_WINDOW)


def _attach(mention: Mention, candidates: list[_Cluster], *, undated: bool) -> bool:
    """Join the one candidate that fits; False when none or several do."""
    fits = [
        c for c in candidates
        if mention.article_id not in c.articles and _place_fits(mention, c, strict=undated)
        and _plausible(mention, c, undated=undated)
    ]
    if len(fits) == 1:
        fits[0].add(mention)
        return True
    return False


def _greedy(mentions: list[Mention], joins: Callable[[_Cluster, Mention], bool], *, strict: bool | None) -> list[_Cluster]:
    """Clusters of mentions taken in order: each joins the first cluster it may join
    (`strict`: how places must agree, None for not at all)."""
    clusters: list[_Cluster] = []
    for mention in mentions:
        for cluster in clusters:
            if (mention.article_id not in cluster.articles and joins(cluster, mention)
                    and (strict is None or _place_fits(mention, cluster, strict=strict))):
                cluster.add(mention)
                break
        else:
            clusters.append(_Cluster(mention))
    return clusters


def cluster(mentions: Iterable[Mention]) -> list[list[Mention]]:
    """The encounters among the mentions of one group (same people, same kind).

    Day-precise mentions first (sorted by date: each joins the first encounter that began
    at most a day before it), then months, years and undated mentions join the one
    encounter they fit, or make their own.
    """
    mentions = list(mentions)
    if len(mentions) == 2:  # most groups of several: two reports of the same day, or not
        a, b = sorted(mentions, key=lambda m: (m.meeting.date or "", m.published or "", m.order))
        if a.meeting.date and b.meeting.date and len(a.meeting.date) == len(b.meeting.date) == 10:
            if a.article_id != b.article_id and dates.span(b.meeting.date)[0] - dates.span(a.meeting.date)[0] <= ONE_DAY:
                return [sorted((a, b), key=lambda m: m.order)]
            return [[a], [b]]
    by_precision: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_precision[_precision(m.meeting.date)].append(m)
    for found in by_precision.values():
        found.sort(key=lambda m: (m.meeting.date or "", m.published or "", m.order))

    days = _greedy(by_precision[10], lambda c, m: (dates.span(m.meeting.date)[0] - c.lo) <= ONE_DAY, strict=None)
    clusters = list(days)
    for width in (7, 4):
        rest = []
        for m in by_precision[width]:
            lo, hi = dates.span(m.meeting.date)
            if not _attach(m, [c for c in clusters if c.overlaps(lo, hi)], undated=False):
                rest.append(m)
        clusters += _greedy(rest, lambda c, m: c.members[0].meeting.date == m.meeting.date, strict=False)
    rest = [m for m in by_precision[0] if not _attach(m, clusters, undated=True)]

    def close_in_time(c: _Cluster, m: Mention) -> bool:
        if not (c.published and m.published):
            return False
        return dates.span(m.published)[0] - dates.span(c.published)[1] <= UNDATED_SPREAD

    clusters += _greedy(sorted(rest, key=lambda m: (m.published is None, m.published or "", m.order)), close_in_time,
                        strict=True)
    return [sorted(c.members, key=lambda m: m.order) for c in clusters]


# -- one event from its mentions ------------------------------------------------------------


def _most_common(values: list) -> object:
    """The most frequent value; among equals the one seen first (lists of a few values: a
    Counter would cost more than it saves)."""
    if len(values) == 1:
        return values[0]
    return max(dict.fromkeys(values), key=lambda v: (values.count(v), -values.index(v)))


def _choose_date(members: list[Mention]) -> tuple[str | None, tuple[str, ...]]:
    dated = [m for m in members if m.meeting.date]
    if not dated:
        return None, ()
    best = max(_precision(m.meeting.date) for m in dated)
    top = [m for m in dated if _precision(m.meeting.date) == best]
    pool = [m for m in top if m.meeting.status == "held"] or top
    values = [m.meeting.date for m in pool]
    chosen = _most_common(values)
    return chosen, tuple(sorted(set(values) - {chosen}))


@lru_cache(maxsize=8192)
def _is_country(place: str) -> bool:
    found = countries.lookup(place)
    return found is not None and fold(place) in {fold(found.name_en), fold(found.name_fr), *map(fold, found.aliases)}


def _choose_place(members: list[Mention]) -> tuple[str | None, tuple[str, ...]]:
    written = [m.meeting.place for m in members if m.meeting.place]
    if not written:
        return None, ()
    order = {p: written.index(p) for p in dict.fromkeys(written)}
    if len(order) == 1:
        return written[0], ()
    counts = Counter(written)
    specific = [p for p in order if not _is_country(p)] or list(order)
    # One place of each kind: "Astana" and "Ak Orda, Astana" are one, kept as the finer.
    kept: list[str] = []
    for place in sorted(specific, key=lambda p: (-len(fold(p)), order[p])):
        same = next((k for k in kept if places_agree(place, k)), None)
        if same is None:
            kept.append(place)
        elif f" {fold(place)} " not in f" {fold(same)} " and (counts[place], -order[place]) > (counts[same], -order[same]):
            kept[kept.index(same)] = place  # Pékin or Beijing: the more used spelling
    kept.sort(key=lambda p: (-counts[p], order[p]))
    return kept[0], tuple(kept[1:])


def _participants(members: list[Mention]) -> tuple[EventPerson, ...]:
    """Who took part, by the sources' votes (names and missing countries come from the
    registry when the event is read: `with_people`)."""
    roles: dict[str, list[str]] = defaultdict(list)
    found: dict[str, list[str]] = defaultdict(list)
    keys: dict[str, None] = {}
    for mention in members:
        for key, p in zip(mention.keys, mention.meeting.participants):
            keys.setdefault(key, None)
            if p.role:
                roles[key].append(p.role)
            if p.country:
                found[key].append(p.country)
    result = []
    for key in keys:
        named = is_person_key(key)
        role = _most_common(roles[key]) if roles[key] else None
        if found[key]:
            country = _most_common(found[key])
        elif named:
            country = None
        else:
            country = key[1:].split(":", 1)[0] if not key.startswith("~?") else None
        result.append(EventPerson(key if named else None, None, role, country))
    return tuple(result)


def _why(mention: Mention, event_date: str | None, status: Status, first: Mention) -> str:
    """Why a mention was joined to the event, in a few words (who each of its names is, the
    registry says when asked: `People.how`)."""
    parts = ["same people"]
    parts.append("by phone or video" if mention.meeting.kind == "call" else "in person")
    value = mention.meeting.date
    if not value:
        parts.append(f"no date, published {mention.published or 'on an unknown date'}, close to the encounter")
    elif not event_date or value == event_date:
        parts.append(f"same date ({value})")
    elif len(value) < len(event_date):
        parts.append(f"{value} contains {event_date}")
    elif len(value) == len(event_date) == 10:
        parts.append(f"one day apart ({value} and {event_date}: time zones or a late report)")
    else:
        parts.append(f"{value} and {event_date} are compatible")
    if mention.meeting.status == "planned" and status == "held":
        parts.append("the announcement of a meeting other sources report held")
    elif mention.meeting.status == "held" and first.meeting.status == "planned":
        parts.append("reports the announced meeting held")
    return "; ".join(parts)


def merge(members: list[Mention]) -> Event:
    """The event of these mentions (in their canonical order: first published first), as
    the sources say it: without the registry's names (`with_people` adds them)."""
    first = members[0]
    when, other_dates = _choose_date(members)
    place, other_places = _choose_place(members)
    held = [m for m in members if m.meeting.status == "held"]
    status: Status = "held" if held else "planned"
    planned = [m for m in members if m.meeting.status == "planned"]
    announced = None
    if held and planned:
        announced = min((m.published or m.first_seen[:10]) for m in planned)
    if first.meeting.kind == "call":
        kind: MeetingKind = "call"
    else:
        kinds = [m.meeting.kind for m in members]
        kind = "talks" if kinds.count("talks") > kinds.count("meeting") else "meeting"
    sources = tuple(
        EventSource(m.article_id, m.index, m.meeting, m.published, m.first_seen,
                    "" if m is first else _why(m, when, status, first))
        for m in members
    )
    return Event(
        id=f"{first.article_id}-{first.index}", participants=_participants(members),
        date=when, other_dates=other_dates, place=place, other_places=other_places,
        status=status, kind=kind, sources=sources, announced=announced,
    )


Persons = dict[tuple[str, str | None, str | None], EventPerson]  # (key, role, country) -> the participant


def _person(key: str, role: str | None, country: str | None, people: People, persons: Persons | None) -> EventPerson:
    """A named participant with the registry's name (and usual country where none is given);
    with `persons`, one value per (person, role, country), shared by the events that have it."""
    if persons is None:
        return _make_person(key, people.display(key), role, country or people.country(key))
    found = persons.get((key, role, country))
    if found is None:
        found = persons[key, role, country] = _make_person(key, people.display(key), role, country or people.country(key))
    return found


def _alone(m: Mention, people: People, persons: Persons | None = None) -> Event:
    """`with_people(merge([m]))` for a single mention (most events), without the votes."""
    meeting = m.meeting
    return _make_event(f"{m.article_id}-{m.index}", _alone_participants(m, people, persons), meeting.date, (),
                       meeting.place, (), meeting.status, meeting.kind,
                       (_make_source(m.article_id, m.index, meeting, m.published, m.first_seen, ""),), None)


def _alone_participants(m: Mention, people: People, persons: Persons | None) -> tuple[EventPerson, ...]:
    """The participants of the event of a single mention: each person once, where first written."""
    participants = []
    seen: set[str] = set()
    for key, p in zip(m.keys, m.meeting.participants):
        if key in seen:
            continue
        seen.add(key)
        if key[0] != "~":
            participants.append(_person(key, p.role, p.country, people, persons))
        else:
            country = p.country or (key[1:].split(":", 1)[0] if not key.startswith("~?") else None)
            participants.append(_make_person(None, None, p.role, country))
    return tuple(participants)


def with_people(event: Event, people: People, persons: Persons | None = None) -> Event:
    """An event as the sources say it, with the registry's display names, and the person's
    usual country where no source gives one."""
    participants = tuple(
        _person(p.key, p.role, p.country, people, persons) if p.key else p for p in event.participants
    )
    # Not `dataclasses.replace` (keywords, checks): this runs for every event of several reports read.
    return _make_event(event.id, participants, event.date, event.other_dates, event.place, event.other_places,
                       event.status, event.kind, event.sources, event.announced)


# The events of a list are built on each reading, ~1,500 for a country's /export at 50,000
# articles, each with its source and participants: a frozen dataclass's own __init__ took
# ~5 ms of the largest countries' 15 (quick makers: every field, positionally).
_make_event = quick_maker(Event)
_make_source = quick_maker(EventSource)
_make_person = quick_maker(EventPerson)


def events_of(mentions: Iterable[Mention], people: People) -> list[Event]:
    """The events of one group's mentions."""
    return [build(tuple(members), people) for members in cluster(mentions)]


# -- the index the store keeps ----------------------------------------------------------------


class _Group:
    """The mentions of one group, its encounters (clusters of them, in canonical order) and
    their events as the sources say them, merged once on first reading (`drafts`)."""

    __slots__ = ("members", "clusters", "drafts", "heads")

    def __init__(self) -> None:
        self.members: list[Mention] = []
        self.clusters: tuple[tuple[Mention, ...], ...] = ()
        self.drafts: list[Event | None] = []
        self.heads: list[EventHead | None] = []


class EventIndex:
    """Every encounter of the store, clustered group by group as articles come and go.

    It keeps the mentions and how they cluster, not whole `Event` values: the votes of a
    cluster of several reports (`merge`) are counted on first reading and kept with the
    group until it changes, and the registry's names are put in at each reading (a few
    microseconds), so an event always shows the current names, and 100,000 events do not sit
    in memory (~200 MB) while nobody asks. `put` and `drop` change an article's mentions and
    mark their groups; `settle` clusters the marked groups again. Not thread-safe: its owner
    locks.
    """

    def __init__(self) -> None:
        self._mentions: dict[str, tuple[Mention, ...]] = {}
        self._groups: dict[GroupKey, Mention | _Group] = {}  # a lone mention, or a group's state
        # Groups with an encounter no source reports held: (the latest date of those plans,
        # the latest publication of the undated ones), to find what is still to come
        # without looking at the ~20,000 past plans of a store of 50,000 articles.
        self._planned: dict[GroupKey, tuple[str | None, str]] = {}
        self._dirty: set[GroupKey] = set()
        # Groups of several reports that the rebuild did not cluster yet: each is clustered
        # when first read (at start, a /meetings clusters its own ~600, not all ~25,000).
        self._pending: set[GroupKey] = set()
        self._count = 0  # events, but those of pending groups

    def put(self, article_id: str, mentions: tuple[Mention, ...]) -> None:
        """The article's mentions, instead of its earlier ones."""
        self.drop(article_id)
        if not mentions:
            return
        self._mentions[article_id] = mentions
        groups = self._groups
        for m in mentions:
            group = m.group
            found = groups.get(group)
            if found is None:
                groups[group] = m
                self._count += 1
                if m.meeting.status == "planned":
                    self._planned[group] = (m.meeting.date, "") if m.meeting.date else (
                        None, m.published or m.first_seen[:10])
                continue
            if isinstance(found, Mention):
                state = groups[group] = _Group()
                state.members.append(found)
                state.clusters, state.drafts, state.heads = ((found,),), [None], [None]
                found = state
            found.members.append(m)
            self._dirty.add(group)

    def drop(self, article_id: str) -> None:
        for m in self._mentions.pop(article_id, ()):
            group = m.group
            found = self._groups[group]
            if found is m:
                del self._groups[group]
                self._count -= 1
                self._planned.pop(group, None)
                self._dirty.discard(group)
            else:
                found.members.remove(m)
                self._dirty.add(group)

    def settle(self) -> None:
        """Cluster the marked groups again."""
        for group in self._dirty:
            self._settle(group)
        self._dirty.clear()

    def _settle(self, group: GroupKey) -> None:
        self._pending.discard(group)
        state = self._groups.get(group)
        if not isinstance(state, _Group):
            return
        self._count -= len(state.clusters)
        if not state.members:
            del self._groups[group]
            self._planned.pop(group, None)
            return
        if len(state.members) == 1:
            (m,) = state.members
            self._groups[group] = m
            self._count += 1
            clusters: tuple[tuple[Mention, ...], ...] = ((m,),)
        else:
            clusters = state.clusters = tuple(tuple(c) for c in cluster(state.members))
            state.drafts = [None] * len(clusters)
            state.heads = [None] * len(clusters)
            self._count += len(clusters)
        self._plan(group, clusters)

    def _settle_pending(self) -> None:
        """Cluster every group the rebuild left for its first reading (counts, plans)."""
        for group in list(self._pending):
            self._settle(group)

    def pending(self) -> int:
        """How many groups wait for their first reading to be clustered."""
        return len(self._pending)

    def settle_some(self, count: int) -> bool:
        """Cluster up to `count` of the groups the rebuild left for their first reading, and
        merge their events; True when none is left (the store does it in the background
        after start, a few hundred at a time, so that readers wait for none of it)."""
        for group in list(itertools.islice(self._pending, count)):
            self._settle(group)
            state = self._groups.get(group)
            if isinstance(state, _Group):
                for members in state.clusters:
                    if len(members) > 1:
                        self._draft(members)
        return not self._pending

    def _plan(self, group: GroupKey, clusters: tuple[tuple[Mention, ...], ...]) -> None:
        """Keep in `_planned` the group's plans no source reports held, if any."""
        dated: list[str] = []
        undated: list[str] = []
        for members in clusters:
            if any(m.meeting.status != "planned" for m in members):
                continue
            found = [m.meeting.date for m in members if m.meeting.date]
            if found:
                dated += found
            else:
                undated += [m.published or m.first_seen[:10] for m in members]
        if dated or undated:
            self._planned[group] = (max(dated) if dated else None, max(undated) if undated else "")
        else:
            self._planned.pop(group, None)

    def rebuild(self, mentions: Iterable[tuple[str, tuple[Mention, ...]]]) -> None:
        """Start again from every article's mentions (`put` of each, in one tight loop:
        at start-up there are 100,000 of them at 50,000 articles)."""
        self.__init__()
        groups, several = self._groups, self._dirty
        for article_id, found in mentions:
            if not found:
                continue
            self._mentions[article_id] = found
            for m in found:
                group = m.group
                state = groups.get(group)
                if state is None:
                    groups[group] = m
                elif isinstance(state, Mention):
                    new = groups[group] = _Group()
                    new.members += (state, m)
                    several.add(group)
                else:
                    state.members.append(m)
        for group, state in groups.items():
            if isinstance(state, Mention):
                self._count += 1
                if state.meeting.status == "planned":
                    self._plan(group, ((state,),))
        self._pending, self._dirty = several, set()

    def _clusters(self, group: GroupKey) -> tuple[tuple[Mention, ...], ...]:
        if group in self._pending:
            self._settle(group)
        found = self._groups.get(group)
        if found is None:
            return ()
        return ((found,),) if isinstance(found, Mention) else found.clusters

    def _cluster_of(self, mention: Mention) -> tuple[Mention, ...]:
        for members in self._clusters(mention.group):
            if mention in members:
                return members
        return (mention,)

    def _event(self, members: tuple[Mention, ...], people: People, persons: Persons | None = None) -> Event:
        """The event of a cluster: merged once (kept with its group), names put in each time."""
        if len(members) == 1:
            return _alone(members[0], people, persons)
        return with_people(self._draft(members), people, persons)

    # -- reading: events are built here, for the owner to hand out ------------------------------

    def __len__(self) -> int:
        self._settle_pending()
        return self._count

    def mentions(self, article_id: str) -> tuple[Mention, ...]:
        return self._mentions.get(article_id, ())

    def of_meetings(self, meetings: Iterable[Meeting]) -> list[Mention]:
        """The mention of each of these meetings, found by identity among its article's (the
        store's own records: a country's ~2,000 meetings at 50,000 articles)."""
        found = []
        of_article = self._mentions.get
        for meeting in meetings:
            for m in of_article(meeting.article_id, ()):
                if m.meeting is meeting:
                    found.append(m)
                    break
        return found

    def of_source(self, article_id: str, index: int, people: People) -> Event | None:
        """The event a meeting of an article belongs to."""
        found = self._mentions.get(article_id, ())
        if not 1 <= index <= len(found):
            return None
        return self._event(self._cluster_of(found[index - 1]), people)

    def anchored(self, article_id: str, people: People) -> list[Event]:
        """The events whose first source is a meeting of this article (their ids start with its id)."""
        events = []
        for m in self._mentions.get(article_id, ()):
            members = self._cluster_of(m)
            if members[0] is m:
                events.append(self._event(members, people))
        return events

    def of_mentions(self, mentions: Iterable[Mention], people: People) -> list[Event]:
        """The events of these mentions, each once."""
        seen: set[int] = set()
        events = []
        for m in mentions:
            members = self._cluster_of(m)
            if id(members[0]) not in seen:
                seen.add(id(members[0]))
                events.append(self._event(members, people))
        return events

    def heads(self, mentions: Iterable[Mention], *, country: str | None = None,
              people: People | None = None) -> list[EventHead]:
        """The heads of the events of these mentions, each once, in the order `of_mentions`
        gives their events; with `country` (and the registry, for the participants' usual
        countries), only those where a participant is of it (`country in event.countries`).
        Read from the mentions, and for a cluster of several from its head kept with its
        group: ~1,000 of them for a country of a store of 50,000 articles."""
        seen: set[int] = set()
        heads = []
        groups, pending = self._groups, self._pending
        for m in mentions:
            if id(m) in seen:
                continue
            group = m.group
            if pending and group in pending:  # none once warmed up: the group's key is hashed once
                self._settle(group)
            state = groups.get(group)
            at = -1
            if isinstance(state, _Group):
                for i, members in enumerate(state.clusters):
                    if m in members:
                        at = i
                        break
            if at < 0 or len(state.clusters[at]) == 1:  # an event of one report: built by `_alone`
                seen.add(id(m))
                if country is None or _alone_in(m, country, people):
                    meeting = m.meeting
                    heads.append(EventHead(f"{m.article_id}-{m.index}", meeting.date, (), meeting.status, 1,
                                           m.first_seen, (m,)))
                continue
            members = state.clusters[at]
            for other in members:
                seen.add(id(other))
            draft = state.drafts[at]
            if draft is None:
                draft = self._draft(members)
            head = state.heads[at]
            if head is None:
                head = state.heads[at] = EventHead(draft.id, draft.date, draft.other_dates, draft.status,
                                                   len(draft.sources), min(s.first_seen for s in draft.sources), members)
            if country is None or _draft_in(draft, country, people):
                heads.append(head)
        return heads

    def built(self, head: EventHead, people: People, persons: Persons | None = None) -> Event:
        """The event of a head; the clusters may have changed since it was read (a write in
        between): then the event as those mentions make it. `persons`: the participants
        already built with the registry as it is (the owner forgets them at each write)."""
        members = head.members
        if len(members) == 1 or members in self._clusters(members[0].group):
            return self._event(members, people, persons)
        return build(members, people)

    def participants(self, head: EventHead, people: People, persons: Persons | None = None) -> tuple[EventPerson, ...]:
        """`built(head).participants`, without the event when it has one report (most)."""
        members = head.members
        if len(members) == 1:
            return _alone_participants(members[0], people, persons)
        return self.built(head, people, persons).participants

    def _draft(self, members: tuple[Mention, ...]) -> Event:
        """The merged event of a cluster of several, without names (kept with its group)."""
        state = self._groups.get(members[0].group)
        if not isinstance(state, _Group) or members not in state.clusters:
            return merge(list(members))
        index = state.clusters.index(members)
        draft = state.drafts[index]
        if draft is None:
            draft = state.drafts[index] = merge(list(members))
        return draft

    def planned(self, people: People, *, dated_from: str | None = None, undated_from: str | None = None) -> list[Event]:
        """The events that no source reports held; with `dated_from` (ISO day) only those a
        source dates that day or later (a month or a year while it lasts), and the undated
        ones first reported from `undated_from` on. Filtered on the mentions, before any
        event is built: at 50,000 articles there are some 20,000 plans, mostly past."""
        self._settle_pending()
        found = []
        for group, (latest, published) in self._planned.items():
            if dated_from is not None and not (
                (latest and latest >= dated_from[: len(latest)]) or (undated_from and published >= undated_from)
            ):
                continue
            for members in self._clusters(group):
                if any(m.meeting.status != "planned" for m in members):
                    continue
                if dated_from is not None and not _still_to_come(members, dated_from, undated_from):
                    continue
                found.append(self._event(members, people))
        return found

    def all(self, people: People) -> list[Event]:
        self._settle_pending()
        return [self._event(members, people) for group in self._groups for members in self._clusters(group)]


def _alone_in(m: Mention, code: str, people: People | None) -> bool:
    """Whether a participant of the event of this mention alone is of this country, as
    `_alone` gives them (each person once, their first place in the meeting)."""
    if len(m.group) == len(m.keys) + 1:  # nobody twice (the group has each key once): as written first
        for p in m.meeting.participants:
            if p.country == code:
                return True
    seen: list[str] = []
    for key, p in zip(m.keys, m.meeting.participants):
        if key in seen:
            continue
        seen.append(key)
        if p.country:
            country = p.country
        elif key[0] != "~":
            country = people.country(key) if people is not None else None
        else:
            country = key[1:].split(":", 1)[0] if not key.startswith("~?") else None
        if country == code:
            return True
    return False


def _draft_in(draft: Event, code: str, people: People | None) -> bool:
    """Whether a participant of a merged event is of this country, the registry's usual
    country for a person no source gives one (`code in with_people(draft).countries`)."""
    for p in draft.participants:
        if p.country == code:
            return True
    for p in draft.participants:
        if not p.country and p.key and people is not None and people.country(p.key) == code:
            return True
    return False


def _still_to_come(members: tuple[Mention, ...], day: str, undated_from: str | None) -> bool:
    dated = [m.meeting.date for m in members if m.meeting.date]
    if dated:
        return any(d >= day[: len(d)] for d in dated)
    return undated_from is not None and any((m.published or m.first_seen[:10]) >= undated_from for m in members)


def build(members: tuple[Mention, ...], people: People) -> Event:
    """The event of one cluster of mentions."""
    return _alone(members[0], people) if len(members) == 1 else with_people(merge(list(members)), people)
