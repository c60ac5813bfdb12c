"""/export meetings|quotes <subject> [since] [until] [format]: a file for a spreadsheet.

Meetings are one row per event (encounter) with its sources; statements one row per
distinct statement (the same speaker's same words reported by two articles are one row
with two sources). CSV is UTF-8 with a byte-order mark, so that Excel reads the accents,
every cell quoted (Excel and LibreOffice still read a quoted number as a number), with ISO
dates and several values in one cell separated by " | ". JSON has the same
fields, with lists where the CSV joins values. The command line writes the same file
(`diplowatch export meetings kazakhstan --csv out.csv`).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from operator import itemgetter
from collections.abc import Callable, Iterable
from typing import Any

from diplowatch import dates
from diplowatch.events import Event, EventHead, EventPerson, Mention
from diplowatch.names import fold
from diplowatch.records import Quote
from handlers.arguments import period
from handlers.commands import DATE, DATE_FR, SUBJECT, SUBJECT_FR
from handlers.errors import BadArgument
from handlers.queries import heads_involving, published, quotes_of
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


PRECISION = {4: "year", 7: "month", 10: "day"}  # `dates.precision`, inline: it runs for every row


def meeting_rows(store: Store, events: list[Event], cell: Callable[[Iterable[str]], Any] = list) -> list[tuple[Any, ...]]:
    """One row per event, in MEETING_COLUMNS order: its best values, its participants and
    its sources; `cell` writes a cell of several values (a list for JSON, one joined string
    for CSV). Tuples, not dicts, and most events have one source: a country's export is
    ~1,500 rows at 50,000 articles, and each row is built once, as the file takes it, with
    one pass over its participants (three comprehensions cost a fifth more)."""
    wanted = set()
    for e in events:
        for s in e.sources:
            wanted.add(s.article_id)
    articles = {i: (a.title, a.published or "", a.url or "") for i, a in store.articles_by_id(wanted).items()}
    no_article = ("", "", "")
    rows = []
    append = rows.append
    for e in events:
        sources = e.sources
        if len(sources) == 1:
            first = sources[0]
            ids = (first.article_id,)
            title, published, url = articles.get(first.article_id, no_article)
            titles, published, urls = (title,), (published,), (url,)
            seen = last = first.first_seen
        else:
            ids = tuple(dict.fromkeys([s.article_id for s in sources]))
            titles, published, urls = zip(*[articles.get(i, no_article) for i in ids])
            seen_all = [s.first_seen for s in sources]
            seen, last = min(seen_all), max(seen_all)
        names, countries, roles = _participant_cells(e.participants)
        date = e.date
        append((
            e.id, date, PRECISION.get(len(date)) if date else None, cell(e.other_dates), e.status, e.kind,
            e.place, cell(e.other_places), e.announced,
            cell(names), cell(countries), cell(roles),
            len(sources), cell(ids), cell(titles), cell(published), cell(urls), seen, last,
        ))
    return rows


PARTICIPANT_CELLS = slice(9, 12)  # names, countries, roles: MEETING_COLUMNS' only cells the registry decides


def _participant_cells(participants: Iterable[EventPerson]) -> tuple[list[str], list[str], list[str]]:
    """A row's names, countries and roles, in one pass over the participants."""
    names, countries, roles = [], set(), []
    for p in participants:
        name, role = p.name, p.role
        if role:
            names.append(name or role)
            roles.append(f"{name or 'unnamed'}: {role}")
        else:
            names.append(name or "unnamed")
        if p.country:
            countries.add(p.country)
    return names, sorted(countries), roles


