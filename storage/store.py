"""The article store: TinyDB files on disk, plain records and indexes in memory.

Layout of the database folder:
- `meta.json`: schema version, bot state, quarantined files, channel watches, person aliases;
- `shards/XX.json`: the articles whose id starts with XX, with their meetings and quotes,
  so that storing one article rewrites one small file (never the whole store) in one atomic
  write: an article and its records land together or not at all;
- `bodies/XX.json`: article texts, kept out of the hot files and read only on demand.

Every table is loaded at start and indexed in memory, so queries never touch the disk.
One process owns the folder (a lock file) and one thread at a time writes (a lock).

Two indexes are derived from the stored records and never written: the people registry
(`diplowatch.people`: who each spelling is) and the events (`diplowatch.events`: the
encounters behind the meetings, with their sources). They are built at start, kept up to
date as articles are saved, replaced or removed, and can be rebuilt at any time
(`rebuild_events`); derived data on disk could go stale, these cannot.
"""

from __future__ import annotations

import bisect
import gc
import itertools
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from tinydb import Query, TinyDB

from diplowatch.events import Event, EventHead, EventIndex, EventPerson, Mention, Persons, mention_of
from diplowatch.names import fold, name_key
from diplowatch.people import Countries, NamesSeen, PeopleRegistry, Person, names_in, names_seen
from diplowatch.records import Article, Evidence, Meeting, Participant, Quarantined, Quote, Source
from storage import shard_rows
from storage.atomic import AtomicJSONStorage, CannotWrite, CorruptFile, StoreError, lock_folder, read_json_file
from storage.repair import finish_swap
from storage.text_index import TextIndex

SCHEMA_VERSION = 1
ID_LENGTH = 6
RECORD_SHARD_CHARS = 3  # 4,096 files of records (all loaded at start): a write rewrites ~1/4096
MEMO_ENTRIES_PER_ARTICLE = 4  # a reader's memo (`Store.memo`): ~2 events an article, and room for replaced ones
BUILT_EVENTS_KEPT = 5_000  # the last events built (since the last write), kept for the next lists (a few countries)
FREEZE_AFTER_WARMING = 2_000  # groups and people warmed up worth a full collection and a freeze
# Allocations between two young collections once a large store is frozen (Python's default:
# 700). A country's list allocates ~100,000 objects; at 700 the collections it triggered
# cost 7 ms a query on average and up to 25 ms at once, at 50,000 articles (benchmarks/).
YOUNG_COLLECTION_AFTER = 50_000
BODY_SHARD_CHARS = 3  # 4,096 files of bodies, read one at a time: small reads for /article
STATEMENT_ARTICLES_PER_TURN = 200  # articles whose statements the warm-up folds per turn


def _keep_newest(kept: dict, count: int) -> None:
    """Drop the first entries of a dict (the oldest put in) beyond `count`."""
    excess = len(kept) - count
    if excess > 0:
        for key in list(itertools.islice(kept, excess)):
            del kept[key]


# What meta.json's records must hold: a hand edit that breaks these is refused at start.
_META_FIELDS: dict[str, dict[str, type | tuple[type, ...]]] = {
    "schema": {"version": int},
    "state": {"key": str},
    "quarantine": {"path": str, "reason": str, "size": int, "mtime": (int, float)},
    "watches": {"channel_id": int, "subject": str},
    "aliases": {"alias": str, "key": str},
}


class CorruptDatabase(StoreError):
    pass


