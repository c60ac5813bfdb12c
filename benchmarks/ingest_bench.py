"""Ingest speed: raw spaCy against the whole pipeline, on the same texts, in the same run.

(a) the model alone: `nlp.pipe` over the texts with our rule components switched off;
(b) end to end through `handlers.ingest.ingest_files` without a pool (read, extract and
    store file by file, as the service does for small batches) into a copy of the store of
    the size measured;
(c) the same as the service runs a burst: a `BurstPool` (on 2 cores this process and one
    worker process with its own model), storing each result as it arrives;
plus where the time of (b) goes: reading, the spaCy model, our rules, storage.
"""

from __future__ import annotations

import os
import resource
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
from handlers.extraction_pool import POOL_FROM, BurstPool
from handlers.ingest import ingest_chunk, ingest_files
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


RAW_BATCH = 16  # the bare model's batch in every ratio (spaCy's default, 256, is printed beside it)


def raw_pipe(extractor: Extractor, texts: list[tuple[str, str | None, str]], batch_size: int | None = 16) -> dict[str, float]:
    """Wall and CPU seconds for the model's own `nlp.pipe` (our components disabled);
    batch_size None is the model's default."""
    nlp = extractor.nlp
    normalised = [normalise(text) for text, _, _ in texts]
    with nlp.select_pipes(disable=[n for n in OUR_COMPONENTS if n in nlp.pipe_names]):
        for _ in nlp.pipe(normalised[:4]):  # warm
            pass
        started, cpu = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(normalised, batch_size=batch_size):
            pass
        return {"wall": time.perf_counter() - started, "cpu": time.process_time() - cpu}


def split(extractor: Extractor, texts: list[tuple[str, str | None, str]], paths: list[Path], *,
          by_language: bool = False) -> dict[str, float]:
    """CPU seconds per stage of an extraction run text by text, as `Extractor.extract` does
    (CPU time: the other work on the machine moves it less than wall-clock time). With
    `by_language`, each text goes through the pipeline of its language, as in ingest (the
    English model's components are marked "(en)")."""
    spent: dict[str, float] = defaultdict(float)
    started = time.process_time()
    texts_of(paths)
    spent["read"] = time.process_time() - started
    for text, published, _ in texts:
        t = time.process_time()
        lang = detect_language(text)
        t0 = time.process_time()
        spent["component language detection"] += t0 - t
        normal = normalise(text)
        t1 = time.process_time()
        spent["rules"] += t1 - t
        nlp = extractor._pipeline(lang) if by_language else extractor.nlp
        mark = " (en)" if nlp is not extractor.nlp else ""
        doc = nlp.make_doc(normal)
        t2 = time.process_time()
        spent["spacy"] += t2 - t1
        spent[f"component tokenizer{mark}"] += t2 - t1
        for name, proc in nlp.pipeline:
            t = time.process_time()
            doc = proc(doc)
            ours = name in OUR_COMPONENTS or name.startswith("diplowatch_")
            spent["rules" if ours else "spacy"] += time.process_time() - t
            spent[f"component {name}{'' if ours else mark}"] += time.process_time() - t
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
    """The real extractor, with the time spent in it counted (batched as ingest calls it)."""

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

    def extract_many(self, items, **kwargs):
        started = time.perf_counter()
        try:
            return list(self.extractor.extract_many(items, **kwargs))
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


def parallel(extractor: Extractor, paths: list[Path], store_src: Path, work: Path) -> dict[str, float]:
    """The service's own burst path: `ingest_chunk` with a `BurstPool` (on 2 cores, this
    process and one worker process). The pool is warmed first (its start, a model load per
    worker, is paid once per burst of POOL_FROM files or more, and is reported apart)."""
    folder = _copy_store(store_src, work / "ingest-bulk")
    store = Store(folder)
    try:
        started = time.perf_counter()
        with BurstPool(extractor.model, pool_from=1) as burst:
            pool = burst.for_chunk(len(paths))
            while not pool.ready:
                time.sleep(0.05)
            warm = time.perf_counter() - started
            started = time.perf_counter()
            results = ingest_chunk(store, extractor, paths, burst)
            seconds = time.perf_counter() - started
    finally:
        store.close()
        shutil.rmtree(folder, ignore_errors=True)
    outcomes = [r.outcome for r in results]
    return {"seconds": seconds, "ingested": outcomes.count("ingested"), "files": len(paths),
            "workers": burst.workers, "warm_up": warm, "pooled": len(paths) >= POOL_FROM}


# -- the real articles of ../shared (issue 10) ----------------------------------------------


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _load() -> float:
    return os.getloadavg()[0]


