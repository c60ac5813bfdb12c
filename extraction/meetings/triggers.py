"""Meeting words: which tokens announce an encounter, and of which kind.

Constructions handled:
- verbs and nouns of data/meeting_triggers.tsv: "a rencontré", "a reçu", "s'est entretenu avec"
  (only the reflexive "s'entretenir"), "entretien téléphonique", "held talks", "audience", "summit";
- a phone or video cue anywhere near makes a call ("par téléphone", "virtually", "online");
  "appel", "conversation", "speak" are encounters only with such a cue;
- not a meeting: "rencontrer la presse", "conférence de presse", "meet the press", and
  "rencontre" / "meet" in a sentence about a match.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ..lexicons import load
from ..people.model import sent_bounds
from ..people.roles import role_hit
from ..words import doc_text, fold, has, lemma, lemmas, span_text, texts


def calls_on(tok: Token) -> bool:
    """ "Jaishankar also called on Pakistani Prime Minister Nawaz Sharif": a visit (not "called on
    Russia to stop ...", a demand)."""
    doc = tok.doc
    if lemma(tok) != "call" or tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "on":
        return False
    end = sent_bounds(doc, tok.i)[1]
    for t in doc[tok.i + 2:end]:
        if t.is_quote or t.text in (":", ";") or t.text == "," and t.i + 1 < end and doc[t.i + 1].tag_ == "VBG":
            return True  # '..., adding: "Looking forward to seeing them"': the demand's "to" is not past the clause
        if t.lower_ == "to" and t.i + 1 < end and doc[t.i + 1].pos_ in ("VERB", "AUX"):
            return False
    return True


def calls_person(tok: Token) -> bool:
    """ "Prime Minister X called Duterte on May 27": a phone call to a person (not "called Duterte a
    friend", "called for talks", "called the vote")."""
    if lemma(tok) != "call" or not has(tok.doc, "DEP"):
        return False
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    if not objects and any(_purpose(c) for c in tok.children):  # the parser reads "called X to discuss" as X oprd
        objects = [c for c in tok.children if c.dep_ == "oprd" and c.ent_type_ == "PERSON"]
    if len(objects) != 1 or any(c.dep_ in ("oprd", "xcomp", "ccomp", "attr") and not _purpose(c) and c not in objects
                                for c in tok.children):
        return False
    obj = objects[0]
    if obj.pos_ != "PROPN" or obj.ent_type_ in ("GPE", "LOC", "NORP", "FAC", "DATE", "EVENT", "LAW") or tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in ("for", "off", "upon", "on"):
        return False
    return obj.i + 1 >= len(tok.doc) or tok.doc[obj.i + 1].lower_ not in ("a", "an", "the", "as")


def _purpose(clause: Token) -> bool:
    """ "called President X to discuss the conflict": an infinitive of talking is the call's purpose
    ("called him to be a partner" is not)."""
    return clause.dep_ in ("xcomp", "advcl") and any(c.lower_ == "to" for c in clause.children) \
        and lemma(clause) in load().words("discuss_verb") | {"express", "congratulate", "thank", "offer", "convey"}


_MODALS = frozenset({"devoir", "pouvoir", "aller", "compter", "souhaiter"})


def _joint_discussion(tok: Token) -> bool:
    """ "Tokayev and Kamilov discussed ...", "X et Y ont évoqué ...": two people named as the joint
    subject of a verb of discussing talked together (one of them alone names only a topic)."""
    if lemma(tok) not in load().words("discuss_verb") or not has(tok.doc, "DEP"):
        return False
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subj is None and counted_discussion(tok):
        return True  # "les deux hommes devraient discuter de ..."
    lang = tok.doc.lang_ if tok.doc.lang_ in ("fr", "en") else "fr"
    if any(c.dep_ in ("obj", "dobj") and c.pos_ == "NOUN" and load().meeting_triggers.get((lang, lemma(c)))
           for c in tok.children):
        return False  # "a évoqué une rencontre entre A et B": the encounter is the noun's, A and B its parties
    return subj is not None and subj.pos_ in ("PROPN", "NOUN") and any(
        c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN") or _counted(c) for c in subj.children) or joint_by_words(tok)


def _counted(tok: Token) -> bool:
    """ "les deux hommes", "the two leaders": a subject counted as a pair or more of people."""
    return tok.dep_ == "nummod" and tok.lower_ in ("deux", "trois", "two", "three")


def counted_discussion(tok: Token) -> bool:
    """ "Les deux hommes devraient discuter de ...": a verb of discussing whose subject is only counted;
    after an encounter told, it tells that encounter's content ("Les deux ministres ont évoqué ...")."""
    if lemma(tok) not in load().words("discuss_verb") or not has(tok.doc, "DEP"):
        return False
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subj is None and tok.dep_ == "xcomp" and lemma(tok.head) in _MODALS:
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    return subj is not None and any(_counted(c) for c in subj.children)


def joint_by_words(tok: Token) -> bool:
    """ "Le ministre A et son homologue B ont discuté mardi au téléphone", where the parse lost the
    subject (a role's adjective read as the verb): the sentence opens on two people of two countries
    joined by "et" / "and", and the plural auxiliary of the verb follows the second at once (a
    fallback without the parse, so it asks for the plainest shape only)."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].lower_ not in ("ont", "have"):
        return False
    start = sent_bounds(doc, tok.i)[0]
    first_name = next((m.start for m in doc._.mentions or () if start <= m.start < tok.i and m.kind == "person"), None)
    if first_name is not None:
        # "Poursuivant sa tournée à New York, A et son homologue B ont discuté": past the opening phrase
        start = max([start] + [k + 1 for k in range(start, first_name) if doc[k].text == ","])
    names = [m for m in doc._.mentions or () if start <= m.start and m.end < tok.i and not m.quoted]
    if len(names) != 2 or any(m.kind != "person" or m.plural for m in names) or names[1].end != tok.i - 1:
        return False
    first, second = names
    if first.country and second.country and first.country == second.country or first.key == second.key:
        return False
    lead = doc[start:first.start]
    return any(t.lower_ in ("et", "and") for t in doc[first.end:second.start]) \
        and not any(t.pos_ in ("VERB", "AUX", "ADP") and not t.text[:1].isupper() or t.text == "," for t in lead
                    if t.lower_ not in ("des", "de", "du", "of"))


def _visit_to_person(tok: Token) -> bool:
    """ "rendre visite à M. X", "a rendu une visite de travail au président X", "paid a visit to
    President X": a visit to a person (to a place, it is no encounter by itself)."""
    if lemma(tok) not in ("visite", "visit") or tok.pos_ != "NOUN":
        return False
    doc = tok.doc
    before = {lemma(t) for t in doc[max(0, tok.i - 3):tok.i]}
    if not before & {"rendre", "pay", "make"}:
        return _paid_person_a_visit(doc, tok)
    end = sent_bounds(doc, tok.i)[1]
    k = next((t.i for t in doc[tok.i + 1:min(end, tok.i + 5)] if t.lower_ in ("à", "au", "aux", "to")), None)
    if k is None:
        return False
    return _person_after(doc, k, end)


def _paid_person_a_visit(doc: Doc, tok: Token) -> bool:
    """ "X paid Pope Francis a visit", "paid the President a courtesy visit": the person between the
    verb and its "a ... visit" is the one visited."""
    start = sent_bounds(doc, tok.i)[0]
    verb = next((t for t in reversed(doc[max(start, tok.i - 8):tok.i]) if lemma(t) == "pay"), None)
    if verb is None or not any(t.lower_ in ("a", "an") for t in doc[verb.i + 2:tok.i]):
        return False
    return any(t.ent_type_ in ("PER", "PERSON") or role_hit(doc, t.i, "en") for t in doc[verb.i + 1:tok.i])


def _person_after(doc: Doc, k: int, end: int) -> bool:
    """Whether a person, a title or a role is named in the few words after token k."""
    titles = load().words("title")
    lang = doc.lang_ if doc.lang_ in ("fr", "en") else "fr"
    return any(t.ent_type_ in ("PER", "PERSON") or t.lower_ in titles or role_hit(doc, t.i, lang)
               for t in doc[k + 1:min(end, k + 6)])


# what "appeler X à ..." urges X to: a demand, not a phone call ("a appelé son homologue à la retenue")
_URGED = frozenset({"retenue", "calme", "dialogue", "apaisement", "desescalade", "moderation", "prudence", "paix", "ne",
                    "cessez-le-feu", "negociation", "negociations", "table"})


# the verbs of calling someone by phone ("a appelé X", "phoned X", "a téléphoné à X", "called X")
CALLING_VERBS = frozenset({"appeler", "téléphoner", "call", "phone", "telephone"})


def _phoned(tok: Token) -> bool:
    """ "he had phoned opposition leader X", "phoned his counterpart X": a phone call to a person (not
    "phoned in his resignation")."""
    return tok.pos_ == "VERB" and lemma(tok) in ("phone", "telephone") and has(tok.doc, "DEP") and any(
        c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or role_hit(tok.doc, c.i, "en")
                              or any(g.ent_type_ == "PERSON" for g in c.subtree)) for c in tok.children)


def phoned_person(tok: Token) -> bool:
    """ "X a appelé samedi son homologue russe, Y", "a appelé le président Z": a phone call to a person
    (not "a appelé à la retenue", "a appelé les pays à agir", "a appelé son homologue à la retenue")."""
    if tok.pos_ != "VERB" or lemma(tok) != "appeler":
        return False
    doc = tok.doc
    end = sent_bounds(doc, tok.i)[1]
    calendar = load().words("calendar")
    i = tok.i + 1
    while i < end and (fold(doc[i].text) in calendar or doc[i].lower_ in ("ce", "cet", "hier", "soir", "matin", "aussi",
                                                                          "également", "dimanche", "par", "téléphone")):
        i += 1
    if i >= end or doc[i].lower_ in ("à", "au", "aux", "les", "tous", "toutes", "chacun", "l'", "la", "en") \
            and not (doc[i].lower_ in ("la", "l'") and role_hit(doc, i + 1, "fr")):
        return False
    j = i + (doc[i].lower_ in ("le", "la", "l'", "son", "sa", "leur"))
    if j >= end or not (doc[j].ent_type_ in ("PER", "PERSON") or doc[j].lower_ in load().words("title") or role_hit(doc, j, "fr")):
        return False  # "a appelé le retour de X la fin de ...": what is named, not whom
    for t in doc[i:end]:
        if t.lower_ in ("à", "au", "aux", "a") and t.i + 1 < end:
            nxt = doc[t.i + 1]
            after = doc[t.i + 2] if nxt.lower_ in ("la", "l'", "le", "les") and t.i + 2 < end else nxt
            if "Inf" in nxt.morph.get("VerbForm") or fold(after.text) in _URGED or fold(nxt.text) in _URGED:
                return False
    return True


def _spoke_to_person(tok: Token) -> bool:
    """ "The Prime Minister spoke to the Amir of Qatar this evening", "spoke with President X":
    a readout's "spoke to/with" a person, told with no place or setting, is a call (as
    government readouts write one); not "spoke to reporters", "spoke at the UN"."""
    if lemma(tok) != "speak" or tok.pos_ != "VERB":
        return False
    doc = tok.doc
    start, end = sent_bounds(doc, tok.i)
    k = next((c.i for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "with") and c.i <= tok.i + 3), None)
    if k is None or not _person_after(doc, k, end):
        return False
    setting = load().words("setting")
    return not any(t.lower_ in setting or (t.lower_ in ("in", "at") and t.i + 1 < end and doc[t.i + 1].ent_type_ in ("GPE", "LOC", "FAC"))
                   for t in doc[start:end])


