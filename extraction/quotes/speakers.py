"""Speakers: who the subject of a reporting verb is.

A speaker is drawn only from the people model (a named person, an unnamed role holder such as
"le porte-parole du Kremlin") or is an institution ("le Kremlin", "the Akorda press service",
"ministère russe des Affaires étrangères", an agency the NER knows, a state: "Saudi Arabia
declared"). Anything else ("tendance", "phone", "They", a city) is no speaker, and the quote is
dropped rather than given to a wrong one.

Constructions handled (``SpeakerResolver.from_token``):
- a pronoun: the person it stands for, and "Il a ajouté" after "a estimé le porte-parole du
  ministère" continues that unnamed speaker;
- a relative pronoun: its antecedent ("X, qui a déclaré");
- a token inside a mention; a title before a name ("le ministre russe ... Sergueï Lavrov a
  déclaré"); a name apposed to the subject ("l'entraîneur du MC Alger, Khaled Benyahia");
- a bare role noun for the latest person of that office ("le diplomate", "the minister");
- a document: its issuer named in the phrase ("le communiqué publié sur le site de la diplomatie
  russe") or nearby ("the Kremlin said in a statement");
- an institution phrase; a bare one ("his ministry", "the presidency") is the one named earlier
  ("the Iranian Foreign Ministry").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .. import geo
from ..lexicons import load, words_of
from ..people.anaphora import anaphor_antecedent, pronoun_antecedent, relative_antecedent
from ..people.model import Mention, sent_bounds
from ..people.roles import role_at
from ..words import entities, fold, has, lemma
from .grammar import dateline_word

Speaker = tuple[str | None, str | None, str | None]  # (name or role or institution, country, role)
NOBODY: Speaker = (None, None, None)


def strip_det(text: str) -> str:
    return re.sub(r"^(?:(?:le|la|les|un|une|des|the|a|an|son|sa|ses|his|her|its|their|leur)\s+|l')", "",
                  text.strip(), flags=re.I).strip(" ,")


def country_of_phrase(phrase: str) -> str | None:
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


def _institution_as_written(text: str) -> tuple[str, str] | None:
    inst = geo.institution_in(text)
    if not inst:
        return None
    folded = fold(text)
    k = folded.find(inst[0]) if len(folded) == len(text) else -1
    name = text[k:k + len(inst[0])] if k >= 0 else inst[0].title()
    return name, inst[1]


def nearest_institution(doc: Doc, i: int) -> tuple[str, str] | None:
    """The institution named closest before token i (else just after), within a few sentences."""
    s, e = sent_bounds(doc, i)
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
    return None


# networks a body writes on ("a déclaré l'administration de X sur Facebook"), and the possessives of "sur son
# site", "on its website"
_PLATFORMS = frozenset({"facebook", "twitter", "x", "telegram", "instagram", "youtube", "linkedin", "tiktok", "weibo",
                        "wechat", "vk", "threads", "bluesky"})
_WHERE_IT_WROTE = _PLATFORMS | {"son", "sa", "its", "their", "leur"}


def _cut_phrase(tokens: list[Token], head: Token) -> list[Token]:
    out = []
    for t in sorted(tokens, key=lambda t: t.i):
        if t.i > head.i and (t.is_punct or t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod",) or t.dep_.startswith("acl")):
            if t.lower_ not in ("publié", "published"):
                break
        if t.i > head.i and t.lower_ in ("sur", "on", "via") and t.i + 1 < len(t.doc) \
                and fold(t.doc[t.i + 1].text) in _WHERE_IT_WROTE:
            break  # "l'administration de X sur Facebook": where it wrote, not who
        if t.i > head.i and t.lower_ in ("here", "ici"):
            break  # "the foreign ministry here said": the dateline's city, not the speaker's name
        out.append(t)
        if len(out) >= 10:
            break
    while out and out[0].pos_ == "DET":
        out = out[1:]
    return out


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
        self.org_tokens = {i for e in entities(doc) if e.label_ == "ORG" for i in range(e.start, e.end)}
        self.last_institution: tuple[str, str | None] | None = None
        self.institutions: list[tuple[str, str, str | None]] = []  # (head lemma, phrase, country)
        self.words = load()
        self.pronouns = words_of("pronoun_m", "pronoun_f", "pronoun_obj")
        self.recent: tuple[Speaker, int] | None = None  # the last quote's speaker, and where its sentence ends
        self.said_log: list[tuple[int, Speaker]] = []  # every quote's sentence end and speaker, as found
        self.institution_names: set[str] = set()

    def said(self, speaker: Speaker, sent_end_char: int) -> None:
        """Record the speaker of the quote just found (for "They added that ...")."""
        self.recent = (speaker, sent_end_char)
        self.said_log.append((sent_end_char, speaker))

    def _speaker_before(self, tok: Token) -> Speaker | None:
        """ "..., Spokesman X wrote on Saturday. ¶ "... ," he noted.": a pronoun subject of a verb of saying
        goes on with the person quoted last, when no one else is named outside quotation marks since
        (the sentence before may only mention someone, "Prime Minister Y's meeting"), within a few
        sentences, and the gender allows."""
        doc = self.doc
        before = [(end, sp) for end, sp in self.said_log if tok.idx - 600 < end <= tok.idx]
        if not before:
            return None
        end, speaker = max(before, key=lambda x: x[0])
        person = next((p for p in self.persons.values() if p.label == speaker[0] and p.name), None)
        if person is None:
            return None
        if any(m.kind == "person" and m.key != person.key and not m.quoted and end <= doc[m.start].idx < tok.idx
               for m in self.mentions):
            return None
        feminine = tok.lower_ in self.words.words("pronoun_f")
        if person.gender and (person.gender == "f") != feminine:
            return None
        return speaker

    def from_mention(self, m: Mention) -> Speaker:
        if m.key and m.key in self.persons:
            p = self.persons[m.key]
            return p.label, p.country, p.role
        if m.plural or m.kind != "party":
            return NOBODY
        return strip_det(m.text), m.country, m.role

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
        speaking = words_of("speaking_role", "spokesperson")
        heads = speaking - {"president", "chef", "leader", "dirigeant"} if word in ("diplomate", "diplomat") else {word}
        if word not in speaking:
            return None
        for m in reversed(self.mentions):
            if m.start >= tok.i or tok.i - m.start > 400 or m.kind != "person":
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
        reporting = {lem for (lg, lem) in self.words.reporting if lg == self.lang}
        for t in doc[prev_start:prev_end]:
            if t.dep_ not in ("nsubj", "nsubj:pass") or t.head.pos_ not in ("VERB", "AUX") or lemma(t.head) not in reporting:
                continue
            m = self.by_token.get(t.i)
            if m is not None and m.kind == "person":
                return None  # a named speaker: the usual antecedent search finds it
            if lemma(t).lower() in self.words.words("spokesperson"):
                return t
        return None

    def _same_source(self, tok: Token) -> Speaker | None:
        """ "selon cette même source": the source named before ("a indiqué la source présidentielle"),
        else the speaker of the last statement before it in the text."""
        doc = self.doc
        for k in range(tok.i - 2, max(0, tok.i - 400), -1):
            if doc[k].lower_ in ("source", "sources") and doc[k - 1].lower_ not in ("même", "same"):
                found = self.from_token(doc[k])
                if found[0]:
                    return found
                break
        before = [(end, who) for end, who in self.said_log if end <= tok.idx]
        if before:
            return max(before, key=lambda e: e[0])[1]
        return self.recent[0] if self.recent is not None else None

    def _anaphor(self, tok: Token) -> Speaker | None:
        doc = self.doc
        if tok.lower_ in ("source", "sources") and tok.i > 0 and doc[tok.i - 1].lower_ in ("même", "same"):
            return self._same_source(tok)  # "ajoute la même source", "the same source said": who spoke last
        if tok.lower_ in self.pronouns:  # "il", "a-t-elle", "Selon lui"
            unnamed = self._unnamed_previous_subject(tok)
            if unnamed is not None:
                return self.from_token(unnamed)
            if tok.lower_ in words_of("pronoun_m", "pronoun_f"):
                previous = self._speaker_before(tok)
                if previous is not None:
                    return previous
            ante = pronoun_antecedent(doc, tok.i, self.mentions)
            return self.from_mention(ante) if ante else NOBODY
        if tok.lower_ in self.words.words("relative"):
            ante = relative_antecedent(doc, tok, self.mentions)
            return self.from_mention(ante) if ante else NOBODY
        if tok.lower_ in self.words.words("pronoun_plural"):
            # "The Kremlin press service said ... They added that": an institution speaks on
            if self.recent and self.recent[0][0] in self.institution_names and 0 <= tok.idx - self.recent[1] < 400:
                return self.recent[0]
            return NOBODY
        ante = anaphor_antecedent(doc, tok.i, self.mentions)  # "cette dernière", "l'intéressé", "the latter"
        if ante is not False:
            return self.from_mention(ante) if ante else NOBODY
        return None

    def _name_in_phrase(self, tok: Token) -> Mention | None:
        """A name written with the subject's head: a title before it ("le ministre russe des Affaires
        étrangères Sergueï Lavrov a déclaré"), or apposed after a comma ("l'entraîneur du MC Alger,
        Khaled Benyahia")."""
        doc = self.doc
        s_end = sent_bounds(doc, tok.i)[1]
        # (or an institution's word before the role: "said Presidency spokesperson X", "Kremlin spokesman X")
        if any(role_at(doc, k, lg) for k in (tok.i, tok.i + 1) if k < s_end for lg in (self.lang, "en")):
            for j in range(tok.i + 1, min(s_end, tok.i + 12)):
                mm = self.by_token.get(j)
                if mm is not None and mm.kind == "person":
                    return mm
                t = doc[j]
                if t.is_punct and t.text != "-" or t.pos_ in ("VERB", "AUX") and not geo.adjective_country(t.text):
                    break
                if t.lower_ in ("de", "du", "des", "d'", "of") and any(
                        role_at(doc, k, self.lang) for k in range(j + 1, min(s_end, j + 3))):
                    break  # "l'envoyée spéciale du président X", "the spokesman of President X": X is not the speaker
        for j in range(tok.i + 1, min(s_end - 1, tok.i + 9)):
            t = doc[j]
            if t.pos_ in ("VERB", "AUX") and not geo.adjective_country(t.text) or t.is_quote or t.text in (".", ";", ":"):
                break
            if t.text == ",":
                mm = self.by_token.get(j + 1)
                return mm if mm is not None and mm.kind == "person" else None
        return None

    def from_token(self, tok: Token) -> Speaker:
        """Speaker named by the subject token of a reporting verb, or NOBODY."""
        doc = self.doc
        if tok.lower_ in ("-t", "t") and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in self.pronouns:
            tok = doc[tok.i + 1]  # "a-t-elle" tokenised "a", "-t", "-elle"
        anaphor = self._anaphor(tok)
        if anaphor is not None:
            return anaphor
        m = self.by_token.get(tok.i)
        if m is not None and (m.kind == "person" or m.key):
            return self.from_mention(m)
        named = self._name_in_phrase(tok) or self._role_antecedent(tok)
        if named is not None:
            return self.from_mention(named)
        if dateline_word(tok):
            # "MOSCOU, 10 novembre (Reuters) - Le ministre X a déclaré": the parser made the dateline the
            # subject and the person a conjunct of it
            conj = next((self.by_token[c.i] for c in tok.children if c.dep_ == "conj" and c.i in self.by_token
                         and self.by_token[c.i].kind == "person"), None)
            return self.from_mention(conj) if conj is not None else NOBODY
        phrase_tokens = [t for t in tok.subtree if t.i >= tok.i] if has(doc, "DEP") else [tok]
        for t in phrase_tokens[:4]:
            mm = self.by_token.get(t.i)
            if mm is not None and mm.kind == "person" and t.i <= tok.i + 1:
                return self.from_mention(mm)
        # English modifiers before the head: "the Iranian Foreign Ministry", "Saudi state news agency SPA"
        left = [t for t in tok.lefts if t.dep_ in ("compound", "amod", "nmod", "npadvmod") and t.i >= tok.i - 5]
        if left and self.lang == "en":
            phrase_tokens = [t for t in doc[left[0].i:tok.i]] + phrase_tokens
        return self._institution(tok, _cut_phrase(phrase_tokens, tok), m)

    def _institution(self, tok: Token, phrase_tokens: list[Token], m: Mention | None) -> Speaker:
        """An institution or a document as the speaker, else NOBODY."""
        doc = self.doc
        if m is not None and m.kind == "party" and not m.plural and len(phrase_tokens) <= m.end - m.start + 1:
            return self.from_mention(m)
        span = doc[phrase_tokens[0].i:phrase_tokens[-1].i + 1] if phrase_tokens else doc[tok.i:tok.i + 1]
        if any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in span):
            return NOBODY  # a clause ("unies resteront aux côtés du Niger"), not the name of who spoke
        phrase = strip_det(span.text)
        if lemma(tok) in self.words.words("document") and not geo.institution_in(phrase):
            return self._issuer(tok, phrase_tokens)
        if not self._is_institution(tok, phrase):
            return NOBODY
        country = None
        for t in phrase_tokens:
            mm = self.by_token.get(t.i)
            if mm is not None:
                country = self.from_mention(mm)[1]
                break
        country = country or country_of_phrase(phrase)
        head = lemma(tok)
        owner = self._possessor_country(tok)
        country = country or owner
        if len(phrase_tokens) <= 1 or not country and len(phrase.split()) <= 2:
            # "his ministry said", "the presidency": the one named earlier
            for h, earlier, code in reversed(self.institutions):
                if h == head and len(earlier) > len(phrase):
                    self.institution_names.add(earlier)
                    return earlier, code, None
        self.institutions.append((head, phrase, country))
        self.last_institution = (phrase, country)
        self.institution_names.add(phrase)
        return phrase, country, None

    def _possessor_country(self, tok: Token) -> str | None:
        """ "his ministry said", "son ministère": the country of the person the possessive stands for."""
        doc = self.doc
        det = next((t for t in tok.lefts if t.lower_ in self.words.words("possessive")), None) if has(doc, "DEP") else None
        if det is None:
            return None
        ante = pronoun_antecedent(doc, det.i, self.mentions)
        return self.from_mention(ante)[1] if ante else None

    def _is_institution(self, tok: Token, phrase: str) -> bool:
        if lemma(tok) in self.words.speaker_nouns or geo.institution_in(phrase) or geo.news_agency_in(phrase) \
                or tok.i in self.org_tokens:
            return True
        # a state speaking: "Saudi Arabia declared" (never a city: "Riyad a estimé" names a place)
        return tok.text[:1].isupper() and geo.is_country_name(phrase)

    def _publisher(self, tok: Token) -> Speaker | None:
        """ "..., a déclaré l'administration de X sur Facebook. « ... », indique la publication": who wrote
        on the network named before."""
        doc = self.doc
        for k in range(tok.i - 1, max(0, tok.i - 400), -1):
            if fold(doc[k].text) in _PLATFORMS and doc[k - 1].lower_ in ("sur", "on", "via") and doc[k].text[:1].isupper():
                said = [(end, who) for end, who in self.said_log if end >= doc[k].idx]
                return min(said, key=lambda e: e[0])[1] if said else None
        return None

    def _earlier_owner(self, tok: Token) -> str | None:
        """ "Le site officiel de la présidence comorienne ... », a souligné la plateforme": the body whose
        document (site, statement) the article named a few sentences before."""
        doc, nouns = self.doc, self.words.speaker_nouns
        for k in range(tok.i - 1, max(-1, tok.i - 150), -1):
            if lemma(doc[k]) not in self.words.words("document"):
                continue
            j = k + 1
            while j < min(len(doc), k + 4) and doc[j].pos_ == "ADJ":
                j += 1  # "le site officiel de ..."
            if j + 2 >= len(doc) or doc[j].lower_ not in ("de", "du", "des", "d'", "of"):
                continue
            j += 1
            while j < len(doc) and doc[j].pos_ == "DET":
                j += 1
            end = j
            while end < len(doc) and end - j < 4 and (doc[end].pos_ in ("ADJ", "NOUN", "PROPN") and doc[end].text[:1].isalpha()):
                end += 1
            phrase = doc[j:end]
            if any(lemma(t) in nouns and lemma(t) not in self.words.words("document") for t in phrase):
                return phrase.text
        return None

    def _issuer(self, tok: Token, phrase_tokens: list[Token]) -> Speaker:
        """ "le communiqué publié sur le site de la diplomatie russe": the issuer named in the
        phrase; "the statement said": the institution named nearby."""
        doc = self.doc
        nouns = self.words.speaker_nouns
        documents = self.words.words("document")
        for t in phrase_tokens[1:]:
            if lemma(t) in nouns and lemma(t) not in documents:
                issuer = strip_det(doc[t.i:phrase_tokens[-1].i + 1].text)
                issuer = re.sub(r"^diplomatie (\w+)$", r"ministère \1 des Affaires étrangères", issuer)
                return issuer, country_of_phrase(issuer), None
        publisher = self._publisher(tok) if lemma(tok) in ("publication", "post") else None
        if publisher is not None:
            return publisher
        earlier = self._earlier_owner(tok)
        if earlier:
            return earlier, country_of_phrase(earlier), None
        owner = self.last_institution or nearest_institution(doc, tok.i)
        if owner:
            return owner[0], owner[1], None
        phrase = strip_det(doc[phrase_tokens[0].i:phrase_tokens[-1].i + 1].text) if phrase_tokens else tok.text
        return phrase, country_of_phrase(phrase), None  # "a précisé le communiqué": the document itself
