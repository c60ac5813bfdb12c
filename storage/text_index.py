"""Which articles contain a word: an inverted index kept in memory.

Scanning every body for each /search costs seconds at 50,000 articles. Postings are
compact arrays of article numbers (4 bytes each) rather than sets, so a year of articles
fits in tens of megabytes. Words are folded (case and accents), so "kazakh", "Kazakh" and
"kazakh" with an accent typo match alike.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

_WORD = re.compile(r"[a-z0-9]{2,}")


def _accent_table() -> dict[int, str]:
    table = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        if base != char:
            table[code] = base
    table[ord("’")] = "'"
    return {code: base for code, base in table.items() if len(base) == 1}


_ACCENTS = _accent_table()


def fold_text(text: str) -> str:
    """Lower case without accents, the same length as the text (offsets hold) for the
    accents of Latin scripts."""
    return text.lower().translate(_ACCENTS)


_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})


def terms(text: str) -> set[str]:
    return set(_WORD.findall(fold_text(text).translate(_LIGATURES)))


def _stop_words() -> frozenset[str]:
    path = Path(__file__).with_name("data") / "stop_words.txt"
    lines = (line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    return frozenset(word for line in lines for word in line.split())


STOP_WORDS = _stop_words()


def search_terms(text: str) -> set[str]:
    """The words of a query that select articles: the common ones ("de", "the") do not."""
    return terms(text) - STOP_WORDS


_PHRASE = re.compile(r'"([^"]+)"|«\s*([^»]+?)\s*»|“([^”]+)”')


def phrases_of(query: str) -> list[str]:
    """The quoted phrases of a query ("ceinture et la route"), folded."""
    found = (" ".join(fold_text(next(g for g in m.groups() if g)).split()) for m in _PHRASE.finditer(query))
    return [p for p in found if p]


def contains_phrase(text: str, phrase: str) -> bool:
    """Whether the text holds these words in this order, whatever the case, accents and spacing."""
    words = re.findall(r"[a-z0-9]+", fold_text(phrase).translate(_LIGATURES))
    if not words:
        return False
    pattern = r"(?<![a-z0-9])" + r"[^a-z0-9]+".join(words) + r"(?![a-z0-9])"
    return re.search(pattern, fold_text(text).translate(_LIGATURES)) is not None


def date_rank(published: str | None) -> int:
    """An orderable number for an ISO date of any precision ("2024-05" -> 20240500)."""
    digits = (published or "").replace("-", "")[:8]
    return int(digits.ljust(8, "0")) if digits.isdigit() else 0


class TextIndex:
    def __init__(self) -> None:
        self._postings: dict[str, array] = {}
        self._ids: list[str] = []
        self._number: dict[str, int] = {}
        # Per article number: its date (newest first without sorting objects) and whether
        # it is still current (a re-stored article gets a new number).
        self._rank = array("I")
        self._alive = array("B")

    def __len__(self) -> int:
        return len(self._number)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._number

    def add(self, article_id: str, text: str, published: str | None = None) -> None:
        old = self._number.get(article_id)
        if old is not None:
            self._alive[old] = 0  # replaced: its old postings are skipped from now on
        number = len(self._ids)
        self._ids.append(article_id)
        self._number[article_id] = number
        self._rank.append(date_rank(published))
        self._alive.append(1)
        for term in terms(text):
            postings = self._postings.get(term)
            if postings is None:
                postings = self._postings[term] = array("I")
            postings.append(number)

    def remove(self, article_id: str) -> None:
        """Forget an article: its postings are skipped from now on."""
        number = self._number.pop(article_id, None)
        if number is not None:
            self._alive[number] = 0

    def _matches(self, query: str) -> np.ndarray:
        import numpy as np  # at the first /search, not at start: 0.13 s of the start-up

        wanted = search_terms(query)
        if not wanted:
            return np.empty(0, dtype=np.uint32)
        lists = sorted((self._postings.get(term, array("I")) for term in wanted), key=len)
        # Postings are sorted (numbers only grow), so numpy intersects them without sets.
        found = np.frombuffer(lists[0], dtype=np.uint32)
        for postings in lists[1:]:
            if not found.size:
                break
            found = np.intersect1d(found, np.frombuffer(postings, dtype=np.uint32), assume_unique=True)
        if found.size:
            found = found[np.frombuffer(self._alive, dtype=np.uint8)[found] == 1]
        return found

    def search(self, query: str) -> set[str]:
        """Ids of the articles that contain every word of the query."""
        return {self._ids[n] for n in self._matches(query).tolist()}

    def newest(self, query: str, limit: int) -> tuple[int, list[str]]:
        """How many articles contain every word, and the ids of the newest `limit` of them."""
        import numpy as np  # imported by _matches

        found = self._matches(query)
        total = int(found.size)
        if not total:
            return 0, []
        ranks = np.frombuffer(self._rank, dtype=np.uint32)[found].astype(np.int64)
        if total > limit:
            top = np.argpartition(-ranks, limit - 1)[:limit]
            found, ranks = found[top], ranks[top]
        order = np.argsort(-ranks, kind="stable")
        return total, [self._ids[n] for n in found[order].tolist()]
