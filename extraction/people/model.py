"""The people model's plain data: mentions in the text and the persons they are clustered into.

A ``Mention`` is a stretch of the text that designates someone: a name ("Xi Jinping", "M. Xi",
"TOKAÏEV"), or a role phrase without a name ("le chef de l'Etat chinois", "son homologue
turkmène", "the Russian FM", "les représentants du Niger"). A ``Person`` is the cluster its
mentions are resolved to: a named person (key = the article's fullest spelling of the name) or
an unnamed role holder ("le porte-parole du Kremlin", key "~porte-parole du Kremlin"), with a
role, a role class, a country, an organisation and a gender when the article states them.
Pronouns are resolved on demand (``extraction.people.anaphora``).

Both are attached to the Doc by the ``diplowatch_people`` component:
``doc._.mentions`` (list of Mention, in text order) and ``doc._.persons`` (key -> Person).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc


@dataclass
class Mention:
    start: int  # token offsets into the Doc
    end: int
    text: str  # as written
    kind: str  # "person" (a name) | "party" (a role phrase without a name)
    key: str | None = None  # the Person this mention refers to, when resolved
    role: str | None = None
    head: str | None = None  # the role's head word ("ministre")
    country: str | None = None
    cls: str | None = None  # the role's class ("state", "foreign", "spokesperson"...; data/roles.tsv)
    org: str | None = None  # the organisation in the role ("commission europeenne"), folded
    gender: str | None = None  # "f" / "m" when marked
    plural: bool = False  # "les ministres ...", "representatives of ..."
    quoted: bool = False  # inside a direct quotation: someone's words, never an antecedent outside it
    counterpart: bool = False  # "son homologue allemand": someone else than the people of its sentence
    sole: bool = False  # "The Prime Minister" of a readout: an office no one named holds, of the article's own country


@dataclass
class Person:
    key: str  # the full name, or "~role" for an unnamed role holder
    name: str | None  # None for an unnamed role holder
    first: int  # token index of the first mention
    aliases: set[str] = field(default_factory=set)
    role: str | None = None
    head: str | None = None
    country: str | None = None
    cls: str | None = None
    org: str | None = None
    gender: str | None = None

    @property
    def label(self) -> str:
        """What the person is called in output: the name, else the role as written."""
        return self.name or self.role or self.key.lstrip("~")


def sent_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """(start, end) token offsets of the sentence holding token i; O(1) after a first pass
    (Token.sent walks the Doc each time, which is quadratic on long texts)."""
    table = doc.user_data.get("diplowatch_sent_bounds")
    if table is None or len(table) != len(doc):
        table = [(0, 0)] * len(doc)
        for sent in doc.sents:
            for j in range(sent.start, sent.end):
                table[j] = (sent.start, sent.end)
        doc.user_data["diplowatch_sent_bounds"] = table
    return table[i]


def _setup_extensions() -> None:
    for name in ("mentions", "persons"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


_setup_extensions()
