"""DiscordStandIn: an aiohttp stand-in for Discord's REST API and gateway on 127.0.0.1.

Tests drive a *real* discord.py client against it; see README.md next to this file.
"""

from __future__ import annotations

import asyncio
import math
import re
import time
from dataclasses import dataclass
from typing import Any, Callable

from aiohttp import web

from . import gateway, payloads
from .interactions import (
    APPLICATION_COMMAND,
    AUTOCOMPLETE,
    MESSAGE_COMPONENT,
    MODAL_SUBMIT,
    SUB_COMMAND,
    SUB_COMMAND_GROUP,
    USER,
    InteractionHandle,
    _resolve,
    build_options,
    new_token,
)
from .records import GatewayFrame, RecordedFile, RecordedRequest
from .rest import API_PREFIX, Rest
from .world import Snowflakes, World, iso_now

GUILD_MESSAGES_INTENT = 1 << 9
EPHEMERAL, LOADING = 64, 128


class StandInTimeout(AssertionError):
    """A wait_* helper ran out of time; the message says what the stand-in did see."""


@dataclass
class _RateLimit:
    method: str
    path: str
    retry_after: float
    remaining: int
    is_global: bool


class DiscordStandIn:
    """``async with DiscordStandIn(world) as api:`` serves Discord on a free local port."""

    def __init__(self, world: World | None = None, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self.world = world or World.default()
        self.host, self.port = host, port
        self.ids = Snowflakes()
        self.requests: list[RecordedRequest] = []
        self.gateway_log: list[GatewayFrame] = []
        self.gateway_queries: list[dict[str, str]] = []  # query string of each websocket connect
        self.messages: dict[int, dict] = {}  # live message objects by id (deleted ones removed)
        self.deleted_messages: list[dict] = []
        self.attachment_data: dict[int, bytes] = {}
        self.interactions: dict[int, InteractionHandle] = {}
        self.identify_count = 0
        self.resume_count = 0
        self._interactions_by_token: dict[str, InteractionHandle] = {}
        self._channel_log: list[tuple[int, str, dict]] = []  # (channel id, source, message)
        self._commands: dict[int | None, dict[tuple[str, int], dict]] = {}
        self._command_ids: dict[tuple[int | None, str, int], int] = {}
        self._rate_limits: list[_RateLimit] = []
        self._sockets: set[gateway.GatewaySession] = set()
        self._sessions: dict[str, gateway.GatewaySession] = {}
        self._event = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._rest = Rest(self)

    # -- lifecycle ---------------------------------------------------------------

    async def start(self) -> "DiscordStandIn":
        app = web.Application(middlewares=[self._rest.middleware], client_max_size=64 * 1024 * 1024)
        # /gateway must be registered before REST's catch-all route.
        app.router.add_get("/gateway", self._gateway)
        app.add_routes(self._rest.routes())
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def _gateway(self, request: web.Request) -> web.StreamResponse:
        return await gateway.handle(self, request)

    async def stop(self) -> None:
        for session in list(self._sockets):
            await session.ws.close(code=1001, message=b"stand-in stopping")
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> "DiscordStandIn":
        return await self.start()

    async def __aexit__(self, *exc: Any) -> None:
        await self.stop()

    @property
    def origin(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        return self.origin + API_PREFIX

    @property
    def gateway_url(self) -> str:
        return f"ws://{self.host}:{self.port}/gateway"

    def env(self, **extra: Any) -> dict[str, str]:
        """Environment for a bot started as a separate process."""
        env = {
            "DISCORD_API_BASE": self.base_url,
            "DISCORD_GATEWAY_URL": self.gateway_url,
            "DISCORD_TOKEN": self.world.token,
            "DISCORD_GUILD_ID": str(self.world.guild_id),
        }
        env.update({k: str(v) for k, v in extra.items()})
        return env

    # -- waiting ---------------------------------------------------------------------

    def _changed(self) -> None:
        # Wake every waiter; each re-checks its own predicate.
        self._event.set()
        self._event = asyncio.Event()

    async def _wait(self, predicate: Callable[[], Any], timeout: float, what: str) -> Any:
        async def poll() -> Any:
            while not (result := predicate()):
                await self._event.wait()
            return result

        try:
            return await asyncio.wait_for(poll(), timeout)
        except asyncio.TimeoutError:
            unknown = [r for r in self.requests if r.unknown]
            raise StandInTimeout(
                f"timed out after {timeout}s waiting for {what}. Last requests: {self.requests[-8:]}"
                + (f"; unknown routes hit: {unknown}" if unknown else "")
            ) from None

    async def wait_until_identified(self, timeout: float = 10.0) -> None:
        await self._wait(lambda: self.identify_count > 0 and self._live_sessions(), timeout, "a gateway IDENTIFY")

    async def wait_for_messages(
        self, channel: int | str, count: int = 1, timeout: float = 10.0, *, include_interactions: bool = False
    ) -> list[dict]:
        """Message objects posted to ``channel`` (id or name), oldest first, once there are
        at least ``count``. By default only POST /channels/{id}/messages counts; with
        ``include_interactions`` non-ephemeral interaction responses and followups too.
        The dicts are live: later edits show up in them."""
        ch = self.world.channel(channel)
        cid = ch.id if ch else int(channel)

        def pick() -> list[dict]:
            return [m for c, src, m in self._channel_log if c == cid and (src == "rest" or include_interactions)]

        await self._wait(lambda: len(pick()) >= count, timeout, f"{count} message(s) in channel {channel}")
        return pick()

    def find_requests(self, method: str | None = None, path: str | None = None) -> list[RecordedRequest]:
        """Filter the log; ``path`` may be concrete or a route template like
        "/channels/{channel_id}/messages"."""
        return [
            r
            for r in self.requests
            if (method is None or r.method == method.upper()) and (path is None or path in (r.path, r.route))
        ]

    async def wait_for_request(self, method: str, path: str, count: int = 1, timeout: float = 10.0) -> list[RecordedRequest]:
        await self._wait(lambda: len(self.find_requests(method, path)) >= count, timeout, f"{count}x {method} {path}")
        return self.find_requests(method, path)

    @property
    def unknown_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.unknown]

    @property
    def presence_updates(self) -> list[dict]:
        return [f.d for f in self.gateway_log if f.direction == "recv" and f.op == gateway.PRESENCE]

    # -- rate limits ----------------------------------------------------------------------

    def inject_rate_limit(
        self, method: str, path: str, *, retry_after: float = 0.25, count: int = 1, is_global: bool = False
    ) -> None:
        """Answer the next ``count`` matching requests with 429. ``path`` is relative to
        /api/v10, concrete ("/channels/1/messages") or a template ("/channels/{channel_id}/messages")."""
        self._rate_limits.append(_RateLimit(method.upper(), path, retry_after, count, is_global))

    def _take_rate_limit(self, rec: RecordedRequest) -> web.Response | None:
        for rl in self._rate_limits:
            if rl.method == rec.method and rl.path in (rec.path, rec.route):
                rl.remaining -= 1
                if rl.remaining <= 0:
                    self._rate_limits.remove(rl)
                body = {"message": "You are being rate limited.", "retry_after": rl.retry_after, "global": rl.is_global}
                headers = {
                    "X-RateLimit-Limit": "5",
                    "X-RateLimit-Remaining": "0",
                    "X-RateLimit-Reset": f"{time.time() + rl.retry_after:.3f}",
                    "X-RateLimit-Reset-After": f"{rl.retry_after:.3f}",
                    "X-RateLimit-Bucket": "standin-" + re.sub(r"\W", "", rec.route or rec.path)[:32],
                    "X-RateLimit-Scope": "global" if rl.is_global else "user",
                    "Retry-After": str(math.ceil(rl.retry_after)),
                    # discord.py treats a 429 without Via as a Cloudflare ban and gives up.
                    "Via": "1.1 google",
                }
                if rl.is_global:
                    headers["X-RateLimit-Global"] = "true"
                return payloads.json_response(body, status=429, headers=headers)
        return None

    # -- gateway ------------------------------------------------------------------------

    def _live_sessions(self) -> list[gateway.GatewaySession]:
        return [s for s in self._sockets if s.identified]

    async def dispatch(self, event: str, data: Any) -> None:
        """Send a DISPATCH event to every identified gateway connection."""
        sessions = self._live_sessions()
        if not sessions:
            raise RuntimeError(f"cannot dispatch {event}: no bot is connected to the stand-in gateway")
        for s in sessions:
            await s.dispatch(event, data)

    async def _broadcast(self, event: str, data: Any, intent: int = 0) -> None:
        for s in self._live_sessions():
            intents = (s.identify or {}).get("intents")
            if intent and intents is not None and not intents & intent:
                continue
            await s.dispatch(event, data)

    async def request_reconnect(self) -> None:
        """Op 7: the client should drop the socket and RESUME on resume_gateway_url."""
        for s in self._live_sessions():
            await s.send(gateway.RECONNECT)

    # -- application commands ------------------------------------------------------------

    def commands_for(self, guild_id: int | None) -> dict[str, dict]:
        """Registered commands by name: ``None`` = global, else a guild id."""
        return {name: cmd for (name, _t), cmd in self._commands.get(guild_id, {}).items()}

    @property
    def global_commands(self) -> list[dict]:
        return list(self._commands.get(None, {}).values())

    @property
    def guild_commands(self) -> list[dict]:
        return list(self._commands.get(self.world.guild_id, {}).values())

    def _command_record(self, scope: int | None, body: dict) -> dict:
        ctype = body.get("type", 1)
        # Re-registering the same command keeps its id, as Discord does.
        cid = self._command_ids.setdefault((scope, body["name"], ctype), self.ids.next())
        rec = {
            "type": 1,
            "description": "",
            "options": [],
            "default_member_permissions": None,
            "dm_permission": True,
            "nsfw": False,
            "contexts": None,
            "integration_types": [0],
            **{k: v for k, v in body.items() if k != "id"},
            "id": str(cid),
            "application_id": str(self.world.application_id),
            "version": str(self.ids.next()),
        }
        if scope is not None:
            rec["guild_id"] = str(scope)
        return rec

    def _replace_commands(self, scope: int | None, bodies: list[dict]) -> list[dict]:
        table = {}
        for body in bodies:
            rec = self._command_record(scope, body)
            table[(rec["name"], rec["type"])] = rec
        self._commands[scope] = table
        return list(table.values())

    def _upsert_command(self, scope: int | None, body: dict) -> dict:
        rec = self._command_record(scope, body)
        self._commands.setdefault(scope, {})[(rec["name"], rec["type"])] = rec
        return rec

    def _find_command(self, name: str, ctype: int) -> tuple[dict | None, int | None]:
        for scope in (self.world.guild_id, None):
            cmd = self._commands.get(scope, {}).get((name, ctype))
            if cmd is not None:
                return cmd, scope
        return None, None

    # -- messages ----------------------------------------------------------------------------

    def _attachments(self, channel_id: int, body: dict, files: list[RecordedFile], existing: list[dict] = ()) -> list[dict]:
        meta = {str(a.get("id")): a for a in body.get("attachments") or []}
        # On edit, "attachments" lists what to keep; absent means keep everything.
        kept = [a for a in existing if "attachments" not in body or a["id"] in meta]
        out = list(kept)
        for i, f in enumerate(files):
            m = re.fullmatch(r"files\[(\d+)\]", f.field)
            info = meta.get(m.group(1) if m else str(i), {})
            aid = self.ids.next()
            filename = info.get("filename") or f.filename
            self.attachment_data[aid] = f.data
            out.append(
                payloads.attachment(
                    id=aid,
                    filename=filename,
                    data=f.data,
                    content_type=f.content_type,
                    url=f"{self.origin}/attachments/{channel_id}/{aid}/{filename}",
                    description=info.get("description"),
                )
            )
        return out

    async def _create_message(
        self, channel_id: int, body: dict, files: list[RecordedFile], *, source: str, interaction: InteractionHandle | None = None
    ) -> dict:
        mid = self.ids.next()
        extra: dict[str, Any] = {}
        if interaction is not None:
            user = interaction.payload["member"]["user"]
            extra = {
                "webhook_id": self.world.application_id,
                "application_id": self.world.application_id,
                "interaction_metadata": {
                    "id": str(interaction.id),
                    "type": interaction.type,
                    "user": user,
                    "authorizing_integration_owners": {"0": str(self.world.guild_id)},
                },
            }
        msg = payloads.message(
            id=mid,
            channel_id=channel_id,
            author=self.world.bot.to_dict(),
            body=body,
            attachments=self._attachments(channel_id, body, files),
            **extra,
        )
        if interaction is not None and source == "interaction" and interaction.type == APPLICATION_COMMAND:
            msg["type"] = 20  # CHAT_INPUT_COMMAND reply
        self.messages[mid] = msg
        if not msg["flags"] & EPHEMERAL:
            self._channel_log.append((int(channel_id), source, msg))
            await self._echo("MESSAGE_CREATE", msg)
        self._changed()
        return msg

    async def _edit_message(self, msg: dict, body: dict, files: list[RecordedFile]) -> dict:
        for key in ("content", "components"):
            if key in body:
                msg[key] = body[key] if body[key] is not None else ("" if key == "content" else [])
        if "embeds" in body:
            msg["embeds"] = [{"type": "rich", **e} for e in body["embeds"] or []]
        flags = int(body["flags"]) if body.get("flags") is not None else msg["flags"]
        # Ephemerality cannot change on edit, and any edit ends a deferral's "thinking".
        msg["flags"] = (flags & ~(EPHEMERAL | LOADING)) | (msg["flags"] & EPHEMERAL)
        if "attachments" in body or files:
            msg["attachments"] = self._attachments(int(msg["channel_id"]), body, files, msg["attachments"])
        msg["edited_timestamp"] = iso_now()
        if not msg["flags"] & EPHEMERAL:
            await self._echo("MESSAGE_UPDATE", msg)
        self._changed()
        return msg

    async def _delete_message(self, msg: dict) -> None:
        self.messages.pop(int(msg["id"]), None)
        self.deleted_messages.append(msg)
        if self.world.echo_messages:
            data = {"id": msg["id"], "channel_id": msg["channel_id"], "guild_id": str(self.world.guild_id)}
            await self._broadcast("MESSAGE_DELETE", data, GUILD_MESSAGES_INTENT)
        self._changed()

    async def _echo(self, event: str, msg: dict) -> None:
        if not self.world.echo_messages:
            return
        bot = self.world.bot_member()
        data = {**msg, "guild_id": str(self.world.guild_id), "member": bot.to_dict(with_user=False)}
        await self._broadcast(event, data, GUILD_MESSAGES_INTENT)

    # -- interactions ------------------------------------------------------------------------

    async def send_interaction(
        self,
        name: str | None = None,
        options: dict[str, Any] | list[dict] | None = None,
        *,
        type: int = APPLICATION_COMMAND,
        user: Any = "admin",
        channel_id: int | str | None = None,
        focused: str | None = None,
        custom_id: str | None = None,
        component_type: int = 2,
        values: Any = None,
        message: dict | None = None,
        components: list[dict] | None = None,
        command_type: int = 1,
        target_id: int | str | None = None,
        resolved: dict | None = None,
        locale: str | None = None,
    ) -> InteractionHandle:
        """Deliver INTERACTION_CREATE to the connected bot and return a handle on it.

        ``name`` may be "cmd", "cmd sub" or "cmd group sub". ``options`` maps option
        names to values (world Member/Channel/Role objects become user/channel/role
        options with ``resolved`` data); option types come from the synced command
        when there is one. ``user`` is "admin", "member", "owner", a username, an id
        or a Member."""
        world = self.world
        ch = world.channel(channel_id) if channel_id is not None else world.channels[0]
        if ch is None:
            raise KeyError(f"no channel {channel_id!r} in the stand-in world")
        member = world.member(user)
        iid, token = self.ids.next(), new_token()

        if type in (APPLICATION_COMMAND, AUTOCOMPLETE):
            if not name:
                raise ValueError("application command interactions need a name")
            data = self._command_data(name, options, focused, type == AUTOCOMPLETE, command_type, target_id, resolved)
        elif type == MESSAGE_COMPONENT:
            data = {"custom_id": custom_id, "component_type": component_type}
            if values is not None:
                data["values"] = list(values)
            if message is None:
                message = self._component_message(ch.id, custom_id or "button", component_type)
        elif type == MODAL_SUBMIT:
            if components is None:
                components = [
                    {"type": 1, "components": [{"type": 4, "custom_id": k, "value": v}]} for k, v in (values or {}).items()
                ]
            data = {"custom_id": custom_id, "components": components}
        else:
            raise ValueError(f"unsupported interaction type {type}")

        payload: dict[str, Any] = {
            "id": str(iid),
            "application_id": str(world.application_id),
            "type": type,
            "data": data,
            "guild_id": str(world.guild_id),
            "guild": {"id": str(world.guild_id), "locale": world.locale, "features": []},
            "channel_id": str(ch.id),
            "channel": {**ch.to_dict(world.guild_id), "permissions": str(world.permissions_of(member))},
            "member": member.to_dict(permissions=world.permissions_of(member)),
            "token": token,
            "version": 1,
            "app_permissions": str(world.permissions_of(world.bot_member())),
            "locale": locale or world.locale,
            "guild_locale": world.locale,
            "entitlements": [],
            "entitlement_sku_ids": [],
            "authorizing_integration_owners": {"0": str(world.guild_id)},
            "context": 0,
            "attachment_size_limit": 10 * 1024 * 1024,
        }
        if message is not None:
            payload["message"] = message
        handle = InteractionHandle(self, iid, token, type, payload, ch.id, message=message)
        self.interactions[iid] = handle
        self._interactions_by_token[token] = handle
        await self.dispatch("INTERACTION_CREATE", payload)
        return handle

    def _command_data(
        self,
        name: str,
        options: Any,
        focused: str | None,
        autocomplete: bool,
        command_type: int,
        target_id: Any,
        resolved: dict | None,
    ) -> dict:
        root, *path = name.split()
        cmd, scope = self._find_command(root, command_type)
        data: dict[str, Any] = {"id": cmd["id"] if cmd else str(self.ids.next()), "name": root, "type": command_type}
        # Only guild-registered commands carry guild_id; discord.py's tree routes on it.
        if scope is not None:
            data["guild_id"] = str(scope)
        res: dict = dict(resolved or {})
        defs = cmd.get("options") if cmd else None
        kinds = []
        for i, part in enumerate(path):
            sub = next((o for o in defs or [] if o.get("name") == part), None)
            kinds.append(sub["type"] if sub else (SUB_COMMAND if i == len(path) - 1 else SUB_COMMAND_GROUP))
            defs = sub.get("options") if sub else None
        opts = build_options(self.world, defs, options, focused, autocomplete, res)
        for part, kind in reversed(list(zip(path, kinds))):
            opts = [{"name": part, "type": kind, "options": opts}]
        if opts:
            data["options"] = opts
        if target_id is not None:
            data["target_id"] = str(target_id)
            if command_type == 2:
                _resolve(self.world, USER, target_id, res)
            elif command_type == 3 and int(target_id) in self.messages:
                res.setdefault("messages", {})[str(target_id)] = self.messages[int(target_id)]
        if res:
            data["resolved"] = res
        return data

    def _component_message(self, channel_id: int, custom_id: str, component_type: int) -> dict:
        """A bot message carrying the component, for tests that did not keep the real one."""
        component: dict[str, Any] = {"type": component_type, "custom_id": custom_id}
        if component_type == 2:
            component.update(style=1, label=custom_id)
        else:
            component.update(options=[], placeholder=None, min_values=1, max_values=1)
        body = {"content": "", "components": [{"type": 1, "components": [component]}]}
        mid = self.ids.next()
        msg = payloads.message(id=mid, channel_id=channel_id, author=self.world.bot.to_dict(), body=body, attachments=[])
        self.messages[mid] = msg
        return msg
