"""Lexicons read from the data files in extraction/data (each file says where it comes from).

Lines starting with '#' are provenance and comments; columns are tab-separated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from diplowatch.countries import fold

DATA = Path(__file__).parent / "data"


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@dataclass(frozen=True)
class Lexicons:
    meeting_triggers: dict[tuple[str, str], str]  # (lang, lemma) -> kind
    call_cues: frozenset[str]
    planned_cues: frozenset[str]
    not_meeting: frozenset[str]
    reporting: dict[tuple[str, str], bool]  # (lang, lemma) -> accepts a noun-phrase object
    reporting_lemmas: frozenset[str]  # the lemmas of ``reporting``, of either language
    reporting_verbs: dict[tuple[str, str], "ReportingVerb"]  # (lang, lemma) -> its complements
    topic_verbs: frozenset[str]
    joint_subjects: frozenset[str]
    roles: tuple[tuple[str, str, str], ...]  # (lang, folded phrase, head), longest first
    role_rows: tuple["RoleEntry", ...]  # every row of roles.tsv, longest phrase first
    institutions: dict[str, str]  # folded name -> ISO code
    speaker_nouns: frozenset[str]
    places_with_article: dict[str, str]  # folded name without its article -> the full name
    organisations: dict[str, str]  # folded name or acronym -> the organisation's first name

    word_classes: dict[str, frozenset[str]]  # class -> words, lower-cased and accent-folded

    def role_heads(self) -> frozenset[str]:
        return frozenset(head for _, _, head in self.roles)

    phrase_patterns: dict[str, "re.Pattern"]  # class of data/meeting_phrases.tsv -> one compiled pattern
    numbers: dict[str, int]  # "deux" -> 2
    regions: dict[str, tuple[str, ...]]  # folded regional phrase -> member ISO codes
    irregular: dict[str, str]  # English "met" -> "meet"

    def phrases(self, name: str) -> "re.Pattern":
        """The phrases of one class of data/meeting_phrases.tsv, as one pattern."""
        return self.phrase_patterns[name]

    def words(self, name: str) -> frozenset[str]:
        """A closed word class of data/word_classes.tsv ("title", "particle", ...)."""
        return self.word_classes[name]


@dataclass(frozen=True)
class ReportingVerb:
    lemma: str  # "dire", "mettre en garde"
    np: int  # 0 clause only, 1 a noun-phrase object too, 2 an object with its predicate
    preps: tuple[str, ...]  # prepositions introducing the content ("à", "for")


@dataclass(frozen=True)
class RoleEntry:
    lang: str
    phrase: str  # folded
    head: str
    cls: str  # kind of office (see data/roles.tsv)
    gender: str | None  # "f" for a feminine form


def _phrase_patterns() -> dict[str, re.Pattern]:
    classes: dict[str, list[str]] = {}
    for row in _rows("meeting_phrases.tsv"):
        classes.setdefault(row[0], []).append(row[1])
    return {name: re.compile(r"\b(?:" + "|".join(f"(?:{p})" if not p.startswith("^") else p for p in phrases) + r")\b"
                             if not any(p.startswith("^") for p in phrases) else "|".join(phrases), re.I)
            for name, phrases in classes.items()}


def _word_classes() -> dict[str, frozenset[str]]:
    classes: dict[str, set[str]] = {}
    for row in _rows("word_classes.tsv"):
        word = row[1].lower()
        classes.setdefault(row[0], set()).update({word, fold(word)} if fold(word) else {word})
    return {name: frozenset(words) for name, words in classes.items()}


@lru_cache(maxsize=None)
def words_of(*names: str) -> frozenset[str]:
    """The union of several word classes, made once: the rules ask for "title" | "possessive" and the
    like on every candidate, and building the union each time cost more than the tests using it."""
    return frozenset().union(*(load().words(name) for name in names))


@lru_cache(maxsize=1)
def load() -> Lexicons:
    triggers = {(r[0], r[1]): r[3] for r in _rows("meeting_triggers.tsv")}
    words = lambda name: frozenset(r[0].lower() for r in _rows(name))  # noqa: E731
    reporting_verbs = {(r[0], r[1]): ReportingVerb(r[1], int(r[2]), tuple(p for p in (r[3] if len(r) > 3 else "").split("|") if p))
                       for r in _rows("reporting_verbs.tsv")}
    reporting = {key: verb.np > 0 for key, verb in reporting_verbs.items()}
    role_rows = sorted((RoleEntry(r[0], fold(r[1]), r[2], r[3], (r[4] if len(r) > 4 else "") or None)
                        for r in _rows("roles.tsv")), key=lambda r: -len(r.phrase))
    roles = [(r.lang, r.phrase, r.head) for r in role_rows]
    institutions = {fold(r[0]): r[1] for r in _rows("institutions.tsv") if len(r) > 1 and r[1]}
    return Lexicons(
        meeting_triggers=triggers,
        call_cues=frozenset(fold(w) for w in words("call_cues.txt")),
        planned_cues=words("planned_cues.txt"),
        not_meeting=frozenset(fold(w) for w in words("not_meeting_objects.txt")),
        reporting=reporting,
        reporting_lemmas=frozenset(lem for (_, lem) in reporting),
        reporting_verbs=reporting_verbs,
        topic_verbs=words("topic_verbs.txt"),
        joint_subjects=words("joint_subjects.txt"),
        roles=tuple(roles),
        role_rows=tuple(role_rows),
        word_classes=_word_classes(),
        phrase_patterns=_phrase_patterns(),
        numbers={r[0]: int(r[1]) for r in _rows("number_words.tsv")},
        regions={fold(r[0]): tuple(r[1].split()) for r in _rows("regions.tsv")},
        irregular={r[0]: r[1] for r in _rows("irregular_verbs.tsv")},
        institutions=institutions,
        speaker_nouns=frozenset(r[1] for r in _rows("speaker_nouns.tsv")),
        places_with_article={fold(r[0].split(" ", 1)[1]): r[0] for r in _rows("places_with_article.txt")},
        organisations={fold(name): fold(r[0].split("|")[0]) for r in _rows("organisations.tsv") for name in r[0].split("|")},
    )