def _delivered_message(tok: Token) -> bool:
    """ "X a remis un message du président Y au président Z", "le message qu'il a remis à son
    homologue", "handed over a letter to President Z": an envoy who hands a message or letter to
    someone met them (the message's sender is no party: see the envoy words)."""
    lex = load()
    if tok.pos_ != "VERB" or lemma(tok) not in lex.words("deliver_verb"):
        return False
    messages = lex.words("message_noun")
    doc = tok.doc
    carried = any(c.dep_ in ("obj", "dobj") and c.lower_ in messages for c in tok.children) or (
        # "un message du président X qu'il a remis à": the relative's antecedent, wherever it hangs
        tok.dep_ in ("acl:relcl", "relcl") and any(t.lower_ in messages for t in doc[max(0, tok.i - 8):tok.i]))
    if not carried:
        return False
    end = sent_bounds(doc, tok.i)[1]
    to = next((t.i for t in doc[tok.i + 1:min(end, tok.i + 12)]
               if t.lower_ in ("à", "au", "aux", "to") and (t.i == tok.i + 1 or _hangs_on(t, tok, 3))), None)
    return to is not None and _person_after(doc, to - 1 if doc[to].lower_ in ("au", "aux") else to, end)


# the second words of a French negation ("ne ... pas", "n'ont jamais"; not the restrictive "ne ... que")
_NEGATION_FR = frozenset({"pas", "jamais", "plus", "point", "guère", "nullement", "aucunement"})
# verbs whose complement did not happen ("refused to meet X", "a refusé de recevoir X")
_REFUSAL = frozenset({"refuse", "decline", "fail", "avoid", "refuser", "décliner", "échouer", "éviter"})


