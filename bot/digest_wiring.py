"""The weekly digest in Discord: delivery to the digest channel through the bot's one send
queue, the catch-up at start and the schedule."""

from __future__ import annotations

import logging

from bot.scheduler import digest_job, run_due_digest, start_digest_scheduler
from bot.sender import Sender
from handlers.replies import Reply
from handlers.service import Service

log = logging.getLogger(__name__)


def deliverer(service: Service, sender: Sender):
    async def deliver(replies: list[Reply]) -> None:
        channel = service.settings.digest_channel_id
        if channel is None:
            raise RuntimeError("DIGEST_CHANNEL_ID is not set: the digest has nowhere to go")
        if not await sender.post_digest(channel, replies):
            raise RuntimeError(f"the digest could not be posted in channel {channel}")

    return deliver


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

    return start_digest_scheduler(service.settings, job, on_next=lambda at: setattr(service, "next_digest", at))
