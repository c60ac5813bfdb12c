"""Quotes: direct (between quotation marks) and reported (verb of saying + content), with speakers.

Direct quotes are found on the characters, never trusting marks to be balanced: « runs to its »
or to the paragraph end, “ to ” (or a reversed ” to “), " to the next ". Reported quotes come from
reporting verbs (lexicon) with a "que/that" clause, an inverted attribution ("..., a-t-il
ajouté", "..., she said"), a statement-like object ("a affirmé la volonté de ...") or "selon X" /
"according to X". Speakers are resolved to full names through the people mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from .words import fold

from . import geo
from .lexicons import load
from .people import role_at, PRONOUNS, RELATIVE_PRONOUNS, Mention, pronoun_antecedent, relative_antecedent, sent_bounds
from .words import has, lemma, doc_text, verb_lemma

OPEN_CLOSE = {"«": "»", "“": "”", "„": "“", '"': '"', "”": "“"}
COMPLEMENTISERS = {"que", "qu'", "qu", "that"}
DIPLOMAT_HEADS = {"ambassadeur", "ambassador", "ministre", "minister", "diplomate", "diplomat", "envoye", "envoy",
                  "ambassadrice", "consul", "charge", "secretaire"}
DOCUMENT_NOUNS = {"communiqué", "statement", "déclaration", "note", "readout", "communique"}


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


if not Doc.has_extension("quote_candidates"):
    Doc.set_extension("quote_candidates", default=None)


# ----------------------------------------------------------------------------- direct quotes

def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text between quotation marks; linear, robust to unbalanced marks."""
    spans = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c not in OPEN_CLOSE:
            i += 1
            continue
        para_end = text.find("\n", i)
        para_end = n if para_end < 0 else para_end
        closer = OPEN_CLOSE[c]
        j = text.find(closer, i + 1, para_end)
        if c == "“" and j < 0:
            j = text.find('"', i + 1, para_end)
        if c == "”":
            if j < 0:  # a stray closing mark
                i += 1
                continue
        if c == '"' and j < 0:
            i += 1
            continue
        end = para_end if j < 0 else j
        spans.append((i + 1, end))
        i = end + 1
    return spans


def _evaluative_word(text: str, s: int, e: int) -> bool:
    """A single quoted word that is someone's word ("a jugé la question « prématurée »", "qu'il qualifie
    d'« exceptionnelles »"): lowercase, a real word, closed by its mark (not a name or a title)."""
    word = text[s:e]
    return word.isalpha() and word[:1].islower() and len(word) >= 4 and e < len(text) and text[e:e + 2].strip()[:1] in "»”\""


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n\u00a0":
        start += 1
    while end > start and text[end - 1] in " \t\n\u00a0,.;:":
        end -= 1
    return start, end


# ----------------------------------------------------------------------------- speakers

