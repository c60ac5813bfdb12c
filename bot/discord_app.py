"""The Discord bot: wires the service, the drop-folder watcher, the sender and the commands.

Commands are synced in `setup_hook` (once per process), never in `on_ready`, which fires
again on every reconnect; reconnecting itself is discord.py's job.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import time

import aiohttp
import discord
import yarl
from discord import app_commands

from bot import digest_wiring, slash_commands
from bot.ingest_loop import ingest_loop
from bot.sender import Sender
from bot.translator import SpecTranslator
from bot.watcher import DropWatcher
from diplowatch.config import Settings
from handlers.service import Service

log = logging.getLogger(__name__)


def point_at(settings: Settings) -> None:
    """Send REST calls and the gateway where the settings say (Discord's own by default)."""
    discord.http.Route.BASE = settings.discord_api_base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway_url)


class DiplowatchBot(discord.Client):
    def __init__(self, settings: Settings, service: Service | None = None) -> None:
        intents = discord.Intents.none()
        intents.guilds = True  # channels and permissions; no message content is ever read
        super().__init__(intents=intents, allowed_mentions=discord.AllowedMentions.none())
        self.settings = settings
        self.service = service or Service(settings)
        self.tree = app_commands.CommandTree(self)
        self.sender = Sender(self)
        self.watcher: DropWatcher | None = None
        self._tasks: list[asyncio.Task] = []
        self._interaction_tasks: set[asyncio.Task] = set()  # progress edits of long commands
        self._stopping: asyncio.Task | None = None
        self._closed_ours = False
        self.scheduler = None

    async def setup_hook(self) -> None:
        self._stop_on_sigterm()
        await self.service.start()
        slash_commands.register(self.tree, self.service, self.sender, self._interaction_tasks)
        await self.tree.set_translator(SpecTranslator())
        await self._sync_commands()
        self.sender.start()
        self.watcher = DropWatcher(
            self.settings.drop_dir,
            settle_seconds=self.settings.settle_seconds,
            rescan_seconds=self.settings.rescan_seconds,
            force_polling=self.settings.watch_poll,
            is_known=self.service.is_known,
            on_skipped=self.service.note_skipped,
        )
        self.watcher.start()
        self._tasks.append(asyncio.create_task(ingest_loop(self.service, self.watcher, self.sender.post), name="diplowatch-ingest"))
        await self._start_digest()

    def _stop_on_sigterm(self) -> None:
        """systemd, Docker and `kill` stop a service with SIGTERM; discord.py only handles Ctrl-C
        (SIGINT), so without this the process died on the spot, skipping close()."""
        try:
            asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, self._on_sigterm)
        except (NotImplementedError, RuntimeError):  # Windows, or not the main thread
            pass

    def _on_sigterm(self) -> None:
        log.info("SIGTERM: closing")
        if self._stopping is None:
            self._stopping = asyncio.create_task(self.close(), name="diplowatch-sigterm")

    async def _sync_commands(self) -> None:
        guild_id = self.settings.discord_guild_id
        try:
            if guild_id:
                guild = discord.Object(id=guild_id)
                self.tree.copy_global_to(guild=guild)
                synced = await self.tree.sync(guild=guild)
            else:
                synced = await self.tree.sync()
            log.info("synced %d commands to %s", len(synced), f"guild {guild_id}" if guild_id else "all guilds")
        except discord.Forbidden:
            log.error(
                "cannot register slash commands: invite the bot with the applications.commands scope "
                "(see README) and check DISCORD_GUILD_ID"
            )

    async def _start_digest(self) -> None:
        # Not awaited inline: a missed digest waits for the sender, which needs the gateway.
        async def start() -> None:
            await self.wait_until_ready()
            self.scheduler = await digest_wiring.start_digest(self.service, self.sender)

        self._tasks.append(asyncio.create_task(start(), name="diplowatch-digest"))

    async def on_ready(self) -> None:
        log.info("connected as %s to %d guild(s)", self.user, len(self.guilds))

    async def close(self) -> None:
        if self._closed_ours:  # close() may be reached twice (signal, then Client.run's exit)
            await super().close()
            return
        self._closed_ours = True
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=False)
        if self.watcher is not None:
            await self.watcher.stop()
        for task in (*self._tasks, *self._interaction_tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, *self._interaction_tasks, return_exceptions=True)
        await self.sender.stop()
        await self.service.close()
        await super().close()


EXIT_UNREACHABLE = 4
# Failures that mean "Discord cannot be reached from here right now", not "Discord said no".
UNREACHABLE = (aiohttp.ClientConnectionError, asyncio.TimeoutError, discord.GatewayNotFound, discord.DiscordServerError)


def backoff(attempt: int) -> int:
    """Seconds to wait after the attempt-th failure: 1, 2, 4 … at most 60."""
    return min(60, 2 ** (attempt - 1))


def _reason(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def run_discord(settings: Settings) -> int:
    """Run the bot until it is stopped. Discord unreachable at start (the network is not up
    yet, a wrong DISCORD_API_BASE) is tried again with back-off, one log line per attempt,
    then given up with one line and exit 4; once connected, reconnecting is discord.py's job."""
    point_at(settings)
    attempts = settings.discord_connect_attempts
    for attempt in range(1, attempts + 1):
        bot = DiplowatchBot(settings)  # a new one each time: a closed client cannot start again
        try:
            bot.run(settings.token, log_handler=None)
            return 0
        except discord.LoginFailure:
            log.error("Discord refused the token: check DISCORD_TOKEN in .env (Bot > Reset Token in the developer portal)")
            return 2
        except discord.PrivilegedIntentsRequired:
            log.error("Discord refused the requested intents")
            return 2
        except UNREACHABLE as exc:
            where = f"cannot reach Discord at {settings.discord_api_base} ({_reason(exc)})"
            if attempt == attempts:
                log.error(
                    "%s: gave up after %d attempt(s); check the network, or DISCORD_API_BASE and "
                    "DISCORD_GATEWAY_URL if they are set", where, attempts,
                )
                return EXIT_UNREACHABLE
            delay = backoff(attempt)
            log.warning("%s: trying again in %d s (attempt %d of %d)", where, delay, attempt, attempts)
            time.sleep(delay)
    return EXIT_UNREACHABLE
