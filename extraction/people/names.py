"""Names of people: where they are in the text, and the article's fullest spelling of each.

Constructions handled:
- the NER's person entities, cleaned: titles, roles and lower-case words trimmed ("M.",
  "le président"), cut at punctuation or a line break the NER ran over ("Tokaïev “Élaborer"),
  rejected when they are a country, a demonym, an institution, a calendar word or a place after
  "le sommet de" / "prévu en août à" (``clean_span``);
- hyphenated given names the English tokenizer splits ("Kassym-Jomart Tokayev", "Moon Jae-in"),
  initials ("Antony J. Blinken") and two adjacent pieces of one name (``_join_pieces``);
- capitalised words after a title or a role ("M. Japarov", "le président Macron", "President
  Tinubu", "le ministre chinois des Affaires étrangères Wang Yi", "Son Excellence M. X") and in
  capitals ("M. Ilham ALIEV");
- a name apposed after a comma to a role earlier in the sentence ("Le ministre ..., Nasser Bourita,");
- the canonical spelling: every spelling maps to the fullest name containing its words
  ("Xi" -> "Xi Jinping", "ALIEV" -> "Ilham Aliev") (``canonical``).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from .. import geo
from ..lexicons import load, words_of
from ..words import entities, fold, lowers, span_text, texts
from .figures import figure_named_in_full, figure_state, has_given_name
from .model import sent_bounds
from .roles import RoleHit, role_first_words, role_hit

NAME_INNER_PUNCT = {"-", "'", "."}
_BREAKING = set("«»“”„\"():;,")


def role_table(doc: Doc, lang: str) -> dict[int, RoleHit]:
    """Token index -> the role phrase starting there, for the whole Doc (computed once)."""
    key = f"diplowatch_roles_{lang}"
    table = doc.user_data.get(key)
    if table is None:
        table = {}
        firsts = role_first_words(lang)
        for i, first in enumerate(_first_words(doc)):
            if first in firsts:
                hit = role_hit(doc, i, lang)
                if hit:
                    table[i] = hit
        doc.user_data[key] = table
    return table


def _first_words(doc: Doc) -> list[str | None]:
    """Per token starting with a letter, its first folded word without a final s/x (the key of
    ``role_first_words``), else None; once per Doc, for the tables of both languages."""
    value = doc.user_data.get("diplowatch_role_firsts")
    if value is None:
        value = doc.user_data["diplowatch_role_firsts"] = list(map(_first_word, texts(doc)))
    return value


@lru_cache(maxsize=1 << 16)  # one look-up per token instead of a fold, a split and a strip
def _first_word(text: str) -> str | None:
    """``_first_words`` of one token's text."""
    return fold(text).split(" ", 1)[0].rstrip("sx") if text[:1].isalpha() else None


def _is_role(doc: Doc, i: int) -> bool:
    return bool(role_table(doc, "fr").get(i) or role_table(doc, "en").get(i))


def _cut_at_punct(doc: Doc, start: int, end: int) -> int:
    """A name ends at the first quotation mark, comma, colon... or line break inside its span
    ("Tokaïev “Élaborer" is "Tokaïev"): the statistical NER sometimes glues the next word."""
    for k in range(start, end):
        tok = doc[k]
        if k > start and ("\n" in doc[k - 1].whitespace_ or "\n" in doc[k - 1].text):
            return k
        if tok.is_punct and tok.text not in NAME_INNER_PUNCT or tok.is_quote or any(c in tok.text for c in _BREAKING):
            return k
    return end


def _after_hyphen(doc: Doc, k: int) -> bool:
    """Token k is glued to a hyphen before it ("Jae-in": "in" after "-")."""
    return k >= 1 and doc[k - 1].text == "-" and not doc[k - 1].whitespace_


def _valid_name_tokens(doc: Doc, start: int, end: int) -> bool:
    """Every word of a name is capitalised, a particle (de, ben, al, Le...), inner punctuation,
    or the lower-case end of a hyphenated name ("Jae-in")."""
    particles = load().words("particle")
    for tok in doc[start:end]:
        if tok.text[:1].isupper() or tok.text in NAME_INNER_PUNCT or tok.lower_ in particles:
            continue
        if tok.i > start and _after_hyphen(doc, tok.i) and tok.is_alpha:
            continue
        return False
    return True


# Prepositions a title-case headline capitalises ("Talks With Counterparts From Chile, Peru"): never
# the first word of a name (unlike "Le", "De" or "Van", which may be)
_HEADLINE_PREPOSITIONS = frozenset({"from", "with", "to", "for", "in", "on", "at", "after", "before", "amid", "over",
                                    "between", "during", "about", "into", "avec", "pour", "après", "apres", "avant",
                                    "entre", "sur", "dans", "chez"})


_ARTICLES = frozenset({"le", "la", "les", "l'", "the"})


# the words of a page's date line glued to a name before it ("le président Sall Publié le lundi 24 octobre")
_BYLINE_WORDS = frozenset({"publie", "publiee", "published", "updated", "modifie"})