def negated(tok: Token) -> bool:
    """ "X et Y ne se sont jamais rencontrés", "n'ont pas encore eu l'occasion de se rencontrer", "did not
    meet", "refused to meet", "without meeting", "aucune rencontre n'est prévue": an encounter denied is
    none (but "n'a rencontré que X" met X)."""
    if not has(tok.doc, "DEP"):
        return False
    if tok.pos_ in ("NOUN", "PROPN") and any(c.lower_ in ("no", "aucune", "aucun") for c in tok.children):
        return True
    node = tok
    for step in range(3):
        kids = list(node.children)
        if any(c.dep_ == "neg" or c.lower_ in ("not", "n't", "never") for c in kids):
            return True
        if any(c.lower_ in ("ne", "n'") for c in kids) and any(
                t.lower_ in _NEGATION_FR for c in kids if c.dep_ == "advmod" for t in c.subtree):
            return True
        if any(c.lower_ in ("sans", "without") for c in kids if c.dep_ in ("mark", "case", "prep")) \
                or node.head.lower_ in ("sans", "without"):
            return True
        if step > 0 and lemma(node) in _REFUSAL:
            return True
        if node.dep_ not in ("xcomp", "acl", "obj", "dobj", "nmod", "pobj", "pcomp") or node.head.i == node.i:
            return False
        node = node.head
    return False


