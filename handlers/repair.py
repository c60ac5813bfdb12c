"""Rebuilding a damaged database from the drop folder, beside the old one.

The live folder stays locked throughout; the new database is swapped in only once complete
(see storage.repair), so a repair that fails or is killed leaves the old one live and as it
was. Watches, aliases, the last digest time and the time each article arrived are taken from
the old database where it can still be read: the drop folder alone cannot give them back,
and without the arrival times the next digest would post the whole archive again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from diplowatch.config import Settings
from diplowatch.drop_folder import scan
from handlers.ingest import IngestResult, ingest_all
from storage import Store
from storage.repair import Rebuild, salvage


@dataclass(frozen=True, slots=True)
class Rebuilt:
    kept: Path | None  # where the old database went
    counts: Counter[str]
    kept_settings: bool  # watches, aliases and the last digest time came from the old database
    new_arrivals: int  # articles the old database did not hold (or no longer could say when they arrived)


def rebuild(
    settings: Settings,
    extractor_factory: Callable[[str], object],
    *,
    on_start: Callable[[int], None] = lambda files: None,
    on_result: Callable[[IngestResult], None] = lambda result: None,
) -> Rebuilt:
    with Rebuild(settings.db_dir) as rebuilding:
        old = salvage(settings.db_dir)
        files = scan(settings.drop_dir)
        on_start(len(files))
        with Store(rebuilding.folder) as store:
            store.adopt_aliases(old.aliases)  # before the articles: they are indexed by person
            for channel, subject in old.watches:
                store.add_watch(channel, subject)
            extractor = extractor_factory(settings.spacy_model)
            counts = ingest_all(
                store, extractor, files, model=settings.spacy_model,
                max_bytes=settings.max_file_bytes, on_result=on_result, inside=settings.drop_dir,
            )
            store.set_arrival_times(old.arrivals)
            new_arrivals = sum(1 for article in store.articles_newest() if article.hash not in old.arrivals)
            for key, value in old.state.items():
                store.set_state(key, value)
            # The folder has just been read whole: the bot's next start has no backlog to sum up.
            store.set_state("first_scan_done", True)
            kept = rebuilding.swap()  # while the new store is open: its lock covers the live folder
    return Rebuilt(kept, counts, old.meta_readable, new_arrivals)