def _figure_from(doc: Doc, start: int, end: int) -> bool:
    """The words from start are a public figure's full name, though the first is also an office ("Amir Khan
    Muttaqi": Amir is his given name)."""
    return end - start >= 3 and figure_named_in_full(doc[start:end].text)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Titles, roles and lower-case words off the start; punctuation and "'s" off the end."""
    tx, lw = texts(doc), lowers(doc)  # not a Token per test
    titles = words_of("title", "possessive")
    while start < end and (lw[start] in titles or tx[start][:1].islower() or doc[start].is_punct
                           or _is_role(doc, start) and not _figure_from(doc, start, end)
                           or lw[start] in _HEADLINE_PREPOSITIONS):
        start += 1
    while end > start and (doc[end - 1].is_punct or lw[end - 1] in ("'s", "s", "'")
                           or end - start > 1 and fold(tx[end - 1]) in _BYLINE_WORDS  # "Sall Publié le lundi ..."

                           or lw[end - 1] in _ARTICLES and end - 2 >= start and doc[end - 2].is_punct
                           or tx[end - 1][:1].islower() and not _after_hyphen(doc, end - 1)):
        end -= 1  # (an article after a dash opens the sentence: "Luanda - Le président ..." is no name)
    # a country name glued before the name ("du Président de l'Indonésie Prabowo Subianto"), or the
    # portfolio of the title ("le ministre russe de la Défense Sergueï Choïgou" read as one name)
    portfolios = load().words("portfolio")
    while end - start > 1 and (geo.is_country_name(tx[start]) or lw[start] in titles
                               or fold(tx[start]) in portfolios and start > 0
                               and (lw[start - 1] in ("de", "la", "l'", "du", "des", "à", "of", "and", "et", ",")
                                    or geo.adjective_country(tx[start - 1]))
                               # "Minister of Foreign Affairs, International Cooperation and Egyptian
                               # Expatriates Omar Hassan": the portfolio's nationality, then the portfolio
                               or geo.adjective_country(tx[start]) and fold(tx[start + 1]) in portfolios):
        start += 1
    if end - start > 2 and lw[start] in load().words("title_name"):
        start += 1  # "Cheikh Tamim bin Hamad Al Thani", but "Cheikh Ndiaye"
    # "République Arabe Sahraouie Démocratique Monsieur Brahim Ghaly": the name follows the last title
    inner = [k for k in range(start + 1, end - 1) if lw[k] in titles]
    if inner:
        start = inner[-1] + 1
    return start, end


def _is_place_after_noun(doc: Doc, start: int, end: int) -> bool:
    """ "au sommet de Belém", "the summit in Belem", "prévu en août à Belém": a place, not a name;
    "l'aéroport Rafic Hariri", "Rafic Hariri airport", "la ville de São Borja": named after someone or
    not, a place."""
    places = load().words("place_noun")
    if start >= 1 and fold(doc[start - 1].text) in places or end < len(doc) and fold(doc[end].text) in places \
            or end - start > 1 and fold(doc[end - 1].text) in places:
        return True  # also "Rideau Hall", "Blair House": the place noun inside the name
    if start >= 2 and doc[start - 1].lower_ in ("de", "d'", "of") and fold(doc[start - 2].text) in places:
        return True
    if start >= 4 and doc[start - 1].lower_ in ("et", "and"):  # "les archipels de Hoang Sa et Truong Sa"
        j = start - 2
        while j > 1 and doc[j].text[:1].isupper():
            j -= 1
        if j < start - 2 and doc[j].lower_ in ("de", "d'", "of") and fold(doc[j - 1].text) in places:
            return True
    if end - start == 1 and start >= 1 and doc[start - 1].text.islower() and fold(doc[start - 1].text) in load().words("venue_noun"):
        return True  # "at the latter's official residence Ganabhaban": the residence's name
    if end - start != 1 or start < 2:
        return False
    before, noun = doc[start - 1].lower_, fold(doc[start - 2].text)
    return before in ("de", "d'", "in", "of") and noun in load().words("place_noun") \
        or before in ("à", "a", "in", "at") and noun in load().words("calendar")


def _vietnamese_le(doc: Doc, start: int, end: int) -> bool:
    """ "Le Thi Thu Hang", "Le Hoai Trung": "Le" before a Vietnamese middle name and one more word is a
    family name."""
    return end - start >= 3 and fold(doc[start].text) in ("le", "lê") and fold(doc[start + 1].text) in load().words("vietnamese_middle")


def _organisation_of_role(doc: Doc, start: int) -> bool:
    """ "l'entraîneur du MC Alger", "the president of Real Madrid": capitalised words after a role
    and "de"/"of" name its organisation, not a person."""
    if start < 2 or doc[start - 1].lower_ not in ("du", "de", "d'", "des", "of"):
        return False
    k = start - 2
    if doc[k].pos_ == "DET" and k > 0:
        k -= 1
    for lang in ("fr", "en"):
        table = role_table(doc, lang)
        if any(i in table and k < table[i].end for i in range(max(0, k - 5), k + 1)):
            return True
    return False


def _cut_at_country(doc: Doc, start: int, end: int) -> int:
    """ "Kaïrat Abdourakhmanov du Kazakhstan": a name ends before "de"/"du"/"of" and a country."""
    for k in range(start + 1, end - 1):
        if doc[k].lower_ in ("de", "du", "d'", "des", "of") and geo.is_country_name(doc[k + 1].text):
            return k
    return end


def _quoted_term(doc: Doc, start: int, end: int) -> bool:
    """ 'as part of his “SAARC Yatra”': capitalised words alone in quotation marks are a term."""
    if start == 0 or end >= len(doc) or not doc[start - 1].is_quote or not doc[end].is_quote:
        return False
    return not (start >= 2 and doc[start - 2].lower_ in load().words("alias_cue"))


# letters after a name that are no part of it ("the Hon. James Marape MP", "Sir John Smith KC")
_POST_NOMINALS = frozenset({"MP", "MPs", "MEP", "MNA", "MLA", "MSP", "MPP", "QC", "KC", "OBE", "CBE", "KBE", "GCMG", "PhD"})


def clean_span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The name inside a candidate span, or None when the span is no person's name."""
    end = _cut_at_punct(doc, start, end) if start < end and not doc[start].is_punct else end
    while end - start > 2 and doc[end - 1].text in _POST_NOMINALS:
        end -= 1
    end = _cut_at_country(doc, start, end)
    start, end = _trim(doc, start, end)
    if start >= end or end - start - sum(t.text == "-" for t in doc[start:end]) > 8 or _organisation_of_role(doc, start) \
            or _quoted_term(doc, start, end):
        return None  # (the hyphens of "Al-Ahmad Al-Jaber Al-Sabah" are no words)
    if start >= 2 and doc[start - 1].text == "," and fold(doc[start - 2].text) in load().words("venue_noun") \
            and any(t.lower_ in ("at", "in", "à", "au", "dans") for t in doc[max(0, start - 6):start - 2]):
        return None  # "at the latter's office, Singhdurbar": the name of the place (not "le porte-parole du bureau, X")
    if end - start == 1 and end < len(doc) and doc[end].text == ":" and (start == 0 or doc[start - 1].is_punct or doc[start - 1].is_space):
        return None  # "Objectif : conclure ...": a label
    if end - start == 1 and doc[start].is_upper and start > 0 and doc[start - 1].text == "(" and end < len(doc) \
            and doc[end].text == ")":
        return None  # "Bogota, 30 juin (RHC)": a news agency's letters after the dateline
    if fold(doc[start].text) in load().words("institution_word") or _is_place_after_noun(doc, start, end):
        return None
    # the words of the span read from the per-Doc lists: a Span and its Tokens, made again for
    # each test, cost more than the tests
    tx, lw, span = texts(doc), lowers(doc), range(start, end)
    portfolios = load().words("portfolio")
    if all(fold(tx[k]) in portfolios or lw[k] in ("et", "and", "de", "du", "des", "la", "l'", ",") for k in span):
        return None  # "ministre de l'Economie, du Plan": the minister's portfolio
    if not _valid_name_tokens(doc, start, end) or lw[start] in load().words("particle") and not _vietnamese_le(doc, start, end):
        return None
    text = span_text(doc, start, end)
    if any(c.isdigit() for c in text) or "@" in text or "\n" in text:
        return None
    calendar = words_of("calendar", "geo_word")
    if any(fold(tx[k]) in calendar for k in span):
        return None
    if end - start > 1 and fold(tx[end - 1]) in load().words("facility_word"):
        return None  # "Blair House", "Jubilee House": a building named after someone
    if any(fold(tx[k]) in load().words("not_name_word") for k in span) \
            or end - start > 1 and fold(tx[end - 1]) in words_of("institution_word", "portfolio"):
        return None  # "Principal Deputy", "Central Committee", "Regional Integration": no one's name
    if fold(text) in load().organisations:
        return None  # "at a Sadc summit", "la Cedeao": an organisation, not a person
    if geo.any_country(text) or geo.is_country_name(text) or geo.institution_in(text) or geo.news_agency_in(text) \
            or any(fold(tx[k]) in load().words("platform") for k in span):
        return None
    if any(geo.is_country_name(span_text(doc, k, end)) for k in range(max(0, start - 3), start)):
        return None  # "Émirats Arabes Unis": the end of a country's name
    if any(geo.adjective_country(tx[k]) for k in span) or any(
            geo.adjective_country(span_text(doc, k, k + 2)) for k in range(start, end - 1)):
        return None  # "Kazakh President", "South Korean President"
    if _only_office(doc, start, end):
        return None  # "Northern Ireland's First Minister and Deputy First Minister": offices, no names
    english = doc.lang_ != "fr"  # "Say Chhum" in a French article: no English headline verb
    verb = next((k for k in span if english and headline_verb(lw[k])
                 or tx[k].isupper() and len(tx[k]) > 1 and _caps_headline_word(lw[k])), None)
    if verb == start:
        return None  # "Spokesman Condemns New US Sanctions": a headline's verb, capitalised
    if verb is not None:
        return clean_span(doc, start, verb)  # "Macron Visits China"
    return start, end


