"""Reported speech: a verb of saying (data/reporting_verbs.tsv) and the content it reports.

Constructions handled (``reported_in_sentence``):
- a content clause: "a déclaré que ...", "said that ...", "a assuré aux journalistes que ...",
  "told reporters after the meeting that ...", "said Russia would ..." (English, no "that");
- an inverted attribution after the content: "..., a-t-il ajouté", "..., a indiqué le
  porte-parole", "..., she said", "..., the statement said", also inserted in the sentence:
  "La Chine, a-t-il affirmé, continuera ..." / "Dans le cadre de ..., a poursuivi le ministre, la
  Chine est disposée ...";
- a statement-like object: "a affirmé la volonté de ...", "a réitéré l'engagement ...";
- a present participle continuing the sentence's speaker: "..., ajoutant que ...", "soulignant que";
- not reported: a verb followed by a direct quotation ("X said, “...”"), joint subjects ("les deux
  parties ont souligné"), content mostly in quotation marks (the direct quotes carry it),
  fragments without a verb.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .. import geo
from ..marks import OPEN_CLOSE, trim
from ..words import doc_text, fold, has, lemma, positions
from .grammar import (after_time, joint_subject, present_participle, content_after, has_finite_verb, has_verb, inverted_subject, marked_clause, not_a_saying,
                      skip_incidental, subject, words)
from ..meetings.triggers import calls_on, phoned_person
from .model import QuoteCandidate, QuoteContext
from .speakers import Speaker



DATELINE_LEAD = re.compile(r"[A-ZÀ-Ý][A-ZÀ-Ý'’ .\-]{2,}(?:,[^\n]{0,40}?)?(?:\([^)\n]{0,60}\))?\s*(?:--|[-–—])\s+"
                           r"|[A-ZÀ-Ý][A-ZÀ-Ý'’ .\-]{2,},[^\n/]{0,40}?\s*/[A-Za-z\-]{2,12}/\.?\s+")  # "MOSCOW, June 3. /TASS/."


def sentence_stops(ctx: QuoteContext, si: int) -> set[int]:
    """``attribution_boundaries`` of sentence si, found once: the reported and the "selon" passes
    both read them (and neither changes them)."""
    stops = ctx.stops.get(si)
    if stops is None:
        stops = ctx.stops[si] = attribution_boundaries(ctx, ctx.sents[si], ctx.verbs_by_sent[si])
    return stops


_ACCORDING = frozenset({"selon", "according"})


def attribution_boundaries(ctx: QuoteContext, sent, verbs: list[Token]) -> set[int]:
    """Commas that open an attribution ("..., a-t-il dit", "..., selon X") or the clause of
    another reporting verb ("Notant que ..., le chef de l'Etat a déclaré que"): content stops there."""
    doc = ctx.doc
    stops = set()
    coordinators = ("and", "et", "but", "mais")
    for v in verbs:
        j = v.i - 1
        coordinated = None  # "... et a ajouté que", "... but insisted that": the second verb's own content
        while j >= sent.start and (doc[j].pos_ in ("AUX", "ADV", "PRON") or doc[j].lower_ in coordinators) and doc[j].text != ",":
            if doc[j].lower_ in coordinators:
                coordinated = j
            j -= 1
        if j >= sent.start and doc[j].text == ",":
            stops.add(j)
        elif coordinated is not None and j >= sent.start and any(u.i < v.i for u in verbs):
            stops.add(coordinated)
        subj = subject(v) if has(doc, "DEP") else None
        if subj is not None and sent.start < subj.i < v.i and subj.left_edge.i - 1 > sent.start \
                and doc[subj.left_edge.i - 1].text == ",":
            stops.add(subj.left_edge.i - 1)
    for i in positions(doc, "according", _ACCORDING):
        if sent.start < i < sent.end and doc[i - 1].text == ",":
            stops.add(i - 1)
    for i in positions(doc, "quote_after_stop", frozenset({";", ":"})):
        if sent.start <= i < sent.end - 1 and doc[i + 1].is_quote:
            stops.add(i)  # "... qu'il avait eu un appel avec X; “Il était gentil.”": the quotation is its own
    return stops


def _clause_span(ctx: QuoteContext, v: Token, sent, stops: set[int]) -> tuple[int, int] | None:
    """The content clause after the verb: "que/that ...", a marked clause further on, or an English
    clausal complement without "that"."""
    doc = ctx.doc
    complementisers = words("complementiser")
    k = v.i + 1
    while k < sent.end and k <= v.i + 3 and doc[k].lower_ not in complementisers and doc[k].pos_ in ("ADV", "AUX", "PRON", "ADP"):
        k += 1
    if k < sent.end and (doc[k].lower_ in complementisers or doc[k].lower_.startswith("qu'")):
        span = content_after(k + 1 if doc[k].lower_ in complementisers else k, sent, stops)
        if doc[k].lower_.startswith("qu'") and doc[k].lower_ != "qu'":
            span = (k, span[1]) if span else None
        return span
    marked = marked_clause(v, sent)
    if marked is not None:
        return content_after(marked + 1, sent, stops)
    perfect = next((j for j in range(v.i + 1, k) if doc[j].pos_ == "AUX" and "Inf" in doc[j].morph.get("VerbForm")), None)
    if ctx.lang == "fr" and perfect is not None and k < sent.end and doc[k].pos_ == "VERB" \
            and (not has(doc, "DEP") or doc[k].head.i == v.i):
        return content_after(perfect, sent, stops)  # "a dit avoir saisi l'occasion ..."
    if ctx.lang == "fr" and k < sent.end and "Inf" in doc[k].morph.get("VerbForm") and doc[k].pos_ in ("VERB", "AUX") \
            and (not has(doc, "DEP") or doc[k].head.i == v.i or doc[k].head.head.i == v.i):
        return content_after(k, sent, stops)  # "a déclaré avoir transmis ...", "a affirmé quitter le pays ..."
    clause = next((c for c in v.children if c.dep_ == "ccomp" and c.i > v.i), None) \
        if ctx.lang == "en" and has(doc, "DEP") else None
    if clause is not None and k < sent.end and not doc[k].is_punct:
        # "said Russia would ...", "declared any dialogue ... shall be suspended"; "told reporters he
        # considered ...": the clause starts after whom it was told
        edge = clause.left_edge
        start = edge.i if v.i < edge.i < sent.end and edge.pos_ != "ADP" else k  # "said his country ..."
        return content_after(start, sent, stops)
    return None


def _bounded(span: tuple[int, int], stops: set[int]) -> tuple[int, int] | None:
    s, e = span
    e = min([e] + [x for x in stops if s < x < e])
    return (s, e) if e > s else None


def _prep_span(ctx: QuoteContext, v: Token, sent, stops: set[int]) -> tuple[int, int] | None:
    """The content of a prepositional complement: "a appelé (jeudi) à des efforts conjoints ...",
    "a plaidé en faveur d'une approche ...", "called for ...", "warned against ..."."""
    preps = ctx.verbs[v.i].preps
    if not preps or not has(ctx.doc, "DEP") or calls_on(v) or phoned_person(v):
        return None  # "called on Prime Minister X": a visit; "a appelé son homologue X au sujet de": a call
    doc = ctx.doc
    for c in v.children:
        if c.i <= v.i or c.dep_ in ("punct", "nsubj", "advmod") or not sent.start <= c.left_edge.i < sent.end:
            continue
        first = c.left_edge.i if ctx.lang == "fr" else c.i
        n = _prep_at(doc, first, preps)
        if n:
            end = c.right_edge.i + 1
            # "called on Russia and China to stop the war": the parser hangs the demand on the verb
            end = next((x.right_edge.i + 1 for x in v.children if x.dep_ in ("xcomp", "advcl", "ccomp")
                        and x.left_edge.i == end and doc[end].lower_ == "to"), end)
            return _bounded((first + n, end), stops)
    # the parser hung the phrase elsewhere ("a appelé jeudi à des efforts ..."): right after the
    # verb and a time expression, up to the next boundary
    k = after_time(doc, v.i + 1, sent.end)
    while k < sent.end and doc[k].pos_ == "ADV":
        k += 1
    if k < sent.end and doc[k].text == ",":
        # an incise between commas: "a appelé, lors d'une conférence de presse, à la retenue"
        close = next((c for c in range(k + 1, min(sent.end, k + 12)) if doc[c].text == ","), None)
        if close is not None and not has_finite_verb(doc, k + 1, close):
            k = close + 1
    n = _prep_at(doc, k, preps) if k < sent.end else 0
    return _bounded((k + n, sent.end), stops) if n else None


def _prep_at(doc, i: int, preps: tuple[str, ...]) -> int:
    """The number of tokens of the preposition of ``preps`` written at token i, else 0."""
    for prep in preps:
        n = len(prep.replace("'", "' ").split())
        if fold(doc[i:i + n].text) == fold(prep):
            return n
    return 0


def _object_span(ctx: QuoteContext, v: Token, sent, stops: set[int]) -> tuple[int, int] | None:
    """A statement-like object ("a affirmé la volonté de ...", "stressed the importance of ..."),
    with its predicate for "a qualifié X d'historique", "called X a turning point"."""
    verb = ctx.verbs[v.i]
    if not verb.np or not has(ctx.doc, "DEP"):
        return None
    objs = [c for c in v.children if c.dep_ in ("obj", "dobj")]
    if not objs:
        return None
    o = objs[0]
    end = o.right_edge.i + 1
    if verb.np == 2:
        after = [c for c in v.children if c.i > o.i and c.dep_ not in ("punct", "cc", "conj", "parataxis")]
        if after:
            end = max(c.right_edge.i for c in after) + 1
        elif end - o.left_edge.i < 4:
            return None  # "a qualifié la visite" alone says nothing; a longer object holds its predicate
    elif _statement_noun(ctx.doc, (o.left_edge.i, end)):
        # "a souligné l'importance | d'une coordination accrue": the complement of the noun, which
        # the parser hung on the verb, is part of it
        for c in sorted((c for c in v.children if c.i > o.i), key=lambda c: c.left_edge.i):
            if c.left_edge.i != end or c.dep_ in ("punct", "cc", "conj", "parataxis", "nsubj"):
                break
            end = c.right_edge.i + 1
    return _bounded((o.left_edge.i, end), stops)


def _statement_noun(doc, span: tuple[int, int]) -> bool:
    """The object's head is a noun of necessity or importance (word class statement_noun)."""
    nouns = words("statement_noun")
    return any(doc[k].pos_ == "NOUN" and fold(doc[k].text) in nouns for k in range(span[0], min(span[1], span[0] + 3)))


