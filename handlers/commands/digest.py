"""/digest and /graph: the weekly digest on demand, and the picture around one country."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from diplowatch import countries
from handlers.arguments import user_date
from handlers.commands import DATE, DATE_FR
from handlers.digest import Period, days_label, read_marker, weekly_digest
from handlers.errors import BadArgument, NotAllowed
from handlers.picture import draw_picture
from handlers.queries import in_period
from handlers.replies import Attachment, DigestPost, Reply
from handlers.spec import Command, Context, Param
from handlers.words import current, tr
from handlers.subjects import resolve_subject


# Digests count articles by arrival: nothing arrived before this, and a period starting this
# early still has a period before it (its change in counts) that a date can hold.
FIRST_YEAR = 1900


def _bound(value: str, zone: ZoneInfo, *, end: bool) -> datetime:
    """The start of a typed date (day, month or year), or the start of the next one for `end`."""
    parts = [int(p) for p in value.split("-")]
    year, month, day = parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1
    start = date(year, month, day)
    try:
        if year < FIRST_YEAR:
            raise ValueError(year)
        if end:
            if len(parts) == 3:
                start += timedelta(days=1)
            elif len(parts) == 2:
                start = date(year + month // 12, month % 12 + 1, 1)
            else:
                start = date(year + 1, 1, 1)
        return datetime.combine(start, time(0), zone)
    except (OverflowError, ValueError):
        raise BadArgument(
            tr("'{value}' is outside the dates a digest can cover (from {year} on).", value=value, year=FIRST_YEAR),
            title=tr("Bad date"),
        ) from None


def _as_reply(replies: list[Reply], **changes) -> Reply:
    first, *rest = (replace(r, **changes) for r in replies)
    return replace(first, more=tuple(rest))


def digest(ctx: Context, since: str | None = None, until: str | None = None, action: str | None = None) -> Reply:
    """/digest [since] [until] [post]: preview the digest of a period, only for the asker.

    With `post` (admins) the answer carries a `DigestPost`: the transport posts the digest
    to the digest channel (see bot.scheduler.post_command_digest) and shows the answer to
    the asker. Without dates that is the digest due since the last one, which then counts
    as posted; with dates it is a one-off that leaves the weekly count alone.
    """
    # The console passes loose words to the first parameter: "/digest post".
    if action is None and since and since.strip().lower() in {"post", "preview"}:
        action, since, until = since, until, None
    action = (action or "preview").strip().lower()
    if action not in {"preview", "post"}:
        raise BadArgument(tr("Use /digest [since] [until] to preview, or /digest post to send it now."), title=tr("Digest"))
    if action == "post" and not ctx.is_admin:
        raise NotAllowed(tr("Only members with the Manage Server permission can post the digest."))
    zone = ZoneInfo(ctx.schedule.tz)
    start_d, end_d = user_date(since, "since"), user_date(until, "until")
    now = datetime.now(UTC).replace(microsecond=0).astimezone(zone)
    if action == "post" and not start_d and not end_d:
        return Reply(
            title=tr("Digest"),
            summary=tr("Posting the digest of everything since the last one to the digest channel."),
            tone="success",
            ephemeral=True,
            digest_post=DigestPost(due=True),
        )
    end = min(_bound(end_d, zone, end=True), now) if end_d else now
    start = _bound(start_d, zone, end=False) if start_d else read_marker(ctx.store) or end - timedelta(days=7)
    if start >= end:
        raise BadArgument(tr("The period is empty: since must come before until (and before now)."), title=tr("Bad dates"))
    # Dates ask what happened in those days; without them, the preview of the digest due.
    basis = "happened" if start_d or end_d else "arrived"
    replies = weekly_digest(ctx.store, start, end, now=now, basis=basis)
    if action == "post":
        return Reply(
            title=tr("Digest"),
            summary=tr("Posting the digest of {period} to the digest channel.", period=days_label(Period(start, end))),
            tone="success",
            ephemeral=True,
            digest_post=DigestPost(due=False, replies=tuple(replies)),
        )
    return _as_reply(replies, ephemeral=True)


def graph(ctx: Context, country: str, since: str | None = None) -> Reply:
    """/graph <country> [since]: the picture of the meetings around one country."""
    subject = resolve_subject(ctx.store, country)
    if subject.kind != "country":
        raise BadArgument(tr("{who} is a person: /graph draws a country's meetings.", who=subject.label),
                          title=tr("Not a country"))
    since_d = user_date(since, "since")
    code = subject.value
    # Events, not reports: five articles about one visit are one line of the picture.
    found = [e for e in ctx.store.events_of_country(code) if in_period(e, since_d, None)]
    name = countries.by_code(code).name(current()) if countries.by_code(code) else code
    title = tr("Meetings of {who}", who=name) + (tr(" since {day}", day=since_d) if since_d else "")
    if not found:
        return Reply(title=title, summary=tr("No meeting found."))
    filename = f"meetings-{code}.png"
    # One count for the text and the picture, so they can never disagree.
    shown = draw_picture(found, title=title, focus=code)
    return Reply(
        title=title,
        summary=shown.counts.text,
        attachments=(Attachment(filename, shown.png, tr("Countries {who} met, and how often", who=name)),),
        image=filename,
    )


COMMANDS = (
    Command("digest", "Preview the digest of a period (only you see it); post: send it now", digest, (
        Param("since", "from this date (default: the last digest)", kind="date",
              fr=("depuis", "à partir de cette date (par défaut : la dernière synthèse)")),
        Param("until", "up to this date, included (default: now)", kind="date",
              fr=("jusqua", "jusqu'à cette date incluse (par défaut : maintenant)")),
        Param("action", "post: send the digest to the digest channel now (Manage Server)", choices=("post",),
              fr=("action", "post : envoyer la synthèse dans son salon maintenant (Gérer le serveur)")),
    ), fr=("synthese", "Aperçu de la synthèse d'une période (vous seul la voyez) ; post : l'envoyer")),
    Command("graph", "A picture of the meetings around a country", graph, (
        Param("country", "a country (kazakhstan, KZ, kazakh)", True, "country", fr=("pays", "un pays (kazakhstan, KZ, kazakh)")),
        Param("since", f"meetings from this date ({DATE})", kind="date", fr=("depuis", f"les rencontres depuis cette date ({DATE_FR})")),
    ), fr=("graphe", "Une image des rencontres autour d'un pays")),
)
