"""Records as list entries: how a meeting, a statement or an article reads in any answer."""

from __future__ import annotations

from diplowatch import countries
from diplowatch.records import Article, Meeting, Quote
from handlers.replies import Entry

STATUS_MARK = {"held": "held", "planned": "planned"}
KIND_LABEL = {"meeting": "meeting", "call": "call", "talks": "talks"}


def flag(code: str | None) -> str:
    country = countries.by_code(code) if code else None
    return country.flag if country else ""


def country_label(code: str) -> str:
    country = countries.by_code(code)
    return f"{country.flag} {country.name_en}".strip() if country else code


def participant_line(meeting: Meeting) -> str:
    parts = []
    for p in meeting.participants:
        who = p.name or (p.role or "unnamed")
        mark = flag(p.country)  # a flag, or the code when the country has none: never both
        parts.append(f"{mark} {who}" if mark else f"{who} ({p.country})" if p.country else who)
    return " ↔ ".join(parts)


def article_ref(article: Article | None) -> str:
    if article is None:
        return ""
    return f"Article {article.id} — {article.title}"


def meeting_entry(meeting: Meeting, article: Article | None) -> Entry:
    roles = "; ".join(f"{p.name or 'unnamed'}: {p.role}" for p in meeting.participants if p.role)
    where = meeting.place or ("by phone or video" if meeting.kind == "call" else "place not stated")
    body = "\n".join(
        line
        for line in (
            roles,
            f"{where} · {STATUS_MARK[meeting.status]} · {KIND_LABEL[meeting.kind]}",
            article_ref(article),
        )
        if line
    )
    return Entry(heading=f"{meeting.date or 'date unknown'} · {participant_line(meeting)}", body=body)


def quote_entry(quote: Quote, article: Article | None, *, cite: bool = True) -> Entry:
    """A statement, dated by its article; `cite` adds which article (not inside /article)."""
    speaker = quote.speaker or "unattributed"
    tag = f" {flag(quote.speaker_country)}" if quote.speaker_country else ""
    when = (article.published if article else None) or "date unknown"
    text = f"« {quote.text} »" if quote.kind == "direct" else quote.text
    label = "said" if quote.kind == "direct" else "reported"
    ref = article_ref(article) if cite else ""
    return Entry(heading=f"{speaker}{tag} · {when} · {label}", body=f"{text}\n{ref}" if ref else text)



