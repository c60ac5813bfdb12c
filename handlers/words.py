"""The language a reply is written in, and `tr`, which every reply's words go through.

A command's language travels in its Context (`Context.locale`: the Discord user's locale,
or the LOCALE setting for the console); `registry.run` makes it the current one while the
handler runs, so the row formatters that every command shares (handlers.entries) need no
extra argument. Alerts and the digest have no user: they speak the LOCALE setting, which
the Service makes the default at start.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

from diplowatch.i18n import Language, language_of, translate

_default: list[Language] = ["en"]  # a list: set once by the Service, read by every thread
_current: ContextVar[Language | None] = ContextVar("language", default=None)


def set_default(locale: str | None) -> None:
    """The language of what no user asked for (alerts, the digest): the LOCALE setting."""
    _default[0] = language_of(locale)


def current() -> Language:
    return _current.get() or _default[0]


@contextlib.contextmanager
def speaking(locale: str | None) -> Iterator[Language]:
    """Within the block, replies are written in this locale's language (None: the default)."""
    language = language_of(locale, _default[0]) if locale else _default[0]
    token = _current.set(language)
    try:
        yield language
    finally:
        _current.reset(token)


def tr(text: str, /, **fields: object) -> str:
    """`text` in the current language, with its {fields} filled in."""
    return translate(text, current(), **fields)
