"""/meetings: who met whom, for a country or a person."""

from __future__ import annotations

from handlers.arguments import period, subject_pair
from handlers.commands import DATE, DATE_FR, SUBJECT, SUBJECT_FR, bounded, loading_note
from handlers.entries import meeting_entry
from handlers.queries import meetings_involving
from handlers.replies import Reply
from handlers.spec import Command, Context, Param


def meetings(ctx: Context, subject: str, with_: str | None = None, since: str | None = None, until: str | None = None) -> Reply:
    who, other = subject_pair(ctx.store, subject, with_)
    start, end = period(since, until)
    found = meetings_involving(ctx.store, who, other, start, end)
    title = f"Meetings of {who.label}" + (f" with {other.label}" if other else "")
    if not found:
        return Reply(title=title, summary="No meeting found." + loading_note(ctx))
    held = sum(m.status == "held" for m in found)
    entries, note = bounded([meeting_entry(m, ctx.store.article(m.article_id)) for m in found], "narrow with since, until or with")
    return Reply(
        title=title,
        summary=f"{len(found)} meeting(s): {held} held, {len(found) - held} planned. Newest first.{note}",
        entries=entries,
    )


COMMANDS = (
    Command("meetings", "Meetings of a country or person, newest first", meetings, (
        Param("subject", SUBJECT, True, "subject", fr=("sujet", SUBJECT_FR)),
        Param("with", "only meetings with this country or person", kind="subject",
              fr=("avec", "seulement les rencontres avec ce pays ou cette personne")),
        Param("since", f"from this date ({DATE})", kind="date", fr=("depuis", f"à partir de cette date ({DATE_FR})")),
        Param("until", f"up to this date ({DATE})", kind="date", fr=("jusqua", f"jusqu'à cette date ({DATE_FR})")),
    ), fr=("rencontres", "Rencontres d'un pays ou d'une personne, les plus récentes d'abord")),
)
