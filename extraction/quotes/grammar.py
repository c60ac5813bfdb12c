"""The grammar of a reporting verb: its subject, an inverted subject, its content clause.

Constructions handled:
- the subject on the verb, on its auxiliary ("Son homologue a, pour sa part, estimé"), or a name
  the tagger missed right before it ("Xi a poursuivi"), across an incidental phrase without
  commas ("X a pour sa part jugé"); a participle, an infinitive or a coordinated verb without a
  subject takes its governor's ("..., ajoutant que", "X a reçu Y et lui a assuré que") (``subject``);
- the inverted subject: "a ajouté le porte-parole", "a-t-il ajouté", "said Diko" (``inverted_subject``);
- verb forms that report nobody: "il convient de noter que" (impersonal), "estimée à plusieurs
  milliers", "prévue le 3 mars" (a participle used as an adjective) (``not_a_saying``);
- a participle the tagger read as a noun after "a-t-elle" ("a-t-elle souligné") (``mistagged_participle``);
- the content clause after other words: "told reporters after the meeting that ...", "a assuré
  aux journalistes que ..." (``marked_clause``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .. import geo
from ..lexicons import load
from ..people.model import sent_bounds
from ..words import fold, has, lemma


def words(name: str) -> frozenset[str]:
    return load().words(name)


def has_finite_verb(doc: Doc, start: int, end: int) -> bool:
    return any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") and not geo.adjective_country(t.text)
               for t in doc[start:end])


def has_verb(doc: Doc, start: int, end: int) -> bool:
    return any(t.pos_ in ("VERB", "AUX") and not geo.adjective_country(t.text) for t in doc[start:end])


def dateline_word(tok: Token) -> bool:
    """The first word of a dateline, opening its line before a comma, a point, a colon or a dash
    ("MOSCOU, 10 novembre", "BRASILIA :", "MEXICO —", "Mexique – Le président X a ..."): a place the
    parser may take for a subject, never a speaker."""
    doc = tok.doc
    if not (tok.i == 0 or "\n" in doc[tok.i - 1].text_with_ws) or tok.i + 1 >= len(doc):
        return False
    sep = doc[tok.i + 1].text
    if sep not in (",", ".", ":", "-", "–", "—"):
        return False
    capitals = tok.text.isupper() and len(tok.text) > 1
    if capitals and sep not in (",", "."):
        return True
    # a country's name is a dateline in capitals or before a dash ("France, Allemagne et Italie ont ..." is a subject)
    return bool(geo.place_country(tok.text)) and (capitals or sep in ("–", "—") or not geo.is_country_name(tok.text))


def _dependency_subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj") and c.dep_ != "nsubj:pass"]
    # a nominal subject before a participle the parser also took for one ("Notant que ..., le président a déclaré")
    subjects.sort(key=lambda c: c.pos_ not in ("NOUN", "PROPN", "PRON"))
    if subjects and dateline_word(subjects[0]):
        # "MEXICO — Le ministre X a déclaré": the parser took the dateline for a subject too, or for the
        # subject with the person in apposition to it
        rest = subjects[1:] or [c for c in subjects[0].children if c.dep_ in ("appos", "conj") and c.i > subjects[0].i + 1
                                and c.pos_ == "PROPN"]
        subjects = rest or subjects
    if subjects:
        return subjects[0]
    for child in verb.children:
        if child.dep_ == "expl:subj" and child.lower_.endswith(("il", "elle")):
            return child
    # the subject hung on the auxiliary ("Son homologue a, pour sa part, estimé": nsubj -> "a")
    for aux in verb.children:
        if aux.dep_.startswith("aux") and aux.i < verb.i:
            for child in aux.children:
                if child.dep_.startswith("nsubj") and child.dep_ != "nsubj:pass":
                    return child
    if "Part" in verb.morph.get("VerbForm") and not any(c.dep_.startswith("aux") for c in verb.children):
        # "X a par la suite rappelé que": the parser took the auxiliary for the verb and the participle
        # for a complement of the phrase in between; the subject is the auxiliary's
        doc = verb.doc
        for k in range(verb.i - 1, max(sent_bounds(doc, verb.i)[0], verb.i - 6) - 1, -1):
            t = doc[k]
            if t.is_punct or t.pos_ in ("VERB", "AUX") and lemma(t) not in ("avoir", "être", "have", "be"):
                break
            if t.pos_ in ("VERB", "AUX"):
                return next((c for c in t.children if c.dep_.startswith("nsubj") and c.dep_ != "nsubj:pass"), None)
    return None


def _word_before(verb: Token) -> Token | None:
    """A capitalised word right before the verb and its auxiliaries: a name the tagger missed
    ("Xi a poursuivi"), also across an incidental phrase ("X a pour sa part jugé")."""
    doc = verb.doc
    j = verb.i - 1
    s_start = sent_bounds(doc, verb.i)[0]
    while j >= s_start and doc[j].pos_ in ("AUX", "ADV") and doc[j].text[:1].islower():
        j -= 1
    incidental = doc[max(s_start, j - 2):j + 1].text.lower()
    if j > s_start and incidental.endswith(tuple(words("incidental"))):
        k = j - 3
        if k >= s_start and doc[k].pos_ == "AUX":
            j = k
        while j >= s_start and doc[j].pos_ in ("AUX", "ADV") and doc[j].text[:1].islower():
            j -= 1
    if j >= s_start + 2 and j < verb.i - 1 and doc[j].text == "," and doc[j - 1].text[:1].isupper() and doc[j - 1].pos_ == "PROPN":
        j -= 1  # "De son côté, Wang Yi, a transmis"
    if j >= s_start and j < verb.i - 1 and doc[j].text[:1].isupper() and doc[j].is_alpha and doc[j].pos_ != "PRON" \
            and (j == s_start or not doc[j - 1].is_alpha or doc[j - 1].pos_ in ("PUNCT", "DET", "CCONJ", "ADJ", "PROPN")):
        return doc[j]
    return None


def _inside_fronted_clause(verb: Token, found: Token) -> bool:
    """The subject found lies in a participle clause opening the sentence ("Notant que ..., X a déclaré")."""
    doc = verb.doc
    s_start = sent_bounds(doc, verb.i)[0]
    first = doc[s_start]
    if found.i <= s_start or not (fold(first.text) in words("fronted_participle") or first.lower_.endswith("ant")
                                   and s_start + 1 < len(doc) and doc[s_start + 1].lower_ in words("complementiser")):
        return False
    return any(doc[k].text == "," for k in range(found.i + 1, verb.i))


def _after_fronted(verb: Token) -> Token | None:
    """ "Interrogée sur la visite ..., la porte-parole X a déclaré": the parser took the fronted
    participle for the subject; the subject is the noun phrase after the clause's last comma."""
    doc = verb.doc
    s_start = sent_bounds(doc, verb.i)[0]
    comma = next((k for k in range(verb.i - 1, s_start, -1) if doc[k].text == ","), None)
    if comma is None:
        return None
    return next((t for t in doc[comma + 1:verb.i] if t.pos_ in ("NOUN", "PROPN") or t.text[:1].isupper() and t.is_alpha), None)


