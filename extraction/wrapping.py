"""Lines wrapped inside sentences: a State Department readout in plain text, a page copied with its
column width. A line break always ends a sentence for the pipeline (titles, datelines and
paragraphs), so the breaks a wrapped text puts inside its sentences become spaces before the
model reads it: the same length, so offsets into the stored text hold."""

from __future__ import annotations

import re

_OPEN_END = re.compile(r"[^.!?:;…»\"”)\]]\s*$")
_WRAP_WIDTH = 100  # wrapped by hand or by a mail program: lines of 60 to 80 characters


def wrapped_line_ends(text: str) -> list[int]:
    """The offsets of the line breaks inside sentences: after a long line with no final punctuation,
    a line that goes on in lower case, or, in a text wrapped throughout (two such lines at least,
    no line longer than a wrapping width), any line of words after a line of most of the width."""
    lines = text.split("\n")
    width = max(len(line) for line in lines)
    open_ends = [i for i in range(len(lines) - 1) if lines[i + 1][:1].isalpha()
                 and len(lines[i].strip()) >= 30 and _OPEN_END.search(lines[i])]
    lower = [i for i in open_ends if lines[i + 1][:1].islower()]
    wrapped = len(lower) >= 2 and width <= _WRAP_WIDTH
    joined = {i for i in open_ends if lines[i + 1][:1].islower() or wrapped and len(lines[i].rstrip()) >= 0.6 * width}
    ends, at = [], -1
    for i, line in enumerate(lines[:-1]):
        at += len(line) + 1
        if i in joined:
            ends.append(at)
    return ends


def unwrapped(text: str) -> str:
    """The text with its wrapped line breaks as spaces."""
    if "\n" not in text:
        return text
    ends = wrapped_line_ends(text)
    if not ends:
        return text
    chars = list(text)
    for at in ends:
        chars[at] = " "
    return "".join(chars)
