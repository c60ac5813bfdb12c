"""One key per person whatever the spelling: "Tokaïev", "Tokayev" and "TOKAIEV" agree."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower case, no accents, punctuation and apostrophes as single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", plain).strip()


_SPELLINGS = (
    # French and English transliterations of the same names: Poutine/Putin, Chavkat/Shavkat,
    # Mirzioïev/Mirziyoyev, Tokaïev/Tokayev, Djokovic/Jokovic.
    (re.compile(r"ou"), "u"),
    (re.compile(r"ch"), "sh"),
    (re.compile(r"dj"), "j"),
    (re.compile(r"gu(?=[ei])"), "g"),
    (re.compile(r"y"), "i"),
    (re.compile(r"(.)\1"), r"\1"),
    (re.compile(r"iev\b"), "ev"),
    (re.compile(r"(\w{3,})e\b"), r"\1"),
)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A transliteration-tolerant key: the spellings of one person in French and English
    press fold together ("Vladimir Poutine" and "Vladimir Putin")."""
    key = fold(name)  # cached through name_key: names are short and few
    for pattern, replacement in _SPELLINGS:
        key = pattern.sub(replacement, key)
    return key


def matches_person(query: str, name: str) -> bool:
    """A typed name finds a person by full name, by surname or by any of its words."""
    q, n = name_key(query), name_key(name)
    if not q or not n:
        return False
    if q == n:
        return True
    q_words, n_words = q.split(), n.split()
    return all(word in n_words for word in q_words)
