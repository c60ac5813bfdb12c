"""The spaCy component that finds the meetings of each Doc: for every meeting word, its scope,
participants, kind, status, place and time expressions (resolved later, in extraction.assemble).

Constructions handled beyond the passes' own:
- "cette rencontre", "the meeting" with fewer than two parties of its own adds its place and time
  to the encounter told just before (``_add_info``);
- a time expression opening the sentence covers it ("Plus tôt dans la journée, X avait été reçu"),
  one in a relative clause about a participant dates nothing ("X, whose country joins the bloc in
  October"), and a visit's time dates the meeting it is for ("se rendra à X le mois prochain, où il
  doit rencontrer Y");
- a planned meeting in several distinct cities gives one entry per city; a held one the most
  specific place; with no place, the place of the visit it belongs to (a planned one, the visit
  told after it: "X rencontrera Y. Avant de s'envoler pour une visite à Z, ...");
- "as the two met in X", "Les deux se sont entretenus à X": the pair of the encounter just told.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from .. import geo
from ..contained import contained
from ..dates import find_cues
from ..lexicons import load
from ..people.model import Mention, sent_bounds
from ..people.roles import role_hit
from ..words import doc_text, fold, has, lemma, lowers, span_text, starts
from .model import MeetingCandidate, count_parties, dedupe_parties
from .later import later_event
from .participants import deliverers, group_listed, group_of_earlier_countries, participants
from .framing import framing_pair, framing_phrase, own_scope
from .hosts import one_per_host
from .places import VISIT_VERBS, best_place, places
from .scope import between, clause_root, scopes
from .status import planned
from .times import after_since, archive_caption, meeting_cues, of_the_attribution, previous_cues, since
from .triggers import CALLING_VERBS, call_kind, counted_discussion, joint_by_words, sentence_triggers, trigger_kind


@dataclass
class _State:
    doc: Doc
    lang: str
    mentions: list[Mention]
    results: list[MeetingCandidate]
    visit_place: str | None = None
    later_visit: str | None = None
    prior_visit: str | None = None  # the visit told before the sentence


def _new_group_event(doc: Doc, tok: Token, scope: set[int], st: _State) -> bool:
    """ "l'entretien consultatif des chefs d'État qui se tiendra en mars": a definite meeting noun with
    its own group of parties, planned while the last encounter told was held, is a new encounter."""
    if not st.results or st.results[-1].status != "held" or not planned(doc, tok, st.lang):
        return False
    return bool(group_of_earlier_countries(scope, st.mentions, st.results))


# "Il s'agissait de la première conversation entre A et B", "It marked the first meeting between A and
# B": verbs that only describe an encounter just told
_PREDICATE_VERBS = frozenset({"agir", "marquer", "constituer", "représenter", "mark", "constitute", "represent"})


def _other_event(tok: Token, parts: list[Mention], results: list[MeetingCandidate]) -> bool:
    """ "L'entretien prochain", "la dernière réunion", "the next meeting": another encounter than the
    one the article tells, never merged with it; but "It will be the first meeting between A and
    B", "Ce sera la première rencontre ...": a predicate describes an encounter just told with the
    same parties."""
    doc, other = tok.doc, load().words("other_event")
    keys = {m.key for m in parts}
    predicate = tok.dep_ == "attr" or any(c.dep_ == "cop" for c in tok.children) \
        or lemma(tok.head) in _PREDICATE_VERBS and tok.dep_ in ("obj", "dobj", "obl", "obl:arg", "attr")
    if predicate and any(keys == {m.key for m in r.participants} for r in results[-6:]):
        return False
    if _during_their_first(tok):
        return False
    return any(doc[k].lower_ in other for k in (tok.i - 1, tok.i + 1) if 0 <= k < len(doc))


_FIRST = frozenset({"premier", "première", "first"})


def _during_their_first(tok: Token) -> bool:
    """ "Au cours de leur premier entretien téléphonique, les deux dirigeants ...", "During their first
    call, ...": the first encounter, framing what was said in it, is the one just told ("neuf jours après
    leur premier entretien" is another)."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].lower_ not in _FIRST:
        return False
    before = {t.lower_ for t in doc[max(0, tok.i - 6):tok.i - 1]}
    return bool(before & {"cours", "lors", "during"}) and not before & {"après", "after", "since", "depuis"}


