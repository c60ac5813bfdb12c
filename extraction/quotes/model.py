"""The quotes' plain data: candidates on the Doc, and the context the passes share."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..lexicons import Lexicons, ReportingVerb
from ..words import doc_text
from .speakers import SpeakerResolver


@dataclass
class QuoteCandidate:
    start: int  # char offsets of the quoted text in doc_text(doc)
    end: int
    kind: str
    speaker: str | None
    speaker_country: str | None
    speaker_role: str | None
    sent_start: int
    sent_end: int


@dataclass
class QuoteContext:
    """What every pass of one Doc reads: the text, the direct quotations, the reporting verbs of
    each sentence, the speaker resolver; ``results`` is what the passes found so far."""

    doc: Doc
    lang: str
    lex: Lexicons
    direct: list[tuple[int, int]]
    in_direct: list[bool]
    reporting: dict[str, bool]  # lemma -> a noun-phrase object is a statement too
    resolver: SpeakerResolver
    sents: list = field(default_factory=list)
    verbs_by_sent: dict[int, list[Token]] = field(default_factory=dict)
    verbs: dict[int, "ReportingVerb"] = field(default_factory=dict)  # token index -> the reporting verb it is
    results: list[QuoteCandidate] = field(default_factory=list)
    noun_content: set[tuple[int, int]] = field(default_factory=set)  # spans whose statement is a noun phrase
    stops: dict[int, set[int]] = field(default_factory=dict)  # sentence -> its attribution boundaries, once found

    @property
    def text(self) -> str:
        return doc_text(self.doc)

    def tok_in_direct(self, t: Token) -> bool:
        return self.in_direct[t.idx] if t.idx < len(self.in_direct) else False


def _setup_extensions() -> None:
    if not Doc.has_extension("quote_candidates"):
        Doc.set_extension("quote_candidates", default=None)


_setup_extensions()