@lru_cache(maxsize=1)
def _headline_verbs() -> frozenset[str]:
    """The present forms of the English verbs of saying, of meeting and of headlines
    ("condemns", "meets"; "agree" after a plural subject: "Japanese PM, Korean President Agree
    to Meet"), but "hope", also a name."""
    lex = load()
    lemmas = {lemma for lang, lemma in lex.reporting if lang == "en" and " " not in lemma}
    lemmas |= {lemma for (lang, lemma), _ in lex.meeting_triggers.items() if lang == "en"}
    lemmas |= lex.words("headline_verb")
    forms = set(lemmas) - {"hope"}
    for word in lemmas:
        forms.add(word + "es" if word.endswith(("s", "sh", "ch", "x", "z")) else
                  word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s")
    return frozenset(forms)


# Words of a headline in capitals that end a name there ("ERDOGAN, OBAMA MEET AT G20 SUMMIT"): the
# plain forms of the verbs of meeting and saying, and the prepositions.
_CAPS_ENDS = frozenset({"at", "in", "on", "for", "with", "to", "after", "before", "and", "a", "au", "en", "avec",
                        "pour", "et", "apres", "avant"})


def _caps_headline_word(word: str) -> bool:
    lex = load()
    return word in _CAPS_ENDS or ("en", word) in lex.meeting_triggers or ("en", word) in lex.reporting


def headline_verb(word: str) -> bool:
    return word in _headline_verbs()


def _only_office(doc: Doc, start: int, end: int) -> bool:
    """Every word of the span belongs to a role phrase or is a rank ("Deputy First Minister")."""
    covered: set[int] = set()
    for i in range(max(0, start - 3), end):
        for lang in ("fr", "en"):
            hit = role_table(doc, lang).get(i)
            if hit:
                covered.update(range(i, hit.end))
    ranks = load().words("rank")
    return all(k in covered or doc[k].lower_ in ranks for k in range(start, end))


def _extend_hyphens(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Take in the pieces of a hyphenated name the tokenizer split: "Kassym - Jomart Tokayev",
    "Moon Jae - in"."""
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_ and doc[start - 2].is_alpha and doc[start - 2].text[:1].isupper():
        start -= 2
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ \
            and doc[end + 1].is_alpha:
        end += 2
    return start, end


_FRENCH_PREPOSITIONS = frozenset({"de", "du", "des", "d'", "la", "le"})


def _extend_right(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """ "Kairat-Bolat" + "Sadykov": a proper noun glued after a hyphenated name the NER cut short."""
    if end < len(doc) and end - start >= 3 and doc[end - 2].text == "-" and doc[end].pos_ == "PROPN" \
            and doc[end].text[:1].isupper() and not doc[end - 1].whitespace_ == "" and not geo.any_country(doc[end].text):
        return start, end + 1
    # "Ursula von der" + "Leyen" (read as a place): a name cannot end on a lower-case particle; and
    # "Maria van" + "der" + "Berg": nor stop before one that is no French preposition
    particles = load().words("particle")
    k = end
    while k < len(doc) and k - end < 2 and doc[k].text.islower() and doc[k].lower_ in particles \
            and doc[k].lower_ not in _FRENCH_PREPOSITIONS:
        k += 1
    if k > end or doc[end - 1].text.islower() and doc[end - 1].lower_ in particles:
        if k < len(doc) and k - start < 7 and doc[k - 1].whitespace_ and doc[k].is_alpha and doc[k].text[:1].isupper() \
                and not geo.any_country(doc[k].text):
            end = k + 1
    # "Shah Mehmood" + "Qureshi", "Assimi" + "GOÏTA": the parser joins the next proper noun to the name
    # (its words are compounds of it, or it is their flat continuation) where the NER stopped short
    while end < len(doc) and end - start < 4 and _glued_surname(doc, start, end):
        end += 1
    return start, end


def _glued_surname(doc: Doc, start: int, end: int) -> bool:
    nxt = doc[end]
    if nxt.pos_ != "PROPN" or not nxt.is_alpha or not nxt.text[:1].isupper() or "\n" in doc[end - 1].whitespace_ \
            or not doc[end - 1].whitespace_ or geo.any_country(nxt.text) or _is_role(doc, end) \
            or nxt.lower_ in load().words("title") or nxt.ent_type_ and nxt.ent_type_ not in ("PER", "PERSON") \
            and not _compound_head(doc, start, end):
        return False
    joined = any(t.head.i == end and t.dep_ in ("compound", "flat", "flat:name") for t in doc[start:end])
    # "Makhdoom Shah" + "Mahmood Qureshi": the name's words and the next are compounds of one more proper noun
    onto_next = nxt.dep_ == "compound" and end + 1 < len(doc) and nxt.head.i == end + 1 and doc[end + 1].pos_ == "PROPN" \
        and all(t.head.i == end + 1 and t.dep_ == "compound" for t in doc[end - 1:end])
    return joined or onto_next or nxt.dep_ in ("flat", "flat:name") and start <= nxt.head.i < end


def _compound_head(doc: Doc, start: int, end: int) -> bool:
    """The next word heads the name's words as their compounds (the NER read it alone as a place)."""
    return all(t.head.i == end and t.dep_ == "compound" for t in doc[max(start, end - 2):end])


def _elided_prefix(doc: Doc, k: int) -> bool:
    """ "N'", "D'", "O'" glued to a capitalised word: a piece of a name ("Bah N'DAW", "O'Brien")."""
    tok = doc[k]
    return len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] in "'’" and not tok.whitespace_ \
        and k + 1 < len(doc) and doc[k + 1].text[:1].isupper()


def _initial(tok) -> bool:
    """ "J." in "Antony J. Blinken"."""
    return len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] == "."


