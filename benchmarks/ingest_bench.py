"""Ingest speed: raw spaCy against the whole pipeline, on the same texts, in the same run.

(a) the model alone: `nlp.pipe` over the texts with our rule components switched off;
(b) end to end through `handlers.ingest.ingest_files` without a pool (read, extract and
    store file by file, as the service does for small batches) into a copy of the store of
    the size measured;
(c) the same with an `ExtractionPool` of 2 worker processes (each its own model), as the
    service does for a burst, storing each result as it arrives;
plus where the time of (b) goes: reading, the spaCy model, our rules, storage.
"""

from __future__ import annotations

import shutil
import time
from collections import defaultdict
from pathlib import Path

from diplowatch.reading import read_document
from diplowatch.records import Extraction
from extraction import Extractor, normalise
from extraction.assemble import assemble
from extraction.language import detect_language
from extraction.pipeline import RULE_COMPONENTS
from handlers.extraction_pool import POOL_FROM, ExtractionPool
from handlers.ingest import ingest_files
from storage import Store

OUR_COMPONENTS = ("diplowatch_paragraphs", *RULE_COMPONENTS)


def texts_of(paths: list[Path]) -> list[tuple[str, str | None, str]]:
    out = []
    for path in paths:
        doc = read_document(path)
        out.append((doc.text, doc.published, doc.title))
    return out


def words(texts: list[tuple[str, str | None, str]]) -> int:
    return sum(len(text.split()) for text, _, _ in texts)


def raw_pipe(extractor: Extractor, texts: list[tuple[str, str | None, str]], batch_size: int = 16) -> dict[str, float]:
    """Wall and CPU seconds for the model's own `nlp.pipe` (our components disabled)."""
    nlp = extractor.nlp
    normalised = [normalise(text) for text, _, _ in texts]
    with nlp.select_pipes(disable=[n for n in OUR_COMPONENTS if n in nlp.pipe_names]):
        for _ in nlp.pipe(normalised[:4]):  # warm
            pass
        started, cpu = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(normalised, batch_size=batch_size):
            pass
        return {"wall": time.perf_counter() - started, "cpu": time.process_time() - cpu}


def split(extractor: Extractor, texts: list[tuple[str, str | None, str]], paths: list[Path]) -> dict[str, float]:
    """CPU seconds per stage of an extraction run text by text, as `Extractor.extract` does
    (CPU time: the other work on the machine moves it less than wall-clock time)."""
    nlp = extractor.nlp
    spent: dict[str, float] = defaultdict(float)
    started = time.process_time()
    texts_of(paths)
    spent["read"] = time.process_time() - started
    for text, published, _ in texts:
        t = time.process_time()
        lang = detect_language(text)
        normal = normalise(text)
        t1 = time.process_time()
        spent["rules"] += t1 - t
        doc = nlp.make_doc(normal)
        t2 = time.process_time()
        spent["spacy"] += t2 - t1
        for name, proc in nlp.pipeline:
            t = time.process_time()
            doc = proc(doc)
            spent["rules" if name in OUR_COMPONENTS else "spacy"] += time.process_time() - t
            spent[f"component {name}"] += time.process_time() - t
        t = time.process_time()
        assemble(doc, text, published, lang, [])
        spent["rules"] += time.process_time() - t
        spent["component assemble"] += time.process_time() - t
    return dict(spent)


def batched(extractor: Extractor, texts: list[tuple[str, str | None, str]], batch_size: int = 16) -> float:
    """CPU seconds for `Extractor.extract_many` (our whole extraction over `nlp.pipe` batches)."""
    started = time.process_time()
    for _ in extractor.extract_many(((text, published) for text, published, _ in texts), batch_size=batch_size):
        pass
    return time.process_time() - started


class TimedExtractor:
    """The real extractor, with the time spent in it counted."""

    def __init__(self, extractor: Extractor) -> None:
        self.extractor = extractor
        self.version = extractor.version
        self.seconds = 0.0

    def extract(self, text: str, *, published: str | None = None, title: str | None = None) -> Extraction:
        started = time.perf_counter()
        try:
            return self.extractor.extract(text, published=published, title=title)
        finally:
            self.seconds += time.perf_counter() - started


def _copy_store(source: Path, target: Path) -> Path:
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target)
    return target


def end_to_end(extractor: Extractor, paths: list[Path], store_src: Path, work: Path) -> dict[str, float]:
    folder = _copy_store(store_src, work / "ingest-1")
    store = Store(folder)
    timed = TimedExtractor(extractor)
    try:
        started, cpu = time.perf_counter(), time.process_time()
        outcomes = [r.outcome for r in ingest_files(store, timed, paths)]
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    finally:
        store.close()
        shutil.rmtree(folder, ignore_errors=True)
    ingested = outcomes.count("ingested")
    return {"seconds": seconds, "cpu": cpu, "extract": timed.seconds, "ingested": ingested, "files": len(paths)}


def parallel(extractor: Extractor, paths: list[Path], store_src: Path, work: Path, workers: int = 2) -> dict[str, float]:
    """The service's own burst path: `ingest_files` with an `ExtractionPool` of `workers`
    processes. The pool is warmed first (its start, a model load per worker, is paid by
    the service once per burst of POOL_FROM files or more, and is reported apart)."""
    folder = _copy_store(store_src, work / f"ingest-{workers}")
    store = Store(folder)
    try:
        started = time.perf_counter()
        with ExtractionPool(extractor.model, workers=workers) as pool:
            sample = read_document(paths[0])
            list(pool.extract([(sample.text, sample.published, sample.title)] * (workers * 2)))
            warm = time.perf_counter() - started
            started = time.perf_counter()
            results = ingest_files(store, extractor, paths, pool=pool)
            seconds = time.perf_counter() - started
    finally:
        store.close()
        shutil.rmtree(folder, ignore_errors=True)
    outcomes = [r.outcome for r in results]
    return {"seconds": seconds, "ingested": outcomes.count("ingested"), "files": len(paths),
            "workers": workers, "warm_up": warm, "pooled": len(paths) >= POOL_FROM}
