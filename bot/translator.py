"""French names and descriptions for the slash commands, as Discord shows them to French users.

They are written beside each command (`handlers.spec.Command.fr`, `Param.fr`) and carried
here inside discord.py's `locale_str`; this translator only hands them over when the tree
is synced.
"""

from __future__ import annotations

import discord
from discord import app_commands

LOCALES = {discord.Locale.french: "fr"}


def localised(english: str, french: str) -> app_commands.locale_str:
    """A name or description with its French form attached."""
    return app_commands.locale_str(english, fr=french) if french else app_commands.locale_str(english)


class SpecTranslator(app_commands.Translator):
    async def translate(self, string: app_commands.locale_str, locale: discord.Locale, context) -> str | None:
        key = LOCALES.get(locale)
        return string.extras.get(key) if key else None
