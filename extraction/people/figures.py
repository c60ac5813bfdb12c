"""Public figures whose state the press often leaves unsaid ("Poutine et Xi Jinping se sont
rencontrés au Kremlin"): data/public_figures.tsv, matched transliteration-tolerant.

A name matches a figure by its full key ("Vladimir Putin" = "Vladimir Poutine"), with honorifics
before it ("H.E Wang Yi"), by surname and the same initial ("Mike"/"Michael Pompeo"), or by the
surname alone when every figure of that surname is of one state and the surname is neither a common
given name ("Lavrov", but never "Ahmed") nor a surname half a country shares ("Singh", "Sánchez").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from diplowatch.names import name_key as _name_key

from ..lexicons import _rows, load


_ELIDED_N = re.compile(r"\b([Nn])['’](?=\w)")


def name_key(name: str) -> str:
    """The names' key, with "N'Guesso" and "Nguesso", "N'Diaye" and "Ndiaye" one spelling."""
    return _name_key(_ELIDED_N.sub(r"\1", name))


_PARTICLES = frozenset({"le", "la", "de", "di", "da", "van", "von", "al", "el", "ben", "bin", "ould"})  # "Le Drian"


@dataclass(frozen=True)
class _Gazetteer:
    """The rows indexed by the parts of a name a lookup can match on, so that a lookup costs a few
    dictionary probes however long the file grows (it runs for every new name of every article)."""
    full: dict[str, str]  # full key -> state
    surnames: dict[str, frozenset[str]]  # last word of a name of two words or more -> states
    names: dict[tuple[str, ...], frozenset[str]]  # words of a name of two words or more -> states
    initials: dict[tuple[str, str], frozenset[str]]  # (last word, first letter) -> states
    particle_tails: dict[tuple[str, ...], frozenset[str]]  # "le drian" of "jean yves le drian" -> states
    lone_blocked: frozenset[str]  # keys of words that never name a figure alone
    titles: frozenset[str]  # keys of one-word titles ("Mr", "M.")


def _index(entries: dict, key, state: str) -> None:
    entries.setdefault(key, set()).add(state)


def _spellings(row: list[str]) -> list[str]:
    """A gazetteer line's name and its other spellings."""
    return [row[0]] + [s for s in (row[2].split("|") if len(row) > 2 else []) if s.strip()]


@lru_cache(maxsize=1)
def _figures() -> _Gazetteer:
    full: dict[str, str] = {}
    surnames: dict = {}
    names: dict = {}
    initials: dict = {}
    particle_tails: dict = {}
    for row in _rows("public_figures.tsv"):
        state = row[1]
        for spelling in _spellings(row):
            words = name_key(spelling).split()
            if not words:
                continue
            full[" ".join(words)] = state
            if len(words) > 1:
                _index(surnames, words[-1], state)
                _index(names, tuple(words), state)
                _index(initials, (words[-1], words[0][0]), state)
            for k in range(2, len(words)):
                if words[-k] in _PARTICLES:
                    _index(particle_tails, tuple(words[-k:]), state)
    lexicons = load()
    # the class words are written as the press spells them; a name is looked up by its key
    blocked = frozenset(name_key(w) for w in lexicons.words("given_name") | lexicons.words("common_surname"))
    titles = frozenset(key for key in (name_key(w) for w in lexicons.words("title")) if key and " " not in key)
    frozen = lambda entries: {key: frozenset(states) for key, states in entries.items()}  # noqa: E731
    return _Gazetteer(full, frozen(surnames), frozen(names), frozen(initials), frozen(particle_tails), blocked,
                      titles)


@lru_cache(maxsize=4096)
def figure_state(name: str) -> str | None:
    """The state of the public figure this name is, if it is one and only one state fits."""
    gazetteer = _figures()
    words = name_key(name).split()
    while len(words) > 1 and words[0] in gazetteer.titles:  # "Mr Singh" is Singh, not an M. Singh
        words = words[1:]
    if not words:
        return None
    key = " ".join(words)
    if key in gazetteer.full:
        return gazetteer.full[key]
    states: set[str] = set()
    for k in range(2, len(words)):  # "H.E Wang Yi": a figure's whole name ends the longer one
        states |= gazetteer.names.get(tuple(words[-k:]), frozenset())
    if len(words) > 1:
        states |= gazetteer.initials.get((words[-1], words[0][0]), frozenset())
        if words[0] in _PARTICLES:  # "Le Drian" for Jean-Yves Le Drian
            states |= gazetteer.particle_tails.get(tuple(words), frozenset())
    if not states and len(words) == 1 and len(words[0]) >= 5 and words[0] not in gazetteer.lone_blocked:
        states = set(gazetteer.surnames.get(words[0], frozenset()))
    return next(iter(states)) if len(states) == 1 else None


def figure_named_in_full(name: str) -> bool:
    """The name is, word for word, a public figure's full name or one of its spellings."""
    return name_key(name) in _figures().full


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """First words of the figures' names ("Hamid", "Sergueï", "Kassym-Jomart") and the lexicon's
    given names, as name keys: the first names the press writes of the world's officials."""
    found = {name_key(w) for w in load().words("given_name")}
    for row in _rows("public_figures.tsv"):
        for spelling in _spellings(row):
            words = spelling.split()
            if len(words) > 1 and len(words[0]) >= 3 and words[0].lower() not in _PARTICLES:
                found.add(name_key(words[0]))
    return frozenset(found - {""})


def has_given_name(name: str) -> bool:
    """The name starts with a first name the gazetteer of figures knows."""
    words = name.split()
    return bool(words) and name_key(words[0]) in _given_names()
