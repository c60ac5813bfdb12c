"""Warm query latency: the command functions as Discord calls them, over varied arguments."""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from benchmarks.report import p50, p95
from benchmarks.synthetic import World
from diplowatch import countries
from handlers import registry
from handlers.spec import Context
from handlers.subjects import complete, complete_subject
from storage import Store


def arguments(world: World, store: Store, reps: int, seed: int = 3) -> dict[str, list[str]]:
    rng = random.Random(seed)
    codes = [c for c in world.countries if store.meetings_of_country(c)]
    country_names = [countries.by_code(c).name_en for c in rng.sample(codes, min(reps, len(codes)))]
    while len(country_names) < reps:
        country_names.append(countries.by_code(rng.choice(codes)).name_fr)
    people = list(store.people().values())
    full = rng.sample(people, reps)
    surnames = [n.split()[-1] for n in rng.sample(people, reps)]
    vocabulary = world.vocabulary
    words = []
    for i in range(reps):
        kind = i % 3
        if kind == 0:  # a common word (in most articles)
            words.append(vocabulary[rng.randrange(0, 10)])
        elif kind == 1:  # a rarer word
            words.append(vocabulary[rng.randrange(100, 2000)])
        else:  # two words, one common
            words.append(f"{vocabulary[rng.randrange(0, 30)]} {vocabulary[rng.randrange(30, 500)]}")
    prefixes = []
    for i in range(reps):
        source = rng.choice(people) if i % 2 else rng.choice(country_names)
        prefixes.append(source[: rng.randint(2, 6)])
    prefixes[0] = ""  # the empty box, when the user has typed nothing yet
    person_prefixes = [rng.choice(people)[: rng.randint(2, 6)] for _ in range(reps)]
    # Events with several sources first (what analysts open), then any.
    events = sorted(store.all_events(), key=lambda e: (-len(e.sources), e.id))
    event_ids = [e.id for e in events[: reps // 2]] + [e.id for e in rng.sample(events, reps - reps // 2)]
    id_prefixes = [rng.choice(event_ids)[: rng.randint(1, 6)] for _ in range(reps)]
    upcoming = [country_names[i] if i % 2 else "" for i in range(reps)]
    return {"country": country_names, "full": full, "surname": surnames, "words": words, "prefixes": prefixes,
            "person_prefixes": person_prefixes, "event_ids": event_ids, "id_prefixes": id_prefixes, "upcoming": upcoming}


def _time(function: Callable[[str], object], args: list[str]) -> list[float]:
    for arg in args[:3]:  # warm
        function(arg)
    times = []
    for arg in args:
        started = time.perf_counter()
        function(arg)
        times.append(time.perf_counter() - started)
    return times


def run(store: Store, world: World, reps: int = 60) -> dict[str, dict[str, float]]:
    """{query: {"p50": s, "p95": s, "max": s, "n": count}}."""
    if not store.text_index_ready:
        store.build_text_index()
    ctx = Context(store=store)
    args = arguments(world, store, reps)
    cases: dict[str, tuple[Callable[[str], object], list[str]]] = {
        "/meetings <country>": (lambda a: registry.run("meetings", ctx, {"subject": a}), args["country"]),
        "/meetings <person> (full name)": (lambda a: registry.run("meetings", ctx, {"subject": a}), args["full"]),
        "/meetings <person> (surname)": (lambda a: registry.run("meetings", ctx, {"subject": a}), args["surname"]),
        "/quotes <speaker>": (lambda a: registry.run("quotes", ctx, {"speaker": a}), args["full"]),
        "/search <words>": (lambda a: registry.run("search", ctx, {"words": a}), args["words"]),
        "/timeline <country>": (lambda a: registry.run("timeline", ctx, {"subject": a}), args["country"]),
        "/event <id>": (lambda a: registry.run("event", ctx, {"id": a}), args["event_ids"]),
        "/who <person>": (lambda a: registry.run("who", ctx, {"person": a}), args["full"]),
        "/upcoming [country]": (lambda a: registry.run("upcoming", ctx, {"subject": a} if a else {}), args["upcoming"]),
        "/export meetings <country>": (
            lambda a: registry.run("export", ctx, {"what": "meetings", "subject": a}), args["country"]),
        "/export quotes <country>": (
            lambda a: registry.run("export", ctx, {"what": "quotes", "subject": a}), args["country"]),
        "autocomplete": (lambda a: complete_subject(store, a), args["prefixes"]),
        "autocomplete (person, by any spelling)": (lambda a: complete(store, a, "person"), args["person_prefixes"]),
        "autocomplete (event id)": (lambda a: complete(store, a, "event"), args["id_prefixes"]),
    }
    results = {}
    for name, (function, values) in cases.items():
        times = _time(function, values)
        results[name] = {"p50": p50(times), "p95": p95(times), "max": max(times), "n": len(times)}
    return results
