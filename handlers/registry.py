"""Every command the bot answers, in one table: the console parses by it, /help lists it,
and the Discord tree mirrors it. The top of handlers/: it imports the commands, never the reverse."""

from __future__ import annotations

from handlers.commands import COMMANDS as QUERY_COMMANDS
from handlers.commands import Command, Context
from handlers.digest import DIGEST_COMMANDS
from handlers.replies import Entry, Reply


def help_(ctx: Context) -> Reply:
    entries = tuple(
        Entry(
            heading="/" + c.name + "".join(f" <{p.name}>" if p.required else f" [{p.name}]" for p in c.params),
            body=c.description + (" (admin)" if c.admin else ""),
        )
        for c in COMMANDS.values()
    )
    return Reply(title="Commands", entries=entries, ephemeral=True)


COMMANDS: dict[str, Command] = {
    **QUERY_COMMANDS,
    **{c.name: c for c in DIGEST_COMMANDS},
    "help": Command("help", "The list of commands", help_),
}
