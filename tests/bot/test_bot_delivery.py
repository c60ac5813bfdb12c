"""What the bot posts in channels, through discord.py's real HTTP and gateway code and the
Discord stand-in: the weekly digest with its picture, and a channel that is missing or
closed to the bot (logged once, the bot goes on)."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

import discord
import pytest
import yarl

from bot.discord_app import DiplowatchBot
from diplowatch.config import load_settings
from handlers.replies import Entry, Reply
from handlers.service import Service
from storage import Store
from tests.bot_helpers import SEEDS as SEED_DIR
from tests.discord_standin import DiscordStandIn, World

pytestmark = pytest.mark.timeout(90)
PNG = b"\x89PNG\r\n\x1a\n"


async def running_bot(api: DiscordStandIn, settings, extractor) -> DiplowatchBot:
    bot = DiplowatchBot(settings, Service(settings, extractor=extractor))
    task = asyncio.create_task(bot.start(api.world.token))
    await asyncio.wait_for(bot.wait_until_ready(), 30)
    bot._test_task = task
    return bot


async def stop(bot: DiplowatchBot) -> None:
    await bot.close()
    await asyncio.gather(bot._test_task, return_exceptions=True)


def settings_for(api: DiscordStandIn, tmp_path, **extra):
    world = api.world
    drop = tmp_path / "drop"
    drop.mkdir(exist_ok=True)
    return load_settings(
        discord_token=world.token, discord_guild_id=world.guild_id,
        alert_channel_id=world.channel("diplo-news").id, drop_dir=drop, data_dir=tmp_path / "data",
        discord_api_base=api.base_url, discord_gateway_url=api.gateway_url, settle_seconds=0.1, **extra,
    )


async def quiet(api: DiscordStandIn, channel_id: int, settle: float = 2.0, timeout: float = 30) -> int:
    """Wait until no message has reached the channel for `settle` seconds; their number."""
    path = f"/channels/{channel_id}/messages"
    count, still = len(api.find_requests("POST", path)), 0.0
    deadline = asyncio.get_running_loop().time() + timeout
    while still < settle and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.25)
        now = len(api.find_requests("POST", path))
        still = still + 0.25 if now == count else 0.0
        count = now
    return count


@pytest.fixture
def pointed(monkeypatch):
    def point(api: DiscordStandIn) -> None:
        monkeypatch.setattr(discord.http.Route, "BASE", api.base_url)
        monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(api.gateway_url))

    return point


async def test_a_digest_missed_while_down_arrives_with_its_picture(tmp_path, extractor, pointed):
    world = World.default()
    digest_channel = world.add_channel("digest")
    async with DiscordStandIn(world) as api:
        pointed(api)
        settings = settings_for(api, tmp_path, digest_channel_id=digest_channel.id)
        # A week of articles, and a last digest two weeks ago: the bot was down on Monday.
        seeds = sorted(SEED_DIR.glob("*.txt"))
        for seed in seeds:
            (settings.drop_dir / seed.name).write_bytes(seed.read_bytes())
        with Store(settings.db_dir) as store:
            from handlers.ingest import ingest_file

            for seed in seeds:
                ingest_file(store, extractor, settings.drop_dir / seed.name)
            store.set_state("last_digest_at", (datetime.now(UTC) - timedelta(days=14)).isoformat())
        bot = await running_bot(api, settings, extractor)
        try:
            posted = await api.wait_for_messages(digest_channel.id, count=1, timeout=30)
            first = posted[0]
            assert first["embeds"], "the digest is embeds"
            assert any(a["filename"].endswith(".png") for a in first["attachments"])
            request = next(r for r in api.find_requests("POST", f"/channels/{digest_channel.id}/messages") if r.files)
            assert request.files[0].data.startswith(PNG)
            assert request.json["allowed_mentions"] == {"parse": []}
            text = " ".join(str(e) for e in first["embeds"])
            assert "Kazakhstan" in text
            # One digest, one place: the overview in the channel, its sections in a thread on it.
            (started,) = await api.wait_for_request("POST", "/channels/{channel_id}/messages/{message_id}/threads")
            assert started.path.endswith(f"/messages/{first['id']}/threads")
            sections = await api.wait_for_messages(int(first["id"]), count=1, timeout=30)
            assert sections and all(len(m["embeds"]) <= 10 for m in sections)
            assert await quiet(api, int(first["id"])) == len(sections) <= 2
            assert await quiet(api, digest_channel.id) == 1  # the whole digest, then the marker
        finally:
            await stop(bot)
        # A restart right after does not post it again.
        before = len(api.find_requests("POST", f"/channels/{digest_channel.id}/messages"))
        bot = await running_bot(api, settings, extractor)
        try:
            await asyncio.sleep(1.5)
            assert len(api.find_requests("POST", f"/channels/{digest_channel.id}/messages")) == before
        finally:
            await stop(bot)


async def test_without_threads_the_digest_sections_are_packed_in_the_channel(tmp_path, extractor, pointed):
    world = World.default()
    digest_channel = world.add_channel("digest")
    digest_channel.no_threads = True  # the bot lacks Create Public Threads there
    async with DiscordStandIn(world) as api:
        pointed(api)
        settings = settings_for(api, tmp_path, digest_channel_id=digest_channel.id)
        with Store(settings.db_dir) as store:
            from handlers.ingest import ingest_file

            for seed in sorted(SEED_DIR.glob("*.txt")):
                (settings.drop_dir / seed.name).write_bytes(seed.read_bytes())
                ingest_file(store, extractor, settings.drop_dir / seed.name)
            store.set_state("last_digest_at", (datetime.now(UTC) - timedelta(days=14)).isoformat())
        bot = await running_bot(api, settings, extractor)
        try:
            await api.wait_for_messages(digest_channel.id, count=1, timeout=30)
            posted = await quiet(api, digest_channel.id)
            messages = await api.wait_for_messages(digest_channel.id, count=posted)
            # The overview, then every section in as few messages as Discord's limits allow.
            assert 2 <= posted <= 3 and all(len(m["embeds"]) <= 10 for m in messages)
            assert len(messages[1]["embeds"]) > 1
        finally:
            await stop(bot)


async def test_missing_channel_and_permission_are_logged_once_and_the_bot_goes_on(tmp_path, extractor, pointed, caplog):
    async with DiscordStandIn(World.default()) as api:
        pointed(api)
        settings = settings_for(api, tmp_path)
        bot = await running_bot(api, settings, extractor)
        caplog.set_level(logging.WARNING, logger="bot.sender")
        note = Reply(title="Test", entries=(Entry("@everyone", "<@&456> **gras**"),))
        try:
            unknown, forbidden = 4040404040404040404, api.world.channel("read-only").id
            assert not await bot.sender.post(unknown, note)
            assert not await bot.sender.post(unknown, note)
            assert not await bot.sender.post(forbidden, note)
            assert not await bot.sender.post(forbidden, note)
            warnings = [r.getMessage() for r in caplog.records]
            assert sum("unknown channel" in w for w in warnings) == 1
            assert sum("missing permission" in w for w in warnings) == 1
            # A rate limit on the next send is waited out, and the message lands once.
            good = api.world.channel("general").id
            api.inject_rate_limit("POST", f"/channels/{good}/messages", retry_after=0.3)
            assert await bot.sender.post(good, note)
            statuses = [r.status for r in api.find_requests("POST", f"/channels/{good}/messages")]
            assert statuses == [429, 200]
        finally:
            await stop(bot)


# -- a burst of files ---------------------------------------------------------------------

# Sentences written for this test: seven about Kazakhstan (watched by a desk), twelve not.
KAZAKH_NEWS = "Le président kazakh Kassym-Jomart Tokaïev a reçu le {n} mai à Astana le ministre chinois Wang Yi."
OTHER_NEWS = "Le président brésilien Lula a rencontré le {n} mai à Brasilia le président argentin Javier Milei."


def write_burst(drop, kazakh: int, other: int) -> None:
    for n in range(1, kazakh + 1):
        title = f"Astana reçoit Pékin, épisode {n}"
        (drop / f"kz-{n:02d}.txt").write_text(f"{title}\n\n{KAZAKH_NEWS.format(n=n)}\n", encoding="utf-8")
    for n in range(1, other + 1):
        title = f"Brasilia et Buenos Aires, épisode {n}"
        (drop / f"br-{n:02d}.txt").write_text(f"{title}\n\n{OTHER_NEWS.format(n=n)}\n", encoding="utf-8")


async def test_a_burst_of_19_files_is_one_card_per_channel_edited_in_place(tmp_path, extractor, pointed):
    world = World.default()
    desk = world.add_channel("kazakh-desk")
    async with DiscordStandIn(world) as api:
        pointed(api)
        settings = settings_for(api, tmp_path)
        alerts = settings.alert_channel_id
        with Store(settings.db_dir) as store:
            store.add_watch(desk.id, "country:KZ")
        bot = await running_bot(api, settings, extractor)
        try:
            await asyncio.sleep(1.0)  # the first scan found an empty folder: what comes next is news
            write_burst(settings.drop_dir, kazakh=7, other=12)
            # The window is 60 s: the files come in a few batches, each edits the same message.
            (general,) = await api.wait_for_messages(alerts, count=1, timeout=60)
            (kazakh,) = await api.wait_for_messages(desk.id, count=1, timeout=30)
            loop = asyncio.get_running_loop()
            deadline = loop.time() + 60
            while loop.time() < deadline and general["embeds"][0]["title"] != "19 new articles":
                await asyncio.sleep(0.25)
            assert await quiet(api, alerts) == 1 and await quiet(api, desk.id) == 1
        finally:
            await stop(bot)
    card = general["embeds"][0]
    assert len(general["embeds"]) == 1 and card["title"] == "19 new articles", card["title"]
    lines = [line for line in card["description"].splitlines() if "épisode" in line]
    assert len(lines) == 19 and "more" not in card["description"]
    assert "Page" not in card.get("footer", {}).get("text", "")
    # One line per article: flags (never a code beside them), its title, how to open it.
    first = next(line for line in lines if "Astana reçoit Pékin, épisode 1 " in line)
    assert "🇰🇿" in first.split("Astana")[0] and "/article " in first and "KZ" not in first
    # The desk watching Kazakhstan hears of its seven only, in one card of its own.
    desk_card = kazakh["embeds"][0]
    assert desk_card["title"] == "7 new articles", desk_card["title"]
    assert sum("épisode" in line for line in desk_card["description"].splitlines()) == 7
    assert "Brasilia" not in desk_card["description"]
    # Every edit was accepted by the stand-in (which answers 400 beyond Discord's limits).
    edits = api.find_requests("PATCH", "/channels/{channel_id}/messages/{message_id}")
    assert all(r.status == 200 for r in edits), [r.status for r in edits]


async def until(condition, timeout: float = 60) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "timed out"
        await asyncio.sleep(0.25)


async def test_a_lone_file_is_alerted_at_once_and_the_next_one_edits_it_into_a_card(tmp_path, extractor, pointed):
    world = World.default()
    async with DiscordStandIn(world) as api:
        pointed(api)
        settings = settings_for(api, tmp_path)
        alerts = settings.alert_channel_id
        bot = await running_bot(api, settings, extractor)
        try:
            await asyncio.sleep(1.0)
            write_burst(settings.drop_dir, kazakh=1, other=0)
            (alert,) = await api.wait_for_messages(alerts, count=1, timeout=60)
            assert alert["embeds"][0]["title"] == "New article: Astana reçoit Pékin, épisode 1"
            (settings.drop_dir / "br-01.txt").write_text(f"Brasilia\n\n{OTHER_NEWS.format(n=1)}\n", encoding="utf-8")
            await until(lambda: alert["embeds"][0]["title"] == "2 new articles")
            assert len(api.find_requests("POST", f"/channels/{alerts}/messages")) == 1
            # A moderator deletes the card: the next article of the window posts it again.
            await api._delete_message(api.messages[int(alert["id"])])
            (settings.drop_dir / "br-02.txt").write_text(f"Buenos Aires\n\n{OTHER_NEWS.format(n=2)}\n", encoding="utf-8")
            await api.wait_for_messages(alerts, count=2, timeout=60)
            assert await quiet(api, alerts) == 2
        finally:
            await stop(bot)
    reposted = api.find_requests("POST", f"/channels/{alerts}/messages")[-1].json["embeds"][0]
    assert reposted["title"] == "3 new articles" and "Buenos Aires — /article" in reposted["description"]


async def test_alerts_queued_when_the_bot_stops_are_still_sent(tmp_path, extractor, pointed):
    world = World.default()
    async with DiscordStandIn(world) as api:
        pointed(api)
        settings = settings_for(api, tmp_path)
        bot = await running_bot(api, settings, extractor)
        alerts = settings.alert_channel_id
        posting = [
            asyncio.create_task(bot.sender.post(alerts, Reply(title=f"New article: dépêche {n}", tone="alert")))
            for n in range(3)
        ]
        await asyncio.sleep(0)  # queued, not sent yet
        await stop(bot)  # the ingest loop is cancelled first: what it queued is flushed
        await asyncio.gather(*posting, return_exceptions=True)
        titles = [m["embeds"][0]["title"] for m in await api.wait_for_messages(alerts, count=0, timeout=0.1)]
    assert titles == [f"New article: dépêche {n}" for n in range(3)]
