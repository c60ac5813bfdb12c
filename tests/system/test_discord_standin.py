"""The Discord stand-in, proven with discord.py's real HTTP and gateway code."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import io
import os
import sys
import time
from typing import AsyncIterator

import discord
import pytest
import yarl
from discord import app_commands
from discord.ext import commands

from tests.discord_standin import DiscordStandIn, World

pytestmark = pytest.mark.timeout(30)

WORLD = World.default()
GUILD_ID = WORLD.guild_id
GENERAL = WORLD.channel("general").id
READ_ONLY = WORLD.channel("read-only").id


@pytest.fixture
async def loop_errors() -> AsyncIterator[list[dict]]:
    """Collect what asyncio would log: 'Unclosed client session', 'Task was destroyed'..."""
    loop = asyncio.get_running_loop()
    errors: list[dict] = []
    previous = loop.get_exception_handler()
    loop.set_exception_handler(lambda _loop, ctx: errors.append(ctx))
    yield errors
    gc.collect()
    await asyncio.sleep(0)
    loop.set_exception_handler(previous)
    assert not errors, [e.get("message") for e in errors]


@pytest.fixture
async def api(monkeypatch, loop_errors) -> AsyncIterator[DiscordStandIn]:
    async with DiscordStandIn(World.default()) as api:
        # What our bot does with DISCORD_API_BASE / DISCORD_GATEWAY_URL.
        monkeypatch.setattr(discord.http.Route, "BASE", api.base_url)
        monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(api.gateway_url))
        yield api


@contextlib.asynccontextmanager
async def running(client: discord.Client, api: DiscordStandIn) -> AsyncIterator[discord.Client]:
    """Start the client, wait for on_ready, and always close it again."""
    task = asyncio.create_task(client.start(api.world.token))

    async def ready() -> None:
        await api.wait_until_identified(timeout=10)
        await client.wait_until_ready()

    waiter = asyncio.create_task(ready())
    try:
        done, _ = await asyncio.wait({task, waiter}, timeout=10, return_when=asyncio.FIRST_COMPLETED)
        if task in done:
            task.result()  # login/connect failed: surface the real error
        assert waiter in done, "client never became ready"
        waiter.result()
        yield client
    finally:
        waiter.cancel()
        await asyncio.wait_for(client.close(), 5)
        await asyncio.wait_for(asyncio.gather(task, waiter, return_exceptions=True), 5)


def new_client() -> discord.Client:
    # guild_ready_timeout: discord.py waits this long after the last GUILD_CREATE before on_ready.
    return discord.Client(intents=discord.Intents.default(), guild_ready_timeout=0.05)


async def test_client_logs_in_sees_guild_and_sends(api: DiscordStandIn) -> None:
    client = new_client()
    seen: list[discord.Message] = []

    @client.event
    async def on_message(message: discord.Message) -> None:
        seen.append(message)

    async with running(client, api):
        guild = client.get_guild(GUILD_ID)
        assert guild is not None and guild.name == api.world.guild_name
        channel = client.get_channel(GENERAL)
        assert isinstance(channel, discord.TextChannel) and channel.guild == guild
        assert {c.name for c in guild.text_channels} >= {"general", "diplo-news", "read-only"}
        assert client.user.id == api.world.bot.id and client.application_id == api.world.application_id
        # discord.py appends these to DEFAULT_GATEWAY and the stand-in answers in zlib-stream.
        assert api.gateway_queries == [{"v": "10", "encoding": "json", "compress": "zlib-stream"}]

        embed = discord.Embed(title="Summit", description="Paris meets Berlin")
        msg = await channel.send("news", embed=embed, allowed_mentions=discord.AllowedMentions.none())
        assert msg.content == "news" and msg.embeds[0].title == "Summit" and msg.author.id == client.user.id
        sent = api.find_requests("POST", "/channels/{channel_id}/messages")[-1]
        assert sent.json["allowed_mentions"] == {"parse": []}
        assert sent.headers["Authorization"] == f"Bot {api.world.token}"

        msg2 = await channel.send(file=discord.File(io.BytesIO(b"digest bytes"), filename="digest.txt"))
        upload = api.find_requests("POST", f"/channels/{GENERAL}/messages")[-1]
        assert [(f.filename, f.data) for f in upload.files] == [("digest.txt", b"digest bytes")]
        assert msg2.attachments[0].filename == "digest.txt"
        assert await msg2.attachments[0].read() == b"digest bytes"  # served back by the stand-in

        posted = await api.wait_for_messages("general", count=2, timeout=5)
        assert [m["content"] for m in posted] == ["news", ""]
        # The gateway echoes our own messages, as Discord does.
        await asyncio.wait_for(_until(lambda: len(seen) >= 2), 5)

        await client.change_presence(activity=discord.Game("reading cables"))
        await asyncio.wait_for(_until(lambda: api.presence_updates), 5)
    assert not api.unknown_requests, api.unknown_requests


async def _until(predicate) -> None:
    while not predicate():
        await asyncio.sleep(0.01)


class DiploBot(commands.Bot):
    def __init__(self) -> None:
        super().__init__(command_prefix="!", intents=discord.Intents.default(), guild_ready_timeout=0.05)

        @self.tree.command(description="Health check")
        async def ping(interaction: discord.Interaction) -> None:
            await interaction.response.send_message("pong")

        @self.tree.command(description="Slow digest")
        async def digest(interaction: discord.Interaction) -> None:
            await interaction.response.defer(thinking=True)
            await interaction.followup.send("digest ready")

        @self.tree.command(description="Edit after defer")
        @app_commands.default_permissions(manage_guild=True)
        async def rescan(interaction: discord.Interaction, days: int) -> None:
            await interaction.response.defer(ephemeral=True)
            perms = interaction.permissions.manage_guild
            await interaction.edit_original_response(content=f"rescanned {days} days (manage_guild={perms})")

        @self.tree.command(description="Country lookup")
        async def country(interaction: discord.Interaction, name: str) -> None:
            await interaction.response.send_message(f"country {name}")

        @country.autocomplete("name")
        async def country_ac(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
            names = ["France", "Finland", "Germany"]
            return [app_commands.Choice(name=n, value=n) for n in names if n.lower().startswith(current.lower())]

        who = app_commands.Group(name="who", description="Who did what")

        @who.command(description="Meetings of a member")
        async def met(interaction: discord.Interaction, member: discord.Member) -> None:
            await interaction.response.send_message(f"{member.name} met nobody")

        self.tree.add_command(who)

    async def setup_hook(self) -> None:
        guild = discord.Object(GUILD_ID)
        self.tree.copy_global_to(guild=guild)
        await self.tree.sync(guild=guild)


class VoteView(discord.ui.View):
    @discord.ui.button(label="Yes", custom_id="vote:yes")
    async def yes(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.edit_message(content=f"{interaction.user.name} voted yes", view=None)


async def test_slash_commands_sync_and_answer(api: DiscordStandIn) -> None:
    async with running(DiploBot(), api) as bot:
        (put,) = api.find_requests("PUT", "/applications/{application_id}/guilds/{guild_id}/commands")
        assert put.path == f"/applications/{api.world.application_id}/guilds/{GUILD_ID}/commands"
        assert {c["name"] for c in put.json} == {"ping", "digest", "rescan", "country", "who"}
        assert {c["name"] for c in api.guild_commands} == {"ping", "digest", "rescan", "country", "who"}

        ping = await api.send_interaction("ping", user="member")
        answer = await ping.wait_response(5)
        assert answer["type"] == 4 and answer["data"]["content"] == "pong"
        assert ping.original["content"] == "pong"

        digest = await api.send_interaction("digest")
        answer = await digest.wait_response(5)
        assert answer["type"] == 5 and answer["finished_by"] == "followup" and answer["data"]["content"] == "digest ready"
        (followup,) = await digest.wait_followups(1, 5)
        assert followup["content"] == "digest ready"

        rescan = await api.send_interaction("rescan", {"days": 3}, user="admin")
        answer = await rescan.wait_response(5)
        assert answer["finished_by"] == "edit_original"
        assert answer["data"]["content"] == "rescanned 3 days (manage_guild=True)"
        assert rescan.callbacks[0]["data"]["flags"] == 64
        assert not rescan.original["flags"] & 128  # no longer "thinking"

        ac = await api.send_interaction("country", {"name": "f"}, type=4)
        answer = await ac.wait_response(5)
        assert answer["type"] == 8
        assert [c["value"] for c in answer["data"]["choices"]] == ["France", "Finland"]

        met = await api.send_interaction("who met", {"member": api.world.plain_member})
        assert (await met.wait_response(5))["data"]["content"] == "member met nobody"
        assert met.payload["data"]["options"][0]["type"] == 1  # subcommand, typed from the synced definition

        # A component on a message the bot really posted, answered by updating that message.
        posted = await bot.get_channel(GENERAL).send("vote", view=VoteView())
        (raw,) = await api.wait_for_messages(GENERAL)
        click = await api.send_interaction(type=3, custom_id="vote:yes", message=raw, user="member")
        assert (await click.wait_response(5))["type"] == 7
        assert api.messages[posted.id]["content"] == "member voted yes"
    assert not api.unknown_requests, api.unknown_requests


async def test_rate_limited_send_is_retried_once(api: DiscordStandIn) -> None:
    api.inject_rate_limit("POST", "/channels/{channel_id}/messages", retry_after=0.3)
    async with running(new_client(), api) as client:
        started = time.monotonic()
        await client.get_channel(GENERAL).send("after the 429")
        assert time.monotonic() - started >= 0.3
        statuses = [r.status for r in api.find_requests("POST", f"/channels/{GENERAL}/messages")]
        assert statuses == [429, 200]
        assert [m["content"] for m in await api.wait_for_messages(GENERAL)] == ["after the 429"]


async def test_discord_errors_surface_as_discord_exceptions(api: DiscordStandIn) -> None:
    async with running(new_client(), api) as client:
        with pytest.raises(discord.NotFound) as not_found:
            await client.fetch_channel(4242)
        assert not_found.value.code == 10003 and not_found.value.text == "Unknown Channel"
        with pytest.raises(discord.NotFound):
            await client.get_partial_messageable(4242).send("lost")
        with pytest.raises(discord.Forbidden) as forbidden:
            await client.get_channel(READ_ONLY).send("nope")
        assert forbidden.value.code == 50013
        with pytest.raises(discord.HTTPException) as too_long:
            await client.get_channel(GENERAL).send("x" * 2001)
        assert too_long.value.code == 50035 and "content" in str(too_long.value)
        assert await api.wait_for_messages(GENERAL, count=0, timeout=1) == []


async def test_heartbeats_and_resume_after_reconnect(monkeypatch, loop_errors) -> None:
    async with DiscordStandIn(World.default(heartbeat_interval_ms=100)) as api:
        monkeypatch.setattr(discord.http.Route, "BASE", api.base_url)
        monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(api.gateway_url))
        async with running(new_client(), api) as client:
            resumed = asyncio.Event()
            client.event(_set_on("on_resumed", resumed))
            await asyncio.sleep(0.35)  # a few heartbeat intervals
            acks = [f for f in api.gateway_log if f.direction == "send" and f.op == 11]
            assert len(acks) >= 3 and client.latency < 1
            await api.request_reconnect()
            await asyncio.wait_for(resumed.wait(), 5)
            assert api.resume_count == 1 and api.identify_count == 1
            assert len(api.gateway_queries) == 2  # reconnected to resume_gateway_url
            await client.get_channel(GENERAL).send("still here")
            await api.wait_for_messages(GENERAL, timeout=5)


async def test_auto_sharded_client_asks_gateway_bot(api: DiscordStandIn) -> None:
    client = discord.AutoShardedClient(intents=discord.Intents.default(), guild_ready_timeout=0.05)
    async with running(client, api):
        assert api.find_requests("GET", "/gateway/bot")
        assert client.shard_count == 1 and client.get_guild(GUILD_ID) is not None


def _set_on(name: str, event: asyncio.Event):
    async def handler() -> None:
        event.set()

    handler.__name__ = name
    return handler


BOT_PROCESS = """
import asyncio, os, discord, yarl
discord.http.Route.BASE = os.environ["DISCORD_API_BASE"]
discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(os.environ["DISCORD_GATEWAY_URL"])
client = discord.Client(intents=discord.Intents.default(), guild_ready_timeout=0.05)

@client.event
async def on_ready():
    await client.get_channel(int(os.environ["ALERT_CHANNEL_ID"])).send("hello from a process")
    await client.close()

client.run(os.environ["DISCORD_TOKEN"], log_handler=None)
"""


async def test_bot_as_separate_process(api: DiscordStandIn) -> None:
    env = {**os.environ, **api.env(ALERT_CHANNEL_ID=GENERAL)}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", BOT_PROCESS, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        (msg,) = await api.wait_for_messages(GENERAL, timeout=15)
        assert msg["content"] == "hello from a process"
        _, err = await asyncio.wait_for(proc.communicate(), 10)
        assert proc.returncode == 0, err.decode()
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