def _is_anaphoric(tok: Token) -> bool:
    """ "cette rencontre", "the meeting", "l'entretien" (not "la dernière réunion", "the next meeting")."""
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if tok.lower_ == "invitation":
        return False  # "à l'invitation de X": its article is the idiom's, not an anaphor's
    if nxt is not None and nxt.lower_ in load().words("other_event"):
        return False  # "L'entretien prochain des ministres"
    if prev is not None and prev.pos_ == "ADJ" and tok.i > 1:
        if prev.lower_ in load().words("other_event"):
            return False
        prev = tok.doc[tok.i - 2]
    k, doc = tok.i - 1, tok.doc
    while k >= 2 and doc[k - 1].text == "-" and not doc[k - 1].whitespace_ and not doc[k - 2].whitespace_:
        if {doc[k].lower_, doc[k - 2].lower_} & load().words("other_event"):
            return False  # "the first-ever summit": another one
        k -= 2  # "The 15-minute discussion", "their hour-long meeting": past the measure to the determiner
    if k != tok.i - 1 and k >= 1:
        prev = doc[k - 1]
    # ("their talks", "leur entretien": the pair's encounter told before)
    return prev is not None and (prev.lower_ in load().words("definite") or prev.lower_ in ("their", "leur"))


def _own_parties(tok: Token, parts: list[Mention], st: _State) -> bool:
    """ "La rencontre entre X et Y s'est tenue", "The meeting between X and Y": a definite meeting
    noun that names its own two parties, or with no earlier encounter to refer to, is new."""
    if count_parties(parts) < 2:
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ in ("entre", "between"):
        return True
    # "The meeting comes in the wake of visits to China by A, B and C": the people of another event's words
    first = min((m.start for m in parts if m.start > tok.i), default=None)
    return not st.results and not (first is not None and any(
        lemma(t) in _OTHER_EVENT_NOUNS or t.pos_ == "NOUN" and trigger_kind(t, st.lang) for t in tok.doc[tok.i + 1:first]))


_OTHER_EVENT_NOUNS = frozenset({"visit", "visite", "trip", "voyage", "tour", "tournée", "stay", "séjour"})


def _add_info(doc: Doc, meeting: MeetingCandidate, tok: Token, scope: set[int], mentions: list[Mention],
              kind: str | None = None) -> None:
    """ "Cette rencontre s'est tenue à X": the place and time of the encounter told just before."""
    lang = doc.lang_ if doc.lang_ in ("fr", "en") else "fr"
    if kind == "call" and meeting.kind != "call":
        # "X s'est entretenu jeudi avec Y. La conversation téléphonique faisait suite à la visite de X à
        # Washington": it was a call, and a call has no place
        meeting.kind, meeting.place, meeting.place_stated = "call", None, False
    # "Cette rencontre, qui intervient en prélude à la réunion prévue à Nouakchott": the place of
    # another meeting word's phrase is not this meeting's
    others = [t for t in (doc[i] for i in scope) if t.i > tok.i and t.pos_ in ("NOUN", "PROPN") and trigger_kind(t, lang)]
    if others:
        scope = {i for i in scope if i < min(o.i for o in others)}
        if not scope:
            return
    framed = framing_phrase(tok)
    best = best_place(places(doc, scope & framed if framed else scope, mentions))
    if best and meeting.kind != "call":
        current_is_country = meeting.place is None or geo.is_country_name(meeting.place) or not meeting.place_stated
        if current_is_country and not geo.is_country_name(best) or meeting.place is None:
            meeting.place, meeting.place_stated = best, True
    if not meeting.cues:
        s, e = sent_bounds(doc, tok.i)
        # the sentence's text and offsets cut from the Doc's, not a Span's (a Token per word)
        text, start_char = span_text(doc, s, e), starts(doc)[s]
        # not the time of another encounter the sentence goes on to ("the upcoming summit in May")
        limit = min((o.idx for o in [*others, *(t for t in doc[tok.i + 1:e] if later_event(t, lang))]),
                    default=start_char + len(text))
        own = [(doc[i].idx, doc[i].idx + len(doc[i].text)) for i in framed] if framed else None
        meeting.cues = [c for c in find_cues(text, start_char) if c.start < limit and not since(doc, c)
                        and (own is None or any(a <= c.start < b for a, b in own))]


def _surface_right(doc: Doc, sent, tok: Token, past_commas: bool = False) -> set[int]:
    """Tokens after the trigger up to the next comma, semicolon or other meeting word; with
    `past_commas`, the "avec" / "with" phrase after the commas of the adverbials in between
    ("s'est entretenu séparément, mardi à Nouakchott, avec les ambassadeurs ...") up to a
    finite verb, the clause's end."""
    lang = doc.lang_ if doc.lang_ in ("fr", "en") else "fr"
    out = set()
    comitative = False
    for t in doc[tok.i + 1:sent.end]:
        if t.text in (";", ":", "«", "»", "“", "”", '"') or trigger_kind(t, lang) \
                or t.text == "," and not past_commas:
            break
        if past_commas and t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm"):
            break
        comitative = comitative or t.lower_ in ("avec", "with") or _apposed_name(doc, t, lang)
        out.add(t.i)
    return out if comitative or not past_commas else set()