def _inverted_span(ctx: QuoteContext, v: Token, sent, stops: set[int], j: int) -> tuple[int, int]:
    """The content of an inverted attribution whose comma is at j: before it, after it, or the
    whole sentence around an inserted attribution."""
    doc = ctx.doc
    prev_stops = [s for s in stops if s < j]
    start = max(prev_stops) + 1 if prev_stops else sent.start
    after_end = next((s for s in sorted(stops) if s > v.i), sent.end)
    nxt = v.i + 1
    while nxt < sent.end and doc[nxt].text != ",":
        nxt += 1
    if j - start < 4 and nxt < sent.end:
        return nxt + 1, after_end  # "La Chine, a-t-il affirmé, continuera ..."
    if nxt < sent.end and after_end - nxt > 4 and not has_finite_verb(doc, start, j) and has_finite_verb(doc, nxt + 1, after_end):
        # "Dans le cadre de ..., a poursuivi le ministre, la Chine est disposée ...": the attribution
        # is inserted in the sentence, which is the content
        return start, after_end
    return start, j


def _attribution_comma(ctx: QuoteContext, v: Token, sent, subj: Token | None) -> int:
    """The comma before an inverted attribution ("..., a-t-il ajouté", "..., Diko said"), or -1."""
    doc = ctx.doc
    j = v.i - 1
    while j >= sent.start and (doc[j].pos_ in ("AUX", "ADV", "PRON") or doc[j].lower_ in ("-t-il", "-t-elle")) and doc[j].text != ",":
        if ctx.lang == "fr" and doc[j].lower_ in words("subject_pronoun_fr"):
            return -1  # "Interrogé sur ..., il a jugé ...": the pronoun is the subject, nothing is inverted
        if doc[j].lower_ in words("relative") or doc[j].lower_ in ("que", "dont", "that"):
            return -1  # "the visit, which she described as timely": a relative clause
        j -= 1
    j = skip_incidental(doc, j, sent.start)
    if subj is not None and subj.i < j and has(doc, "DEP") and doc[j].head.i == subj.i:
        return -1  # the comma closing the subject's apposition: "The spokeswoman, Irina Sokolova, accused ..."
    if ctx.lang == "en" and subj is not None and subj.i < v.i and j >= sent.start:
        jj = subj.left_edge.i - 1
        if jj >= sent.start and doc[jj].text == "," and (v.i - jj <= 6 or subj.right_edge.i >= v.i - 2) \
                and has_finite_verb(doc, sent.start, jj):
            # English "..., she said" / "..., Diko said" / "..., Russia's Defense Minister X said"; not
            # "According to a statement ..., X urged ...": a source phrase states nothing
            j = jj
    return j if j > sent.start and doc[j].text == "," else -1


