"""/meetings: who met whom, for a country or a person, one row per encounter."""

from __future__ import annotations

from handlers.arguments import period, subject_pair
from handlers.commands import DATE, DATE_FR, LIST_LIMIT, SUBJECT, SUBJECT_FR, bounded, loading_note
from handlers.entries import event_entry
from handlers.queries import heads_involving
from handlers.replies import Reply
from handlers.spec import Command, Context, Param
from handlers.words import tr


def meetings(ctx: Context, subject: str, with_: str | None = None, since: str | None = None, until: str | None = None) -> Reply:
    who, other = subject_pair(ctx.store, subject, with_)
    start, end = period(since, until)
    found = heads_involving(ctx.store, who, other, start, end)
    title = tr("Meetings of {who}", who=who.label) + (tr(" with {other}", other=other.label) if other else "")
    if not found:
        return Reply(title=title, summary=tr("No meeting found.") + loading_note(ctx))
    held = sum(h.status == "held" for h in found)
    reports = sum(h.sources for h in found)
    shown = ctx.store.events_of_heads(found[: LIST_LIMIT + 1])  # built for the rows shown only
    entries, note = bounded([event_entry(e, ctx.store.article) for e in shown], "narrow with since, until or with")
    return Reply(
        title=title,
        summary=tr("{n} meeting(s): {held} held, {planned} planned, from {reports} report(s). Newest first.",
                   n=len(found), held=held, planned=len(found) - held, reports=reports) + note,
        entries=entries,
    )


COMMANDS = (
    Command("meetings", "Meetings of a country or person, one per encounter, newest first", meetings, (
        Param("subject", SUBJECT, True, "subject", fr=("sujet", SUBJECT_FR)),
        Param("with", "only meetings with this country or person", kind="subject",
              fr=("avec", "seulement les rencontres avec ce pays ou cette personne")),
        Param("since", f"from this date ({DATE})", kind="date", fr=("depuis", f"à partir de cette date ({DATE_FR})")),
        Param("until", f"up to this date ({DATE})", kind="date", fr=("jusqua", f"jusqu'à cette date ({DATE_FR})")),
    ), fr=("rencontres", "Rencontres d'un pays ou d'une personne, une par rencontre, les plus récentes d'abord")),
)