@lru_cache(maxsize=2)
def _trigger_lemmas(lang: str) -> frozenset[str]:
    """Every lemma ``trigger_kind`` can accept: the meeting triggers of the language, "call"
    (``calls_on``, ``calls_person``), the verbs of discussing and of delivering, "visite" / "visit"
    (each test below asks for one of them first)."""
    lex = load()
    return frozenset(lem for lg, lem in lex.meeting_triggers if lg == lang) | lex.words("discuss_verb") \
        | lex.words("deliver_verb") | {"call", "visite", "visit", "appeler", "phone", "telephone"}


def trigger_kind(tok: Token, lang: str) -> str | None:
    """The kind of encounter the token names ("meeting", "talks", "call"), else None."""
    if lemma(tok) not in _trigger_lemmas(lang):
        return None  # most tokens: no test below can pass
    if lang == "en" and tok.pos_ == "VERB" and calls_on(tok):
        return "meeting"
    if lang == "en" and tok.pos_ == "VERB" and calls_person(tok) or lang == "fr" and phoned_person(tok):
        return "call"
    if lang == "en" and _phoned(tok):
        return "call"
    if tok.pos_ == "VERB" and _joint_discussion(tok):
        return "talks"
    lem = lemma(tok)
    kind = load().meeting_triggers.get((lang, lem))
    if not kind and (_visit_to_person(tok) or _delivered_message(tok)):
        return "meeting"
    if not kind and tok.pos_ == "VERB" and _discussed_with(tok):
        return "talks"
    if not kind:
        return None
    pos = tok.pos_
    if pos and pos not in ("VERB", "NOUN", "PROPN", "AUX") and not (lang == "fr" and lem == "rencontre"):
        return None
    if lem == "engagement" and tok.tag_ != "NNS":
        return None  # "holding separate engagements with X": meetings; "his engagement with India": a policy
    if lem == "échanger" and _exchanged_with(tok):
        return "talks"  # "X a échangé avec Y": talks, a call only with a phone cue
    if lem in ("entretenir", "revoir"):
        # only the reflexive "s'entretenir", "se revoir" ("revoir sa copie" is no encounter)
        # (the apostrophe typed straight or curly: "s'est", "s’est")
        if not any(t.lower_.replace("’", "'") in ("s'", "se", "s", "s'est", "s'entretiendrait")
                   for t in tok.doc[max(0, tok.i - 3):tok.i]):
            return None
    return kind