def meetings_csv(store: Store, heads: list[EventHead]) -> bytes:
    """`to_csv(meeting_rows(store, <the heads' events>, JOIN.join), MEETING_COLUMNS)`, byte
    for byte, from each event's fixed cells as CSV text (`_fixed_cells`) and its participants
    with the registry's names: the events of one report (most) are not built. A country's
    export at 50,000 articles is ~1,600 rows; building them and their events took 25-30 ms."""
    fixed = _fixed_cells(store, heads)
    line = '{0},"{1}","{2}","{3}",{4}'.format
    lines = [_HEADER]
    append = lines.append
    for head, participants in zip(heads, store.participants_of_heads(heads)):
        before, after = fixed[head.members]
        names, countries, roles = _participant_cells(participants)
        append(line(before, _quoted(JOIN.join(names)), _quoted(JOIN.join(countries)), _quoted(JOIN.join(roles)), after))
    lines.append("")
    return codecs.BOM_UTF8 + "\r\n".join(lines).encode("utf-8")


def _fixed_cells(store: Store, heads: Iterable[EventHead]) -> dict[tuple[Mention, ...], tuple[str, str]]:
    """The CSV text of each event's cells before and after its participants': what its
    reports and their articles say, which no write changes (a replaced article is new
    mentions, so new keys). Kept in the store's memo across writes, filled for every event
    in the background after start (`warm`), else as exports meet them."""
    memo = store.memo("export meetings")
    missing = [h for h in heads if h.members not in memo]
    if missing:
        rows = meeting_rows(store, list(store.events_of_heads(missing)), JOIN.join)
        before, after = slice(0, PARTICIPANT_CELLS.start), slice(PARTICIPANT_CELLS.stop, None)
        for head, row in zip(missing, rows):
            memo[head.members] = (_csv_cells(row[before]), _csv_cells(row[after]))
    return memo


def warm(store: Store) -> None:
    """Every event's fixed cells, article by article in id order, a few hundred at a time
    (each a short turn of the store's lock): run by `Store.warm_up` after start."""
    ids = sorted(store.article_ids())
    for at in range(0, len(ids), WARM_ARTICLES_PER_TURN):
        if store.stopping:
            return
        _fixed_cells(store, store.event_heads_of_articles(ids[at : at + WARM_ARTICLES_PER_TURN]))


WARM_ARTICLES_PER_TURN = 500


def _quoted(text: str) -> str:
    return text.replace('"', '""')


def _csv_cells(values: Iterable[Any]) -> str:
    """Cells as `csv.writer(quoting=QUOTE_ALL)` writes them: None empty, numbers as str."""
    return ",".join(['"' + ("" if v is None else str(v)).replace('"', '""') + '"' for v in values])


_HEADER = _csv_cells(MEETING_COLUMNS)


def quote_rows(store: Store, quotes: list[Quote], cell: Callable[[Iterable[str]], Any] = list) -> list[tuple[Any, ...]]:
    """One row per distinct statement (speaker and words), with every article reporting it,
    in QUOTE_COLUMNS order. Each article and speaker is looked up once, and the words'
    keys are the store's (`Store.statement_keys`): a country's export is ~3,000 statements
    at 50,000 articles."""
    articles = store.articles_by_id({q.article_id for q in quotes})
    published_on = {i: a.published or "" for i, a in articles.items()}
    names = store.people()
    groups: dict[tuple[str, int], list[tuple[str, str, Quote]]] = {}
    for q, who, words in zip(quotes, store.speaker_keys(quotes), store.statement_keys(quotes)):
        found = published_on.get(q.article_id, ""), q.article_id, q
        group = groups.get((who, words))
        if group is None:
            groups[who, words] = [found]
        else:
            group.append(found)
    rows = []
    order = []  # each row's sort key, newest first then by speaker: sorted once, without a call per row
    append, ordered = rows.append, order.append
    for (who, _), found in groups.items():
        if len(found) == 1:  # most statements: one report, its cells without comprehensions
            published, article_id, first = found[0]
            a = articles.get(article_id)
            reports = 1 if a is not None else 0
            ids, titles, urls = ((a.id,), (a.title,), (a.url or "",)) if a is not None else ((), (), ())
        else:
            found.sort(key=itemgetter(0, 1))  # first published first
            published, _, first = found[0]
            about = [articles[i] for i in dict.fromkeys([i for _, i, _ in found]) if i in articles]
            reports = len(about)
            ids, titles, urls = [a.id for a in about], [a.title for a in about], [a.url or "" for a in about]
        country, role = first.speaker_country, first.speaker_role
        if who and not (country and role):  # the person, only for what the statement does not say
            person = store.person(who)
            if person is not None:
                country = country or person.country
                role = role or (person.roles[0].role if person.roles else None)
        speaker = names.get(who, first.speaker) if who else first.speaker or ""
        ordered((published, speaker))
        append((published or None, speaker, country, role, first.kind, first.text, reports,
                cell(ids), cell(titles), cell(urls)))
    # Stable, as rows.sort(key=..., reverse=True) is: equal keys keep their first report's order.
    return [rows[i] for i in sorted(range(len(rows)), key=order.__getitem__, reverse=True)]


