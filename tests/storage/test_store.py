"""The store keeps what it was given, across restarts, and never half of it."""

from __future__ import annotations

import json
import multiprocessing
from dataclasses import replace

import pytest

from diplowatch.records import Article, Evidence, Meeting, Participant, Quarantined, Quote, Source
from storage import CorruptDatabase, Store, StoreError
from storage import store as store_module
from storage.store import RECORD_SHARD_CHARS


def make_article(store: Store, text: str, *, title="Titre", countries=("CN", "KZ")) -> Article:
    from diplowatch.reading import content_hash

    digest = content_hash(text)
    return Article(
        id=store.new_id(digest), hash=digest, title=title, published="2024-05-20", language="fr",
        sources=(Source(path=f"/drop/{digest[:4]}.txt", size=len(text), mtime=1.0, encoding="utf-8"),),
        ingested_at="2024-05-21T08:00:00+00:00", countries=countries, people=("Wang Yi",),
    )


MEETING = Meeting(
    participants=(Participant("Wang Yi", "ministre des Affaires étrangères", "CN"), Participant("Kassym-Jomart Tokaïev", "président", "KZ")),
    date="2024-05-20", place="Astana", status="held", kind="meeting", evidence=Evidence("Tokaïev a reçu Wang Yi.", 0, 23),
)
QUOTE = Quote("Wang Yi", "La Chine soutient le Kazakhstan", "direct", "CN")


def test_saved_article_survives_a_restart(tmp_path):
    with Store(tmp_path / "db") as store:
        body = "Tokaïev a reçu Wang Yi. La suite."
        article = store.save_article(make_article(store, body), body, [MEETING], [QUOTE])
    with Store(tmp_path / "db") as store:
        assert store.article(article.id) == article
        (meeting,) = store.meetings_of_article(article.id)
        assert meeting.participants == MEETING.participants and meeting.article_id == article.id
        assert store.evidence(meeting) == "Tokaïev a reçu Wang Yi."
        assert store.quotes_of_article(article.id)[0].text == QUOTE.text
        assert store.text(article.id) == "Tokaïev a reçu Wang Yi. La suite."
        assert store.meetings_of_country("KZ")[0].place == "Astana"


def test_saving_again_replaces_records_instead_of_adding(tmp_path):
    with Store(tmp_path / "db") as store:
        article = make_article(store, "texte")
        store.save_article(article, "texte", [MEETING, MEETING], [QUOTE])
        store.save_article(article, "texte", [MEETING], [])
        assert store.counts() == {"articles": 1, "meetings": 1, "events": 1, "people": 2, "quotes": 0, "quarantined": 0}
        assert len(store.meetings_of_country("CN")) == 1
        assert not store.quotes_of_speaker("wang i")


def test_short_ids_are_unique_and_typeable(tmp_path):
    with Store(tmp_path / "db") as store:
        a = store.save_article(make_article(store, "premier"), "premier", [], [])
        assert len(a.id) == 6 and store.article(a.id.upper()) == a
        assert store.articles_by_prefix(a.id[:4]) == (a,)
        assert store.article("zzzz") is None and store.articles_by_prefix("zzzz") == ()


def test_duplicate_source_is_recorded_on_the_same_article(tmp_path):
    with Store(tmp_path / "db") as store:
        article = store.save_article(make_article(store, "texte"), "texte", [], [])
        store.add_source(article.id, Source("/drop/copie.txt", 5, 2.0, "cp1252"))
    with Store(tmp_path / "db") as store:
        assert [s.path for s in store.article(article.id).sources][-1] == "/drop/copie.txt"
        assert store.known_file("/drop/copie.txt", 5, 2.0)
        assert not store.known_file("/drop/copie.txt", 6, 2.0)


def test_quarantine_and_state_persist(tmp_path):
    with Store(tmp_path / "db") as store:
        store.quarantine(Quarantined("/drop/x.txt", "empty file", 0, 1.0, "now"))
        store.quarantine(Quarantined("/drop/x.txt", "empty file", 0, 1.0, "later"))
        store.set_state("last_digest_at", "2024-05-20T07:00:00+00:00")
    with Store(tmp_path / "db") as store:
        assert [q.at for q in store.quarantined()] == ["later"]
        assert store.known_file("/drop/x.txt", 0, 1.0)
        assert store.get_state("last_digest_at") == "2024-05-20T07:00:00+00:00"
        store.release("/drop/x.txt")
        assert store.quarantined() == []


