"""The slash command tree: Discord's typed front of `handlers.commands`.

Every command answers through `respond`, which replies at once when the handler is quick
and defers first when it is not, so Discord's 3-second window is never missed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import Any

import discord
from discord import app_commands

from bot.formatting import NO_MENTIONS, embeds_of, files_of
from bot.paginator import Paginator
from handlers.replies import Reply, error
from handlers.service import Service

log = logging.getLogger(__name__)
QUICK_SECONDS = 2.0
SUBJECT = "A country (kazakhstan, KZ, kazakh) or a person (Wang Yi)"


def is_admin(interaction: discord.Interaction) -> bool:
    permissions = interaction.permissions
    return bool(permissions and (permissions.manage_guild or permissions.administrator))


async def send_reply(interaction: discord.Interaction, reply: Reply, *, deferred: bool) -> None:
    embeds = embeds_of(reply)
    files = files_of(reply)
    if reply.image and files:
        embeds[0].set_image(url=f"attachment://{reply.image}")
    view = Paginator(embeds, owner_id=interaction.user.id) if len(embeds) > 1 else None
    extra: dict[str, Any] = {"view": view} if view else {}
    if files:
        extra["files"] = files
    if deferred:
        message = await interaction.followup.send(embed=embeds[0], allowed_mentions=NO_MENTIONS, wait=True, **extra)
    else:
        await interaction.response.send_message(
            embed=embeds[0], ephemeral=reply.ephemeral, allowed_mentions=NO_MENTIONS, **extra
        )
        message = await interaction.original_response() if view else None
    if view:
        view.message = message


async def respond(interaction: discord.Interaction, work: Awaitable[Reply], *, ephemeral_when_slow: bool = False) -> None:
    task = asyncio.ensure_future(work)
    done, _ = await asyncio.wait({task}, timeout=QUICK_SECONDS)
    deferred = not done
    if deferred:
        await interaction.response.defer(thinking=True, ephemeral=ephemeral_when_slow)
    try:
        reply = await task
    except Exception:
        log.exception("command /%s failed", interaction.command.name if interaction.command else "?")
        reply = error("Something went wrong while answering; it has been logged.")
    await send_reply(interaction, reply, deferred=deferred)


def register(tree: app_commands.CommandTree, service: Service) -> None:
    """Add every command to the tree (names and parameters mirror handlers.commands.COMMANDS)."""

    async def subject_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        found = await service.complete(current)
        return [app_commands.Choice(name=label, value=value) for label, value in found[:25]]

    def run(interaction: discord.Interaction, name: str, **args: Any) -> Awaitable[Reply]:
        clean = {k: v for k, v in args.items() if v is not None}
        return service.command(name, clean, is_admin=is_admin(interaction), channel_id=interaction.channel_id)

    @tree.command(name="meetings", description="Meetings of a country or person, newest first")
    @app_commands.describe(
        subject=SUBJECT,
        with_="Only meetings with this country or person",
        since="From this date (YYYY-MM-DD, YYYY-MM or YYYY)",
        until="Up to this date (YYYY-MM-DD, YYYY-MM or YYYY)",
    )
    @app_commands.rename(with_="with")
    @app_commands.autocomplete(subject=subject_choices, with_=subject_choices)
    async def meetings(interaction: discord.Interaction, subject: str, with_: str | None = None, since: str | None = None, until: str | None = None) -> None:
        await respond(interaction, run(interaction, "meetings", subject=subject, with_=with_, since=since, until=until))

    @tree.command(name="quotes", description="Statements by a person or by a country's officials")
    @app_commands.describe(speaker=SUBJECT, contains="Only statements containing these words", since="From this date (YYYY-MM-DD)")
    @app_commands.autocomplete(speaker=subject_choices)
    async def quotes(interaction: discord.Interaction, speaker: str, contains: str | None = None, since: str | None = None) -> None:
        await respond(interaction, run(interaction, "quotes", speaker=speaker, contains=contains, since=since))

    @tree.command(name="article", description="One article with its meetings and statements")
    @app_commands.describe(id="The article id shown in alerts (a few characters are enough)")
    async def article(interaction: discord.Interaction, id: str) -> None:
        await respond(interaction, run(interaction, "article", id=id))

    @tree.command(name="search", description="Articles whose text contains these words")
    @app_commands.describe(words="Words to look for, e.g. ceinture route")
    async def search(interaction: discord.Interaction, words: str) -> None:
        await respond(interaction, run(interaction, "search", words=words))

    @tree.command(name="articles", description="Stored articles, newest first, optionally about a country or person")
    @app_commands.describe(query=SUBJECT)
    @app_commands.autocomplete(query=subject_choices)
    async def articles(interaction: discord.Interaction, query: str | None = None) -> None:
        await respond(interaction, run(interaction, "articles", query=query))

    @tree.command(name="timeline", description="Meetings and statements of a country, month by month")
    @app_commands.describe(country=SUBJECT, with_="Only with this country or person")
    @app_commands.rename(with_="with")
    @app_commands.autocomplete(country=subject_choices, with_=subject_choices)
    async def timeline(interaction: discord.Interaction, country: str, with_: str | None = None) -> None:
        await respond(interaction, run(interaction, "timeline", country=country, with_=with_))

    @tree.command(name="status", description="Articles, meetings, quotes, last ingest, quarantined files, next digest")
    async def status(interaction: discord.Interaction) -> None:
        await respond(interaction, run(interaction, "status"))

    watch = app_commands.Group(
        name="watch",
        description="Choose which countries or people this channel gets alerts for",
        default_permissions=discord.Permissions(manage_guild=True),
        guild_only=True,
    )

    async def watch_action(interaction: discord.Interaction, action: str, subject: str | None = None) -> None:
        if not is_admin(interaction):
            await send_reply(interaction, error("Only members with the Manage Server permission can change watches.", title="Not allowed"), deferred=False)
            return
        await respond(interaction, run(interaction, "watch", action=action, subject=subject))

    @watch.command(name="add", description="Send this channel alerts about a country or person")
    @app_commands.describe(subject=SUBJECT)
    @app_commands.autocomplete(subject=subject_choices)
    async def watch_add(interaction: discord.Interaction, subject: str) -> None:
        await watch_action(interaction, "add", subject)

    @watch.command(name="remove", description="Stop alerts about a country or person here")
    @app_commands.describe(subject=SUBJECT)
    @app_commands.autocomplete(subject=subject_choices)
    async def watch_remove(interaction: discord.Interaction, subject: str) -> None:
        await watch_action(interaction, "remove", subject)

    @watch.command(name="list", description="What this channel follows")
    async def watch_list(interaction: discord.Interaction) -> None:
        await watch_action(interaction, "list")

    tree.add_command(watch)

    @tree.command(name="reingest", description="Read every stored article again with the current extraction")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.guild_only()
    async def reingest(interaction: discord.Interaction) -> None:
        if not is_admin(interaction):
            await send_reply(interaction, error("Only members with the Manage Server permission can re-ingest.", title="Not allowed"), deferred=False)
            return
        await interaction.response.defer(thinking=True)
        loop = asyncio.get_running_loop()
        last_edit = [0.0]

        def progress(done: int, total: int) -> None:
            if loop.time() - last_edit[0] > 2 or done == total:
                last_edit[0] = loop.time()
                asyncio.ensure_future(
                    interaction.edit_original_response(content=f"Re-reading articles: {done}/{total}…", allowed_mentions=NO_MENTIONS)
                )

        total = await service.reingest(progress)
        await interaction.edit_original_response(content=f"Done: {total} article(s) read again.", allowed_mentions=NO_MENTIONS)

    @tree.command(name="help", description="The list of commands")
    async def help_(interaction: discord.Interaction) -> None:
        await respond(interaction, run(interaction, "help"))
