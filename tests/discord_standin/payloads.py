"""JSON payloads shaped the way discord.py 2.7 parses them.

Keys that discord.py reads with ``data[...]`` (not ``.get``) are always present:
leaving one out makes the client crash deep inside its parsers, far from the test.
"""

from __future__ import annotations

from typing import Any

from .world import Member, World, iso_now


def guild_create(world: World) -> dict:
    return {
        "id": str(world.guild_id),
        "name": world.guild_name,
        "owner_id": str(world.owner_id),
        "icon": None,
        "splash": None,
        "discovery_splash": None,
        "banner": None,
        "description": None,
        "features": [],
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "mfa_level": 0,
        "nsfw_level": 0,
        "premium_tier": 0,
        "premium_subscription_count": 0,
        "preferred_locale": world.locale,
        "system_channel_id": None,
        "system_channel_flags": 0,
        "rules_channel_id": None,
        "public_updates_channel_id": None,
        "afk_channel_id": None,
        "afk_timeout": 300,
        "vanity_url_code": None,
        "max_members": 500000,
        "premium_progress_bar_enabled": False,
        "application_id": None,
        "joined_at": iso_now(),
        "large": False,
        "unavailable": False,
        "member_count": len(world.members),
        "roles": [r.to_dict() for r in world.roles],
        "emojis": [],
        "stickers": [],
        "channels": [c.to_dict(world.guild_id) for c in world.channels],
        "threads": [],
        "members": [m.to_dict() for m in world.members],
        "voice_states": [],
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
    }


def ready(world: World, session_id: str, resume_url: str) -> dict:
    return {
        "v": 10,
        "user": {**world.bot.to_dict(), "verified": True, "mfa_enabled": False, "email": None},
        "guilds": [{"id": str(world.guild_id), "unavailable": True}],
        "session_id": session_id,
        "session_type": "normal",
        "resume_gateway_url": resume_url,
        "application": {"id": str(world.application_id), "flags": world.application_flags},
        "private_channels": [],
        "relationships": [],
        "presences": [],
        "user_settings": {},
        "guild_join_requests": [],
        "geo_ordered_rtc_regions": ["local"],
        "auth_session_id_hash": "standin",
        "_trace": ["[\"standin\"]"],
    }


def application(world: World) -> dict:
    owner = world.member(world.owner_id).user
    return {
        "id": str(world.application_id),
        "name": world.application_name,
        "icon": None,
        "description": "stand-in application",
        "summary": "",
        "type": None,
        "bot_public": False,
        "bot_require_code_grant": False,
        "verify_key": "0" * 64,
        "flags": world.application_flags,
        "owner": owner.to_dict(),
        "team": None,
        "bot": world.bot.to_dict(),
        "redirect_uris": [],
        "interactions_endpoint_url": None,  # set => discord.py warns interactions won't arrive
        "tags": [],
        "approximate_guild_count": 1,
    }


def member_for_event(world: World, member: Member) -> dict:
    return member.to_dict(permissions=world.permissions_of(member))


def message(
    *,
    id: int,
    channel_id: int,
    author: dict,
    body: dict[str, Any],
    attachments: list[dict],
    webhook_id: int | None = None,
    application_id: int | None = None,
    interaction_metadata: dict | None = None,
    flags: int | None = None,
) -> dict:
    """A full message object built from what the bot sent (``body``)."""
    msg: dict[str, Any] = {
        "id": str(id),
        "channel_id": str(channel_id),
        "author": author,
        "content": body.get("content") or "",
        "timestamp": iso_now(),
        "edited_timestamp": None,
        "tts": bool(body.get("tts", False)),
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "mention_channels": [],
        "attachments": attachments,
        "embeds": [{"type": "rich", **e} for e in body.get("embeds") or []],
        "reactions": [],
        "pinned": False,
        "type": 0 if not body.get("message_reference") else 19,
        "flags": int(body.get("flags") or 0) if flags is None else flags,
        "components": body.get("components") or [],
        "sticker_items": [],
    }
    if body.get("nonce") is not None:
        msg["nonce"] = body["nonce"]
    if body.get("message_reference"):
        msg["message_reference"] = {**body["message_reference"], "channel_id": str(channel_id)}
    if webhook_id is not None:
        msg["webhook_id"] = str(webhook_id)
    if application_id is not None:
        msg["application_id"] = str(application_id)
    if interaction_metadata is not None:
        msg["interaction_metadata"] = interaction_metadata
    return msg


def attachment(*, id: int, filename: str, data: bytes, content_type: str | None, url: str, description: str | None) -> dict:
    att = {
        "id": str(id),
        "filename": filename,
        "size": len(data),
        "url": url,
        "proxy_url": url,
        "content_type": content_type,
        "flags": 0,
    }
    if description:
        att["description"] = description
    return att


def error(message: str, code: int, errors: dict | None = None) -> dict:
    body: dict[str, Any] = {"message": message, "code": code}
    if errors:
        body["errors"] = errors
    return body


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None):
    """discord.py parses a body as JSON only if Content-Type is exactly
    "application/json"; aiohttp's json_response appends "; charset=utf-8"."""
    import json

    from aiohttp import web

    return web.Response(
        body=json.dumps(data).encode(),
        status=status,
        headers={**(headers or {}), "Content-Type": "application/json"},
    )