class Store:
    def __init__(self, folder: Path) -> None:
        """Open (or create) the database folder: take its lock, check meta.json and the schema,
        then load every shard into the in-memory records and indexes."""
        self.folder = Path(folder)
        self._lock = threading.RLock()
        finish_swap(self.folder)  # a repair stopped half-way through its swap
        self._lockfile = lock_folder(self.folder)
        self._remove_stale_temporaries()
        self._shards: dict[str, TinyDB] = {}
        self._bodies: dict[str, TinyDB] = {}
        self._articles: dict[str, Article] = {}
        self._meetings: dict[str, tuple[Meeting, ...]] = {}
        self._quotes: dict[str, tuple[Quote, ...]] = {}
        self._by_hash: dict[str, str] = {}
        self._by_source: dict[str, tuple[int, float, str]] = {}
        self._meetings_by_country: dict[str, list[Meeting]] = defaultdict(list)
        self._quotes_by_country: dict[str, list[Quote]] = defaultdict(list)
        self._participants: dict[tuple, Participant] = {}
        # A statement's text -> hash of its folded words (`statement_keys`). A memo of a pure
        # function, so never stale; a removed or replaced article's texts go with it.
        self._statement_keys: dict[str, int] = {}
        # The store-wide alias table: name key of another spelling -> name key of the person.
        self._alias_keys: dict[str, str] = {}
        # Derived, never written: who each spelling is, and the events (built after loading).
        self._registry = PeopleRegistry(self._names_seen)
        self._events = EventIndex()
        self._loading = True
        self._ids: list[str] = []  # every article id, sorted: prefixes by bisection (autocomplete)
        self._text_index = TextIndex()
        self.text_index_ready = False
        self._generation = 0
        self._newest_cache: tuple[int, tuple[Article, ...]] = (-1, ())
        self._people_cache: tuple[int, Mapping[str, str]] = (-1, MappingProxyType({}))
        self._spellings_cache: tuple[int, tuple[tuple[str, str], ...]] = (-1, ())
        # Events built since the last write, and their participants (shared by the events).
        self._built_cache: tuple[int, dict[tuple[Mention, ...], Event], Persons] = (-1, {}, {})
        self._memos: dict[str, dict] = {}
        self._text_index_started = threading.Event()
        self._stop_background = threading.Event()  # set at shutdown: `warm_up` stops at its next turn
        try:
            self._check_pieces()
            self._meta = TinyDB(self.folder / "meta.json", storage=AtomicJSONStorage)
            self._check_meta()
            self._check_schema()
            for row in self._meta.table("aliases").all():
                self._alias_keys[row["alias"]] = row["key"]
            # The cyclic GC would rescan the growing heap again and again while a million
            # acyclic records are built: 17 s instead of 7 at 50,000 articles.
            gc_was_on = gc.isenabled()
            gc.disable()
            try:
                for path in sorted((self.folder / "shards").glob("*.json")):
                    self._load_shard(path.stem)
                self._ids = sorted(self._articles)
                self._loading = False
                self._rebuild_derived()
            finally:
                if gc_was_on:
                    gc.enable()
                gc.freeze()
        except CorruptFile as exc:
            self.close()
            raise CorruptDatabase(
                f"the database file {exc.path} is damaged ({exc}). It was left untouched; "
                "run `diplowatch repair` to rebuild the database from the drop folder."
            ) from None
        except BaseException:
            self.close()
            raise

    # -- opening --------------------------------------------------------------

    def _remove_stale_temporaries(self) -> None:
        # A crash between writing a temporary file and renaming it leaves the temporary behind;
        # the real file is intact, so the leftover is only litter.
        for folder in (self.folder, self.folder / "shards", self.folder / "bodies"):
            for leftover in folder.glob(".*.tmp"):
                leftover.unlink(missing_ok=True)

    def _check_pieces(self) -> None:
        """A folder that held a database and lost a piece of it is refused, never opened as a
        new one: a deleted meta.json would come back empty (watches, aliases, quarantine list,
        last digest and first-scan flag lost without a word), a `shards` that is not a folder
        would open as an empty database."""
        folders = {name: self.folder / name for name in ("shards", "bodies")}
        for path, folder in ((folders["shards"], True), (folders["bodies"], True), (self.folder / "meta.json", False)):
            if path.exists() and path.is_dir() != folder:
                raise CorruptFile(path, "is not a folder" if folder else "is a folder, not a file")
        holds = {name: folder.is_dir() and any(folder.glob("*.json")) for name, folder in folders.items()}
        if not (self.folder / "meta.json").exists() and any(holds.values()):
            raise CorruptFile(self.folder / "meta.json", "is missing, but the folder holds articles")
        if holds["shards"] and not holds["bodies"]:
            raise CorruptFile(folders["bodies"], "is missing or empty, but the folder holds articles")

    def _check_meta(self) -> None:
        """A hand-edited meta.json with wrong types is refused at start, like a truncated one,
        instead of failing later (or being overwritten) on the first command that reads it."""
        path = self.folder / "meta.json"
        for table, rows in (self._meta.storage.read() or {}).items():
            if not isinstance(rows, dict) or not all(isinstance(row, dict) for row in rows.values()):
                raise CorruptFile(path, f"'{table}' is not a table of records")
            for doc_id, row in rows.items():
                if not doc_id.isdigit():
                    raise CorruptFile(path, f"'{table}' has a record numbered {doc_id!r}")
                for field, kind in _META_FIELDS.get(table, {}).items():
                    value = row.get(field)
                    if not isinstance(value, kind) or isinstance(value, bool):
                        raise CorruptFile(path, f"'{table}' record {doc_id}: '{field}' is {value!r}")

    def _check_schema(self) -> None:
        table = self._meta.table("schema")
        row = table.get(doc_id=1)
        if row is None:
            table.insert({"version": SCHEMA_VERSION})
        elif row["version"] > SCHEMA_VERSION:
            raise StoreError(
                f"the database in {self.folder} was written by a newer diplowatch "
                f"(schema {row['version']}); upgrade diplowatch"
            )

    def _shard(self, article_id: str) -> TinyDB:
        key = article_id[:RECORD_SHARD_CHARS]
        if key not in self._shards:
            self._shards[key] = TinyDB(
                self.folder / "shards" / f"{key}.json", storage=AtomicJSONStorage, keep_in_memory=False
            )
        return self._shards[key]

    def _body_db(self, article_id: str) -> TinyDB:
        key = article_id[:BODY_SHARD_CHARS]
        if key not in self._bodies:
            self._bodies[key] = TinyDB(
                self.folder / "bodies" / f"{key}.json", storage=AtomicJSONStorage, keep_in_memory=False
            )
        return self._bodies[key]

    def _load_shard(self, key: str) -> None:
        # Straight from the file (`shard_rows`): at 50,000 articles the store builds a
        # million records at start, and TinyDB's Document wrappers would double the time.
        path = self.folder / "shards" / f"{key}.json"
        tables = read_json_file(path) or {}
        try:
            self._load_tables(tables)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:  # hand-edited: wrong shape
            raise CorruptFile(path, f"a record has missing or wrong fields ({type(exc).__name__}: {exc})") from None

    def _load_tables(self, tables: dict[str, Any]) -> None:
        reader = shard_rows.RowReader(self._participants)
        meetings = reader.meetings(tables.get("meetings", {}).values())
        quotes = shard_rows.quotes(tables.get("quotes", {}).values())
        for row in tables.get("articles", {}).values():
            article = shard_rows.article(row)
            self._index(article, meetings.get(article.id, ()), quotes.get(article.id, ()))

    def close(self) -> None:
        with self._lock:
            for db in (*self._shards.values(), *self._bodies.values()):
                db.close()
            if getattr(self, "_lockfile", None):
                self._lockfile.close()
                self._lockfile = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- indexes --------------------------------------------------------------

    def _index(self, article: Article, meetings: Iterable[Meeting], quotes: Iterable[Quote]) -> None:
        self._generation += 1
        if article.id not in self._articles and not self._loading:
            bisect.insort(self._ids, article.id)
        self._articles[article.id] = article
        self._meetings[article.id] = tuple(meetings)
        self._quotes[article.id] = tuple(quotes)
        self._by_hash[article.hash] = article.id
        for source in article.sources:
            self._by_source[source.path] = (source.size, source.mtime, article.id)
        for meeting in self._meetings[article.id]:
            for country in meeting.countries:
                self._meetings_by_country[country].append(meeting)
        keys = None if self._loading else self._statement_keys  # at start: `warm_up` fills them
        for quote in self._quotes[article.id]:
            if quote.speaker_country:
                self._quotes_by_country[quote.speaker_country].append(quote)
            if keys is not None and quote.text not in keys:
                keys[quote.text] = hash(fold(quote.text))

    def _unindex(self, article_id: str) -> None:
        self._generation += 1
        old_meetings = self._meetings.pop(article_id, ())
        old_quotes = self._quotes.pop(article_id, ())
        if self._articles.pop(article_id, None) is not None:
            at = bisect.bisect_left(self._ids, article_id)
            if at < len(self._ids) and self._ids[at] == article_id:
                del self._ids[at]

        def drop(index: dict[str, list], key: str, gone: set[int]) -> None:
            kept = [item for item in index.get(key, ()) if id(item) not in gone]
            if kept:
                index[key] = kept
            else:
                index.pop(key, None)

        gone = set(map(id, old_meetings))
        for meeting in old_meetings:
            for country in meeting.countries:
                drop(self._meetings_by_country, country, gone)
        gone = set(map(id, old_quotes))
        for quote in old_quotes:
            if quote.speaker_country:
                drop(self._quotes_by_country, quote.speaker_country, gone)
            # Not kept for ever: the same words in another article are folded again when asked.
            self._statement_keys.pop(quote.text, None)

    # -- derived: people and events ---------------------------------------------

    def _names_seen(self, article_id: str) -> NamesSeen:
        return names_seen(self._articles[article_id], self._meetings[article_id], self._quotes[article_id])

    def _names_in(self, article_id: str) -> tuple[tuple[str, ...], Countries]:
        return names_in(self._articles[article_id], self._meetings[article_id], self._quotes[article_id])

    def _mentions(self, article_id: str) -> tuple[Mention, ...]:
        article = self._articles[article_id]
        keys_of = self._registry.keys_of
        return tuple(
            mention_of(article_id, index, meeting, published=article.published, first_seen=article.ingested_at,
                       known=keys_of(article_id, [p.name for p in meeting.participants]))
            for index, meeting in enumerate(self._meetings[article_id], 1)
        )

    def _rebuild_derived(self) -> None:
        self._generation += 1
        self._registry = PeopleRegistry(self._names_seen, self._alias_keys)
        self._registry.build((i, self._names_in(i)) for i in sorted(self._articles))
        self._events.rebuild((i, self._mentions(i)) for i in sorted(self._articles) if self._meetings[i])

    def _derive(self, added: Iterable[str], removed: Iterable[tuple[str, tuple[tuple[str, ...], Countries]]] = ()) -> None:
        """Bring people and events up to date: `removed` are the names of articles taken out
        (or replaced), `added` the ids of articles stored. The articles whose people were
        resolved anew are read again, and only the groups of events they touch are
        clustered again (a few milliseconds)."""
        if self._loading:
            return
        registry, events = self._registry, self._events
        again: set[str] = set()
        for article_id, (names, countries) in removed:
            again |= registry.remove(article_id, names, countries)
            events.drop(article_id)
        added = set(added)
        for article_id in added:
            again |= registry.add(article_id, *self._names_in(article_id))
        for article_id in sorted(added | again):
            if article_id in self._articles:
                events.put(article_id, self._mentions(article_id))
        events.settle()
        self._generation += 1

    # -- writing --------------------------------------------------------------

    def new_id(self, content_hash: str) -> str:
        """A short id users can type; longer only if two articles share the prefix."""
        with self._lock:
            existing = self._by_hash.get(content_hash)
            if existing:
                return existing
            length = ID_LENGTH
            while content_hash[:length] in self._articles:
                length += 2
            return content_hash[:length]

    def save_article(
        self, article: Article, text: str, meetings: Iterable[Meeting], quotes: Iterable[Quote]
    ) -> Article:
        """Store an article with its records, replacing any earlier records of the same id."""
        self.save_many([(article, text, tuple(meetings), tuple(quotes))])
        return article

    def save_many(self, items: Iterable[tuple[Article, str, Iterable[Meeting], Iterable[Quote]]]) -> None:
        """Store several articles with one atomic write per shard touched (bulk ingest)."""
        by_shard: dict[str, list[tuple[Article, str, tuple[Meeting, ...], tuple[Quote, ...]]]] = defaultdict(list)
        for article, text, meetings, quotes in items:
            meetings = tuple(replace(m, article_id=article.id) for m in meetings)
            quotes = tuple(replace(q, article_id=article.id) for q in quotes)
            by_shard[article.id[:RECORD_SHARD_CHARS]].append((article, text, meetings, quotes))
        with self._lock:
            for key, group in by_shard.items():
                # Bodies first: a crash before the shard write leaves only an unused body.
                by_body: dict[str, list[tuple[str, str]]] = defaultdict(list)
                for article, text, _, _ in group:
                    by_body[article.id[:BODY_SHARD_CHARS]].append((article.id, text))
                for body_key, texts in by_body.items():
                    body_db = self._body_db(body_key)
                    with body_db.storage.batch():
                        bodies = body_db.table("bodies")
                        for article_id, text in texts:
                            if not bodies.contains(Query().id == article_id):
                                bodies.insert({"id": article_id, "text": text})
                db = self._shard(key)
                ids = {article.id for article, *_ in group}
                with db.storage.batch():
                    db.table("articles").remove(Query().id.one_of(ids))
                    db.table("meetings").remove(Query().article_id.one_of(ids))
                    db.table("quotes").remove(Query().article_id.one_of(ids))
                    db.table("articles").insert_multiple(a.to_dict() for a, *_ in group)
                    db.table("meetings").insert_multiple(_row(m) for _, _, ms, _ in group for m in ms)
                    db.table("quotes").insert_multiple(_row(q) for _, _, _, qs in group for q in qs)
                replaced = [(i, self._names_in(i)) for i in ids if i in self._articles]
                for article, text, meetings, quotes in group:
                    self._unindex(article.id)
                    self._index(article, tuple(map(_without_text, meetings)), tuple(map(_without_text, quotes)))
                    self._text_index.add(article.id, text, article.published)
                self._derive(ids, replaced)

    def add_source(self, article_id: str, source: Source) -> Article:
        """Record that an already stored article arrived again from another file."""
        with self._lock:
            article = self._articles[article_id]
            sources = tuple(s for s in article.sources if s.path != source.path) + (source,)
            article = replace(article, sources=sources)
            self._shard(article_id).table("articles").update(
                {"sources": [_source_dict(s) for s in sources]},
                Query().id == article_id,
            )
            self._articles[article_id] = article
            self._generation += 1
            self._by_source[source.path] = (source.size, source.mtime, article_id)
            return article

    def learn_aliases(self, aliases: dict[str, tuple[str, ...]]) -> int:
        """Remember other spellings of people (from the extraction) for every later article.

        A one-word alias is a surname, which two people can share, so only spellings of
        two words or more are learned; surnames are matched at query time instead.
        """
        learned = []
        with self._lock:
            for full, spellings in aliases.items():
                key = self._alias_keys.get(name_key(full), name_key(full))
                for spelling in spellings:
                    alias = name_key(spelling)
                    if len(alias.split()) >= 2 and alias != key and alias not in self._alias_keys:
                        learned.append({"alias": alias, "key": key})
                        self._alias_keys[alias] = key
            if learned:
                self._meta.table("aliases").insert_multiple(learned)
                self._aliases_learned({row["alias"]: row["key"] for row in learned})
                self._generation += 1
        return len(learned)

    def _aliases_learned(self, aliases: dict[str, str]) -> None:
        """The people (and so the events) that new aliases join, resolved again."""
        again = self._registry.learn_aliases(aliases)
        for article_id in sorted(again):
            self._events.put(article_id, self._mentions(article_id))
        self._events.settle()

    def remove_article(self, article_id: str) -> bool:
        """Forget a stored article with its records (its body stays, unused); its events lose
        that source, and an event it alone reported goes. False if there was no such article."""
        with self._lock:
            article = self._articles.get(article_id)
            if article is None:
                return False
            db = self._shard(article_id)
            with db.storage.batch():
                db.table("articles").remove(Query().id == article_id)
                db.table("meetings").remove(Query().article_id == article_id)
                db.table("quotes").remove(Query().article_id == article_id)
            old = (article_id, self._names_in(article_id))
            self._unindex(article_id)
            self._by_hash.pop(article.hash, None)
            for source in article.sources:
                if self._by_source.get(source.path, (0, 0, ""))[2] == article_id:
                    del self._by_source[source.path]
            self._text_index.remove(article_id)
            self._derive((), removed=(old,))
            return True

    def rebuild_events(self) -> None:
        """Build the people and the events again from every stored article (what the store
        does at start; the incremental updates give the same result)."""
        with self._lock:
            # As at start: the cyclic GC would rescan the heap again and again while some
            # 100,000 small acyclic objects are built (6 s instead of 3.5 at 50,000 articles).
            gc_was_on = gc.isenabled()
            gc.disable()
            try:
                self._rebuild_derived()
            finally:
                if gc_was_on:
                    gc.enable()

    def adopt_aliases(self, pairs: Iterable[tuple[str, str]]) -> int:
        """Take (alias key, person key) pairs as learned: a rebuild keeps what the old
        database learned across articles, which one article alone may not say again."""
        with self._lock:
            rows = [{"alias": alias, "key": key} for alias, key in dict(pairs).items()
                    if alias != key and alias not in self._alias_keys]
            if rows:
                self._meta.table("aliases").insert_multiple(rows)
                self._alias_keys.update((row["alias"], row["key"]) for row in rows)
                self._aliases_learned({row["alias"]: row["key"] for row in rows})
                self._generation += 1
        return len(rows)

    def set_arrival_times(self, times: Mapping[str, str]) -> int:
        """Give articles (by content hash) the time they first arrived: a rebuild keeps them,
        so that the digest, which counts articles by arrival, does not post them again.
        Returns how many articles changed; one write per shard touched."""
        with self._lock:
            changed: dict[str, list[Article]] = defaultdict(list)
            for article in self._articles.values():
                when = times.get(article.hash)
                if when and when != article.ingested_at:
                    changed[article.id[:RECORD_SHARD_CHARS]].append(replace(article, ingested_at=when))
            for group in changed.values():
                db = self._shard(group[0].id)
                with db.storage.batch():
                    for article in group:
                        db.table("articles").update({"ingested_at": article.ingested_at}, Query().id == article.id)
                for article in group:
                    self._articles[article.id] = article
                    # Arrival is when each source was first seen: the events say it too.
                    self._events.put(article.id, self._mentions(article.id))
            self._events.settle()
            self._generation += 1
            return sum(map(len, changed.values()))

    def quarantine(self, entry: Quarantined) -> None:
        with self._lock:
            table = self._meta.table("quarantine")
            with self._meta.storage.batch():
                table.remove(Query().path == entry.path)
                table.insert(entry.to_dict())

    def release(self, path: str) -> None:
        """Forget a quarantined file (it was fixed, or removed)."""
        with self._lock:
            table = self._meta.table("quarantine")
            if table.contains(Query().path == path):  # most files never were: no write then
                table.remove(Query().path == path)

    def set_state(self, key: str, value: Any) -> None:
        with self._lock:
            self._meta.table("state").upsert({"key": key, "value": value}, Query().key == key)

    def get_state(self, key: str, default: Any = None) -> Any:
        with self._lock:
            row = self._meta.table("state").get(Query().key == key)
            return default if row is None else row["value"]

    def add_watch(self, channel_id: int, subject: str) -> bool:
        with self._lock:
            table = self._meta.table("watches")
            match = (Query().channel_id == channel_id) & (Query().subject == subject)
            if table.contains(match):
                return False
            table.insert({"channel_id": channel_id, "subject": subject})
            return True

    def remove_watch(self, channel_id: int, subject: str) -> bool:
        with self._lock:
            match = (Query().channel_id == channel_id) & (Query().subject == subject)
            return bool(self._meta.table("watches").remove(match))

    def watches(self) -> list[tuple[int, str]]:
        with self._lock:
            return [(row["channel_id"], row["subject"]) for row in self._meta.table("watches").all()]

    # -- reading --------------------------------------------------------------

    # Every reader takes the lock and gets immutable values (tuples of frozen records): the
    # writer thread may be indexing an article meanwhile, and a dict iterated by another
    # thread while it grows fails with "dictionary changed size during iteration".

    @property
    def generation(self) -> int:
        """A number that changes with every write: a cache keyed on it is never stale."""
        return self._generation

    def article(self, article_id: str) -> Article | None:
        with self._lock:
            return self._articles.get(article_id.strip().lower())

    def articles_by_id(self, article_ids: Iterable[str]) -> dict[str, Article]:
        """The stored articles of these ids (as records give them), under one lock: an
        export reads ~1,500 of them."""
        with self._lock:
            found = {}
            for article_id in article_ids:
                article = self._articles.get(article_id)
                if article is not None:
                    found[article_id] = article
            return found

    def _ids_starting(self, key: str) -> list[str]:
        """The ids starting with these characters, in order (under the lock)."""
        at = bisect.bisect_left(self._ids, key)
        found = []
        while at < len(self._ids) and self._ids[at].startswith(key):
            found.append(self._ids[at])
            at += 1
        return found

    def articles_by_prefix(self, prefix: str) -> tuple[Article, ...]:
        """The articles whose id starts with these characters, newest first."""
        key = prefix.strip().lower()
        with self._lock:
            found = [self._articles[i] for i in self._ids_starting(key)] if key else []
        return tuple(sorted(found, key=_newest_key, reverse=True))

    def articles_newest(self, limit: int | None = None, offset: int = 0) -> tuple[Article, ...]:
        """Stored articles by publication date, newest first (undated last)."""
        with self._lock:
            if self._newest_cache[0] != self._generation:
                self._newest_cache = (self._generation, tuple(sorted(self._articles.values(), key=_newest_key, reverse=True)))
            ordered = self._newest_cache[1]
        return ordered[offset : None if limit is None else offset + limit]

    def articles_where(self, keep: Callable[[Article], bool]) -> tuple[Article, ...]:
        """The articles `keep` accepts, newest first (`keep` runs under the lock: keep it quick)."""
        return tuple(a for a in self.articles_newest() if keep(a))

    def meetings_of_article(self, article_id: str) -> tuple[Meeting, ...]:
        with self._lock:
            return self._meetings.get(article_id, ())

    def quotes_of_article(self, article_id: str) -> tuple[Quote, ...]:
        with self._lock:
            return self._quotes.get(article_id, ())

    def meetings_of_country(self, code: str) -> tuple[Meeting, ...]:
        with self._lock:
            return tuple(self._meetings_by_country.get(code, ()))

    def meetings_of_person(self, key: str) -> tuple[Meeting, ...]:
        """The meetings (as reported, one per article) where this person took part."""
        with self._lock:
            registry = self._registry
            return tuple(
                m for article_id in registry.articles_of(key) for m in self._meetings.get(article_id, ())
                if any(p.name and registry.key_of(article_id, p.name) == key for p in m.participants)
            )

    def quotes_of_speaker(self, key: str) -> tuple[Quote, ...]:
        """What this person said, whatever the spelling of each article."""
        with self._lock:
            registry = self._registry
            return tuple(
                q for article_id in registry.articles_of(key) for q in self._quotes.get(article_id, ())
                if q.speaker and registry.key_of(article_id, q.speaker) == key
            )

    def quotes_of_country(self, code: str) -> tuple[Quote, ...]:
        with self._lock:
            return tuple(self._quotes_by_country.get(code, ()))

    def people(self) -> Mapping[str, str]:
        """Every person seen: key -> display name (read-only, cached until the next write)."""
        with self._lock:
            if self._people_cache[0] != self._generation:
                self._people_cache = (self._generation, MappingProxyType(self._registry.displays()))
            return self._people_cache[1]

    def spellings(self) -> tuple[tuple[str, str], ...]:
        """(spelling, key) for every way every person was written (cached until the next write)."""
        with self._lock:
            if self._spellings_cache[0] != self._generation:
                self._spellings_cache = (self._generation, tuple(sorted(self._registry.spellings())))
            return self._spellings_cache[1]

    def person_key(self, name: str) -> str:
        """The key of the person a typed name is, outside any article (through the alias
        table and, for a single word, the only person with that word in their name)."""
        with self._lock:
            return self._registry.key_anywhere(name)

    def person_keys(self, name: str) -> tuple[str, ...]:
        """The people a typed name may mean, the likeliest first."""
        with self._lock:
            return self._registry.find(name)

    def person(self, key: str) -> Person | None:
        """One person: display name, other spellings, country, roles, first and last seen."""
        with self._lock:
            return self._registry.person(key)

    def person_in(self, article_id: str, name: str) -> str:
        """The key of the person a name is in one article ("Xi" where "Xi Jinping" is named)."""
        with self._lock:
            return self._registry.key_of(article_id, name)

    def speaker_keys(self, quotes: Iterable[Quote]) -> list[str]:
        """`person_in` for every statement's speaker ("" for none), under one lock: an export
        reads ~3,000 of them."""
        with self._lock:
            key_of = self._registry.key_of
            return [key_of(q.article_id, q.speaker) if q.speaker else "" for q in quotes]

    def statement_keys(self, quotes: Iterable[Quote]) -> list[int]:
        """For each statement, a number equal for the same words however accented, cased or
        punctuated: the hash of `fold(text)`, what /export groups statements by. Kept from
        `warm_up` and every save (folding a country's ~3,000 statements took 35-65 ms of an
        export at 50,000 articles); a text not yet folded is folded here, outside the lock.
        Two different folded texts share a 64-bit hash with odds of ~1 in 10^19 a pair."""
        texts = [q.text for q in quotes]
        with self._lock:
            known = self._statement_keys.get
            keys = [known(text) for text in texts]
        missing = {text: 0 for text, key in zip(texts, keys) if key is None}
        if not missing:
            return keys
        for text in missing:
            missing[text] = hash(fold(text))
        with self._lock:
            self._statement_keys.update(missing)
        return [missing[text] if key is None else key for text, key in zip(texts, keys)]

    def how_named(self, article_id: str, name: str) -> str:
        """Why a name in an article is the person it is, in words ("" when it is obvious)."""
        with self._lock:
            return self._registry.how(article_id, name)

    def people_of_article(self, article_id: str) -> frozenset[str]:
        """The keys of everyone an article names."""
        with self._lock:
            return self._registry.keys_in(article_id)

    def articles_of_person(self, key: str) -> tuple[Article, ...]:
        """The articles naming this person, newest first."""
        with self._lock:
            found = [self._articles[i] for i in self._registry.articles_of(key) if i in self._articles]
        return tuple(sorted(found, key=_newest_key, reverse=True))

    # Events: one per encounter, whatever the number of articles reporting it. They are
    # built on reading (see diplowatch.events.EventIndex), under the lock, as values.

    def event(self, event_id: str) -> Event | None:
        """The event with this id ("2fd721-1"), or the one holding that report."""
        article_id, _, index = event_id.strip().lower().rpartition("-")
        if not index.isdigit():
            return None
        with self._lock:
            return self._events.of_source(article_id, int(index), self._registry)

    def event_of_meeting(self, article_id: str, index: int) -> Event | None:
        """The event that the `index`-th meeting of an article (from 1) belongs to."""
        with self._lock:
            return self._events.of_source(article_id, index, self._registry)

    def events_of_article(self, article_id: str) -> tuple[Event | None, ...]:
        """The event of each meeting of an article, in the article's order."""
        with self._lock:
            count = len(self._meetings.get(article_id, ()))
            return tuple(self._events.of_source(article_id, i, self._registry) for i in range(1, count + 1))

    def events_by_prefix(self, prefix: str, limit: int | None = None) -> tuple[Event, ...]:
        """The events whose id starts with these characters, newest first; with `limit`, at
        most that many, from the articles first in id order (autocomplete: a prefix of two
        characters holds thousands of events, and only 25 are shown)."""
        key = prefix.strip().lower()
        if not key:
            return ()
        head, dash, _ = key.partition("-")
        with self._lock:
            ids = self._ids_starting(head) if not dash else [head] if head in self._articles else []
            found: list[Event] = []
            for article_id in ids:
                found += [e for e in self._events.anchored(article_id, self._registry) if e.id.startswith(key)]
                if limit is not None and len(found) >= limit:
                    break
        return tuple(sorted(found, key=lambda e: (e.sort_date, e.id), reverse=True)[:limit])

    def events_of_articles(self, article_ids: Iterable[str]) -> tuple[Event, ...]:
        """The events these articles report, each once (also with sources elsewhere)."""
        with self._lock:
            mentions = (m for i in article_ids for m in self._events.mentions(i))
            return tuple(self._events.of_mentions(mentions, self._registry))

    def event_heads_of_articles(self, article_ids: Iterable[str]) -> tuple[EventHead, ...]:
        """`events_of_articles` as heads."""
        with self._lock:
            return tuple(self._events.heads(m for i in article_ids for m in self._events.mentions(i)))

    def events_of_country(self, code: str) -> tuple[Event, ...]:
        """The events where a participant is of this country (as a source says)."""
        return self.events_of_heads(self.event_heads_of_country(code))

    def event_heads_of_country(self, code: str) -> tuple[EventHead, ...]:
        """`events_of_country` as heads: what a list sorts and counts by, before it builds
        the events it shows (`events_of_heads`)."""
        with self._lock:
            mentions = self._events.of_meetings(self._meetings_by_country.get(code, ()))
            return tuple(self._events.heads(mentions, country=code, people=self._registry))

    def events_of_person(self, key: str) -> tuple[Event, ...]:
        return self.events_of_heads(self.event_heads_of_person(key))

    def event_heads_of_person(self, key: str) -> tuple[EventHead, ...]:
        with self._lock:
            mentions = (
                m for article_id in self._registry.articles_of(key) for m in self._events.mentions(article_id)
                if key in m.keys
            )
            return tuple(self._events.heads(mentions))

    def events_of_heads(self, heads: Iterable[EventHead]) -> tuple[Event, ...]:
        """The events of these heads, in their order, with the registry's current names.

        The last BUILT_EVENTS_KEPT built are kept until the next write (`/meetings`, then
        `/timeline` and `/export` of the same country build each event once); any write
        forgets them all, since a new spelling can rename people in events it does not report."""
        with self._lock:
            _, kept, persons = self._built_now()
            built, registry = self._events.built, self._registry
            events = []
            for head in heads:
                event = kept.get(head.members)
                if event is None:
                    event = kept[head.members] = built(head, registry, persons)
                events.append(event)
            # The oldest dropped as new ones come, not all at once when full: freeing ~6,000
            # events took 6-12 ms of one country's list in five at 50,000 articles.
            _keep_newest(kept, BUILT_EVENTS_KEPT)
            _keep_newest(persons, BUILT_EVENTS_KEPT)
            return tuple(events)

    def _built_now(self) -> tuple[int, dict[tuple[Mention, ...], Event], Persons]:
        """The events and participants built since the last write (forgotten at each write; under the lock)."""
        if self._built_cache[0] != self._generation:
            self._built_cache = (self._generation, {}, {})
        return self._built_cache

    def participants_of_heads(self, heads: Iterable[EventHead]) -> tuple[tuple[EventPerson, ...], ...]:
        """The participants of these heads' events, with the registry's current names, without
        building the events of one report (`/export` writes the rest of a row from `memo`)."""
        with self._lock:
            persons, participants, registry = self._built_now()[2], self._events.participants, self._registry
            found = tuple([participants(head, registry, persons) for head in heads])
            _keep_newest(persons, BUILT_EVENTS_KEPT)
            return found

    def memo(self, name: str) -> dict:
        """A reader's own table of what it derives from records that do not change (mentions,
        clusters of them, articles), kept across writes: a record replaced is a new object,
        so its key (the record itself, compared by identity) never meets the old entry.
        Emptied when it holds more entries than MEMO_ENTRIES_PER_ARTICLE a stored article
        (replaced records left in it): its readers fill it again as they go."""
        with self._lock:
            table = self._memos.setdefault(name, {})
            if len(table) > MEMO_ENTRIES_PER_ARTICLE * len(self._articles) + 1_000:
                table.clear()
            return table

    def planned_events(self, dated_from: str | None = None, undated_from: str | None = None) -> tuple[Event, ...]:
        """The events no source has reported held yet; with `dated_from` (ISO day), only
        those still to come then, and the undated ones first reported from `undated_from`."""
        with self._lock:
            return tuple(self._events.planned(self._registry, dated_from=dated_from, undated_from=undated_from))

    def all_events(self) -> tuple[Event, ...]:
        with self._lock:
            return tuple(self._events.all(self._registry))

    def article_ids(self) -> frozenset[str]:
        """The ids of every stored article, as they are now."""
        with self._lock:
            return frozenset(self._articles)

    def article_of_file(self, path: str) -> Article | None:
        """The article a file (by the name the store knows it by) was stored as, if any."""
        with self._lock:
            seen = self._by_source.get(path)
            return self._articles.get(seen[2]) if seen else None

    def quarantined_file(self, path: str) -> Quarantined | None:
        with self._lock:
            row = self._meta.table("quarantine").get(Query().path == path)
            return Quarantined.from_dict(row) if row else None

    def article_by_hash(self, content_hash: str) -> Article | None:
        with self._lock:
            article_id = self._by_hash.get(content_hash)
            return self._articles.get(article_id) if article_id else None

    def text(self, article_id: str) -> str:
        # Straight from the shard file: one small read, without TinyDB's query machinery.
        path = self.folder / "bodies" / f"{article_id[:BODY_SHARD_CHARS]}.json"
        with self._lock:
            rows = (read_json_file(path) or {}).get("bodies", {})
        for row in rows.values():
            if row.get("id") == article_id:
                return row.get("text", "")
        return ""

    def build_text_index(self) -> None:
        """Index every stored body for /search. Slow on a large store (it reads every body),
        so the service runs it in the background after start; articles stored meanwhile are
        indexed as they are saved."""
        if self._text_index_started.is_set():
            return
        self._text_index_started.set()
        for path in sorted((self.folder / "bodies").glob("*.json")):
            if self._lockfile is None:
                return  # closed while building: stop reading
            try:
                rows = (read_json_file(path) or {}).get("bodies", {}).values()
            except CorruptFile:
                continue  # a damaged body file costs /search those articles, nothing more
            with self._lock:
                for row in rows:
                    article = self._articles.get(row["id"])
                    if article is not None and row["id"] not in self._text_index:
                        self._text_index.add(row["id"], row["text"], article.published)
        self.text_index_ready = True

    @property
    def stopping(self) -> bool:
        """Whether the store is closed or closing: background work stops at its next turn."""
        return self._lockfile is None or self._stop_background.is_set()

    def warm_up(self, readers: Iterable[Callable[[], object]] = ()) -> None:
        """What the start leaves for the first readings, done in the background: cluster and
        merge the events of the groups of several reports, and summarise every person (the
        flag and role autocomplete shows read it: ~9 ms a person on first reading, 25 per
        keystroke), and fold every statement for /export (`statement_keys`: ~8 s for 300,000
        statements). 500 groups or 5 people per turn of the lock, so that readers and writers
        wait for little of it. Then collect the garbage and freeze what is left, as the start
        does after loading: the ~25,000 merged events of a store of 50,000 articles are
        long-lived, and left in the collector's generations every full collection scanned
        them (~250 ms, added to whichever /timeline or /export triggered it); and collect
        the young generation less often (YOUNG_COLLECTION_AFTER). `readers`: their own
        warm-ups (filling a `memo`), run before that collection, which then freezes what they
        keep too."""
        settled = 0
        while True:
            with self._lock:
                if self.stopping:
                    return
                left = self._events.pending()
                done = self._events.settle_some(500)
                settled += left - self._events.pending()
                if done:
                    break
            time.sleep(0)  # let a waiting writer take the lock between turns (a Lock is not fair)
        keys = list(self.people())
        for at in range(0, len(keys), 5):  # ~45 ms of lock per turn at 50,000 articles
            with self._lock:
                if self.stopping:
                    return
                for key in keys[at : at + 5]:
                    self._registry.person(key)
            time.sleep(0)
        if not self._fold_statements():
            return
        for reader in readers:
            reader()
            if self.stopping:
                return
        if settled + len(keys) >= FREEZE_AFTER_WARMING:  # a small store has little to gain
            gc.collect()
            gc.freeze()
            gc.set_threshold(max(gc.get_threshold()[0], YOUNG_COLLECTION_AFTER), *gc.get_threshold()[1:])

    def _fold_statements(self) -> bool:
        """The warm-up's last step: every stored statement's key (`statement_keys`), read under
        the lock and folded outside it, a few hundred articles' statements at a time. False if
        the store closed or is closing meanwhile."""
        with self._lock:
            article_ids = list(self._quotes)
        for at in range(0, len(article_ids), STATEMENT_ARTICLES_PER_TURN):
            with self._lock:
                if self._lockfile is None or self._stop_background.is_set():
                    return False
                known = self._statement_keys
                texts = {q.text for i in article_ids[at : at + STATEMENT_ARTICLES_PER_TURN]
                         for q in self._quotes.get(i, ()) if q.text not in known}
            folded = {text: hash(fold(text)) for text in texts}
            with self._lock:
                self._statement_keys.update(folded)
            time.sleep(0)
        return True

    def stop_background(self) -> None:
        """Tell `warm_up` to stop at its next turn (the bot is shutting down: it would
        otherwise wait for the whole warm-up, ~20 s at 50,000 articles)."""
        self._stop_background.set()

    def search(self, words: str, limit: int = 25) -> tuple[int, list[str]]:
        """How many articles hold every word, and the newest `limit` of them (of what is
        indexed so far; the index is built here if nobody has started it)."""
        if not self._text_index_started.is_set():
            self.build_text_index()
        with self._lock:
            return self._text_index.newest(words, limit)

    def evidence(self, record: Meeting | Quote) -> str:
        """The sentence a record was read from, cut from the article's body."""
        if record.evidence is None:
            return ""
        return self.text(record.article_id)[record.evidence.start : record.evidence.end]

    def known_file(self, path: str, size: int, mtime: float) -> bool:
        """Whether this exact file (path, size and time) was already ingested or quarantined."""
        with self._lock:
            seen = self._by_source.get(path)
            if seen and seen[0] == size and seen[1] == mtime:
                return True
            row = self._meta.table("quarantine").get(Query().path == path)
            return bool(row and row["size"] == size and row["mtime"] == mtime)

    def quarantined(self) -> list[Quarantined]:
        with self._lock:
            return [Quarantined.from_dict(r) for r in self._meta.table("quarantine").all()]

    def counts(self) -> dict[str, int]:
        with self._lock:
            return {
                "articles": len(self._articles),
                "meetings": sum(map(len, self._meetings.values())),
                "events": len(self._events),
                "people": len(self._registry),
                "quotes": sum(map(len, self._quotes.values())),
                "quarantined": len(self._meta.table("quarantine")),
            }


def _newest_key(article: Article) -> tuple[str, str]:
    return (article.published or "", article.id)


def _row(record: Meeting | Quote) -> dict[str, Any]:
    """A record as stored: the evidence keeps its offsets into the body, not a copy of the
    sentence (half the size of the files that are loaded at every start)."""
    row = record.to_dict()
    if row.get("evidence"):
        row["evidence"] = {"start": row["evidence"]["start"], "end": row["evidence"]["end"]}
    return row


def _without_text(record):
    if record.evidence is None or not record.evidence.text:
        return record
    return replace(record, evidence=Evidence(start=record.evidence.start, end=record.evidence.end))


def _source_dict(source: Source) -> dict[str, Any]:
    return {"path": source.path, "size": source.size, "mtime": source.mtime, "encoding": source.encoding}


__all__ = ["CannotWrite", "CorruptDatabase", "Store", "StoreError", "SCHEMA_VERSION"]