def _one_process(extractor: Extractor, paths: list[Path], folder: Path) -> dict[str, float]:
    """`ingest_files` without a pool into a fresh empty store: wall and CPU seconds."""
    shutil.rmtree(folder, ignore_errors=True)
    store = Store(folder)
    try:
        load = _load()
        started, cpu = time.perf_counter(), time.process_time()
        results = ingest_files(store, extractor, paths)
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    finally:
        store.close()
        shutil.rmtree(folder, ignore_errors=True)
    assert all(r.outcome == "ingested" for r in results), {r.outcome for r in results}
    return {"wall": wall, "cpu": cpu, "load": load}


def _bulk(extractor: Extractor, paths: list[Path], folder: Path) -> dict[str, float]:
    """A burst as the service runs it: its `BurstPool` started when the burst begins (the
    start is counted), `ingest_chunk` through it (this process extracting its share), the pool
    closed; wall clock, and CPU time of this process plus its workers (reaped at close, so
    RUSAGE_CHILDREN holds them)."""
    shutil.rmtree(folder, ignore_errors=True)
    store = Store(folder)
    try:
        load = _load()
        started, cpu, children = time.perf_counter(), time.process_time(), _cpu_children()
        with BurstPool(extractor.model, pool_from=1) as burst:
            workers = burst.workers
            results = ingest_chunk(store, extractor, paths, burst)
        wall = time.perf_counter() - started
        cpu, children = time.process_time() - cpu, _cpu_children() - children
    finally:
        store.close()
        shutil.rmtree(folder, ignore_errors=True)
    assert all(r.outcome == "ingested" for r in results), {r.outcome for r in results}
    return {"wall": wall, "cpu": cpu + children, "parent_cpu": cpu, "load": load, "workers": workers}


def storage_split(extractor: Extractor, paths: list[Path], folder: Path) -> dict[str, float]:
    """Seconds (wall and CPU of the thread doing it) spent reading and recognising files
    (`_prepare`) and storing them (`_store`: the article, its body, aliases) in one ingest
    run without a pool into a fresh store."""
    import handlers.ingest as ingest_module

    spent: dict[str, float] = defaultdict(float)

    def timed(name, function):
        def run(*args, **kwargs):
            wall, cpu = time.perf_counter(), time.thread_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[f"{name} wall"] += time.perf_counter() - wall
                spent[f"{name} cpu"] += time.thread_time() - cpu
        return run

    originals = ingest_module._prepare, ingest_module._store
    ingest_module._prepare, ingest_module._store = timed("read", originals[0]), timed("store", originals[1])
    try:
        spent.update({f"total {k}": v for k, v in _one_process(extractor, paths, folder).items() if k != "load"})
    finally:
        ingest_module._prepare, ingest_module._store = originals
    return dict(spent)


def real_articles_run(extractor: Extractor, paths: list[Path], work: Path, *, reps: int = 3,
                      bulk_reps: int = 2, bulk_paths: list[Path] | None = None) -> dict:
    """The real articles: the bare model and ingest in one process, interleaved `reps` times
    (so that the load of the machine falls on both alike; which runs first alternates), then
    the burst path.
    Ratios are taken per pair and their median reported, in wall clock and in CPU time."""
    texts = texts_of(paths)
    count = words(texts)
    extractor.extract("Le président a reçu le ministre.")  # loads what is lazily loaded (not timed)
    extractor.extract("The president met the minister in Astana on Monday, he said.")
    raws, ones, bulks = [], [], []
    for rep in range(reps):
        # Turn about: in back-to-back runs here the first of two was often the slower (by up
        # to 10% of CPU), whichever it was; alternating keeps that off one side.
        if rep % 2:
            ones.append(_one_process(extractor, paths, work / "real-1"))
            raws.append({**raw_pipe(extractor, texts, batch_size=RAW_BATCH), "load": _load()})
        else:
            raws.append({**raw_pipe(extractor, texts, batch_size=RAW_BATCH), "load": _load()})
            ones.append(_one_process(extractor, paths, work / "real-1"))
    for _ in range(bulk_reps):
        raw = {**raw_pipe(extractor, texts, batch_size=RAW_BATCH), "load": _load()}
        raws.append(raw)
        bulks.append({**_bulk(extractor, bulk_paths or paths, work / "real-bulk"), "raw": raw})
    default = raw_pipe(extractor, texts, batch_size=None)
    parts = split(extractor, texts, paths, by_language=True)
    parts.update(storage_split(extractor, paths, work / "real-split"))
    bulk_texts = texts_of(bulk_paths) if bulk_paths else texts
    return {"files": len(paths), "words": count, "raws": raws, "ones": ones, "bulks": bulks, "split": parts,
            "bulk_files": len(bulk_paths or paths), "bulk_words": words(bulk_texts),
            "workers": bulks[0]["workers"] if bulks else 0, "raw_default": default}
