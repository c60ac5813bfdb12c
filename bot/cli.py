"""The `diplowatch` command line.

Exit status: 0 done, 1 done with failures (files quarantined, nothing found), 2 a setting or
argument is wrong, 3 the database cannot be used as it is, 4 Discord could not be reached.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import re
import sys
from pathlib import Path

from bot.render_text import reply_to_text
from diplowatch.cleaning import clean_text
from diplowatch.config import Settings, SettingsError, load_settings
from diplowatch.drop_folder import files_by_folder

EXIT_BAD_SETTING = EXIT_BAD_ARGUMENT = 2
EXIT_BAD_DATABASE = 3
# In JSON output, what a terminal could act on is written as a \uXXXX escape (the same data).
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def say(*parts, file=None) -> None:
    """print, without control characters or direction overrides: file names and reasons are
    someone else's text, and ESC ] 0 ; … BEL would retitle the terminal."""
    print(*(clean_text(str(part)) for part in parts), file=file or sys.stdout)


def _json(value, **options) -> str:
    text = json.dumps(value, ensure_ascii=False, **options)  # escapes C0 controls itself
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


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
    export = sub.add_parser("export", help="meetings (one row per event) or statements of a country or person, as CSV or JSON")
    export.add_argument("what", choices=("meetings", "quotes"))
    export.add_argument("subject", help="a country (kazakhstan, KZ) or a person (Wang Yi)")
    export.add_argument("--since", help="from this date (YYYY-MM-DD, YYYY-MM or YYYY)")
    export.add_argument("--until", help="up to this date, included")
    out = export.add_mutually_exclusive_group()
    out.add_argument("--csv", metavar="FILE", type=Path, help="write CSV here (UTF-8 with BOM; the default, to stdout)")
    out.add_argument("--json", metavar="FILE", nargs="?", const="-", help="write JSON here (stdout without FILE)")
    sub.add_parser("repair", help="rebuild the database from the drop folder (keeps a copy of the old one)")
    return parser


def _print_failure(result) -> None:
    if result.outcome in ("quarantined", "failed"):
        say(f"{result.outcome} {result.path}: {result.reason}", file=sys.stderr)


def _summary(counts) -> str:
    return (
        f"{counts['ingested']} ingested, {counts['duplicate']} duplicate(s), "
        f"{counts['quarantined']} quarantined, {counts['unchanged']} already known"
        + (f", {counts['failed']} failed (will be retried)" if counts["failed"] else "")
    )


def cmd_ingest(settings: Settings, paths: list[Path]) -> int:
    from rich.progress import Progress

    from extraction import Extractor
    from handlers.ingest import ingest_all
    from storage import Store

    from collections import Counter

    missing = [p for p in paths if not p.exists()]
    for path in missing:
        say(f"not found: {path}", file=sys.stderr)
    # Each file is read only if it stays inside the folder named (or its own folder): a link
    # out of the folder is quarantined, as in the bot.
    groups = files_by_folder([p for p in paths if p.exists()])
    total = sum(len(files) for _, files in groups)
    counts: Counter[str] = Counter()
    with Store(settings.db_dir) as store, Progress(transient=True, disable=total < 5) as progress:
        task = progress.add_task("ingesting", total=total)

        def on_result(result) -> None:
            _print_failure(result)
            progress.advance(task)

        extractor = Extractor(settings.spacy_model)
        for folder, files in groups:
            counts += ingest_all(
                store, extractor, files, model=settings.spacy_model,
                max_bytes=settings.max_file_bytes, on_result=on_result, inside=folder,
            )
    say(_summary(counts))
    return 1 if counts["quarantined"] or counts["failed"] or missing else 0


def cmd_repair(settings: Settings) -> int:
    from extraction import Extractor
    from handlers.repair import rebuild

    def on_start(files: int) -> None:
        say(f"rebuilding from {settings.drop_dir}/ ({files} files) beside the old database …")

    rebuilt = rebuild(settings, Extractor, on_start=on_start, on_result=_print_failure)
    say(_summary(rebuilt.counts))
    if rebuilt.kept:
        say(f"the old database was kept in {rebuilt.kept}")
        say(
            "watches, aliases and the time of the last digest were kept" if rebuilt.kept_settings
            else "the old meta.json could not be read: watches, aliases and the time of the last digest are lost"
        )
    if rebuilt.new_arrivals:
        say(
            f"{rebuilt.new_arrivals} article(s) whose arrival time was lost or new: "
            "they will be in the next digest"
        )
    return 1 if rebuilt.counts["quarantined"] or rebuilt.counts["failed"] else 0


def cmd_digest(settings: Settings, since: str | None, until: str | None, png: Path | None) -> int:
    """The digest in the terminal: a preview that never moves the marker of the last posted digest."""
    from handlers import registry
    from handlers.picture import meeting_network_png
    from handlers.replies import parts
    from handlers.spec import Context, Schedule
    from storage import Store

    schedule = Schedule(settings.digest_day, settings.digest_time, settings.digest_tz)
    args = {k: v for k, v in (("since", since), ("until", until)) if v}
    with Store(settings.db_dir) as store:
        answer = registry.run("digest", Context(store=store, schedule=schedule, locale=settings.locale), args)
    if answer.tone == "error":
        say(f"diplowatch: {answer.summary}", file=sys.stderr)
        return EXIT_BAD_ARGUMENT
    replies = parts(answer)
    say("\n\n".join(reply_to_text(r) for r in replies))
    if png:
        pictures = [a.data for r in replies for a in r.attachments if a.filename.endswith(".png")]
        # A quiet week still gets its (empty) picture, so scripts always find the file.
        data = pictures[0] if pictures else meeting_network_png([], title=replies[0].title)
        png.parent.mkdir(parents=True, exist_ok=True)
        png.write_bytes(data)
        say(f"\npicture written to {png}")
    return 0