class SpeakerResolver:
    def __init__(self, doc: Doc, lang: str):
        self.doc = doc
        self.lang = lang
        self.mentions: list[Mention] = doc._.mentions or []
        self.persons = doc._.persons or {}
        self.by_token = {}
        for m in self.mentions:
            for i in range(m.start, m.end):
                self.by_token[i] = m
        self.last_institution: tuple[str, str | None] | None = None

    def from_mention(self, m: Mention) -> tuple[str, str | None, str | None]:
        if m.key and m.key in self.persons:
            p = self.persons[m.key]
            return p.name, p.country, p.role
        if m.key:
            return m.key, m.country, m.role
        if m.head and not m.country:
            # "le porte-parole" -> the earlier "porte-parole du Kremlin"
            for other in reversed(self.mentions):
                if other.start < m.start and other.kind == "party" and other.head == m.head and other.country:
                    if other.key and other.key in self.persons:
                        return self.from_mention(other)
                    return _strip_det(other.text), other.country, other.role
        return _strip_det(m.text), m.country, m.role

    def _role_antecedent(self, tok: Token) -> Mention | None:
        """A definite bare role noun standing for a person named earlier: "le diplomate a rappelé",
        "the minister said", "L'ambassadeur a évoqué"; the latest person whose role has that head
        (any diplomat's role for "diplomate"), within the last paragraphs."""
        doc = self.doc
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i == 0 or doc[tok.i - 1].lower_ not in ("le", "la", "l'", "the"):
            return None
        word = fold(lemma(tok))
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and (geo.adjective_country(nxt.text) or nxt.lower_ in ("de", "du", "des", "d'", "of")):
            return None  # "le ministre algérien", "le ministre des Affaires étrangères": a party phrase, resolved elsewhere
        heads = DIPLOMAT_HEADS if word in ("diplomate", "diplomat") else {word}
        if word not in DIPLOMAT_HEADS | {"diplomate", "diplomat", "president", "chef", "leader", "dirigeant",
                                         "porte-parole", "spokesperson", "spokesman", "spokeswoman", "entraineur",
                                         "coach", "responsable", "official", "envoye", "envoy"}:
            return None
        for m in reversed(self.mentions):
            if m.start >= tok.i or tok.i - m.start > 400:
                continue
            if m.kind != "person":
                continue
            p = self.persons.get(m.key)
            head = fold((p.head if p else None) or m.head or "")
            if head in heads or any(fold(w) in heads for w in (p.role or "").split()[:3] if p):
                return m
        return None

    def _unnamed_previous_subject(self, tok: Token) -> Token | None:
        """"« ... », a estimé le porte-parole du ministère. Il a ajouté que ...": a pronoun opening its
        sentence continues the previous sentence's speaker even when that speaker is an unnamed role
        (the antecedent search only knows named people)."""
        doc = self.doc
        if not has(doc, "DEP"):
            return None
        start, _ = sent_bounds(doc, tok.i)
        if tok.i - start > 1 or start == 0 or tok.lower_ not in ("il", "elle", "he", "she"):
            return None
        prev_start, prev_end = sent_bounds(doc, start - 1)
        if "\n" in doc[prev_start:start].text.strip():
            return None  # another paragraph
        for t in doc[prev_start:prev_end]:
            if t.dep_ not in ("nsubj", "nsubj:pass") or t.head.pos_ not in ("VERB", "AUX"):
                continue
            if lemma(t.head) not in {lem for (lg, lem) in load().reporting if lg == self.lang}:
                continue
            m = self.by_token.get(t.i)
            if m is not None and m.kind == "person":
                return None  # a named speaker: the usual antecedent search finds it
            if lemma(t).lower() in ("porte-parole", "spokesperson", "spokesman", "spokeswoman", "responsable",
                                  "official", "source", "diplomate", "diplomat", "ambassadeur", "ambassador"):
                return t
        return None

    def from_token(self, tok: Token) -> tuple[str | None, str | None, str | None]:
        """Speaker named by the subject token of a reporting verb."""
        doc = self.doc
        if tok.lower_ in ("-t", "t") and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in PRONOUNS:
            tok = doc[tok.i + 1]  # "a-t-elle" tokenised "a", "-t", "-elle"
        if tok.lower_ in PRONOUNS or tok.lower_ in ("-t-il", "-il", "-elle", "-t-elle", "lui", "him"):  # "Selon lui"
            unnamed = self._unnamed_previous_subject(tok)
            if unnamed is not None:
                return self.from_token(unnamed)
            ante = pronoun_antecedent(doc, tok.i, self.mentions)
            return self.from_mention(ante) if ante else (None, None, None)
        if tok.lower_ in RELATIVE_PRONOUNS:
            ante = relative_antecedent(doc, tok, self.mentions)
            return self.from_mention(ante) if ante else (None, None, None)
        m = self.by_token.get(tok.i)
        if m is None:
            # the subject's phrase may contain a mention ("le cabinet d'Edouard Philippe" is not a person)
            pass
        elif m.kind == "person" or m.key:
            return self.from_mention(m)
        # a title before the name: "le ministre russe des Affaires étrangères Sergueï Lavrov a déclaré"
        if role_at(doc, tok.i, self.lang) or role_at(doc, tok.i, "en"):
            j = tok.i + 1
            s_end = sent_bounds(doc, tok.i)[1]
            while j < min(s_end, tok.i + 12):
                mm = self.by_token.get(j)
                if mm is not None and mm.kind == "person":
                    return self.from_mention(mm)
                t = doc[j]
                if t.is_punct and t.text != "-" or t.pos_ in ("VERB", "AUX") and not geo.adjective_country(t.text):
                    break
                j += 1
        # "l'entraîneur du MC Alger, Khaled Benyahia": the name apposed to the subject's phrase
        s_end = sent_bounds(doc, tok.i)[1]
        for j in range(tok.i + 1, min(s_end - 1, tok.i + 9)):
            t = doc[j]
            if t.pos_ in ("VERB", "AUX") and not geo.adjective_country(t.text) or t.is_quote or t.text in (".", ";", ":"):
                break
            if t.text == ",":
                mm = self.by_token.get(j + 1)
                if mm is not None and mm.kind == "person":
                    return self.from_mention(mm)
                break
        # "le diplomate", "the minister", "l'ambassadeur": the latest person of that role
        ante = self._role_antecedent(tok)
        if ante is not None:
            return self.from_mention(ante)
        phrase_tokens = [t for t in tok.subtree if t.i >= tok.i] if has(doc, "DEP") else [tok]
        for t in phrase_tokens[:4]:
            mm = self.by_token.get(t.i)
            if mm is not None and mm.kind == "person" and t.i <= tok.i + 1:
                return self.from_mention(mm)
        phrase_tokens = _cut_phrase(phrase_tokens, tok)
        if m is not None and m.kind == "party":
            name, country, role = self.from_mention(m)
            if len(phrase_tokens) <= m.end - m.start + 1:
                return name, country, role
        phrase = doc[phrase_tokens[0].i:phrase_tokens[-1].i + 1].text if phrase_tokens else tok.text
        phrase = _strip_det(phrase)
        if lemma(tok) in DOCUMENT_NOUNS and not geo.institution_in(phrase):
            # "le communiqué publié sur le site de la diplomatie russe": the issuer named in the phrase
            nouns = load().speaker_nouns
            for t in phrase_tokens[1:]:
                if lemma(t) in nouns and lemma(t) not in DOCUMENT_NOUNS:
                    issuer = _strip_det(doc[t.i:phrase_tokens[-1].i + 1].text)
                    issuer = re.sub(r"^diplomatie (\w+)$", r"ministère \1 des Affaires étrangères", issuer)
                    return issuer, _country_of_phrase(issuer), None
            # "the statement said": the institution that issued it, named nearby ("the Kremlin said in a statement")
            owner = self.last_institution or _nearest_institution(doc, tok.i)
            if owner:
                return owner[0], owner[1], None
        country = None
        for t in phrase_tokens:
            mm = self.by_token.get(t.i)
            if mm is not None:
                country = self.from_mention(mm)[1]
                break
        country = country or _country_of_phrase(phrase)
        if tok.pos_ == "PROPN" or geo.institution_in(phrase) or lemma(tok) in load().speaker_nouns:
            self.last_institution = (phrase, country)
        return phrase, country, None


