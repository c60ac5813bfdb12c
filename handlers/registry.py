"""Every command the bot answers, in one table: the console parses by it, /help lists it,
and the Discord tree mirrors it."""

from __future__ import annotations

from handlers.commands import COMMANDS as QUERY_COMMANDS
from handlers.commands import Command
from handlers.digest import DIGEST_COMMANDS

COMMANDS: dict[str, Command] = {**QUERY_COMMANDS, **{c.name: c for c in DIGEST_COMMANDS}}