def cmd_export(settings: Settings, what: str, subject: str, since: str | None, until: str | None,
               csv_path: Path | None, json_path: str | None) -> int:
    """The /export file, written to a file or stdout. 1 when there is nothing to export."""
    from handlers import registry
    from handlers.spec import Context
    from storage import Store

    fmt = "json" if json_path else "csv"
    args = {"what": what, "subject": subject, "format": fmt, **{k: v for k, v in (("since", since), ("until", until)) if v}}
    with Store(settings.db_dir) as store:
        reply = registry.run("export", Context(store=store, locale=settings.locale), args)
    if reply.tone == "error":
        print(f"diplowatch: {reply.summary}", file=sys.stderr)
        return EXIT_BAD_ARGUMENT
    (attachment,) = reply.attachments
    target = csv_path or (Path(json_path) if json_path and json_path != "-" else None)
    if target is None:
        sys.stdout.buffer.write(attachment.data)
        sys.stdout.flush()
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(attachment.data)
    print(reply.summary.split(", in ")[0] + (f", written to {target}" if target else ""), file=sys.stderr)
    return 1 if reply.summary.startswith("0 ") else 0


def cmd_status(settings: Settings, as_json: bool) -> int:
    from diplowatch.drop_folder import survey
    from storage import Store

    with Store(settings.db_dir) as store:
        counts = store.counts()
        payload = {
            **counts,
            "last_ingest_at": store.get_state("last_ingest_at"),
            "quarantine": [q.to_dict() for q in store.quarantined()],
        }
    # Not read, from the folder itself (another format, no extension, a pipe): nothing stored.
    drop = settings.drop_dir
    skipped = survey(drop).skipped if drop.is_dir() else []
    payload["skipped"] = [{"path": str(path.relative_to(drop)), "reason": reason} for path, reason in skipped]
    if as_json:
        say(_json(payload))
    else:
        say(
            f"{payload['articles']} articles, {payload['meetings']} meetings ({payload['events']} events), "
            f"{payload['quotes']} quotes\n"
            f"last ingest: {payload['last_ingest_at'] or 'never'}\n"
            f"quarantined files: {payload['quarantined']}"
        )
        for entry in payload["quarantine"]:
            say(f"  {entry['path']}: {entry['reason']}")
        if skipped:
            say(f"skipped files: {len(skipped)} (not read)")
            for entry in payload["skipped"]:
                say(f"  {entry['path']}: skipped: {entry['reason']}")
    return 0


def cmd_articles(settings: Settings, query: str | None, as_json: bool) -> int:
    from handlers import registry
    from handlers.spec import Context
    from storage import Store

    with Store(settings.db_dir) as store:
        reply = registry.run("articles", Context(store=store, locale=settings.locale), {"query": query} if query else {})
        if as_json and reply.tone != "error":
            ids = [e.heading.split(" · ", 1)[0] for e in reply.entries]
            for article_id in ids:
                say(_json(store.article(article_id).to_dict()))
        else:
            say(reply_to_text(reply), file=sys.stderr if reply.tone == "error" else sys.stdout)
    return 1 if reply.tone == "error" else 0


def cmd_extract(settings: Settings, paths: list[Path], as_json: bool) -> int:
    from extraction import Extractor

    from diplowatch.extract_json import extraction_to_json
    from diplowatch.reading import Unreadable, read_document

    extractor = Extractor(settings.spacy_model)
    status = 0
    for path, folder in ((file, folder) for folder, files in files_by_folder(paths) for file in files):
        try:
            document = read_document(path, inside=folder)
        except Unreadable as exc:
            say(_json({"file": str(path), "error": str(exc)}) if as_json else f"{path}: {exc}")
            status = 1
            continue
        extraction = extractor.extract(document.text, published=document.published, title=document.title)
        record = extraction_to_json(str(path), document, extraction)
        if as_json:
            say(_json(record))
        else:
            say(_json(record, indent=2))
    return status


def cmd_run(settings: Settings, console: bool) -> int:
    if console or not settings.token:
        if not console:
            say("DISCORD_TOKEN is not set: running in console mode (copy .env.example to .env to use Discord).")
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
        say(f"diplowatch: {exc}", file=sys.stderr)
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
            return cmd_digest(settings, args.since, args.until, args.png)
        if args.command == "repair":
            return cmd_repair(settings)
        if args.command == "export":
            return cmd_export(settings, args.what, args.subject, args.since, args.until, args.csv, args.json)
    except StoreError as exc:
        say(f"diplowatch: {exc}", file=sys.stderr)
        return EXIT_BAD_DATABASE
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
