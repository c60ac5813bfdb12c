"""The slash command tree, built from the one command table (`handlers.registry.COMMANDS`).

Nothing about a command is written here: its name, description, options, choices,
autocomplete and permission come from the table. Every command answers through
`respond`, which replies at once when the handler is quick and defers first when it is
not, so Discord's 3-second window is never missed.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Callable
from typing import Any, Literal, Optional

import discord
from discord import app_commands

from bot.digest_wiring import deliverer
from bot.formatting import NO_MENTIONS, embeds_of, files_of, paged_embeds
from bot.paginator import Paginator
from bot.scheduler import post_command_digest
from bot.sender import Sender
from bot.translator import localised
from handlers.registry import COMMANDS, GROUPS, failed, permission_needed, working
from handlers.replies import Reply
from handlers.service import Service
from handlers.spec import COMPLETED_KINDS, Command, Param

log = logging.getLogger(__name__)
QUICK_SECONDS = 2.0
PROGRESS_SECONDS = 2.0  # at most one progress edit this often (Discord rate-limits edits)


def is_admin(interaction: discord.Interaction) -> bool:
    permissions = interaction.permissions
    return bool(permissions and (permissions.manage_guild or permissions.administrator))


def _sentence(text: str) -> str:
    """Discord shows descriptions as given: a capital, at most 100 characters."""
    return (text[:1].upper() + text[1:])[:100]


def _described(english: str, fr: tuple[str, str]) -> app_commands.locale_str:
    return localised(_sentence(english), _sentence(fr[1]) if fr[1] else "")


async def send_reply(interaction: discord.Interaction, reply: Reply, *, deferred: bool) -> None:
    """The one way an answer goes out: one message, its pages behind buttons (with the pages
    of the replies that follow it, such as a digest's sections), its files with the first."""
    embeds = paged_embeds(reply)
    files = files_of(reply)
    if reply.image and files:
        embeds[0].set_image(url=f"attachment://{reply.image}")
    view = Paginator(embeds, owner_id=interaction.user.id) if len(embeds) > 1 else None
    extra: dict[str, Any] = {"view": view} if view else {}
    if files:
        extra["files"] = files
    if deferred or interaction.response.is_done():
        message = await interaction.followup.send(
            embed=embeds[0], ephemeral=reply.ephemeral, allowed_mentions=NO_MENTIONS, wait=True, **extra
        )
    else:
        await interaction.response.send_message(
            embed=embeds[0], ephemeral=reply.ephemeral, allowed_mentions=NO_MENTIONS, **extra
        )
        message = await interaction.original_response() if view else None
    if view:
        view.message = message


async def respond(interaction: discord.Interaction, work: Awaitable[Reply], *, ephemeral_when_slow: bool = False) -> Reply:
    task = asyncio.ensure_future(work)
    done, _ = await asyncio.wait({task}, timeout=QUICK_SECONDS)
    deferred = not done
    if deferred:
        await interaction.response.defer(thinking=True, ephemeral=ephemeral_when_slow)
    reply = await task
    await send_reply(interaction, reply, deferred=deferred)
    return reply


class Progress:
    """Edits of the deferred answer while a long command runs: one at a time, the last
    one awaited, and none left behind when the bot stops (`tasks` is the bot's)."""

    def __init__(self, interaction: discord.Interaction, tasks: set[asyncio.Task]) -> None:
        self.interaction = interaction
        self.tasks = tasks
        self.loop = asyncio.get_running_loop()
        self.last = 0.0
        self.pending: asyncio.Task | None = None

    def __call__(self, done: int, total: int) -> None:  # from the writer thread
        self.loop.call_soon_threadsafe(self._edit, done, total)

    def _edit(self, done: int, total: int) -> None:
        if self.pending and not self.pending.done() or self.loop.time() - self.last < PROGRESS_SECONDS:
            return
        self.last = self.loop.time()
        self.pending = asyncio.ensure_future(
            self.interaction.edit_original_response(content=working(done, total, str(self.interaction.locale)),
                                                    allowed_mentions=NO_MENTIONS)
        )
        self.tasks.add(self.pending)
        self.pending.add_done_callback(self._forget)

    def _forget(self, task: asyncio.Task) -> None:
        self.tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.debug("a progress edit failed: %s", task.exception())

    async def finish(self) -> None:
        if self.pending is not None:
            await asyncio.gather(self.pending, return_exceptions=True)


def _annotation(param: Param) -> Any:
    kind = Literal[param.choices] if param.choices else str  # type: ignore[valid-type]
    return kind if param.required else Optional[kind]


def _callback(command: Command, run: Callable[..., Awaitable[None]]):
    """A coroutine whose signature discord.py reads: (interaction, <one typed option each>)."""

    async def callback(interaction: discord.Interaction, **options: Any) -> None:
        await run(interaction, {k: v for k, v in options.items() if v is not None})

    parameters = [inspect.Parameter("interaction", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=discord.Interaction)]
    for param in sorted(command.params, key=lambda p: not p.required):
        parameters.append(inspect.Parameter(
            param.arg, inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=_annotation(param),
            default=inspect.Parameter.empty if param.required else None,
        ))
    callback.__signature__ = inspect.Signature(parameters)
    callback.__qualname__ = callback.__name__ = command.name.replace(" ", "_")
    return callback


def build(command: Command, service: Service, sender: Sender, tasks: set[asyncio.Task]) -> app_commands.Command:
    """One command of the table as a discord.py application command."""

    async def run(interaction: discord.Interaction, args: dict[str, Any]) -> None:
        admin = is_admin(interaction)
        if command.long:
            refused = service.refusal(command.name, args, is_admin=admin, locale=str(interaction.locale))
            if refused is not None:
                await send_reply(interaction, refused, deferred=False)
                return
            await interaction.response.defer(thinking=True)
            progress = Progress(interaction, tasks)
            reply = await service.command(command.name, args, is_admin=admin, channel_id=interaction.channel_id,
                                          progress=progress, locale=str(interaction.locale))
            await progress.finish()
            await interaction.edit_original_response(content=None, embeds=embeds_of(reply)[:1], allowed_mentions=NO_MENTIONS)
            return
        work = service.command(command.name, args, is_admin=admin, channel_id=interaction.channel_id,
                               locale=str(interaction.locale))
        reply = await respond(interaction, work, ephemeral_when_slow=command.name == "digest")
        if reply.digest_post is not None:
            await post_command_digest(service, reply, deliverer(service, sender))

    callback = _callback(command, run)
    described = {p.arg: _described(p.description, p.fr) for p in command.params}
    if described:
        callback = app_commands.describe(**described)(callback)
    renamed = {p.arg: localised(p.name, p.fr[0]) for p in command.params}
    if renamed:
        callback = app_commands.rename(**renamed)(callback)
    completed = {p.arg: _completer(service, p.kind) for p in command.params if p.kind in COMPLETED_KINDS}
    if completed:
        callback = app_commands.autocomplete(**completed)(callback)
    name = localised(command.name.rpartition(" ")[2], command.fr[0])
    app_command = app_commands.Command(name=name, description=_described(command.description, command.fr), callback=callback)
    if command.admin and " " not in command.name:
        app_command.default_permissions = discord.Permissions(manage_guild=True)
        app_command.guild_only = True
    return app_command


def _completer(service: Service, kind: str):
    async def choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        found = await service.complete(current, kind, str(interaction.locale))
        return [app_commands.Choice(name=label, value=value) for label, value in found[:25]]

    return choices


def register(tree: app_commands.CommandTree, service: Service, sender: Sender, tasks: set[asyncio.Task]) -> None:
    """Add every command of the table to the tree; "watch add" becomes the sub-command add of /watch."""
    groups: dict[str, app_commands.Group] = {}
    for command in COMMANDS.values():
        app_command = build(command, service, sender, tasks)
        group, _, sub = command.name.rpartition(" ")
        if not group:
            tree.add_command(app_command)
            continue
        if group not in groups:
            members = [c for c in COMMANDS.values() if c.name.startswith(group + " ")]
            admin = all(c.admin for c in members)
            description, (fr_name, fr_description) = GROUPS[group]
            groups[group] = app_commands.Group(
                name=localised(group, fr_name), description=_described(description, ("", fr_description)),
                default_permissions=discord.Permissions(manage_guild=True) if admin else None,
                guild_only=admin,
            )
            tree.add_command(groups[group])
        groups[group].add_command(app_command)

    @tree.error
    async def on_error(interaction: discord.Interaction, exc: app_commands.AppCommandError) -> None:
        """Whatever went wrong, log it and answer, whether or not the interaction was answered."""
        if isinstance(exc, app_commands.CheckFailure):
            reply = permission_needed(str(interaction.locale))
        else:
            log.error("command /%s failed", interaction.command.qualified_name if interaction.command else "?", exc_info=exc)
            reply = failed(str(interaction.locale))
        try:
            await send_reply(interaction, reply, deferred=interaction.response.is_done())
        except discord.HTTPException:
            log.warning("could not tell the user about the error (the interaction has expired)")
