"""The JSON shape of `diplowatch extract --json`: the eval schema (../shared/eval/README.md)
plus evidence and the article's metadata."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from diplowatch.reading import Document
from diplowatch.records import Extraction


def extraction_to_json(file: str, document: Document, extraction: Extraction) -> dict[str, Any]:
    return {
        "file": file,
        "title": document.title,
        "published": document.published,
        "language": extraction.language,
        "countries": list(extraction.countries),
        "people": list(extraction.people),
        "meetings": [
            {k: v for k, v in asdict(m).items() if k != "article_id"} for m in extraction.meetings
        ],
        "quotes": [
            {k: v for k, v in asdict(q).items() if k != "article_id"} for q in extraction.quotes
        ],
        "warnings": list(extraction.warnings),
    }
