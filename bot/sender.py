"""One queue for everything the bot posts in channels.

discord.py already waits out rate limits (it reads the headers and retries 429s); the queue
adds order and pacing, so a burst of alerts never races itself, and a burst's card posted
once is edited in place as its articles arrive (in the queue's order, so after its post).
A missing channel or a missing permission is logged once, with what to fix, and the bot
keeps working.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

import discord

from bot.formatting import NO_MENTIONS, files_of, message_batches
from handlers.replies import Reply

log = logging.getLogger(__name__)
PACE_SECONDS = 0.25
FLUSH_SECONDS = 5.0  # at close, how long what is queued may still take
OPEN_CARDS = 64  # cards remembered for editing: one per channel is open at a time


Job = Callable[[], Awaitable[bool]]


class Sender:
    def __init__(self, client: discord.Client) -> None:
        self.client = client
        self._queue: asyncio.Queue[tuple[int, Job, asyncio.Future]] = asyncio.Queue()
        self._warned: set[tuple[int, str]] = set()
        self._task: asyncio.Task | None = None
        self._cards: dict[str, list[discord.Message]] = {}  # a burst's card -> the messages it is in

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="diplowatch-sender")

    async def stop(self, flush_seconds: float = FLUSH_SECONDS) -> None:
        """Send what is already queued (an alert, a card's edit), for a few seconds at most,
        then stop: a bot stopped right after an article was read still tells of it."""
        if self._task:
            if not self._task.done():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._queue.join(), flush_seconds)
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
                delivered = await job()
                if not done.done():  # its poster may have been cancelled (the bot is closing)
                    done.set_result(delivered)
            except Exception as exc:  # the queue must outlive any one message
                log.exception("sending to channel %s failed", channel_id)
                if not done.done():
                    done.set_exception(exc)
            finally:
                self._queue.task_done()
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
        if reply.card is None:
            return await self._delivered(channel_id, lambda channel: self._messages(channel, reply))
        return await self._delivered(channel_id, lambda channel: self._card(channel, reply))

    async def _card(self, channel: discord.abc.Messageable, reply: Reply) -> None:
        """A burst's card: its first reply is posted, the next ones edit that message in place
        (a card of several articles is always one message); a card deleted meanwhile is
        posted again."""
        posted = self._cards.get(reply.card or "")
        if posted:
            first, *extra = posted
            try:
                await first.edit(embeds=message_batches(reply)[0], allowed_mentions=NO_MENTIONS)
            except discord.NotFound:
                posted = []
            else:
                for message in extra:  # the first article's alert took more than one message
                    with contextlib.suppress(discord.HTTPException):
                        await message.delete()
                self._cards[reply.card or ""] = [first]
                return
        self._cards[reply.card or ""] = await self._all_messages(channel, reply)
        while len(self._cards) > OPEN_CARDS:  # only the newest cards can still grow
            del self._cards[next(iter(self._cards))]

    async def _messages(self, channel: discord.abc.Messageable, *replies: Reply) -> discord.Message | None:
        """The replies' pages packed into as few messages as fit; the first reply's files go
        with the first message. Returns the first message."""
        sent = await self._all_messages(channel, *replies)
        return sent[0] if sent else None

    async def _all_messages(self, channel: discord.abc.Messageable, *replies: Reply) -> list[discord.Message]:
        sent = []
        for number, embeds in enumerate(message_batches(*replies)):
            files = files_of(replies[0]) if number == 0 else []
            if files and replies[0].image:
                embeds[0].set_image(url=f"attachment://{replies[0].image}")
            sent.append(await channel.send(embeds=embeds, files=files, allowed_mentions=NO_MENTIONS))
        return sent

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
