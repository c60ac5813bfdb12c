"""The `diplowatch` command line.

Exit status: 0 done, 1 done with failures (files quarantined, nothing found), 2 a setting or
argument is wrong, 3 the database cannot be used as it is.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from pathlib import Path

from diplowatch.config import Settings, SettingsError, load_settings

EXIT_BAD_SETTING = 2
EXIT_BAD_DATABASE = 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="diplowatch", description="Who met whom and who said what, from a folder of news articles.")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run the bot (console mode when DISCORD_TOKEN is not set)")
    run.add_argument("--console", action="store_true", help="console mode even if a token is set")
    ingest = sub.add_parser("ingest", help="ingest files or folders once, then exit")
    ingest.add_argument("paths", nargs="+", type=Path)
    status = sub.add_parser("status", help="counts, last ingest and quarantined files")
    status.add_argument("--json", action="store_true")
    articles = sub.add_parser("articles", help="list stored articles, optionally about a country or person")
    articles.add_argument("query", nargs="?")
    articles.add_argument("--json", action="store_true")
    extract = sub.add_parser("extract", help="print the meetings and quotes of files without storing them")
    extract.add_argument("paths", nargs="+", type=Path)
    extract.add_argument("--json", action="store_true", help="one JSON object per file, per line")
    digest = sub.add_parser("digest", help="print the digest of a period and write its picture")
    digest.add_argument("--since")
    digest.add_argument("--until")
    digest.add_argument("--png", type=Path)
    sub.add_parser("repair", help="rebuild the database from the drop folder (keeps a copy of the old one)")
    return parser


def _files(paths: list[Path]) -> list[Path]:
    from bot.watcher import scan

    found: list[Path] = []
    for path in paths:
        found.extend(scan(path) if path.is_dir() else [path])
    return found


def cmd_ingest(settings: Settings, paths: list[Path]) -> int:
    from contextlib import nullcontext

    from rich.progress import Progress

    from extraction import Extractor
    from handlers.extraction_pool import POOL_FROM, ExtractionPool
    from handlers.ingest import ingest_files, now_iso
    from storage import Store

    files = _files(paths)
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        print(f"not found: {path}", file=sys.stderr)
    counts = dict.fromkeys(("ingested", "duplicate", "quarantined", "unchanged", "vanished", "failed"), 0)
    max_bytes = int(settings.max_file_mb * 1024 * 1024)
    chunk = 200  # stored as it goes: an interrupted run keeps what it finished
    with Store(settings.db_dir) as store:
        extractor = Extractor(settings.spacy_model)
        pool = ExtractionPool(settings.spacy_model) if len(files) >= POOL_FROM else nullcontext()
        with pool, Progress(transient=True, disable=len(files) < 5) as progress:
            task = progress.add_task("ingesting", total=len(files))
            for start in range(0, len(files), chunk):
                batch = files[start : start + chunk]
                results = ingest_files(
                    store, extractor, batch, max_bytes=max_bytes,
                    pool=pool if isinstance(pool, ExtractionPool) else None,
                )
                for result in results:
                    counts[result.outcome] += 1
                    if result.outcome in ("quarantined", "failed"):
                        print(f"{result.outcome} {result.path}: {result.reason}", file=sys.stderr)
                progress.advance(task, len(batch))
                if any(r.outcome == "ingested" for r in results):
                    store.set_state("last_ingest_at", now_iso())
    print(
        f"{counts['ingested']} ingested, {counts['duplicate']} duplicate(s), "
        f"{counts['quarantined']} quarantined, {counts['unchanged']} already known"
        + (f", {counts['failed']} failed (will be retried)" if counts["failed"] else "")
    )
    return 1 if counts["quarantined"] or counts["failed"] or missing else 0


def cmd_status(settings: Settings, as_json: bool) -> int:
    from storage import Store

    with Store(settings.db_dir) as store:
        counts = store.counts()
        payload = {
            **counts,
            "last_ingest_at": store.get_state("last_ingest_at"),
            "quarantine": [q.to_dict() for q in store.quarantined()],
        }
    if as_json:
        print(json.dumps(payload, ensure_ascii=False))
    else:
        print(
            f"{payload['articles']} articles, {payload['meetings']} meetings, {payload['quotes']} quotes\n"
            f"last ingest: {payload['last_ingest_at'] or 'never'}\n"
            f"quarantined files: {payload['quarantined']}"
        )
        for entry in payload["quarantine"]:
            print(f"  {entry['path']}: {entry['reason']}")
    return 0


def cmd_articles(settings: Settings, query: str | None, as_json: bool) -> int:
    from bot.render_text import reply_to_text
    from handlers.commands import Context, articles
    from storage import Store

    with Store(settings.db_dir) as store:
        reply = articles(Context(store=store), query)
        if as_json:
            ids = [e.heading.split(" · ", 1)[0] for e in reply.entries]
            for article_id in ids:
                print(json.dumps(store.articles[article_id].to_dict(), ensure_ascii=False))
        else:
            print(reply_to_text(reply))
    return 1 if reply.tone == "error" else 0


def cmd_extract(settings: Settings, paths: list[Path], as_json: bool) -> int:
    from extraction import Extractor

    from diplowatch.extract_json import extraction_to_json
    from diplowatch.reading import Unreadable, read_document

    extractor = Extractor(settings.spacy_model)
    status = 0
    for path in _files(paths):
        try:
            document = read_document(path)
        except Unreadable as exc:
            print(json.dumps({"file": str(path), "error": str(exc)}, ensure_ascii=False) if as_json else f"{path}: {exc}")
            status = 1
            continue
        extraction = extractor.extract(document.text, published=document.published, title=document.title)
        record = extraction_to_json(str(path), document, extraction)
        if as_json:
            print(json.dumps(record, ensure_ascii=False))
        else:
            print(json.dumps(record, ensure_ascii=False, indent=2))
    return status


def cmd_run(settings: Settings, console: bool) -> int:
    if console or not settings.token:
        if not console:
            print("DISCORD_TOKEN is not set: running in console mode (copy .env.example to .env to use Discord).")
        from bot.console import run_console

        asyncio.run(run_console(settings))
        return 0
    from bot.discord_app import run_discord

    return run_discord(settings)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"diplowatch: {exc}", file=sys.stderr)
        return EXIT_BAD_SETTING
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from storage import StoreError

    try:
        if args.command == "run":
            return cmd_run(settings, args.console)
        if args.command == "ingest":
            return cmd_ingest(settings, args.paths)
        if args.command == "status":
            return cmd_status(settings, args.json)
        if args.command == "articles":
            return cmd_articles(settings, args.query, args.json)
        if args.command == "extract":
            return cmd_extract(settings, args.paths, args.json)
        if args.command == "digest":
            from handlers.digest_cli import cmd_digest

            return cmd_digest(settings, args.since, args.until, args.png)
        if args.command == "repair":
            from storage.repair import cmd_repair

            return cmd_repair(settings)
    except StoreError as exc:
        print(f"diplowatch: {exc}", file=sys.stderr)
        return EXIT_BAD_DATABASE
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