def subject(verb: Token) -> Token | None:
    """The subject of a reporting verb (see the module's docstring)."""
    found = _dependency_subject(verb)
    if found is not None and _inside_fronted_clause(verb, found):
        # "Notant que la Chine et le Pakistan sont des partenaires, M. Wang a déclaré": the parser took a
        # noun of the fronted clause for the subject; the subject is after the clause's comma
        found = _after_fronted(verb) or found
    if found is not None and found.i == sent_bounds(verb.doc, verb.i)[0] and (
            fold(found.text) in words("fronted_participle")
            or found.pos_ in ("ADJ", "VERB") and found.i + 1 < len(verb.doc) and verb.doc[found.i + 1].pos_ == "ADP"):
        # "Interrogée sur ...", "Présent à la cérémonie, ...": no noun, so not the subject
        found = _after_fronted(verb) or found
    if found is not None:
        return found
    if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and verb.head.head.i < verb.head.i \
            and (any(c.dep_.startswith("aux") for c in verb.children) or verb.tag_ == verb.head.head.tag_ == "VBD"
                 or verb.tag_ == "VBD" and verb.head.head.tag_ == "VBN"  # "X has claimed that ... and said that"
                 and (verb.lang_, lemma(verb.head.head)) in load().reporting):
        # "X a déclaré que son pays était prêt et a ajouté que ...", "X said ... but insisted that":
        # the parser hung the second verb, in the first one's tense, on the reported clause; its
        # subject is the first verb's
        found = subject(verb.head.head)
        if found is not None:
            return found
    if verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.i < verb.i:
        found = subject(verb.head)  # "X a reçu Y et lui a assuré que": the first verb's subject
        if found is not None:
            return found
    found = _word_before(verb)
    if found is not None:
        return found
    # a participle ("ajoutant que", "Notant que ..., X a déclaré") or an infinitive takes its governor's subject
    participle = present_participle(verb)
    if (verb.dep_ in ("advcl", "xcomp", "conj", "acl") or participle) and verb.head.i != verb.i:
        # "..., a rappelé X, précisant que ...": the governor's subject, also when written after it
        governor = verb.head
        if participle and governor.dep_ == "ccomp" and governor.head.i < governor.i \
                and (verb.lang_, lemma(governor.head)) in load().reporting:
            # "The president said his administration would work ..., saying: ...": the parser hung
            # the participle in the reported clause; the one saying is the reporting verb's subject
            governor = governor.head
        if participle and governor.pos_ == "NOUN" and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
            # "X a indiqué que les discussions avaient été utiles, ajoutant que ...": the parser hung
            # the participle on a noun of the reported clause; the one adding is the clause's speaker
            while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
                governor = governor.head
        return subject(governor) or (inverted_subject(verb.doc, governor) if participle else None)
    if participle and verb.i == sent_bounds(verb.doc, verb.i)[0]:
        return _main_subject(verb)
    return None


