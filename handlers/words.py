"""The language a reply is written in, and `tr`, which every reply's words go through.

A command's language travels in its Context (`Context.locale`: the Discord user's locale,
or the LOCALE setting for the console); `registry.run` makes it the current one while the
handler runs, so the row formatters that every command shares (handlers.entries) need no
extra argument. Alerts and the digest have no user: the Service runs them speaking the
LOCALE setting. Outside both, replies are in English.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

from diplowatch.i18n import Language, language_of, translate

# Per thread and task: the reader thread answers one user in French, then the next in English.
_current: ContextVar[Language] = ContextVar("language", default="en")


def current() -> Language:
    return _current.get()


@contextlib.contextmanager
def speaking(locale: str | None) -> Iterator[Language]:
    """Within the block, replies are written in this locale's language (None: keep the
    current one)."""
    language = language_of(locale, current()) if locale else current()
    token = _current.set(language)
    try:
        yield language
    finally:
        _current.reset(token)


def tr(text: str, /, **fields: object) -> str:
    """`text` in the current language, with its {fields} filled in."""
    return translate(text, current(), **fields)
