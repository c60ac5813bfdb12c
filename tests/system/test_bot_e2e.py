"""`diplowatch run` as a separate process against the Discord stand-in: discord.py's real HTTP
and gateway code, the real spaCy model, a real TinyDB in a tmp folder.

One bot process serves the whole module (it loads its own model, ~5 s). The tests run in file
order and share its state: the drop folder starts with the two seeds (one backlog summary),
then each test drops the files it needs. The bot's stderr is printed on failure.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import signal
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from handlers.registry import COMMANDS
from tests.bot_helpers import SEEDS, BotProcess, embed_text
from tests.discord_standin import DiscordStandIn, World

pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.timeout(60)]

GUILD_COMMANDS = "/applications/{application_id}/guilds/{guild_id}/commands"
CHANNEL_MESSAGES = "/channels/{channel_id}/messages"
EPHEMERAL = 64

INDIA = """Le Kazakhstan et l'Inde renforcent leur partenariat

Le 12 juin 2024, le président kazakh Kassym-Jomart Tokaïev a rencontré à Astana le Premier ministre indien Narendra Modi. Les deux dirigeants ont évoqué le commerce, l'énergie et les corridors de transport entre l'Asie centrale et l'océan Indien. « Le Kazakhstan est un partenaire fiable », a déclaré Narendra Modi devant la presse.
"""

SUMMIT = """Paris and Berlin agree on a joint energy plan