def _institution_as_written(text: str) -> tuple[str, str] | None:
    inst = geo.institution_in(text)
    if not inst:
        return None
    folded = fold(text)
    k = folded.find(inst[0]) if len(folded) == len(text) else -1
    name = text[k:k + len(inst[0])] if k >= 0 else inst[0].title()
    return name, inst[1]


def _nearest_institution(doc: Doc, i: int) -> tuple[str, str] | None:
    """The institution named closest before token i (else just after), within a few sentences."""
    sents = []
    s, e = sent_bounds(doc, i)
    here = doc[s:e]
    got = _institution_as_written(doc[s:i].text)
    if got:
        return got
    k = s
    for _ in range(4):
        if k <= 0:
            break
        ps, pe = sent_bounds(doc, k - 1)
        got = _institution_as_written(doc[ps:pe].text)
        if got:
            return got
        k = ps
    got = _institution_as_written(doc[i:e].text)
    if got:
        return got
    k = e
    for _ in range(3):
        if k >= len(doc):
            break
        ns, ne = sent_bounds(doc, k)
        got = _institution_as_written(doc[ns:ne].text)
        if got:
            return got
        k = ne
    del sents, here
    return None


def _cut_phrase(tokens: list[Token], head: Token) -> list[Token]:
    out = []
    for t in sorted(tokens, key=lambda t: t.i):
        if t.i > head.i and (t.is_punct or t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod",) or t.dep_.startswith("acl")):
            if t.lower_ not in ("publié", "published"):
                break
        out.append(t)
        if len(out) >= 10:
            break
    while out and out[0].pos_ == "DET":
        out = out[1:]
    return out


def _strip_det(text: str) -> str:
    return re.sub(r"^(?:(?:le|la|les|un|une|des|the|a|an|son|sa|his|her)\s+|l')", "", text.strip(), flags=re.I).strip(" ,")


def _country_of_phrase(phrase: str) -> str | None:
    for word in re.findall(r"[^\W\d_]+", phrase):
        code = geo.adjective_country(word)
        if code:
            return code
    inst = geo.institution_in(phrase)
    if inst:
        return inst[1]
    for _, _, code, kind in geo.countries_in(phrase):
        if kind == "name":
            return code
    return None


def _has_finite_verb(doc: Doc, start: int, end: int) -> bool:
    return any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") and not geo.adjective_country(t.text)
               for t in doc[start:end])


def _has_verb(doc: Doc, start: int, end: int) -> bool:
    return any(t.pos_ in ("VERB", "AUX") and not geo.adjective_country(t.text) for t in doc[start:end])


