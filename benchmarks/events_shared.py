"""`python -m benchmarks.events_shared [../shared]`: how the meetings of every shared article
collapse into events, and which people the registry joined.

Twice: over what the extraction finds in the articles (seeds, eval/dev, eval/dev2), and over
the gold annotations of the same articles (as if the extraction were perfect), so that a
merge or a miss can be told apart from an extraction error. Every event with more than one
source and every person with more than one spelling is listed, to be checked by hand.
Writes benchmarks/EVENTS_SHARED.md.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from diplowatch.reading import read_document
from diplowatch.records import Article, Meeting, Participant, Quote, Source
from storage import Store

HERE = Path(__file__).resolve().parent


def shared_files(shared: Path) -> list[tuple[Path, dict | None]]:
    """Every shared article with its gold annotation."""
    gold: dict[str, dict] = {}
    for name in ("eval/seeds_gold.json", "eval/dev/gold.json", "eval/dev2/gold.json"):
        for entry in json.loads((shared / name).read_text(encoding="utf-8"))["articles"]:
            gold[entry["file"]] = entry
    files = sorted((shared / "seeds").glob("*.txt")) + sorted((shared / "eval/dev/articles").glob("*.txt")) \
        + sorted((shared / "eval/dev2/articles").glob("*.txt"))
    return [(path, gold.get(path.name)) for path in files]


def _article(store: Store, path: Path, number: int, published: str | None, language: str, people: Iterable[str] = (),
             countries: Iterable[str] = ()) -> tuple[Article, str]:
    document = read_document(path)
    article = Article(
        id=store.new_id(document.hash), hash=document.hash, title=path.stem, published=published, language=language,
        sources=(Source(str(path), 0, 0.0, "utf-8"),), ingested_at=f"2026-01-01T00:{number // 60:02d}:{number % 60:02d}+00:00",
        people=tuple(people), countries=tuple(countries),
    )
    return article, document.text


def extracted(store: Store, files: list[tuple[Path, dict | None]]) -> None:
    from extraction import Extractor

    extractor = Extractor()
    for number, (path, _) in enumerate(files):
        document = read_document(path)
        found = extractor.extract(document.text, published=document.published, title=document.title)
        article, text = _article(store, path, number, document.published, found.language, found.people, found.countries)
        store.learn_aliases(found.aliases)
        store.save_article(article, text, found.meetings, found.quotes)


def gold_records(store: Store, files: list[tuple[Path, dict | None]]) -> None:
    for number, (path, gold) in enumerate(files):
        if gold is None:
            continue
        meetings, names = [], []
        for m in gold.get("meetings", []):
            people = []
            for p in m["participants"]:
                name = p.get("resolved_name") or p.get("name")
                people.append(Participant(name, p.get("role"), p.get("country")))
                if name:
                    names.append(name)
            meetings.append(Meeting(tuple(people), m.get("date"), m.get("place"), m.get("status", "held"),
                                    m.get("kind", "meeting")))
        quotes = [Quote(q.get("speaker"), q["text"], q.get("kind", "direct"), q.get("speaker_country"))
                  for q in gold.get("quotes", [])]
        article, text = _article(store, path, number, gold.get("published"), gold.get("lang", "fr"), dict.fromkeys(names))
        store.save_article(article, text, meetings, quotes)


def describe(store: Store, title: str) -> list[str]:
    counts = store.counts()
    events = sorted(store.all_events(), key=lambda e: e.id)
    joined = [e for e in events if len(e.sources) > 1]
    lines = [f"## {title}", "",
             f"{counts['articles']} articles, {counts['meetings']} meetings reported → **{counts['events']} events** "
             f"({counts['meetings'] - counts['events']} merged away), {counts['people']} people.", ""]
    lines.append("Events with more than one source:" if joined else "No event has more than one source.")
    for e in joined:
        people = " ↔ ".join(p.name or p.role or "unnamed" for p in e.participants)
        lines.append(f"- `{e.id}` {e.when} · {people} · {e.status} {e.kind} · {e.place or 'no place'}")
        for s in e.sources:
            title_of = store.article(s.article_id).title
            lines.append(f"  - {title_of} (meeting {s.index}): {s.meeting.date or 'no date'}, {s.meeting.place or 'no place'}, "
                         f"{s.meeting.status}; {s.why or 'first report'}")
    lines += ["", "People written more than one way (display name ← other spellings):"]
    for key in sorted(store.people(), key=lambda k: store.people()[k]):
        person = store.person(key)
        if person and person.aliases:
            lines.append(f"- {person.name} ← {', '.join(person.aliases)} ({person.articles} articles)")
    return lines + [""]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    shared = Path(argv[0] if argv else HERE.parent.parent / "shared").resolve()
    files = shared_files(shared)
    report = ["# Events over the shared articles", "",
              f"`python -m benchmarks.events_shared {shared}`: {len(files)} articles (seeds, eval/dev, eval/dev2).", ""]
    with tempfile.TemporaryDirectory() as work:
        with Store(Path(work) / "extracted") as store:
            extracted(store, files)
            report += describe(store, "What the extraction finds")
        with Store(Path(work) / "gold") as store:
            gold_records(store, files)
            report += describe(store, "The gold annotations (a perfect extraction)")
    text = "\n".join(report)
    print(text)
    (HERE / "EVENTS_SHARED.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