def _given_name_before(doc: Doc, s: int) -> int:
    """ "Antony J. Blinken" when only "J. Blinken" was found: the capitalised word before an initial."""
    if s >= 1 and _initial(doc[s]) and doc[s - 1].is_alpha and doc[s - 1].text[:1].isupper() \
            and not _is_role(doc, s - 1) and doc[s - 1].lower_ not in load().words("title") \
            and not geo.any_country(doc[s - 1].text) and not doc[s - 1].whitespace_.count("\n"):
        return s - 1
    if s >= 1 and len(doc[s - 1].text) == 1 and doc[s - 1].text.isupper() and doc[s - 1].text not in ("A", "I", "M") \
            and doc[s - 1].is_alpha and not doc[s - 1].whitespace_.count("\n"):
        return s - 1  # "S Jaishankar" written without the initial's point (not "M" for "Monsieur", nor "A", "I")
    return s


def _join_pieces(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Two pieces of one name side by side ("Antony" + "J. Blinken", "Antony J." + "Blinken")."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        s = _given_name_before(doc, s) if not out or out[-1][1] < s - 1 else s
        if out:
            ps, pe = out[-1]
            gap = doc[pe:s]
            if s >= pe and (not len(gap) or len(gap) == 1 and _initial(gap[0])) and not any(
                    "\n" in doc[k].whitespace_ for k in range(ps, s)):
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


def _after_title(doc: Doc, tok, lang: str, taken: set[int]) -> tuple[int, int] | None:
    """Capitalised words after a title or a role: "M. Japarov", "le président Macron",
    "President Tinubu", "le ministre chinois des Affaires étrangères Wang Yi"."""
    words = load()
    is_title = tok.lower_ in words.words("title") or tok.lower_ in words.words("title_name")
    hit = role_table(doc, lang).get(tok.i)
    if not (is_title or hit):
        return None
    j = hit.end if hit else tok.i + 1
    # "le ministre chinois des Affaires étrangères Wang Yi": skip the rest of the title
    skip = j
    while skip < len(doc) and skip - j < 6 and (
            doc[skip].text[:1].islower() and doc[skip].pos_ not in ("VERB", "AUX") and not doc[skip].is_punct
            or doc[skip].text[:1].isupper() and skip + 1 < len(doc) and doc[skip + 1].text[:1].islower()
            and doc[skip + 1].pos_ == "ADJ"):
        skip += 1
    while skip > j and skip + 1 < len(doc) and doc[skip - 1].pos_ == "ADP" and geo.any_country(doc[skip].text) \
            and doc[skip + 1].text[:1].isupper():
        skip += 1  # "Ukrainian ambassador to SA Liubov X": the country of the post, then the name
    if skip > j and skip < len(doc) and doc[skip].text[:1].isupper() and doc[skip - 1].pos_ not in ("ADP", "CCONJ") \
            and doc[skip - 1].lower_ not in ("de", "du", "d'", "des", "la", "le", "les", "l'", "aux", "à", "au", "en", "of",
                                             "in", "the", "at"):
        # a capitalised word after an article or a preposition is a noun of the title or a place
        # ("ministre des Sports", "ministre de la Jeunesse", "avant le sommet de l'Amazonie"), not a name
        j = skip
    if j + 3 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")" and doc[j + 1].text.isupper() \
            and doc[j + 1].is_alpha and len(doc[j + 1].text) <= 6:
        j += 3  # "External Affairs Minister (EAM) S Jaishankar": the title's abbreviation
    if j < len(doc) and doc[j].text == ",":
        j += 1
    # "Son Excellence M. X": the titles after the title
    while j < len(doc) and (doc[j].lower_ in words.words("title") or doc[j].lower_ in words.words("possessive")):
        j += 1
    stop, particles = words.words("name_stop"), words.words("particle")
    k = j
    hyphens = 0  # "Meshal Al-Ahmad Al-Jaber Al-Sabah": seven words, the hyphens no words of their own
    vietnamese = _vietnamese_le(doc, j, min(len(doc), j + 3))
    while k < len(doc) and k - j - hyphens < 7 and (doc[k].text[:1].isupper() and doc[k].is_alpha is not False
                                          and not doc[k].is_punct and (fold(doc[k].text) not in stop or k == j and vietnamese)
                                          or doc[k].text == "-" and not doc[k].whitespace_ and k > j
                                          or k > j and doc[k].lower_ in particles and k + 1 < len(doc)
                                          and (doc[k + 1].text[:1].isupper() or _glued_particle(doc, k))
                                          or _initial(doc[k]) or _elided_prefix(doc, k)) \
            and "\n" not in doc[k - 1].whitespace_:
        hyphens += doc[k].text == "-"
        k += 1
    if k > j and not taken.intersection(range(j, k)):
        cleaned = clean_span(doc, j, k)
        if cleaned and not role_table(doc, lang).get(cleaned[0]):
            return cleaned
    return None


def _glued_particle(doc: Doc, k: int) -> bool:
    """ "al-Burhan", "el-Sissi": a particle glued by a hyphen to the capitalised word after it."""
    return k + 2 < len(doc) and not doc[k].whitespace_ and doc[k + 1].text == "-" and not doc[k + 1].whitespace_ \
        and doc[k + 2].text[:1].isupper()


def _apposed_after_comma(doc: Doc, tok, lang: str, taken: set[int]) -> tuple[int, int] | None:
    """ "Le ministre des Affaires étrangères, Nasser Bourita, ...": capitalised words between
    commas (or before a verb) after a role phrase in the same sentence."""
    if tok.text != "," or tok.i + 2 >= len(doc) or tok.i + 1 in taken:
        return None
    stop, particles = load().words("name_stop"), load().words("particle")
    k, count = tok.i + 1, 0
    while k < len(doc) and count < 4 and k not in taken:
        if doc[k].text == "-" and count and _glued_hyphen(doc, k):
            k += 1  # "Abdel-Latif Al-Zayani": one name, in five tokens
            continue
        if count and doc[k].lower_ in particles and k + 1 < len(doc) and doc[k + 1].text[:1].isupper() \
                and k + 1 not in taken:
            k += 1  # "Luiz Inacio Lula da Silva", "Ursula von der Leyen"
            continue
        if not doc[k].text[:1].isupper() or doc[k].is_punct or fold(doc[k].text) in stop and not (
                count == 0 and _vietnamese_le(doc, k, min(len(doc), k + 3))):
            break
        k, count = k + 1, count + 1
    if doc[k - 1].text == "-":
        return None
    if count < 2 or (k < len(doc) and doc[k].text not in (",", ".", ";") and doc[k].lower_ not in ("et", "and")
                             and doc[k].pos_ not in ("AUX", "VERB")):
        return None
    roles = role_table(doc, lang)
    # "les ministres des Affaires étrangères d'Egypte, A, de Jordanie, B, ... et du Bahreïn, C": in a
    # list of countries and their holders the role may be far back in the sentence
    reach = tok.i - sent_bounds(doc, tok.i)[0] if _after_country_of(doc, tok.i) else 20
    if any(i in roles for i in range(max(sent_bounds(doc, tok.i)[0], tok.i - reach), tok.i)):
        return clean_span(doc, tok.i + 1, k)
    return None


def _after_country_of(doc: Doc, comma: int) -> bool:
    """The comma follows "de / du / d' / of" and a country's name ("..., du Bahreïn, X")."""
    k = comma - 1
    while k > 0 and doc[k - 1].text[:1].isupper() and k > comma - 3:
        k -= 1
    return k > 0 and doc[k - 1].lower_ in ("de", "du", "d'", "d’", "des", "of") \
        and geo.is_country_name(doc[k:comma].text)


def _glued_hyphen(doc: Doc, k: int) -> bool:
    """Token k is a hyphen glued to a capitalised word either side ("Al-Zayani")."""
    return k + 1 < len(doc) and not doc[k - 1].whitespace_ and not doc[k].whitespace_ and doc[k + 1].text[:1].isupper()


def _before_apposed_role(doc: Doc, tok, lang: str, taken: set[int]) -> tuple[int, int] | None:
    """ "X, ministre iranien des Affaires étrangères, et Yvette Cooper, ministre britannique ...":
    capitalised words the NER missed, followed by a comma and a role phrase apposed to them."""
    if tok.i in taken or not tok.text[:1].isupper() or not tok.is_alpha or (tok.i > 0 and doc[tok.i - 1].text[:1].isupper()):
        return None
    stop = load().words("name_stop")
    k = tok.i
    while k < len(doc) and k - tok.i < 4 and doc[k].text[:1].isupper() and doc[k].is_alpha and fold(doc[k].text) not in stop \
            and k not in taken:
        k += 1
    if k - tok.i < 2 or k + 1 >= len(doc) or doc[k].text != ",":
        return None
    if tok.i > 0 and doc[tok.i - 1].lower_ in ("the", "le", "la", "l'", "les") \
            or any(fold(t.text) in load().words("facility_word") for t in doc[tok.i:k]):
        return None  # "At a meeting at the Jubilee House, President X": a place, not a name
    j = k + 1
    while j < len(doc) and doc[j].pos_ == "DET":
        j += 1
    if not role_table(doc, lang).get(j):
        return None
    return clean_span(doc, tok.i, k)


def _after_org(doc: Doc, tok, lang: str, taken: set[int]) -> tuple[int, int] | None:
    """ "General Secretary of the Football Federation of Kazakhstan Sayan Khamitzhanov": the
    capitalised words after the country or institution that ends a role's organisation."""
    hit = role_table(doc, lang).get(tok.i)
    if hit is None or hit.end >= len(doc) or doc[hit.end].lower_ not in ("of", "de", "du", "des", "d'"):
        return None
    last = None
    k = hit.end
    while k < len(doc) and k - hit.end < 12 and (doc[k].text[:1].isupper() or doc[k].lower_ in ("of", "the", "de", "du", "des", "la", "l'", "d'")) \
            and not doc[k].is_punct and "\n" not in doc[k].whitespace_:
        # an organisation's acronym right after its preposition ("de l'OTAN", "of the OSCE")
        acronym = doc[k].text.isupper() and len(doc[k].text) >= 2 and doc[k - 1].lower_ in ("of", "the", "de", "du", "des", "la", "l'", "d'")
        if geo.is_country_name(doc[k].text) or fold(doc[k].text) in load().words("institution_word") or acronym:
            last = k
        k += 1
    if last is None or k - last - 1 < 2 or taken.intersection(range(last + 1, k)):
        return None
    return clean_span(doc, last + 1, k)


def name_spans(doc: Doc, lang: str) -> list[tuple[int, int]]:
    """Token spans of people's names, in text order, not overlapping."""
    spans: list[tuple[int, int]] = []
    taken: set[int] = set()
    for i, hit in role_table(doc, lang).items():  # "Président de la République": never a name
        if hit.end - i > 1:
            taken.update(k for k in range(i + 1, hit.end) if doc[k].text[:1].isupper())
    # a word the NER reads as a place elsewhere in the article is that place ("in Goa" ... "Goa")
    places = {ent.text for ent in entities(doc) if ent.label_ in ("LOC", "GPE", "FAC") and len(ent) == 1}
    for ent in entities(doc):
        start = ent.start
        if ent.label_ not in ("PER", "PERSON"):
            start = _rescued(doc, ent)
            if start is None:
                continue
        elif len(ent) == 1 and ent.text in places:
            continue
        cleaned = clean_span(doc, *_extend_right(doc, *_extend_hyphens(doc, start, ent.end)))
        if cleaned and not taken.intersection(range(*cleaned)):
            spans.append(cleaned)
            taken.update(range(*cleaned))
    titles = words_of("title", "title_name")
    roles = role_table(doc, lang)
    # the tokens each finder can start from (the test it opens with, on the per-Doc lists): titles
    # and roles, commas, capitalised words, roles; a Token is made only for those
    tx, lw = texts(doc), lowers(doc)
    opens = ((_after_title, [i for i, low in enumerate(lw) if i in roles or low in titles]),
             (_apposed_after_comma, [i for i, text in enumerate(tx) if text == ","]),
             (_before_apposed_role, [i for i, text in enumerate(tx) if text[:1].isupper()]),
             (_after_org, sorted(roles)))
    for finder, indices in opens:
        for i in indices:
            if i in taken:
                continue
            found = finder(doc, doc[i], lang, taken)
            if found:
                spans.append(found)
                taken.update(range(*found))
    joined = [span for span in _join_pieces(doc, spans) if not _byline(doc, *span)]
    return _without_pairs_of_surnames(doc, joined)


def _without_pairs_of_surnames(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans but those of two people's surnames joined by a hyphen ("rencontre Pachinian-Aliev",
    "Biden-Xi summit"), which name an encounter, not a person: each half is another name's surname (or
    a public figure's first word) in the article, or a public figure's surname."""
    pairs = []
    for start, end in spans:
        parts = [p for p in span_text(doc, start, end).replace(" ", "").split("-") if p]
        if len(parts) == 2 and all(p[:1].isupper() for p in parts):
            pairs.append(((start, end), parts))
    if not pairs:
        return spans
    names = {span: span_text(doc, *span).split() for span in spans if span[1] - span[0] > 1}
    dropped = set()
    for span, parts in pairs:
        others = [w for other, w in names.items() if other != span]
        words = {fold(w[-1]) for w in others} | {fold(w[0]) for w in others if figure_state(" ".join(w))}
        if all(fold(p) in words or figure_state(p) for p in parts):
            dropped.add(span)
    return [span for span in spans if span not in dropped]


def _byline(doc: Doc, start: int, end: int) -> bool:
    """The author's line at the top of an article ("Par Kizer MAIDOU", "By Jane Doe, Reuters"):
    a line of its own among the first ones, "Par" / "By" right before the name. The author is no
    one the story is about."""
    breaks = lambda tok: "\n" in tok.whitespace_ or tok.is_space and "\n" in tok.text  # noqa: E731
    if start == 0 or doc[start - 1].lower_ not in ("par", "by") or start > 1 and not breaks(doc[start - 2]):
        return False
    line_end = end
    while line_end < len(doc) and not breaks(doc[line_end - 1]) and not doc[line_end].is_space:
        if line_end - end >= 6:
            return False  # a sentence going on ("by the minister who ...")
        line_end += 1
    return doc[:start].text.count("\n") <= 4  # among the first lines (blank lines count)


def _rescued(doc: Doc, ent) -> int | None:
    """Where a person's name starts in an entity the model did not read as one (`_known_figure`,
    `_figure_surname`): "Les Présidents Alassane OUATTARA" as MISC is Alassane Ouattara."""
    if _figure_surname(doc, ent):
        return ent.start
    institution = load().words("institution_word")
    for k in range(ent.start, ent.end - 2):
        # "the Presidential Administration of Uzbekistan Saida Mirziyoyeva" (ORG): two or three capitalised
        # words after the body's country are a person's name
        if geo.is_country_name(doc[k].text) and k > ent.start and doc[k - 1].lower_ in ("of", "de", "du", "d'") \
                and 2 <= ent.end - k - 1 <= 3 and all(t.pos_ == "PROPN" and
                t.text[:1].isupper() and t.is_alpha and fold(t.text) not in institution and not geo.any_country(t.text)
                for t in doc[k + 1:ent.end]):
            return k + 1
    particles = load().words("particle")
    for start in range(ent.start, ent.end - 1):
        tok = doc[start]
        if start > ent.start and doc[start - 1].lower_ in particles:
            break  # "Faisal bin Saad Al Harbi": a name goes on across its particles, none starts after one
        if tok.pos_ != "DET" and tok.text[:1].isupper() and not _is_role(doc, start) \
                and fold(tok.text) not in load().words("title") and _known_figure(doc[start:ent.end].text):
            return start
    if _apposed_office(doc, ent, institution):
        return ent.start
    return None


def _apposed_office(doc: Doc, ent, institution: frozenset[str]) -> bool:
    """ "met with Shotaro Yachi, head of Japan's National Security Council" (the name read as ORG): two or
    three capitalised words, none an institution's or a country's, with an office apposed after a comma."""
    words = doc[ent.start:ent.end]
    if not 2 <= len(words) <= 3 or ent.end + 1 >= len(doc) or doc[ent.end].text != ",":
        return False
    if not all(t.is_alpha and t.text[:1].isupper() and not t.text.isupper() and fold(t.text) not in institution
               and not geo.any_country(t.text) and not geo.place_country(t.text) for t in words):
        return False
    lang = doc.lang_ if doc.lang_ in ("fr", "en") else "fr"
    k = ent.end + 1 + (doc[ent.end + 1].lower_ in ("the", "le", "la", "l'"))
    return k < len(doc) and (role_hit(doc, k, lang) is not None or doc[k].lower_ in _HEADS and k + 1 < len(doc)
                             and doc[k + 1].lower_ in ("of", "de", "du", "des"))


# the heads of a body, apposed to a name ("X, head of the National Security Council", "Y, directeur du ...")
_HEADS = frozenset({"head", "chief", "chair", "chairman", "chairwoman", "director", "directeur", "directrice", "chef",
                    "cheffe", "leader", "founder", "fondateur"})


_WHERE = frozenset({"à", "au", "en", "in", "at", "to", "from", "near", "vers", "depuis", "of", "de", "d'", "du",
                    "for", "pour", "sur", "on", "dans", "across", "inside", "outside", "into"})


def _figure_surname(doc: Doc, ent) -> bool:
    """A single word the model reads as a place or an organisation that is a public figure's
    surname only he or she bears ("Kishida", "Buhari" as GPE), unless a preposition of place
    comes before it ("in Lagos": the city, not Ricardo Lagos) or the gazetteer of countries and
    capitals knows it."""
    text = ent.text
    if len(ent) != 1 or not text[:1].isupper() or text.isupper() or len(text) < 5:
        return False
    if ent.start > 0 and (doc[ent.start - 1].lower_ in _WHERE or doc[ent.start - 1].text == "A" and doc.lang_ == "fr"):
        return False  # ("A Lagos, ...": a French capital À written without its accent)
    return figure_state(text) is not None and geo.any_country(text) is None


def _known_figure(text: str) -> bool:
    """An entity the small model mislabels (MISC, LOC, ORG) that is a person by the data: a public
    figure of the gazetteer named in full ("Recep Tayyip Erdogan" as MISC), or two to four
    capitalised words opening with a figure's first name and holding no word of an institution, a
    facility, a country or a place ("Hamid Reza Fooladgar" as ORG). Two words or more: a single word
    is `_figure_surname`'s, with its guard ("in Lagos" is the city before it is Ricardo Lagos)."""
    words = text.split()
    if not words or not all(w[:1].isupper() for w in words):
        return False
    if len(words) > 1 and figure_state(text) is not None:
        return True
    institution = words_of("institution_word", "facility_word")
    return 2 <= len(words) <= 4 and has_given_name(text) and all(
        w.replace("-", "").isalpha() and fold(w) not in institution and geo.any_country(w) is None for w in words)


