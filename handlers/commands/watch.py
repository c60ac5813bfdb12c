"""/watch add|remove|list: which countries or people a channel gets alerts for."""

from __future__ import annotations

from handlers.commands import SUBJECT, SUBJECT_FR
from handlers.entries import country_label
from handlers.replies import Reply
from handlers.spec import Command, Context, Param
from handlers.subjects import Subject, resolve_subject
from handlers.words import tr


def watch_label(subject: str) -> str:
    """A stored watch ("country:KZ", "person:Wang Yi") as a user reads it."""
    kind, _, value = subject.partition(":")
    return country_label(value) if kind == "country" else value


def _key(who: Subject) -> str:
    # A person is kept by display name, which users read in /watch list and which stays one
    # of their spellings (alerts find the person again through the registry).
    return f"{who.kind}:{who.value if who.kind == 'country' else who.label}"


def watch_add(ctx: Context, subject: str) -> Reply:
    who = resolve_subject(ctx.store, subject)
    added = ctx.store.add_watch(ctx.channel_id or 0, _key(who))
    text = tr("This channel now receives alerts about {who}.", who=who.label) if added else tr("Already watching {who}.", who=who.label)
    return Reply(title=tr("Watches"), summary=text, tone="success", ephemeral=True)


def watch_remove(ctx: Context, subject: str) -> Reply:
    who = resolve_subject(ctx.store, subject)
    removed = ctx.store.remove_watch(ctx.channel_id or 0, _key(who))
    text = tr("Stopped watching {who}.", who=who.label) if removed else tr("This channel was not watching {who}.", who=who.label)
    return Reply(title=tr("Watches"), summary=text, tone="success", ephemeral=True)


def watch_list(ctx: Context) -> Reply:
    mine = [watch_label(s) for channel, s in ctx.store.watches() if ctx.channel_id is None or channel == ctx.channel_id]
    summary = (
        tr("This channel follows: {subjects}", subjects=", ".join(mine)) if mine else
        tr("This channel follows nothing: alerts go to the alert channel.")
    )
    return Reply(title=tr("Watches"), summary=summary, ephemeral=True)


COMMANDS = (
    Command("watch add", "Send this channel alerts about a country or person", watch_add, (
        Param("subject", SUBJECT, True, "subject", fr=("sujet", SUBJECT_FR)),
    ), admin=True, fr=("ajouter", "Envoyer à ce salon les alertes sur un pays ou une personne")),
    Command("watch remove", "Stop alerts about a country or person here", watch_remove, (
        Param("subject", SUBJECT, True, "subject", fr=("sujet", SUBJECT_FR)),
    ), admin=True, fr=("retirer", "Ne plus envoyer ici les alertes sur un pays ou une personne")),
    Command("watch list", "What this channel follows", watch_list, admin=True, fr=("liste", "Ce que suit ce salon")),
)
