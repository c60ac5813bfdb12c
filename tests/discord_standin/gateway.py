"""The gateway websocket: HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeats, RESUME."""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
import zlib
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

from . import payloads
from .records import GatewayFrame

if TYPE_CHECKING:
    from .server import DiscordStandIn

log = logging.getLogger(__name__)

DISPATCH, HEARTBEAT, IDENTIFY, PRESENCE, RESUME, RECONNECT, REQUEST_MEMBERS, INVALID_SESSION, HELLO, HEARTBEAT_ACK = (
    0, 1, 2, 3, 6, 7, 8, 9, 10, 11,
)


class GatewaySession:
    """One websocket connection. ``session_id`` survives into a RESUME on a new socket."""

    def __init__(self, api: "DiscordStandIn", ws: web.WebSocketResponse, compress: str | None) -> None:
        self.api = api
        self.ws = ws
        self.session_id: str | None = None
        self.seq = 0
        self.identify: dict | None = None
        # zlib-stream is one deflate stream per connection, each frame ended by a
        # Z_SYNC_FLUSH; the client buffers until it sees 00 00 ff ff.
        self._zlib = zlib.compressobj() if compress == "zlib-stream" else None
        # Frames must leave in seq order and the zlib stream must not interleave.
        self._lock = asyncio.Lock()

    @property
    def identified(self) -> bool:
        return self.session_id is not None and not self.ws.closed

    async def send(self, op: int, d: Any = None, t: str | None = None) -> None:
        async with self._lock:
            if self.ws.closed:
                return
            frame: dict[str, Any] = {"op": op, "d": d, "s": None, "t": t}
            if op == DISPATCH:
                self.seq += 1
                frame["s"] = self.seq
            self.api.gateway_log.append(GatewayFrame(self.session_id, op, d, "send", t))
            text = json.dumps(frame)
            if self._zlib is not None:
                data = self._zlib.compress(text.encode()) + self._zlib.flush(zlib.Z_SYNC_FLUSH)
                await self.ws.send_bytes(data)
            else:
                await self.ws.send_str(text)

    async def dispatch(self, event: str, data: Any) -> None:
        await self.send(DISPATCH, data, event)


async def handle(api: "DiscordStandIn", request: web.Request) -> web.StreamResponse:
    compress = request.query.get("compress")
    api.gateway_queries.append(dict(request.query))
    if request.query.get("encoding", "json") != "json":
        return payloads.json_response(payloads.error("stand-in only speaks encoding=json", 0), status=400)
    # discord.py asks for zstd-stream when a zstd module is importable. Sending plain
    # text frames is always legal: it decompresses only binary frames.
    ws = web.WebSocketResponse(max_msg_size=0, autoping=True)
    await ws.prepare(request)
    session = GatewaySession(api, ws, compress)
    api._sockets.add(session)
    try:
        await session.send(HELLO, {"heartbeat_interval": api.world.heartbeat_interval_ms, "_trace": ["standin"]})
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                if msg.type == WSMsgType.BINARY:
                    log.warning("stand-in gateway ignores binary frames from the client")
                continue
            frame = json.loads(msg.data)
            await _on_frame(api, session, frame)
    finally:
        api._sockets.discard(session)
        api._changed()
    return ws


async def _on_frame(api: "DiscordStandIn", session: GatewaySession, frame: dict) -> None:
    op, d = frame.get("op"), frame.get("d")
    api.gateway_log.append(GatewayFrame(session.session_id, op, d, "recv"))
    api._changed()
    if op == HEARTBEAT:
        await session.send(HEARTBEAT_ACK)
    elif op == IDENTIFY:
        if (d or {}).get("token") != api.world.token:
            await session.ws.close(code=4004, message=b"Authentication failed.")
            return
        session.identify = d
        session.session_id = uuid.uuid4().hex
        api._sessions[session.session_id] = session
        ready = payloads.ready(api.world, session.session_id, api.gateway_url)
        if "shard" in d:  # AutoShardedClient reads READY["shard"][0]
            ready["shard"] = d["shard"]
        await session.dispatch("READY", ready)
        await session.dispatch("GUILD_CREATE", payloads.guild_create(api.world))
        api.identify_count += 1
        api._changed()
    elif op == RESUME:
        old = api._sessions.get((d or {}).get("session_id"))
        if old is None or d.get("token") != api.world.token:
            await session.send(INVALID_SESSION, False)
            return
        session.session_id, session.seq, session.identify = old.session_id, old.seq, old.identify
        api._sessions[session.session_id] = session
        await session.dispatch("RESUMED", {"_trace": ["standin"]})
        api.resume_count += 1
        api._changed()
    elif op == REQUEST_MEMBERS:
        # Answer chunk requests at once so a bot with the members intent does not
        # sit out discord.py's chunk timeout at startup.
        members = [m.to_dict() for m in api.world.members]
        chunk = {"guild_id": str(api.world.guild_id), "members": members, "chunk_index": 0, "chunk_count": 1}
        if d and d.get("nonce") is not None:
            chunk["nonce"] = d["nonce"]
        await session.dispatch("GUILD_MEMBERS_CHUNK", chunk)