def _apposed_name(doc: Doc, comma: Token, lang: str) -> bool:
    """ "a rencontré le chef du gouvernement, Aziz Akhannouch, et ...": a name apposed to the role the
    object is, after its comma."""
    return comma.text == "," and comma.i + 1 < len(doc) \
        and (doc[comma.i + 1].pos_ == "PROPN" or doc[comma.i + 1].ent_type_ in ("PER", "PERSON")) \
        and any(role_hit(doc, k, lang) for k in range(max(0, comma.i - 6), comma.i))


def _place_list(st: _State, sent, scope: set[int], status: str, kind: str) -> list[tuple[str | None, bool]]:
    """(place, stated) for each entry the trigger gives."""
    found = places(st.doc, scope, st.mentions)
    distinct = [p for p in found if not p[1]]
    if kind == "call":
        return [(None, True)]
    if status == "planned" and len(distinct) > 1:
        return [(p, True) for p, _ in distinct]
    place = best_place(found)
    lex, low = load(), lowers(st.doc)
    there_adverbs = lex.words("there_adverb")
    there = any(low[i] in there_adverbs for i in scope)  # "Il y rencontrera X"
    if place is None and st.visit_place and (status == "held" or there or lex.phrases("visit").search(sent_text(st.doc, sent))
                                             or lex.phrases("during_visit").search(sent_text(st.doc, sent))):
        return [(st.visit_place, False)]  # a meeting takes the place of the visit it belongs to
    if place is None and st.later_visit and status == "planned":
        return [(st.later_visit, False)]
    return [(place, place is not None)]


def _own_place(st: _State, found: list[str], status: str) -> list[tuple[str | None, bool]]:
    """A meeting noun in a time phrase is placed by its own words, else by the visit told before its
    sentence ("Meloni stated after talks with Tunisia's president" on her visit to Tunis, but not "flew out
    of X after his meeting with Y and arrived in Z")."""
    if found:
        return [(found[0], True)]
    return [(st.prior_visit if status == "held" else None, False)]


