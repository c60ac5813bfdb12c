"""The slash command tree, checked without connecting (in the style of python-discord/bot's
test_command_name_collisions): register into the CommandTree of an unconnected client."""

from __future__ import annotations

import re

import discord
import pytest
from discord import app_commands

from bot import slash_commands
from bot.discord_app import DiplowatchBot
from diplowatch.config import load_settings
from handlers.registry import COMMANDS
from handlers.spec import COMPLETED_KINDS

NAME = re.compile(r"^[-_\w]{1,32}$")  # Discord's CHAT_INPUT name rule (lower case checked apart)


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    """The tree as setup_hook fills it, on a bot that never connects (nor starts its service)."""
    folder = tmp_path_factory.mktemp("tree")
    bot = DiplowatchBot(load_settings(data_dir=folder / "data", drop_dir=folder / "drop"))
    slash_commands.register(bot.tree, bot.service, bot.sender, set())
    yield bot.tree
    bot.service._writer.shutdown()
    bot.service._reader.shutdown()


def walk(commands):
    for command in commands:
        yield command
        if isinstance(command, app_commands.Group):
            yield from walk(command.commands)


def test_no_two_commands_share_a_name(tree):
    top = [c.name for c in tree.get_commands()]
    assert len(top) == len(set(top)), top
    for group in (c for c in walk(tree.get_commands()) if isinstance(c, app_commands.Group)):
        names = [c.name for c in group.commands]
        assert len(names) == len(set(names)), (group.name, names)


def _admin(tree, command) -> bool:
    top = tree.get_command(command.qualified_name.split(" ")[0])
    return top.default_permissions == discord.Permissions(manage_guild=True) and top.guild_only


def test_the_tree_and_the_table_are_equal_both_ways(tree):
    """Every command of the table is in the tree and nothing else is, with the same
    descriptions, options (required, described, choices, autocomplete) and permission."""
    from_tree = {
        c.qualified_name: (
            c.description,
            {p.display_name: (p.required, p.description, tuple(ch.value for ch in p.choices), bool(p.autocomplete))
             for p in c.parameters},
            _admin(tree, c),
        )
        for c in walk(tree.get_commands())
        if not isinstance(c, app_commands.Group)
    }
    sentence = slash_commands._sentence
    from_table = {
        c.name: (
            sentence(c.description),
            {p.name: (p.required, sentence(p.description), p.choices, p.kind in COMPLETED_KINDS)
             for p in c.params},
            c.admin,
        )
        for c in COMMANDS.values()
    }
    assert from_tree == from_table


def test_every_command_and_parameter_is_described(tree):
    for command in walk(tree.get_commands()):
        assert NAME.match(command.name) and command.name == command.name.lower(), command.name
        assert command.description and command.description != "…", command.qualified_name
        assert len(command.description) <= 100
        if isinstance(command, app_commands.Group):
            continue
        for param in command.parameters:
            assert NAME.match(param.display_name), (command.qualified_name, param.display_name)
            # discord.py fills an undescribed parameter with "…"
            assert param.description and param.description != "…", (command.qualified_name, param.name)
            assert len(param.description) <= 100


def test_admin_commands_are_hidden_by_default_from_non_admins(tree):
    for name in ("watch", "reingest"):
        command = tree.get_command(name)
        assert command.default_permissions == discord.Permissions(manage_guild=True), name
        assert command.guild_only
    assert tree.get_command("meetings").default_permissions is None


def test_subject_parameters_autocomplete(tree):
    for name, param in [("meetings", "subject"), ("meetings", "with"), ("quotes", "speaker"), ("timeline", "subject"),
                        ("graph", "country"), ("article", "id"), ("event", "id"), ("who", "person"),
                        ("upcoming", "subject"), ("export", "subject")]:
        (found,) = [p for p in tree.get_command(name).parameters if p.display_name == param]
        assert found.autocomplete, (name, param)


def _options(payload: dict):
    for option in payload.get("options", []):
        yield option
        yield from _options(option)


async def test_every_command_and_option_has_its_french_name_and_description(tree):
    """What setup_hook syncs: Discord shows French users French names and descriptions."""
    from bot.translator import SpecTranslator

    for command in tree.get_commands():
        payload = await command.get_translated_payload(tree, SpecTranslator())
        for item in [payload, *_options(payload)]:
            where = f"/{payload['name']} {item['name']}"
            fr_name = item.get("name_localizations", {}).get("fr")
            fr_description = item.get("description_localizations", {}).get("fr")
            assert fr_name and NAME.match(fr_name) and fr_name == fr_name.lower(), where
            assert fr_description and len(fr_description) <= 100, where
    meetings = await tree.get_command("meetings").get_translated_payload(tree, SpecTranslator())
    assert meetings["name_localizations"] == {"fr": "rencontres"}
    assert {o["name"]: o["name_localizations"]["fr"] for o in meetings["options"]}["with"] == "avec"
