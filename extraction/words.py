"""Token helpers shared by the rules: a lemma even when the pipeline has no lemmatizer."""

from __future__ import annotations

import re

from spacy.tokens import Token

from diplowatch.countries import fold  # noqa: F401  (cached there: the rules fold the same words over and over)


_SPACED_HYPHEN = re.compile(r"(?<=\w) - (?=\w)")


def tidy(text: str) -> str:
    """A name or role phrase as output: a hyphen the source wrote with spaces around it is closed
    up ("le porte - parole", "Kassym - Jomart"): inside one name or role it cannot be a dash."""
    return _SPACED_HYPHEN.sub("-", text) if " - " in text else text


def has(doc, attr: str) -> bool:
    """Doc.has_annotation, cached: it scans every token, far too slow to call per token."""
    key = f"diplowatch_has_{attr}"
    value = doc.user_data.get(key)
    if value is None:
        value = doc.user_data[key] = doc.has_annotation(attr)
    return value


def entities(doc) -> list:
    """doc.ents, cached (building it walks the whole Doc)."""
    value = doc.user_data.get("diplowatch_ents")
    if value is None:
        value = doc.user_data["diplowatch_ents"] = list(doc.ents)
    return value


def lemma(tok: Token) -> str:
    """The token's lemma, lower-cased; a guess from the English endings when the pipeline has no
    lemmatizer (``_lemma``), computed once per Doc."""
    return lemmas(tok.doc)[tok.i]


def lemmas(doc) -> list[str]:
    """``lemma`` of every token, computed once per Doc: the meeting rules ask for the lemma of every
    token of every sentence, and of many tokens again and again."""
    value = doc.user_data.get("diplowatch_lemmas")
    if value is None:
        annotated = has(doc, "LEMMA")
        raw = _token_list(doc, "diplowatch_raw_lemmas")
        value = doc.user_data["diplowatch_lemmas"] = [_lemma(lem, low, annotated) for lem, low in zip(raw, lowers(doc))]
    return value


def _lemma(lemma_: str, lower: str, annotated: bool) -> str:
    """The lemma of a token whose Token.lemma_ and Token.lower_ are given."""
    lem = lemma_.lower() if lemma_ else ""
    if lem and lem != lower or annotated:
        return lem or lower
    word = lower
    from .lexicons import load

    irregular = load().irregular
    if word in irregular:
        return irregular[word]
    for suffix, repl in (("ied", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + repl
    return word


def _token_list(doc, key: str) -> list:
    """One of the per-Doc lists of token attributes (texts, lower-cased texts, offsets, raw lemmas),
    all four read in one pass over the Doc the first time any is asked for: each pass makes a new
    Token object per word, most of the cost of a list."""
    value = doc.user_data.get(key)
    if value is None:
        tx, low, at, lem = [], [], [], []
        for t in doc:
            tx.append(t.text)
            low.append(t.lower_)
            at.append(t.idx)
            lem.append(t.lemma_)
        doc.user_data.update({"diplowatch_texts": tx, "diplowatch_lowers": low, "diplowatch_starts": at,
                              "diplowatch_raw_lemmas": lem})
        value = doc.user_data[key]
    return value


def texts(doc) -> list[str]:
    """The tokens' texts, cached: each ``doc[i]`` or pass over the Doc makes new Token objects,
    the cost of the rules that read every token."""
    return _token_list(doc, "diplowatch_texts")


def starts(doc) -> list[int]:
    """The tokens' character offsets (Token.idx), cached (see ``texts``)."""
    return _token_list(doc, "diplowatch_starts")


def span_text(doc, start: int, end: int) -> str:
    """``doc[start:end].text`` cut from the Doc's text: making a Span costs more than the rest of
    most rules that ask for one."""
    if start >= end:
        return ""
    return doc_text(doc)[starts(doc)[start]:starts(doc)[end - 1] + len(texts(doc)[end - 1])]


def lowers(doc) -> list[str]:
    """The tokens' lower-cased texts, cached (see ``texts``)."""
    return _token_list(doc, "diplowatch_lowers")


def doc_text(doc) -> str:
    """doc.text, cached (Doc.text joins every token on each access)."""
    value = doc.user_data.get("diplowatch_text")
    if value is None:
        value = doc.user_data["diplowatch_text"] = doc.text
    return value


def positions(doc, key: str, words: frozenset[str]) -> list[int]:
    """The indices of the tokens whose lower-cased text is one of ``words``, found once per Doc
    under ``key``; a search of the lower-cased text first spares the walk over the tokens (most
    articles hold no "respectivement", many sentences no "depuis")."""
    cache = f"diplowatch_at_{key}"
    value = doc.user_data.get(cache)
    if value is None:
        lowered = doc_text(doc).lower()
        # the cached lower-cased texts, not a Token per word
        value = [i for i, low in enumerate(lowers(doc)) if low in words] if any(w in lowered for w in words) else []
        doc.user_data[cache] = value
    return value


_FR_ENDINGS = (("èrent", "er"), ("aient", "er"), ("ent", "er"), ("ait", "er"), ("ant", "er"), ("ées", "er"), ("és", "er"),
               ("ée", "er"), ("é", "er"), ("es", "er"), ("e", "er"), ("a", "er"), ("it", "ire"), ("is", "ire"), ("t", "re"))


def verb_forms(known) -> frozenset[str]:
    """The word forms ``verb_lemma`` maps onto one of ``known`` by a regular ending ("indique",
    "indiquant" for "indiquer"): a token of none of them keeps its lemma."""
    return frozenset(lem[: -len(repl)] + suffix for lem in known for suffix, repl in _FR_ENDINGS
                     if lem.endswith(repl) and len(lem) - len(repl) > 2)


def verb_lemma(tok: Token, known) -> str:
    """The lemma, or, when the lemmatizer left a French verb form as it is ("indique"), the
    infinitive among ``known`` that a regular ending gives ("indiquer", "dire")."""
    lem = lemma(tok)
    if lem in known:
        return lem
    word = tok.lower_
    for suffix, repl in _FR_ENDINGS:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            guess = word[: -len(suffix)] + repl
            if guess in known:
                return guess
    return lem
