"""English without a statistical model: rules over spacy.blank("en").

Used when the optional English model (extra "en") is not installed. Names are found as runs of
capitalised words; sentences by punctuation; every other rule falls back to the sentence as
its scope. Quality is lower, and the Extractor says so in Extraction.warnings.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import geo
from .lexicons import load



@Language.component("diplowatch_capitalised_names")
def capitalised_names(doc: Doc) -> Doc:
    """PERSON spans for runs of 2-4 capitalised words that are no country, place or institution,
    and GPE spans for gazetteer places."""
    words = load()
    not_names, titles, stop = words.words("not_name_en") | words.words("calendar"), words.words("title"), words.words("name_stop")
    ents = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if tok.text[:1].isupper() and tok.is_alpha and tok.lower_ not in not_names and tok.lower_ not in titles:
            j = i
            while j < len(doc) and j - i < 4 and doc[j].text[:1].isupper() and (doc[j].is_alpha or "-" in doc[j].text) \
                    and doc[j].lower_ not in not_names and doc[j].lower_ not in stop:
                j += 1
            text = doc[i:j].text
            if geo.place_country(text) or geo.adjective_country(text) or geo.any_country(text):
                ents.append(Span(doc, i, j, label="GPE"))
            elif j - i >= 2 and not any(geo.adjective_country(t.text) or geo.any_country(t.text) for t in doc[i:j]) \
                    and not geo.institution_in(text):
                ents.append(Span(doc, i, j, label="PERSON"))
            i = max(j, i + 1)
        else:
            i += 1
    doc.ents = ents
    return doc
