"""A synthetic store of articles: realistic proportions, no real text.

About 2 meetings and 6 quotes per article, 150 countries, 2,000 people, dates over two
years; FOLLOW_UPS of the meetings report again one of the last 2,000 meetings (the same
people, one of them sometimes by surname only; the same day, the day after or the month;
a plan sometimes reported held), as the press does, so events have several sources; bodies of ~400 words: French sentences naming the article's participants and
countries, filled from a vocabulary with a Zipf-like spread (a few words in most articles,
thousands of rarer ones), so the /search index has a realistic shape. Seeded, so every run
measures the same store.

Stores are built with `Store.save_many` in large batches (one write per shard per batch);
`build_stores` grows one store through the requested sizes and snapshots each.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import random
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

from diplowatch import countries
from diplowatch.records import Article, Evidence, Meeting, Participant, Quote, Source

FIRST = ["Kassym", "Wang", "Sergueï", "Emmanuel", "Abdelmadjid", "Sadyr", "Alassane", "Bola", "Cyril", "Recep",
         "Olaf", "Giorgia", "Narendra", "Luiz", "Antony", "Maria", "Faisal", "Ilham", "Chavkat", "Emomali",
         "Nurlan", "Aïgul", "Dmitri", "Olena", "Ahmed", "Fatima", "Jean", "Claire", "Li", "Hiroshi", "Kwame",
         "Amina", "Pedro", "Sofia", "Youssef", "Leila", "Tomasz", "Ingrid", "Rustam", "Zarina"]
_ONSETS = ["ka", "to", "ba", "ri", "mo", "sa", "ne", "zh", "ta", "lu", "ve", "da", "go", "ar", "mi", "pe", "ch", "is"]
_MIDS = ["ra", "li", "no", "ka", "me", "du", "si", "ba", "ko", "te", "mu", "ze"]
_ENDS = ["ev", "ov", "ine", "enko", "i", "a", "ani", "oglu", "ski", "ou", "el", "ier"]
ROLES = ["président", "ministre des Affaires étrangères", "Premier ministre", "porte-parole", "ambassadeur",
         "vice-Premier ministre", "ministre de la Défense"]
WORDS = ("coopération relations bilatérales sommet accord énergie sécurité commerce investissement "
         "partenariat stratégique développement région paix stabilité frontière négociations dialogue "
         "échanges économie infrastructure transport corridor gaz pétrole climat agriculture santé "
         "éducation culture jeunesse technologie numérique souveraineté intégrité territoriale").split()
PLACES = ["Astana", "Paris", "Alger", "Pékin", "Moscou", "Ankara", "Bakou", "Tachkent", "New Delhi", "Genève",
          "Bruxelles", "Douchanbé", "Bichkek", "Abuja", "Pretoria", "Rome", "Berlin", "Riyad", None]
KINDS = ["meeting", "talks", "call"]
_VERBS = ["a rencontré", "s'est entretenu avec", "a reçu", "a eu un entretien téléphonique avec", "rencontrera"]
_SAY = ["a déclaré", "a affirmé", "a souligné", "a indiqué", "a estimé"]
GENERATION_BATCH = 10_000
FOLLOW_UPS = 0.3  # of the meetings: another report of a recent meeting
RECENT = 2_000  # meetings a follow-up may report again


def _pseudo_words(rng: random.Random, count: int) -> list[str]:
    syllables = ["ta", "ri", "con", "vel", "dor", "mi", "sa", "pel", "gra", "nu", "tion", "ment", "ique", "ar",
                 "bel", "cor", "fi", "lo", "ster", "ven", "qua", "dis", "pro", "ré", "sion", "ance", "isme"]
    seen: dict[str, None] = {}
    while len(seen) < count:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        if len(word) > 4:
            seen[word] = None
    return list(seen)


class World:
    def __init__(self, seed: int = 42, people: int = 2000, country_count: int = 150, vocabulary: int = 4000) -> None:
        self.rng = random.Random(seed)
        rng = self.rng
        every = [c for c in countries.all_countries() if len(c.code) == 2 and c.code != "EU"]
        self.country_records = every[:country_count]
        self.countries = [c.code for c in self.country_records]
        surnames: dict[str, None] = {}
        while len(surnames) < people:
            stem = rng.choice(_ONSETS) + "".join(rng.choice(_MIDS) for _ in range(rng.randint(1, 2)))
            surnames[(stem + rng.choice(_ENDS)).capitalize()] = None
        self.people = [(f"{rng.choice(FIRST)} {last}", rng.choice(self.countries), rng.choice(ROLES)) for last in surnames]
        # Zipf-like: the diplomatic words and a few thousand rarer ones, weight 1/rank.
        self.vocabulary = WORDS + _pseudo_words(rng, vocabulary)
        rng.shuffle(self.vocabulary)
        self._cum = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(self.vocabulary))))
        self._ids: set[str] = set()
        self._recent: list[Meeting] = []

    def words(self, count: int) -> list[str]:
        return self.rng.choices(self.vocabulary, cum_weights=self._cum, k=count)

    def text(self, words: int = 400) -> str:
        return " ".join(self.words(words))

    def _country_name(self, code: str | None) -> str:
        country = countries.by_code(code) if code else None
        return country.name_fr if country else code

    def _body(self, number: int, meetings: list[Meeting], quotes: list[Quote], words: int = 400) -> str:
        rng = self.rng
        sentences = []
        for m in meetings:
            a, b = m.participants[0], m.participants[1]
            where = f" à {m.place}" if m.place else ""
            sentences.append(f"Le {a.role or 'dirigeant'} {a.name} ({self._country_name(a.country)}) {rng.choice(_VERBS)}"
                             f"{where} le {b.role or 'dirigeant'} {b.name} ({self._country_name(b.country)}).")
        for q in quotes:
            sentences.append(f"« {q.text} », {rng.choice(_SAY)} {q.speaker}.")
        body_words = sum(len(s.split()) for s in sentences)
        filler = self.words(max(50, words - body_words))
        while filler:
            cut = rng.randint(12, 25)
            chunk, filler = filler[:cut], filler[cut:]
            sentences.insert(rng.randrange(len(sentences) + 1), " ".join(chunk).capitalize() + ".")
        paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
        return f"Article {number}\n\n" + "\n\n".join(paragraphs)

    def _unique_id(self, digest: str) -> str:
        length = 6
        while digest[:length] in self._ids:
            length += 2
        self._ids.add(digest[:length])
        return digest[:length]

    def article(self, number: int) -> tuple[Article, str, tuple[Meeting, ...], tuple[Quote, ...]]:
        rng = self.rng
        year = rng.choice([2024, 2025])
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        meetings = []
        for _ in range(rng.choice([1, 2, 2, 3])):
            if self._recent and rng.random() < FOLLOW_UPS:
                meetings.append(self._follow_up(rng.choice(self._recent)))
                continue
            pair = rng.sample(self.people, rng.choice([2, 2, 2, 3]))
            meetings.append(
                Meeting(
                    participants=tuple(Participant(name, role, country) for name, country, role in pair),
                    date=date, place=rng.choice(PLACES),
                    status=rng.choice(["held", "held", "planned"]), kind=rng.choice(KINDS),
                    evidence=Evidence("", 0, 120),
                )
            )
            self._recent.append(meetings[-1])
            if len(self._recent) > RECENT:
                self._recent.pop(0)
        quotes = []
        for _ in range(rng.choice([4, 6, 6, 8])):
            name, country, role = rng.choice(self.people)
            quotes.append(Quote(name, " ".join(self.words(25)), rng.choice(["direct", "reported"]),
                                country, role, Evidence("", 0, 120)))
        body = self._body(number, meetings, quotes)
        digest = hashlib.sha256(body.encode()).hexdigest()
        involved = sorted({p.country for m in meetings for p in m.participants if p.country})
        article = Article(
            id=self._unique_id(digest), hash=digest, title=f"Article {number}: {' '.join(self.words(6))}",
            published=date, language="fr",
            sources=(Source(path=f"/drop/{number:06d}.txt", size=len(body), mtime=float(number), encoding="utf-8"),),
            ingested_at=f"{date}T08:00:00+00:00", countries=tuple(involved),
            people=tuple(sorted({p.name for m in meetings for p in m.participants if p.name}
                                | {q.speaker for q in quotes if q.speaker})),
            words=len(body.split()),
        )
        return article, body, tuple(meetings), tuple(quotes)

    def _follow_up(self, original: Meeting) -> Meeting:
        """Another report of a meeting: one name by surname only at times, the date as
        precise, a day later (time zones) or only the month, a plan sometimes held since."""
        rng = self.rng
        people = list(original.participants)
        if rng.random() < 0.3:
            i = rng.randrange(len(people))
            people[i] = Participant(people[i].name.split()[-1], None, None)
        when = rng.random()
        date = original.date
        if when > 0.8:
            date = date[:7]
        elif when > 0.6:
            day = int(date[8:])
            date = f"{date[:8]}{min(day + 1, 28):02d}"
        status = "held" if original.status == "held" or rng.random() < 0.5 else "planned"
        kind = original.kind if original.kind == "call" else rng.choice(["meeting", "talks"])
        return Meeting(tuple(people), date, original.place if rng.random() < 0.7 else None, status, kind,
                       Evidence("", 0, 120))

    def articles(self, count: int, start: int = 0) -> Iterator[tuple[Article, str, tuple[Meeting, ...], tuple[Quote, ...]]]:
        for number in range(start, start + count):
            yield self.article(number)


@contextlib.contextmanager
def without_fsync():
    """Generation only: the store's atomic writes without their fsyncs (the files still land
    through the page cache). Two fsyncs per file written are most of the time of a bulk write
    on this disk, and generation is not what is measured; every timed write keeps them."""
    import storage.atomic as atomic

    saved = atomic.os.fsync, atomic.fsync_dir
    atomic.os.fsync, atomic.fsync_dir = (lambda fd: None), (lambda folder: None)
    try:
        yield
    finally:
        atomic.os.fsync, atomic.fsync_dir = saved


def build_stores(root: Path, sizes: list[int], *, batch: int = GENERATION_BATCH, seed: int = 42,
                 log=print) -> tuple[dict[int, Path], dict[int, float], World]:
    """One store grown through the sizes (ascending), copied at each: {size: folder},
    {size: seconds spent generating and writing up to that size} and the world (for
    query arguments). A size already built under `root` in this run is reused."""
    from storage import Store

    world = World(seed)
    folders: dict[int, Path] = {}
    seconds: dict[int, float] = {}
    work = root / "growing"
    shutil.rmtree(work, ignore_errors=True)
    done = 0
    elapsed = 0.0
    for size in sorted(sizes):
        target = root / f"store-{size}"
        started = time.perf_counter()
        store = Store(work)
        try:
            with without_fsync():
                while done < size:
                    count = min(batch, size - done)
                    store.save_many(world.articles(count, start=done))
                    done += count
                    log(f"  generated {done:,} / {size:,} articles ({time.perf_counter() - started + elapsed:.0f} s)")
        finally:
            store.close()
        elapsed += time.perf_counter() - started
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(work, target)
        folders[size], seconds[size] = target, elapsed
    shutil.rmtree(work, ignore_errors=True)
    return folders, seconds, world