def sentence_triggers(doc: Doc, sent, lang: str) -> list[tuple[Token, str]]:
    """The meeting words of a sentence, with their kind, minus press events and matches."""
    lex = load()
    sports = lex.words("sports")
    sent_words = None
    found = []
    candidates, lems = _trigger_lemmas(lang), lemmas(doc)
    for i in range(sent.start, sent.end):
        if lems[i] not in candidates:
            continue  # no meeting word (spares making the Token)
        tok = doc[i]
        kind = trigger_kind(tok, lang)
        if not kind or negated(tok):
            continue
        children = {fold(c.text) for c in tok.children} if has(doc, "DEP") else set()
        near = {fold(w) for w in texts(doc)[tok.i + 1:min(tok.i + 4, sent.end)]}
        if (children | near) & lex.not_meeting or _practice(tok):
            continue
        if lemma(tok) == "invitation" and not _invited_visit(doc, sent, tok):
            continue
        if lang == "en" and not _english_encounter(tok):
            continue
        if tok.pos_ == "NOUN" and tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
            continue  # "the host country President X", "the summit venue": a modifier, no encounter
        if lemma(tok) in ("rencontre", "rencontrer", "meet", "meeting"):
            sent_words = sent_words or {fold(w) for w in texts(doc)[sent.start:sent.end]}
            if sent_words & lex.not_meeting & sports:
                continue
        found.append((tok, kind))
    if len(found) > 1:  # "On the sidelines of the summit, X had meetings with Y": the summit is where
        found = [(t, k) for t, k in found if not _setting(t)] or found
    return found


def _setting(tok: Token) -> bool:
    """The meeting noun follows "the sidelines of", "en marge du" (a few words before it)."""
    settings = load().words("setting")
    return tok.pos_ in ("NOUN", "PROPN") and any(t.lower_ in settings for t in tok.doc[max(0, tok.i - 4):tok.i])


