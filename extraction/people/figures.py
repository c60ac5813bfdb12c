"""Public figures whose state the press often leaves unsaid ("Poutine et Xi Jinping se sont
rencontrés au Kremlin"): data/public_figures.tsv, matched transliteration-tolerant.

A name matches a figure by its full key ("Vladimir Putin" = "Vladimir Poutine"), with honorifics
before it ("H.E Wang Yi"), by surname and the same initial ("Mike"/"Michael Pompeo"), or by the
surname alone when every figure of that surname is of one state and the surname is not a common
given name ("Lavrov", but never "Ahmed").
"""

from __future__ import annotations

from functools import lru_cache

from diplowatch.names import name_key

from ..lexicons import _rows, load


_PARTICLES = frozenset({"le", "la", "de", "di", "da", "van", "von", "al", "el", "ben", "bin", "ould"})  # "Le Drian"


@lru_cache(maxsize=1)
def _figures() -> tuple[dict[str, str], dict[str, set[str]], list[tuple[list[str], str]]]:
    """(full key -> state, surname -> states, [(key words, state)])."""
    full: dict[str, str] = {}
    surnames: dict[str, set[str]] = {}
    rows: list[tuple[list[str], str]] = []
    for row in _rows("public_figures.tsv"):
        state = row[1]
        for spelling in [row[0]] + [s for s in (row[2].split("|") if len(row) > 2 else []) if s.strip()]:
            words = name_key(spelling).split()
            if not words:
                continue
            full[" ".join(words)] = state
            rows.append((words, state))
            if len(words) > 1:
                surnames.setdefault(words[-1], set()).add(state)
    return full, surnames, rows


@lru_cache(maxsize=4096)
def figure_state(name: str) -> str | None:
    """The state of the public figure this name is, if it is one and only one state fits."""
    words = name_key(name).split()
    if not words:
        return None
    full, surnames, rows = _figures()
    key = " ".join(words)
    if key in full:
        return full[key]
    states = {state for figure, state in rows
              if len(figure) > 1 and len(words) > len(figure) and words[-len(figure):] == figure  # "H.E Wang Yi"
              or len(words) > 1 and len(figure) > 1 and words[-1] == figure[-1] and words[0][0] == figure[0][0]
              or 1 < len(words) < len(figure) and figure[-len(words):] == words and figure[-len(words)] in _PARTICLES}
    if not states and len(words) == 1 and len(words[0]) >= 5 and words[0] not in load().words("given_name"):
        states = surnames.get(words[0], set())
    return next(iter(states)) if len(states) == 1 else None
