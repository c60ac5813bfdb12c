"""Quotation marks, read on the characters: where direct quotations are in a text.

Constructions handled:
- « ... », “ ... ”, „ ... “, " ... ", ‘’ ... ’’ and the reversed ” ... “, never trusting marks to be balanced:
  « runs to its » or to the paragraph end, “ to ” (or a plain "), " to the next " in the paragraph;
- a quotation whose opening « is never closed runs to the end of its paragraph; so does one opened
  by " at a paragraph's start (the press's quotation over several paragraphs), and the next
  paragraph is quoted too up to a closing mark right before its attribution (``_continued``);
- « Première phrase, a martelé X devant la presse. Seconde phrase »: an attribution inserted in
  unclosed marks splits the quotation in two;
- not quotations: a single quoted word that is a name or a title ("surnommé "MBS"") rather than
  someone's word ("jugé « prématurée »"), a short name in marks after a capitalised word
  (l'Initiative « la Ceinture et la Route »).
"""

from __future__ import annotations

import re

from .lexicons import load
from .words import doc_text

OPEN_CLOSE = {"«": "»", "“": "”", "„": "“", '"': '"', "”": "“"}
_SPACES = " \t\n\u00a0"
# where quote_spans can have something to do: a mark, or two single quotes; the walk jumps from one to
# the next instead of testing every character in Python (most of a text holds none)
_MARK = re.compile("[" + "".join(OPEN_CLOSE) + "]|''")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text between quotation marks; linear, robust to unbalanced marks."""
    spans = []
    i, n = 0, len(text)
    while i < n:
        mark = _MARK.search(text, i)
        if mark is None:
            break
        i = mark.start()
        c = text[i]
        if c == "'" and text.startswith("''", i) and i + 2 < n and text[i + 2] not in _SPACES:
            # ‘’ ... ’’ (read as '' ... ''): double quotes typed as two single ones, to the closing
            # pair or to the end of the paragraph
            para_end = text.find("\n", i)
            para_end = n if para_end < 0 else para_end
            j = text.find("''", i + 2, para_end)
            end = para_end if j < 0 else j
            spans.append((i + 2, end))
            i = end + 2
            continue
        if c not in OPEN_CLOSE:
            i += 1
            continue
        para_end = text.find("\n", i)
        para_end = n if para_end < 0 else para_end
        j = text.find(OPEN_CLOSE[c], i + 1, para_end)
        if c == "“" and j < 0:
            j = text.find('"', i + 1, para_end)
        if c == '"' and j < 0:
            j = text.find("”", i + 1, para_end)  # "We need him coaching the youth team,” he said
        k = i - 1
        while k >= 0 and text[k] in " \t\u00a0":
            k -= 1
        opens_paragraph = k < 0 or text[k] == "\n"
        if j < 0 and c in ("”", '"') and not (c == '"' and opens_paragraph):
            i += 1  # a stray closing mark, or a lone "
            continue
        end = para_end if j < 0 else j
        spans.append((i + 1, end))
        i = end + 1
        if j < 0 and opens_paragraph:
            i = _continued(text, para_end, spans)
    return _single_quoted(text, spans)


# a sentence or more between single quotes ('I have a request for you,' X replies; ‘We will,’ she said): opened
# after a space, a colon or a paragraph's start, closed by a punctuation mark and a quote before a space,
# holding at least three words (not an apostrophe: "the ministers' talks", "l'accord")
_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(:]))['‘]([A-ZÀ-Ý][^'‘’\n]*?(?:\w['’]\w[^'‘’\n]*?)*[,.!?])['’](?=\s|$)",
                     re.M)


def _single_quoted(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if "'" not in text and "‘" not in text:
        return spans
    found = [(m.start(1), m.end(1)) for m in _SINGLE.finditer(text) if m.group(1).count(" ") >= 3
             and not any(s <= m.start(1) < e or m.start(1) <= s < m.end(1) for s, e in spans)]
    return sorted(spans + found) if found else spans


# the attribution after the closing mark: lower case ("the ambassador said", "a-t-il dit") or a
# name then its verb of saying ('... relationship," Blinken wrote on Twitter.')
_CLOSING_THEN_ATTRIBUTION = re.compile(
    r'[,.!?]["”»]\s+(?=[a-zà-ÿ]|[A-ZÀ-Ý][\w\-]*(?:\s+[A-ZÀ-Ý][\w\-]*){0,2}\s+'
    r'(?:said|says|wrote|writes|told|added|noted|tweeted|stressed|explained|a|avait)\b)')


def _continued(text: str, para_end: int, spans: list[tuple[int, int]]) -> int:
    """A quotation opened at a paragraph's start and not closed there goes on in the next
    paragraph when that one, without an opening mark, closes it before its attribution ("... so,"
    the ambassador said."): that paragraph up to the mark is the quotation too. Where to read on."""
    start = para_end
    while start < len(text) and text[start] in _SPACES:
        start += 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    if start >= len(text) or text[start] in OPEN_CLOSE:
        return para_end
    m = _CLOSING_THEN_ATTRIBUTION.search(text, start, end)
    if m is None or any(ch in text[start:m.start() + 1] for ch in OPEN_CLOSE):
        return para_end
    spans.append((start, m.start() + 1))
    return m.start() + 2


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Spaces off both ends, and a trailing comma, full stop, semicolon or colon."""
    while start < end and text[start] in _SPACES:
        start += 1
    while end > start and text[end - 1] in _SPACES + ",.;:":
        end -= 1
    return start, end


def _evaluative_word(text: str, s: int, e: int) -> bool:
    """A single quoted word that is someone's word ("a jugé la question « prématurée »", "qu'il qualifie
    d'« exceptionnelles »"): lowercase, a real word, closed by its mark (not a name or a title)."""
    word = text[s:e]
    # closed by its mark, also when the comma or full stop is written inside it ("a “success,” noting")
    return word.isalpha() and word[:1].islower() and len(word) >= 4 and e < len(text) \
        and text[e:e + 3].lstrip(",.;: \u00a0")[:1] in "»”\""


INNER_ATTRIBUTION = re.compile(
    r",\s+(?:a|avait|aurait)(?:-t-(?:il|elle))?\s+(\w+)(?:\s+[^\s«»“”\".,;:!?]+){0,6}\s*[.,]\s+(?=\w)"
    r"|,\s+(\w+)-t?-?(?:il|elle)(?:\s+[^\s«»“”\".,;:!?]+){0,4}\s*[.,]\s+(?=\w)")


def split_at_inner_attribution(text: str, s: int, e: int, lang: str) -> list[tuple[int, int]]:
    """« Première phrase, a martelé X devant la presse. Seconde phrase »: an attribution inserted
    inside the marks, never closed before it, splits the quotation in two parts (one item each)."""
    if lang != "fr":
        return [(s, e)]
    reporting = {lem for (lg, lem) in load().reporting if lg == "fr"}
    for m in INNER_ATTRIBUTION.finditer(text, s, e):
        word = (m.group(1) or m.group(2) or "").lower()
        if not any(word.startswith(lem[:-2]) for lem in reporting if lem.endswith("er") and len(lem) > 4) \
                and word not in load().words("inner_participle"):
            continue
        if m.start() - s < 5 or e - m.end() < 10:  # (« La France, a-t-il dit, souhaite ... »)
            continue
        closed = e < len(text) and text[e:e + 4].lstrip(" .,;!?\u00a0")[:1] in "»”\""  # (". »": closed too)
        if not closed and m.group(0).rstrip().endswith(","):
            # « ..., a déclaré le porte-parole, X, à propos de ...¶ : never closed, the words after the
            # attribution go on with it, not with the quotation
            return [trim(text, s, m.start())]
        return [trim(text, s, m.start()), trim(text, m.end(), e)]
    return [(s, e)]


# the small words between the capitalised words of a title ("India in the Indo-Pacific", "la Paix et la Sécurité")
_TITLE_LINKS = frozenset({"de", "du", "des", "d'", "la", "le", "les", "l'", "et", "en", "à", "pour", "sur", "of", "the",
                          "and", "in", "on", "for", "a", "an", "to"})


# lower-case words a name in marks may open on (« la Ceinture et la Route », “the Belt and Road”)
_NAME_OPENERS = frozenset({"la", "le", "les", "l'", "un", "une", "des", "du", "de", "d'", "the", "a", "an", "of"})


def direct_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """The direct quotations of a text: quoted spans of two words or more (or one evaluative
    word), not a name in marks, split at inserted attributions."""
    out = []
    for s, e in quote_spans(text):
        s, e = trim(text, s, e)
        if e - s < 2:
            continue
        if len(text[s:e].split()) < 2 and not _evaluative_word(text, s, e):
            continue
        before = text[max(0, s - 30):s].rstrip(" \t\u00a0«“„\"").rstrip()
        last_word = before.split()[-1] if before.split() else ""
        last_word = re.sub(r"^[ldjnmstLDJNMST]'", "", last_word)  # l'Initiative « la Ceinture et la Route »
        new_line = "\n" in text[max(0, s - 30):s].rstrip(" \t\u00a0«“„\"")[len(before):] or not before
        possessive = last_word.endswith(("'s", "’s", "'", "’"))  # "the US’ “ironclad” commitment"
        # a name in marks opens on a capital or an article, not on a verb: "au Mexique «n’était pas à l’ordre du jour»"
        first = text[s:e].split()[0]
        verbal = first[:1].islower() and re.sub(r"[’']\w*$", "'", first.lower()) not in _NAME_OPENERS
        if last_word[:1].isupper() and len(text[s:e].split()) <= 6 and not before.endswith((".", ":", ",")) \
                and not new_line and not possessive and not verbal:  # a paragraph opening with a quotation follows no name
            continue  # a name in marks: l'Initiative « la Ceinture et la Route »
        words = text[s:e].split()
        if len(words) <= 4 and all(w[:1].isupper() or w.lower() in _TITLE_LINKS for w in words):
            continue  # a title or a name in marks: his “SAARC Yatra”
        out.extend(split_at_inner_attribution(text, s, e, lang))
    return out


def covered(text: str, spans: list[tuple[int, int]]) -> list[bool]:
    """Per character: inside a direct quotation (marks included)."""
    inside = [False] * (len(text) + 1)
    for s, e in spans:
        for c in range(max(0, s - 1), min(len(text), e + 1)):
            inside[c] = True
    return inside


def in_doc(doc, lang: str) -> tuple[list[tuple[int, int]], list[bool]]:
    """``direct_spans`` of the Doc's text and what they cover (``covered``), found once per Doc: the
    people and the quotes components both ask, and the walk over the characters is no small part of
    either."""
    key = f"diplowatch_direct_{lang}"
    value = doc.user_data.get(key)
    if value is None:
        text = doc_text(doc)
        spans = direct_spans(text, lang)
        value = doc.user_data[key] = (spans, covered(text, spans))
    return value