INCIDENTAL_PHRASES = ("pour sa part", "pour leur part", "de son côté", "de leur côté", "quant à lui", "quant à elle",
                      "à son tour", "for his part", "for her part", "in turn")


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_.startswith("nsubj") and child.dep_ != "nsubj:pass":
            return child
    for child in verb.children:
        if child.dep_ == "expl:subj" and child.lower_.endswith(("il", "elle")):
            return child
    # the subject hung on the auxiliary ("Son homologue a, pour sa part, estimé": nsubj -> "a")
    for aux in verb.children:
        if aux.dep_.startswith("aux") and aux.i < verb.i:
            for child in aux.children:
                if child.dep_.startswith("nsubj") and child.dep_ != "nsubj:pass":
                    return child
    # a name the tagger missed right before the verb ("Xi a poursuivi", Xi tagged as a number)
    j = verb.i - 1
    doc = verb.doc
    s_start = sent_bounds(doc, verb.i)[0]
    while j >= s_start and doc[j].pos_ in ("AUX", "ADV") and doc[j].text[:1].islower():
        j -= 1
    # an incidental phrase without commas between the auxiliary and the verb ("X a pour sa part jugé")
    incidental = doc[max(s_start, j - 2):j + 1].text.lower()
    if j > s_start and incidental.endswith(INCIDENTAL_PHRASES):
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
    # a participle ("ajoutant que") or an infinitive takes its governor's subject
    if verb.dep_ in ("advcl", "xcomp", "conj", "acl") and verb.head is not verb:
        return _subject(verb.head)
    return None


def _inverted_subject(doc: Doc, verb: Token) -> Token | None:
    """The subject written after the verb: "a ajouté le porte-parole", "a-t-il ajouté", "said Diko"."""
    s_start, s_end = sent_bounds(doc, verb.i)
    for t in doc[max(s_start, verb.i - 2):min(s_end, verb.i + 4)]:
        if t.lower_ in ("-t-il", "-il", "-t-elle", "-elle", "t-il", "t-elle"):
            return t
    j = verb.i + 1
    while j < s_end and doc[j].pos_ in ("ADV", "DET", "ADJ") and doc[j].lower_ not in ("que", "that"):
        j += 1
    if j < s_end and not doc[j].is_punct and not doc[j].is_quote and (doc[j].pos_ in ("PROPN", "NOUN") or doc[j].text[:1].isupper()):
        return doc[j]
    return None


# ----------------------------------------------------------------------------- reported quotes

FRENCH_SUBJECT_PRONOUNS = {"il", "elle", "ils", "elles", "on"}
IMPERSONAL_GOVERNORS = {"convenir", "falloir", "importer", "rester", "suffire"}
NOT_SPEAKERS = {"donnée", "données", "chiffre", "chiffres", "statistique", "statistiques", "estimation", "estimations",
                "data", "figure", "figures", "statistic", "statistics", "estimate", "estimates", "sondage", "poll",
                "survey", "calcul", "calculs", "calculation", "calculations"}


def _mistagged_participle(t: Token) -> bool:
    """A participle the tagger read as a noun or adjective after "a-t-elle" / "a" ("a-t-elle souligné")."""
    if t.pos_ not in ("NOUN", "ADJ", "PROPN") or not t.text[:1].islower() or not t.lower_.endswith(("é", "és", "ée", "is", "it", "u")):
        return False
    doc = t.doc
    prev = [doc[k].lower_ for k in range(max(0, t.i - 3), t.i)]
    return bool(prev) and (prev[-1] in ("-il", "-elle", "-t-il", "-t-elle", "a", "ont", "avait", "aurait")
                           or len(prev) >= 2 and prev[-1] in ("aussi", "également", "encore", "enfin", "ensuite") and prev[-2] == "a")


def _skip_incidental(doc: Doc, j: int, floor: int) -> int:
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


def _not_a_saying(v: Token) -> bool:
    """Reporting-verb forms that report nobody: "il convient de noter que" (impersonal), "estimée à
    plusieurs milliers" / "prévue le 3 mars" (a participle used as an adjective, no auxiliary)."""
    doc = v.doc
    if "Inf" in v.morph.get("VerbForm"):
        if lemma(v.head) in IMPERSONAL_GOVERNORS and v.head is not v:
            return True
        before = doc[max(0, v.i - 4):v.i].text.lower()
        if re.search(r"\bil (?:convient|faut|importe|reste) (?:de |d')?$", before + " "):
            return True
    if v.lang_ == "fr" and "Part" in v.morph.get("VerbForm") and "Past" in v.morph.get("Tense"):
        has_aux = any(c.dep_.startswith("aux") for c in v.children) or v.i > 0 and doc[v.i - 1].pos_ == "AUX" \
            or v.i > 1 and doc[v.i - 2].pos_ == "AUX" or any(doc[k].lower_ in ("-il", "-elle", "-t-il", "-t-elle")
                                                           for k in range(max(0, v.i - 3), v.i))
        if not has_aux and v.i + 1 < len(doc) and doc[v.i + 1].lower_ in ("à", "au", "aux", "le", "en", "pour", "comme"):
            return True
    return False


