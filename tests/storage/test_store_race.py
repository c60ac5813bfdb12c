"""Readers and the writer at the same time: commands are answered while an ingest runs.

The store's indexes grow on the writer thread; every reader goes through the store's
locked methods, which hand out immutable values. Before, handlers iterated the store's
dicts directly and a third of the /quotes and /meetings answered during an ingest failed
with "dictionary changed size during iteration".
"""

from __future__ import annotations

import threading

from diplowatch.records import Article
from handlers import registry
from handlers.spec import Context
from storage import Store
from tests.bot_helpers import meeting, person, quote

ARTICLES = 300
PEOPLE_PER_ARTICLE = 20  # each save adds new people, new keys, new index lists
# Every article also reports the same encounter: one event whose sources grow meanwhile.
SHARED = meeting(person("Shared Envoy", "CN"), person("Shared Host", "KZ"), date="2024-05-20", place="Astana")


def article_with_people(store: Store, i: int) -> tuple[Article, list, list]:
    digest = f"{i:08x}" + "f" * 56
    people = [person(f"Envoy{i} Number{j}", "KZ" if j % 2 else "CN") for j in range(PEOPLE_PER_ARTICLE)]
    article = Article(
        id=store.new_id(digest), hash=digest, title=f"Visite {i}", published=f"2024-{1 + i % 12:02d}-10",
        language="fr", sources=(), ingested_at="2024-05-20T10:00:00+00:00", countries=("KZ", "CN"),
        people=tuple(p.name for p in people),
    )
    meetings = [meeting(people[j], people[j + 1], date="2024-05-20", place="Astana") for j in range(0, PEOPLE_PER_ARTICLE, 2)]
    meetings.append(SHARED)
    quotes = [quote(p.name, f"Déclaration {i}-{j}", country=p.country) for j, p in enumerate(people[:6])]
    return article, meetings, quotes


def check_every_method(store: Store, first: Article) -> None:
    """Every read method, and what one says agrees with what the others say."""
    for a in store.articles_newest(20):
        assert all(m.article_id == a.id for m in store.meetings_of_article(a.id)), a.id
        assert all(q.article_id == a.id for q in store.quotes_of_article(a.id)), a.id
    keys = store.person_keys("Number7")
    assert keys and all(store.people()[k].endswith("Number7") for k in keys)
    assert all("KZ" in m.countries for m in store.meetings_of_country("KZ"))
    assert all(q.speaker_country == "CN" for q in store.quotes_of_country("CN"))
    assert store.meetings_of_person(store.person_key("Envoy0 Number0"))
    assert store.quotes_of_speaker(store.person_key("Envoy0 Number0"))
    assert first in store.articles_by_prefix(first.id[:2])
    assert store.article(first.id) == first
    # Events and people: every reader gets whole, immutable values that agree with each other.
    shared = store.event(f"{first.id}-{PEOPLE_PER_ARTICLE // 2 + 1}")
    assert shared is not None and isinstance(shared.sources, tuple) and shared.sources[0].article_id == first.id
    assert all(e.id.startswith(first.id) for e in store.events_by_prefix(first.id))
    assert all("KZ" in e.countries for e in store.events_of_country("KZ"))
    key = store.person_key("Envoy0 Number0")
    assert all(key in e.keys for e in store.events_of_person(key))
    assert store.person(key).name == "Envoy0 Number0" and key in store.people_of_article(first.id)
    assert first.id in {a.id for a in store.articles_of_person(key)}
    assert all(e is None or e.id for e in store.events_of_article(first.id))
    assert isinstance(store.planned_events(), tuple) and isinstance(store.spellings(), tuple)


def test_queries_answer_while_the_writer_saves(tmp_path):
    with Store(tmp_path / "db") as store:
        first = article_with_people(store, 0)
        store.save_article(first[0], "texte", first[1], first[2])
        done = threading.Event()
        reading = threading.Barrier(3)  # the writer starts once both readers do
        failures: list[str] = []
        answered = [0]

        def write() -> None:
            reading.wait()
            try:
                for i in range(1, ARTICLES):
                    article, meetings, quotes = article_with_people(store, i)
                    store.save_article(article, "texte", meetings, quotes)
            finally:
                done.set()

        def read(worker: int) -> None:
            ctx = Context(store=store)
            reading.wait()
            calls = [
                ("quotes", {"speaker": "Envoy0 Number1"}),
                ("meetings", {"subject": "Number3"}),
                ("meetings", {"subject": "kazakhstan"}),
                ("quotes", {"speaker": "china"}),
                ("timeline", {"subject": "Envoy0 Number2"}),
                ("articles", {"query": "Envoy0 Number5"}),
                ("article", {"id": first[0].id}),
                ("status", {}),
                ("event", {"id": f"{first[0].id}-{PEOPLE_PER_ARTICLE // 2 + 1}"}),
                ("who", {"person": "Envoy0 Number0"}),
                ("upcoming", {}),
                ("export", {"what": "meetings", "subject": "Envoy0 Number1"}),
            ]
            while not done.is_set():
                for name, args in calls:
                    try:
                        reply = registry.run(name, ctx, args)
                    except Exception as exc:  # registry.run answers everything: this is a bug
                        failures.append(f"/{name} raised {exc!r}")
                        continue
                    if reply.tone == "error":
                        failures.append(f"/{name}: {reply.summary}")
                    answered[0] += 1
                try:
                    check_every_method(store, first[0])
                except Exception as exc:
                    failures.append(f"store: {exc!r}")

        threads = [threading.Thread(target=write)] + [threading.Thread(target=read, args=(n,)) for n in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert not failures, f"{len(failures)} of {answered[0] + len(failures)} answers failed, e.g. {failures[:3]}"
        assert answered[0] >= 20  # the readers really ran during the writes
        assert store.counts()["articles"] == ARTICLES
        assert len(registry.run("meetings", Context(store=store), {"subject": "kazakhstan"}).entries) == 200
        # The shared encounter has every article as a source, as a rebuild from scratch says too.
        shared = store.event(f"{first[0].id}-{PEOPLE_PER_ARTICLE // 2 + 1}")
        assert len(shared.sources) == ARTICLES
        before = sorted((e.id, len(e.sources)) for e in store.all_events())
        store.rebuild_events()
        assert sorted((e.id, len(e.sources)) for e in store.all_events()) == before
