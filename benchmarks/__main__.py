"""`python -m benchmarks [--sizes 1000,10000,50000] [--quick]`: the figures of the issue,
printed per store size with their targets, and written to benchmarks/RESULTS.md.

Speed is measured here, never in tests. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import report
from benchmarks.report import Section, mb, ms

GB = 1024**3


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--sizes", default=None, help="store sizes in articles, comma-separated (default 1000,10000,50000)")
    parser.add_argument("--quick", action="store_true", help="1k and 10k, fewer files and repetitions")
    parser.add_argument("--files", type=int, default=None, help="article files for the ingest figures (default 200, quick 60)")
    parser.add_argument("--skip", default="", help="parts to leave out: startup,queries,write,events,ingest,real,alerts")
    parser.add_argument("--real-copies", type=int, default=None,
                        help="copies of the real articles of ../shared for their ingest figures (default 10, quick 5)")
    parser.add_argument("--real-reps", type=int, default=None, help="interleaved runs of the real-article figures (default 3)")
    parser.add_argument("--real-bulk-copies", type=int, default=None,
                        help="copies of the real articles in the burst of the bulk figure (default 30, quick 10)")
    parser.add_argument("--work", type=Path, default=None, help="folder for generated stores (default: a temp dir, removed)")
    parser.add_argument("--no-results", action="store_true", help="print only; leave RESULTS.md alone")
    args = parser.parse_args(argv)
    sizes = args.sizes or ("1000,10000" if args.quick else "1000,10000,50000")
    args.size_list = sorted({int(s.replace("_", "").replace("k", "000")) for s in sizes.split(",") if s.strip()})
    args.skip_set = {s.strip() for s in args.skip.split(",") if s.strip()}
    q = args.quick
    args.files = args.files or (60 if q else 200)
    args.query_reps = 50 if q else 60
    args.write_reps = 15 if q else 30
    args.startup_reps = 1 if q else 2
    args.alert_files = 8 if q else 20
    args.real_copies = args.real_copies or (5 if q else 10)
    args.real_reps = args.real_reps or (2 if q else 3)
    args.real_bulk_copies = args.real_bulk_copies or (10 if q else 30)
    return args


def log(message: str) -> None:
    print(message, flush=True)


# -- parts -------------------------------------------------------------------------------


def startup(folder: Path, reps: int) -> dict:
    runs = []
    for _ in range(reps):
        gc.collect()
        t0 = time.time()
        proc = subprocess.run([sys.executable, "-m", "benchmarks.startup", str(folder), repr(t0)],
                              capture_output=True, text=True, timeout=600)
        if proc.returncode != 0:
            raise RuntimeError(f"benchmarks.startup failed:\n{proc.stderr[-3000:]}")
        events = {e["event"]: e for e in map(json.loads, proc.stdout.splitlines())}
        runs.append({**events["ready"], **events["done"]})
    best = min(runs, key=lambda r: r["ready"])
    return {**best, "ready_all": [r["ready"] for r in runs], "hwm": max(r["hwm"] for r in runs)}


def in_process(folder: Path, world, args) -> dict:
    from benchmarks import query_bench, store_bench
    from handlers.service import warm_up
    from storage import Store

    out: dict = {}
    started = time.perf_counter()
    store = Store(folder)
    out["open"] = time.perf_counter() - started
    try:
        out["counts"] = store.counts()
        if "queries" not in args.skip_set:
            started = time.perf_counter()
            store.build_text_index()
            warm_up(store)  # what the service does in the background after start, after the index
            out["text_index"] = time.perf_counter() - started
            out["queries"] = query_bench.run(store, world, args.query_reps)
        if "write" not in args.skip_set:
            out["write"] = store_bench.run(store, world, args.write_reps)
        if "events" not in args.skip_set:
            out["rebuild"] = store_bench.rebuild(store)
    finally:
        store.close()
        del store
        gc.collect()
    return out


def ingest(extractor, paths: list[Path], folder: Path, work: Path) -> dict:
    from benchmarks import ingest_bench

    texts = ingest_bench.texts_of(paths)
    words = ingest_bench.words(texts)
    raw = ingest_bench.raw_pipe(extractor, texts)
    one = ingest_bench.end_to_end(extractor, paths, folder, work)
    two = ingest_bench.parallel(extractor, paths, folder, work)
    return {"words": words, "files": len(paths), "raw": raw, "one": one, "two": two}


def real_articles(args, root: Path, extractor) -> Section | None:
    """The ingest figures of issue 10 on the real articles of ../shared (once, before the sizes)."""
    if "real" in args.skip_set:
        return None
    from benchmarks import ingest_bench, real_articles as real
    sources = real.sources()
    if not sources:
        log(f"real articles: none found under {real.SHARED}; skipped")
        args.skip_set.add("real")
        return None
    paths = real.write_copies(root / "real-articles", args.real_copies)
    bulk = real.write_copies(root / "real-articles-bulk", args.real_bulk_copies)
    log(f"real articles: {len(sources)} × {args.real_copies} = {len(paths)} files, {args.real_reps} interleaved runs; "
        f"bursts of {len(bulk)} …")
    r = ingest_bench.real_articles_run(extractor, paths, root, reps=args.real_reps, bulk_paths=bulk)
    shutil.rmtree(root / "real-articles", ignore_errors=True)
    shutil.rmtree(root / "real-articles-bulk", ignore_errors=True)
    return real_section({**r, "sources": len(sources), "copies": args.real_copies, "bulk_copies": args.real_bulk_copies})


# -- tables ------------------------------------------------------------------------------


def size_section(size: int, gen_seconds: float, results: dict) -> Section:
    """The markdown section of RESULTS.md for one store size: writes, queries, start-up, ingest."""
    section = Section(f"{size:,} articles")
    proc = results.get("in_process", {})
    section.notes.append(f"load average when this size began: {results['load']}")
    if "counts" in proc:
        c = proc["counts"]
        section.notes.append(f"store: {c['articles']:,} articles, {c['meetings']:,} meetings, {c['quotes']:,} quotes; "
                             f"generated in {gen_seconds:.0f} s (save_many, 10,000 per batch, fsync off: not a target)")
    if "ingest" in results:
        r = results["ingest"]
        raw_wps = r["words"] / r["raw"]["wall"]
        one, two = r["one"], r["two"]
        one_wps, two_wps = r["words"] / one["seconds"], r["words"] / two["seconds"]
        ratio = one_wps / raw_wps
        cpu_ratio = r["raw"]["cpu"] / one["cpu"]
        section.add("ingest: spaCy nlp.pipe alone (model, 1 process)", f"{raw_wps:,.0f} words/s")
        section.add("ingest: end to end, 1 process", f"{one['files'] / one['seconds']:.1f} art/s · {one_wps:,.0f} words/s")
        section.add("ingest: ratio end to end / nlp.pipe (wall clock)", f"{ratio:.2f}", "≥ 0.85", ratio >= 0.85)
        section.add("ingest: same ratio in CPU time (less sensitive to load)", f"{cpu_ratio:.2f}", "≥ 0.85",
                    cpu_ratio >= 0.85)
        store_share = (one["seconds"] - one["extract"]) / one["seconds"]
        section.add("ingest: share outside extraction (read + storage), wall clock", f"{store_share:.0%}")
        section.add(f"ingest: end to end, burst path (this process + {two['workers']} worker)",
                    f"{two['files'] / two['seconds']:.1f} art/s · {two_wps:,.0f} words/s")
        section.add("ingest: speed-up burst path / 1 process", f"{one['seconds'] / two['seconds']:.2f}×")
        section.notes.append(f"ingest: {r['files']} French files, {r['words']:,} words, into a copy of this store, "
                             f"through handlers.ingest.ingest_files; burst path = ingest_chunk with a BurstPool "
                             f"(this process extracts too), whose start ({two['warm_up']:.1f} s, a model per worker, "
                             f"paid once per burst of ≥ 100 files) is not counted")
    if "write" in proc:
        w = proc["write"]
        section.add("store write: one more article (median)", ms(w["p50"]), "≤ 20 ms", w["p50"] <= 0.020)
        section.add("store write: p95 / max", f"{ms(w['p95'])} / {ms(w['max'])}")
        section.add("events: matching a new article's meetings, p50 / p95", f"{ms(w['match_p50'])} / {ms(w['match_p95'])}",
                    "≤ 5 ms", w["match_p95"] <= 0.005)
    if "rebuild" in proc:
        r = proc["rebuild"]
        section.add("events: rebuilding all (people and events, from the records)", f"{r['best']:.2f} s", "≤ 60 s",
                    r["best"] <= 60)
        section.notes.append(f"events: {r['meetings']:,} meetings reported → {r['events']:,} events, {r['people']:,} people; "
                             f"rebuilds: {', '.join(f'{x:.2f} s' for x in r['all'])} (in-process, the store open)")
    if "queries" in proc:
        for name, q in proc["queries"].items():
            limit = 0.010 if name.startswith("autocomplete") else 0.050
            section.add(f"query {name}: p50 / p95", f"{ms(q['p50'])} / {ms(q['p95'])}", f"p95 ≤ {limit * 1000:.0f} ms",
                        q["p95"] <= limit)
        section.notes.append(f"queries: warm, {next(iter(proc['queries'].values()))['n']} varied arguments each; "
                             f"/search index built and events and people warmed up (`Store.warm_up`, as the service does in the "
                             f"background after start) in {proc.get('text_index', 0):.1f} s in-process beforehand")
    if "startup" in results:
        s = results["startup"]
        runs = s["ready_all"]
        label = f"start-up: process start → ready to answer (best of {len(runs)})" if len(runs) > 1 else \
            "start-up: process start → ready to answer"
        section.add(label, f"{s['ready']:.2f} s", "≤ 5 s", s["ready"] <= 5)
        section.add("start-up: peak RSS (store + spaCy model + /search index + warm-up)", mb(s["hwm"]), "≤ 1 GB", s["hwm"] <= GB)
        section.notes.append(
            f"start-up: imports {s['imports']:.2f} s, store load {s['store']:.2f} s (of which people and events "
            f"{s.get('derived', 0):.2f} s), first query {ms(s['first_query'])}; "
            f"RSS when ready {mb(s['rss_ready'])}; then model {s['model']:.1f} s, /search index {s['text_index']:.1f} s "
            f"and warm-up {s.get('warm_up', 0):.1f} s (background in the bot); runs: {', '.join(f'{x:.2f} s' for x in s['ready_all'])}"
        )
    if "alerts" in results:
        a = results["alerts"]
        section.add("alert: drop → alert at the API, p50 / p95", f"{a['latency_p50']:.2f} s / {a['latency_p95']:.2f} s")
        section.add("alert: extraction of those files, p50 / p95", f"{a['extract_p50']:.2f} s / {a['extract_p95']:.2f} s")
        section.add("alert: latency beyond extraction, p50 / p95", f"{a['beyond_p50']:.2f} s / {a['beyond_p95']:.2f} s",
                    "p95 ≤ 2 s", a["beyond_p95"] <= 2)
        section.notes.append(f"alerts: {a['n']} files dropped one at a time (settle 0.2 s); bot connected "
                             f"{a['phase_connected']:.1f} s after start, backlog summary at {a['phase_backlog']:.1f} s, "
                             f"/search index built at {a['phase_text_index']:.1f} s")
    return section


def _median(values: list[float]) -> float:
    return report.p50(values)


def real_section(r: dict) -> Section:
    """The real articles of ../shared: the issue's figures, with their load."""
    words = r["words"]
    raws, ones, bulks = r["raws"], r["ones"], r["bulks"]
    pairs = list(zip(raws, ones))
    wall_one = _median([raw["wall"] / one["wall"] for raw, one in pairs])
    cpu_one = _median([raw["cpu"] / one["cpu"] for raw, one in pairs])
    scale = r["bulk_words"] / words  # the burst's words per word of the bare model's run
    wall_bulk = _median([scale * b["raw"]["wall"] / b["wall"] for b in bulks])
    cpu_bulk = _median([scale * b["raw"]["cpu"] / b["cpu"] for b in bulks])
    raw_wall = _median([x["wall"] for x in raws])
    raw_cpu = _median([x["cpu"] for x in raws])
    section = Section(f"Real articles of ../shared ({r['sources']} articles × {r['copies']} copies = {r['files']} files, "
                      f"{words:,} words)")
    section.add("bare model: nlp.pipe, batches of 16 (median)",
                f"{words / raw_wall:,.0f} words/s · {words / raw_cpu:,.0f} words/CPU-s")
    section.add("bare model: nlp.pipe, the model's default batch (once)",
                f"{words / r['raw_default']['wall']:,.0f} words/s · {words / r['raw_default']['cpu']:,.0f} words/CPU-s")
    section.add("ingest, 1 process (median)",
                f"{words / _median([x['wall'] for x in ones]):,.0f} words/s · "
                f"{words / _median([x['cpu'] for x in ones]):,.0f} words/CPU-s")
    section.add("ingest, 1 process / bare model: CPU time (median of pairs)", f"{cpu_one:.2f}", "≥ 0.85", cpu_one >= 0.85)
    section.add("ingest, 1 process / bare model: wall clock (median of pairs)", f"{wall_one:.2f}", "≥ 0.85",
                wall_one >= 0.85)
    section.add(f"burst of {r['bulk_files']} files on 2 cores: this process + {r['workers']} worker, "
                f"pool start counted (median)", f"{r['bulk_words'] / _median([b['wall'] for b in bulks]):,.0f} words/s")
    section.add("burst / bare model in 1 process: words/s, wall clock (median of pairs)", f"{wall_bulk:.2f}×", "≥ 1.6×",
                wall_bulk >= 1.6)
    section.add("burst: CPU per word, this process + workers / bare model (median)", f"{1 / cpu_bulk:.2f}×",
                "(cost, lower is better)")
    section.notes.append("pairs, bare model / ingest, interleaved (which runs first alternates) so that other work on the "
                         "machine falls on both: "
                         + "; ".join(f"{raw['wall']:.1f}/{one['wall']:.1f} s wall, {raw['cpu']:.1f}/{one['cpu']:.1f} s CPU, "
                                     f"load {raw['load']:.1f}" for raw, one in pairs))
    section.notes.append(f"bursts of {r['bulk_files']} files ({r['bulk_words']:,} words; {r['bulk_copies']} copies), "
                         f"the bare model over the {r['files']} files before each: "
                         + "; ".join(f"{b['raw']['wall']:.1f} s → {b['wall']:.1f} s wall, CPU {b['parent_cpu']:.1f} s parent + "
                                     f"{b['cpu'] - b['parent_cpu']:.1f} s workers, load {b['load']:.1f}" for b in bulks))
    n, parts = r["files"], r["split"]
    per = lambda seconds: f"{1000 * seconds / n:.1f} ms"  # noqa: E731
    section.add("per article, CPU: spaCy model components (its language's model)", per(parts["spacy"]))
    section.add("per article, CPU: our rules (diplowatch_* components, assemble, language detection)",
                per(parts["rules"]))
    components = {k.removeprefix("component "): v for k, v in parts.items() if k.startswith("component ")}
    for name, value in sorted(components.items(), key=lambda kv: -kv[1]):
        section.add(f"  {name}", per(value))
    section.add("per article: reading and recognising the file (_prepare), CPU / wall",
                f"{per(parts['read cpu'])} / {per(parts['read wall'])}")
    section.add("per article: storing it (_store: article, body, aliases, indexes; fsyncs), CPU / wall",
                f"{per(parts['store cpu'])} / {per(parts['store wall'])}")
    section.notes.append("per-article split: the extraction text by text through its language's pipeline (CPU time), "
                         "and one more ingest run with reading and storing timed")
    section.notes.append("the articles are read from ../shared at bench time and written, with ' (k)' added to the "
                         "first line of copy k, into a temp drop folder removed at the end; each run stores into a "
                         "fresh empty store; English articles go through the English model, as in the bot")
    return section


