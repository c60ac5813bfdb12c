"""The spaCy component that finds the quotes of each Doc: reported speech and source
attributions sentence by sentence, then direct quotations (whose speakers may come from the
reported quotes of their sentence)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from .. import marks
from ..contained import contained
from ..lexicons import load
from ..lexicons import ReportingVerb
from ..words import fold, lemmas, lowers, verb_forms, verb_lemma
from .according import according_in_sentence
from .direct import attribute_direct
from .grammar import mistagged_participle, present_participle
from .model import QuoteCandidate, QuoteContext
from .reported import reported_in_sentence
from .speakers import SpeakerResolver


def _multiword(lang: str) -> dict[str, list[tuple[list[str], ReportingVerb]]]:
    """First word of a multiword reporting verb -> [(its other folded words, entry)], longest first."""
    index: dict[str, list] = {}
    for (lg, lemma_), verb in load().reporting_verbs.items():
        words = fold(lemma_).split()
        if lg == lang and len(words) > 1:
            index.setdefault(words[0], []).append((words[1:], verb))
    for options in index.values():
        options.sort(key=lambda o: -len(o[0]))
    return index


_MULTIWORD: dict[str, dict] = {}


def reporting_verb(t: Token, lang: str, single: dict[str, ReportingVerb]) -> ReportingVerb | None:
    """The reporting verb a token is: a multiword one ("a mis en garde", "a laissé entendre",
    "pointed out") first, else a single lemma; a reflexive form other than "se dire" reports
    nothing ("cette tendance s'observait")."""
    lem = verb_lemma(t, single)
    index = _MULTIWORD.get(lang)
    if index is None:
        index = _MULTIWORD[lang] = _multiword(lang)
    doc = t.doc
    for rest, verb in index.get(fold(lem), ()):
        got = fold(" ".join(x.text for x in doc[t.i + 1:t.i + 1 + len(rest) + 1])).split()[:len(rest)]
        if got == rest:
            return verb
    verb = single.get(lem)
    if verb is not None and lang == "fr" and lem not in ("dire", "déclarer", "affirmer") and _reflexive(t):
        return None
    return verb


_VERB_FORMS: dict[str, frozenset[str]] = {}


def _may_report(doc: Doc, lang: str, single: dict[str, ReportingVerb]) -> list[bool]:
    """Per token, whether ``reporting_verb`` can find a verb in it: its lemma is a single
    reporting verb or folds to the first word of a multiword one, or its form is one
    ``verb_lemma`` maps onto a single one. The others (most tokens) are no reporting verb."""
    forms = _VERB_FORMS.get(lang)
    if forms is None:
        forms = _VERB_FORMS[lang] = verb_forms(single)
    index = _MULTIWORD.get(lang)
    if index is None:
        index = _MULTIWORD[lang] = _multiword(lang)
    return [lem in single or fold(lem) in index or low in forms for lem, low in zip(lemmas(doc), lowers(doc))]


def _reflexive(t: Token) -> bool:
    doc = t.doc
    k = t.i - 1
    while k >= 0 and doc[k].pos_ == "AUX":
        k -= 1
    return k >= 0 and doc[k].lower_.replace("’", "'") in ("se", "s'", "s")


def _opens_clause(doc: Doc, t: Token) -> bool:
    """A verb that reports only with its clause ("a soutenu que", "maintained that", "a révélé :"),
    or as an inserted attribution after a comma ("..., a-t-il soutenu")."""
    after = doc[t.i + 1:t.i + 4]
    if any(x.lower_ in ("que", "qu'", "qu", "that", ":") for x in after):
        return True
    j = t.i - 1
    while j >= 0 and doc[j].pos_ in ("AUX", "PRON"):
        j -= 1
    return j >= 0 and doc[j].text == ","


def _context(doc: Doc, lang: str) -> QuoteContext:
    lex = load()
    direct, inside = marks.in_doc(doc, lang)
    single = {lem: verb for (lg, lem), verb in lex.reporting_verbs.items() if lg == lang and " " not in lem}
    reporting = {lem: verb.np > 0 for lem, verb in single.items()}
    ctx = QuoteContext(doc, lang, lex, direct, inside, reporting, SpeakerResolver(doc, lang))
    ctx.sents = list(doc.sents)
    may_report = _may_report(doc, lang, single)
    for si, sent in enumerate(ctx.sents):
        verbs = []
        for i in range(sent.start, sent.end):
            if not may_report[i]:
                continue  # reporting_verb would find nothing: spares the Token and its tests
            t = doc[i]
            if not (t.pos_ in ("VERB", "") or mistagged_participle(t) or present_participle(t)) or ctx.tok_in_direct(t):
                continue
            verb = reporting_verb(t, lang, single)
            if verb is not None and verb.lemma in lex.words("needs_clause") and not _opens_clause(doc, t):
                continue  # "continuera à soutenir le Kazakhstan": support, not speech
            if verb is not None:
                ctx.verbs[t.i] = verb
                verbs.append(t)
        ctx.verbs_by_sent[si] = verbs
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
@contained("quotes", lambda doc: setattr(doc._, "quote_candidates", []))
def quotes_component(doc: Doc) -> Doc:
    lang = doc.lang_ if doc.lang_ in ("fr", "en") else "fr"
    doc._.quote_candidates = find_quotes(doc, lang)
    return doc