def _meeting(st: _State, sent, tok: Token, kind: str, scope: set[int], anaphora_done: bool) -> bool:
    """Record the encounter trigger tok names, if it has two parties; returns whether it was an
    anaphoric "cette rencontre" (whose information went to the previous encounter)."""
    doc, lex = st.doc, load()
    framing = set().union(*(framing_phrase(t) or set() for t in doc[sent.start:tok.i]
                            if t.pos_ == "NOUN" and trigger_kind(t, st.lang)))
    # "Au lendemain de l'appel entre A et B, C et D se sont rencontrés": the frame's call is not C and D's
    kind = call_kind(doc, sent, tok, scope - framing if tok.i not in framing else scope, kind)
    if kind is None:
        return False
    own_frame = framing_phrase(tok)
    scope = _before_later_events(doc, sent, tok, own_scope(doc, sent, tok, scope, own_frame, st.lang), st.lang)
    if scope is None:
        return False
    # "At the meeting with ambassador X, the sides pointed out the relevance of the upcoming summit":
    # the framing meeting's party is no party of the summit talked of
    pool = [m for m in st.mentions if m.start not in framing] if framing else st.mentions
    parts = participants(doc, sent, tok, scope, pool, st.results, st.lang)
    if _is_anaphoric(tok) and tok.pos_ in ("NOUN", "PROPN") and not _new_group_event(doc, tok, scope, st) \
            and not _own_parties(tok, parts, st):
        if st.results and not anaphora_done:
            # only the sentence's first "cette rencontre": a later "la réunion ... prévue à X" is another event
            _add_info(doc, st.results[-1], tok, scope, st.mentions, kind)
        return True
    if count_parties(parts) < 2 and has(doc, "DEP") and between(tok) is None:
        # a parse that hangs the object elsewhere ("rencontreront dimanche le président X", the
        # weekday read as the root): the words after the trigger up to the clause's next comma
        wider = scope | _surface_right(doc, sent, tok)
        parts = participants(doc, sent, tok, wider, pool, st.results, st.lang)
        if count_parties(parts) >= 2:
            scope = wider
        else:
            widest = scope | _surface_right(doc, sent, tok, past_commas=True)
            found = participants(doc, sent, tok, widest, pool, st.results, st.lang)
            if count_parties(found) >= 2:
                parts, scope = found, widest
    parts, scope = _joint_subject(st, sent, tok, scope, pool, parts)
    if count_parties(parts) == 1 and own_frame is not None:
        parts = framing_pair(doc, sent, own_frame, parts, st.mentions) + parts
    if count_parties(parts) < 2:
        parts = parts + group_listed(doc, sent, scope, st.mentions, st.lang)
    if count_parties(parts) < 2:
        parts = parts + deliverers(doc, sent, tok, st.mentions)
    if count_parties(parts) < 2:
        parts = parts + group_of_earlier_countries(scope, st.mentions, st.results)
    if count_parties(parts) == 1 and _in_headline(doc, sent):
        parts = parts + _readout_subject(doc, parts, st.mentions)
    parts, listed = _audience_list(doc, sent, parts, st.mentions)
    if count_parties(parts) < 2:
        if not has(doc, "DEP") and st.results and _is_anaphoric(tok):
            _add_info(doc, st.results[-1], tok, scope, st.mentions)
        return False
    status = "planned" if planned(doc, tok, st.lang) else "held"
    inferred = kind == "call" and lemma(tok) == "speak" and not set(lowers(doc)[sent.start:sent.end]) & lex.call_cues
    text = sent_text(doc, sent)
    visit = bool(lex.phrases("visit").search(text))
    caption = archive_caption(text)
    cues = [c for c in meeting_cues(doc, sent, tok, scope, st.mentions, visit)
            if not caption and not (status == "planned" and of_the_attribution(doc, c, tok))]
    if not cues:
        cues = previous_cues(doc, sent, parts, st.mentions, status)
    # (a headline's "nouvelle rencontre" is news, not another than the body's)
    again = bool(lex.phrases("again").search(text)) and not _in_headline(doc, sent) or _other_event(tok, parts, st.results) \
        or any(fold(c.text) in lex.words("three_sided") for c in tok.children)  # not the bilateral before it
    own = _own_phrase(tok)
    where = (own or {i for i in scope if not after_since(doc[i])}) | _where_antecedent(doc, sent, tok) | _visited(tok)
    found = [p for p, _ in places(doc, where, st.mentions)]
    place_list = _place_list(st, sent, where, status, kind) if own is None else _own_place(st, found, status)
    separately = _one_by_one(doc, sent)
    if separately is None and (tok.lower_ in lex.words("several_meetings") or _series_nearby(doc, sent)):
        separately = tok.i  # "had bilateral meetings with A and B", "... Ces rencontres ...": one each
    # "on the sidelines of the summit" in the sentence or the few before it
    setting = lex.words("setting")
    aside = any(w in setting for w in lowers(doc)[max(0, sent.start - 60):sent.end])
    told = [r for r in st.results if r.sent_start == sent.start_char]
    told_keys = {m.key for r in told for m in r.participants}
    parts = dedupe_parties(parts)
    groups = _groups(doc, tok, parts, listed, separately, aside, kind)
    for group in groups:
        if len(told) >= 2 and {m.key for m in group} <= told_keys:
            continue  # "a rencontré et discuté avec A, B et C": the coordinated verb's encounters, told already
        for place, stated in place_list:
            st.results.append(MeetingCandidate(tok.i, group, kind, status, place, stated, cues, sent.start_char,
                                               sent.end_char, again or len(place_list) > 1, places=found,
                                               generic=tok.lower_ == "invitation", inferred_call=inferred))
    return False


def _joint_subject(st: _State, sent, tok: Token, scope: set[int], pool: list[Mention],
                   parts: list[Mention]) -> tuple[list[Mention], set[int]]:
    """ "A et son homologue B ont discuté ...": the joint subject the parse lost, read from the words
    before the verb."""
    if count_parties(parts) >= 2 or not joint_by_words(tok):
        return parts, scope
    wider = scope | set(range(sent.start, tok.i))
    found = participants(st.doc, sent, tok, wider, pool, st.results, st.lang)
    return (found, wider) if count_parties(found) >= 2 else (parts, scope)


def _groups(doc: Doc, tok: Token, parts: list[Mention], listed: list[Mention], separately: int | None,
            aside: bool, kind: str = "meeting") -> list[list[Mention]]:
    """The encounters the trigger's parties make: one per audience of a bulleted list, one per host of a
    visitor's round, one per counterpart of a list of them, else one of all."""
    if listed:
        return [[m for m in parts if m not in listed] + [m] for m in listed]
    if kind == "call" and (tok.pos_ == "VERB" and lemma(tok) in CALLING_VERBS or _one_to_one_line(doc, tok)):
        # "Elle a appelé hier le président A et le ministre B", "X spoke by phone with A and B": a phone
        # line joins two people, so one call each (a video meeting or a joint call is one of all)
        before = {m.key for m in parts if m.start < tok.i}
        after = _coordinated(doc, [m for m in parts if m.start > tok.i])
        if len(before) == 1 and len({m.key for m in after}) >= 2:
            return [[m for m in parts if m.start < tok.i][:1] + [m] for m in after]
    return one_per_host(doc, tok, parts) or _bilaterals(parts, separately is not None, separately or tok.i, tok.i, aside)


