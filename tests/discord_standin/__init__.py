"""A local stand-in for Discord (REST + gateway) for tests that run real discord.py code.

    async with DiscordStandIn() as api:
        discord.http.Route.BASE = api.base_url
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(api.gateway_url)
        ...

See README.md in this directory.
"""

from .interactions import InteractionHandle
from .records import GatewayFrame, RecordedFile, RecordedRequest
from .server import DiscordStandIn, StandInTimeout
from .world import Channel, Member, P, Role, Snowflakes, User, World

__all__ = [
    "Channel",
    "DiscordStandIn",
    "GatewayFrame",
    "InteractionHandle",
    "Member",
    "P",
    "RecordedFile",
    "RecordedRequest",
    "Role",
    "Snowflakes",
    "StandInTimeout",
    "User",
    "World",
]
