"""One queue for everything the bot posts in channels.

discord.py already waits out rate limits (it reads the headers and retries 429s); the queue
adds order and pacing, so a burst of alerts never races itself. A missing channel or a
missing permission is logged once, with what to fix, and the bot keeps working.
"""

from __future__ import annotations

import asyncio
import logging

import discord

from bot.formatting import NO_MENTIONS, files_of, message_batches
from handlers.replies import Reply

log = logging.getLogger(__name__)
PACE_SECONDS = 0.25


class Sender:
    def __init__(self, client: discord.Client) -> None:
        self.client = client
        self._queue: asyncio.Queue[tuple[int, Reply, asyncio.Future]] = asyncio.Queue()
        self._warned: set[tuple[int, str]] = set()
        self._task: asyncio.Task | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="diplowatch-sender")

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    async def post(self, channel_id: int | None, reply: Reply) -> bool:
        """Queue a reply for a channel; resolves to whether it was delivered."""
        if channel_id is None:
            self._warn_once(0, "no channel: set ALERT_CHANNEL_ID in .env (or use /watch add in a channel)")
            return False
        done: asyncio.Future = asyncio.get_running_loop().create_future()
        await self._queue.put((channel_id, reply, done))
        return await done

    def _warn_once(self, channel_id: int, message: str) -> None:
        if (channel_id, message) not in self._warned:
            self._warned.add((channel_id, message))
            log.warning("channel %s: %s", channel_id, message)

    async def _channel(self, channel_id: int) -> discord.abc.Messageable | None:
        channel = self.client.get_channel(channel_id)
        if channel is not None:
            return channel
        try:
            return await self.client.fetch_channel(channel_id)
        except discord.NotFound:
            self._warn_once(channel_id, "unknown channel: check ALERT_CHANNEL_ID / DIGEST_CHANNEL_ID")
        except discord.Forbidden:
            self._warn_once(channel_id, "the bot cannot see this channel: give it View Channel there")
        return None

    async def _run(self) -> None:
        while True:
            channel_id, reply, done = await self._queue.get()
            try:
                done.set_result(await self._send(channel_id, reply))
            except Exception as exc:  # the queue must outlive any one message
                log.exception("sending to channel %s failed", channel_id)
                if not done.done():
                    done.set_exception(exc)
            await asyncio.sleep(PACE_SECONDS)

    async def _send(self, channel_id: int, reply: Reply) -> bool:
        channel = await self._channel(channel_id)
        if channel is None:
            return False
        batches = message_batches(reply)
        try:
            for number, embeds in enumerate(batches):
                files = files_of(reply) if number == 0 else []
                if files and reply.image:
                    embeds[0].set_image(url=f"attachment://{reply.image}")
                await channel.send(embeds=embeds, files=files, allowed_mentions=NO_MENTIONS)
        except discord.Forbidden:
            self._warn_once(channel_id, "missing permission: give the bot Send Messages, Embed Links and Attach Files")
            return False
        except discord.NotFound:
            self._warn_once(channel_id, "the channel was deleted: update the settings or /watch")
            return False
        return True