def _coordinated(doc: Doc, after: list[Mention]) -> list[Mention]:
    """The first of the people after a call's verb and those coordinated with it, up to a clause of
    their own ("spoke to A and B, C confirmed": A and B)."""
    after = sorted(after, key=lambda m: m.start)
    for n in range(1, len(after)):
        gap = doc[after[n - 1].end:after[n].start]
        own = doc[after[n].start:after[n].end]
        if any(t.pos_ in ("AUX", "SCONJ") or t.text == ";" or t.pos_ == "VERB" and "Fin" in t.morph.get("VerbForm")
               for t in gap) or any(t.dep_.startswith("nsubj") for t in own):
            return after[:n]
    return after


_SHARED_LINE = ("visio", "video", "vidéo", "virtual", "online", "en ligne", "conference", "conférence")


def _one_to_one_line(doc: Doc, tok: Token) -> bool:
    """Whether the call's sentence tells a phone call, not a video meeting or a call held jointly
    ("a trilateral call", "un appel conjoint"), which many share."""
    lex = load()
    sent = tok.sent
    words = lowers(doc)[sent.start:sent.end]
    shared = lex.words("joint_marker") | lex.words("three_sided")
    return not any(w.startswith(_SHARED_LINE) or fold(w) in shared for w in words)


def _audience_list(doc: Doc, sent, parts: list[Mention], mentions: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """The parties with a readout's bulleted list of audiences after the sentence's colon, and the list;
    the host's titles apposed to the name are no parties of their own ("X, Chef de l'État, a reçu :")."""
    listed = _bulleted(doc, sent, mentions) if len({m.key for m in parts if m.kind == "person"}) <= 1 else []
    return ([m for m in parts if m.kind == "person"] + listed, listed) if listed else (parts, [])


_BULLETS = "·•▪‣*-–—"


def _bulleted(doc: Doc, sent, mentions: list[Mention]) -> list[Mention]:
    """ "Le Président de la République a reçu ce jour en audience : ¶ · X, Ambassadeur de ... ; ¶ · Y,
    Ministre de ...": a readout's list of audiences after a colon, one person a bullet, each one
    encounter of the sentence's subject."""
    if not sent_text(doc, sent).rstrip().endswith(":"):
        return []
    found, k = [], sent.end
    while k < len(doc):
        start, end = sent_bounds(doc, k)
        text = span_text(doc, start, end).lstrip()
        if not text or text[0] not in _BULLETS:
            break
        person = next((m for m in mentions if start <= m.start < end and m.kind == "person" and not m.quoted), None)
        if person is not None:
            found.append(person)
        k = end
    return found


def _before_later_events(doc: Doc, sent, tok: Token, scope: set[int], lang: str) -> set[int] | None:
    """ "A will meet B in Malta ahead of a summit of EU leaders in Granada", "A and B spoke ... and discussed
    the agenda of C's planned visit to the White House in July": the summit, the visit are a later moment,
    no encounter of its own (None) and none of its words (its place, its time) the meeting's."""
    if later_event(tok, lang) and any(t.pos_ == "VERB" and trigger_kind(t, lang) for t in doc[sent.start:tok.i]):
        return None
    for later in [doc[i] for i in scope if i > tok.i and later_event(doc[i], lang)]:
        scope = scope - {t.i for t in later.subtree}
    return scope


def _where_antecedent(doc: Doc, sent, tok: Token) -> set[int]:
    """ "une visite à Libreville où il s'est entretenu avec X", "in Nairobi, where he met X": the
    place "où" / "where" stands for is the meeting's (its words and their locative)."""
    if not has(doc, "DEP"):
        return set()
    for w in doc[sent.start:tok.i]:
        if w.lower_ not in ("où", "where") or w.head.i != tok.i and w.head.i != clause_root(tok).i:
            continue
        k = w.i - 1 - (w.i > sent.start and doc[w.i - 1].text == ",")
        end = k + 1
        while k >= sent.start and (doc[k].text[:1].isupper() or doc[k].text == "-"):
            k -= 1
        return set(range(k, end)) if end - k > 1 else set()
    return set()


def _visited(tok: Token) -> set[int]:
    """ "X visited Warsaw and met Y", "a visité Dakar et rencontré Y": the city the coordinated verb of
    visiting takes is where the encounter was."""
    if tok.dep_ != "conj" or tok.pos_ != "VERB" or fold(lemma(tok.head)) not in VISIT_VERBS:
        return set()
    head = tok.head
    return {head.i} | {x.i for c in head.children if c.dep_ in ("obj", "dobj") and c.i == head.i + 1 for x in c.subtree}


def _own_phrase(tok: Token) -> set[int] | None:
    """ "Before a meeting with X, Y visited the Merdeka Palace", "Avant sa rencontre avec X, ...":
    a meeting noun in a time phrase is another moment than the clause's; its place is only in its
    own words."""
    if tok.pos_ != "NOUN" or not has(tok.doc, "DEP"):
        return None
    marks = {"before", "after", "ahead", "avant", "après", "apres"}
    if tok.dep_ == "pobj" and tok.head.lower_ in marks or any(c.dep_ == "case" and c.lower_ in marks for c in tok.children):
        return {t.i for t in tok.subtree}
    return None


def _speculative(doc: Doc, sent, tok: Token) -> bool:
    """ "a possible new telephone conversation between A and B", "une éventuelle rencontre", "Putin has
    been open to talks": an encounter only possible, or a stance, is none (the annotation conventions)."""
    lex = load()
    before = []  # the words before the meeting word, back to a verb or a punctuation mark
    for t in reversed(doc[max(sent.start, tok.i - 6):tok.i]):
        if t.is_punct and t.text != "-" or t.pos_ in ("VERB", "AUX"):  # ("a high-level meeting")
            if lemma(t) in _ORGANISE and t.i >= 2 and fold(doc[t.i - 2].text) in lex.words("ready_for") \
                    and doc[t.i - 1].lower_ in ("to", "à"):
                return True  # "we are ready to host a meeting between A and B", "prêt à organiser une rencontre"
            break
        before.insert(0, fold(t.text))
    if any(w in lex.words("speculative") for w in before):
        return True
    if _NO_PLAN.search(doc_text(doc), sent.start_char, tok.idx):
        return True  # "there is no plan for A and B to meet", "X n'a pas l'intention de rencontrer Y"
    return any(a in lex.words("ready_for") and b in ("to", "a", "for") for a, b in zip(before, before[1:]))


_ORGANISE = frozenset({"host", "organize", "organise", "arrange", "facilitate", "accueillir", "organiser", "faciliter",
                       "abriter"})

# a plan denied before the meeting word (within its clause)
_NO_PLAN = re.compile(r"\b(?:no|not any|aucun|aucune|pas de|pas d'|pas l')\s*(?:plans?|projet|intention)\b[^.;:]{0,90}$"
                      r"|\b(?:do|does|did)n['’]?t plan\b[^.;:]{0,40}$|\b(?:do|does|did) not plan\b[^.;:]{0,40}$"
                      # "have yet to meet", "have never met", "ne se sont jamais rencontrés": no encounter at all
                      r"|\b(?:yet to|never|not yet)\s+(?:\w+\s+)?$|\b(?:jamais|pas encore)\s+(?:\w+\s+)?$", re.I)


def _speculated_parties(doc: Doc, sent, tok: Token) -> set[int]:
    """The words naming the parties of a speculative encounter: its "between A and B", else the
    words after it up to a verb or a punctuation mark; they are no party of the sentence's other
    encounters."""
    pair = between(tok) if has(doc, "DEP") else None
    if pair:
        return pair
    out = set()
    for t in doc[tok.i + 1:sent.end]:
        if t.pos_ in ("VERB", "AUX") or t.is_punct:
            break
        out.add(t.i)
    return out


def _one_by_one(doc: Doc, sent) -> int | None:
    """Where the sentence says its host met the people after it one by one ("séparément",
    "tour à tour", "in turn"): the token, else None."""
    lex = load()
    separately, low = lex.words("separately"), lowers(doc)
    found = [i for i in range(sent.start, sent.end) if low[i] in separately][:1]
    match = lex.phrases("one_by_one").search(sent_text(doc, sent))
    if match is not None:
        found += [t.i for t in sent if t.idx >= sent.start_char + match.start()][:1]
    return min(found, default=None)


def sent_text(doc: Doc, sent) -> str:
    """The sentence's text cut from the Doc's (Span.text makes a Token per word, and the meeting
    rules read a sentence's text once per meeting word and per test)."""
    return span_text(doc, sent.start, sent.end)


def _series_nearby(doc: Doc, sent, reach: int = 2) -> bool:
    """Whether the sentence, the `reach` sentences either side of it or the headline tell a series
    of encounters ("a tenu une série de discussions avec ses homologues ... Ces rencontres ont
    porté sur ...", "held bilateral meetings", "met a host of leaders"): then one host's list of
    people is so many bilateral encounters, as the annotation conventions read it."""
    start, end = sent.start, sent.end
    for _ in range(reach):
        if start > 0:
            start = sent_bounds(doc, start - 1)[0]
        if end < len(doc):
            end = sent_bounds(doc, end)[1]
    # each meeting word of a sentence asks about the same window (a slow pattern over five sentences)
    memo = doc.user_data.setdefault("diplowatch_series_windows", {})
    if (start, end) not in memo:
        memo[start, end] = bool(load().phrases("series").search(span_text(doc, start, end))) or _series_in_lead(doc)
    return memo[start, end]


def _series_in_lead(doc: Doc) -> bool:
    """Whether the headline or the lead paragraph tells a series of encounters (once per Doc)."""
    value = doc.user_data.get("diplowatch_series_lead")
    if value is None:
        text = doc_text(doc)
        series = load().phrases("series")
        lead_end = text.find("\n", text.find("\n", 1) + 1)  # the headline and the lead paragraph
        value = doc.user_data["diplowatch_series_lead"] = bool(
            series.search(text[:max(0, text.find("\n", 1))][:300]) or series.search(text[:lead_end if lead_end > 0 else 600][:600]))
    return value


def _bilaterals(parts: list[Mention], separate: bool = False, pivot: int = -1, trigger: int = -1,
                aside: bool = False) -> list[list[Mention]]:
    """ "X s'est entretenu avec ses homologues arménien, géorgien et turc": one bilateral encounter
    per counterpart of a plural "homologues" / "counterparts" list (and of "leaders of A, B and C" met
    on a summit's sidelines, `aside`); "Wang met respectively with A; B
    and C" (one party before the sentence's separately word): one per person after it, and "A and B
    met with C, respectively" one per person before it; else one encounter of all."""
    heads = ("homologue", "counterpart") + (("leader", "dirigeant", "chef") if separate or aside else ())
    listed = [m for m in parts if m.plural and m.country and fold(m.role or "").startswith(heads)]
    others = [m for m in parts if m not in listed]
    if separate and not listed:
        before = [m for m in parts if m.start < pivot]
        after = [m for m in parts if m.start > pivot]
        if len({m.key for m in before}) == 1 and len(after) >= 2:
            return [before + [m] for m in after]
        if len({m.key for m in before}) >= 2 and len({m.key for m in after}) == 1:
            return [[m] + after for m in before]  # "A, B et C ont discuté ... lors d'une réunion avec X"
        if not after:  # "A and B also met with C, respectively": one per person before the meeting word
            before = [m for m in parts if m.start < trigger]
            after = [m for m in parts if m.start > trigger]
            if len({m.key for m in before}) >= 2 and len({m.key for m in after}) == 1:
                return [[m] + after for m in before]
            if len({m.key for m in before}) == 1 and len(after) >= 2:
                return [before + [m] for m in after]  # "X met with officials from A, B and C respectively"
    if len(listed) >= 2 and len(others) == 1:
        return [others + [m] for m in listed]
    return [parts]


def _in_headline(doc: Doc, sent) -> bool:
    """The sentence is the article's headline: its first line, without final punctuation."""
    text = doc_text(doc)
    line_end = text.find("\n", sent.start_char)
    line = text[sent.start_char:line_end if line_end >= 0 else len(text)].strip()
    first = text[:sent.start_char].strip()
    return bool(line) and line[-1] not in ".!?»”\":" and (not first or first.lower().startswith("date ") and "\n" not in first)


def _readout_subject(doc: Doc, parts: list[Mention], mentions: list[Mention]) -> list[Mention]:
    """ "Entretien avec M. Ilham ALIEV, Président de la République d'Azerbaïdjan" as a headline:
    the other party is the person the readout is about, the first subject of its body."""
    from ..people.anaphora import is_subject_mention

    keys = {m.key for m in parts if m.key}
    countries = {m.country for m in parts if m.country}
    title_end = doc_text(doc).find("\n", doc[parts[0].start].idx)
    for m in mentions:
        if doc[m.start].idx <= title_end or m.key in keys or m.quoted or not (m.key and not m.key.startswith("~")):
            continue
        if m.country and m.country in countries:
            continue
        if is_subject_mention(doc, m, True):
            return [m]
        if sent_bounds(doc, m.start)[0] > sent_bounds(doc, parts[0].start)[1] + 80:
            break
    return []


def _arrival(doc: Doc, sent) -> set[int]:
    """The words after a verb of arrival up to the clause's end ("arrived in India on Friday", "est
    arrivé jeudi à Rabat"): where the visitor is now, not the stops before it ("his visits to
    Tokyo and Seoul, the two stops before he arrived in India")."""
    verbs = load().words("arrival_verb")
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX") and lemma(tok) in verbs and not after_since(tok):
            end = next((t.i for t in doc[tok.i + 1:sent.end] if t.is_punct and t.text not in ("-", "'")), sent.end)
            return set(range(tok.i + 1, end))
    return set()


def _visit_place(doc: Doc, sent, mentions: list[Mention]) -> str | None:
    """Where the sentence's visit goes: after a verb of arrival, else after the visit's words up to the
    clause's end ("une visite officielle de quatre jours à Washington", not the stops of "a trip to
    Southeast Asia that also included visits to Vietnam")."""
    text = span_text(doc, sent.start, sent.end)  # not Span.text: a Token per word
    matches = list(load().phrases("visit").finditer(text))
    if not matches:
        return None
    arrival = _arrival(doc, sent)
    found = arrival and places(doc, arrival, mentions)
    if not found:
        window: set[int] = set()
        for m in matches:
            first = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
            if first is None:
                continue
            end = next((t.i for t in doc[first.end:sent.end] if t.is_punct and t.text not in ("-", "'", "’")
                        # ("à l'étranger": "abroad", its noun read as the verb "étrangler" and its article as a pronoun)
                        or t.pos_ in ("VERB", "PRON") and t.lower_ not in ("l'", "l’", "étranger")
                        or t.lower_ in ("qui", "que", "that", "which")), sent.end)
            window |= set(range(first.start, end))
        found = places(doc, window, mentions)
    return best_place(found) if found else None


def find_meetings(doc: Doc, lang: str) -> list[MeetingCandidate]:
    """Every encounter the Doc tells, one candidate per meeting word (merged later)."""
    st = _State(doc, lang, doc._.mentions or [], [])
    sents = list(doc.sents)
    visits = [_visit_place(doc, sent, st.mentions) for sent in sents]
    # the first visit told after each sentence: a visit told only after its meetings ("X a rencontré Y ...
    # avant de s'envoler pour une visite à Z")
    later: list[str | None] = [None] * len(sents)
    for n in range(len(sents) - 2, -1, -1):
        later[n] = visits[n + 1] or later[n + 1]
    for n, sent in enumerate(sents):
        st.prior_visit = st.visit_place
        st.visit_place = visits[n] or st.visit_place
        st.later_visit = later[n] if st.visit_place is None else None
        triggers = sentence_triggers(doc, sent, lang)
        if not triggers:
            continue
        scoped = scopes(doc, sent, [t for t, _ in triggers])
        speculative = [tok for tok, _ in triggers if _speculative(doc, sent, tok)]
        for tok in speculative:  # "a possible meeting between A and B may come up during the talks"
            theirs = _speculated_parties(doc, sent, tok)
            for other, _ in triggers:
                if other.i != tok.i:
                    scoped[other.i] = scoped[other.i] - theirs
        triggers = [(tok, kind) for tok, kind in triggers if tok not in speculative]
        anaphora_done = False
        for tok, kind in triggers:
            if st.results and counted_discussion(tok):
                continue  # "Les deux ministres ont évoqué ...": what the encounter told before was about
            anaphora_done = _meeting(st, sent, tok, kind, scoped[tok.i], anaphora_done) or anaphora_done
    return [split for c in st.results for split in _told_one_by_one(doc, c, st.mentions, lang)]


def _told_one_by_one(doc: Doc, c: MeetingCandidate, mentions: list[Mention], lang: str) -> list[MeetingCandidate]:
    """ "X received the ambassadors of Russia and China. During the meeting with Russian ambassador A
    ... At the meeting with Chinese ambassador B ...": a plural group received together, then met one
    by one in the article's words ("the meeting with A", "l'entretien avec B"), is so many bilateral
    encounters."""
    groups: dict[int, list[Mention]] = {}
    for m in c.participants:
        if m.plural and m.key and not m.key.startswith("~"):
            groups.setdefault(m.start, []).append(m)
    group = next((g for g in groups.values() if len({m.key for m in g}) >= 2), None)
    if group is None:
        return [c]
    hosts = [m for m in c.participants if m not in group]
    if len({m.key for m in hosts}) > 1:
        return [c]
    keys = {m.key for m in group}
    met_alone = set()
    for tok in doc[sent_bounds(doc, c.trigger)[1]:]:
        if tok.pos_ != "NOUN" or not trigger_kind(tok, lang) or tok.i + 1 >= len(doc) \
                or doc[tok.i + 1].lower_ not in ("with", "avec"):
            continue
        named = {m.key for m in mentions if tok.i + 1 < m.start <= tok.i + 6 and m.key in keys}
        if len(named) == 1:
            met_alone |= named
    if met_alone != keys:
        return [c]
    # no host: the group alone ("Head of State receives Russian, Chinese ambassadors"), whose encounters
    # the article tells one by one
    return [replace(c, participants=hosts + [m]) for m in group] if hosts else []


@Language.component("diplowatch_meetings", requires=["doc._.mentions", "doc._.persons", "token.dep", "token.morph"],
                    assigns=["doc._.meeting_candidates"])
@contained("meetings", lambda doc: setattr(doc._, "meeting_candidates", []))
def meetings_component(doc: Doc) -> Doc:
    lang = doc.lang_ if doc.lang_ in ("fr", "en") else "fr"
    doc._.meeting_candidates = find_meetings(doc, lang)
    return doc
