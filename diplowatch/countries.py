"""Country gazetteer: ISO codes, French/English names, aliases, demonyms, capitals.

The data lives in ``diplowatch/data/countries.tsv`` (see the comment header of
that file for sources and column meanings).  It is loaded lazily, once, and
indexed three ways:

* exact lookups on a *folded* key (accent-, case- and punctuation-insensitive),
  see :func:`fold`, :func:`lookup`, :func:`country_of_adjective`,
  :func:`country_of_place`;
* fuzzy suggestions (rapidfuzz) for autocompletion, see :func:`suggest`;
* a token trie for finding every mention in running text, see
  :func:`find_in_text`.

Pure Python: no spaCy, no TinyDB.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache, cache
from pathlib import Path

from rapidfuzz import fuzz, process

from .prefixes import starting_with

__all__ = [
    "Country",
    "fold",
    "all_countries",
    "by_code",
    "lookup",
    "country_of_adjective",
    "country_of_place",
    "suggest",
    "suggest_scored",
    "find_in_text",
    "DATA_PATH",
    "FIND_EXCLUDED",
    "STOP_PHRASES",
]

DATA_PATH = Path(__file__).parent / "data" / "countries.tsv"

_COLUMNS = (
    "code",
    "name_en",
    "name_fr",
    "aliases",
    "adjectives_fr",
    "adjectives_en",
    "capitals",
    "ambiguous",
)


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name_en: str
    name_fr: str
    aliases: tuple[str, ...]
    adjectives_fr: tuple[str, ...]
    adjectives_en: tuple[str, ...]
    capitals: tuple[str, ...]

    def name(self, language: str = "en") -> str:
        """The short name in a language: "Kazakhstan", "Chine" / "China"."""
        return self.name_fr if language == "fr" and self.name_fr else self.name_en

    @property
    def flag(self) -> str:
        """Regional-indicator flag emoji ("🇰🇿"); "🇪🇺" for EU; "" if the code is not 2 letters."""
        code = self.code.upper()
        if len(code) != 2 or not all("A" <= c <= "Z" for c in code):
            return ""
        return "".join(chr(0x1F1E6 + ord(c) - ord("A")) for c in code)


# --------------------------------------------------------------------------- folding

# Characters whose NFD decomposition does not yield a plain base letter.
_SPECIAL = {
    "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ø": "o", "Ø": "o",
    "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ı": "i", "ð": "d", "þ": "th",
}


@cache
def _fold_char(c: str) -> str:
    """Fold one character to exactly ONE character (keeps text offsets aligned)."""
    if c.isascii():
        return c.lower() if c.isalnum() else " "
    if c in _SPECIAL:
        return _SPECIAL[c][0]
    base = unicodedata.normalize("NFD", c)[0].lower()
    if len(base) != 1:
        base = base[0]
    if unicodedata.combining(base):
        return ""  # stray combining mark: handled by _fold_chars (keeps length)
    return base if base.isalnum() else " "


_ASCII_FOLD = {i: (chr(i).lower() if chr(i).isalnum() else " ") for i in range(128)}


class _FoldTable(dict):
    """Code point -> its one-character fold, for ``str.translate``: filled as characters are first
    met, so a French text is folded in one C-level pass too instead of a Python call per character.
    A standalone combining mark (decomposed input) becomes a joiner-less placeholder, a
    letter-neutral char that is not a separator."""

    def __missing__(self, code: int) -> str:
        value = self[code] = _fold_char(chr(code)) or "\u0300"
        return value


_FOLD_TABLE = _FoldTable(_ASCII_FOLD)


def _fold_chars(text: str) -> str:
    """Position-preserving fold: ``len(result) == len(text)``; not collapsed."""
    if text.isascii():  # most English text: the ASCII table alone (this runs on every sentence)
        return text.translate(_ASCII_FOLD)
    return text.translate(_FOLD_TABLE)


_WS = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)  # the same words are folded again and again (every token of every rule)
def fold(text: str) -> str:
    """Accent-, case- and punctuation-insensitive key.

    ``"Tokaïev" -> "tokaiev"``, ``"Côte d’Ivoire" -> "cote d ivoire"``: letters are
    lower-cased and stripped of diacritics (œ -> oe, ß -> ss), every
    non-alphanumeric character (apostrophes, hyphens, dots...) becomes a space,
    and whitespace is collapsed and stripped.
    """
    if not text:
        return ""
    for k, v in _SPECIAL.items():
        if k in text:
            text = text.replace(k, v)
    decomposed = unicodedata.normalize("NFKD", text)
    chars = []
    for c in decomposed:
        if unicodedata.combining(c):
            continue
        c = c.lower()
        chars.append(c if c.isalnum() else " ")
    return _WS.sub(" ", "".join(chars)).strip()


# --------------------------------------------------------------------------- loading

def _split(cell: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for part in cell.split("|"):
        part = part.strip()
        if part:
            seen.setdefault(part, None)
    return tuple(seen)


def _read_rows(path: Path = DATA_PATH) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = [c.strip() for c in cells]
                continue
            cells += [""] * (len(header) - len(cells))
            rows.append({h: c.strip() for h, c in zip(header, cells)})
    return rows


# Forms that stay in lookup() but are never matched by find_in_text(): first
# names, common words, places sharing the name.  Completed by the per-row
# ``ambiguous`` column of the TSV.
FIND_EXCLUDED: frozenset[str] = frozenset()

# Phrases consumed (and dropped) by find_in_text() so that a shorter gazetteer
# form inside them is not reported: "océan Indien" is not India, "golfe de
# Guinée" is not Guinea, "sud-américain" is not the United States...
STOP_PHRASES: tuple[str, ...] = (
    "océan Indien", "Indian Ocean", "Indiens d'Amérique", "American Indian",
    "American Indians", "Native American", "Native Americans",
    "golfe de Guinée", "Gulf of Guinea", "Nouvelle-Guinée", "New Guinea",
    "Nouveau-Mexique", "New Mexico", "État de Washington", "Washington State",
    "Washington Post", "fleuve Congo", "Congo River",
    "Latin America", "Latin American", "Latin Americans", "South American",
    "South Americans", "North American", "North Americans", "Central American",
    "Central Americans", "Pan-American", "Afro-American", "African American",
    "African Americans", "Paris Saint-Germain", "Real Madrid",
    "fleuve Niger", "delta du Niger", "Niger Delta", "Niger River",
    "North Pole", "South Pole", "golfe d'Aden", "Gulf of Aden", "George Washington",
    "Santiago de Compostela",
) + tuple(
    f"{prefix}-{adj}"
    for prefix in ("sud", "nord", "latino", "afro", "centre")
    for adj in ("américain", "américaine", "américains", "américaines")
)


@dataclass(frozen=True, slots=True)
class _Hit:
    country: Country | None  # None for stop phrases
    kind: str  # "name" | "adjective" | "capital" | "stop"
    # per token: positions that must be upper-case in the text, copied from the
    # form ("Le Cap" -> ((0,), (0,)); "US" -> ((0, 1),); "BiH" -> ((0, 2),);
    # "chinois" -> ((),))
    upper: tuple[tuple[int, ...], ...]


_TOKEN = re.compile(r"[^ \u0300]+(?:\u0300+[^ \u0300]*)*")


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """Folded tokens of ``text`` with their offsets in ``text``."""
    folded = _fold_chars(text)
    if "\u0300" in folded:
        return [(m.start(), m.end(), m.group().replace("\u0300", "")) for m in _TOKEN.finditer(folded)]
    # no placeholder (almost every text): the tokens are the runs between spaces, cut by one split
    # rather than a match object per token (find_in_text reads whole articles)
    out, at = [], 0
    for word in folded.split(" "):
        if word:
            out.append((at, at + len(word), word))
        at += len(word) + 1
    return out


def _case_pattern(form: str) -> tuple[tuple[int, ...], ...]:
    return tuple(
        tuple(k for k, ch in enumerate(form[s:e]) if ch.isupper())
        for s, e, _ in _tokens(form)
    )


@dataclass(slots=True)
class _Index:
    countries: tuple[Country, ...]
    by_code: dict[str, Country]
    any_key: dict[str, Country]
    adjective_key: dict[str, Country]
    place_key: dict[str, Country]
    excluded: frozenset[str]
    trie: dict
    conflicts: dict[str, set[str]]
    suggest_keys: list[tuple[str, Country]]
    # (key, number in suggest_keys) sorted, and (word after the first, number): what starts
    # with a typed prefix is found by bisection, not by reading the ~2,600 keys each keystroke.
    suggest_sorted: list[tuple[str, int]]
    suggest_words: list[tuple[str, int]]


_END = "\0"


def _countries_of(rows) -> tuple[list[Country], set[str]]:
    """The countries of the gazetteer's rows, and the forms never to be found in text."""
    countries: list[Country] = []
    excluded: set[str] = {fold(f) for f in FIND_EXCLUDED}
    for row in rows:
        code = row.get("code", "").strip().upper()
        if not code:
            continue
        countries.append(Country(
            code=code,
            name_en=row.get("name_en", ""),
            name_fr=row.get("name_fr", ""),
            aliases=_split(row.get("aliases", "")),
            adjectives_fr=_split(row.get("adjectives_fr", "")),
            adjectives_en=_split(row.get("adjectives_en", "")),
            capitals=_split(row.get("capitals", "")),
        ))
        excluded.update(fold(f) for f in _split(row.get("ambiguous", "")))
    return countries, excluded


