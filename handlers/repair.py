"""Rebuilding a damaged database: keep the old folder aside, then read the drop folder again."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from diplowatch.config import Settings
from diplowatch.drop_folder import scan
from handlers.ingest import IngestResult, ingest_all
from storage import Store
from storage.repair import set_aside


@dataclass(frozen=True, slots=True)
class Rebuilt:
    kept: Path | None  # where the old database went
    counts: Counter[str]


def rebuild(
    settings: Settings,
    extractor_factory: Callable[[str], object],
    *,
    on_start: Callable[[Path | None, int], None] = lambda kept, files: None,
    on_result: Callable[[IngestResult], None] = lambda result: None,
) -> Rebuilt:
    kept = set_aside(settings.db_dir)
    files = scan(settings.drop_dir)
    on_start(kept, len(files))
    with Store(settings.db_dir) as store:
        extractor = extractor_factory(settings.spacy_model)
        counts = ingest_all(
            store, extractor, files, model=settings.spacy_model,
            max_bytes=settings.max_file_bytes, on_result=on_result, inside=settings.drop_dir,
        )
    return Rebuilt(kept, counts)
