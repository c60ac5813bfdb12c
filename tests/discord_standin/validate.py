"""Discord's message limits, so a bot that would be rejected in production is
rejected here too (the classic one: a news digest longer than 2000 characters)."""

from __future__ import annotations

from typing import Any

from .payloads import error

_EMBED_LIMITS = {"title": 256, "description": 4096}
_EMBED_TOTAL = 6000


def _too_long(limit: int) -> dict:
    return {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH", "message": f"Must be {limit} or fewer in length."}]}


def check_message(body: dict[str, Any], *, n_files: int, creating: bool) -> dict | None:
    """Return a Discord error payload, or None when Discord would accept ``body``."""
    errors: dict[str, Any] = {}
    content = body.get("content")
    if content is not None and len(str(content)) > 2000:
        errors["content"] = _too_long(2000)

    embeds = body.get("embeds") or []
    if len(embeds) > 10:
        errors["embeds"] = _too_long(10)
    total = 0
    for i, e in enumerate(embeds[:10]):
        e_err: dict[str, Any] = {}
        for key, limit in _EMBED_LIMITS.items():
            value = e.get(key) or ""
            total += len(value)
            if len(value) > limit:
                e_err[key] = _too_long(limit)
        fields = e.get("fields") or []
        if len(fields) > 25:
            e_err["fields"] = _too_long(25)
        for j, f in enumerate(fields):
            f_err = {}
            total += len(f.get("name", "")) + len(f.get("value", ""))
            if len(f.get("name", "")) > 256:
                f_err["name"] = _too_long(256)
            if len(f.get("value", "")) > 1024:
                f_err["value"] = _too_long(1024)
            if not f.get("name") or not f.get("value"):
                f_err["_errors"] = [{"code": "BASE_TYPE_REQUIRED", "message": "This field is required"}]
            if f_err:
                e_err.setdefault("fields", {})[str(j)] = f_err
        footer = (e.get("footer") or {}).get("text", "")
        author = (e.get("author") or {}).get("name", "")
        total += len(footer) + len(author)
        if len(footer) > 2048:
            e_err["footer"] = {"text": _too_long(2048)}
        if len(author) > 256:
            e_err["author"] = {"name": _too_long(256)}
        if e_err:
            errors.setdefault("embeds", {})[str(i)] = e_err
    if total > _EMBED_TOTAL:
        errors.setdefault("embeds", {})["_errors"] = [
            {"code": "MAX_EMBED_SIZE_EXCEEDED", "message": "Embed size exceeds maximum size of 6000"}
        ]

    if errors:
        return error("Invalid Form Body", 50035, errors)

    if creating and not (content or embeds or n_files or body.get("components") or body.get("sticker_ids") or body.get("poll")):
        return error("Cannot send an empty message", 50006)
    return None
