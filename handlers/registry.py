"""Every command the bot answers, in one table, and the one place a command is run.

Discord's tree, the console's parser, /help and the command line are built from `COMMANDS`.
`run` is where a handler's `UserError` becomes the ephemeral error reply, and where an
unexpected error is logged and answered, for every transport alike. The top of handlers/:
it imports the command modules, never the reverse.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from handlers.commands import (
    articles, digest, events, export, meetings, quotes, reingest, status, timeline, watch, who,
)
from handlers.errors import BadArgument, NotAllowed, UserError
from handlers.replies import Entry, Reply, error
from handlers.spec import Command, Context
from handlers.words import current, speaking, tr

log = logging.getLogger(__name__)


def help_(ctx: Context) -> Reply:
    entries = tuple(
        Entry(heading=c.usage, body=_description(c) + (tr(" (admin)") if c.admin else "")) for c in COMMANDS.values()
    )
    return Reply(title=tr("Commands"), entries=entries, ephemeral=True)


def _description(command: Command) -> str:
    """What /help says of a command: its French description (written beside it) in French."""
    return command.fr[1] if command.fr[1] and current() == "fr" else command.description


COMMANDS: dict[str, Command] = {
    c.name: c
    for module in (meetings, events, who, quotes, articles, timeline, export, status, watch, digest, reingest)
    for c in module.COMMANDS
}
COMMANDS["help"] = Command("help", "The list of commands", help_, fr=("aide", "La liste des commandes"))
# What a group of sub-commands is for ("watch add", "watch remove", "watch list"), in English and French.
GROUPS = {
    "watch": ("Choose which countries or people this channel gets alerts for",
              ("suivi", "Choisir les pays ou les personnes dont ce salon reçoit les alertes")),
}


def check(command: Command, ctx: Context, args: dict[str, Any]) -> None:
    """Raise the UserError that stops this call before it starts, if any."""
    if command.admin and not ctx.is_admin:
        raise NotAllowed(tr("Only members with the Manage Server permission can use /{name}.", name=command.name))
    unknown = set(args) - {p.arg for p in command.params}
    if unknown:
        # Checked here rather than by catching TypeError, which would also hide a bug in a handler.
        names = ", ".join(sorted(u.rstrip("_") for u in unknown))
        raise BadArgument(tr("/{name} has no option {options}. Type /help.", name=command.name, options=names))
    missing = [p.name for p in command.params if p.required and not args.get(p.arg)]
    if missing:
        raise BadArgument(tr("/{name} needs {options}. Type /help.", name=command.name, options=", ".join(missing)))


def refusal(name: str, ctx: Context, args: dict[str, Any]) -> Reply | None:
    """The error reply that stops this call before it starts (a wrong option, no permission),
    or None: transports ask before they defer a long command."""
    with speaking(ctx.locale):
        command = COMMANDS.get(name)
        if command is None:
            return error(tr("Unknown command /{name}. Type /help for the list.", name=name), title=tr("Unknown command"))
        try:
            check(command, ctx, args)
        except UserError as exc:
            return error(str(exc), title=tr(exc.title))
        return None


def _while_reading(reply: Reply, ctx: Context) -> Reply:
    """Every answer given while files are still being read says so: it may be incomplete."""
    if not ctx.pending:
        return reply
    note = tr("Still reading the drop folder: {n} file(s) to go, so this answer may be incomplete.", n=ctx.pending)
    return replace(reply, footer=" · ".join(x for x in (note, reply.footer) if x))


def failed(locale: str | None = None) -> Reply:
    """The answer when answering failed unexpectedly (the caller logs why)."""
    with speaking(locale):
        return error(tr("Something went wrong while answering; it has been logged."), title=tr("Sorry"))


def permission_needed(locale: str | None = None) -> Reply:
    """The answer when Discord's own permission check refused a command."""
    with speaking(locale):
        return error(tr("Only members with the Manage Server permission can use this command."), title=tr("Not allowed"))


def working(done: int, total: int, locale: str | None = None) -> str:
    """How far a long command has got, while it runs."""
    with speaking(locale):
        return tr("Working: {done}/{total}…", done=done, total=total)


def not_your_buttons(locale: str | None = None) -> str:
    """Said to someone who presses the page buttons of another person's answer."""
    with speaking(locale):
        return tr("These buttons belong to the person who asked; run the command yourself to page.")


def run(name: str, ctx: Context, args: dict[str, Any]) -> Reply:
    """The answer to a command, whatever happens: a UserError becomes its message. Its words
    are in the Context's language."""
    refused = refusal(name, ctx, args)
    if refused is not None:
        return refused
    with speaking(ctx.locale):
        try:
            return _while_reading(COMMANDS[name].run(ctx, **args), ctx)
        except UserError as exc:
            return error(str(exc), title=tr(exc.title))
        except Exception:
            log.exception("command /%s failed", name)
            return failed(ctx.locale)