def _verb_content(ctx: QuoteContext, v: Token, sent, stops: set[int]) -> tuple[tuple[int, int] | None, Token | None]:
    """(content span, subject token) of one reporting verb."""
    doc = ctx.doc
    subj = subject(v) if has(doc, "DEP") else None
    inv = inverted_subject(doc, v)
    span = _clause_span(ctx, v, sent, stops)
    if span is None:
        j = _attribution_comma(ctx, v, sent, subj)
        if j >= 0 and present_participle(v) and any(c.dep_ in ("obj", "dobj") and c.i > v.i for c in v.children):
            j = -1  # "X welcomed the commitment, stressing Iraq's desire for ...": the participle's object
        if j >= 0 and (inv is not None or subj is not None):
            span = _inverted_span(ctx, v, sent, stops, j)
            if inv is not None and (subj is None or subj.i > v.i or ctx.lang == "fr"):
                subj = inv
        else:
            span = _prep_span(ctx, v, sent, stops)
            if span is not None:
                ctx.noun_content.add(span)  # "called for an immediate ceasefire": content without a verb
            else:
                span = _object_span(ctx, v, sent, stops)
                if span is not None and (ctx.verbs[v.i].np == 2 or _statement_noun(ctx.doc, span)):
                    # "a qualifié la visite d'historique", "a souligné la nécessité d'un
                    # cessez-le-feu": a statement without a verb of its own
                    ctx.noun_content.add(span)
    return span, subj if subj is not None else inv


