"""What users type, read once: subjects, dates and periods. Anything unusable raises a
UserError saying what is accepted."""

from __future__ import annotations

from diplowatch import dates
from handlers.errors import BadArgument
from handlers.subjects import Subject, resolve_subject
from handlers.words import tr
from storage import Store


def user_date(value: str | None, name: str) -> str | None:
    """An ISO date of any precision, or None when nothing was typed."""
    if not value:
        return None
    try:
        return dates.parse_user_date(value)
    except ValueError:
        message = tr("'{value}' is not a date: use YYYY-MM-DD, YYYY-MM or YYYY", value=value)
        raise BadArgument(f"{name}: {message}", title=tr("Bad date")) from None


def period(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """The typed `since` and `until`, checked to be in order."""
    start, end = user_date(since, "since"), user_date(until, "until")
    if start and end and start[: len(end)] > end:
        raise BadArgument(tr("The period is reversed: since ({start}) comes after until ({end}).", start=start, end=end),
                          title=tr("Bad dates"))
    return start, end


def subject_pair(store: Store, subject: str, with_: str | None) -> tuple[Subject, Subject | None]:
    """The subject of a command and the optional other party ("with:")."""
    return resolve_subject(store, subject), resolve_subject(store, with_) if with_ else None
