"""The spaCy component that builds the people model of each Doc."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import marks
from ..contained import contained
from .coref import find_people
from .model import _setup_extensions

_setup_extensions()


@Language.component("diplowatch_people", requires=["doc.sents", "doc.ents", "token.pos", "token.dep"],
                    assigns=["doc._.mentions", "doc._.persons"])
@contained("people", lambda doc: (setattr(doc._, "mentions", []), setattr(doc._, "persons", {})))
def people_component(doc: Doc) -> Doc:
    lang = doc.lang_ if doc.lang_ in ("fr", "en") else "fr"
    mentions, persons = find_people(doc, lang)
    _, inside = marks.in_doc(doc, lang)
    for m in mentions:
        m.quoted = inside[doc[m.start].idx]
    doc._.mentions, doc._.persons = mentions, persons
    return doc
