"""Prefix look-up in a sorted list, for autocomplete on every keystroke."""

from __future__ import annotations

import bisect


def starting_with(index: list[tuple[str, int]], prefix: str) -> list[int]:
    """The numbers of the entries of a sorted (text, number) list whose text starts with the prefix
    (bisection, then a walk over the matches only)."""
    at = bisect.bisect_left(index, (prefix,))
    found = []
    while at < len(index) and index[at][0].startswith(prefix):
        found.append(index[at][1])
        at += 1
    return found