On 4 June 2024, French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin. The two leaders discussed electricity interconnections, hydrogen and the budget of the European Union. "We will build this together," Emmanuel Macron said after the talks.
"""

GUESTS = [
    "Wang Yi", "Vladimir Poutine", "Emmanuel Macron", "Olaf Scholz", "Narendra Modi", "Shavkat Mirziyoïev",
    "Ilham Aliyev", "Antonio Guterres", "Recep Tayyip Erdogan", "Sadyr Japarov", "Charles Michel", "Fumio Kishida",
]  # fmt: skip


def hostile_article() -> str:
    """10,000 characters of mentions, markdown and a dozen meetings and quotes."""
    text = "@everyone **Sommet** <@123> <@&456> _Astana_ — le président kazakh reçoit ses homologues\n\n"
    text += "Le 3 juin 2024, à Astana. @here # Pas un titre\n\n"
    for i, name in enumerate(GUESTS):
        text += (
            f"Le {i + 3} juin 2024, le président kazakh Kassym-Jomart Tokaïev a rencontré {name} à Astana. "
            f"« Notre coopération numéro {i + 1} avec vos équipes est **essentielle** pour la région <@123> @everyone », "
            "a déclaré Kassym-Jomart Tokaïev lors de la conférence de presse commune, ajoutant que le Kazakhstan "
            "restait ouvert aux investissements et aux échanges culturels avec tous ses partenaires.\n\n"
        )
    filler = (
        "Les analystes notent que la diplomatie kazakhe cherche un équilibre entre ses grands voisins, "
        "et que les corridors de transport à travers la Caspienne gagnent en importance. "
    )
    while len(text) < 10_000:
        text += filler
    return text[:10_000]


class Env:
    """The running world: stand-in, bot process, folders and channel ids."""

    def __init__(self, api: DiscordStandIn, bot: BotProcess, drop: Path) -> None:
        self.api, self.bot, self.drop = api, bot, drop
        world = api.world
        self.alerts = world.channel("diplo-news").id
        self.desk = world.channel("india-desk").id
        self.digest = world.channel("digest").id

    def drop_file(self, name: str, text: str) -> Path:
        """Written under a hidden name, then renamed: the watcher only ever sees whole files."""
        hidden = self.drop / f".{name}"
        hidden.write_text(text, encoding="utf-8")
        final = self.drop / name
        os.replace(hidden, final)
        return final

    async def alerts_in(self, channel: int, count: int, timeout: float = 20) -> list[dict]:
        return await self.api.wait_for_messages(channel, count=count, timeout=timeout)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def env(tmp_path_factory) -> AsyncIterator[Env]:
    root = tmp_path_factory.mktemp("e2e")
    drop, data = root / "drop", root / "data"
    drop.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, drop / seed.name)
    world = World.default(interaction_deadline=3.0)  # Discord's acknowledgement rule
    world.add_channel("india-desk")
    world.add_channel("digest")
    async with DiscordStandIn(world) as api:
        bot_env = api.env(
            ALERT_CHANNEL_ID=world.channel("diplo-news").id,
            DIGEST_CHANNEL_ID=world.channel("digest").id,
            DROP_DIR=drop,
            DATA_DIR=data,
            SETTLE_SECONDS=0.2,
            RESCAN_SECONDS=1,
            # One story per file here, each with its own alert; a burst's card is tested in
            # tests/bot/test_bot_delivery.py.
            ALERT_WINDOW_SECONDS=0,
            LOG_LEVEL="INFO",
        )
        bot = await BotProcess(bot_env, cwd=root).start()
        try:
            try:
                await api.wait_for_request("PUT", GUILD_COMMANDS, timeout=30)
                await api.wait_until_identified(timeout=15)
            except AssertionError as exc:
                raise AssertionError(f"{exc}\n--- bot stderr ---\n{bot.tail()}") from None
            yield Env(api, bot, drop)
        finally:
            code = await bot.stop()
            if code not in (0, None):
                print(f"bot exited with {code}\n--- bot stderr ---\n{bot.tail()}")


@pytest.fixture(autouse=True)
def show_bot_log_on_failure(env: Env):
    """Printed at teardown: pytest shows it only for a failing test."""
    start = len(env.bot.stderr)
    yield
    during = env.bot.stderr[start:].decode(errors="replace")
    print("--- bot stderr during this test ---" if during else "--- bot stderr (last lines) ---")
    print(during[-8000:] or env.bot.tail(40))


async def ask(env: Env, name: str, options: dict | None = None, **kwargs) -> tuple[dict, object]:
    handle = await env.api.send_interaction(name, options, **kwargs)
    return await handle.wait_response(15), handle


# -- start-up ---------------------------------------------------------------------------


async def test_commands_are_synced_to_the_guild_in_setup_hook(env: Env):
    api = env.api
    (put,) = api.find_requests("PUT", GUILD_COMMANDS)
    assert put.path == f"/applications/{api.world.application_id}/guilds/{api.world.guild_id}/commands"
    assert not api.find_requests("PUT", "/applications/{application_id}/commands")  # nothing global
    sent = {c["name"]: c for c in put.json}
    assert set(sent) == {name.split(" ")[0] for name in COMMANDS}  # every command of the table ("watch add" in /watch)
    assert api.identify_count == 1  # one start, one sync

    def options(command):
        for option in command.get("options", []):
            yield option
            yield from options(option)

    for command in put.json:
        assert command["description"], command["name"]
        for option in options(command):
            assert option["description"] and option["description"] != "…", (command["name"], option["name"])
    meetings = {o["name"]: o for o in sent["meetings"]["options"]}
    assert list(meetings) == ["subject", "with", "since", "until"]
    assert meetings["subject"]["required"] and meetings["subject"]["autocomplete"]
    assert {o["name"] for o in sent["watch"]["options"]} == {"add", "remove", "list"}
    assert int(sent["watch"]["default_member_permissions"]) == 1 << 5  # Manage Server


async def test_backlog_is_one_summary_then_each_new_file_one_alert(env: Env):
    (summary,) = await env.alerts_in(env.alerts, 1, timeout=40)
    embed = summary["embeds"][0]
    assert embed["title"] == "2 articles read from the existing folder"
    assert len(embed["fields"]) == 2 and not summary["content"]

    env.drop_file("paris-berlin.txt", SUMMIT)
    messages = await env.alerts_in(env.alerts, 2)
    # The sender is one ordered queue: had the backlog been one alert per file, those
    # would have come before this one.
    assert len(messages) == 2
    alert = messages[1]["embeds"][0]
    assert alert["title"] == "New article: Paris and Berlin agree on a joint energy plan"
    assert "Macron" in embed_text(messages[1]) and "Scholz" in embed_text(messages[1])
    assert alert["footer"]["text"].startswith("/article ")
    assert not await env.api.wait_for_messages(env.desk, count=0, timeout=0.1)  # nothing watched yet


# -- commands -----------------------------------------------------------------------------


async def test_meetings_of_kazakhstan_lists_the_seed_meetings(env: Env):
    answer, handle = await ask(env, "meetings", {"subject": "kazakhstan"}, user="member")
    assert answer["type"] in (4, 5)
    body = answer["data"]
    assert not (body.get("flags") or 0) & EPHEMERAL
    assert body["allowed_mentions"] == {"parse": []}
    embed = body["embeds"][0]
    assert "Kazakhstan" in embed["title"]
    headings = [f["name"] for f in embed["fields"]]
    assert any("Kassym-Jomart Tokaïev" in h and ("Xi Jinping" in h or "Wang Yi" in h) for h in headings), headings


async def test_meetings_of_a_person_by_another_spelling(env: Env):
    answer, _ = await ask(env, "meetings", {"subject": "Tokayev"})
    embed = answer["data"]["embeds"][0]
    assert embed["title"] == "Meetings of Kassym-Jomart Tokaïev"
    assert any("Wang Yi" in f["name"] or "Xi Jinping" in f["name"] for f in embed["fields"])


async def test_autocomplete_answers_with_at_most_25_choices(env: Env):
    answer, _ = await ask(env, "meetings", {"subject": "kazakh"}, type=4)
    assert answer["type"] == 8
    choices = answer["data"]["choices"]
    assert 0 < len(choices) <= 25
    assert choices[0]["value"] == "Kazakhstan" and "Kazakhstan" in choices[0]["name"]
    for typed in ("", "a"):
        answer, _ = await ask(env, "meetings", {"subject": typed}, type=4)
        choices = answer["data"]["choices"]
        assert 0 < len(choices) <= 25 and all(0 < len(c["name"]) <= 100 for c in choices)
    # A person the store has seen is offered too.
    answer, _ = await ask(env, "quotes", {"speaker": "wang"}, type=4)
    assert "Wang Yi" in [c["value"] for c in answer["data"]["choices"]]


@pytest.mark.parametrize("typed", ["kazakhztan", "Zorglub"])
async def test_unknown_subject_gets_an_ephemeral_helpful_answer(env: Env, typed):
    answer, _ = await ask(env, "meetings", {"subject": typed}, user="member")
    body = answer["data"]
    assert body["flags"] & EPHEMERAL
    embed = body["embeds"][0]
    assert embed["title"] == "Unknown name" and typed in embed["description"]
    if typed == "kazakhztan":
        assert "did you mean" in embed["description"] and "Kazakhstan" in embed["description"]


# -- /watch and routing --------------------------------------------------------------------


async def test_watch_add_is_refused_to_members_and_routes_for_admins(env: Env):
    refused, _ = await ask(env, "watch add", {"subject": "india"}, user="member", channel_id="india-desk")
    assert refused["type"] == 4 and refused["data"]["flags"] & EPHEMERAL
    assert refused["data"]["embeds"][0]["title"] == "Not allowed"

    accepted, _ = await ask(env, "watch add", {"subject": "india"}, user="admin", channel_id="india-desk")
    assert accepted["data"]["flags"] & EPHEMERAL
    assert "now receives alerts about 🇮🇳 India" in accepted["data"]["embeds"][0]["description"]
    listed, _ = await ask(env, "watch list", user="admin", channel_id="india-desk")
    assert listed["data"]["embeds"][0]["description"] == "This channel follows: 🇮🇳 India"

    before = len(await env.api.wait_for_messages(env.alerts, count=0, timeout=0.1))
    title, _, text = INDIA.partition("\n\n")
    link = "https://www.agence.example/monde/kazakhstan-inde"
    env.drop_file("kazakhstan-inde.json", json.dumps({"title": title, "date": "2024-06-12", "text": text, "url": link}))
    (routed,) = await env.alerts_in(env.desk, 1)
    card = routed["embeds"][0]
    assert card["title"] == "New article: Le Kazakhstan et l'Inde renforcent leur partenariat"
    # The card links to the article, is dated by it and names where it comes from.
    assert card["url"] == link and card["timestamp"].startswith("2024-06-12")
    assert card["author"]["name"] == "agence.example"
    # The alert channel follows nothing in particular, so it still hears of everything.
    general = await env.alerts_in(env.alerts, before + 1)
    assert general[-1]["embeds"][0]["title"] == routed["embeds"][0]["title"]


# -- hostile text ----------------------------------------------------------------------------


async def test_mentions_markdown_and_10000_characters_stay_within_limits(env: Env):
    api = env.api
    before = len(await api.wait_for_messages(env.alerts, count=0, timeout=0.1))
    text = hostile_article()
    assert len(text) == 10_000
    env.drop_file("sommet-astana.txt", text)
    messages = await env.alerts_in(env.alerts, before + 1)
    alert = messages[before]
    title = alert["embeds"][0]["title"]
    assert title.startswith("New article: @\u200beveryone \\*\\*Sommet\\*\\*"), title
    shown = "\n".join(embed_text(m) for m in messages[before:])
    assert "@everyone" not in shown and "@here" not in shown
    assert "**" not in shown.replace("\\*\\*", "")
    assert "Wang Yi" in shown and "Fumio Kishida" in shown  # a dozen meetings made it, over pages
    # Every message the bot posted was accepted (the stand-in answers 400 beyond Discord's
    # limits) and pinged nobody.
    posts = api.find_requests("POST", CHANNEL_MESSAGES)
    assert posts and all(p.status == 200 for p in posts), [(p.status, p.path) for p in posts if p.status != 200]
    assert all(p.json["allowed_mentions"] == {"parse": []} for p in posts)
    for message in messages[before:]:
        assert len(message["embeds"]) <= 10
        assert sum(len(embed_text({"embeds": [e]})) for e in message["embeds"]) <= 6000


# -- paging -----------------------------------------------------------------------------------


def buttons(message: dict) -> dict[str, dict]:
    return {b["label"]: b for row in message.get("components") or [] for b in row["components"]}


async def test_long_answer_pages_with_buttons_only_for_the_caller(env: Env):
    api = env.api
    answer, handle = await ask(env, "meetings", {"subject": "Tokaïev"}, user="admin")
    first = answer["data"]["embeds"][0]
    # The footer may start with "Still reading the drop folder: …" while another test's file is read.
    assert "Page 1/" in first["footer"]["text"], first["footer"]
    pages = int(first["footer"]["text"].rsplit("/", 1)[1])
    assert pages >= 2
    original = handle.original
    controls = buttons(original)
    assert set(controls) == {"≪", "‹", "›", "≫"}
    assert controls["≪"]["disabled"] and controls["‹"]["disabled"] and not controls["›"].get("disabled")

    intruder = await api.send_interaction(type=3, custom_id=controls["›"]["custom_id"], message=original, user="member")
    refused = await intruder.wait_response(10)
    assert refused["type"] == 4 and refused["data"]["flags"] & EPHEMERAL
    assert "belong to the person who asked" in refused["data"]["content"]
    assert api.messages[int(original["id"])]["embeds"][0]["footer"]["text"].endswith(f"Page 1/{pages}")

    click = await api.send_interaction(type=3, custom_id=controls["›"]["custom_id"], message=original, user="admin")
    turned = await click.wait_response(10)
    assert turned["type"] == 7  # UPDATE_MESSAGE: the same message, edited
    live = api.messages[int(original["id"])]
    assert live["embeds"][0]["footer"]["text"].endswith(f"Page 2/{pages}")
    assert live["embeds"][0]["fields"] != first["fields"]
    assert not buttons(live)["‹"].get("disabled")

    last = await api.send_interaction(type=3, custom_id=controls["≫"]["custom_id"], message=live, user="admin")
    await last.wait_response(10)
    assert api.messages[int(original["id"])]["embeds"][0]["footer"]["text"].endswith(f"Page {pages}/{pages}")
    assert buttons(api.messages[int(original["id"])])["›"]["disabled"]


async def test_a_digest_preview_is_one_paginated_message_for_the_asker(env: Env):
    answer, handle = await ask(env, "digest", user="member")
    await asyncio.sleep(1)  # anything more would come now
    if answer["type"] == 4:  # answered at once
        data = answer["data"]
        assert not handle.followups
    else:  # deferred ("thinking…"), then one followup and nothing more
        (data,) = handle.followups
    assert data["flags"] & EPHEMERAL
    first = data["embeds"][0]
    total = int(first["footer"]["text"].rsplit("/", 1)[1])
    assert total >= 3 and set(buttons(data)) == {"≪", "‹", "›", "≫"}  # overview, pairs, speakers…
    assert first["title"].startswith("Weekly digest")


# -- a slow command: deferred, then edited ------------------------------------------------------


async def test_reingest_defers_and_ends_with_the_total(env: Env):
    refused, _ = await ask(env, "reingest", user="member")
    assert refused["type"] == 4 and refused["data"]["flags"] & EPHEMERAL
    assert refused["data"]["embeds"][0]["title"] == "Not allowed"

    answer, handle = await ask(env, "reingest", user="admin")
    assert answer["type"] == 5 and answer["finished_by"] == "edit_original"  # "thinking…" first

    def final(edit) -> bool:
        return any(e.get("title") == "Articles read again" for e in edit.get("embeds") or [])

    await env.api._wait(lambda: any(final(e) for e in handle.edits), 30, "the final edit")
    # Progress edits may come first, never after the result, which says what changed.
    assert final(handle.edits[-1]) and not handle.original.get("content")
    summary = handle.original["embeds"][0]["description"]
    assert summary.startswith("5 article(s) read again") and "Meetings: " in summary and "→" in summary
    assert all(e["allowed_mentions"] == {"parse": []} for e in handle.edits)


# -- the end ------------------------------------------------------------------------------------


async def test_sigterm_stops_the_bot_cleanly(env: Env):
    assert not env.api.unknown_requests, env.api.unknown_requests
    assert env.bot.running, env.bot.tail()
    code = await env.bot.stop(signal.SIGTERM)  # what systemd, Docker and `kill` send
    log = env.bot.log
    assert env.bot.signals_sent == [signal.SIGTERM], log[-4000:]
    assert code == 0, log[-4000:]
    assert_clean(log)


def assert_clean(log: str) -> None:
    for bad in ("Traceback", "Task was destroyed", "never retrieved", "Unclosed client session", "Unclosed connector"):
        assert bad not in log, log[-4000:]


RESTART = """Astana hosts a Central Asian transport forum

