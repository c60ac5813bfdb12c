"""Who takes part in an encounter: the people of the trigger's scope and the people it refers back to.

Constructions handled (``participants``):
- the person and party mentions of the scope ("Le président A a reçu le ministre B");
- not participants: officials after "en présence de", "accompagné de", "were present", and the
  source of a "Selon X, ..." (up to the source's comma), and the subject of another clause's
  reporting verb;
- a pronoun or relative subject: "Il rencontrera ...", "X, qui a reçu Y";
- "les deux dirigeants", "the three leaders": the last encounter of that many leaders, else the
  leaders last named (``group_leaders``);
- a plural group without names, listed in the next sentence ("les ministres des Affaires
  étrangères. Il s'agit du ministre malien ..., X, et du ministre tchadien ..., Y").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..lexicons import load, words_of
from ..people.anaphora import anaphor_antecedent, pronoun_antecedent, relative_antecedent
from ..people.model import Mention, sent_bounds
from ..people.roles import role_at
from ..words import doc_text, fold, has, lemma, span_text
from .model import MeetingCandidate, count_parties
from .later import ahead_of
from .triggers import trigger_kind
from .scope import between, clause_root, governor, subject_of


def _source_named(doc: Doc, m: Mention, cue_end: int) -> bool:
    """ "according to a statement by his Special Adviser on Communication, Strategy, X, Tinubu had ...": the
    first name after the source cue, set between commas after a title, is the source (not "Selon le service
    de presse, X a rencontré Y", where X opens the clause, nor "Selon l'agence, A et son homologue, B, ...")."""
    if m.start < 2 or m.end >= len(doc) or doc[m.start - 1].text != "," or doc[m.end].text != ",":
        return False
    between = doc.char_span(cue_end, doc[m.start].idx, alignment_mode="expand") or ()
    if any(t.ent_type_ in ("PER", "PERSON") for t in between):
        return False
    lang = doc.lang_ if doc.lang_ in ("fr", "en") else "fr"
    return any(role_at(doc, k, lang) for k in range(max(0, m.start - 12), m.start - 1))


def _excluded(doc: Doc, sent, m: Mention, tok: Token, scope: set[int]) -> bool:
    lex = load()
    before = doc_text(doc)[sent.start_char:doc[m.start].idx]
    cue = None
    for found in lex.phrases("not_participant").finditer(before):
        cue = found  # the last one before the name
    if cue is not None and not (cue.group(0).lower() in ("selon", "according") and "," in before[cue.end():]
                                and not _source_named(doc, m, sent.start_char + cue.end())):
        return True  # "Selon le service de presse, X a rencontré Y": the source's comma ends its phrase
    head = doc[m.start]
    if m.kind == "party" and has(doc, "DEP") and any(
            t.dep_ == "attr" or any(c.dep_ == "cop" for c in t.children) for t in doc[m.start:m.end]):
        return True  # "X est le premier dirigeant européen à rendre visite à Y": the predicate is X
    if any(t.lower_ in lex.words("media_role") for t in doc[max(sent.start, m.start - 3):m.start]):
        return True  # "Elle en discute avec l'animateur X": an interview
    if _kin_of(doc, m):
        return True  # "Y, daughter of former dictator X": X is named to say whose daughter she is
    if _ON_BEHALF.search(doc_text(doc)[doc[max(sent.start, m.start - 8)].idx:doc[m.start].idx]):
        return True  # "nous a reçus au nom de son frère et ami X": X sent them, X was not there
    if _in_participle_incise(doc, sent, m, tok):
        return True  # "L'ex-candidat, classé troisième derrière X, a abordé ... avec Y": not X
    if _principal_of_envoy(doc, m):
        return True  # "X a reçu l'envoyé spécial du président Y": Y sent him, Y was not there
    if has(doc, "DEP") and _in_relative_clause(doc, m, tok):
        return True  # "X called on Y, to whom he delivered a letter from Z": Z is no participant
    if m.end < len(doc) and doc[m.end].lower_ in ("government", "administration", "gouvernement", "regime", "régime") \
            or m.start > 0 and doc[m.start - 1].lower_ in ("gouvernement", "administration", "régime"):
        return True  # "the new Trump government", "l'administration Biden": a government named after its head
    if _fate_of(doc, m):
        return True  # "avoir discuté du sort de Mme X et du Dr Y": the people talked about
    if _topic_of_discussion(doc, m, tok):
        return True  # "s'est entretenu avec A pour discuter de la situation après l'assassinat de X": X is a topic
    if _after_attribution(doc, m, tok):
        return True  # "..., a précisé la porte-parole du ministère, Li Hua": the source, not a participant
    return has(doc, "DEP") and head.dep_.startswith("nsubj") and lemma(head.head) in lex.reporting_lemmas \
        and head.head.i != tok.i and head.head.i not in scope - {head.head.i} | {tok.i} \
        and not _in_adjunct_of(tok, head.head) and governor(clause_root(tok)).i != head.head.i
    # (but "X dit s'être entretenu avec Y", "X said he had met Y" in the infinitive: X met Y)


# "au nom de son frère et ami X", "on behalf of President X": the one who sent the party, right before the name
_ON_BEHALF = re.compile(r"\b(?:au nom d(?:e|u|es|')|on behalf of)\b[^,;]*$", re.I)


# "du sort de X", "the case of X", "la libération de X": a person whose situation is the topic
_FATE = re.compile(r"\b(?:sort|cas|situation|libération|liberation|détention|detention|fate|case|release|plight)\s+"
                   r"(?:de|du|des|d'|of)\s+(?:(?:la|le|l'|the|mme|m\.|mr\.?|ms\.?|dr\.?)\s+)*$", re.I)
# (and each person coordinated after it: "du sort de Mme X et du Dr Y")
_AND_FATE = re.compile(r"^\s*(?:et|and)\s+(?:de|du|des|d'|of)?\s*(?:(?:la|le|l'|the|mme|m\.|mr\.?|ms\.?|dr\.?)\s+)*$", re.I)


def _fate_of(doc: Doc, m: Mention) -> bool:
    """The person is the topic of a phrase about their situation ("du sort de X", "the release of X")."""
    start = sent_bounds(doc, m.start)[0]
    text = doc_text(doc)
    before = text[doc[max(start, m.start - 6)].idx:doc[m.start].idx]
    if _FATE.search(before):
        return True
    if not any(t.lower_ in ("et", "and") for t in doc[max(start, m.start - 4):m.start]):
        return False  # (the look-up of the mention before is for a coordinated name only)
    previous = next((o for o in reversed(doc._.mentions or ()) if o.end <= m.start and o.start >= start), None)
    return previous is not None and previous.kind == "person" \
        and _AND_FATE.match(text[doc[previous.end - 1].idx + len(doc[previous.end - 1].text):doc[m.start].idx]) is not None \
        and _fate_of(doc, previous)


_KIN = frozenset({"daughter", "son", "wife", "husband", "widow", "father", "mother", "brother", "sister", "nephew",
                  "niece", "grandson", "granddaughter", "fille", "fils", "épouse", "epouse", "époux", "epoux", "mari",
                  "veuve", "père", "pere", "mère", "mere", "frère", "frere", "sœur", "soeur", "neveu", "nièce", "petit-fils", "petite-fille"})


def _kin_of(doc: Doc, m: Mention) -> bool:
    """ "daughter of former dictator Alberto Fujimori", "fils de l'ancien président X": a relative's name."""
    for k in range(m.start - 1, max(-1, m.start - 6), -1):
        if doc[k].lower_ in ("of", "de", "du", "d'") and k > 0 and fold(doc[k - 1].text) in _KIN:
            return True
        if doc[k].is_punct or doc[k].pos_ in ("VERB", "AUX"):
            return False
    return False


def _in_participle_incise(doc: Doc, sent, m: Mention, tok: Token) -> bool:
    """The mention is inside a comma-bounded incise that a past participle opens (", classé
    troisième derrière X,", ", élu face à X,"), and the meeting word is outside it."""
    open_ = next((k for k in range(m.start - 1, max(sent.start, m.start - 12) - 1, -1) if doc[k].text == ","), None)
    close = next((k for k in range(m.end, min(sent.end, m.end + 8)) if doc[k].text == ","), None)
    if open_ is None or close is None or close > tok.i or open_ + 1 >= m.start:
        return False  # before the meeting word only: "une délégation, conduite par X," after "a reçu" is X's
    first = doc[open_ + 1]
    if doc[open_ + 2].lower_ in ("par", "by", "de", "d'", "du", "des", "of"):
        return False  # "La délégation, conduite par X, a été reçue": X led it, X was there
    return first.pos_ in ("VERB", "ADJ") and "Part" in first.morph.get("VerbForm") and "Past" in first.morph.get("Tense") \
        and not any(doc[k].text == "," for k in range(open_ + 1, m.start))


def _in_adjunct_of(tok: Token, verb: Token) -> bool:
    """ "a déclaré X lors d'une conférence de presse à l'issue d'une entrevue avec Y": the meeting
    word hangs on the reporting verb as a circumstance, not as what was said, so X took part."""
    node = tok
    for _ in range(8):
        if node.head.i == node.i:
            return False
        if node.head.i == verb.i:
            return node.dep_ in ("obl", "obl:mod", "advcl", "prep", "nmod", "advmod")
        node = node.head
    return False


def _principal_of_envoy(doc: Doc, m: Mention) -> bool:
    """The mention closes "<envoy> (spécial) de/du/of (le président ...)" within a few words, or
    opens "President X's Special Envoy"."""
    envoys, ofs = load().words("envoy"), {"de", "du", "d'", "des", "of", "from"}
    if m.end + 1 < len(doc) and doc[m.end].lower_ in ("'s", "’s") and any(
            t.lower_ in envoys for t in doc[m.end + 1:m.end + 4]):
        return True
    commas, last_comma = 0, m.start
    titles = load().words("title") | {"son", "sa", "his", "her"}
    for k in range(m.start - 1, max(-1, m.start - 15), -1):
        tok = doc[k]
        if tok.text == "," and k > 0 and doc[k - 1].pos_ in ("NOUN", "ADJ", "PROPN") and "\n" not in tok.whitespace_ \
                and (commas == 0 or all(t.lower_ in titles for t in doc[k + 1:last_comma])):
            # "un message de son homologue angolais, X": the name apposed to the sender's title (past
            # a title between commas: "du Président de la République ..., Son Excellence, X")
            commas, last_comma = commas + 1, k
            continue
        if tok.is_punct and tok.text not in ("'", "-") or "\n" in tok.whitespace_:
            return False
        if tok.lower_ in ("to", "à", "au", "aux") and _delivered_by(tok):
            return False  # "handed a letter from President Y to President Z": Z received it
        if tok.lower_ in ("by", "par") and k > 0 and lemma(doc[k - 1]) in load().words("send_verb") and any(
                t.lower_ in envoys for t in doc[max(0, k - 10):k]):
            return True  # "a letter of invitation ..., sent by Esteban Lazo": its sender
        if tok.lower_ in ofs and k + 1 < len(doc) and fold(doc[k + 1].text) in ("etat", "state"):
            return False  # "le conseiller d'État Wang Yi": a title, no principal
        if tok.lower_ in ofs and k > 0 and any(t.lower_ in envoys for t in doc[max(0, k - 6):k]) \
                and _governs(doc, envoys, k):
            # past a comma only for a message's sender; "l'envoyé spécial du président X, Y" names the envoy
            # ("un émissaire de son homologue béninois, X": an envoy said with "un" is not named after it, so
            # X, apposed to a title that names no one, is the principal; "le représentant spécial du
            # président russe pour la Syrie, X" is X)
            envoy = next(t for t in reversed(doc[max(0, k - 6):k]) if t.lower_ in envoys)
            indefinite = envoy.i > 0 and doc[envoy.i - 1].lower_ in ("un", "une", "a", "an")
            return not commas or any(t.lower_ in load().words("message_noun") for t in doc[max(0, k - 6):k]) \
                or indefinite and not any(t.ent_type_ in ("PER", "PERSON") or t.pos_ == "PROPN" for t in doc[k + 1:last_comma])
    return False


def _governs(doc: Doc, envoys: frozenset[str], k: int) -> bool:
    """The "de" at k hangs on the envoy word (or its message): no other noun between them ("le conseiller
    d'État et ministre des Affaires étrangères X": "des" is the minister's)."""
    for t in reversed(doc[max(0, k - 6):k]):
        if t.lower_ in envoys or t.lower_ in load().words("message_noun"):
            return True
        if t.pos_ == "NOUN" and t.lower_ not in ("spécial", "special", "spéciale", "personnel", "personal"):
            return False  # (a name qualifies the envoy: "les Conseillers Afrique du Président X")
    return False


def _delivered_by(prep: Token) -> bool:
    """The preposition gives the recipient of a verb of handing over ("handed ... to Z", "a remis
    ... à Z"), not an addressee inside the message's noun phrase ("un message ... à Sa Majesté")."""
    verb = prep.head if prep.dep_ == "prep" else prep.head.head
    return lemma(verb) in load().words("deliver_verb")


def _topic_of_discussion(doc: Doc, m: Mention, tok: Token) -> bool:
    """The mention comes after a verb of discussing that follows the meeting word ("... avec ses homologues,
    pour discuter de la situation après l'assassinat du général X", "to discuss the case of X"): what was
    talked about, not who talked (but "a discuté avec X" names X)."""
    discuss = load().words("discuss_verb")
    for t in doc[tok.i + 1:m.start]:
        if t.pos_ == "VERB" and lemma(t) in discuss and t.i != tok.i:
            after = doc[t.i + 1:m.start]
            return not any(a.lower_ in ("avec", "with") for a in after[:3])
    return False


def _after_attribution(doc: Doc, m: Mention, tok: Token) -> bool:
    """The mention follows an inverted attribution closing the sentence (", a précisé X", ", the
    spokesman said"), or is its subject before the verb that ends the sentence (", X said.")."""
    reporting = load().reporting_lemmas
    commas = [k for k in range(tok.i + 1, m.start) if doc[k].text == ","]
    for k in commas:
        window = doc[k + 1:min(m.start + 1, k + 5)]
        if any(lemma(t) in reporting and t.pos_ in ("VERB", "AUX", "") for t in window):
            return True
    # ("..., reflecting the engagement between the two nations, Press Secretary X said.")
    return bool(commas) and m.end < len(doc) and lemma(doc[m.end]) in reporting and doc[m.end].pos_ in ("VERB", "AUX") \
        and (m.end + 1 >= len(doc) or doc[m.end + 1].is_punct)


# participles whose agent leads or hosts the people of the phrase ("a delegation led by X", "talks hosted by X")
_LEADING = frozenset({"lead", "head", "host", "chair", "organise", "organize", "accompany", "conduct", "conduire",
                      "diriger", "présider", "accompagner", "organiser", "mener", "accueillir"})


# nouns whose participle's agent is the visitor ("la visite de courtoisie effectuée par X")
_VISIT_NOUNS = frozenset({"visite", "visit", "voyage", "trip", "tournée", "tour", "mission", "délégation", "delegation"})


def _agent_of_other(node: Token, tok: Token) -> bool:
    """ "to ease tension caused by Defense Minister X", "la crise provoquée par X": the agent of a participle
    hung on a noun that is no meeting word did something else than meet."""
    return node.dep_ == "acl" and node.head.i != tok.i and lemma(node) not in _LEADING \
        and lemma(node.head) not in _VISIT_NOUNS \
        and ("Part" in node.morph.get("VerbForm") or node.tag_ == "VBN") \
        and not trigger_kind(node.head, tok.doc.lang_ if tok.doc.lang_ in ("fr", "en") else "fr") \
        and any(c.dep_ in ("agent", "obl:agent") for c in node.children)


_TIME_MARKS = frozenset({"after", "before", "until", "après", "avant"})


def _subject_of_time_clause(clause: Token, word: Token) -> bool:
    """ "Shortly after Wang Yi left, A and B moved to another room for a bilateral meeting": the subject of
    a clause of time before or after the encounter is no party of it."""
    subject = word.head if word.dep_ in ("compound", "flat", "flat:name", "appos") else word
    return clause.dep_ == "advcl" and any(c.lower_ in _TIME_MARKS for c in clause.children if c.dep_ in ("mark", "prep", "case")) \
        and subject.dep_.startswith("nsubj") and subject.head.i == clause.i


def _in_relative_clause(doc: Doc, m: Mention, tok: Token) -> bool:
    """The mention sits in a relative clause that does not hold the meeting word ("..., to whom he
    delivered a letter from Z", "..., dont le père ...")."""
    relatives = load().words("relative") | {"whom", "dont", "auquel", "auxquels", "laquelle", "lequel", "où", "whose"}
    node = doc[m.start]
    for _ in range(8):
        if node.i == tok.i or node.head.i == node.i:
            return False
        if node.dep_ in ("relcl", "acl:relcl", "advcl", "acl"):
            clause = list(node.subtree)
            if any(t.i == tok.i for t in clause):
                return False
            return node.dep_ in ("relcl", "acl:relcl") or any(t.lower_ in relatives for t in clause[:4]) \
                or _agent_of_other(node, tok) or _subject_of_time_clause(node, doc[m.start])
        node = node.head
    return False


def _subject_antecedent(doc: Doc, sent, tok: Token, mentions: list[Mention]) -> Mention | None:
    """ "il s'entretiendrait avec Tokaïev", "Il rencontrera ...", "X, qui a reçu Y"."""
    words = load()
    pronouns = words_of("pronoun_m", "pronoun_f")
    if not has(doc, "DEP"):
        for t in doc[sent.start:tok.i]:
            if t.lower_ in ("he", "she"):
                return pronoun_antecedent(doc, t.i, mentions)
        return None
    subj = subject_of(clause_root(tok))
    if subj is not None and subj.lower_ in pronouns:
        return pronoun_antecedent(doc, subj.i, mentions)
    if subj is not None and subj.lower_ in words.words("relative"):
        return relative_antecedent(doc, subj, mentions)
    if subj is not None:  # "Cette dernière aura un entretien avec X", "The latter will meet X"
        return anaphor_antecedent(doc, subj.i, mentions, strict=True) or None
    return None


def _conjunct_subject(doc: Doc, tok: Token, parts: list[Mention], mentions: list[Mention]) -> Mention | None:
    """ "X a été reçu par le roi, et a eu des entretiens avec Y": the second verb, with no subject of its own,
    has the first one's."""
    if not has(doc, "DEP"):
        return None
    root = clause_root(tok)
    # (a "subject" after the verb is a name of its objects the parser misread)
    if root.dep_ != "conj" or any(c.dep_.startswith("nsubj") and c.i < root.i for c in root.children) \
            or root.head.i >= root.i:
        return None
    subj = next((c for c in root.head.children if c.dep_.startswith("nsubj")), None)
    if subj is None:
        return None
    own = {m.key for m in parts}
    found = next((m for m in mentions if m.start <= subj.i < m.end and m.kind == "person" and m.key not in own), None)
    if found is None and fold(subj.text) in load().words("title"):  # "Mme Wong est arrivée ... et a rencontré Y"
        found = next((m for m in mentions if m.start == subj.i + 1 and m.kind == "person" and m.key not in own), None)
    return found


def _titles_in_scope(doc: Doc, m: Mention, scope: set[int]) -> bool:
    """ "Samdech Vibol Sena Pheakdei Say Chhum, président du Sénat, s'est entretenu avec X": the parser made
    the first of the honorifics the subject; the name after them is."""
    titles = load().words("title")
    j = m.start - 1
    if j in scope and m.kind == "person" and m.role and fold(m.role).endswith(fold(doc[j].text)) and doc[j].is_alpha \
            and any(doc[k].dep_.startswith("nsubj") for k in range(max(0, j - 3), j + 1) if k in scope):
        return True  # "que le président russe X avait rencontré Y": the parse hung the subject's name off its role
    while j >= 0 and fold(doc[j].text) in titles:
        if j in scope:
            return True
        j -= 1
    return False


def _gerund_holder(doc: Doc, tok: Token, parts: list[Mention], mentions: list[Mention]) -> Mention | None:
    """ "« ... », a déclaré Mattarella en recevant le président X": the one receiving is the subject the
    sentence gives the verb of saying, also where the parser hung the gerund on that name."""
    if not has(doc, "DEP") or tok.dep_ != "advcl" or not any(c.lower_ == "en" for c in tok.children if c.i < tok.i):
        return None
    head = tok.head
    # its subject, or the one the verb of saying has after it ("a vanté le président américain X"); or the
    # name the parser hung the gerund on
    candidates = [c for c in head.children if c.dep_.startswith("nsubj") or c.dep_ in ("obj", "xcomp") and c.i > head.i
                  and c.pos_ in ("PROPN", "NOUN")] if head.pos_ in ("VERB", "AUX") else [head]
    own = {m.key for m in parts}
    for c in candidates:
        words = {c.i} | {k.i for k in c.children if k.dep_ in ("appos", "flat:name", "nmod") and k.pos_ == "PROPN"}
        found = next((m for m in mentions if any(m.start <= i < m.end for i in words) and m.kind == "person"
                      and m.key not in own), None)
        if found is not None:
            return found
    return None


def _possessor(doc: Doc, tok: Token, mentions: list[Mention]) -> Mention | None:
    """ "Son entretien avec le ministre X", "L'entretien avec son homologue X", "his meeting with
    X": the one the possessive stands for, named before, is the other party."""
    if not has(doc, "DEP") or tok.pos_ != "NOUN":
        return None
    possessives = {"son", "sa", "his", "her"}
    det = next((c for c in tok.children if c.dep_ in ("det", "poss") and c.lower_ in possessives), None)
    if det is None:
        counterparts = load().words("counterpart_word")
        for c in tok.children:
            if fold(lemma(c)) in counterparts:
                det = next((d for d in c.children if d.dep_ in ("det", "poss") and d.lower_ in possessives), None)
                if det is not None:
                    break
    if det is None:
        return None
    ante = pronoun_antecedent(doc, det.i, mentions)
    return ante if ante is not None and ante.start < det.i else None


def _plural_subject(doc: Doc, sent, tok: Token, mentions: list[Mention]) -> list[Mention]:
    """ "X, ministre du Burkina Faso, et Y, ministre du Mali, en visite à Niamey. Ils étaient
    accompagnés ... pour tenir une séance de travail avec ...": "ils" are the people named in the
    sentence before."""
    if not has(doc, "DEP") or sent.start == 0:
        return []
    subj = subject_of(clause_root(tok))
    if subj is None or subj.lower_ not in load().words("pronoun_plural"):
        return []
    ps, pe = sent_bounds(doc, sent.start - 1)
    named = [m for m in mentions if ps <= m.start < pe and m.kind == "person" and not m.quoted]
    keys = list(dict.fromkeys(m.key for m in named))
    return [next(m for m in named if m.key == k) for k in keys] if 2 <= len(keys) <= 5 else []


def _pair_again(doc: Doc, tok: Token, parts: list[Mention], results: list[MeetingCandidate]) -> list[Mention]:
    """ "Ils se reverront vendredi à Malte", "They will meet again in May": a plural pronoun meeting no
    one named is the pair of the encounter just told (a few sentences back at most)."""
    if parts or not results or not has(doc, "DEP") or len(results[-1].participants) < 2 or tok.pos_ != "VERB":
        return []  # (a meeting noun, "avant une réunion du Conseil", is no encounter of the pronoun's)
    root = clause_root(tok)
    subj = subject_of(root)
    if subj is None or subj.lower_ not in load().words("pronoun_plural") or tok.i - results[-1].trigger > 250:
        return []
    children = (*root.children, *tok.children)
    if not any("Yes" in c.morph.get("Reflex") for c in children) if doc.lang_ == "fr" \
            else any(c.dep_ == "dobj" for c in children):
        return []  # "Ils doivent revoir leur budget": no encounter; "se reverront", "will meet again": one
    return list(results[-1].participants)


def _object_antecedent(doc: Doc, tok: Token, mentions: list[Mention]) -> Mention | None:
    """ "Emmanuel Macron, qui l'a accueilli", "received him": the person an object pronoun of the
    meeting verb stands for."""
    if not has(doc, "DEP"):
        return None
    objects = load().words("object_pronoun")
    for c in clause_root(tok).children:
        if c.dep_ in ("obj", "dobj", "iobj") and c.lower_ in objects:
            return pronoun_antecedent(doc, c.i, mentions)
    return None


def group_leaders(doc: Doc, phrase: str, results: list, mentions: list[Mention], before: int) -> list | None:
    """"les deux chefs d'Etat", "the three leaders": the latest encounter of that many leaders, else
    the leaders last named, not the latest encounter of two ministers."""
    if not any(w in phrase.lower() for w in ("présidents", "chefs d'", "presidents", "leaders", "dirigeants", "heads of state")):
        return None
    n = next((v for w, v in load().numbers.items() if w in phrase.lower().split()), 2)
    persons = doc._.persons or {}
    leaders = load().words("leader_head")

    def head(m: Mention) -> str:
        p = persons.get(m.key) if m.key else None
        return fold((p.head if p else None) or m.head or "").split(" ")[0]

    def fits(r) -> bool:
        return (len(r.participants) >= 2 if n == 2 else len(r.participants) == n) and all(head(m) in leaders for m in r.participants)

    if results and fits(results[-1]):
        return None  # the usual rule picks it
    for r in reversed(results):
        if fits(r):
            return list(r.participants)
    seen: list[Mention] = []
    for m in reversed([m for m in mentions if m.kind == "person" and m.start < before and before - m.start < 600]):
        if (head(m) in leaders or not head(m)) and m.key not in {x.key for x in seen}:
            seen.append(m)
        if len(seen) == n:
            return seen[::-1]
    return None


def _plural_unnamed(doc: Doc, scope: set[int], lang: str) -> bool:
    """The clause names a group without names: "les ministres des Affaires étrangères"."""
    return any("Plur" in doc[i].morph.get("Number") and doc[i].pos_ == "NOUN" and role_at(doc, i, lang) for i in scope)


def _listed_next(doc: Doc, sent, mentions: list[Mention]) -> list[Mention]:
    """Mentions of the next sentence when it lists the group ("Il s'agit du ministre malien ..., X, ...")."""
    if sent.end >= len(doc):
        return []
    nxt_start, nxt_end = sent_bounds(doc, sent.end)
    if not load().phrases("listing").match(doc[nxt_start:nxt_end].text):
        return []
    return [m for m in mentions if nxt_start <= m.start < nxt_end]


def participants(doc: Doc, sent, tok: Token, scope: set[int], mentions: list[Mention],
                 results: list[MeetingCandidate], lang: str) -> list[Mention]:
    """The participants of the encounter the trigger tok names (see the module's docstring)."""
    parts = [m for m in mentions if sent.start <= m.start < sent.end
             and (any(i in scope for i in range(m.start, m.end)) or _titles_in_scope(doc, m, scope))
             and not _excluded(doc, sent, m, tok, scope)]
    pair = between(tok) if has(doc, "DEP") else None
    if pair is not None:  # "the first meeting between A and B after the latter defeated C"
        named = [m for m in parts if m.start in pair]
        if count_parties(named) >= 2:
            return named
    ante = _subject_antecedent(doc, sent, tok, mentions)
    if ante is None and count_parties(parts) == 1:
        ante = _possessor(doc, tok, mentions) or _gerund_holder(doc, tok, parts, mentions)
    if ante is None:
        ante = _conjunct_subject(doc, tok, parts, mentions)
    if ante is not None:
        parts.insert(0, ante)
    else:
        if not ahead_of(tok):
            parts = (_plural_subject(doc, sent, tok, mentions) or _pair_again(doc, tok, parts, results)) + parts
    obj = _object_antecedent(doc, tok, mentions)
    if obj is not None and (ante is None or obj.key != ante.key):
        parts.append(obj)
    if 0 < count_parties(parts) < 3 and results and all(m.start > tok.i for m in parts) and not quoted(doc, sent, tok) \
            and any(fold(c.text) in load().words("three_sided") for c in tok.children):
        # "Cette rencontre fait suite à une réunion trilatérale aux côtés du ministre X": the two
        # parties of the encounter just told, and the third one, named after it (not in a quotation)
        parts = list(results[-1].participants) + parts
    two = load().phrases("n_of_them").search(span_text(doc, sent.start, sent.end))  # not Span.text: a Token per word
    if two and count_parties(parts) < 2 and _their_own(tok):
        leaders = group_leaders(doc, two.group(0), results, mentions, tok.i)
        if leaders is not None:
            parts = leaders + parts
        elif results:
            parts = list(results[-1].participants) + parts
        else:  # "A et B sont arrivés à Kiev. Les deux responsables doivent rencontrer X"
            parts = _named_last(doc, sent, mentions, two.group(0)) + parts
    return parts


def _their_own(tok: Token) -> bool:
    """The meeting word is the clause's own encounter (its verb, its subject, or the object of "hold",
    "avoir"), not a topic of it ("les deux responsables ont échangé sur les résultats des négociations")."""
    if not has(tok.doc, "DEP"):
        return True
    root = clause_root(tok)
    return tok.i == root.i or tok.head.i == root.i and tok.dep_ in ("obj", "dobj", "xcomp", "nsubj", "nsubj:pass")


def _named_last(doc: Doc, sent, mentions: list[Mention], phrase: str) -> list[Mention]:
    """The people "les deux responsables" / "the three leaders" stand for when no encounter was told
    before: as many people as the phrase counts, named last within the three sentences before, else all
    the article named before when they are that many."""
    n = next((v for w, v in load().numbers.items() if w in phrase.lower().split()), 2)
    start = sent.start
    for _ in range(3):
        if start > 0:
            start = sent_bounds(doc, start - 1)[0]
    before = [m for m in mentions if start <= m.start < sent.start and m.kind == "person" and not m.quoted]
    keys = list(dict.fromkeys(m.key for m in reversed(before)))[:n]
    if len(keys) != n:
        # "... l'invitation du président Macron ... [four sentences] ... Les discussions entre les deux
        # personnalités": the article names no more people than the phrase counts, so they are those
        before = [m for m in mentions if m.start < sent.start and m.kind == "person" and not m.quoted]
        keys = list(dict.fromkeys(m.key for m in reversed(before)))
        if len(keys) != n:
            return []
    return [next(m for m in reversed(before) if m.key == k) for k in reversed(keys)]


def quoted(doc: Doc, sent, tok: Token) -> bool:
    """The token is inside quotation marks opened in its sentence."""
    before = doc_text(doc)[sent.start_char:tok.idx]
    return before.count("«") > before.count("»") or before.count("“") > before.count("”") or before.count('"') % 2 == 1


def deliverers(doc: Doc, sent, tok: Token, mentions: list[Mention]) -> list[Mention]:
    """ "X received a special message from President Y. The message was delivered by Y's Special
    Envoy Z": whoever brought the message the trigger's object names met its receiver (in this
    sentence or the next)."""
    lex = load()
    if not has(doc, "DEP") or lemma(tok) not in lex.words("host_verb") or not any(
            c.dep_ in ("obj", "dobj") and c.lower_ in lex.words("message_noun") for c in tok.children):
        return []
    end = sent_bounds(doc, sent.end)[1] if sent.end < len(doc) else sent.end
    for verb in doc[tok.i + 1:end]:
        if lemma(verb) not in lex.words("deliver_verb"):
            continue
        agent = next((t for t in doc[verb.i + 1:min(end, verb.i + 4)] if t.lower_ in ("by", "par")), None)
        if agent is None:
            continue
        own = sent_bounds(doc, agent.i)
        found = [m for m in mentions if agent.i < m.start < own[1] and m.kind == "person"
                 and not _excluded(doc, doc[own[0]:own[1]], m, verb, set())]
        return found[:1]
    return []


def group_listed(doc: Doc, sent, scope: set[int], mentions: list[Mention], lang: str) -> list[Mention]:
    """The members of a plural group of the scope, listed in the next sentence."""
    return _listed_next(doc, sent, mentions) if _plural_unnamed(doc, scope, lang) else []


def group_of_earlier_countries(scope: set[int], mentions: list[Mention], results: list) -> list[Mention]:
    """ "l'entretien consultatif des chefs d'État qui se tiendra en mars prochain à Tachkent" after
    the five foreign ministers met: a plural office without a country stands for the countries of
    the last multilateral encounter (one party each)."""
    group = next((m for m in mentions if m.plural and not m.country and m.start in scope and m.kind == "party"), None)
    if group is None:
        return []
    earlier = next((r for r in reversed(results) if len({p.country for p in r.participants if p.country}) >= 3), None)
    if earlier is None:
        return []
    countries = list(dict.fromkeys(p.country for p in earlier.participants if p.country))
    return [Mention(group.start, group.end, group.text, "party", role=group.role, head=group.head, country=c,
                    cls=group.cls, plural=True) for c in countries]
