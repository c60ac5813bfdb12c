"""Buttons to page through a long answer; only the person who asked can turn the pages."""

from __future__ import annotations

import discord

from bot.formatting import NO_MENTIONS
from handlers.registry import not_your_buttons


class Paginator(discord.ui.View):
    def __init__(self, embeds: list[discord.Embed], *, owner_id: int, timeout: float = 180.0) -> None:
        super().__init__(timeout=timeout)
        self.embeds = embeds
        self.owner_id = owner_id
        self.index = 0
        self.message: discord.InteractionMessage | discord.WebhookMessage | None = None
        self._refresh()

    def _refresh(self) -> None:
        last = len(self.embeds) - 1
        self.first.disabled = self.previous.disabled = self.index == 0
        self.next.disabled = self.last.disabled = self.index == last

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            not_your_buttons(str(interaction.locale)),
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )
        return False

    async def _show(self, interaction: discord.Interaction, index: int) -> None:
        self.index = max(0, min(index, len(self.embeds) - 1))
        self._refresh()
        await interaction.response.edit_message(embed=self.embeds[self.index], view=self, allowed_mentions=NO_MENTIONS)

    @discord.ui.button(label="≪", style=discord.ButtonStyle.secondary)
    async def first(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._show(interaction, 0)

    @discord.ui.button(label="‹", style=discord.ButtonStyle.primary)
    async def previous(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._show(interaction, self.index - 1)

    @discord.ui.button(label="›", style=discord.ButtonStyle.primary)
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._show(interaction, self.index + 1)

    @discord.ui.button(label="≫", style=discord.ButtonStyle.secondary)
    async def last(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._show(interaction, len(self.embeds) - 1)

    async def on_timeout(self) -> None:
        # The buttons go away so nobody clicks a dead control.
        if self.message is not None:
            try:
                await self.message.edit(view=None)
            except discord.HTTPException:
                pass
