"""Building INTERACTION_CREATE payloads and tracking how the bot answers them."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .records import RecordedFile
from .world import Channel, Member, Role, World

if TYPE_CHECKING:
    from .server import DiscordStandIn

# Interaction types
PING, APPLICATION_COMMAND, MESSAGE_COMPONENT, AUTOCOMPLETE, MODAL_SUBMIT = 1, 2, 3, 4, 5

# Callback types a given interaction type may answer with (Discord rejects the rest).
ALLOWED_CALLBACKS = {
    PING: {1},
    APPLICATION_COMMAND: {4, 5, 9},
    MESSAGE_COMPONENT: {4, 5, 6, 7, 9},
    AUTOCOMPLETE: {8},
    MODAL_SUBMIT: {4, 5, 6, 7},
}
DEFERRED = {5, 6}

# Option types
SUB_COMMAND, SUB_COMMAND_GROUP, STRING, INTEGER, BOOLEAN, USER, CHANNEL, ROLE, MENTIONABLE, NUMBER = range(1, 11)


@dataclass
class InteractionHandle:
    """One interaction sent to the bot; fills up as the bot answers."""

    api: "DiscordStandIn" = field(repr=False, compare=False)
    id: int
    token: str = field(repr=False)
    type: int
    payload: dict = field(repr=False)
    channel_id: int
    sent_at: float = field(default_factory=time.monotonic)
    callbacks: list[dict] = field(default_factory=list)  # bodies POSTed to /callback
    callback_files: list[RecordedFile] = field(default_factory=list)
    followups: list[dict] = field(default_factory=list)  # message objects created by followups
    edits: list[dict] = field(default_factory=list)  # bodies PATCHed to @original
    # ("edit_original" | "followup", body, files) in arrival order: what finishes a deferral.
    completions: list[tuple[str, dict, list[RecordedFile]]] = field(default_factory=list)
    original: dict | None = None  # the @original message, once there is one
    message: dict | None = None  # for components: the message the component sits on

    @property
    def acknowledged(self) -> bool:
        return bool(self.callbacks)

    async def wait_response(self, timeout: float = 5.0) -> dict:
        """The bot's answer as ``{"type": callback type, "data": message body, ...}``.

        For a deferral (callback 5 or 6) this also waits for the edit of @original or
        the first followup, and returns *that* body as ``data`` with ``finished_by``
        ("edit_original" / "followup") and the raw ``callback``. ``files`` holds any
        uploaded RecordedFile objects.
        """
        await self.api._wait(lambda: self.callbacks, timeout, f"a callback for interaction {self.id}")
        cb = self.callbacks[0]
        if cb.get("type") not in DEFERRED:
            return {"type": cb.get("type"), "data": cb.get("data") or {}, "files": list(self.callback_files)}
        await self.api._wait(
            lambda: self.completions, timeout, f"an edit of @original or a followup for deferred interaction {self.id}"
        )
        kind, body, files = self.completions[0]
        return {"type": cb["type"], "data": body, "finished_by": kind, "callback": cb, "files": files}

    async def wait_followups(self, n: int = 1, timeout: float = 5.0) -> list[dict]:
        """The first ``n`` followup messages (full message objects)."""
        await self.api._wait(lambda: len(self.followups) >= n, timeout, f"{n} followup(s) for interaction {self.id}")
        return self.followups[:n]


def _option_type(value: Any) -> int:
    if isinstance(value, bool):
        return BOOLEAN
    if isinstance(value, int):
        return INTEGER
    if isinstance(value, float):
        return NUMBER
    if isinstance(value, Member):
        return USER
    if isinstance(value, Channel):
        return CHANNEL
    if isinstance(value, Role):
        return ROLE
    return STRING


def _wire_value(value: Any) -> Any:
    if isinstance(value, Member):
        return str(value.user.id)
    if isinstance(value, (Channel, Role)):
        return str(value.id)
    return value


def _resolve(world: World, otype: int, value: Any, resolved: dict) -> None:
    """Discord ships the full objects behind user/channel/role options in ``resolved``."""
    key = str(_wire_value(value))
    if otype in (USER, MENTIONABLE):
        try:
            m = world.member(key)
        except KeyError:
            m = None
        if m is not None:
            resolved.setdefault("users", {})[key] = m.user.to_dict()
            resolved.setdefault("members", {})[key] = m.to_dict(with_user=False, permissions=world.permissions_of(m))
            return
    if otype in (ROLE, MENTIONABLE):
        r = world.role(key)
        if r is not None:
            resolved.setdefault("roles", {})[key] = r.to_dict()
            return
    if otype == CHANNEL:
        c = world.channel(key)
        if c is not None:
            resolved.setdefault("channels", {})[key] = {
                "id": key,
                "name": c.name,
                "type": c.type,
                "guild_id": str(world.guild_id),
                "permissions": str(world.permissions_of(world.bot_member())),
                "parent_id": None,
                "flags": 0,
            }


def build_options(
    world: World,
    definition: list[dict] | None,
    given: dict[str, Any] | list[dict] | None,
    focused: str | None,
    autocomplete: bool,
    resolved: dict,
) -> list[dict]:
    if given is None:
        return []
    if isinstance(given, list):  # raw option dicts: trust the caller
        return given
    defs = {d["name"]: d for d in (definition or [])}
    names = list(given)
    if autocomplete and focused is None and names:
        focused = names[-1]
    out = []
    for name, value in given.items():
        otype = defs.get(name, {}).get("type") or _option_type(value)
        opt: dict[str, Any] = {"name": name, "type": otype, "value": _wire_value(value)}
        if name == focused:
            opt["focused"] = True
            # While typing, Discord sends the partial input as text whatever the type.
            opt["value"] = str(opt["value"])
        elif otype in (USER, CHANNEL, ROLE, MENTIONABLE):
            _resolve(world, otype, value, resolved)
        out.append(opt)
    return out


def new_token() -> str:
    return "aW50ZXJhY3Rpb24" + secrets.token_urlsafe(60)