def _lookup_keys(countries: list[Country]):
    """Folded names, capitals and adjectives -> country, and the keys two countries claim."""
    conflicts: dict[str, set[str]] = {}

    def put(table: dict[str, Country], key: str, c: Country) -> None:
        if not key:
            return
        prev = table.setdefault(key, c)
        if prev is not c:
            conflicts.setdefault(key, {prev.code}).add(c.code)

    place_key: dict[str, Country] = {}
    adjective_key: dict[str, Country] = {}
    for c in countries:
        for f in (c.name_en, c.name_fr, *c.aliases):
            put(place_key, fold(f), c)
    for c in countries:
        for f in c.capitals:
            put(place_key, fold(f), c)
    for c in countries:
        for f in (*c.adjectives_fr, *c.adjectives_en):
            put(adjective_key, fold(f), c)
    any_key: dict[str, Country] = {}
    for table in (place_key, adjective_key):
        for k, c in table.items():
            any_key.setdefault(k, c)
    return place_key, adjective_key, any_key, conflicts


def _add_hit(hits: dict[str, list[_Hit]], excluded: set[str], form: str, c: Country | None, kind: str) -> None:
    key = fold(form)
    if not key or (kind != "stop" and key in excluded):
        return
    upper = tuple(() for _ in key.split(" ")) if kind == "stop" else _case_pattern(form)
    lst = hits.setdefault(key, [])
    for n, prev in enumerate(lst):
        if prev.kind == "stop" or prev.country is not c:
            return  # stop phrase, or key already owned by another country
        if prev.kind == kind:  # same form family: keep the most permissive
            lst[n] = _Hit(c, kind, tuple(
                tuple(sorted(set(x) & set(y))) for x, y in zip(prev.upper, upper)))
            return
    lst.append(_Hit(c, kind, upper))


