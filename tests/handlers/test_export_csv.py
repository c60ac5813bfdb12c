"""/export's CSV is what the csv module writes with every cell quoted, byte for byte, and
reads back as it was written; a value holding one of the writer's separators takes the
csv module's path."""

from __future__ import annotations

import codecs
import csv
import io
import json

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


# -- meetings: each event's fixed cells kept across exports and writes ------------------------------

TOKAYEV = person("Kassym-Jomart Tokaïev", "KZ", "président kazakh")
WANG = person("Wang Yi", "CN", 'ministre des Affaires étrangères, dit "le diplomate"')


def meetings_store(store: Store) -> None:
    """One encounter reported three times (two spellings, two date precisions), an encounter
    with an unnamed participant, and titles holding the CSV's quote and separators."""
    add_article(store, 'Wang Yi à Astana, "un partenaire"', "a", published="2024-05-20",
                meetings=[meeting(TOKAYEV, WANG, date="2024-05-20", place="Astana")])
    add_article(store, "Tokayev meets Wang Yi", "b", published="2024-05-21", language="en",
                meetings=[meeting(person("Kassym-Jomart Tokayev", "KZ"), person("Wang Yi", "CN"), date="2024-05",
                                  place="Akorda, Astana")])
    add_article(store, "Entretien, à Astana", "c", published="2024-05-20",
                meetings=[meeting(person("Tokaïev", "KZ"), person("Wang Yi", "CN"), date="2024-05-20")])
    add_article(store, "Le ministre reçu", "d", published=None,
                meetings=[meeting(TOKAYEV, person(None, "RU", "ambassadeur de Russie"), status="planned")])


def meetings_export(store: Store, subject: str = "kazakhstan") -> bytes:
    return export.export(Context(store=store), "meetings", subject).attachments[0].data


def rows_csv(store: Store, subject: str = "kazakhstan") -> bytes:
    """The reference: every event built, its row made and written by the csv module."""
    from handlers.queries import events_involving
    from handlers.subjects import resolve_subject

    events = events_involving(store, resolve_subject(store, subject), None, None, None)
    return _csv_module(export.meeting_rows(store, events, export.JOIN.join), export.MEETING_COLUMNS)


def test_the_meetings_csv_is_the_rows_written_by_the_csv_module_whether_its_cells_are_kept_or_not(tmp_path):
    with Store(tmp_path / "db") as store:
        meetings_store(store)
        first = meetings_export(store)
        memo = store.memo("export meetings")
        assert len(memo) == 2  # both encounters' fixed cells, now kept
        again = meetings_export(store)
        as_json = export.export(Context(store=store), "meetings", "kazakhstan", format="json").attachments[0].data
        reference = rows_csv(store)
    assert first == again == reference
    rows = [dict(zip(export.MEETING_COLUMNS, r)) for r in read_back(first)[1:]]
    assert [(r["date"], r["source_count"], r["participants"]) for r in rows] == [
        ("2024-05-20", "3", 'Kassym-Jomart Tokaïev | Wang Yi'), ("", "1", "Kassym-Jomart Tokaïev | ambassadeur de Russie"),
    ]
    assert rows[0]["source_titles"].startswith('Wang Yi à Astana, "un partenaire" | ')
    # The JSON has the same values, with lists where the CSV joins them.
    joined = [{k: export.JOIN.join(v) if isinstance(v, list) else "" if v is None else str(v) for k, v in r.items()}
              for r in json.loads(as_json)]
    assert joined == rows


def test_a_kept_row_takes_the_names_and_countries_the_registry_gives_after_a_write(tmp_path):
    with Store(tmp_path / "db") as store:
        add_article(store, "Tokaïev reçoit", "a", published="2024-05-20",
                    meetings=[meeting(person("Tokaïev", None), person("Wang Yi", "CN"), date="2024-05-20")])
        before = read_back(meetings_export(store, "chine"))[1]
        # A later article names him in full, with his country: the same person, renamed.
        add_article(store, "Kassym-Jomart Tokaïev en visite", "b", published="2024-07-01",
                    meetings=[meeting(TOKAYEV, person("Olaf Scholz", "DE"), date="2024-07-01")])
        after = read_back(meetings_export(store, "chine"))[1]
        reference = rows_csv(store, "chine")
    column = export.MEETING_COLUMNS.index
    assert before[column("participants")] == "Tokaïev | Wang Yi" and before[column("countries")] == "CN"
    assert after[column("participants")] == "Kassym-Jomart Tokaïev | Wang Yi"
    assert after[column("countries")] == "CN | KZ"
    assert read_back(reference)[1] == after


def test_an_article_stored_again_under_the_same_id_is_exported_as_it_is_now(tmp_path):
    with Store(tmp_path / "db") as store:
        old = add_article(store, "Premier titre", "a", published="2024-05-20", hash="ab" * 32,
                          meetings=[meeting(TOKAYEV, WANG, date="2024-05-20")])
        assert read_back(meetings_export(store))[1][export.MEETING_COLUMNS.index("source_titles")] == "Premier titre"
        new = add_article(store, "Titre corrigé", "a", published="2024-05-21", hash="ab" * 32,
                          meetings=[meeting(TOKAYEV, WANG, date="2024-05-21")])
        assert new.id == old.id
        row = dict(zip(export.MEETING_COLUMNS, read_back(meetings_export(store))[1]))
        assert meetings_export(store) == rows_csv(store)
    assert (row["date"], row["source_titles"], row["source_published"]) == ("2024-05-21", "Titre corrigé", "2024-05-21")


def test_the_warm_up_keeps_every_events_fixed_cells_and_the_export_is_unchanged(tmp_path):
    from handlers.service import warm_up

    with Store(tmp_path / "db") as store:
        meetings_store(store)
        add_article(store, "Paris et Berlin", "e", published="2024-06-02",
                    meetings=[meeting(person("Emmanuel Macron", "FR"), person("Olaf Scholz", "DE"), kind="call")])
        warm_up(store)
        memo = store.memo("export meetings")
        assert len(memo) == len(store.all_events()) == 3
        assert meetings_export(store) == rows_csv(store)
        assert meetings_export(store, "france") == rows_csv(store, "france")
        assert len(memo) == 3  # nothing built again


def test_a_memo_holding_more_than_the_store_can_use_is_emptied(tmp_path):
    from storage.store import MEMO_ENTRIES_PER_ARTICLE

    with Store(tmp_path / "db") as store:
        meetings_store(store)
        memo = store.memo("export meetings")
        memo.update((object(), None) for _ in range(MEMO_ENTRIES_PER_ARTICLE * 4 + 1_000))
        assert store.memo("export meetings") is memo and len(memo) == MEMO_ENTRIES_PER_ARTICLE * 4 + 1_000
        memo[object()] = None  # one more than the limit: the next reader finds it empty
        assert store.memo("export meetings") == {}
        assert meetings_export(store) == rows_csv(store)
