"""Errors a handler raises where it finds the problem; `registry.run` turns them into the
ephemeral error reply, once, for every transport (Discord, console, command line).

    Exception
     ├── UserError             the user can fix it; the message says how
     │    ├── UnknownSubject   no country or person by that name (with suggestions)
     │    ├── BadArgument      a date, an option or a period that cannot be used
     │    ├── NotAllowed       needs the Manage Server permission
     │    └── NotFound         no record with that id
     └── storage.StoreError    the database cannot be used as it is (apart: not the user's doing)
"""

from __future__ import annotations

from handlers.words import tr


class UserError(Exception):
    """Something the user can fix: `str(error)` is the whole message, `title` its heading."""

    title = "Sorry"

    def __init__(self, message: str, *, title: str | None = None) -> None:
        super().__init__(message)
        if title:
            self.title = title


class UnknownSubject(UserError):
    title = "Unknown name"

    def __init__(self, text: str, suggestions: list[str]) -> None:
        self.text = text
        self.suggestions = suggestions
        hint = tr(" — did you mean {names}?", names=f" {tr('or')} ".join(suggestions[:2])) if suggestions else ""
        super().__init__(tr("No country or person called '{text}'", text=text) + hint)


class BadArgument(UserError):
    title = "Bad arguments"


class NotAllowed(UserError):
    title = "Not allowed"


class NotFound(UserError):
    title = "Not found"