def _trie(countries: list[Country], excluded: set[str]) -> dict:
    """Token trie for find_in_text. A key may carry several hits (e.g. "Suisse" the name,
    upper-case, and "suisse" the adjective, any case): the first one whose case pattern
    fits the text wins; order is name > capital > adjective."""
    hits: dict[str, list[_Hit]] = {}
    for phrase in STOP_PHRASES:
        _add_hit(hits, excluded, phrase, None, "stop")
    for c in countries:
        for f in (c.name_en, c.name_fr, *c.aliases):
            _add_hit(hits, excluded, f, c, "name")
    for c in countries:
        for f in c.capitals:
            _add_hit(hits, excluded, f, c, "capital")
    for c in countries:
        for f in (*c.adjectives_fr, *c.adjectives_en):
            _add_hit(hits, excluded, f, c, "adjective")
    trie: dict = {}
    for key, lst in hits.items():
        node = trie
        for tok in key.split(" "):
            node = node.setdefault(tok, {})
        node[_END] = tuple(lst)
    return trie


def _suggest_keys(countries: list[Country]) -> list[tuple[str, Country]]:
    suggest_keys: list[tuple[str, Country]] = []
    seen: set[tuple[str, str]] = set()
    for c in countries:
        forms = (c.code, c.name_en, c.name_fr, *c.aliases, *c.capitals,
                 *c.adjectives_fr, *c.adjectives_en)
        for f in forms:
            k = fold(f)
            if k and (k, c.code) not in seen:
                seen.add((k, c.code))
                suggest_keys.append((k, c))
    return suggest_keys


