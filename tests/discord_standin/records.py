"""What the stand-in saw: every HTTP request and every gateway frame."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from aiohttp import hdrs, web


@dataclass
class RecordedFile:
    field: str  # form field name, e.g. "files[0]"
    filename: str
    content_type: str | None
    data: bytes


@dataclass
class RecordedRequest:
    method: str
    path: str  # relative to /api/v10, e.g. "/channels/123/messages"
    query: dict[str, str]
    headers: dict[str, str]
    json: Any = None  # JSON body, or multipart payload_json
    files: list[RecordedFile] = field(default_factory=list)
    form: dict[str, str] = field(default_factory=dict)  # other multipart text parts
    status: int | None = None  # filled in once answered
    route: str | None = None  # matched template, e.g. "/channels/{channel_id}/messages"
    unknown: bool = False  # no stand-in route matched

    @property
    def reason(self) -> str | None:
        """X-Audit-Log-Reason, as discord.py URL-quotes it."""
        from urllib.parse import unquote

        value = self.headers.get("X-Audit-Log-Reason")
        return unquote(value) if value is not None else None

    def __repr__(self) -> str:
        extra = f" files={[f.filename for f in self.files]}" if self.files else ""
        return f"<{self.method} {self.path} -> {self.status}{extra}>"


@dataclass
class GatewayFrame:
    session_id: str | None
    op: int
    d: Any
    direction: str  # "recv" (client -> stand-in) or "send"
    t: str | None = None


async def read_request(request: web.Request, prefix: str) -> RecordedRequest:
    path = request.path[len(prefix):] if request.path.startswith(prefix) else request.path
    rec = RecordedRequest(
        method=request.method,
        path=path,
        query=dict(request.query),
        headers={k: v for k, v in request.headers.items()},
    )
    if not request.can_read_body:
        return rec
    ctype = request.content_type
    if ctype.startswith("multipart/"):
        reader = await request.multipart()
        async for part in reader:
            if part.name == "payload_json":
                rec.json = json.loads(await part.text())
            elif part.filename is not None:
                rec.files.append(
                    RecordedFile(
                        field=part.name or "",
                        filename=part.filename,
                        content_type=part.headers.get(hdrs.CONTENT_TYPE),
                        data=bytes(await part.read(decode=False)),
                    )
                )
            else:
                rec.form[part.name or ""] = await part.text()
    else:
        raw = await request.read()
        if raw:
            try:
                rec.json = json.loads(raw)
            except ValueError:
                rec.form["_raw"] = raw.decode("utf-8", "replace")
    return rec