def present_participle(verb: Token) -> bool:
    """ "ajoutant", "Notant", "saying" (also when the tagger read a sentence-initial one as an adjective)."""
    if "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense") or verb.tag_ == "VBG":
        return True
    return verb.lang_ == "fr" and verb.lower_.endswith("ant") and verb.i + 1 < len(verb.doc) \
        and verb.doc[verb.i + 1].lower_ in words("complementiser")


def _main_subject(verb: Token) -> Token | None:
    """ "Notant que ..., le chef de l'Etat a déclaré que": the subject of the sentence's main verb,
    written after the fronted participle clause."""
    doc = verb.doc
    end = sent_bounds(doc, verb.i)[1]
    for t in doc[verb.i + 1:end]:
        if t.dep_.startswith("nsubj") and t.head.i > t.i and t.head.pos_ in ("VERB", "AUX") and doc[t.left_edge.i - 1].text == ",":
            return t
    return None


def inverted_subject(doc: Doc, verb: Token) -> Token | None:
    """The subject written after the verb: "a ajouté le porte-parole", "a-t-il ajouté", "said Diko"."""
    s_start, s_end = sent_bounds(doc, verb.i)
    for t in doc[max(s_start, verb.i - 2):min(s_end, verb.i + 4)]:
        if t.lower_ in words("inverted_pronoun"):
            return t
    j = after_time(doc, verb.i + 1, s_end)
    if j < s_end and j == verb.i + 1 and "Inf" in doc[j].morph.get("VerbForm"):
        j += 1  # the infinitive of a multiword verb: "a fait savoir la porte-parole", "a laissé entendre X"
    j = _past_recipient(doc, j, s_end)
    # A name the tagger reads as adjectives ("a dit Huang Xia") is the subject, not words before it.
    while (j < s_end and doc[j].pos_ in ("ADV", "DET", "ADJ") and doc[j].lower_ not in ("que", "that")
           and not (doc[j].ent_type_ == "PER" and doc[j].ent_iob_ == "B"
                    or doc[j].text[:1].isupper() and any(c.dep_ == "flat:name" for c in doc[j].children))):
        j += 1
    if j < s_end and not doc[j].is_punct and not doc[j].is_quote and (doc[j].pos_ in ("PROPN", "NOUN") or doc[j].text[:1].isupper()):
        return doc[j]
    return None


def _past_recipient(doc: Doc, j: int, end: int) -> int:
    """Past whom the words were said to, between the verb and its subject: "a dit aux journalistes
    X", "a déclaré à la presse le ministre" (a common noun after "à" / "aux", not a name)."""
    if j >= end or doc[j].lower_ not in ("à", "au", "aux"):
        return j
    k = j + 1
    while k < end and doc[k].pos_ == "DET":
        k += 1
    if k < end and doc[k].pos_ == "NOUN" and doc[k].text[:1].islower():
        k += 1
        while k < end and doc[k].pos_ == "ADJ" and doc[k].text[:1].islower():
            k += 1
        return k
    return j


def after_time(doc: Doc, j: int, end: int) -> int:
    """Past a time expression right after the verb ("ce 30 janvier", "mardi soir", "on Friday")."""
    time_words, calendar = words("time_word"), words("calendar")
    k = j
    while k < end and (doc[k].like_num or doc[k].lower_ in time_words or fold(doc[k].text) in calendar):
        k += 1
    if k > j and any(doc[x].like_num or fold(doc[x].text) in calendar or doc[x].lower_ in ("hier", "aujourd'hui", "yesterday", "today")
                     for x in range(j, k)):
        return k
    return j


