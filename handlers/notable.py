"""Which statements a digest shows: the most notable, a few per article and per speaker.

Heads of state and government first, then ministers, then everyone else; direct words
before reported speech; named people before institutions. One statement per article and two
per speaker at most, so that one long interview or one talkative minister does not fill the
section.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from diplowatch import countries
from diplowatch.names import fold
from diplowatch.people import role_class
from diplowatch.records import Article, Quote

TOP_QUOTES = 6
PER_ARTICLE = 1
PER_SPEAKER = 2

# Matched on folded text (no accents, lower case), as whole words.
INSTITUTION_WORDS = (
    "ministere", "ministry", "gouvernement", "government", "kremlin", "elysee", "maison blanche",
    "white house", "presidence", "presidency", "ambassade", "embassy", "agence", "agency",
    "departement", "department", "conseil", "council", "commission", "nations unies",
    "united nations", "otan", "nato", "union", "organisation", "organization", "parlement",
    "parliament", "assemblee", "senat", "senate", "cabinet", "porte parole", "spokesperson",
    "spokesman", "bureau", "office", "diplomatie", "chancellerie",
)


def _has_word(text: str, words: Iterable[str]) -> bool:
    return any(re.search(rf"\b{re.escape(w)}\b", text) for w in words)


LEADERS = frozenset({"head of state", "head of government", "monarch"})
MINISTERS = frozenset({"foreign minister", "minister"})


def role_tier(quote: Quote) -> int:
    """0 head of state or government, 1 minister (or any deputy), 2 anyone else: the role
    classes the people registry uses, so the digest and /who read a role the same way."""
    # the speaker's words count too ("le président chinois"), but a ministry is no minister
    named = "" if is_institution(quote.speaker) else quote.speaker
    kind = role_class(" ".join(x for x in (quote.speaker_role, named) if x))
    if kind in LEADERS:
        return 0
    if kind in MINISTERS or kind.startswith("deputy "):
        return 1
    return 2


def is_institution(speaker: str | None) -> bool:
    """An unnamed or collective speaker: a ministry, a spokesperson, a country, an acronym."""
    if not speaker:
        return True
    folded = fold(speaker)
    bare = re.sub(r"^(le|la|les|l|the) ", "", folded)  # "la Chine", "l'Inde"
    if speaker.isupper() or countries.lookup(bare) is not None:
        return True
    return _has_word(folded, INSTITUTION_WORDS)


def notability(quote: Quote) -> tuple[int, int, int]:
    """The sort key of `notable_quotes`; smaller is more notable.

    Heads of state and government first, then ministers, then everyone else (read from
    role words in the speaker's role or name, in French or English; a deputy counts as a
    minister); within a tier, direct quotes before reported speech; then named people
    before institutions (a ministry, a spokesperson, "la Chine", an acronym, no speaker).
    """
    return role_tier(quote), quote.kind != "direct", is_institution(quote.speaker)


def notable_quotes(
    quotes: Iterable[Quote],
    articles: dict[str, Article],
    limit: int = TOP_QUOTES,
    speaker_key: Callable[[Quote], str] | None = None,
) -> list[Quote]:
    """The most notable statements (see `notability`); the newest first among equals, the
    same words reported by two articles only once, at most one per article and two per
    speaker (`speaker_key` says who a statement's speaker is: the registry's person)."""
    who = speaker_key or (lambda q: fold(q.speaker or ""))
    newest = sorted(quotes, key=lambda q: _recency(articles, q.article_id), reverse=True)
    ranked = sorted(newest, key=notability)  # stable: keeps newest first within a rank
    seen: set[str] = set()
    per_article: Counter[str] = Counter()
    per_speaker: Counter[str] = Counter()
    found = []
    for quote in ranked:
        key, speaker = fold(quote.text), who(quote)
        if key in seen or per_article[quote.article_id] >= PER_ARTICLE or per_speaker[speaker] >= PER_SPEAKER:
            continue
        seen.add(key)
        per_article[quote.article_id] += 1
        per_speaker[speaker] += 1
        found.append(quote)
        if len(found) == limit:
            break
    return found


def _recency(articles: dict[str, Article], article_id: str) -> tuple[str, str]:
    """Publication date, then arrival: the same day's articles, the latest to arrive first."""
    article = articles.get(article_id)
    return ((article.published or "", article.ingested_at) if article else ("", ""))