def split_section(split: dict[str, float], files: int) -> Section:
    total = split["read"] + split["spacy"] + split["rules"]
    words = split["words"]
    section = Section(f"Where extraction time goes ({files} files, {words:,} words, CPU time, measured once before the sizes)")
    section.add("spaCy nlp.pipe alone (batches of 16, our components off)", f"{words / split['raw']['cpu']:,.0f} words/CPU-s")
    section.add("Extractor.extract text by text (a single file)",
                f"{words / (split['spacy'] + split['rules']):,.0f} words/CPU-s")
    section.add("Extractor.extract_many (nlp.pipe batches of 16 + our rules; what ingest calls)",
                f"{words / split['batched']:,.0f} words/CPU-s")
    section.add("reading the files (read_document)", f"{split['read']:.2f} s ({split['read'] / total:.0%})")
    section.add("spaCy model components, text by text (tokenizer, tok2vec, parser, ner…)",
                f"{split['spacy']:.2f} s ({split['spacy'] / total:.0%})")
    section.add("our rules (diplowatch_* components, assemble)", f"{split['rules']:.2f} s ({split['rules'] / total:.0%})")
    components = {k: v for k, v in split.items() if k.startswith("component ")}
    for key, value in sorted(components.items(), key=lambda kv: -kv[1]):
        section.add(f"  {key.removeprefix('component ')}", f"{value:.2f} s")
    section.notes.append("storage is the end-to-end time minus extraction: see 'share outside extraction' per size, "
                         "and per article in the real articles' section")
    return section


