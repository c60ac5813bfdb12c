"""REST routes under /api/v10: the subset of Discord's HTTP API a bot like ours uses."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from aiohttp import web

from . import payloads
from .interactions import ALLOWED_CALLBACKS
from .records import RecordedRequest, read_request
from .validate import check_message

if TYPE_CHECKING:
    from .server import DiscordStandIn

API_PREFIX = "/api/v10"
REC = web.RequestKey("rec", RecordedRequest)

UNKNOWN_CHANNEL = ("Unknown Channel", 10003, 404)
UNKNOWN_GUILD = ("Unknown Guild", 10004, 404)
UNKNOWN_MESSAGE = ("Unknown Message", 10008, 404)
UNKNOWN_WEBHOOK = ("Unknown Webhook", 10015, 404)
UNKNOWN_APPLICATION = ("Unknown Application", 10002, 404)
UNKNOWN_INTERACTION = ("Unknown interaction", 10062, 404)
UNKNOWN_USER = ("Unknown User", 10013, 404)
UNKNOWN_MEMBER = ("Unknown Member", 10007, 404)
MISSING_PERMISSIONS = ("Missing Permissions", 50013, 403)
ALREADY_ACKED = ("Interaction has already been acknowledged.", 40060, 400)


def fail(err: tuple[str, int, int]) -> web.Response:
    message, code, status = err
    return payloads.json_response(payloads.error(message, code), status=status)


def ok(data: Any) -> web.Response:
    return payloads.json_response(data)


NO_CONTENT = 204


class Rest:
    def __init__(self, api: "DiscordStandIn") -> None:
        self.api = api
        self.world = api.world

    # -- plumbing --------------------------------------------------------------

    def routes(self) -> list[web.AbstractRouteDef]:
        g, p, put, patch, d = web.get, web.post, web.put, web.patch, web.delete
        P = API_PREFIX
        return [
            g(P + "/users/@me", self.me),
            g(P + "/users/{user_id}", self.user),
            g(P + "/gateway", self.gateway),
            g(P + "/gateway/bot", self.gateway_bot),
            g(P + "/oauth2/applications/@me", self.application),
            g(P + "/applications/@me", self.application),
            g(P + "/applications/{application_id}/commands", self.get_commands),
            put(P + "/applications/{application_id}/commands", self.put_commands),
            p(P + "/applications/{application_id}/commands", self.post_command),
            g(P + "/applications/{application_id}/guilds/{guild_id}/commands", self.get_commands),
            put(P + "/applications/{application_id}/guilds/{guild_id}/commands", self.put_commands),
            p(P + "/applications/{application_id}/guilds/{guild_id}/commands", self.post_command),
            g(P + "/guilds/{guild_id}", self.guild),
            g(P + "/guilds/{guild_id}/channels", self.guild_channels),
            g(P + "/guilds/{guild_id}/roles", self.guild_roles),
            g(P + "/guilds/{guild_id}/members/{user_id}", self.guild_member),
            g(P + "/channels/{channel_id}", self.channel),
            g(P + "/channels/{channel_id}/messages", self.list_messages),
            p(P + "/channels/{channel_id}/messages", self.create_message),
            g(P + "/channels/{channel_id}/messages/{message_id}", self.get_message),
            patch(P + "/channels/{channel_id}/messages/{message_id}", self.edit_message),
            d(P + "/channels/{channel_id}/messages/{message_id}", self.delete_message),
            p(P + "/channels/{channel_id}/messages/{message_id}/threads", self.start_thread),
            p(P + "/interactions/{interaction_id}/{token}/callback", self.interaction_callback),
            p(P + "/webhooks/{application_id}/{token}", self.followup),
            g(P + "/webhooks/{application_id}/{token}/messages/{message_id}", self.webhook_get),
            patch(P + "/webhooks/{application_id}/{token}/messages/{message_id}", self.webhook_edit),
            d(P + "/webhooks/{application_id}/{token}/messages/{message_id}", self.webhook_delete),
            g("/attachments/{channel_id}/{attachment_id}/{filename}", self.attachment),
            web.route("*", "/{tail:.*}", self.unknown),
        ]

    @web.middleware
    async def middleware(self, request: web.Request, handler) -> web.StreamResponse:
        if request.path == "/gateway" or request.path.startswith("/attachments/"):
            return await handler(request)
        api = self.api
        rec = await read_request(request, API_PREFIX)
        info = request.match_info.route.resource
        canonical = info.canonical if info is not None else ""
        rec.route = canonical[len(API_PREFIX):] if canonical.startswith(API_PREFIX) else None
        rec.unknown = handler == self.unknown or rec.route is None
        request[REC] = rec
        api.requests.append(rec)
        try:
            resp = self._auth_failure(rec) or api._take_rate_limit(rec) or await handler(request)
        except web.HTTPException as exc:  # aiohttp's own 405 and friends
            resp = payloads.json_response(payloads.error(exc.reason, 0), status=exc.status)
        rec.status = resp.status
        api._changed()
        return resp

    def _auth_failure(self, rec) -> web.Response | None:
        # Interaction callbacks and interaction webhooks are authorised by their token.
        if rec.path.startswith(("/interactions/", "/webhooks/")):
            return None
        if rec.headers.get("Authorization") != f"Bot {self.world.token}":
            return payloads.json_response(payloads.error("401: Unauthorized", 0), status=401)
        return None

    def _body(self, request: web.Request) -> dict:
        return request[REC].json or {}

    def _channel(self, request: web.Request):
        return self.world.channel(request.match_info["channel_id"])

    def _guild_ok(self, request: web.Request) -> bool:
        return request.match_info.get("guild_id", str(self.world.guild_id)) == str(self.world.guild_id)

    # -- identity ---------------------------------------------------------------

    async def me(self, request):
        return ok({**self.world.bot.to_dict(), "verified": True, "mfa_enabled": False, "email": None, "locale": "en-US"})

    async def user(self, request):
        try:
            return ok(self.world.member(request.match_info["user_id"]).user.to_dict())
        except KeyError:
            return fail(UNKNOWN_USER)

    async def gateway(self, request):
        return ok({"url": self.api.gateway_url})

    async def gateway_bot(self, request):
        return ok(
            {
                "url": self.api.gateway_url,
                "shards": 1,
                "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1},
            }
        )

    async def application(self, request):
        return ok(payloads.application(self.world))

    # -- application commands ---------------------------------------------------

    def _scope(self, request) -> int | None:
        gid = request.match_info.get("guild_id")
        return int(gid) if gid is not None else None

    async def get_commands(self, request):
        if request.match_info["application_id"] != str(self.world.application_id):
            return fail(UNKNOWN_APPLICATION)
        if not self._guild_ok(request):
            return fail(UNKNOWN_GUILD)
        return ok(list(self.api.commands_for(self._scope(request)).values()))

    async def put_commands(self, request):
        if request.match_info["application_id"] != str(self.world.application_id):
            return fail(UNKNOWN_APPLICATION)
        if not self._guild_ok(request):
            return fail(UNKNOWN_GUILD)
        body = request[REC].json or []
        return ok(self.api._replace_commands(self._scope(request), body))

    async def post_command(self, request):
        if request.match_info["application_id"] != str(self.world.application_id):
            return fail(UNKNOWN_APPLICATION)
        if not self._guild_ok(request):
            return fail(UNKNOWN_GUILD)
        return payloads.json_response(self.api._upsert_command(self._scope(request), self._body(request)), status=201)

    # -- guild --------------------------------------------------------------------

    async def guild(self, request):
        if not self._guild_ok(request):
            return fail(UNKNOWN_GUILD)
        data = payloads.guild_create(self.world)
        for key in ("channels", "members", "threads", "voice_states", "presences", "joined_at", "large", "member_count"):
            data.pop(key, None)
        return ok(data)

    async def guild_channels(self, request):
        if not self._guild_ok(request):
            return fail(UNKNOWN_GUILD)
        return ok([c.to_dict(self.world.guild_id) for c in self.world.channels])

    async def guild_roles(self, request):
        if not self._guild_ok(request):
            return fail(UNKNOWN_GUILD)
        return ok([r.to_dict() for r in self.world.roles])

    async def guild_member(self, request):
        if not self._guild_ok(request):
            return fail(UNKNOWN_GUILD)
        try:
            return ok(self.world.member(request.match_info["user_id"]).to_dict())
        except KeyError:
            return fail(UNKNOWN_MEMBER)

    # -- channels & messages ----------------------------------------------------

    async def channel(self, request):
        ch = self._channel(request)
        return ok(ch.to_dict(self.world.guild_id)) if ch else fail(UNKNOWN_CHANNEL)

    async def list_messages(self, request):
        ch = self._channel(request)
        if ch is None:
            return fail(UNKNOWN_CHANNEL)
        limit = int(request.query.get("limit", 50))
        msgs = [m for m in self.api.messages.values() if m["channel_id"] == str(ch.id) and not m["flags"] & 64]
        return ok(sorted(msgs, key=lambda m: int(m["id"]), reverse=True)[:limit])

    async def create_message(self, request):
        ch = self._channel(request)
        if ch is None:
            return fail(UNKNOWN_CHANNEL)
        if ch.forbidden:
            return fail(MISSING_PERMISSIONS)
        rec = request[REC]
        body = rec.json or {}
        if self.world.validate_messages and (err := check_message(body, n_files=len(rec.files), creating=True)):
            return payloads.json_response(err, status=400)
        msg = await self.api._create_message(ch.id, body, rec.files, source="rest")
        return ok(msg)

    def _message(self, request) -> dict | None:
        msg = self.api.messages.get(int(request.match_info["message_id"])) if request.match_info["message_id"].isdigit() else None
        if msg is None or msg["channel_id"] != request.match_info["channel_id"]:
            return None
        return msg

    async def get_message(self, request):
        if self._channel(request) is None:
            return fail(UNKNOWN_CHANNEL)
        msg = self._message(request)
        return ok(msg) if msg else fail(UNKNOWN_MESSAGE)

    async def edit_message(self, request):
        if self._channel(request) is None:
            return fail(UNKNOWN_CHANNEL)
        msg = self._message(request)
        if msg is None:
            return fail(UNKNOWN_MESSAGE)
        rec = request[REC]
        body = rec.json or {}
        if self.world.validate_messages and (err := check_message(body, n_files=len(rec.files), creating=False)):
            return payloads.json_response(err, status=400)
        return ok(await self.api._edit_message(msg, body, rec.files))

    async def delete_message(self, request):
        if self._channel(request) is None:
            return fail(UNKNOWN_CHANNEL)
        msg = self._message(request)
        if msg is None:
            return fail(UNKNOWN_MESSAGE)
        await self.api._delete_message(msg)
        return web.Response(status=NO_CONTENT)

    async def start_thread(self, request):
        """A public thread from a message: a channel of its own, with the message's id."""
        ch = self._channel(request)
        if ch is None:
            return fail(UNKNOWN_CHANNEL)
        if self._message(request) is None:
            return fail(UNKNOWN_MESSAGE)
        if ch.forbidden or ch.no_threads:
            return fail(MISSING_PERMISSIONS)
        name = str(self._body(request).get("name") or "")
        if not 1 <= len(name) <= 100:
            errors = {"name": {"_errors": [{"code": "BASE_TYPE_BAD_LENGTH", "message": "Must be between 1 and 100 in length."}]}}
            return payloads.json_response(payloads.error("Invalid Form Body", 50035, errors), status=400)
        thread = self.world.add_channel(name, id=int(request.match_info["message_id"]), parent=ch)
        thread.owner_id = self.world.bot.id
        return ok(thread.to_dict(self.world.guild_id))

    async def attachment(self, request):
        data = self.api.attachment_data.get(int(request.match_info["attachment_id"]))
        if data is None:
            return web.Response(status=404)
        return web.Response(body=data)

    # -- interactions -------------------------------------------------------------

    async def interaction_callback(self, request):
        api = self.api
        handle = api.interactions.get(int(request.match_info["interaction_id"]))
        if handle is None or handle.token != request.match_info["token"]:
            return fail(UNKNOWN_INTERACTION)
        deadline = self.world.interaction_deadline
        if deadline is not None and time.monotonic() - handle.sent_at > deadline:
            return fail(UNKNOWN_INTERACTION)
        if handle.callbacks:
            return fail(ALREADY_ACKED)
        rec = request[REC]
        body = rec.json or {}
        ctype, data = body.get("type"), body.get("data") or {}
        if ctype not in ALLOWED_CALLBACKS.get(handle.type, set()):
            errors = {"type": {"_errors": [{"code": "INTERACTION_RESPONSE_TYPE_INVALID", "message": "Invalid type"}]}}
            return payloads.json_response(payloads.error("Invalid Form Body", 50035, errors), status=400)
        if ctype in (4, 7) and self.world.validate_messages:
            if err := check_message(data, n_files=len(rec.files), creating=ctype == 4):
                return payloads.json_response(err, status=400)
        if ctype == 8 and len(data.get("choices") or []) > 25:
            errors = {"data": {"choices": {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 25 or fewer in length."}]}}}
            return payloads.json_response(payloads.error("Invalid Form Body", 50035, errors), status=400)

        handle.callbacks.append(body)
        handle.callback_files = list(rec.files)
        flags = int(data.get("flags") or 0)
        if ctype == 4:
            handle.original = await api._create_message(
                handle.channel_id, data, rec.files, source="interaction", interaction=handle
            )
        elif ctype == 5:
            # A deferral shows "Bot is thinking..." (LOADING flag 128) until edited.
            handle.original = await api._create_message(
                handle.channel_id, {"content": "", "flags": (flags & 64) | 128}, [], source="interaction", interaction=handle
            )
        elif ctype in (6, 7) and handle.message is not None:
            if ctype == 7:
                await api._edit_message(handle.message, data, rec.files)
            handle.original = handle.message
        api._changed()

        result: dict[str, Any] = {
            "interaction": {
                "id": str(handle.id),
                "type": handle.type,
                "response_message_loading": ctype == 5,
                "response_message_ephemeral": bool(flags & 64),
            }
        }
        if handle.original is not None and ctype in (4, 5, 7):
            result["interaction"]["response_message_id"] = handle.original["id"]
            result["resource"] = {"type": ctype, "message": handle.original}
        # discord.py always asks ?with_response=1; without it Discord answers 204.
        if request.query.get("with_response") in ("1", "true", "True"):
            return ok(result)
        return web.Response(status=NO_CONTENT)

    def _handle_for(self, request):
        if request.match_info["application_id"] != str(self.world.application_id):
            return None
        return self.api._interactions_by_token.get(request.match_info["token"])

    async def followup(self, request):
        handle = self._handle_for(request)
        # Before the interaction is acknowledged its webhook does not exist yet.
        if handle is None or not handle.acknowledged:
            return fail(UNKNOWN_WEBHOOK)
        rec = request[REC]
        body = rec.json or {}
        if self.world.validate_messages and (err := check_message(body, n_files=len(rec.files), creating=True)):
            return payloads.json_response(err, status=400)
        msg = await self.api._create_message(handle.channel_id, body, rec.files, source="followup", interaction=handle)
        handle.followups.append(msg)
        handle.completions.append(("followup", body, list(rec.files)))
        self.api._changed()
        if request.query.get("wait") in ("true", "1", "True"):
            return ok(msg)
        return web.Response(status=NO_CONTENT)

    def _webhook_message(self, handle, message_id: str) -> dict | None:
        if message_id == "@original":
            return handle.original
        for m in handle.followups:
            if m["id"] == message_id:
                return m
        return None

    async def webhook_get(self, request):
        handle = self._handle_for(request)
        if handle is None:
            return fail(UNKNOWN_WEBHOOK)
        msg = self._webhook_message(handle, request.match_info["message_id"])
        return ok(msg) if msg else fail(UNKNOWN_MESSAGE)

    async def webhook_edit(self, request):
        handle = self._handle_for(request)
        if handle is None:
            return fail(UNKNOWN_WEBHOOK)
        mid = request.match_info["message_id"]
        msg = self._webhook_message(handle, mid)
        if msg is None:
            return fail(UNKNOWN_MESSAGE)
        rec = request[REC]
        body = rec.json or {}
        if self.world.validate_messages and (err := check_message(body, n_files=len(rec.files), creating=False)):
            return payloads.json_response(err, status=400)
        msg = await self.api._edit_message(msg, body, rec.files)
        if mid == "@original":
            handle.edits.append(body)
            handle.completions.append(("edit_original", body, list(rec.files)))
        self.api._changed()
        return ok(msg)

    async def webhook_delete(self, request):
        handle = self._handle_for(request)
        if handle is None:
            return fail(UNKNOWN_WEBHOOK)
        mid = request.match_info["message_id"]
        msg = self._webhook_message(handle, mid)
        if msg is None:
            return fail(UNKNOWN_MESSAGE)
        await self.api._delete_message(msg)
        if mid == "@original":
            handle.original = None
        return web.Response(status=NO_CONTENT)

    # -- everything else ------------------------------------------------------------

    async def unknown(self, request):
        rec = request.get(REC)
        if rec is not None:
            rec.unknown = True
        return payloads.json_response(payloads.error("404: Not Found", 0), status=404)
