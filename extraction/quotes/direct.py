"""Direct quotations and their speakers.

Constructions handled (``attribute_direct``):
- a reporting verb in the quotation's sentence(s), the nearest after the closing mark first:
  "« ... », a déclaré X", "“...,” Diko said", "X a déclaré : « ... »"; "X quoted Y as saying";
- the speaker of a reported quote of the same sentence ("a estimé que la visite ouvrait « une
  nouvelle page »");
- "selon X, « ... »";
- a quotation continued in a new paragraph, or after a short attribution sentence of the same
  paragraph ("“...,” she told reporters. “...”"): the previous speaker;
- an opening mark never closed in its paragraph, the next paragraph reopening the quotation:
  one quotation over two paragraphs, attributed at its end (``_pending``).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Token

from .. import geo
from ..lexicons import load
from ..words import fold, has, lemma, span_text
from .according import is_source_word, source_token
from .grammar import inverted_subject, joint_subject, subject
from .model import QuoteCandidate, QuoteContext
from .speakers import NOBODY, Speaker


def _continues(text: str, prev_end: int, s: int) -> bool:
    """The quotation at s follows the previous one in the same paragraph after a short attribution
    sentence ("“...,” she told reporters. “...”")."""
    between = text[prev_end:s]
    return "\n" not in between and len(between) <= 60 and bool(re.search(r"[.!?]\s*[«“\"]?\s*$", between))


def _from_verbs(ctx: QuoteContext, s: int, e: int, sent_idx: list[int]) -> Speaker:
    """The subject of the nearest reporting verb of the quotation's sentences (after it first)."""
    doc = ctx.doc
    cands = []
    for si in sent_idx:
        for v in ctx.verbs_by_sent[si]:
            cands.append((v.idx - e if v.idx >= e else s - v.idx + 1000, v))
        for t in ctx.sents[si]:
            if lemma(t) in ("quote", "citer") and not ctx.tok_in_direct(t):
                cands.append((-1, t))
    for _, v in sorted(cands, key=lambda c: c[0]):
        if lemma(v) in ("quote", "citer"):
            obj = [c for c in v.children if c.dep_ in ("dobj", "obj")]
            if obj:
                return ctx.resolver.from_token(obj[0])
        subj = subject(v) if has(doc, "DEP") else None
        if subj is not None and ctx.tok_in_direct(subj):
            subj = None
        if subj is None or (subj.i > v.i or ctx.lang == "fr") and v.idx > e:
            subj = inverted_subject(doc, v) or subj
        if subj is not None and not ctx.tok_in_direct(subj) and joint_subject(ctx, subj):
            # "Il a ajouté que les deux parties avaient affirmé « ... »": the sides say nothing
            # themselves; the words are those of whoever reports them
            outer = _reporter(ctx, v)
            if outer[0]:
                return outer
            continue  # else the quotation goes on with the speaker before it, if any
        if subj is not None and not ctx.tok_in_direct(subj):
            speaker = ctx.resolver.from_token(subj)
            if speaker[0]:
                return speaker
            inv = inverted_subject(doc, v) if ctx.lang == "fr" and v.i > 0 and doc[v.i - 1].pos_ == "AUX" else None
            if inv is not None and inv.i != subj.i and not ctx.tok_in_direct(inv) and _after_comma(doc, v):
                # "Cette visite, a estimé le ministre X, « ouvre ... »": an inserted attribution, whose
                # subject is written after the verb (the parser took the topic for the subject)
                speaker = ctx.resolver.from_token(inv)
                if speaker[0]:
                    return speaker
    return NOBODY


def _reporter(ctx: QuoteContext, v: Token) -> Speaker:
    """The speaker of the reporting verb that governs v ("Il a ajouté que [les parties ont affirmé]")."""
    node = v
    for _ in range(4):
        if node.head.i == node.i:
            break
        node = node.head
        if node.i in ctx.verbs:
            subj = subject(node) if has(ctx.doc, "DEP") else None
            if subj is not None and not ctx.tok_in_direct(subj) and not joint_subject(ctx, subj):
                return ctx.resolver.from_token(subj)
    return NOBODY


def _after_comma(doc, v) -> bool:
    j = v.i - 1
    while j > 0 and doc[j].pos_ == "AUX":
        j -= 1
    return doc[j].text == ","


def _from_sentence(ctx: QuoteContext, s: int, e: int, sent_idx: list[int], reported_by_sent: dict) -> Speaker:
    speaker = _from_verbs(ctx, s, e, sent_idx)
    if speaker[0]:
        return speaker
    for si in sent_idx:
        for q in reported_by_sent.get(ctx.sents[si].start_char, []):
            if q.sent_start <= s < q.sent_end and q.speaker:
                return q.speaker, q.speaker_country, q.speaker_role
    for t in ctx.sents[sent_idx[0]]:
        if is_source_word(t) and not ctx.tok_in_direct(t):
            x = source_token(ctx, t)
            return ctx.resolver.from_token(ctx.doc[x]) if x is not None else NOBODY
    return _announced(ctx, s, sent_idx[0])


