"""The article store: TinyDB files on disk, plain records and indexes in memory.

Layout of the database folder:
- `meta.json`: schema version, bot state, quarantined files, channel watches, person aliases;
- `shards/XX.json`: the articles whose id starts with XX, with their meetings and quotes,
  so that storing one article rewrites one small file (never the whole store) in one atomic
  write: an article and its records land together or not at all;
- `bodies/XX.json`: article texts, kept out of the hot files and read only on demand.

Every table is loaded at start and indexed in memory, so queries never touch the disk.
One process owns the folder (a lock file) and one thread at a time writes (a lock).
"""

from __future__ import annotations

import gc
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from tinydb import Query, TinyDB

from diplowatch.names import matches_person, name_key
from diplowatch.records import Article, Evidence, Meeting, Participant, Quarantined, Quote, Source
from storage.atomic import AtomicJSONStorage, CannotWrite, CorruptFile, StoreError, lock_folder, read_json_file
from storage.repair import finish_swap
from storage.text_index import TextIndex

SCHEMA_VERSION = 1
ID_LENGTH = 6
RECORD_SHARD_CHARS = 3  # 4,096 files of records (all loaded at start): a write rewrites ~1/4096
BODY_SHARD_CHARS = 3  # 4,096 files of bodies, read one at a time: small reads for /article


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
        self._meetings_by_person: dict[str, list[Meeting]] = defaultdict(list)
        self._quotes_by_speaker: dict[str, list[Quote]] = defaultdict(list)
        self._quotes_by_country: dict[str, list[Quote]] = defaultdict(list)
        # Every person seen, by name key, with the longest spelling seen as the display name.
        self._people: dict[str, str] = {}
        self._person_keys: dict[str, str] = {}
        self._participants: dict[tuple, Participant] = {}
        # The store-wide alias table: name key of another spelling -> name key of the person.
        self._alias_keys: dict[str, str] = {}
        self._text_index = TextIndex()
        self.text_index_ready = False
        self._generation = 0
        self._newest_cache: tuple[int, tuple[Article, ...]] = (-1, ())
        self._people_cache: tuple[int, Mapping[str, str]] = (-1, MappingProxyType({}))
        self._text_index_started = threading.Event()
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
        # Straight from the file, with positional constructors: at 50,000 articles the
        # store builds a million records at start, and TinyDB's Document wrappers and
        # keyword construction would double the time.
        path = self.folder / "shards" / f"{key}.json"
        tables = read_json_file(path) or {}
        try:
            self._load_tables(tables)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:  # hand-edited: wrong shape
            raise CorruptFile(path, f"a record has missing or wrong fields ({type(exc).__name__}: {exc})") from None

    def _load_tables(self, tables: dict[str, Any]) -> None:
        # Every field is checked for its type as it is read (a hand edit, a bad copy): a record
        # of the wrong shape refuses the store at start instead of failing a command later.
        meetings: dict[str, list[Meeting]] = defaultdict(list)
        quotes: dict[str, list[Quote]] = defaultdict(list)
        participant = self._participant
        for row in tables.get("meetings", {}).values():
            date, place, status, kind = row.get("date"), row.get("place"), row.get("status", "held"), row.get("kind", "meeting")
            if not (
                isinstance(date, _TEXT) and isinstance(place, _TEXT) and type(row["article_id"]) is str
                and status in _STATUSES and kind in _MEETING_KINDS and type(row["participants"]) is list
            ):
                raise TypeError(f"meeting {_shown(row)}")
            meetings[row["article_id"]].append(
                Meeting(
                    tuple(participant(*_participant_fields(p)) for p in row["participants"]),
                    date, place, status, kind, _evidence(row.get("evidence")), row["article_id"],
                )
            )
        for row in tables.get("quotes", {}).values():
            speaker, text, kind = row.get("speaker"), row["text"], row.get("kind", "direct")
            country, role = row.get("speaker_country"), row.get("speaker_role")
            if not (
                type(text) is str and isinstance(speaker, _TEXT) and isinstance(country, _TEXT)
                and isinstance(role, _TEXT) and kind in _QUOTE_KINDS and type(row["article_id"]) is str
            ):
                raise TypeError(f"quote {_shown(row)}")
            quotes[row["article_id"]].append(
                Quote(speaker, text, kind, country, role, _evidence(row.get("evidence")), row["article_id"])
            )
        for row in tables.get("articles", {}).values():
            article = Article.from_dict(row)
            if not _well_typed(article, row):
                raise TypeError(f"article {_shown(row)}")
            self._index(article, meetings.get(article.id, ()), quotes.get(article.id, ()))

    def _participant(self, name: str | None, role: str | None, country: str | None) -> Participant:
        # The same people meet again and again: one shared record each (less memory, less time).
        key = (name, role, country)
        found = self._participants.get(key)
        if found is None:
            found = self._participants[key] = Participant(name, role, country)
        return found

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
        self._articles[article.id] = article
        self._meetings[article.id] = tuple(meetings)
        self._quotes[article.id] = tuple(quotes)
        self._by_hash[article.hash] = article.id
        for source in article.sources:
            self._by_source[source.path] = (source.size, source.mtime, article.id)
        for name in article.people:
            self._person(name)
        for meeting in self._meetings[article.id]:
            countries, keys = set(), set()
            for p in meeting.participants:
                if p.country:
                    countries.add(p.country)
                if p.name:
                    keys.add(self._person(p.name))
            for country in countries:
                self._meetings_by_country[country].append(meeting)
            for key in keys:
                self._meetings_by_person[key].append(meeting)
        for quote in self._quotes[article.id]:
            if quote.speaker:
                self._quotes_by_speaker[self._person(quote.speaker)].append(quote)
            if quote.speaker_country:
                self._quotes_by_country[quote.speaker_country].append(quote)

    def _person(self, name: str) -> str:
        key = self._person_keys.get(name)
        if key is None:
            key = name_key(name)
            key = self._person_keys[name] = self._alias_keys.get(key, key)
            if len(name) > len(self._people.get(key, "")):
                self._people[key] = name
        return key

    def _unindex(self, article_id: str) -> None:
        self._generation += 1
        old_meetings = self._meetings.pop(article_id, ())
        old_quotes = self._quotes.pop(article_id, ())
        self._articles.pop(article_id, None)

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
            for p in meeting.participants:
                if p.name:
                    drop(self._meetings_by_person, self._person(p.name), gone)
        gone = set(map(id, old_quotes))
        for quote in old_quotes:
            if quote.speaker:
                drop(self._quotes_by_speaker, self._person(quote.speaker), gone)
            if quote.speaker_country:
                drop(self._quotes_by_country, quote.speaker_country, gone)

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
                for article, text, meetings, quotes in group:
                    self._unindex(article.id)
                    self._index(article, tuple(map(_without_text, meetings)), tuple(map(_without_text, quotes)))
                    self._text_index.add(article.id, text, article.published)

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
                self._person_keys.clear()
                self._generation += 1
        return len(learned)

    def adopt_aliases(self, pairs: Iterable[tuple[str, str]]) -> int:
        """Take (alias key, person key) pairs as learned: a rebuild keeps what the old
        database learned across articles, which one article alone may not say again."""
        with self._lock:
            rows = [{"alias": alias, "key": key} for alias, key in dict(pairs).items()
                    if alias != key and alias not in self._alias_keys]
            if rows:
                self._meta.table("aliases").insert_multiple(rows)
                self._alias_keys.update((row["alias"], row["key"]) for row in rows)
                self._person_keys.clear()
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

    def articles_by_prefix(self, prefix: str) -> tuple[Article, ...]:
        """The articles whose id starts with these characters, newest first."""
        key = prefix.strip().lower()
        with self._lock:
            found = [a for i, a in self._articles.items() if i.startswith(key)] if key else []
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
        with self._lock:
            return tuple(self._meetings_by_person.get(key, ()))

    def quotes_of_speaker(self, key: str) -> tuple[Quote, ...]:
        with self._lock:
            return tuple(self._quotes_by_speaker.get(key, ()))

    def quotes_of_country(self, code: str) -> tuple[Quote, ...]:
        with self._lock:
            return tuple(self._quotes_by_country.get(code, ()))

    def people(self) -> dict[str, str]:
        """Every person seen: name key -> display name (a copy, cached until the next write)."""
        with self._lock:
            if self._people_cache[0] != self._generation:
                self._people_cache = (self._generation, MappingProxyType(dict(self._people)))
            return self._people_cache[1]

    def person_key(self, name: str) -> str:
        """The index key of a spelling (through the store-wide alias table)."""
        with self._lock:
            key = name_key(name)
            return self._alias_keys.get(key, key)

    def person_keys(self, name: str) -> tuple[str, ...]:
        """The index keys of every spelling of this person the store has seen."""
        return tuple(key for key, known in self.people().items() if matches_person(name, known))

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
                "quotes": sum(map(len, self._quotes.values())),
                "quarantined": len(self._meta.table("quarantine")),
            }