# -- main --------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """Run every benchmark at every size and print (and write) the report."""
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    command = "python -m benchmarks" + (" " + " ".join(argv) if argv else "")
    load_before = report.load_average()
    began = time.perf_counter()
    log(f"diplowatch benchmarks: sizes {', '.join(f'{s:,}' for s in args.size_list)}; load average {load_before}")
    for key, value in report.machine().items():
        log(f"  {key}: {value}")

    root = args.work or Path(tempfile.mkdtemp(prefix="diplowatch-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    sections: list[Section] = []
    try:
        from benchmarks.corpus import Corpus
        from benchmarks.synthetic import build_stores

        log("generating stores …")
        folders, gen_seconds, world = build_stores(root, args.size_list, log=log)
        paths = Corpus().write(root / "ingest-files", args.files)
        extractor = None
        if not {"ingest", "alerts", "real"} <= args.skip_set:
            from extraction import Extractor

            started = time.perf_counter()
            extractor = Extractor()
            log(f"spaCy model loaded in {time.perf_counter() - started:.1f} s")
        if "ingest" not in args.skip_set:
            from benchmarks import ingest_bench

            log("splitting extraction time …")
            texts = ingest_bench.texts_of(paths)
            split = ingest_bench.split(extractor, texts, paths)
            split["words"] = ingest_bench.words(texts)
            split["raw"] = ingest_bench.raw_pipe(extractor, texts)
            split["batched"] = ingest_bench.batched(extractor, texts)
            split_table = split_section(split, len(paths))
        real_table = real_articles(args, root, extractor)
        if real_table is not None:
            log("\n" + report.text_table(real_table))
        for size in args.size_list:
            log(f"\n--- {size:,} articles ---")
            results: dict = {"load": report.load_average()}
            if "startup" not in args.skip_set:
                log("start-up (separate process) …")
                results["startup"] = startup(folders[size], args.startup_reps)
            if not {"queries", "write"} <= args.skip_set:
                log("queries and store write …")
                results["in_process"] = in_process(folders[size], world, args)
            if "ingest" not in args.skip_set:
                log(f"ingest ({len(paths)} files: nlp.pipe, 1 process, 2 processes) …")
                results["ingest"] = ingest(extractor, paths, folders[size], root)
            if "alerts" not in args.skip_set:
                from benchmarks import alert_bench

                log(f"alert latency ({args.alert_files} files through the bot and the Discord stand-in) …")
                results["alerts"] = alert_bench.run(extractor, folders[size], root / "alerts", count=args.alert_files)
            section = size_section(size, gen_seconds[size], results)
            sections.append(section)
            log("\n" + report.text_table(section))
        if real_table is not None:
            sections.append(real_table)
        if "ingest" not in args.skip_set:
            sections.append(split_table)
            log("\n" + report.text_table(split_table))
    finally:
        if args.work is None:
            shutil.rmtree(root, ignore_errors=True)
    elapsed = time.perf_counter() - began
    load_after = report.load_average()
    log(f"\ndone in {elapsed / 60:.1f} min; load average {load_after}")
    if not args.no_results:
        path = report.write_results(command, sections, load_before=load_before, load_after=load_after,
                                    summary=sections[len(args.size_list) - 1] if sections else None,
                                    elapsed=elapsed, preamble=PREAMBLE)
        log(f"written to {path}")
    return 0


PREAMBLE = [
    "## How it is measured",
    "",
    "- Stores: synthetic (`benchmarks/synthetic.py`), ~2 meetings and ~6 quotes per article, 150 countries, "
    "2,000 people, ~400-word French-like bodies with a Zipf vocabulary; built with `Store.save_many` by 10,000. "
    "30% of the meetings report again one of the last 2,000 (same people, one sometimes by surname only; same day, "
    "the day after or the month; a plan sometimes held), so events have several sources.",
    "- Ingest: French dispatches of 300–600 words (`benchmarks/corpus.py`). Model alone = `nlp.pipe` of the "
    "Extractor's own `Language` with our `diplowatch_*` components disabled; end to end = "
    "`handlers.ingest.ingest_files` without a pool (read, extract, store file by file) into a copy of the store of "
    "that size; burst path = `handlers.ingest.ingest_chunk` with the service's `BurstPool` (this process and "
    "cores - 1 worker processes, each extracting), warmed first.",
    "- Store write: `Store.save_article` of one synthetic article at a time (fsync on), into the store of that size; "
    "within it, matching its meetings to events = the time in `Store._derive` (people resolved, touched groups of "
    "events clustered again). Rebuilding all = `Store.rebuild_events()` on the open store.",
    "- Queries: `handlers.registry.run` (as every transport runs a command) with `Context(store=...)` and `handlers.subjects.complete_subject`, "
    "after the /search index and `Store.warm_up` (what the service does in the background after start), "
    "warm, each over ≥ 50 varied arguments (countries, full names, surnames, common/rare/two words, 2–6 letter prefixes; "
    "event ids, half of them of the events with the most sources; 1–6 character id prefixes).",
    "- Start-up: `python -m benchmarks.startup` as a new process, timed from the parent's clock before it starts to "
    "the store loaded and a first `/meetings` answered; peak RSS (VmHWM) after loading the spaCy model and building "
    "the /search index as the service does in the background.",
    "- Alerts: the real `DiplowatchBot` in-process against `tests.discord_standin`, a copy of the store of that size; "
    "files dropped one at a time after the first-run backlog; latency to the message at the stand-in, minus the "
    "extraction time of the same file measured apart.",
    "- ✓/✗ compare every size with the 50k targets.",
]

if __name__ == "__main__":
    raise SystemExit(main())
