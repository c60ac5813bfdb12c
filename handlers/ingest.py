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
from typing import Literal, Protocol

from diplowatch.reading import Unreadable, read_document
from diplowatch.records import Article, Extraction, Quarantined, Source
from storage import Store

log = logging.getLogger(__name__)

Outcome = Literal["ingested", "duplicate", "quarantined", "unchanged", "vanished"]


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


def ingest_file(store: Store, extractor: Extracts, path: Path, *, max_bytes: int = 20 * 1024 * 1024) -> IngestResult:
    """Ingest one file: stored once, recognised as a duplicate, or quarantined with a reason."""
    path = Path(path)
    name = str(path.resolve()) if path.exists() else str(path.absolute())
    try:
        stat = path.stat()
    except OSError:
        return IngestResult("vanished", name, reason="the file disappeared before it could be read")
    if store.known_file(name, stat.st_size, stat.st_mtime):
        return IngestResult("unchanged", name)
    try:
        document = read_document(path, max_bytes=max_bytes)
    except Unreadable as exc:
        return _quarantine(store, name, stat, str(exc))
    source = Source(path=name, size=stat.st_size, mtime=stat.st_mtime, encoding=document.encoding)
    existing = store.article_by_hash(document.hash)
    if existing:
        store.add_source(existing.id, source)
        return IngestResult("duplicate", name, article=store.articles[existing.id])
    try:
        extraction = extractor.extract(document.text, published=document.published, title=document.title)
    except Exception as exc:  # one bad article must not stop the bot
        log.exception("extraction failed for %s", name)
        return _quarantine(store, name, stat, f"extraction failed: {type(exc).__name__}: {exc}"[:300])
    article = Article(
        id=store.new_id(document.hash),
        hash=document.hash,
        title=document.title,
        published=document.published,
        language=extraction.language,
        sources=(source,),
        ingested_at=now_iso(),
        url=document.url,
        countries=extraction.countries,
        people=extraction.people,
        organisations=extraction.organisations,
        places=extraction.places,
        words=document.words,
        extractor_version=extractor.version,
        warnings=extraction.warnings,
    )
    store.learn_aliases(extraction.aliases)
    store.save_article(article, document.text, extraction.meetings, extraction.quotes)
    store.release(name)
    return IngestResult("ingested", name, article=article)


def _quarantine(store: Store, name: str, stat: os.stat_result, reason: str) -> IngestResult:
    log.warning("quarantined %s: %s", name, reason)
    store.quarantine(Quarantined(path=name, reason=reason, size=stat.st_size, mtime=stat.st_mtime, at=now_iso()))
    return IngestResult("quarantined", name, reason=reason)


def reextract(store: Store, extractor: Extracts, article_id: str) -> Article:
    """Run the current extraction again over a stored article (after an upgrade)."""
    article = store.articles[article_id]
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