def canonical(names: list[str]) -> dict[str, str]:
    """Map every spelling to the article's fullest name containing its words (the first such name
    in the article when several are as long). Distinct spellings only, and candidates looked up by
    their rarest shared word, so a long text with many mentions stays fast."""
    unique = list(dict.fromkeys(names))
    honorific = words_of("title_name", "title")
    # an initial's point is no part of it ("S. Jaishankar" is "S Jaishankar")
    words = {n: [w.rstrip(".") or w for w in fold(n).split() if w not in honorific] or fold(n).split() for n in unique}
    # spellings that differ by an initial's point or by accents ("Pedro Sanchez" in a caption, "Pedro
    # Sánchez" in the text) -> the first of them
    first: dict[tuple[str, ...], str] = {}
    for n in unique:
        first.setdefault(tuple(fold(n).replace(".", " ").split()), n)
    sets = {n: set(w) for n, w in words.items()}
    index: dict[str, list[str]] = {}
    for n in unique:
        for x in sets[n]:
            index.setdefault(x, []).append(n)
    slips = _slips_in_full_names(unique, words, index, names)
    result = {}
    for n in unique:
        best = n
        if sets[n]:
            rarest = min(sets[n], key=lambda x: len(index[x]))
            for m in index[rarest]:
                if len(words[m]) > len(words[best]) and sets[n] <= sets[m]:
                    best = m
        if best == n and len(words[n]) == 1:
            best = _misspelt_of(words[n][0], unique, words) or n
        best = slips.get(best, best)
        result[n] = first[tuple(fold(best).replace(".", " ").split())]
    return result