_TEXT = (str, type(None))
_STATUSES = frozenset({"held", "planned"})
_MEETING_KINDS = frozenset({"meeting", "call", "talks"})
_QUOTE_KINDS = frozenset({"direct", "reported"})


def _shown(row: Any) -> str:
    text = repr(row)
    return text if len(text) <= 120 else text[:119] + "…"


def _evidence(ev: Any) -> Evidence | None:
    if not ev:
        return None
    start, end = ev["start"], ev["end"]
    if type(start) is not int or type(end) is not int:
        raise TypeError(f"evidence {_shown(ev)}")
    return Evidence("", start, end)


def _participant_fields(p: Any) -> tuple[str | None, str | None, str | None]:
    name, role, country = p["name"], p.get("role"), p.get("country")
    if not (isinstance(name, _TEXT) and isinstance(role, _TEXT) and isinstance(country, _TEXT)):
        raise TypeError(f"participant {_shown(p)}")
    return name, role, country


_ARTICLE_LISTS = ("sources", "countries", "people", "organisations", "places", "warnings")


def _well_typed(article: Article, row: dict[str, Any]) -> bool:
    return (
        all(type(row.get(key) or []) is list for key in _ARTICLE_LISTS)  # "KZ" would read as ("K", "Z")
        and type(article.id) is str and type(article.hash) is str and type(article.title) is str
        and isinstance(article.published, _TEXT) and type(article.language) is str
        and type(article.ingested_at) is str and isinstance(article.url, _TEXT) and type(article.words) is int
        and all(type(x) is str for key in ("countries", "people", "organisations", "places", "warnings")
                for x in getattr(article, key))
        and all(type(s.path) is str and type(s.size) is int and type(s.mtime) in (int, float) for s in article.sources)
    )


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