def mistagged_participle(t: Token) -> bool:
    """A participle the tagger read as a noun or adjective after "a-t-elle" / "a" ("a-t-elle souligné")."""
    if t.pos_ not in ("NOUN", "ADJ", "PROPN") or not t.text[:1].islower() or not t.lower_.endswith(("é", "és", "ée", "is", "it", "u")):
        return False
    doc = t.doc
    prev = [doc[k].lower_ for k in range(max(0, t.i - 3), t.i)]
    return bool(prev) and (prev[-1] in ("-il", "-elle", "-t-il", "-t-elle", "a", "ont", "avait", "aurait")
                           or len(prev) >= 2 and prev[-1] in ("aussi", "également", "encore", "enfin", "ensuite") and prev[-2] == "a")


def skip_incidental(doc: Doc, j: int, floor: int) -> int:
    """ "Le Président X a, pour sa part, salué ...": the comma before the verb closes an incidental
    phrase after the auxiliary, not an inverted attribution; the walk resumes before the auxiliary."""
    if j < floor or doc[j].text != ",":
        return j
    for k in range(j - 1, max(floor, j - 6), -1):
        if doc[k].text == ",":
            if k - 1 >= floor and doc[k - 1].pos_ == "AUX" and doc[k - 1].lower_ not in ("est", "sont", "is", "are"):
                return k - 2
            return j
    return j


_IMPERSONAL = re.compile(r"\bil (?:convient|faut|importe|reste) (?:de |d')?$")


def not_a_saying(v: Token) -> bool:
    """Reporting-verb forms that report nobody: "il convient de noter que" (impersonal), "estimée à
    plusieurs milliers" / "prévue le 3 mars" (a participle used as an adjective, no auxiliary)."""
    doc = v.doc
    if "Inf" in v.morph.get("VerbForm"):
        if lemma(v.head) in words("impersonal") and v.head.i != v.i:
            return True
        if _IMPERSONAL.search(doc[max(0, v.i - 4):v.i].text.lower() + " "):
            return True
    if v.lang_ == "fr" and "Part" in v.morph.get("VerbForm") and "Past" in v.morph.get("Tense"):
        has_aux = any(c.dep_.startswith("aux") for c in v.children) or v.i > 0 and doc[v.i - 1].pos_ == "AUX" \
            or v.i > 1 and doc[v.i - 2].pos_ == "AUX" or any(doc[k].lower_ in words("inverted_pronoun")
                                                           for k in range(max(0, v.i - 3), v.i))
        if not has_aux and v.i + 1 < len(doc) and doc[v.i + 1].lower_ in ("à", "au", "aux", "le", "en", "pour", "comme"):
            return True
    return False


def marked_clause(v: Token, sent) -> int | None:
    """Token index of the complementiser of the verb's clausal complement when other words come
    between ("told reporters after the meeting that ...", "a assuré aux journalistes que ...")."""
    if not has(v.doc, "DEP"):
        return None
    complementisers = words("complementiser")
    for c in v.children:
        if c.dep_ in ("ccomp", "xcomp", "obj") and c.i > v.i:
            first = c.left_edge
            if first.lower_ in complementisers and first.i - v.i <= 10 and sent.start <= first.i < sent.end:
                return first.i
    # the parser hung the clause elsewhere ("told reporters after the meeting that X ...")
    for k in range(v.i + 2, min(sent.end - 1, v.i + 12)):
        t = v.doc[k]
        verb = t.pos_ in ("VERB", "AUX") and not (t.tag_ == "VBG" and t.dep_ == "prep")  # "said Thursday following ..."
        if t.is_punct or verb or v.doc[k - 1].lower_ in complementisers:
            return None
        nxt = v.doc[k + 1]
        # the clause's subject: a determiner, pronoun or name, also a name the tagger took for
        # another part of speech ("que Tachkent était prêt", Tachkent tagged ADV)
        if t.lower_ in complementisers and t.dep_ in ("mark", "") and (
                nxt.pos_ in ("PROPN", "PRON", "DET") or nxt.text[:1].isupper() and not nxt.is_punct):
            return k
    return None


def content_after(k: int, sent, stops: set[int]) -> tuple[int, int] | None:
    """Tokens from k to the next attribution boundary or the sentence end."""
    end = sent.end
    for s in sorted(stops):
        if s > k:
            end = min(end, s)
            break
    if end <= k:
        return None
    return k, end


def joint_subject(ctx, subj: Token) -> bool:
    """ "les deux parties", "the sides", "les deux pays": a joint subject (data/joint_subjects.txt),
    whose statement is nobody's own."""
    joint, doc = ctx.lex.joint_subjects, ctx.doc
    if fold(subj.text) in joint:
        return True
    if subj.lower_ in ("les", "the") and subj.i + 1 < len(doc) and fold(doc[subj.i + 1].text) in joint:
        return True
    return any(fold(t.text) in joint for t in doc[max(0, subj.i - 2):subj.i] if t.lower_ in ("deux", "two"))