def _slips_in_full_names(unique: list[str], words: dict[str, list[str]], index: dict[str, list[str]],
                         names: list[str]) -> dict[str, str]:
    """ "Sergey Lavrrov" and "Sergey Lavrov" in one article: full names alike but for one slip of the
    keyboard in one long word are one person, written as the article writes that word more often
    (in any of its names: "Lavrov" alone counts), the first written on a tie."""
    counts: dict[str, int] = {}
    for n in names:
        for w in words.get(n, ()):
            counts[w] = counts.get(w, 0) + 1
    slips = {}
    for name in unique:
        own = words[name]
        if len(own) < 2:
            continue
        alike = [m for m in index.get(own[0], ()) if m != name and len(words[m]) == len(own)
                 and sum(a != b for a, b in zip(words[m], own)) == 1
                 and all(a == b or len(a) >= 5 and len(b) >= 5 and a[0] == b[0] and one_slip(a, b)
                         for a, b in zip(words[m], own))]
        if len(alike) != 1:
            continue
        other = alike[0]
        mine, theirs = next((counts[a], counts[b]) for a, b in zip(own, words[other]) if a != b)
        if theirs > mine or theirs == mine and names.index(other) < names.index(name):
            slips[name] = other
    return slips


def _misspelt_of(word: str, unique: list[str], words: dict[str, list[str]]) -> str | None:
    """ "Mistotakis" after "Kyriakos Mitsotakis": a lone surname one slip of the keyboard from the
    surname of exactly one fuller name of the article (two letters swapped, one letter wrong, missing or
    extra) is that name. Long words only, with the same first letter: short names differ by a letter."""
    if len(word) < 6:
        return None
    found = {m for m in unique if len(words[m]) > 1 and any(
        len(v) >= 5 and v[0] == word[0] and v != word and one_slip(word, v) for v in words[m][1:])}
    return found.pop() if len(found) == 1 else None


def one_slip(a: str, b: str) -> bool:
    """Whether b is a from one slip of the keyboard: two neighbours swapped, one letter wrong, missing or extra."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    k = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[k:] == long_[k + 1:]