def reported_in_sentence(ctx: QuoteContext, si: int) -> None:
    """The reported quotes of sentence si (see the module's docstring)."""
    sent = ctx.sents[si]
    verbs = ctx.verbs_by_sent[si]
    stops = sentence_stops(ctx, si)
    for v in verbs:
        if not_a_saying(v):
            continue
        after = ctx.text[v.idx + len(v.text):v.idx + len(v.text) + 4].lstrip(" ,:\u00a0")
        if after[:1] in OPEN_CLOSE:
            continue  # "X said, “...”": the direct quote carries the words
        span, subj = _verb_content(ctx, v, sent, stops)
        if span is None:
            continue
        quoted = _quoted_as_saying(v)
        if quoted is not None:  # "It quoted X as saying that ...": X said it
            add_reported(ctx, span, quoted, sent)
            continue
        if present_participle(v) and v.i != sent.start:
            # "..., ajoutant que ...", "soulignant que ...": the speaker of the sentence's attribution
            earlier = [q for q in ctx.results[-8:] if q.sent_start == sent.start_char and q.kind == "reported"]
            if earlier:
                add_reported(ctx, span, None, sent, speaker=(earlier[-1].speaker, earlier[-1].speaker_country,
                                                            earlier[-1].speaker_role))
                continue
        if subj is None and ("Inf" in v.morph.get("VerbForm") or "Part" in v.morph.get("VerbForm")):
            previous = _previous_speaker(ctx, sent)
            if previous is not None:
                # "Le Bureau a expliqué que ... Avant d'ajouter qu'il espère ...": the same speaker goes on
                add_reported(ctx, span, None, sent, speaker=previous)
                continue
        if subj is None or joint_subject(ctx, subj):
            continue
        if _state_reported_by_later(ctx, v, subj, span, sent, verbs, stops):
            continue
        add_reported(ctx, span, subj, sent)


def _quoted_as_saying(v: Token) -> Token | None:
    """The person of "quoted X as saying (that) ...", "cited X as saying": the object of the verb of quoting."""
    prep = v.head
    if v.lower_ != "saying" or prep.lower_ != "as" or lemma(prep.head) not in ("quote", "cite"):
        return None
    return next((c for c in prep.head.children if c.dep_ in ("dobj", "obj")), None)