def _marked_clause(v: Token, sent) -> int | None:
    """Token index of the complementiser of the verb's clausal complement when other words come
    between ("told reporters after the meeting that ...", "a assuré aux journalistes que ...")."""
    if not has(v.doc, "DEP"):
        return None
    for c in v.children:
        if c.dep_ in ("ccomp", "xcomp", "obj") and c.i > v.i:
            first = c.left_edge
            if first.lower_ in COMPLEMENTISERS and first.i - v.i <= 10 and sent.start <= first.i < sent.end:
                return first.i
    # the parser hung the clause elsewhere ("told reporters after the meeting that X ...")
    for k in range(v.i + 2, min(sent.end - 1, v.i + 9)):
        t = v.doc[k]
        if t.is_punct or t.pos_ in ("VERB", "AUX") or v.doc[k - 1].lower_ in COMPLEMENTISERS:
            return None
        if t.lower_ in COMPLEMENTISERS and t.dep_ in ("mark", "") and v.doc[k + 1].pos_ in ("PROPN", "PRON", "DET"):
            return k
    return None


def _content_after(doc: Doc, k: int, sent, stops: set[int]) -> tuple[int, int] | None:
    """Tokens from k to the next attribution boundary or the sentence end."""
    end = sent.end
    for s in sorted(stops):
        if s > k:
            end = min(end, s)
            break
    if end <= k:
        return None
    return k, end


INNER_ATTRIBUTION = re.compile(
    r",\s+(?:a|avait|aurait)(?:-t-(?:il|elle))?\s+(\w+)(?:\s+[^\s«»“”\".,;:!?]+){0,6}\s*[.,]\s+(?=\w)"
    r"|,\s+(\w+)-t?-?(?:il|elle)(?:\s+[^\s«»“”\".,;:!?]+){0,4}\s*[.,]\s+(?=\w)")


def _split_at_inner_attribution(text: str, s: int, e: int, lang: str) -> list[tuple[int, int]]:
    """« Première phrase, a martelé X devant la presse. Seconde phrase »: an attribution inserted
    inside the marks, never closed before it, splits the quotation in two parts (one item each)."""
    if lang != "fr":
        return [(s, e)]
    reporting = {lem for (lg, lem) in load().reporting if lg == "fr"}
    for m in INNER_ATTRIBUTION.finditer(text, s, e):
        word = (m.group(1) or m.group(2) or "").lower()
        if not any(word.startswith(lem[:-2]) for lem in reporting if lem.endswith("er") and len(lem) > 4) \
                and word not in ("dit", "ajouté", "écrit", "souligné", "déclaré", "affirmé", "estimé", "martelé"):
            continue
        if m.start() - s < 10 or e - m.end() < 10:
            continue
        left = _trim(text, s, m.start())
        right = _trim(text, m.end(), e)
        return [left, right]
    return [(s, e)]


