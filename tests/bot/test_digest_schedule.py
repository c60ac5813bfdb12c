"""When digests go out: the cron trigger across daylight saving, the exactly-once rule, and
the catch-up at start-up, with a shifted clock and a real store."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.scheduler import digest_job, digest_trigger, post_command_digest, run_due_digest, start_digest_scheduler
from diplowatch.config import Settings
from handlers import digest as d
from handlers import registry
from handlers.service import Service
from storage import Store
from tests.handlers.test_digest import article, fill_week, meeting

PARIS = ZoneInfo("Europe/Paris")
MON, TIME, TZ = "mon", "09:00", "Europe/Paris"


def weekly() -> Settings:
    """The default schedule, spelt out so that a local .env cannot change it."""
    return Settings(digest_day=MON, digest_time=TIME, digest_tz=TZ)


def paris(*args) -> datetime:
    return datetime(*args, tzinfo=PARIS)


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


# -- the trigger ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "fires"),
    [
        # Summer time starts on Sunday 31 March 2024: 09:00 in Paris is 08:00 then 07:00 UTC.
        (utc(2024, 3, 19, 12), [utc(2024, 3, 25, 8), utc(2024, 4, 1, 7), utc(2024, 4, 8, 7)]),
        # It ends on Sunday 27 October 2024: 07:00 then 08:00 UTC.
        (utc(2024, 10, 15, 12), [utc(2024, 10, 21, 7), utc(2024, 10, 28, 8), utc(2024, 11, 4, 8)]),
    ],
)
def test_the_trigger_fires_on_monday_at_nine_paris_time_across_daylight_saving(start, fires):
    trigger = digest_trigger(weekly())
    found, previous, now = [], None, start
    for _ in fires:
        previous = trigger.get_next_fire_time(previous, now)
        found.append(previous)
        now = previous + timedelta(seconds=1)
    assert [f.astimezone(UTC) for f in found] == fires
    assert all(f.astimezone(PARIS).weekday() == 0 and f.astimezone(PARIS).hour == 9 for f in found)


def test_the_trigger_uses_the_configured_day_and_time():
    trigger = digest_trigger(Settings(digest_day="friday", digest_time="17:30", digest_tz="Asia/Almaty"))
    fire = trigger.get_next_fire_time(None, utc(2024, 3, 18))
    assert fire.astimezone(ZoneInfo("Asia/Almaty")).strftime("%a %H:%M") == "Fri 17:30"


def test_last_slot_is_the_triggers_latest_fire_time_at_every_hour_around_the_changes():
    trigger = digest_trigger(weekly())
    for start in (utc(2024, 3, 20), utc(2024, 10, 16)):
        for hour in range(0, 24 * 21, 5):
            now = start + timedelta(hours=hour)
            slot = d.last_slot(now, MON, TIME, TZ)
            assert slot <= now
            assert trigger.get_next_fire_time(None, slot) == slot
            assert trigger.get_next_fire_time(None, slot + timedelta(seconds=1)) > now


@pytest.mark.parametrize(
    ("fire", "label"),
    [
        (utc(2024, 3, 25, 8), "Mon 01 Apr 2024 09:00 CEST"),
        (utc(2024, 4, 1, 7), "Mon 08 Apr 2024 09:00 CEST"),
        (utc(2024, 10, 28, 8), "Mon 04 Nov 2024 09:00 CET"),
    ],
)
async def test_the_scheduler_runs_the_job_at_the_local_time(fire, label):
    fired = asyncio.Event()
    at: list[datetime] = []
    labels: list[datetime | None] = []

    async def post() -> None:
        at.append(datetime.now(UTC))
        fired.set()

    with time_machine.travel(fire - timedelta(seconds=0.3), tick=True):
        scheduler = start_digest_scheduler(weekly(), post, on_next=labels.append)
        try:
            await asyncio.wait_for(fired.wait(), 3)
        finally:
            scheduler.shutdown(wait=False)
    assert fire <= at[0] < fire + timedelta(seconds=2)
    assert labels[0] == fire
    assert labels[-1].strftime("%a %d %b %Y %H:%M %Z") == label  # told the next run after this one


async def test_the_scheduler_does_not_fire_at_the_winter_hour_in_summer():
    fired = asyncio.Event()

    async def post() -> None:
        fired.set()

    # 08:00 UTC on Monday 1 April is 10:00 in Paris: the digest went out an hour before.
    with time_machine.travel(utc(2024, 4, 1, 8) - timedelta(seconds=0.3), tick=True):
        scheduler = start_digest_scheduler(weekly(), post)
        try:
            with pytest.raises(TimeoutError):
                await asyncio.wait_for(fired.wait(), 0.6)
        finally:
            scheduler.shutdown(wait=False)


# -- the exactly-once rule ----------------------------------------------------------------


def test_no_catch_up_before_any_digest():
    assert d.catch_up(None, paris(2024, 3, 27, 10), MON, TIME, TZ) is None


def test_no_catch_up_when_the_last_scheduled_digest_went_out():
    assert d.catch_up(paris(2024, 3, 25, 9, 0, 2), paris(2024, 3, 25, 9, 5), MON, TIME, TZ) is None
    assert d.catch_up(paris(2024, 3, 25, 9), paris(2024, 4, 1, 8, 59), MON, TIME, TZ) is None
    # Posted by hand after the scheduled time: that one counts.
    assert d.catch_up(paris(2024, 3, 26, 12), paris(2024, 3, 28), MON, TIME, TZ) is None


def test_a_missed_digest_is_one_period_from_the_last_one_to_now_however_many_weeks():
    last, now = paris(2024, 3, 4, 9), paris(2024, 3, 27, 10)  # three Mondays missed
    assert d.catch_up(last, now, MON, TIME, TZ) == d.Period(last, now)
    # Due from the scheduled minute itself.
    assert d.catch_up(paris(2024, 3, 18, 9), paris(2024, 3, 25, 9), MON, TIME, TZ) is not None
    assert d.catch_up(paris(2024, 3, 18, 9), paris(2024, 3, 25, 8, 59, 59), MON, TIME, TZ) is None


def test_catch_up_follows_the_local_time_across_daylight_saving():
    # The digest of Monday 25 March went out at 09:00 CET; the next is due at 09:00 CEST,
    # which is 07:00 UTC: at 07:30 UTC on 1 April it is due, at 06:59 it is not.
    last = paris(2024, 3, 25, 9)
    assert d.catch_up(last, utc(2024, 4, 1, 6, 59), MON, TIME, TZ) is None
    assert d.catch_up(last, utc(2024, 4, 1, 7, 30), MON, TIME, TZ) == d.Period(last, utc(2024, 4, 1, 7, 30))


# -- start-up and the job, on a real store ------------------------------------------------


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(data_dir=tmp_path / "data", digest_day=MON, digest_time=TIME, digest_tz=TZ)


class Channel:
    """Where digests are delivered: a list, or a failure when asked."""

    def __init__(self) -> None:
        self.posts: list[list] = []
        self.failing = False

    async def deliver(self, replies) -> None:
        if self.failing:
            raise ConnectionError("discord is down")
        self.posts.append(list(replies))


async def running(settings: Settings) -> Service:
    service = Service(settings, extractor=object())
    await service.start()
    return service


def prepare(settings: Settings, marker: datetime | None = None, *more: tuple[str, str]) -> None:
    with Store(settings.db_dir) as store:
        fill_week(store)
        for id_, ingested in more:
            store.save_article(article(id_, ingested, countries=("IT",)), "t",
                               [meeting("IT", "FR", ingested[:10])], [])
        if marker:
            d.record_digest(store, marker)


def marker_of(settings: Settings) -> datetime | None:
    with Store(settings.db_dir) as store:
        return d.read_marker(store)


async def test_a_digest_missed_while_down_is_posted_once_at_start_and_not_again(settings):
    prepare(settings, paris(2024, 3, 11, 9), ("f60006", "2024-03-26T10:00:00+00:00"))
    channel = Channel()
    with time_machine.travel(utc(2024, 3, 27, 10), tick=False) as clock:
        service = await running(settings)
        period = await run_due_digest(service, channel.deliver)
        await service.close()
        # Down over two Mondays: one digest, covering every article since the last one.
        assert len(channel.posts) == 1
        assert period == d.Period(paris(2024, 3, 11, 9), utc(2024, 3, 27, 10))
        assert "6 articles (previous period: 0)" in channel.posts[0][0].summary
        assert marker_of(settings) == utc(2024, 3, 27, 10)

        clock.move_to(utc(2024, 3, 27, 10, 5))  # a restart
        service = await running(settings)
        assert await run_due_digest(service, channel.deliver) is None
        await service.close()
        assert len(channel.posts) == 1


async def test_the_next_scheduled_digest_starts_where_the_catch_up_ended(settings):
    prepare(settings, paris(2024, 3, 11, 9), ("f60006", "2024-03-26T10:00:00+00:00"),
            ("g70007", "2024-03-29T10:00:00+00:00"))
    channel = Channel()
    with time_machine.travel(utc(2024, 3, 27, 10), tick=False) as clock:
        service = await running(settings)
        try:
            first = await run_due_digest(service, channel.deliver)
            clock.move_to(paris(2024, 4, 1, 9))
            second = await digest_job(service, channel.deliver)
            assert await digest_job(service, channel.deliver) is None  # a repeated run
        finally:
            await service.close()
    assert first.until == second.since and second.until == paris(2024, 4, 1, 9)
    assert "1 article (previous period: 3)" in channel.posts[1][0].summary  # g70007 only
    first_text = "\n".join(e.body for r in channel.posts[0] for e in r.entries)
    second_text = "\n".join(e.body for r in channel.posts[1] for e in r.entries)
    assert "g70007" not in first_text and "g70007" in second_text
    assert "f60006" in first_text and "f60006" not in second_text


async def test_a_restart_right_after_the_weekly_digest_does_not_repeat_it(settings):
    prepare(settings, paris(2024, 3, 25, 9, 0, 3))
    channel = Channel()
    with time_machine.travel(paris(2024, 3, 25, 9, 10), tick=False):
        service = await running(settings)
        try:
            assert await run_due_digest(service, channel.deliver) is None
        finally:
            await service.close()
    assert channel.posts == []


async def test_a_failed_delivery_leaves_the_marker_for_the_next_start(settings):
    prepare(settings, paris(2024, 3, 18, 9))
    channel = Channel()
    channel.failing = True
    with time_machine.travel(paris(2024, 3, 26, 9), tick=False):
        service = await running(settings)
        try:
            with pytest.raises(ConnectionError):
                await run_due_digest(service, channel.deliver)
            assert d.read_marker(service.store) == paris(2024, 3, 18, 9)
            channel.failing = False
            assert await run_due_digest(service, channel.deliver) is not None
        finally:
            await service.close()
    assert len(channel.posts) == 1


async def test_a_fresh_database_starts_counting_from_the_last_scheduled_time(settings):
    prepare(settings)
    channel = Channel()
    with time_machine.travel(paris(2024, 3, 20, 12), tick=False) as clock:
        service = await running(settings)
        try:
            assert await run_due_digest(service, channel.deliver) is None
            assert d.read_marker(service.store) == paris(2024, 3, 18, 9)
            clock.move_to(paris(2024, 3, 25, 9))
            period = await digest_job(service, channel.deliver)
        finally:
            await service.close()
    assert period == d.Period(paris(2024, 3, 18, 9), paris(2024, 3, 25, 9))
    assert "3 articles (previous period: " in channel.posts[0][0].summary  # from a30003, stamped at 09:00 sharp


async def test_an_early_timer_waits_for_the_scheduled_second(settings):
    prepare(settings, paris(2024, 3, 18, 9))
    channel = Channel()
    with time_machine.travel(paris(2024, 3, 25, 8, 59, 59, 600_000), tick=True):
        service = await running(settings)
        try:
            period = await digest_job(service, channel.deliver)
        finally:
            await service.close()
    assert period.until == paris(2024, 3, 25, 9)


async def test_concurrent_runs_post_one_digest(settings):
    prepare(settings, paris(2024, 3, 18, 9))
    channel = Channel()
    with time_machine.travel(paris(2024, 3, 25, 9), tick=False):
        service = await running(settings)
        try:
            results = await asyncio.gather(digest_job(service, channel.deliver), run_due_digest(service, channel.deliver))
        finally:
            await service.close()
    assert sum(r is not None for r in results) == 1 and len(channel.posts) == 1


async def test_digest_post_command_moves_the_marker_only_without_dates(settings):
    prepare(settings, paris(2024, 3, 18, 9))
    channel = Channel()
    with time_machine.travel(paris(2024, 3, 22, 18), tick=False) as clock:
        service = await running(settings)
        try:
            ctx = service.context(is_admin=True)
            dated = registry.run("digest", ctx, {"since": "2024-03-01", "until": "2024-03-20", "action": "post"})
            assert await post_command_digest(service, dated, channel.deliver) is None
            assert d.read_marker(service.store) == paris(2024, 3, 18, 9)

            due = registry.run("digest", ctx, {"action": "post"})
            period = await post_command_digest(service, due, channel.deliver)
            assert period.until == paris(2024, 3, 22, 18)
            assert d.read_marker(service.store) == paris(2024, 3, 22, 18)

            # Monday's digest covers what came after the one posted by hand.
            clock.move_to(paris(2024, 3, 25, 9))
            monday = await digest_job(service, channel.deliver)
        finally:
            await service.close()
    assert monday.since == paris(2024, 3, 22, 18)
    assert [len(p) > 0 for p in channel.posts] == [True, True, True]
    assert "quiet week" in channel.posts[2][0].title


async def test_the_digest_is_written_in_the_locale_setting(tmp_path):
    """LOCALE=fr: the weekly digest goes out in French, its period with French day and month names."""
    settings = Settings(data_dir=tmp_path / "data", digest_day=MON, digest_time=TIME, digest_tz=TZ, locale="fr")
    prepare(settings, paris(2024, 3, 11, 9))
    channel = Channel()
    with time_machine.travel(utc(2024, 3, 18, 10), tick=False):
        service = await running(settings)
        await run_due_digest(service, channel.deliver)
        await service.close()
    (overview, *sections) = channel.posts[0]
    assert overview.title.startswith("Synthèse hebdomadaire · lun. 11 mars 2024 09:00 → ")
    assert overview.summary.startswith(
        "Arrivé depuis la dernière synthèse (lun. 11 mars 09:00)\n2 articles (période précédente : 0)\n"
        "2 rencontres : 2 tenue(s), 0 prévue(s)")
    assert any(s.title.startswith("Rencontres par paire de pays") for s in sections)