def _invited_visit(doc: Doc, sent, tok: Token) -> bool:
    """ "effectuera une visite d'Etat en Chine, à l'invitation de son homologue Wen Bo", "visited
    Rome at the invitation of ...": a visit at someone's invitation is an encounter with the host."""
    before = fold(doc[max(sent.start, tok.i - 2):tok.i].text).replace(" ", "")
    if before not in ("al", "atthe") and not (tok.i > sent.start and doc[tok.i - 1].lower_ == "sur"):
        return False  # "à l'invitation", "at the invitation", "sur invitation"
    return bool(load().phrases("visit").search(span_text(doc, sent.start, sent.end))) or any(
        lemma(t) in ("visite", "visit", "visiter") for t in doc[sent.start:tok.i])


def _english_encounter(tok: Token) -> bool:
    """ "X welcomed Y" but not "Welcoming the new president ... to the new Zim!" (a greeting without
    its subject); "held consultations" but not "continuing trilateral consultation" (a practice)."""
    lem = lemma(tok)
    if lem == "welcome":
        return tok.tag_ != "VBG"
    if lem == "consultation":
        return tok.lower_ == "consultations" and lemma(tok.head) in load().words("hold_verb")
    return True


def _practice(tok: Token) -> bool:
    """ "poursuivre les consultations à différents niveaux": a plural meeting noun a verb of
    continuing governs is a practice, not an encounter."""
    return tok.pos_ == "NOUN" and "Plur" in tok.morph.get("Number") and tok.dep_ in ("obj", "dobj") \
        and lemma(tok.head) in load().words("continue_verb")


def call_kind(doc: Doc, sent, tok: Token, scope: set[int], kind: str) -> str | None:
    """ "call" when a phone or video cue is in the trigger's scope or next to it; None when the
    trigger is an encounter only by phone ("appel", "speak") and no cue says so."""
    lex = load()
    tx = texts(doc)  # not a Token per word
    near = range(max(sent.start, tok.i - 3), min(len(doc), tok.i + 4))
    # (the cheap test first: most words are no cue, and the label and press tests read around them)
    cued = any(fold(tx[i]) in lex.call_cues and not _media_label(doc, i) and not _press_event(tx, i)
               for i in (*scope, *near))
    if tok.i > sent.start and fold(doc[tok.i - 1].text) in lex.words("in_person_call"):
        return "meeting"  # "paid a courtesy call on the President": a visit, not a phone call
    if cued:
        return "call"
    if any(t.pos_ == "NOUN" and lemma(t) in ("call", "appel") for t in doc[tok.i + 1:min(sent.end, tok.i + 4)]) \
            and lemma(tok) in lex.words("host_verb"):
        return "call"  # "received a call from X", "a reçu un appel de X"
    if lemma(tok) in lex.words("needs_call_cue") and not (kind == "meeting" and calls_on(tok)) and not _exchanged_with(tok) \
            and not _between_parties(tok) \
            and not (kind == "call" and tok.pos_ == "VERB" and (calls_person(tok) or _spoke_to_person(tok) or _phoned(tok))):
        # "spoke today with ..." in a readout headed "The Secretary's Call with ..."
        return "call" if lemma(tok) in ("speak", "parler", "s'entretenir") and _call_headline(doc) else None
    return kind


# words after "video" that make it a way of meeting ("video call", "video-link", "a video summit")
_VIDEO_ENCOUNTER = frozenset({"call", "calls", "conference", "conferences", "link", "chat", "meeting", "meetings", "talks",
                              "summit", "conversation", "session", "format", "-"})


# words before "vidéo" that make it a way of meeting ("par vidéo", "liaison vidéo", "une réunion vidéo")
_BEFORE_VIDEO = frozenset({"par", "en", "via", "by", "over", "on", "per", "liaison", "echange", "entretien", "reunion",
                           "conference", "sommet", "appel", "conversation", "rencontre", "entrevue", "dialogue"})


def _press_event(tx: list[str], i: int) -> bool:
    """ "a joint virtual press conference", "une conférence de presse virtuelle": the press's event was
    online, not the encounter."""
    near = {fold(w) for w in tx[max(0, i - 3):i + 3]}
    return "press" in near or "presse" in near