def _fragment_holder(ctx: QuoteContext, s: int, e: int, si: int) -> Speaker:
    """A quoted fragment inside a sentence that has no verb of saying ("X a soumis au Chef de
    l'Etat « les principaux éléments de son programme »", "a mis en garde contre un « glissement
    ... »"): the words are those of the sentence's subject, when it is a person or an institution."""
    doc, sent = ctx.doc, ctx.sents[si]
    if sent.start_char >= s - 1 or not has(doc, "DEP"):
        return NOBODY  # a quotation opening its sentence is no fragment
    root = sent.root
    subj = subject(root)
    if subj is None or ctx.tok_in_direct(subj) or subj.idx > s:
        return NOBODY
    return ctx.resolver.from_token(subj)


def _previous_sentence_speaker(ctx: QuoteContext, s: int, e: int, si: int) -> Speaker:
    """ "X noted that ... ¶ "We were prepared for defeat."": a quotation standing alone right after a
    sentence with a quote goes on with that quote's speaker (same paragraph)."""
    if si == 0:
        return NOBODY
    prev = ctx.sents[si - 1]
    if "\n" in ctx.text[prev.end_char:s]:
        return NOBODY
    if len(ctx.text[s:e].split()) == 1 and ctx.text[ctx.sents[si].start_char:s].strip(" \t\n«“\""):
        return NOBODY  # "... move to “nationalize” part of the islands": a word in marks inside a sentence of its own
    for q in reversed(ctx.results):
        if q.sent_start == prev.start_char and q.speaker:
            return q.speaker, q.speaker_country, q.speaker_role
    return NOBODY


def _announced(ctx: QuoteContext, s: int, si: int) -> Speaker:
    """ "X a fait la déclaration suivante : ¶ « ... »": the quotation follows a sentence ending in a
    colon; its speaker is that sentence's subject."""
    doc = ctx.doc
    before = ctx.text[:s].rstrip(" \t\n\u00a0«“\"")
    if not before.endswith(":"):
        return NOBODY
    colon_sent = si if ctx.sents[si].start_char < len(before) else si - 1
    if colon_sent < 0:
        return NOBODY
    sent = ctx.sents[colon_sent]
    root = sent.root
    subj = subject(root) if has(doc, "DEP") else None
    return ctx.resolver.from_token(subj) if subj is not None and not ctx.tok_in_direct(subj) else NOBODY


_LABEL = re.compile(r"[ \t\u00a0]*([^\s(:«“\"'][^(:«“\"\n]{1,60}?)\s*(?:\([^()\n]{0,80}\))?\s*:\s*[«“\"']*\s*$")


_QUOTE_FROM = re.compile(r"\s*(?:quote|quotes|citation|quoting)\s+(?:from\s+|de\s+|d['’]\s*)?", re.I)


def _labelled(ctx: QuoteContext, s: int) -> Speaker:
    """ "Kasper Holm (sélectionneur du Danemark) : « ... »": a line opening with a person's name, a
    bracketed role and a colon labels the quotation after it."""
    line_start = ctx.text.rfind("\n", 0, s) + 1
    found = _LABEL.match(ctx.text, line_start, s)
    if not found:
        return NOBODY
    doc = ctx.doc
    lead = _QUOTE_FROM.match(found.group(1))  # "Quote from X:", "Citation de X :": the label names X
    begin = line_start + found.start(1) + (lead.end() if lead else 0)
    tok = next((t for t in doc if t.idx >= begin and not t.is_space), None)
    if tok is None or tok.idx >= line_start + found.end(1):
        return NOBODY
    speaker = ctx.resolver.from_token(tok)
    if speaker[0]:
        return speaker
    label = found.group(1)[lead.end() if lead else 0:].strip()
    words = label.split()
    if lead and len(words) == 1:
        # "Quote from Petrenko:": the person of the article whose name ends so
        named = [p for p in ctx.resolver.persons.values() if p.name and fold(p.name.split()[-1]) == fold(words[0])]
        if len(named) == 1:
            return named[0].label, named[0].country, named[0].role
    # a name the NER missed: two to four capitalised words, none a place or an institution's word
    if 2 <= len(words) <= 4 and words[0].lower() not in load().words("definite") | load().words("indefinite") and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words) \
            and not geo.any_country(label) and not geo.institution_in(label):
        return label, None, None
    return NOBODY


def _new_paragraph(text: str, s: int) -> bool:
    return s <= 1 or text[s - 2:s - 1] in ("\n", "") or text[s - 1:s] == "\n" or text.rfind("\n", 0, s) >= s - 3


