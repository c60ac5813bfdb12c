"""The weekly digest in Discord: /digest and /graph, the schedule, and delivery to the
digest channel through the bot's one send queue."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands

from bot.formatting import NO_MENTIONS, embeds_of, files_of
from bot.sender import Sender
from bot.scheduler import digest_job, post_command_digest, run_due_digest, start_digest_scheduler
from bot.slash_commands import is_admin, respond
from handlers.digest import POST_TO_DIGEST_CHANNEL, replies_of
from handlers.replies import Reply
from handlers.service import Service

log = logging.getLogger(__name__)


def deliverer(service: Service, sender: Sender):
    async def deliver(replies: list[Reply]) -> None:
        channel = service.settings.digest_channel_id
        if channel is None:
            raise RuntimeError("DIGEST_CHANNEL_ID is not set: the digest has nowhere to go")
        for reply in replies:
            if not await sender.post(channel, reply):
                raise RuntimeError(f"the digest could not be posted in channel {channel}")

    return deliver


async def _followups(interaction: discord.Interaction, replies: list[Reply]) -> None:
    for reply in replies:
        extra: dict[str, Any] = {}
        files = files_of(reply)
        embeds = embeds_of(reply)
        if files:
            extra["files"] = files
            if reply.image:
                embeds[0].set_image(url=f"attachment://{reply.image}")
        await interaction.followup.send(
            embeds=embeds[:10], ephemeral=reply.ephemeral, allowed_mentions=NO_MENTIONS, **extra
        )


def register(tree: app_commands.CommandTree, service: Service, sender: Sender) -> None:

    async def country_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        found = await service.complete(current)
        return [app_commands.Choice(name=label, value=value) for label, value in found[:25]]

    @tree.command(name="digest", description="Preview the digest of a period (only you see it); post: send it now")
    @app_commands.describe(
        since="From this date (default: the last digest)",
        until="Up to this date, included (default: now)",
        action="post: send the digest to the digest channel now (Manage Server)",
    )
    @app_commands.choices(action=[app_commands.Choice(name="post", value="post")])
    async def digest(interaction: discord.Interaction, since: str | None = None, until: str | None = None,
                     action: app_commands.Choice[str] | None = None) -> None:
        args = {k: v for k, v in {"since": since, "until": until, "action": action.value if action else None}.items() if v}
        answer: list[Reply] = []

        async def work() -> Reply:
            reply = await service.command("digest", args, is_admin=is_admin(interaction), channel_id=interaction.channel_id)
            if reply.extra.get(POST_TO_DIGEST_CHANNEL):
                await post_command_digest(service, reply, deliverer(service, sender))
            parts = replies_of(reply)
            answer.extend(parts[1:])
            return parts[0]

        await respond(interaction, work(), ephemeral_when_slow=True)
        await _followups(interaction, answer)

    @tree.command(name="graph", description="A picture of the meetings around a country")
    @app_commands.describe(country="A country (kazakhstan, KZ, kazakh)", since="Meetings from this date (YYYY-MM-DD, YYYY-MM or YYYY)")
    @app_commands.autocomplete(country=country_choices)
    async def graph(interaction: discord.Interaction, country: str, since: str | None = None) -> None:
        args = {"country": country, **({"since": since} if since else {})}
        await respond(interaction, service.command("graph", args, channel_id=interaction.channel_id))


async def start_digest(service: Service, sender: Sender):
    """Post a digest missed while the bot was down, then schedule the weekly one."""
    deliver = deliverer(service, sender)
    try:
        await run_due_digest(service, deliver)
    except Exception:
        log.exception("the missed digest could not be posted; it will be tried again at the next start or schedule")

    async def job() -> None:
        try:
            await digest_job(service, deliver)
        except Exception:
            log.exception("the weekly digest could not be posted; it will be tried again")

    return start_digest_scheduler(service.settings, job, on_next=lambda label: setattr(service, "next_digest", label))