def _media_label(doc: Doc, i: int) -> bool:
    """ "... with the envoy – video", "(VIDEO)": a headline's word for the clip the page carries, no call;
    "Une vidéo de cette rencontre a montré": a film of the encounter, no call either (but "par vidéo",
    "en vidéo", "video call", "vidéoconférence")."""
    if fold(doc[i].text) in ("video", "videos") and not (
            i > 0 and fold(doc[i - 1].text) in _BEFORE_VIDEO
            or i + 1 < len(doc) and fold(doc[i + 1].text) in _VIDEO_ENCOUNTER):
        return True
    if i < 1 or doc[i - 1].text not in ("–", "—", "-", "(", "[", "|"):
        return False
    end = i + 1 + (i + 1 < len(doc) and doc[i + 1].text in (")", "]"))
    return end >= len(doc) or "\n" in doc[end - 1].whitespace_ or doc[end].is_space or doc[end].is_punct and doc[end].text != "-"


def _between_parties(tok: Token) -> bool:
    """ "au centre des échanges, le 6 octobre, entre A et B", "the conversation between A and B": a
    noun of exchange that names its two parties is an encounter, by phone or not."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    end = sent_bounds(tok.doc, tok.i)[1]
    return any(t.lower_ in ("entre", "between") for t in tok.doc[tok.i + 1:min(end, tok.i + 9)])


def _discussed_with(tok: Token) -> bool:
    """ "M. Bourita a discuté avec le secrétaire général", "discussed with his counterpart": a verb
    of discussing whose partner follows "avec" / "with" at once (not "a discuté de la crise"), or
    after its topic when a person, a title or a role follows ("pour parler de l'Ukraine avec le
    secrétaire d'État X")."""
    if lemma(tok) not in load().words("discuss_verb"):
        return False
    doc = tok.doc
    if any(t.lower_ in ("avec", "with") for t in doc[tok.i + 1:tok.i + 3]):
        return True
    end = sent_bounds(doc, tok.i)[1]
    return has(doc, "DEP") and any(
        t.lower_ in ("avec", "with") and _hangs_on(t, tok, 3) and _person_after(doc, t.i, end)
        for t in doc[tok.i + 3:min(end, tok.i + 10)])


def _hangs_on(t: Token, verb: Token, steps: int) -> bool:
    """Whether the verb is among the token's heads, a few steps up."""
    for _ in range(steps):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.i == verb.i:
            return True
    return False


def _exchanged_with(tok: Token) -> bool:
    """ "a échangé avec le secrétaire X" (not "ont échangé des prisonniers"); "pour des échanges avec
    le président X" (not "les échanges commerciaux avec la Chine": a person follows "avec")."""
    if lemma(tok) == "échanger":
        return any(t.lower_ == "avec" for t in tok.doc[tok.i + 1:tok.i + 4])
    if lemma(tok) != "échange" or tok.pos_ != "NOUN":
        return False
    doc = tok.doc
    k = next((t.i for t in doc[tok.i + 1:tok.i + 3] if t.lower_ == "avec"), None)
    return k is not None and _person_after(doc, k, sent_bounds(doc, tok.i)[1])


def _call_headline(doc: Doc) -> bool:
    """The article's first line names a phone call ("Call", "entretien téléphonique")."""
    value = doc.user_data.get("diplowatch_call_headline")
    if value is None:
        first = doc_text(doc).lstrip().split("\n", 6)[:6]
        lines = [line for line in first if line.strip() and not line.lower().startswith("date ")]
        # a short first line may be a site's menu ("Submit Release") above the headline
        heads = lines[:2] if len(lines) > 1 and len(lines[0].split()) <= 3 and len(lines[1].split()) >= 4 else lines[:1]
        value = any({fold(w) for w in line.split()} & (load().call_cues | {"call", "appel"}) for line in heads)
        doc.user_data["diplowatch_call_headline"] = value
    return value
