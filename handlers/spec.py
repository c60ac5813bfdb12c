"""The one description of a command: its name, text, options and who may run it.

Discord's command tree, the console's parser, /help and the command line are all built
from these records (see `handlers.registry`), so a command is written in one place.
"""

from __future__ import annotations

import keyword
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from storage import Store

# How an option is typed and completed: a country or person, a country only, a person
# only, a date, an article id, an event id, or free text.
ParamKind = Literal["subject", "country", "person", "date", "id", "event", "text"]
# The kinds whose options Discord completes as the user types (handlers.subjects.complete).
COMPLETED_KINDS: tuple[ParamKind, ...] = ("subject", "country", "person", "id", "event")


@dataclass(frozen=True, slots=True)
class Param:
    name: str  # as the user types it ("with"); the handler's argument adds "_" to keywords
    description: str
    required: bool = False
    kind: ParamKind = "text"
    choices: tuple[str, ...] = ()
    fr: tuple[str, str] = ("", "")  # French name and description (Discord shows them to French users)

    @property
    def arg(self) -> str:
        return self.name + "_" if keyword.iskeyword(self.name) else self.name


@dataclass(frozen=True, slots=True)
class Command:
    name: str  # "watch add": a sub-command of a group in Discord, two words in the console
    description: str
    run: Callable[..., Any]
    params: tuple[Param, ...] = ()
    admin: bool = False  # needs the Manage Server permission
    long: bool = False  # writes or takes minutes: run on the writer thread, with progress
    fr: tuple[str, str] = ("", "")  # French name (the last word for a sub-command) and description

    @property
    def usage(self) -> str:
        return "/" + self.name + "".join(f" <{p.name}>" if p.required else f" [{p.name}]" for p in self.params)


@dataclass(frozen=True, slots=True)
class Schedule:
    """When the weekly digest goes out (settings DIGEST_DAY, DIGEST_TIME, DIGEST_TZ)."""

    day: str = "mon"
    time: str = "09:00"
    tz: str = "Europe/Paris"


Progress = Callable[[int, int], None]  # (done, total)


@dataclass
class Context:
    """What a command may know of the world besides its arguments."""

    store: Store
    is_admin: bool = False
    channel_id: int | None = None
    alert_channel_id: int | None = None
    schedule: Schedule = Schedule()
    next_digest: datetime | None = None
    loading: bool = False  # the language model is still loading
    pending: int = 0  # files of the first scan not read yet
    extractor: Any = None  # for /reingest (handlers.ingest.Extracts)
    progress: Progress | None = None  # told how a long command advances
    skipped: tuple[tuple[str, str], ...] = ()  # files of the drop folder not read: (path, reason)
    locale: str | None = None  # the reply's language: the asker's ("fr", "en-US"), else the LOCALE setting