def _state_reported_by_later(ctx: QuoteContext, v: Token, subj: Token, span: tuple[int, int], sent, verbs: list[Token],
                             stops: set[int]) -> bool:
    """ "Le Japon a précisé que ..., a indiqué la porte-parole X": what a state made known, as a
    spokesperson reports it, is the spokesperson's statement (the whole sentence is its content)."""
    doc = ctx.doc
    if not geo.is_country_name(subj.text) or subj.i > v.i:
        return False
    for later in verbs:
        if later.i <= span[1] - 1 or not_a_saying(later):
            continue
        content, speaker = _verb_content(ctx, later, sent, stops)
        if content is not None and content[0] <= subj.i and content[1] >= span[1] and speaker is not None \
                and speaker.i >= span[1] and not geo.news_agency_in(doc[speaker.left_edge.i:speaker.right_edge.i + 1].text):
            return True
    return False


def _previous_speaker(ctx: QuoteContext, sent) -> Speaker | None:
    """The speaker of the last quote of the previous sentence, when it is in the same paragraph."""
    if not ctx.results or sent.start == 0:
        return None
    last = ctx.results[-1]
    between = ctx.text[last.sent_end:sent.start_char]
    if "\n" in between or last.sent_end > sent.start_char or sent.start_char - last.sent_end > 3:
        return None
    return last.speaker, last.speaker_country, last.speaker_role


def add_reported(ctx: QuoteContext, span: tuple[int, int], subj: Token | None, sent, optional_source: bool = False,
                 speaker: Speaker | None = None) -> None:
    """Record a reported quote over the token span, unless it is too short, mostly quoted, a
    fragment without a verb, already found, or has no speaker."""
    doc = ctx.doc
    s_tok, e_tok = span
    if e_tok <= s_tok:
        return
    text = doc_text(doc)
    start, end = doc[s_tok].idx, doc[e_tok - 1].idx + len(doc[e_tok - 1].text)
    start, end = trim(text, start, end)
    while start < end and text[start] in ",;: ":
        start += 1  # "précisant que, dans ce but, ..."
    dateline = DATELINE_LEAD.match(text, start, end)
    if dateline:
        start = dateline.end()  # "NEW DELHI, March 4 (Reuters) - Pakistan's foreign minister will ..."
    content = text[start:end]
    tokens = content.split()
    if len(tokens) < 3:
        return
    if not speaker and (fold(" ".join(tokens[:2])) == "according to" or fold(tokens[0]) == "selon"):
        return  # "According to X, ..., NAN reports": X's words (the agency only relays them)
    quoted = sum(1 for c in range(start, end) if ctx.in_direct[c])
    if quoted > 0.6 * (end - start):
        return  # the direct quote carries it
    if quoted > 0.1 * (end - start) and not (subj is not None and e_tok <= subj.i and not ctx.in_direct[start]):
        # a content clause ("a estimé que la visite ouvrait « une nouvelle page »"): its quoted fragments
        # are direct quotes of their own, the enclosing clause is at best optional. A whole sentence
        # before "…, a annoncé X" stays: it is the statement itself.
        return
    if fold(tokens[0]) in ("de", "d") and len(tokens) < 6:
        return
    if not speaker and not has_verb(doc, s_tok, e_tok) and not optional_source and len(tokens) < 12 \
            and span not in ctx.noun_content:
        return  # no proposition: "In his remarks after the meeting, X said, “...”"
    name, country, role = speaker or ctx.resolver.from_token(subj)
    if not name:
        return
    folded = fold(content)
    for q in ctx.results:
        if q.start == start and q.end == end:
            return
        if q.speaker == name and len(folded) > 40 and (folded in fold(text[q.start:q.end]) or fold(text[q.start:q.end]) in folded):
            return  # a standfirst repeated in the lead: the same words twice
        overlap = min(q.end, end) - max(q.start, start)
        if q.kind == "reported" and overlap > 0.8 * min(q.end - q.start, end - start) and abs(q.end - end) <= 2:
            return  # the same words reported twice ("X told Y that ..., according to the statement")
    ctx.results.append(QuoteCandidate(start, end, "reported", name, country, role, sent.start_char, sent.end_char))
    ctx.resolver.said((name, country, role), sent.end_char)
