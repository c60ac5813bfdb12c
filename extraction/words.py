"""Token helpers shared by the rules: a lemma even when the pipeline has no lemmatizer."""

from __future__ import annotations

from spacy.tokens import Token

# irregular English forms for the rules-only English pipeline (spacy.blank("en"))
_IRREGULAR = {"met": "meet", "said": "say", "told": "tell", "held": "hold", "spoke": "speak", "spoken": "speak",
              "says": "say", "wrote": "write", "talks": "talk", "meetings": "meeting", "calls": "call",
              "summits": "summit", "was": "be", "were": "be", "is": "be", "are": "be", "has": "have", "had": "have"}


def lemma(tok: Token) -> str:
    lem = tok.lemma_.lower() if tok.lemma_ else ""
    if lem and lem != tok.lower_ or tok.doc.has_annotation("LEMMA"):
        return lem or tok.lower_
    word = tok.lower_
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix, repl in (("ied", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + repl
    return word