@cache
def _index() -> _Index:
    countries, excluded = _countries_of(_read_rows())
    place_key, adjective_key, any_key, conflicts = _lookup_keys(countries)
    suggest_keys = _suggest_keys(countries)
    return _Index(
        countries=tuple(countries),
        by_code={c.code: c for c in countries},
        any_key=any_key,
        adjective_key=adjective_key,
        place_key=place_key,
        excluded=frozenset(excluded),
        trie=_trie(countries, excluded),
        conflicts=conflicts,
        suggest_keys=suggest_keys,
        suggest_sorted=sorted((key, i) for i, (key, _) in enumerate(suggest_keys)),
        suggest_words=sorted((word, i) for i, (key, _) in enumerate(suggest_keys) for word in key.split(" ")[1:]),
    )


# --------------------------------------------------------------------------- API

def all_countries() -> tuple[Country, ...]:
    """Every gazetteer entry, in file order."""
    return _index().countries


def by_code(code: str) -> Country | None:
    """Entry for an ISO alpha-2 code (or "EU"), case-insensitive."""
    if not code:
        return None
    return _index().by_code.get(code.strip().upper())


def lookup(text: str) -> Country | None:
    """Exact (folded) match on code, names, aliases, capitals and adjectives.

    Priority on a clash: code (2 letters) > name/alias > capital > adjective.
    """
    if not text:
        return None
    idx = _index()
    stripped = text.strip()
    if len(stripped) == 2 and stripped.isalpha():
        c = idx.by_code.get(stripped.upper())
        if c is not None:
            return c
    return idx.any_key.get(fold(text))


def country_of_adjective(word: str) -> Country | None:
    """Country for an adjective/demonym only ("kazakh", "chinoises", "Chinese")."""
    return _index().adjective_key.get(fold(word)) if word else None


def country_of_place(name: str) -> Country | None:
    """Country for a country name, alias or capital ("Astana", "Ouzbékistan")."""
    return _index().place_key.get(fold(name)) if name else None


def suggest(text: str, limit: int = 25) -> list[Country]:
    return [country for country, _ in _suggest(fold(text), limit)]


# Scores of `suggest_scored`: at or above PREFIX_SCORE a name starts with what was typed, at
# or above WORD_START_SCORE one of its words does; below, the match is fuzzy (at most 100).
PREFIX_SCORE = 500.0
WORD_START_SCORE = 400.0


def suggest_scored(text: str, limit: int = 25) -> list[tuple[Country, float]]:
    """`suggest` with each country's score (see PREFIX_SCORE), for ranking countries among
    other suggestions (people) by how they matched."""
    return list(_suggest(fold(text), limit))


