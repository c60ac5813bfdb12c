"""One queue for everything the bot posts in channels.

discord.py already waits out rate limits (it reads the headers and retries 429s); the queue
adds order and pacing, so a burst of alerts never races itself. A missing channel or a
missing permission is logged once, with what to fix, and the bot keeps working.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

import discord

from bot.formatting import NO_MENTIONS, files_of, message_batches
from handlers.replies import Reply

log = logging.getLogger(__name__)
PACE_SECONDS = 0.25


Job = Callable[[], Awaitable[bool]]


class Sender:
    def __init__(self, client: discord.Client) -> None:
        self.client = client
        self._queue: asyncio.Queue[tuple[int, Job, asyncio.Future]] = asyncio.Queue()
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
        return await self._enqueue(channel_id, lambda: self._send(channel_id, reply))

    async def post_digest(self, channel_id: int | None, replies: list[Reply]) -> bool:
        """A digest in one place: its overview (with the picture) in the channel, the sections in
        a thread started from it (in the channel, packed, when threads are not allowed)."""
        if channel_id is None:
            self._warn_once(0, "no channel: set DIGEST_CHANNEL_ID in .env")
            return False
        return await self._enqueue(channel_id, lambda: self._send_digest(channel_id, replies))

    async def _enqueue(self, channel_id: int, job: Job) -> bool:
        done: asyncio.Future = asyncio.get_running_loop().create_future()
        await self._queue.put((channel_id, job, done))
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
            channel_id, job, done = await self._queue.get()
            try:
                done.set_result(await job())
            except Exception as exc:  # the queue must outlive any one message
                log.exception("sending to channel %s failed", channel_id)
                if not done.done():
                    done.set_exception(exc)
            await asyncio.sleep(PACE_SECONDS)

    async def _delivered(self, channel_id: int, post: Callable[[discord.abc.Messageable], Awaitable[object]]) -> bool:
        """Whether `post(channel)` went through; a missing channel or permission is said once."""
        channel = await self._channel(channel_id)
        if channel is None:
            return False
        try:
            await post(channel)
        except discord.Forbidden:
            self._warn_once(channel_id, "missing permission: give the bot Send Messages, Embed Links and Attach Files")
            return False
        except discord.NotFound:
            self._warn_once(channel_id, "the channel was deleted: update the settings or /watch")
            return False
        return True

    async def _send(self, channel_id: int, reply: Reply) -> bool:
        return await self._delivered(channel_id, lambda channel: self._messages(channel, reply))

    async def _messages(self, channel: discord.abc.Messageable, *replies: Reply) -> discord.Message | None:
        """The replies' pages packed into as few messages as fit; the first reply's files go
        with the first message. Returns the first message."""
        first = None
        for number, embeds in enumerate(message_batches(*replies)):
            files = files_of(replies[0]) if number == 0 else []
            if files and replies[0].image:
                embeds[0].set_image(url=f"attachment://{replies[0].image}")
            message = await channel.send(embeds=embeds, files=files, allowed_mentions=NO_MENTIONS)
            first = first or message
        return first

    async def _send_digest(self, channel_id: int, replies: list[Reply]) -> bool:
        overview, *sections = replies

        async def post(channel: discord.abc.Messageable) -> None:
            message = await self._messages(channel, overview)
            if sections:
                await self._messages(await self._thread(message, overview.title) or channel, *sections)

        return await self._delivered(channel_id, post)

    async def _thread(self, message: discord.Message | None, title: str) -> discord.Thread | None:
        if message is None or not hasattr(message, "create_thread"):
            return None
        try:
            return await message.create_thread(name=title[:100] or "Digest")
        except (discord.Forbidden, discord.HTTPException):
            self._warn_once(message.channel.id, "cannot start a thread: give the bot Create Public Threads "
                                                "(the digest's sections are posted in the channel meanwhile)")
            return None
