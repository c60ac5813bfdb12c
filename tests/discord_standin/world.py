"""The fake Discord world the stand-in serves: one application, one bot, one guild.

Everything is plain dataclasses so a test can build or tweak the world before
starting the server (``World.default()`` then mutate, or construct from scratch).
"""

from __future__ import annotations

import itertools
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone

DISCORD_EPOCH_MS = 1420070400000


class Snowflakes:
    """Monotonic snowflake ids, so ids sort by creation like Discord's do."""

    def __init__(self, worker: int = 1) -> None:
        self._worker = worker & 0x1F
        self._counter = itertools.count()
        self._lock = threading.Lock()
        self._last = 0

    def next(self) -> int:
        with self._lock:
            ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
            # Two ids in the same millisecond must still increase.
            ms = max(ms, self._last)
            self._last = ms
            return (ms << 22) | (self._worker << 17) | (next(self._counter) & 0xFFF)


def iso_now() -> str:
    return datetime.now(timezone.utc).isoformat()


# Permission bits we need by name (values from the Discord docs).
class P:
    CREATE_INSTANT_INVITE = 1 << 0
    ADMINISTRATOR = 1 << 3
    MANAGE_CHANNELS = 1 << 4
    MANAGE_GUILD = 1 << 5
    ADD_REACTIONS = 1 << 6
    VIEW_CHANNEL = 1 << 10
    SEND_MESSAGES = 1 << 11
    MANAGE_MESSAGES = 1 << 13
    EMBED_LINKS = 1 << 14
    ATTACH_FILES = 1 << 15
    READ_MESSAGE_HISTORY = 1 << 16
    USE_EXTERNAL_EMOJIS = 1 << 18
    CHANGE_NICKNAME = 1 << 26
    USE_APPLICATION_COMMANDS = 1 << 31
    ALL = (1 << 53) - 1

    EVERYONE_DEFAULT = (
        CREATE_INSTANT_INVITE | ADD_REACTIONS | VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS
        | ATTACH_FILES | READ_MESSAGE_HISTORY | USE_EXTERNAL_EMOJIS | CHANGE_NICKNAME
        | USE_APPLICATION_COMMANDS
    )


@dataclass
class User:
    id: int
    username: str
    bot: bool = False
    global_name: str | None = None

    def to_dict(self) -> dict:
        return {
            "id": str(self.id),
            "username": self.username,
            "global_name": self.global_name,
            "discriminator": "0",
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
            "flags": 0,
        }


@dataclass
class Role:
    id: int
    name: str
    permissions: int
    position: int = 0
    managed: bool = False

    def to_dict(self) -> dict:
        return {
            "id": str(self.id),
            "name": self.name,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "icon": None,
            "unicode_emoji": None,
            "position": self.position,
            "permissions": str(self.permissions),
            "managed": self.managed,
            "mentionable": False,
            "flags": 0,
        }


@dataclass
class Channel:
    id: int
    name: str
    type: int = 0  # 0 = GUILD_TEXT
    position: int = 0
    topic: str | None = None
    # Posting here answers 403 Missing Permissions (code 50013), like a read-only channel.
    forbidden: bool = False
    # Starting a thread here answers 403, like a channel without Create Public Threads.
    no_threads: bool = False
    parent_id: int | None = None  # a thread's channel
    owner_id: int | None = None  # who started the thread

    def to_dict(self, guild_id: int) -> dict:
        if self.type == 11:  # PUBLIC_THREAD
            return {
                "id": str(self.id), "type": 11, "guild_id": str(guild_id), "name": self.name,
                "parent_id": str(self.parent_id), "owner_id": str(self.owner_id), "last_message_id": None,
                "rate_limit_per_user": 0, "message_count": 0, "member_count": 1, "flags": 0,
                "thread_metadata": {"archived": False, "auto_archive_duration": 1440,
                                    "archive_timestamp": iso_now(), "locked": False},
            }
        return {
            "id": str(self.id),
            "type": self.type,
            "guild_id": str(guild_id),
            "name": self.name,
            "position": self.position,
            "permission_overwrites": [],
            "topic": self.topic,
            "nsfw": False,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "parent_id": None,
            "flags": 0,
        }


