"""/export meetings|quotes <subject> [since] [until] [format]: a file for a spreadsheet.

Meetings are one row per event (encounter) with its sources; statements one row per
distinct statement (the same speaker's same words reported by two articles are one row
with two sources). CSV is UTF-8 with a byte-order mark, so that Excel reads the accents,
with ISO dates and several values in one cell separated by " | ". JSON has the same
fields, with lists where the CSV joins values. The command line writes the same file
(`diplowatch export meetings kazakhstan --csv out.csv`).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from typing import Any

from diplowatch import dates
from diplowatch.events import Event
from diplowatch.names import fold
from diplowatch.records import Quote
from handlers.arguments import period
from handlers.commands import DATE, DATE_FR, SUBJECT, SUBJECT_FR
from handlers.errors import BadArgument
from handlers.queries import events_involving, published, quotes_of, speaker_of
from handlers.replies import Attachment, Reply
from handlers.spec import Command, Context, Param
from handlers.subjects import resolve_subject
from handlers.words import tr
from storage import Store

JOIN = " | "

MEETING_COLUMNS = (
    "event_id", "date", "date_precision", "other_dates", "status", "kind", "place", "other_places", "announced",
    "participants", "countries", "roles", "source_count", "source_articles", "source_titles", "source_published",
    "source_urls", "first_seen", "last_seen",
)
QUOTE_COLUMNS = (
    "date", "speaker", "speaker_country", "speaker_role", "kind", "text", "source_count", "source_articles",
    "source_titles", "source_urls",
)


def meeting_rows(store: Store, events: list[Event]) -> list[tuple[Any, ...]]:
    """One row per event, in MEETING_COLUMNS order: its best values, its participants and
    its sources (lists where a cell holds several). Tuples, not dicts: a country's export
    is ~1,000 rows at 50,000 articles, and the CSV writer takes them as they are."""
    article = store.article
    rows = []
    for e in events:
        sources = e.sources
        ids = tuple(dict.fromkeys(s.article_id for s in sources))
        articles = [article(i) for i in ids]
        seen = [s.first_seen for s in sources]
        participants = e.participants
        rows.append((
            e.id, e.date, dates.precision(e.date), list(e.other_dates), e.status, e.kind, e.place,
            list(e.other_places), e.announced,
            [p.name or p.role or "unnamed" for p in participants],
            sorted({p.country for p in participants if p.country}),
            [f"{p.name or 'unnamed'}: {p.role}" for p in participants if p.role],
            len(sources), list(ids),
            [a.title if a else "" for a in articles],
            [(a.published or "") if a else "" for a in articles],
            [(a.url or "") if a else "" for a in articles],
            min(seen), max(seen),
        ))
    return rows


def quote_rows(store: Store, quotes: list[Quote]) -> list[tuple[Any, ...]]:
    """One row per distinct statement (speaker and words), with every article reporting it,
    in QUOTE_COLUMNS order."""
    groups: dict[tuple[str, str], list[Quote]] = {}
    for q in quotes:
        who = store.person_in(q.article_id, q.speaker) if q.speaker else ""
        groups.setdefault((who, fold(q.text)), []).append(q)
    rows = []
    for found in groups.values():
        found.sort(key=lambda q: (published(store, q.article_id) or "", q.article_id))
        first = found[0]
        speaker = speaker_of(store, first)
        person = store.person(store.person_in(first.article_id, first.speaker)) if first.speaker else None
        articles = [store.article(i) for i in dict.fromkeys(q.article_id for q in found)]
        rows.append((
            published(store, first.article_id),
            (speaker.name if speaker else None) or first.speaker or "",
            speaker.country if speaker else first.speaker_country,
            first.speaker_role or (person.roles[0].role if person and person.roles else None),
            first.kind, first.text, len(articles),
            [a.id for a in articles if a], [a.title for a in articles if a], [a.url or "" for a in articles if a],
        ))
    rows.sort(key=lambda r: (r[0] or "", r[1]), reverse=True)
    return rows


def to_csv(rows: list[tuple[Any, ...]], columns: tuple[str, ...]) -> bytes:
    """Several values in one cell joined by " | "; None is an empty cell (the csv module's own rule)."""
    out = io.StringIO()
    writer = csv.writer(out)  # "\r\n" line ends and quoting, as spreadsheets expect
    writer.writerow(columns)
    if rows:
        many = [i for i, v in enumerate(rows[0]) if type(v) is list]
        for row in rows:
            cells = list(row)
            for i in many:
                cells[i] = JOIN.join(cells[i])
            writer.writerow(cells)
    return codecs.BOM_UTF8 + out.getvalue().encode("utf-8")


def to_json(rows: list[tuple[Any, ...]], columns: tuple[str, ...]) -> bytes:
    return (json.dumps([dict(zip(columns, row)) for row in rows], ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "export"


def export(ctx: Context, what: str, subject: str, since: str | None = None, until: str | None = None,
           format: str | None = None) -> Reply:
    store = ctx.store
    what = (what or "").strip().lower()
    if what not in {"meetings", "quotes"}:
        raise BadArgument(tr("Export meetings or quotes: /export meetings kazakhstan."), title=tr("Export"))
    fmt = (format or "csv").strip().lower()
    if fmt not in {"csv", "json"}:
        raise BadArgument(tr("The format is csv or json."), title=tr("Export"))
    who = resolve_subject(store, subject)
    start, end = period(since, until)
    if what == "meetings":
        rows = meeting_rows(store, events_involving(store, who, None, start, end))
        columns = MEETING_COLUMNS
        counted = tr("{n} meeting(s), one row per encounter with its sources", n=len(rows))
    else:
        found = [q for q in quotes_of(store, who) if dates.covers(published(store, q.article_id), start, end)]
        rows = quote_rows(store, found)
        columns = QUOTE_COLUMNS
        counted = tr("{n} distinct statement(s) from {reports} report(s)", n=len(rows), reports=len(found))
    span = "".join(f"-{x}" for x in (start, end) if x)
    filename = f"{what}-{_slug(who.label)}{span}.{fmt}"
    data = to_csv(rows, columns) if fmt == "csv" else to_json(rows, columns)
    period_text = tr(" from {start} to {end}", start=start or tr("the start"), end=end or tr("now")) if start or end else ""
    described = tr(f"{what} of {{who}}", who=who.label)
    return Reply(
        title=tr("Export: {what}", what=described),
        summary=tr("{counted}{period}, in {file}.", counted=counted, period=period_text, file=filename)
                + (tr(" CSV in UTF-8 with a byte-order mark (Excel reads it as is); ISO dates.") if fmt == "csv" else ""),
        attachments=(Attachment(filename, data, described),),
        tone="success",
    )


COMMANDS = (
    Command("export", "A CSV (or JSON) file of meetings or statements, for a spreadsheet", export, (
        Param("what", "meetings (one row per encounter) or quotes", True, choices=("meetings", "quotes"),
              fr=("quoi", "meetings (une ligne par rencontre) ou quotes (les déclarations)")),
        Param("subject", SUBJECT, True, "subject", fr=("sujet", SUBJECT_FR)),
        Param("since", f"from this date ({DATE})", kind="date", fr=("depuis", f"à partir de cette date ({DATE_FR})")),
        Param("until", f"up to this date ({DATE})", kind="date", fr=("jusqua", f"jusqu'à cette date ({DATE_FR})")),
        Param("format", "csv (default) or json", choices=("csv", "json"), fr=("format", "csv (par défaut) ou json")),
    ), fr=("exporter", "Un fichier CSV (ou JSON) des rencontres ou déclarations, pour un tableur")),
)