def find_quotes(doc: Doc, lang: str) -> list[QuoteCandidate]:
    lex = load()
    text = doc_text(doc)
    resolver = SpeakerResolver(doc, lang)
    reporting = {lem: np_ok for (lg, lem), np_ok in lex.reporting.items() if lg == lang}
    direct = []
    for s, e in quote_spans(text):
        s, e = _trim(text, s, e)
        if e - s < 2:
            continue
        if len(text[s:e].split()) < 2 and not _evaluative_word(text, s, e):
            continue
        before = text[max(0, s - 30):s].rstrip(" \t\u00a0«“„\"").rstrip()
        last_word = before.split()[-1] if before.split() else ""
        last_word = re.sub(r"^[ldjnmstLDJNMST]'", "", last_word)  # l'Initiative « la Ceinture et la Route »
        if last_word[:1].isupper() and len(text[s:e].split()) <= 6 and not before.endswith((".", ":", ",")):
            continue  # a name in marks: l'Initiative « la Ceinture et la Route »
        direct.extend(_split_at_inner_attribution(text, s, e, lang))
    in_direct = [False] * (len(text) + 1)
    for s, e in direct:
        for c in range(max(0, s - 1), min(len(text), e + 1)):
            in_direct[c] = True

    def tok_in_direct(t: Token) -> bool:
        return in_direct[t.idx] if t.idx < len(in_direct) else False

    results: list[QuoteCandidate] = []
    sents = list(doc.sents)
    verbs_by_sent: dict[int, list[Token]] = {}
    for si, sent in enumerate(sents):
        verbs_by_sent[si] = [t for t in sent if verb_lemma(t, reporting) in reporting and not tok_in_direct(t)
                             and (t.pos_ in ("VERB", "") or _mistagged_participle(t))]

    def attribution_boundaries(sent, verbs) -> set[int]:
        stops = set()
        for v in verbs:
            j = v.i - 1
            while j >= sent.start and (doc[j].pos_ in ("AUX", "ADV", "PRON") or doc[j].lower_ in ("and", "et")) and doc[j].text != ",":
                j -= 1
            if j >= sent.start and doc[j].text == ",":
                stops.add(j)
        for t in sent:
            if t.lower_ in ("selon", "according") and t.i > sent.start and doc[t.i - 1].text == ",":
                stops.add(t.i - 1)
        return stops

    # reported
    for si, sent in enumerate(sents):
        verbs = verbs_by_sent[si]
        stops = attribution_boundaries(sent, verbs)
        for v in verbs:
            lem = verb_lemma(v, reporting)
            if _not_a_saying(v):
                continue
            after = text[v.idx + len(v.text):v.idx + len(v.text) + 4].lstrip(" ,:\u00a0")
            if after[:1] in OPEN_CLOSE:
                continue  # "X said, “...”": the direct quote carries the words
            subj = _subject(v) if has(doc, "DEP") else None
            inv = _inverted_subject(doc, v)
            span = None
            # "que"/"that" clause
            k = v.i + 1
            while k < sent.end and k <= v.i + 3 and doc[k].lower_ not in COMPLEMENTISERS and doc[k].pos_ in ("ADV", "AUX", "PRON", "ADP"):
                k += 1
            if k < sent.end and (doc[k].lower_ in COMPLEMENTISERS or doc[k].lower_.startswith("qu'")):
                span = _content_after(doc, k + 1 if doc[k].lower_ in COMPLEMENTISERS else k, sent, stops)
                if doc[k].lower_.startswith("qu'") and doc[k].lower_ != "qu'":
                    span = (k, span[1]) if span else None
            elif _marked_clause(v, sent) is not None:
                span = _content_after(doc, _marked_clause(v, sent) + 1, sent, stops)
            elif lang == "en" and k < sent.end and lem in ("say", "note", "stress", "add", "emphasize", "underscore", "state") \
                    and has(doc, "DEP") and any(c.dep_ == "ccomp" and c.i > v.i for c in v.children) \
                    and not doc[k].is_punct:
                span = _content_after(doc, k, sent, stops)
            if span is None:
                j = v.i - 1
                while j >= sent.start and (doc[j].pos_ in ("AUX", "ADV", "PRON") or doc[j].lower_ in ("-t-il", "-t-elle")) and doc[j].text != ",":
                    if lang == "fr" and doc[j].lower_ in FRENCH_SUBJECT_PRONOUNS:
                        break  # "Interrogé sur ..., il a jugé ...": the pronoun is the subject, nothing is inverted
                    j -= 1
                j = _skip_incidental(doc, j, sent.start)
                # English "..., she said" / "..., Diko said" / "..., the statement said"
                if lang == "en" and subj is not None and subj.i < v.i and j >= sent.start:
                    jj = subj.left_edge.i - 1
                    if jj >= sent.start and doc[jj].text == "," and v.i - jj <= 6:
                        j = jj
                if j > sent.start and doc[j].text == "," and (inv is not None or subj is not None):
                    # inverted attribution: the content is the rest of the sentence
                    prev_stops = [s for s in stops if s < j]
                    start = max(prev_stops) + 1 if prev_stops else sent.start
                    after_end = sent.end
                    for s in sorted(stops):
                        if s > v.i:
                            after_end = s
                            break
                    before_words = j - start
                    nxt = v.i + 1
                    while nxt < sent.end and doc[nxt].text != ",":
                        nxt += 1
                    if before_words < 4 and nxt < sent.end:
                        span = (nxt + 1, after_end)  # "La Chine, a-t-il affirmé, continuera ..."
                    elif nxt < sent.end and after_end - nxt > 4 and not _has_finite_verb(doc, start, j) \
                            and _has_finite_verb(doc, nxt + 1, after_end):
                        # "Dans le cadre de ..., a poursuivi le ministre, la Chine est disposée ...":
                        # the attribution is inserted in the sentence, which is the content
                        span = (start, after_end)
                    else:
                        span = (start, j)
                    if inv is not None and (subj is None or subj.i > v.i or lang == "fr"):
                        subj = inv
                elif reporting.get(lem) and has(doc, "DEP"):
                    objs = [c for c in v.children if c.dep_ == "obj"]
                    if objs:
                        o = objs[0]
                        span = (o.left_edge.i, o.right_edge.i + 1)
            if span is None:
                continue
            if subj is None:
                subj = inv
            if "Part" in v.morph.get("VerbForm") and "Pres" in v.morph.get("Tense") or v.tag_ == "VBG":
                # "..., ajoutant que ...", "soulignant que ...": the speaker of the sentence's attribution
                earlier = [q for q in results[-8:] if q.sent_start == sent.start_char and q.kind == "reported"]
                if earlier:
                    _add_reported(doc, results, resolver, span, None, sent, in_direct, lex, speaker=(
                        earlier[-1].speaker, earlier[-1].speaker_country, earlier[-1].speaker_role))
                    continue
            if subj is None:
                continue
            if fold(subj.text) in lex.joint_subjects or (subj.i + 1 < len(doc) and fold(doc[subj.i + 1].text) in lex.joint_subjects and subj.lower_ in ("les", "the")):
                continue
            _add_reported(doc, results, resolver, span, subj, sent, in_direct, lex)
        # selon X / according to X
        for t in sent:
            if t.lower_ not in ("selon", "according") or tok_in_direct(t):
                continue
            x = t.i + 1 if t.lower_ == "selon" else t.i + 2
            if x >= sent.end:
                continue
            head = doc[x]
            while head.pos_ == "DET" and head.i + 1 < sent.end:
                head = doc[head.i + 1]
            source_words = []
            for st in doc[head.i:min(sent.end, head.i + 4)]:
                if st.is_punct:
                    break
                source_words.append(st.lower_)
            if NOT_SPEAKERS.intersection(source_words):
                continue  # "according to official data": statistics, no speaker
            if t.i == sent.start or (t.i > sent.start and doc[t.i - 1].text not in (",",) and t.i - sent.start <= 1):
                j = head.i
                while j < sent.end and doc[j].text != ",":
                    j += 1
                span = (j + 1, sent.end)
            else:
                prev = [s for s in stops if s < t.i - 1]
                span = (max(prev) + 1 if prev else sent.start, t.i)
            _add_reported(doc, results, resolver, span, head, sent, in_direct, lex, optional_source=True)

    # direct
    reported_by_sent: dict[int, list[QuoteCandidate]] = {}
    for q in results:
        reported_by_sent.setdefault(q.sent_start, []).append(q)
    sent_starts = [st.start_char for st in sents]
    last_speaker: tuple | None = None
    last_direct: int | None = None
    pending: list = []
    for s, e in direct:
        first_si = max(0, bisect_right(sent_starts, s) - 1)
        last_si = max(first_si, bisect_right(sent_starts, max(s, e - 1)) - 1)
        sent_idx = list(range(first_si, last_si + 1))
        reported_sents = [(q.sent_start, q.sent_end, q) for si in sent_idx for q in reported_by_sent.get(sents[si].start_char, [])]
        speaker = None
        if sent_idx:
            cands = []
            for si in range(sent_idx[0], sent_idx[-1] + 1):
                for v in verbs_by_sent[si]:
                    dist = v.idx - e if v.idx >= e else s - v.idx + 1000
                    cands.append((dist, v))
                for t in sents[si]:
                    if lemma(t) in ("quote", "citer") and not tok_in_direct(t):
                        cands.append((-1, t))
            for _, v in sorted(cands, key=lambda c: c[0]):
                if lemma(v) in ("quote", "citer"):
                    obj = [c for c in v.children if c.dep_ in ("dobj", "obj")]
                    if obj:
                        speaker = resolver.from_token(obj[0])
                        break
                subj = _subject(v) if has(doc, "DEP") else None
                if subj is not None and tok_in_direct(subj):
                    subj = None
                if subj is None or (subj.i > v.i or lang == "fr") and v.idx > e:
                    subj = _inverted_subject(doc, v) or subj
                if subj is not None and not tok_in_direct(subj):
                    speaker = resolver.from_token(subj)
                    if speaker[0]:
                        break
            if not speaker or not speaker[0]:
                for qs, qe, q in reported_sents:
                    if qs <= s < qe and q.speaker:
                        speaker = (q.speaker, q.speaker_country, q.speaker_role)
                        break
            if (not speaker or not speaker[0]) and sent_idx:
                for t in sents[sent_idx[0]]:
                    if t.lower_ in ("selon", "according") and not tok_in_direct(t):
                        x = t.i + (1 if t.lower_ == "selon" else 2)
                        while x < len(doc) and doc[x].pos_ == "DET":
                            x += 1
                        if x < len(doc):
                            speaker = resolver.from_token(doc[x])
                        break
        if (not speaker or not speaker[0]) and last_speaker and (s <= 1 or text[s - 2:s - 1] in ("\n", "") or text[s - 1:s] == "\n"
                                                                 or text.rfind("\n", 0, s) >= s - 3):
            speaker = last_speaker  # a quotation continued in a new paragraph
        if (not speaker or not speaker[0]) and last_direct is not None and _continues(text, last_direct, s):
            speaker = last_speaker  # “...,” she told reporters. “...”: the next quotation of the same paragraph
        sent = sents[sent_idx[0]] if sent_idx else None
        if not speaker or not speaker[0]:
            pending.append((s, e, sent))
            continue
        last_speaker, last_direct = speaker, e
        results.append(QuoteCandidate(s, e, "direct", speaker[0], speaker[1], speaker[2],
                                      sent.start_char if sent else s, sent.end_char if sent else e))
    # an opening mark never closed in its paragraph, the next paragraph reopening the quotation:
    # one quotation over two paragraphs, attributed at its end
    directs = sorted((q for q in results if q.kind == "direct"), key=lambda q: q.start)
    for s, e, sent in pending:
        para_end = text.find("\n", s)
        para_end = len(text) if para_end < 0 else para_end
        if any(c in text[e:para_end] for c in "»”\""):
            continue
        nxt = next((q for q in directs if q.start > e), None)
        if nxt is not None and para_end < nxt.start and not text[para_end:nxt.start].strip(" \n\t\u00a0«“\""):
            results.append(QuoteCandidate(s, e, "direct", nxt.speaker, nxt.speaker_country, nxt.speaker_role,
                                          sent.start_char if sent else s, sent.end_char if sent else e))
    results.sort(key=lambda q: q.start)
    return results


