"""When the weekly digest goes out: an APScheduler cron job on the bot's event loop, and
the start-up catch-up that makes a digest missed during downtime go out once.

No Discord here: the caller passes `deliver`, an async function that shows a list of
replies somewhere (the digest channel, the console). The marker of the last digest is
recorded only after `deliver` returned, so a failed delivery is tried again next time.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary
from zoneinfo import ZoneInfo

from diplowatch.config import Settings
from handlers.digest import (
    Period,
    catch_up,
    initial_marker,
    last_slot,
    read_marker,
    record_digest,
    weekly_digest,
)
from handlers.replies import Reply
from handlers.service import Service

if TYPE_CHECKING:  # imported when the schedule starts, once the bot is up: 60 ms of the start-up
    from apscheduler.schedulers.asyncio import AsyncIOScheduler
    from apscheduler.triggers.cron import CronTrigger

log = logging.getLogger(__name__)

JOB_ID = "weekly-digest"
Deliver = Callable[[list[Reply]], Awaitable[None]]
# The loop's timer may wake a little before the cron time: a slot this close is the one due.
EARLY_WAKE = timedelta(minutes=1)
# A run delayed longer than this (the loop was blocked) is left to the next start-up's
# catch-up; within it, it still runs.
MISFIRE_GRACE_SECONDS = 6 * 3600

# One digest at a time per service: the scheduled run, the catch-up and /digest post
# would otherwise read the same marker and post the same articles twice.
_locks: WeakKeyDictionary[Service, asyncio.Lock] = WeakKeyDictionary()


def digest_trigger(settings: Settings) -> CronTrigger:
    """Weekly at the configured local time; a day name, never a number (APScheduler 3
    counts Monday as 0 where cron counts Sunday)."""
    from apscheduler.triggers.cron import CronTrigger

    hour, _, minute = settings.digest_time.partition(":")
    return CronTrigger(
        day_of_week=settings.digest_day, hour=int(hour), minute=int(minute), timezone=ZoneInfo(settings.digest_tz)
    )


def start_digest_scheduler(
    settings: Settings,
    post_digest: Callable[[], Awaitable[None]],
    *,
    on_next: Callable[[datetime | None], None] | None = None,
) -> AsyncIOScheduler:
    """Start the weekly job on the running loop (call it from `setup_hook` or any coroutine).

    `on_next` is told the next run time after the start and after every run
    (for Service.next_digest and /status). Stop with `scheduler.shutdown(wait=False)`.
    """
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    loop = asyncio.get_running_loop()
    scheduler = AsyncIOScheduler(event_loop=loop, timezone=ZoneInfo(settings.digest_tz))

    async def run() -> None:
        try:
            await post_digest()
        finally:
            if on_next:
                on_next(next_digest_time(scheduler))

    scheduler.add_job(
        run,
        digest_trigger(settings),
        id=JOB_ID,
        name="weekly digest",
        coalesce=True,
        max_instances=1,
        misfire_grace_time=MISFIRE_GRACE_SECONDS,
        replace_existing=True,
    )
    scheduler.start()
    if on_next:
        on_next(next_digest_time(scheduler))
    return scheduler


def next_digest_time(scheduler: AsyncIOScheduler) -> datetime | None:
    job = scheduler.get_job(JOB_ID)
    return job.next_run_time if job else None


# -- running a digest -------------------------------------------------------------------


def _schedule(service: Service) -> tuple[str, str, str]:
    s = service.settings
    return s.digest_day, s.digest_time, s.digest_tz


def _second(now: datetime | None) -> datetime:
    """Now (or the given time) to the whole second, like the ingestion stamps."""
    return (now or datetime.now(UTC)).replace(microsecond=0)


async def _post(service: Service, deliver: Deliver, period: Period, now: datetime) -> Period:
    zone = ZoneInfo(service.settings.digest_tz)  # the digest shows times in the schedule's zone
    period = Period(period.since.astimezone(zone), period.until.astimezone(zone))
    # Built on the writer thread, after any ingest already under way: an article stamped
    # before `until` is then in the store, so it is in this digest and not the next.
    replies = await service.on_writer(lambda: weekly_digest(service.store, period.since, period.until, now=now))
    await deliver(replies)
    await service.on_writer(record_digest, service.store, period.until)
    log.info("digest posted for %s → %s", period.since, period.until)
    return period


async def run_due_digest(service: Service, deliver: Deliver, *, now: datetime | None = None) -> Period | None:
    """At start-up: post the digest missed while the bot was down, once; the period posted
    or None. On a fresh database, start counting from the last scheduled time instead.
    A failed `deliver` raises and leaves the marker, so the next start tries again."""
    return await _due(service, deliver, _second(now), scheduled=False)


async def digest_job(service: Service, deliver: Deliver, *, now: datetime | None = None) -> Period | None:
    """The scheduled run: post the digest since the last one, if not already posted.

    The same rule as at start-up, so a catch-up that ran a moment before is not followed
    by a second digest, and a repeated run posts nothing.
    """
    now = _second(now)
    day, at, tz = _schedule(service)
    slot = last_slot(now + EARLY_WAKE, day, at, tz).astimezone(UTC)
    if slot > now:
        # The loop's timer woke a moment early: end the period at the scheduled time itself,
        # or the next catch-up would find that time passed after this digest.
        await asyncio.sleep((slot - now).total_seconds())
        now = max(_second(None), slot)
    return await _due(service, deliver, now, scheduled=True)


async def _due(service: Service, deliver: Deliver, now: datetime, *, scheduled: bool) -> Period | None:
    day, at, tz = _schedule(service)
    async with _lock(service):
        marker = await service.on_reader(read_marker, service.store)
        if marker is None:
            if scheduled:
                # The first scheduled run on a database the start-up never saw: the week before.
                return await _post(service, deliver, Period(now - timedelta(days=7), now), now)
            await service.on_writer(record_digest, service.store, initial_marker(now, day, at, tz))
            return None
        period = catch_up(marker, now, day, at, tz)
        if period is None:
            return None
        return await _post(service, deliver, period, now)


def _lock(service: Service) -> asyncio.Lock:
    return _locks.setdefault(service, asyncio.Lock())


async def post_command_digest(service: Service, reply: Reply, deliver: Deliver) -> Period | None:
    """Carry out `/digest post` (an answer that carries a `DigestPost`).

    Without dates: the digest since the last one, at once, which then counts as posted.
    With dates: the replies computed for those dates; the weekly marker is left alone.
    """
    post = reply.digest_post
    if post is None:
        return None
    if post.due:
        now = _second(None)
        async with _lock(service):
            marker = await service.on_reader(read_marker, service.store)
            since = marker or now - timedelta(days=7)
            return await _post(service, deliver, Period(since, now), now)
    await deliver(list(post.replies))
    return None
