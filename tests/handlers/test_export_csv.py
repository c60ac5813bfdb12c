"""/export's CSV is what the csv module writes with every cell quoted, byte for byte, and
reads back as it was written; a value holding one of the writer's separators takes the
csv module's path."""

from __future__ import annotations

import codecs
import csv
import io

from handlers.commands import export
from handlers.commands.export import _csv_module, to_csv
from handlers.spec import Context
from storage import Store
from tests.bot_helpers import add_article, meeting, person, quote

COLUMNS = ("date", "speaker", "count", "text")
ROWS = [
    ("2024-05-20", "Wang Yi", 2, "La Chine, dit-il, « soutient » le Kazakhstan."),
    (None, "", 0, 'He said: "we agree", then left'),
    ("2024-05", "Kassym-Jomart Tokaïev", 1, "Première ligne\nseconde ligne\r\ntroisième\rquatrième"),
    ("2024", "Реджеп Тайип Эрдоган", 12, '""'),
    ("", None, 3, "東京で会談した | 一 | ,"),
    ("2023-01-01", "a,b", -4, ""),
    ("2022", "Nobody", None, "a count left empty: numbers and blanks in one column"),
]


def read_back(data: bytes) -> list[list[str]]:
    assert data.startswith(codecs.BOM_UTF8)
    return list(csv.reader(io.StringIO(data[len(codecs.BOM_UTF8):].decode("utf-8"), newline="")))


def expected(rows) -> list[list[str]]:
    return [list(COLUMNS)] + [["" if v is None else str(v) for v in row] for row in rows]


def test_the_csv_is_the_csv_modules_with_every_cell_quoted(monkeypatch):
    with monkeypatch.context() as m:
        m.setattr(export, "_csv_module", None)  # the fast path, not the csv module's
        data = to_csv(ROWS, COLUMNS)
    assert data == _csv_module(ROWS, COLUMNS)
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL).writerows([COLUMNS, *ROWS])
    assert data == codecs.BOM_UTF8 + out.getvalue().encode("utf-8")
    assert data.startswith(codecs.BOM_UTF8 + b'"date","speaker","count","text"\r\n"2024-05-20","Wang Yi","2",')
    assert read_back(data) == expected(ROWS)


def test_no_rows_is_the_header_alone():
    assert to_csv([], COLUMNS) == _csv_module([], COLUMNS) == codecs.BOM_UTF8 + b'"date","speaker","count","text"\r\n'


def test_a_value_holding_a_separator_is_written_by_the_csv_module(monkeypatch):
    written = []
    monkeypatch.setattr(export, "_csv_module", lambda r, c: written.append(r) or _csv_module(r, c))
    for sentinel in (export._CELL, export._ROW):
        rows = [*ROWS, ("2024-06-01", f"Titre{sentinel}venu d'ailleurs", 1, "texte")]
        written.clear()
        data = to_csv(rows, COLUMNS)
        assert written == [rows]  # the separators did not add up: the slow path
        assert data == _csv_module(rows, COLUMNS)
        assert read_back(data) == expected(rows)


def test_the_same_words_reported_twice_are_one_statement_with_both_sources_first_published_first(tmp_path):
    with Store(tmp_path / "db") as store:
        wang = person("Wang Yi", "CN", "ministre des Affaires étrangères")
        late = add_article(store, "Le soutien chinois", "b", published="2024-05-21",
                           meetings=[meeting(wang, person("Murat Nurtleu", "KZ"))],
                           quotes=[quote("Wang Yi", "La Chine soutient le Kazakhstan.", country="CN")])
        early = add_article(store, "Wang Yi à Astana", "a", published="2024-05-20",
                            quotes=[quote("Wang Yi", "la Chine soutient le Kazakhstan", country="CN"),
                                    quote("Wang Yi", "La Chine soutient l'Ouzbékistan", country="CN")])
        reply = export.export(Context(store=store), "quotes", "chine")
        rows = [dict(zip(export.QUOTE_COLUMNS, r)) for r in read_back(reply.attachments[0].data)[1:]]
    assert [(r["date"], r["text"], r["source_count"], r["source_articles"]) for r in rows] == [
        ("2024-05-20", "la Chine soutient le Kazakhstan", "2", f"{early.id} | {late.id}"),
        ("2024-05-20", "La Chine soutient l'Ouzbékistan", "1", early.id),
    ]
    assert {r["speaker"] for r in rows} == {"Wang Yi"} and rows[0]["source_titles"] == "Wang Yi à Astana | Le soutien chinois"
    assert rows[0]["speaker_role"] == "ministre des Affaires étrangères"  # the statement has none: the person's