def _continues(text: str, prev_end: int, s: int) -> bool:
    """The quotation at s follows the previous one in the same paragraph after a short attribution
    sentence ("“...,” she told reporters. “...”")."""
    between = text[prev_end:s]
    return "\n" not in between and len(between) <= 60 and bool(re.search(r"[.!?]\s*[«“\"]?\s*$", between))


def _add_reported(doc, results, resolver, span, subj, sent, in_direct, lex, optional_source=False, speaker=None) -> None:
    s_tok, e_tok = span
    if e_tok <= s_tok:
        return
    start, end = doc[s_tok].idx, doc[e_tok - 1].idx + len(doc[e_tok - 1].text)
    start, end = _trim(doc_text(doc), start, end)
    content = doc_text(doc)[start:end]
    words = content.split()
    if len(words) < 3:
        return
    quoted = sum(1 for c in range(start, end) if in_direct[c])
    if quoted > 0.6 * (end - start):
        return  # the direct quote carries it
    if quoted and not (subj is not None and e_tok <= subj.i):
        # a content clause ("a estimé que la visite ouvrait « une nouvelle page »"): its quoted fragments
        # are direct quotes of their own, the enclosing clause is at best optional. A whole sentence
        # before "…, a annoncé X" stays: it is the statement itself.
        return
    first = fold(words[0])
    if first in ("de", "d") and len(words) < 6:
        return
    if not speaker and not _has_verb(doc, s_tok, e_tok) and not optional_source and len(words) < 12:
        return  # no proposition: "In his remarks after the meeting, X said, “...”"
    name, country, role = speaker or resolver.from_token(subj)
    if not name:
        return
    for q in results:
        if q.start == start and q.end == end:
            return
        overlap = min(q.end, end) - max(q.start, start)
        if q.kind == "reported" and overlap > 0.8 * min(q.end - q.start, end - start) and abs(q.end - end) <= 2:
            return  # the same words reported twice ("X told Y that ..., according to the statement")
    results.append(QuoteCandidate(start, end, "reported", name, country, role, sent.start_char, sent.end_char))


@Language.component("diplowatch_quotes")
def quotes_component(doc: Doc) -> Doc:
    lang = doc.lang_ if doc.lang_ in ("fr", "en") else "fr"
    doc._.quote_candidates = find_quotes(doc, lang)
    return doc
