"""Attributions by source: "selon X", "according to X".

Constructions handled:
- the source opening the sentence: "Selon le porte-parole, la visite ...": the content is what
  follows the source's comma;
- the source after the content: "La visite aura lieu en mai, selon le Kremlin", "..., according
  to the statement";
- an opinion attributed by "pour": "Pour le Général Tchiani, l'intervention ... ne serait qu'une
  promenade de santé" (only with a person, or "lui"/"elle", before the comma);
- not a speaker: figures and statistics ("selon les données de Rosstat", "according to official
  data").
Such source attributions are optional in the gold (../shared/eval/README.md), so a short content
without a verb is kept too.
"""

from __future__ import annotations

from .grammar import words
from .model import QuoteContext
from ..words import positions
from .reported import add_reported, sentence_stops


def source_token(ctx: QuoteContext, t) -> int | None:
    """Index of the head word of the source after "selon" / "according to", past its determiners."""
    doc = ctx.doc
    if t.lower_ == "according" and t.i + 1 < len(doc):
        objs = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
        if objs:
            return objs[0].i  # "according to the Saudi Press Agency": its head, "Agency"
    x = t.i + 1 if t.lower_ in ("selon", "pour", "après") else t.i + 2
    while x < len(doc) and (doc[x].pos_ == "DET" or doc[x].lower_ in ("même", "mêmes", "same")):
        x += 1  # "selon cette même source", "according to the same source": the noun
    return x if x < len(doc) else None


def _opinion_holder(ctx: QuoteContext, t, sent) -> bool:
    """ "Pour le Général Tchiani, ...", "Pour lui, ...": "pour" opening the sentence (or after its
    first comma) with a person, then a comma."""
    doc = ctx.doc
    if not (t.i == sent.start or doc[t.i - 1].text == "," and t.i - sent.start <= 4):
        return False
    for k in range(t.i + 1, min(sent.end, t.i + 7)):
        if doc[k].text == ",":
            return any(ctx.resolver.by_token.get(j) is not None and ctx.resolver.by_token[j].kind == "person"
                       for j in range(t.i + 1, k)) or doc[t.i + 1].lower_ in ("lui", "elle", "eux")
    return False


def _interrupts(doc, t, head, sent) -> bool:
    """ "selon lui" between commas inside its clause, whose verb comes after it ("Un accord doit, selon
    lui, être signé en mai")."""
    if doc[t.i - 1].text != ",":
        return False
    j = head.i
    while j < sent.end and doc[j].text != ",":
        j += 1
    if not j + 1 < sent.end - 1:
        return False
    before = doc[t.i - 2] if t.i - 2 >= sent.start else None
    # the clause stops on an auxiliary or a modal ("doit, selon lui, être"), or its verb is still to come
    return before is not None and (before.pos_ == "AUX" or before.lemma_ in ("devoir", "pouvoir", "falloir")) \
        or sent.root.i > j and sent.root.pos_ in ("VERB", "AUX")


# the words that introduce a source ("selon X", "according to X", "pour X")
_SOURCE_WORDS = frozenset({"selon", "according", "pour", "après"})


def is_source_word(t) -> bool:
    """ "selon", "according (to)", and "d'après" (its "après")."""
    return t.lower_ in ("selon", "according") or t.lower_ == "après" and t.i > 0 \
        and t.doc[t.i - 1].lower_.replace("’", "'") == "d'"


def according_in_sentence(ctx: QuoteContext, si: int) -> None:
    """The "selon X" / "according to X" quotes of sentence si."""
    doc, sent = ctx.doc, ctx.sents[si]
    stops = sentence_stops(ctx, si)
    for i in positions(doc, "according_or_pour", _SOURCE_WORDS):
        if not sent.start <= i < sent.end:
            continue
        t = doc[i]
        if ctx.tok_in_direct(t) or t.lower_ == "après" and not is_source_word(t):
            continue
        if t.lower_ == "pour" and not _opinion_holder(ctx, t, sent):
            continue
        if any(q.kind == "reported" and q.sent_start == sent.start_char and q.start > t.idx for q in ctx.results):
            continue  # "X a affirmé, selon la présidence, que ...": the source of X's words, not a speaker
        x = source_token(ctx, t)
        if x is None or x >= sent.end:
            continue
        head = doc[x]
        source_words = []
        for st in doc[head.i:min(sent.end, head.i + 4)]:
            if st.is_punct:
                break
            source_words.append(st.lower_)
        if words("not_speaker").intersection(source_words):
            continue  # "according to official data": statistics, no speaker
        opening = t.i - (t.lower_ == "après")  # "D'après X, ...": the source opens at "D'"
        if t.lower_ == "pour" or opening == sent.start or (opening > sent.start and doc[opening - 1].text != ","
                                                            and opening - sent.start <= 1):
            j = head.i
            while j < sent.end and doc[j].text != ",":
                j += 1
            span = (j + 1, sent.end)
        else:
            prev = [s for s in stops if s < opening - 1]
            span = (max(prev) + 1 if prev else sent.start, opening)
            if _interrupts(doc, t, head, sent):
                span = (span[0], sent.end)  # "Un accord doit, selon lui, être signé": the whole clause
            if any(i in ctx.verbs for i in range(*span)) and any(ctx.tok_in_direct(k) for k in sent):
                continue  # "« ... », a assuré X à son homologue, selon l'agence": the source of X's words
        add_reported(ctx, span, head, sent, optional_source=True)