def test_a_damaged_file_is_refused_and_left_untouched(tmp_path):
    with Store(tmp_path / "db") as store:
        article = store.save_article(make_article(store, "texte"), "texte", [MEETING], [])
    shard = tmp_path / "db" / "shards" / f"{article.id[:RECORD_SHARD_CHARS]}.json"
    damaged = shard.read_bytes()[:-20]
    shard.write_bytes(damaged)
    with pytest.raises(CorruptDatabase, match="diplowatch repair"):
        Store(tmp_path / "db")
    assert shard.read_bytes() == damaged


def test_a_newer_schema_is_refused(tmp_path):
    Store(tmp_path / "db").close()
    meta = tmp_path / "db" / "meta.json"
    data = json.loads(meta.read_text())
    data["schema"]["1"]["version"] = 99
    meta.write_text(json.dumps(data))
    with pytest.raises(StoreError, match="newer diplowatch"):
        Store(tmp_path / "db")


def _hold_store(folder, ready, release):
    store = Store(folder)
    ready.set()
    release.wait(10)
    store.close()


def test_two_processes_cannot_own_one_database(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    child = ctx.Process(target=_hold_store, args=(tmp_path / "db", ready, release))
    child.start()
    try:
        assert ready.wait(20)
        with pytest.raises(StoreError, match="another diplowatch process"):
            Store(tmp_path / "db")
    finally:
        release.set()
        child.join(10)


def test_failed_batch_leaves_memory_and_disk_as_before(tmp_path):
    with Store(tmp_path / "db") as store:
        article = store.save_article(make_article(store, "texte"), "texte", [MEETING], [])
        db = store._shard(article.id)
        before = (tmp_path / "db" / "shards" / f"{article.id[:RECORD_SHARD_CHARS]}.json").read_bytes()
        with pytest.raises(RuntimeError):
            with db.storage.batch():
                db.table("meetings").truncate()
                raise RuntimeError("crash in the middle")
        assert len(db.table("meetings")) == 1
        assert (tmp_path / "db" / "shards" / f"{article.id[:RECORD_SHARD_CHARS]}.json").read_bytes() == before


def test_aliases_learned_from_one_article_serve_every_later_one(tmp_path):
    with Store(tmp_path / "db") as store:
        assert store.learn_aliases({"Kassym-Jomart Tokaïev": ("Kassym Tokaev", "Tokaïev")}) == 1
    with Store(tmp_path / "db") as store:
        later = Meeting(participants=(Participant("Kassym Tokaev", "président", "KZ"), Participant("Wang Yi", None, "CN")))
        article = store.save_article(make_article(store, "autre"), "autre", [later], [])
        from diplowatch.names import name_key

        (meeting,) = store.meetings_of_person(name_key("Kassym-Jomart Tokaïev"))
        assert meeting.article_id == article.id


def test_events_built_for_a_list_are_kept_until_the_next_write_which_is_seen(tmp_path):
    """The events a list builds are kept for the next lists; a write that renames a person
    without touching their events (a spelling now more used) shows in the next list."""
    with Store(tmp_path / "db") as store:
        tokayev = Meeting(participants=(Participant("Kassym-Jomart Tokayev", "président", "KZ"), Participant("Wang Yi", None, "CN")),
                          date="2024-05-20", place="Astana")
        store.save_article(make_article(store, "visite"), "visite", [tokayev], [])
        (event,) = store.events_of_country("KZ")
        assert event.participants[0].name == "Kassym-Jomart Tokayev"
        assert store.events_of_country("KZ")[0] is event  # kept: not built again
        for text in ("discours", "entretien"):  # no meeting: the event's group stays as it was
            article = replace(make_article(store, text, countries=("KZ",)), people=("Kassym-Jomart Tokaïev",))
            store.save_article(article, text, [], [Quote("Kassym-Jomart Tokaïev", f"Nous parlons: {text}", "direct", "KZ")])
        (again,) = store.events_of_country("KZ")
        assert again.participants[0].name == "Kassym-Jomart Tokaïev"  # the spelling of two articles out of three
        assert store.events_of_person(again.participants[0].key)[0].participants[0].name == "Kassym-Jomart Tokaïev"


def test_the_events_kept_are_the_last_built_and_the_oldest_go_first(tmp_path, monkeypatch):
    monkeypatch.setattr(store_module, "BUILT_EVENTS_KEPT", 2)
    with Store(tmp_path / "db") as store:
        for day in ("2024-05-20", "2024-06-20", "2024-07-20"):  # a month apart: three events
            store.save_article(make_article(store, day), day, [replace(MEETING, date=day)], [])
        may, june, july = sorted(store.event_heads_of_country("KZ"), key=lambda h: h.date)
        built = store.events_of_heads([may, june])
        store.events_of_heads([july])  # a third: May's, the oldest, is dropped
        assert store.events_of_heads([june])[0] is built[1]
        again = store.events_of_heads([may])[0]
        assert again is not built[0] and again == built[0]


def test_events_settled_in_the_background_are_those_of_the_first_reading(tmp_path):
    reports = [
        Meeting(participants=MEETING.participants, date=day, place="Astana", kind=kind)
        for day in ("2024-05-20", "2024-05-21", "2024-05", "2024-09-02") for kind in ("meeting", "call")
    ]
    with Store(tmp_path / "db") as store:
        for n, meeting in enumerate(reports):
            store.save_article(make_article(store, f"dépêche {n}"), f"dépêche {n}", [meeting], [])
        expected = sorted(store.all_events(), key=lambda e: e.id)
    with Store(tmp_path / "db") as store:
        assert store._events.pending() > 0  # the start leaves the groups of several reports for later
        store.warm_up()
        assert store._events.pending() == 0
        assert sorted(store.all_events(), key=lambda e: e.id) == expected
        assert len(store.events_of_country("KZ")) == len(expected) == 4  # two days apart or a month: one each


def test_statement_keys_are_the_same_for_the_same_words_whether_folded_at_save_warm_up_or_query(tmp_path):
    said = [Quote("Wang Yi", text, "direct", "CN") for text in
            ("La Chine soutient le Kazakhstan.", "la chine SOUTIENT le kazakhstan", "La Chine soutient l'Ouzbékistan")]
    with Store(tmp_path / "db") as store:
        article = store.save_article(make_article(store, "déclarations"), "déclarations", [], said)
        at_save = store.statement_keys(said)
        assert at_save[0] == at_save[1] != at_save[2]
        assert set(store._statement_keys) == {q.text for q in said}  # folded as they were saved
        assert store.speaker_keys([*said, Quote(None, "Sans auteur")]) == [store.person_in(article.id, "Wang Yi")] * 3 + [""]
    with Store(tmp_path / "db") as store:
        assert store._statement_keys == {}  # not at start: the warm-up folds them
        assert store.statement_keys(said) == at_save  # nor needed: a query folds what is missing
        store._statement_keys.clear()
        store.warm_up()
        assert set(store._statement_keys) == {q.text for q in said}
        assert store.statement_keys(said) == at_save


def test_a_removed_or_replaced_article_takes_its_statement_keys_with_it(tmp_path):
    shared, own, later = (Quote("Wang Yi", text, "direct", "CN") for text in
                          ("La Chine soutient le Kazakhstan.", "Une autre phrase.", "Une phrase corrigée."))
    with Store(tmp_path / "db") as store:
        first = store.save_article(make_article(store, "un"), "un", [], [shared, own])
        second = store.save_article(make_article(store, "deux"), "deux", [], [shared])
        keys = store.statement_keys([shared, own])
        store.save_article(first, "un", [], [later])  # replaced: its old statements' texts go
        assert set(store._statement_keys) == {later.text}
        assert store.statement_keys([shared]) == keys[:1]  # still said by the second: folded again
        store.remove_article(second.id)
        assert set(store._statement_keys) == {later.text}


def test_the_warm_up_stops_when_told_and_the_events_are_still_clustered_on_first_reading(tmp_path):
    reports = [Meeting(participants=MEETING.participants, date="2024-05-20", place="Astana") for _ in range(2)]
    with Store(tmp_path / "db") as store:
        for n, meeting in enumerate(reports):
            store.save_article(make_article(store, f"dépêche {n}"), f"dépêche {n}", [meeting], [])
    with Store(tmp_path / "db") as store:
        store.stop_background()  # shutting down before the background work began
        store.warm_up()
        assert store._events.pending() == 1 and not store._statement_keys  # nothing was done
        (event,) = store.events_of_country("KZ")
        assert len(event.sources) == 2 and store._events.pending() == 0