@dataclass
class Member:
    user: User
    role_ids: list[int] = field(default_factory=list)
    nick: str | None = None
    joined_at: str = field(default_factory=iso_now)

    def to_dict(self, *, with_user: bool = True, permissions: int | None = None) -> dict:
        data = {
            "roles": [str(r) for r in self.role_ids],
            "nick": self.nick,
            "avatar": None,
            "joined_at": self.joined_at,
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "pending": False,
            "flags": 0,
            "communication_disabled_until": None,
        }
        if with_user:
            data["user"] = self.user.to_dict()
        if permissions is not None:
            data["permissions"] = str(permissions)
        return data


@dataclass
class World:
    token: str = "standin-token"
    application_id: int = 1100000000000000001
    application_name: str = "diplowatch"
    application_flags: int = 0
    bot: User = field(default_factory=lambda: User(1100000000000000001, "diplowatch", bot=True))
    guild_id: int = 1200000000000000001
    guild_name: str = "Diplo Test Guild"
    owner_id: int = 1300000000000000001
    roles: list[Role] = field(default_factory=list)
    channels: list[Channel] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
    heartbeat_interval_ms: int = 41250
    locale: str = "en-US"
    # Real Discord echoes the bot's own messages back as MESSAGE_CREATE.
    echo_messages: bool = True
    # Enforce Discord's message limits (2000 chars, embed sizes, empty message).
    validate_messages: bool = True
    # Seconds within which an interaction must be acknowledged (Discord: 3). None = no limit.
    interaction_deadline: float | None = None

    @classmethod
    def default(cls, **overrides) -> "World":
        """Guild with @everyone, an Admin role (Manage Server), the bot's managed role,
        channels #general, #diplo-news, #read-only (forbidden), and four members:
        ``owner`` (guild owner: every permission), ``admin`` (Admin role: Manage Server,
        not Administrator), a plain ``member`` and the bot itself."""
        w = cls(**overrides)
        if not w.roles:
            w.roles = [
                Role(w.guild_id, "@everyone", P.EVERYONE_DEFAULT, 0),
                Role(1400000000000000001, "Admin", P.EVERYONE_DEFAULT | P.MANAGE_GUILD | P.MANAGE_MESSAGES, 2),
                Role(1400000000000000002, w.bot.username, P.EVERYONE_DEFAULT | P.MANAGE_MESSAGES, 1, managed=True),
            ]
        if not w.channels:
            w.channels = [
                Channel(1500000000000000001, "general", position=0),
                Channel(1500000000000000002, "diplo-news", position=1),
                Channel(1500000000000000003, "read-only", position=2, forbidden=True),
            ]
        if not w.members:
            w.members = [
                Member(User(w.owner_id, "owner"), []),
                Member(User(1300000000000000003, "admin"), [1400000000000000001]),
                Member(User(1300000000000000002, "member"), []),
                Member(w.bot, [1400000000000000002]),
            ]
        return w

    # -- lookups ---------------------------------------------------------------

    def channel(self, key: int | str) -> Channel | None:
        """By id (int or str) or by name."""
        for c in self.channels:
            if str(c.id) == str(key) or c.name == key:
                return c
        return None

    def member(self, key: int | str | Member) -> Member:
        """``"admin"`` / ``"member"`` / a username / a user id."""
        if isinstance(key, Member):
            return key
        if key == "owner":
            key = self.owner_id
        for m in self.members:
            if str(m.user.id) == str(key) or m.user.username == key:
                return m
        raise KeyError(f"no member {key!r} in the stand-in world")

    @property
    def admin(self) -> Member:
        return self.member("admin")

    @property
    def plain_member(self) -> Member:
        return self.member("member")

    def role(self, key: int | str) -> Role | None:
        for r in self.roles:
            if str(r.id) == str(key) or r.name == key:
                return r
        return None

    def add_channel(self, name: str, id: int | None = None, *, forbidden: bool = False, topic: str | None = None,
                    parent: Channel | None = None) -> Channel:
        cid = id or (max(c.id for c in self.channels) + 1 if self.channels else 1500000000000000001)
        ch = Channel(cid, name, position=len(self.channels), topic=topic, forbidden=forbidden)
        if parent is not None:  # a public thread started in `parent`
            ch.type, ch.parent_id = 11, parent.id
        self.channels.append(ch)
        return ch

    def permissions_of(self, member: Member) -> int:
        """Guild-level permissions, as Discord computes them (no channel overwrites)."""
        if member.user.id == self.owner_id:
            return P.ALL
        perms = 0
        for role in self.roles:
            if role.id == self.guild_id or role.id in member.role_ids:
                perms |= role.permissions
        return P.ALL if perms & P.ADMINISTRATOR else perms

    def bot_member(self) -> Member:
        return self.member(self.bot.id)