# Cell and row separators while a CSV body is built: control characters the cleaning takes
# out of every article (diplowatch/cleaning.py); a value holding one anyway is caught by
# counting them (a title or a url from elsewhere may hold one), and that file is written
# by the csv module instead.
_CELL = "\x01"
_ROW = "\x02"


def to_csv(rows: list[tuple[Any, ...]], columns: tuple[str, ...]) -> bytes:
    """Rows whose cells of several values are already joined (`cell=JOIN.join`), every cell
    quoted; None is an empty cell. Byte for byte what `csv.writer(quoting=QUOTE_ALL)` writes,
    built with a few replacements over the whole text, in C: the csv module took 40 ms of a
    country's 1.3 MB export at 50,000 articles."""
    lines = [_CELL.join(columns), *map(_CELL.join, zip(*map(_texts, zip(*rows))))]
    body = _ROW.join(lines)
    separators = sum(map(len, rows)) + len(columns) - len(lines)  # a line's cells, less one
    if body.count(_CELL) != separators or body.count(_ROW) != len(lines) - 1:
        return _csv_module(rows, columns)
    text = '"' + body.replace('"', '""').replace(_CELL, '","').replace(_ROW, '"\r\n"') + '"\r\n'
    return codecs.BOM_UTF8 + text.encode("utf-8")


def _texts(column: tuple[Any, ...]) -> Iterable[str]:
    """A column's values as the csv module writes them (None empty, numbers as str), looked
    at by column: most are all text and pass as they are, without a step per cell."""
    kinds = set(map(type, column))
    if kinds == {str}:
        return column
    if kinds == {str, type(None)} or kinds == {type(None)}:
        return [v or "" for v in column]
    if kinds == {int}:
        return map(str, column)
    return [v if type(v) is str else "" if v is None else str(v) for v in column]


def _csv_module(rows: list[tuple[Any, ...]], columns: tuple[str, ...]) -> bytes:
    """`to_csv` by the csv module: for values holding a separator, and the reference."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)  # "\r\n" line ends
    writer.writerow(columns)
    writer.writerows(rows)
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
    cell = JOIN.join if fmt == "csv" else list  # CSV: one cell of several values
    who = resolve_subject(store, subject)
    start, end = period(since, until)
    if what == "meetings":
        heads = heads_involving(store, who, None, start, end)
        if fmt == "csv":
            data = meetings_csv(store, heads)
        else:
            data = to_json(meeting_rows(store, list(store.events_of_heads(heads))), MEETING_COLUMNS)
        counted = tr("{n} meeting(s), one row per encounter with its sources", n=len(heads))
    else:
        found = quotes_of(store, who)
        if start or end:
            found = [q for q in found if dates.covers(published(store, q.article_id), start, end)]
        rows = quote_rows(store, found, cell)
        data = to_csv(rows, QUOTE_COLUMNS) if fmt == "csv" else to_json(rows, QUOTE_COLUMNS)
        counted = tr("{n} distinct statement(s) from {reports} report(s)", n=len(rows), reports=len(found))
    span = "".join(f"-{x}" for x in (start, end) if x)
    filename = f"{what}-{_slug(who.label)}{span}.{fmt}"
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
