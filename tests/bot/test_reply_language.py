"""A slash command answers in its user's Discord language: French labels, country names and
places for a French client, English for the others; through discord.py's real HTTP and
gateway code and the Discord stand-in."""

from __future__ import annotations

import pytest

from storage import Store
from tests.bot.test_bot_delivery import pointed, running_bot, settings_for, stop  # noqa: F401 (fixture)
from tests.bot_helpers import add_article, embed_text, meeting, person
from tests.discord_standin import DiscordStandIn, World

pytestmark = pytest.mark.timeout(90)
GUILD_COMMANDS = "/applications/{application_id}/guilds/{guild_id}/commands"


def store_two_visits(store: Store) -> None:
    """Two articles, one writing the place in French, one in English: a reply names it once."""
    add_article(
        store, "Le président kazakh reçoit le ministre chinois",
        "Le 20 mai 2024, Kassym-Jomart Tokaïev a reçu Wang Yi à Astana.", published="2024-05-20",
        meetings=[meeting(person("Kassym-Jomart Tokaïev", "KZ"), person("Wang Yi", "CN"), date="2024-05-20", place="Astana")],
        countries=["KZ", "CN"], people=["Kassym-Jomart Tokaïev", "Wang Yi"],
    )
    add_article(
        store, "Tokayev to travel in June", "Kassym-Jomart Tokayev will meet Vladimir Putin in Moscow in June 2024.",
        published="2024-05-22", language="en",
        meetings=[meeting(person("Kassym-Jomart Tokayev", "KZ"), person("Vladimir Putin", "RU"), date="2024-06",
                          place="Moscow", status="planned")],
        countries=["KZ", "RU"], people=["Kassym-Jomart Tokayev", "Vladimir Putin"],
    )


async def test_meetings_answer_in_the_language_of_the_user(tmp_path, extractor, pointed):  # noqa: F811
    world = World.default()
    async with DiscordStandIn(world) as api:
        pointed(api)
        settings = settings_for(api, tmp_path, locale="en")  # channel posts in English: the user decides
        with Store(settings.db_dir) as store:
            store_two_visits(store)
        bot = await running_bot(api, settings, extractor)
        try:
            await api.wait_for_request("PUT", GUILD_COMMANDS, timeout=30)
            french = await api.send_interaction("meetings", {"subject": "kazakhstan"}, user="member", locale="fr")
            english = await api.send_interaction("meetings", {"subject": "kazakhstan"}, user="member", locale="en-US")
            fr_text = embed_text((await french.wait_response(15))["data"])
            en_text = embed_text((await english.wait_response(15))["data"])
        finally:
            await stop(bot)
    assert "Rencontres de 🇰🇿 Kazakhstan" in fr_text
    assert "2 rencontre(s) : 1 tenue(s), 1 prévue(s)" in fr_text
    assert "rencontre tenue" in fr_text and "rencontre prévue" in fr_text and "Moscou" in fr_text
    assert "Moscow" not in fr_text and "held" not in fr_text
    assert "Meetings of 🇰🇿 Kazakhstan" in en_text
    assert "2 meeting(s): 1 held, 1 planned" in en_text
    assert "held meeting" in en_text and "planned meeting" in en_text and "Moscow" in en_text
    assert "Moscou" not in en_text and "rencontre" not in en_text


async def test_an_error_answers_in_the_language_of_the_user(tmp_path, extractor, pointed):  # noqa: F811
    world = World.default()
    async with DiscordStandIn(world) as api:
        pointed(api)
        settings = settings_for(api, tmp_path, locale="en")
        bot = await running_bot(api, settings, extractor)
        try:
            await api.wait_for_request("PUT", GUILD_COMMANDS, timeout=30)
            french = await api.send_interaction("meetings", {"subject": "Narnia"}, user="member", locale="fr")
            fr_text = embed_text((await french.wait_response(15))["data"])
        finally:
            await stop(bot)
    assert "Nom inconnu" in fr_text and "Aucun pays ni personne nommé « Narnia »" in fr_text


async def test_autocomplete_names_countries_in_the_language_of_the_user(tmp_path, extractor, pointed):  # noqa: F811
    world = World.default()
    async with DiscordStandIn(world) as api:
        pointed(api)
        settings = settings_for(api, tmp_path, locale="en")
        with Store(settings.db_dir) as store:
            store_two_visits(store)
        bot = await running_bot(api, settings, extractor)
        try:
            await api.wait_for_request("PUT", GUILD_COMMANDS, timeout=30)
            french = await api.send_interaction("meetings", {"subject": "chin"}, type=4, focused="subject", locale="fr")
            wang = await api.send_interaction("meetings", {"subject": "wang"}, type=4, focused="subject", locale="fr")
            fr_choices = (await french.wait_response(15))["data"]["choices"]
            wang_choices = (await wang.wait_response(15))["data"]["choices"]
        finally:
            await stop(bot)
    assert fr_choices[0] == {"name": "🇨🇳 Chine", "value": "China"}
    assert wang_choices[0] == {"name": "🇨🇳 Wang Yi", "value": "Wang Yi"}
