"""Plain records shared by extraction, storage, handlers and the bot.

Dates are ISO strings whose length is their precision: "2024", "2024-05" or
"2024-05-20". Countries are ISO 3166-1 alpha-2 codes. Every record converts to
and from a plain dict (the shape of ../shared/eval/README.md plus our own keys)
so that storage and the JSON command line never pass nameless dicts around.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal, TypeVar

Status = Literal["held", "planned"]
MeetingKind = Literal["meeting", "call", "talks"]
QuoteKind = Literal["direct", "reported"]


_FIELDS: dict[type, frozenset[str]] = {}
R = TypeVar("R")


def quick_maker(cls: type[R]) -> Callable[..., R]:
    """A maker of `cls` records from every field, positionally, ~4 times quicker than `cls(...)`.

    A frozen dataclass's `__init__` sets each field through `object.__setattr__` (1.3 µs a
    Quote against 0.3 for plain assignments), and a store of 50,000 articles makes a million
    records at start. The maker is a class with the same slots that assigns them plainly and
    then gives the object the record's class (allowed: same slots, same layout), so what it
    returns is an ordinary `cls` record, frozen and equal to `cls(...)` of the same fields."""
    names = [f.name for f in fields(cls)]
    if tuple(names) != getattr(cls, "__slots__", None):
        raise TypeError(f"{cls.__name__} is not a slotted record")
    code = "def __init__(self, {0}):\n    {1}\n    self.__class__ = record\n".format(
        ", ".join(names), "; ".join(f"self.{name} = {name}" for name in names)
    )
    namespace: dict[str, Any] = {}
    exec(code, {"record": cls}, namespace)  # noqa: S102  (as dataclasses make __init__: fixed field names)
    return type(f"_Quick{cls.__name__}", (), {"__slots__": cls.__slots__, "__init__": namespace["__init__"]})


def _from_dict(cls, data: dict[str, Any]):
    # Loading a store builds hundreds of thousands of records: try the exact shape first.
    try:
        return cls(**data)
    except TypeError:
        names = _FIELDS.get(cls)
        if names is None:
            names = _FIELDS[cls] = frozenset(f.name for f in fields(cls))
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence a record was read from, with offsets into the article text."""

    text: str = ""  # empty when loaded from the store, which keeps only the offsets
    start: int = 0
    end: int = 0

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return _from_dict(cls, data)


@dataclass(frozen=True, slots=True)
class Participant:
    name: str | None
    role: str | None = None
    country: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Participant:
        return _from_dict(cls, data)


@dataclass(frozen=True, slots=True)
class Meeting:
    participants: tuple[Participant, ...]
    date: str | None = None
    place: str | None = None
    status: Status = "held"
    kind: MeetingKind = "meeting"
    evidence: Evidence | None = None
    article_id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Meeting:
        data = dict(data)
        data["participants"] = tuple(Participant.from_dict(p) for p in data.get("participants") or ())
        if data.get("evidence"):
            data["evidence"] = Evidence.from_dict(data["evidence"])
        return _from_dict(cls, data)

    @property
    def countries(self) -> frozenset[str]:
        return frozenset(p.country for p in self.participants if p.country)


@dataclass(frozen=True, slots=True)
class Quote:
    speaker: str | None
    text: str
    kind: QuoteKind = "direct"
    speaker_country: str | None = None
    speaker_role: str | None = None
    evidence: Evidence | None = None
    article_id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        data = dict(data)
        if data.get("evidence"):
            data["evidence"] = Evidence.from_dict(data["evidence"])
        return _from_dict(cls, data)


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the extraction returns for one article text."""

    language: str
    meetings: tuple[Meeting, ...] = ()
    quotes: tuple[Quote, ...] = ()
    people: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    # person full name -> other spellings seen in the article ("Tokayev" for "Tokaïev")
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # person full name -> ISO country, where the article says it
    person_countries: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Source:
    """One file an article was read from (the same article may arrive twice)."""

    path: str
    size: int
    mtime: float
    encoding: str

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Source:
        return _from_dict(cls, data)


@dataclass(frozen=True, slots=True)
class Article:
    id: str  # the first hex characters of `hash`: short enough to type
    hash: str  # sha256 of the normalised text
    title: str
    published: str | None
    language: str
    sources: tuple[Source, ...]
    ingested_at: str  # ISO timestamp, UTC
    url: str | None = None
    countries: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    words: int = 0
    extractor_version: str = ""
    warnings: tuple[str, ...] = ()
    outlet: str | None = None  # the agency or site that published it ("Xinhua", "tass.com")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        data = dict(data)
        data["sources"] = tuple(Source.from_dict(s) for s in data.get("sources") or ())
        for key in ("countries", "people", "organisations", "places", "warnings"):
            data[key] = tuple(data.get(key) or ())
        return _from_dict(cls, data)


@dataclass(frozen=True, slots=True)
class Quarantined:
    """A file that could not be read, kept with the reason so the user can fix it."""

    path: str
    reason: str
    size: int
    mtime: float
    at: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quarantined:
        return _from_dict(cls, data)
