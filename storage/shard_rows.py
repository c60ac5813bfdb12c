"""The records of a shard file's rows, every field checked for its type as it is read.

A hand edit or a bad copy that gives a record the wrong shape refuses the store at start
(the caller turns the TypeError, KeyError… into `CorruptFile`) instead of failing a
command later. At 50,000 articles a start reads a million records, so the rows are read
straight (no TinyDB documents, no keyword construction) and the records made with
`quick_maker`: 4.4 s → ~2 s of the start on this machine's 2 cores.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from diplowatch.records import Article, Evidence, Meeting, Participant, Quote, Source, quick_maker

_TEXT = (str, type(None))
_STATUSES = frozenset({"held", "planned"})
_MEETING_KINDS = frozenset({"meeting", "call", "talks"})
_QUOTE_KINDS = frozenset({"direct", "reported"})
_ARTICLE_LISTS = ("countries", "people", "organisations", "places", "warnings")

_make_evidence = quick_maker(Evidence)
_make_meeting = quick_maker(Meeting)
_make_quote = quick_maker(Quote)
_make_source = quick_maker(Source)
_make_article = quick_maker(Article)


def shown(row: Any) -> str:
    text = repr(row)
    return text if len(text) <= 120 else text[:119] + "…"


def evidence_of(ev: Any) -> Evidence | None:
    if not ev:
        return None
    start, end = ev["start"], ev["end"]
    if type(start) is not int or type(end) is not int:
        raise TypeError(f"evidence {shown(ev)}")
    return _make_evidence("", start, end)


class RowReader:
    """Reads rows into records, sharing one `Participant` per (name, role, country): the same
    people meet again and again (less memory, less time)."""

    def __init__(self, participants: dict[tuple, Participant]) -> None:
        self.participants = participants

    def _participants(self, rows: Any) -> tuple[Participant, ...]:
        shared = self.participants
        found = []
        for p in rows:
            name, role, country = p["name"], p.get("role"), p.get("country")
            try:
                known = shared.get((name, role, country))
            except TypeError:  # a list or a dict where a text belongs
                known = None
            if known is None:  # a shared one was checked when it was first read
                if not (isinstance(name, _TEXT) and isinstance(role, _TEXT) and isinstance(country, _TEXT)):
                    raise TypeError(f"participant {shown(p)}")
                known = shared[(name, role, country)] = Participant(name, role, country)
            found.append(known)
        return tuple(found)

    def meetings(self, rows: Any) -> dict[str, list[Meeting]]:
        """The meetings of these rows, by article id, in the rows' order."""
        by_article: dict[str, list[Meeting]] = defaultdict(list)
        for row in rows:
            date, place, status, kind = row.get("date"), row.get("place"), row.get("status", "held"), row.get("kind", "meeting")
            article_id, participants = row["article_id"], row["participants"]
            if not (
                isinstance(date, _TEXT) and isinstance(place, _TEXT) and type(article_id) is str
                and status in _STATUSES and kind in _MEETING_KINDS and type(participants) is list
            ):
                raise TypeError(f"meeting {shown(row)}")
            ev = row.get("evidence")
            by_article[article_id].append(_make_meeting(
                self._participants(participants), date, place, status, kind, evidence_of(ev) if ev else None, article_id,
            ))
        return by_article


def quotes(rows: Any) -> dict[str, list[Quote]]:
    """The quotes of these rows, by article id, in the rows' order."""
    by_article: dict[str, list[Quote]] = defaultdict(list)
    for row in rows:
        speaker, text, kind = row.get("speaker"), row["text"], row.get("kind", "direct")
        country, role, article_id = row.get("speaker_country"), row.get("speaker_role"), row["article_id"]
        if not (
            type(text) is str and isinstance(speaker, _TEXT) and isinstance(country, _TEXT)
            and isinstance(role, _TEXT) and kind in _QUOTE_KINDS and type(article_id) is str
        ):
            raise TypeError(f"quote {shown(row)}")
        ev = row.get("evidence")
        by_article[article_id].append(
            _make_quote(speaker, text, kind, country, role, evidence_of(ev) if ev else None, article_id)
        )
    return by_article


def article(row: dict[str, Any]) -> Article:
    """The article of a row: what `Article.from_dict` makes of it (absent fields take their
    defaults, unknown ones are ignored), refused unless every field has its type ("KZ" as
    countries would read as ("K", "Z"))."""
    sources = row.get("sources") or []
    lists = [row.get(key) or [] for key in _ARTICLE_LISTS]
    if type(sources) is not list or any(type(x) is not list for x in lists):
        raise TypeError(f"article {shown(row)}")
    made = _make_article(
        row["id"], row["hash"], row["title"], row["published"], row["language"],
        tuple(_source(s) for s in sources), row["ingested_at"], row.get("url"),
        tuple(lists[0]), tuple(lists[1]), tuple(lists[2]), tuple(lists[3]),
        row.get("words", 0), row.get("extractor_version", ""), tuple(lists[4]), row.get("outlet"),
    )
    if not (
        type(made.id) is str and type(made.hash) is str and type(made.title) is str
        and isinstance(made.published, _TEXT) and type(made.language) is str
        and type(made.ingested_at) is str and isinstance(made.url, _TEXT) and type(made.words) is int
        and all(type(x) is str for items in lists for x in items)
    ):
        raise TypeError(f"article {shown(row)}")
    return made


def _source(row: dict[str, Any]) -> Source:
    path, size, mtime = row["path"], row["size"], row["mtime"]
    if not (type(path) is str and type(size) is int and type(mtime) in (int, float)):
        raise TypeError(f"source {shown(row)}")
    return _make_source(path, size, mtime, row["encoding"])