On 20 June 2024, Kazakh President Kassym-Jomart Tokayev met Uzbek President Shavkat Mirziyoyev in Astana to discuss the Middle Corridor, rail links and water sharing along the Syr Darya.
"""


def _signal_masks(pid: int) -> str:
    """The process's ignored and blocked signals, as the kernel keeps them (for a failure message)."""
    with contextlib.suppress(OSError):
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
        return " ".join(line for line in lines if line.startswith(("SigIgn", "SigBlk", "SigCgt")))
    return ""


async def test_a_restart_does_not_announce_known_files_again(env: Env):
    """The second (and last) bot process: same folders, stopped with SIGINT (Ctrl-C)."""
    assert not env.bot.running
    api = env.api
    known = len(await api.wait_for_messages(env.alerts, count=0, timeout=0.1))
    bot = await BotProcess(env.bot.env, cwd=env.bot.cwd).start()
    try:
        await api.wait_for_request("PUT", GUILD_COMMANDS, count=2, timeout=30)
        await api._wait(lambda: api.identify_count == 2, 15, "the second IDENTIFY")
        env.drop_file("astana-forum.txt", RESTART)
        messages = await env.alerts_in(env.alerts, known + 1, timeout=40)
        # Ordered queue: any re-announcement of the files already read would come first.
        assert len(messages) == known + 1
        assert messages[-1]["embeds"][0]["title"] == "New article: Astana hosts a Central Asian transport forum"
        answer, _ = await ask(env, "status")
        assert "Articles: 6" in answer["data"]["embeds"][0]["description"]
    except BaseException:
        print(f"--- second bot's stderr ---\n{bot.tail()}")
        raise
    finally:
        masks = _signal_masks(bot.proc.pid)
        code = await bot.stop(signal.SIGINT)
    assert bot.signals_sent == [signal.SIGINT] and code == 0, f"{masks}\n{bot.tail()}"
    assert_clean(bot.log)