def _attribution_follows(ctx: QuoteContext, e: int, last_si: int) -> bool:
    """ "« ... très grave. » a assuré Mme X": the quotation's own full stop made the parser end the
    sentence at the closing mark; the attribution right after it, opening in lower case, is the
    quotation's all the same."""
    nxt = last_si + 1
    if nxt >= len(ctx.sents):
        return False
    sent = ctx.sents[nxt]
    text = span_text(ctx.doc, sent.start, sent.end)  # not Span.text: a Token per word
    words = text.lstrip(" \u00a0\u202f»”\"")
    begins = sent.start_char + len(text) - len(words)
    gap = ctx.text[e:begins] if sent.start_char >= e else "\n"
    return len(gap) <= 4 and "\n" not in gap and words[:1].islower() \
        and any(v.idx < begins + 25 for v in ctx.verbs_by_sent[nxt])


# after a comma (or ! ?) and the closing mark, on the same line: a capitalised name of one to three words,
# then the word that says it (after a full stop, the name opens a new sentence)
_NAME_THEN_VERB = re.compile(r"[,!?][\"”»'’][ \t\u00a0]*([A-ZÀ-Ý][\w\-]+(?:\s+[A-ZÀ-Ý][\w\-]+){0,2})\s+([a-z]+)\b")


def _named_after(ctx: QuoteContext, e: int) -> Speaker:
    """'“...,” Albanese replies with a laugh': the name right after the closing mark, when the word after it
    is a verb of saying, however the parser read the two (an adjective and a noun, for the model)."""
    m = _NAME_THEN_VERB.match(ctx.text, e)
    if m is None:
        return NOBODY
    verb = ctx.doc.char_span(m.start(2), m.end(2))
    name = ctx.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    if verb is None or name is None or lemma(verb[0]) not in load().reporting_lemmas:
        return NOBODY
    return ctx.resolver.from_token(name[-1])


def attribute_direct(ctx: QuoteContext) -> None:
    """Give each direct quotation its speaker (see the module's docstring)."""
    text = ctx.text
    reported_by_sent: dict[int, list[QuoteCandidate]] = {}
    for q in ctx.results:
        reported_by_sent.setdefault(q.sent_start, []).append(q)
    sent_starts = [st.start_char for st in ctx.sents]
    last_speaker: Speaker | None = None
    last_direct: int | None = None
    pending: list = []
    for s, e in ctx.direct:
        first_si = max(0, bisect_right(sent_starts, s) - 1)
        last_si = max(first_si, bisect_right(sent_starts, max(s, e - 1)) - 1)
        if _attribution_follows(ctx, e, last_si):
            last_si += 1
        sent_idx = list(range(first_si, last_si + 1)) if ctx.sents else []
        speaker = _from_sentence(ctx, s, e, sent_idx, reported_by_sent) if sent_idx else NOBODY
        if not speaker[0]:
            speaker = _named_after(ctx, e)
        if not speaker[0]:
            speaker = _labelled(ctx, s)
        if not speaker[0] and sent_idx:
            speaker = _previous_sentence_speaker(ctx, s, e, sent_idx[0])
        if not speaker[0] and sent_idx:
            speaker = _fragment_holder(ctx, s, e, sent_idx[0])
        if not speaker[0] and last_speaker and _new_paragraph(text, s):
            speaker = last_speaker  # a quotation continued in a new paragraph
        if not speaker[0] and last_direct is not None and _continues(text, last_direct, s):
            speaker = last_speaker  # “...,” she told reporters. “...”: the next quotation of the same paragraph
        sent = ctx.sents[sent_idx[0]] if sent_idx else None
        if not speaker or not speaker[0]:
            pending.append((s, e, sent))
            continue
        last_speaker, last_direct = speaker, e
        ctx.resolver.said(speaker, sent.end_char if sent else e)
        ctx.results.append(QuoteCandidate(s, e, "direct", speaker[0], speaker[1], speaker[2],
                                          sent.start_char if sent else s, sent.end_char if sent else e))
    _pending(ctx, pending)


def _pending(ctx: QuoteContext, pending: list) -> None:
    """An opening mark never closed in its paragraph, the next paragraph reopening the quotation:
    one quotation over two paragraphs, attributed at its end."""
    text = ctx.text
    directs = sorted((q for q in ctx.results if q.kind == "direct"), key=lambda q: q.start)
    for s, e, sent in pending:
        para_end = text.find("\n", s)
        para_end = len(text) if para_end < 0 else para_end
        if any(c in text[e:para_end] for c in "»”\""):
            continue
        nxt = next((q for q in directs if q.start > e), None)
        if nxt is not None and para_end < nxt.start and not text[para_end:nxt.start].strip(" \n\t\u00a0«“\""):
            ctx.results.append(QuoteCandidate(s, e, "direct", nxt.speaker, nxt.speaker_country, nxt.speaker_role,
                                              sent.start_char if sent else s, sent.end_char if sent else e))
