"""What happens when a file lands in the drop folder: read, recognise, extract, store.

Each step that can fail on bad input ends in quarantine with a reason, never in a crash,
and the user's file is only ever read.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from typing import Literal, Protocol

from diplowatch.drop_folder import source_name
from diplowatch.reading import Document, Unreadable, read_document
from diplowatch.records import Article, Extraction, Quarantined, Source
from handlers.extraction_pool import POOL_FROM, ExtractionPool
from handlers.headlines import headline_for
from storage import Store

log = logging.getLogger(__name__)

# "failed": not the file's fault (say, the disk is full); it stays pending and is tried again.
Outcome = Literal["ingested", "duplicate", "quarantined", "unchanged", "vanished", "failed"]


class Extracts(Protocol):
    version: str

    def extract(self, text: str, *, published: str | None = None, title: str | None = None) -> Extraction: ...


@dataclass(frozen=True, slots=True)
class IngestResult:
    outcome: Outcome
    path: str
    article: Article | None = None
    reason: str | None = None


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class _Ready:
    """A readable new file, waiting for its extraction."""

    name: str
    stat: os.stat_result
    document: Document
    source: Source
    path: Path | None = None  # as found (the name may be its real path, or escaped)


def _prepare(store: Store, path: Path, max_bytes: int, inside: Path | None = None) -> IngestResult | _Ready:
    """Everything before the extraction: known, unreadable, duplicate, or ready. With
    `inside` (the drop folder), a file whose real place is outside it is never read."""
    path = Path(path)
    name = source_name(path, inside)
    try:
        stat = path.stat()
    except OSError:
        return IngestResult("vanished", name, reason="the file disappeared before it could be read")
    if store.known_file(name, stat.st_size, stat.st_mtime):
        return IngestResult("unchanged", name)
    try:
        document = read_document(path, max_bytes=max_bytes, inside=inside)
    except Unreadable as exc:
        if not os.path.lexists(path):  # deleted while being read: nothing to keep in quarantine
            return IngestResult("vanished", name, reason="the file disappeared while it was being read")
        return _quarantine(store, name, stat, str(exc))
    source = Source(path=name, size=stat.st_size, mtime=stat.st_mtime, encoding=document.encoding)
    existing = store.article_by_hash(document.hash)
    if existing:
        store.add_source(existing.id, source)
        return IngestResult("duplicate", name, article=store.article(existing.id))
    return _Ready(name, stat, document, source, path)


def _store(store: Store, ready: _Ready, extraction: Extraction | str, version: str) -> IngestResult:
    if isinstance(extraction, str):
        return _quarantine(store, ready.name, ready.stat, extraction)
    document = ready.document
    article = Article(
        id=store.new_id(document.hash),
        hash=document.hash,
        title=document.title or headline_for(extraction, document.text),
        published=document.published,
        language=extraction.language,
        sources=(ready.source,),
        ingested_at=now_iso(),
        url=document.url,
        countries=extraction.countries,
        people=extraction.people,
        organisations=extraction.organisations,
        places=extraction.places,
        words=document.words,
        extractor_version=version,
        warnings=extraction.warnings,
        outlet=document.outlet,
    )
    store.learn_aliases(extraction.aliases)
    store.save_article(article, document.text, extraction.meetings, extraction.quotes)
    store.release(ready.name)
    return IngestResult("ingested", ready.name, article=article)


def _extract_here(extractor: Extracts, ready: _Ready) -> Extraction | str:
    document = ready.document
    try:
        return extractor.extract(document.text, published=document.published, title=document.title)
    except Exception as exc:  # one bad article must not stop the bot
        log.exception("extraction failed for %s", ready.name)
        return f"extraction failed: {type(exc).__name__}: {exc}"[:300]


BATCH = 8  # texts per nlp.pipe call: faster than one by one, and each batch is stored at once


def _extract_batched(extractor: Extracts, todo: list[_Ready]) -> Iterator[Extraction | str]:
    """Extractions in order, through the model's batched pipe when the extractor has one;
    a batch that fails is done again text by text, so one bad article costs only itself."""
    many = getattr(extractor, "extract_many", None)
    for start in range(0, len(todo), BATCH):
        batch = todo[start : start + BATCH]
        if many is None or len(batch) == 1:
            yield from (_extract_here(extractor, ready) for ready in batch)
            continue
        try:
            done = list(many([(r.document.text, r.document.published) for r in batch], batch_size=BATCH))
        except Exception:
            log.warning("batched extraction failed; extracting those %d texts one by one", len(batch))
            done = [_extract_here(extractor, ready) for ready in batch]
        yield from done


def ingest_file(
    store: Store, extractor: Extracts, path: Path, *, max_bytes: int = 20 * 1024 * 1024, inside: Path | None = None
) -> IngestResult:
    """Ingest one file: stored once, recognised as a duplicate, or quarantined with a reason."""
    ready = _prepare(store, path, max_bytes, inside)
    if isinstance(ready, IngestResult):
        return ready
    return _store(store, ready, _extract_here(extractor, ready), extractor.version)


def ingest_files(
    store: Store,
    extractor: Extracts,
    paths: list[Path],
    *,
    max_bytes: int = 20 * 1024 * 1024,
    pool: ExtractionPool | None = None,
    pool_from: int = POOL_FROM,
    inside: Path | None = None,
) -> list[IngestResult]:
    """Ingest a batch, in order; with a pool, a large batch is extracted on every core.
    With `inside` (the drop folder), files whose real place is outside it are not read.

    Files are read first, then extracted, then stored one by one: a crash at any point
    leaves each file stored whole or not at all (and so still pending).
    """
    results: list[IngestResult | _Ready] = []
    first_of: dict[str, _Ready] = {}
    for path in paths:
        ready = _prepare(store, path, max_bytes, inside)
        if isinstance(ready, _Ready) and ready.document.hash in first_of:
            results.append(ready)  # the same text twice in one batch: a duplicate once stored
            continue
        if isinstance(ready, _Ready):
            first_of[ready.document.hash] = ready
        results.append(ready)
    todo = list(first_of.values())
    if pool is not None and len(todo) >= pool_from:
        extracted = pool.extract((r.document.text, r.document.published, r.document.title) for r in todo)
    else:
        extracted = _extract_batched(extractor, todo)
    stored = {id(ready): _store(store, ready, extraction, extractor.version) for ready, extraction in zip(todo, extracted)}
    final: list[IngestResult] = []
    for item in results:
        if isinstance(item, IngestResult):
            final.append(item)
        elif id(item) in stored:
            final.append(stored[id(item)])
        else:  # a later copy of a text stored from this batch
            final.append(_prepare(store, item.path or Path(item.name), max_bytes, inside))
    return final


CHUNK = 200  # files stored per round of a one-off run: an interrupted run keeps what it finished


def ingest_all(
    store: Store,
    extractor: Extracts,
    files: list[Path],
    *,
    model: str,
    max_bytes: int,
    on_result: Callable[[IngestResult], None] = lambda result: None,
    inside: Path | None = None,
) -> Counter[str]:
    """A one-off run over many files (the command line, a rebuild): in rounds of CHUNK, on
    worker processes when there are enough files, counting each outcome. With `inside`,
    files whose real place is outside that folder are not read."""
    counts: Counter[str] = Counter()
    pool = ExtractionPool(model) if len(files) >= POOL_FROM else nullcontext()
    with pool:
        for start in range(0, len(files), CHUNK):
            results = ingest_files(
                store, extractor, files[start : start + CHUNK], max_bytes=max_bytes,
                pool=pool if isinstance(pool, ExtractionPool) else None, inside=inside,
            )
            for result in results:
                counts[result.outcome] += 1
                on_result(result)
            if any(r.outcome == "ingested" for r in results):
                store.set_state("last_ingest_at", now_iso())
    return counts


def _quarantine(store: Store, name: str, stat: os.stat_result, reason: str) -> IngestResult:
    log.warning("quarantined %s: %s", name, reason)
    store.quarantine(Quarantined(path=name, reason=reason, size=stat.st_size, mtime=stat.st_mtime, at=now_iso()))
    return IngestResult("quarantined", name, reason=reason)


def reextract(store: Store, extractor: Extracts, article_id: str) -> Article:
    """Run the current extraction again over a stored article (after an upgrade)."""
    article = store.article(article_id)
    text = store.text(article_id)
    extraction = extractor.extract(text, published=article.published, title=article.title)
    updated = Article(
        **{
            **{f: getattr(article, f) for f in article.__dataclass_fields__},
            "language": extraction.language,
            "countries": extraction.countries,
            "people": extraction.people,
            "organisations": extraction.organisations,
            "places": extraction.places,
            "extractor_version": extractor.version,
            "warnings": extraction.warnings,
        }
    )
    return store.save_article(updated, text, extraction.meetings, extraction.quotes)
