"""The spaCy component that finds the quotes of each Doc: reported speech and source
attributions sentence by sentence, then direct quotations (whose speakers may come from the
reported quotes of their sentence)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import marks
from ..lexicons import load
from ..words import doc_text, verb_lemma
from .according import according_in_sentence
from .direct import attribute_direct
from .grammar import mistagged_participle
from .model import QuoteCandidate, QuoteContext
from .reported import reported_in_sentence
from .speakers import SpeakerResolver


def _context(doc: Doc, lang: str) -> QuoteContext:
    lex = load()
    text = doc_text(doc)
    direct = marks.direct_spans(text, lang)
    reporting = {lem: np_ok for (lg, lem), np_ok in lex.reporting.items() if lg == lang}
    ctx = QuoteContext(doc, lang, lex, direct, marks.covered(text, direct), reporting, SpeakerResolver(doc, lang))
    ctx.sents = list(doc.sents)
    for si, sent in enumerate(ctx.sents):
        ctx.verbs_by_sent[si] = [t for t in sent if verb_lemma(t, reporting) in reporting and not ctx.tok_in_direct(t)
                                 and (t.pos_ in ("VERB", "") or mistagged_participle(t))]
    return ctx


def find_quotes(doc: Doc, lang: str) -> list[QuoteCandidate]:
    """Every quote of the Doc, in text order."""
    ctx = _context(doc, lang)
    for si in range(len(ctx.sents)):
        reported_in_sentence(ctx, si)
        according_in_sentence(ctx, si)
    attribute_direct(ctx)
    return sorted(ctx.results, key=lambda q: q.start)


@Language.component("diplowatch_quotes", requires=["doc._.mentions", "doc._.persons", "token.dep", "token.lemma"],
                    assigns=["doc._.quote_candidates"])
def quotes_component(doc: Doc) -> Doc:
    lang = doc.lang_ if doc.lang_ in ("fr", "en") else "fr"
    doc._.quote_candidates = find_quotes(doc, lang)
    return doc
