"""Corrupt database on start: refused, left byte-identical, with the way out (`diplowatch repair`).

Truncated files, hand edits with the wrong types (in meta.json and in a record shard) and
missing pieces (a deleted meta.json, a `shards` that is a file, no bodies): the
store refuses to open (CorruptDatabase), `diplowatch run` in console mode and `diplowatch
status` exit 3 with the message, nothing is overwritten, nothing starts empty; `repair` keeps
a copy of the damaged folder and rebuilds from the drop folder.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from storage import CorruptDatabase, Store
from tests.survival_helpers import cli_env, run_cli, snapshot, write_corpus

pytestmark = pytest.mark.timeout(240)


def _meta_edit(edit):
    def apply(db: Path) -> Path:
        meta = db / "meta.json"
        data = json.loads(meta.read_text(encoding="utf-8"))
        edit(data)
        meta.write_text(json.dumps(data), encoding="utf-8")
        return meta

    return apply


def _shard_edit(edit):
    def apply(db: Path) -> Path:
        shard = sorted((db / "shards").glob("*.json"))[0]
        data = json.loads(shard.read_text(encoding="utf-8"))
        edit(data)
        shard.write_text(json.dumps(data), encoding="utf-8")
        return shard

    return apply


def _truncate(name):
    def apply(db: Path) -> Path:
        target = db / name if name else sorted((db / "shards").glob("*.json"))[0]
        target.write_bytes(target.read_bytes()[: len(target.read_bytes()) // 2])
        return target

    return apply


def _record_edit(table: str, edit):
    """Edit every record of a table in the first shard that has some."""

    def apply(db: Path) -> Path:
        for shard in sorted((db / "shards").glob("*.json")):
            data = json.loads(shard.read_text(encoding="utf-8"))
            if data.get(table):
                for row in data[table].values():
                    edit(row)
                shard.write_text(json.dumps(data), encoding="utf-8")
                return shard
        raise AssertionError(f"no shard has {table}")

    return apply


def _deleted(name: str):
    def apply(db: Path) -> Path:
        (db / name).unlink()
        return db / name

    return apply


def _folder_becomes_a_file(name: str):
    def apply(db: Path) -> Path:
        shutil.rmtree(db / name)
        (db / name).write_text("", encoding="utf-8")
        return db / name

    return apply


def _first(table: str):
    return lambda data: next(iter(data[table].values()))


DAMAGES = {
    "truncated shard": _truncate(None),
    "truncated meta.json": _truncate("meta.json"),
    "meta: schema version as text": _meta_edit(lambda d: _first("schema")(d).update(version="1")),
    "meta: quarantine is a list": _meta_edit(lambda d: d.update(quarantine=[{"path": "x"}])),
    "meta: quarantined size as text": _meta_edit(
        lambda d: d.update(quarantine={"1": {"path": "/x.txt", "reason": "r", "size": "12", "mtime": 1.0, "at": "t"}})
    ),
    "meta: watch channel as text": _meta_edit(lambda d: d.update(watches={"1": {"channel_id": "42", "subject": "country:KZ"}})),
    "meta: state row without key": _meta_edit(lambda d: d.update(state={"1": {"value": True}})),
    "meta: record id not a number": _meta_edit(lambda d: d.update(state={"x": {"key": "a", "value": 1}})),
    "shard: meeting without article_id": _shard_edit(lambda d: [r.pop("article_id") for r in d["meetings"].values()]),
    "shard: participants as text": _shard_edit(lambda d: [r.update(participants="Tokaïev") for r in d["meetings"].values()]),
    "shard: articles table is a list": _shard_edit(lambda d: d.update(articles=list(d["articles"].values()))),
    "shard: article id as a number": _shard_edit(lambda d: [r.update(id=12) for r in d["articles"].values()]),
    # Missing pieces (issue 11: 8): refused like the other damage, never opened as new.
    "meta.json deleted": _deleted("meta.json"),
    "meta.json is a folder": lambda db: (_deleted("meta.json")(db).mkdir(), db / "meta.json")[1],
    "shards replaced by a file": _folder_becomes_a_file("shards"),
    "bodies replaced by a file": _folder_becomes_a_file("bodies"),
    "bodies deleted": lambda db: (shutil.rmtree(db / "bodies"), db / "bodies")[1],
    "quote text as a number": _record_edit("quotes", lambda r: r.update(text=12)),
    "quote speaker as a list": _record_edit("quotes", lambda r: r.update(speaker=["Xi"])),
    "quote kind unknown": _record_edit("quotes", lambda r: r.update(kind="shouted")),
    "quote evidence offsets as text": _record_edit("quotes", lambda r: r.update(evidence={"start": "0", "end": "9"})),
    "meeting date as a number": _record_edit("meetings", lambda r: r.update(date=2024)),
    "participant name as a number": _record_edit("meetings", lambda r: r["participants"][0].update(name=7)),
    "article title as a list": _record_edit("articles", lambda r: r.update(title=["a"])),
    "article countries as text": _record_edit("articles", lambda r: r.update(countries="KZ")),
    "article source size as text": _record_edit("articles", lambda r: r["sources"][0].update(size="12")),
}


@pytest.fixture(scope="module")
def healthy(tmp_path_factory, extractor):
    """A database of a few real articles, made once; each test gets a copy."""
    from handlers.ingest import ingest_file

    base = tmp_path_factory.mktemp("healthy")
    drop = base / "drop"
    paths = write_corpus(drop, 4, seed=53)
    with Store(base / "data" / "db") as store:
        for path in paths:
            assert ingest_file(store, extractor, path).outcome == "ingested"
        store.set_state("first_scan_done", True)
        store.add_watch(42, "country:KZ")
    return base


def _copy(healthy: Path, tmp_path: Path) -> tuple[Path, Path]:
    import shutil

    shutil.copytree(healthy / "data", tmp_path / "data")
    shutil.copytree(healthy / "drop", tmp_path / "drop")
    return tmp_path / "data" / "db", tmp_path / "drop"


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_damaged_database_is_refused_and_left_untouched(healthy, tmp_path, damage):
    db, _ = _copy(healthy, tmp_path)
    damaged = DAMAGES[damage](db)
    before = snapshot(db)
    with pytest.raises(CorruptDatabase, match="diplowatch repair") as refused:
        Store(db)
    assert damaged.name in str(refused.value)
    assert snapshot(db) == before, "the damaged database was changed"
    print(f"\n[survival corrupt] {damage}: refused ({str(refused.value)[-140:]})")


@pytest.mark.parametrize("damage", ["truncated shard", "meta: schema version as text"])
def test_run_refuses_a_damaged_database_then_repair_keeps_a_copy(healthy, tmp_path, damage):
    db, drop = _copy(healthy, tmp_path)
    damaged = DAMAGES[damage](db)
    before = snapshot(db)
    env = cli_env(tmp_path / "data", drop)
    run = run_cli(["run", "--console"], env, tmp_path, stdin="/status\n/quit\n")
    assert run.returncode == 3, (run.returncode, run.stdout[-1000:], run.stderr[-2000:])
    assert "diplowatch repair" in run.stderr and damaged.name in run.stderr and "Traceback" not in run.stderr, run.stderr
    assert "Articles: 0" not in run.stdout, "started on an empty database"
    assert snapshot(db) == before, "`diplowatch run` changed the damaged database"
    status = run_cli(["status", "--json"], env, tmp_path)
    assert status.returncode == 3 and snapshot(db) == before

    repair = run_cli(["repair"], env, tmp_path, timeout=180)
    assert repair.returncode == 0, repair.stderr[-2000:]
    kept = [p for p in (tmp_path / "data").iterdir() if p.name.startswith("db.damaged-")]
    assert len(kept) == 1 and snapshot(kept[0]) == before, "repair did not keep the damaged database as it was"
    status = run_cli(["status", "--json"], env, tmp_path)
    assert status.returncode == 0 and json.loads(status.stdout)["articles"] == 4, status.stdout
    print(f"\n[survival corrupt/cli] {damage}: `run` exit 3 with the way out, files byte-identical; repair kept a copy, 4 articles back")
