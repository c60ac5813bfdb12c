"""Someone else's text made inert: no terminal escapes, no control characters, no direction
overrides, no lone surrogates.

Articles are cleaned once where they enter (`diplowatch.reading`), before the extraction, so
that evidence offsets index into the text as stored. The console and Discord clean again
whatever they show (defence in depth: a file name or an error message is outside text too).
"""

from __future__ import annotations

import re

# A whole escape sequence goes, not just its ESC, so that no "[31m" or "]0;title" is left:
# CSI (colour, cursor moves, clear screen), OSC (window title, hyperlinks; bounded, so a
# missing terminator cannot swallow the article) and two-character escapes; 8-bit C1 forms too.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x9c]{0,512}(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[@-Z\\-_]"
)
# Characters that end a line for Python's splitlines: they become newlines, so words stay apart.
_LINE_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e\x85]")
# Every C0 and C1 control character but newline and tab (carriage returns are gone already).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they can flip the rest of
# a line ("evil\u202etxt.exe" shows as "evilexe.txt"), in Discord as in a terminal.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def without_escapes(text: str) -> str:
    """The text without its terminal escape sequences (other control characters stay)."""
    return _ESCAPE_SEQUENCE.sub("", text)


def clean_text(text: str) -> str:
    """Text without escape sequences, control characters (newline and tab stay), direction
    overrides or lone surrogates (which cannot be stored as UTF-8: they become U+FFFD)."""
    if not text:
        return text or ""
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROL.sub("", text)
    text = BIDI_CONTROLS.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


def clean_line(text: str) -> str:
    """One line of clean text: whitespace of any kind (newlines too) becomes single spaces."""
    return " ".join(clean_text(text).split())