@lru_cache(maxsize=4096)  # the gazetteer never changes, and people type the same prefixes
def _suggest(q: str, limit: int) -> tuple[tuple[Country, float], ...]:
    """Fuzzy, accent/case-insensitive suggestions, best first, with their scores.

    Exact matches first, then prefix matches (shorter completions first), then
    word-prefix matches, then rapidfuzz similarity (cut-off 65).
    """
    if not q or limit <= 0:
        return ()
    best: dict[str, float] = {}
    idx = _index()

    def keep(code: str, score: float) -> None:
        if score > best.get(code, -1.0):
            best[code] = score

    keys_of = idx.suggest_keys
    matched: set[int] = set()
    for i in starting_with(idx.suggest_sorted, q):  # the key itself, or a key that starts with it
        key, c = keys_of[i]
        keep(c.code, 1000.0 if key == q else PREFIX_SCORE + 100.0 * len(q) / len(key))
        matched.add(i)
    for i in starting_with(idx.suggest_words, q):  # a later word of the key starts with it
        if i not in matched:
            key, c = keys_of[i]
            keep(c.code, WORD_START_SCORE + 100.0 * len(q) / len(key))
            matched.add(i)
    fuzzy_keys = [kc for i, kc in enumerate(keys_of) if i not in matched]
    # The fuzzy part in rapidfuzz's C loops: autocomplete answers on every keystroke.
    keys = [key for key, _ in fuzzy_keys]
    for _, score, i in process.extract(q, keys, scorer=fuzz.ratio, score_cutoff=65, limit=None):
        keep(fuzzy_keys[i][1].code, score)
    if len(q) >= 4:
        longer = [i for i, key in enumerate(keys) if len(key) >= len(q)]
        found = process.extract(q, [keys[i] for i in longer], scorer=fuzz.partial_ratio, score_cutoff=65 / 0.9, limit=None)
        for _, score, j in found:
            keep(fuzzy_keys[longer[j]][1].code, 0.9 * score)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], idx.by_code[kv[0]].name_en))
    return tuple((idx.by_code[code], score) for code, score in ranked[:limit])


def _case_ok(text: str, toks: list[tuple[int, int, str]], i: int, hit: _Hit) -> bool:
    for k, positions in enumerate(hit.upper):
        if not positions:
            continue
        start, end, _ = toks[i + k]
        if positions == (0,):
            if not text[start].isupper():
                return False
            continue
        word = text[start:end]
        if any(unicodedata.combining(ch) for ch in word):
            word = "".join(ch for ch in word if not unicodedata.combining(ch))
        if any(p >= len(word) or not word[p].isupper() for p in positions):
            return False
    return True


def find_in_text(text: str) -> list[tuple[int, int, Country, str]]:
    """Every gazetteer mention in ``text``: ``(start, end, country, kind)``.

    * whole words only, accent/punctuation tolerant ("Cote d'Ivoire",
      "Etats-Unis"); offsets index the original ``text``;
    * ``kind`` is "name" (names and aliases), "adjective" or "capital";
    * longest match wins ("Corée du Sud" over a shorter form, "sud-africain"
      over "africain"); stop phrases ("océan Indien") are consumed silently;
    * ISO codes are never matched (too ambiguous in prose); acronym aliases
      ("US", "RDC") must be upper-case; every word that is capitalised in a
      gazetteer form must be capitalised in the text ("Le Cap" but not "le
      cap", "Turkey" but not "turkey", "Chinese" but not "chinese"); French
      adjectives, lower-case in the gazetteer, match in any case; forms of the ``ambiguous`` column / FIND_EXCLUDED
      ("Maurice", "Jordan", "Georgia"...) are skipped.
    """
    if not text:
        return []
    toks = _tokens(text)
    out: list[tuple[int, int, Country, str]] = []
    trie = _index().trie
    n, resume = len(toks), 0
    # a form can only begin at a word the trie begins with: the others are skipped in one pass
    for i in [k for k, tok in enumerate(toks) if tok[2] in trie]:
        if i < resume:
            continue  # inside the form found last
        node = trie
        match: tuple[int, _Hit] | None = None
        j = i
        while j < n:
            node = node.get(toks[j][2])
            if node is None:
                break
            for hit in node.get(_END, ()):
                if _case_ok(text, toks, i, hit):
                    match = (j, hit)
                    break
            j += 1
        if match is None:
            continue
        j, hit = match
        if hit.country is not None:
            out.append((toks[i][0], toks[j][1], hit.country, hit.kind))
        resume = j + 1
    return out
