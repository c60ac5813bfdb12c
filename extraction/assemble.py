"""From the rule components' plain data on a Doc to the project's records (diplowatch.records).

Here dates are resolved against the publication date, repeated mentions of one encounter are
merged, and evidence offsets are taken from the article text as given.
"""

from __future__ import annotations

from diplowatch.dates import date_line, publication_date
from diplowatch.records import Evidence, Extraction, Meeting, Participant, Quote
from spacy.tokens import Doc

from . import dates, geo
from .lexicons import load
from .meetings.model import MeetingCandidate, party_key
from .words import lemma

CUE_RANK = {"dmy": 0, "mdy": 0, "dm": 1, "md": 1, "same_day": 2, "today": 3, "yesterday": 3, "tomorrow": 3,
            "weekday": 3, "last_weekday": 3, "next_weekday": 3, "month_year": 4, "month": 5, "last_month": 6, "next_month": 6, "this_month": 6,
            "last_year": 7, "next_year": 7, "this_year": 7}


def _evidence(text: str, start: int, end: int) -> Evidence:
    return Evidence(text[start:end].strip(), start, end)


def _meeting_date(c: MeetingCandidate, ref: str | None, published: str | None, previous: str | None) -> str | None:
    if c.cues:
        cue = min(c.cues, key=lambda q: CUE_RANK.get(q.kind, 9))
        value = dates.resolve(cue, ref, c.status == "planned", previous)
        if value:
            return value
    # no time expression: a reported meeting is the day's news (publication date); an announced
    # one with no time given has an unknown date ("devraient se rencontrer à nouveau")
    return None if c.status == "planned" else published


def _stronger_kind(a: str, b: str) -> str:
    order = {"call": 0, "talks": 1, "meeting": 2}
    return a if order[a] <= order[b] else b


def _compatible(a: Meeting, b: Meeting, again: bool) -> bool:
    if again:
        return False
    if a.place and b.place and geo.is_country_name(a.place) == geo.is_country_name(b.place) and a.place != b.place:
        return False
    if a.date and b.date and not (a.date.startswith(b.date) or b.date.startswith(a.date)):
        return False  # 2025-05 and 2025-07-13 are two encounters
    if (a.kind == "call") != (b.kind == "call"):
        return False  # a phone call and an encounter are two events
    if a.status != b.status and a.kind != b.kind:
        return False  # "s'est entretenu au téléphone" today, "tiendront une séance de travail" later
    return True


def _infer_countries(meetings: list[Meeting], body: str) -> tuple[list[Meeting], dict[str, str]]:
    """A bilateral meeting where one side's country is not stated: the country the article names
    most often among those no other participant holds ("Tinubu travelled to South Africa ...
    relations with Nigeria and South Africa" -> NG), when one country clearly leads."""
    counts: dict[str, int] = {}
    for _, _, code, kind in geo.countries_in(body):
        if kind in ("name", "adjective"):
            counts[code] = counts.get(code, 0) + 1
    inferred: dict[str, str] = {}
    out = []
    for m in meetings:
        missing = [i for i, p in enumerate(m.participants) if p.name and not p.country]
        if len(missing) == 1 and len(m.participants) == 2:
            held = {p.country for p in m.participants if p.country}
            ranked = sorted(((n, c) for c, n in counts.items() if c not in held), reverse=True)
            if ranked and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]):
                i = missing[0]
                p = m.participants[i]
                code = inferred.setdefault(p.name, ranked[0][1])
                parts = list(m.participants)
                parts[i] = Participant(p.name, p.role, code)
                m = Meeting(tuple(parts), m.date, m.place, m.status, m.kind, m.evidence)
        out.append(m)
    # other meetings of the same person
    final = []
    for m in out:
        if any(p.name in inferred and not p.country for p in m.participants):
            m = Meeting(tuple(Participant(p.name, p.role, p.country or inferred.get(p.name)) for p in m.participants),
                        m.date, m.place, m.status, m.kind, m.evidence)
        final.append(m)
    return final, inferred


def _title_end(text: str, body_start: int) -> int:
    """End of a headline: the first line of the body when it has no final punctuation."""
    start = body_start
    while start < len(text) and text[start] in " \t\n":
        start += 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    line = text[start:end].strip()
    if not line or line[-1] in ".!?»”\"" or len(line.split()) > 30 or end >= len(text):
        return 0
    return end


def assemble(doc: Doc, text: str, published: str | None, lang: str, warnings: list[str]) -> Extraction:
    if published is None:
        published = publication_date(text)
    _, body_start = date_line(text)
    ref = dates.reference_date(text[body_start:], published)
    persons = doc._.persons or {}

    meetings: list[Meeting] = []
    keys: list[frozenset[str]] = []
    stated_place: list[bool] = []
    weak: list[bool] = []
    previous_date = None
    previous_place = None
    title_end = _title_end(text, body_start)
    candidates = list(doc._.meeting_candidates or [])
    # a headline restates an encounter of the body: read it last, so the body's account leads
    candidates = [c for c in candidates if c.sent_start >= title_end] + [c for c in candidates if c.sent_start < title_end]
    for c in candidates:
        is_weak = c.sent_start < title_end or not c.cues
        date = _meeting_date(c, ref, published, previous_date)
        status = c.status
        if date and published and len(date) == 10 and len(published) == 10 and date > published:
            status = "planned"
        place, stated = c.place, c.place_stated
        if any(q.kind == "same_day" for q in c.cues) and previous_place and (place is None or not stated) and c.kind != "call":
            place, stated = previous_place, True
        parts = []
        for m in c.participants:
            if m.key and m.key in persons:
                p = persons[m.key]
                parts.append(Participant(p.name, p.role or m.role, p.country or m.country))
            else:
                parts.append(Participant(None, m.role, m.country))
        # the host of a meeting in his own country: the participant without a country
        if place:
            code = geo.place_country(place)
            missing = [i for i, p in enumerate(parts) if not p.country]
            hosting = lemma(doc[c.trigger]) in load().words("host_verb")
            if code and (len(missing) == 1 or hosting and 0 in missing) and code not in {p.country for p in parts}:
                i = missing[0]
                parts[i] = Participant(parts[i].name, parts[i].role, code)
        meeting = Meeting(tuple(parts), date, place, status, c.kind, _evidence(text, c.sent_start, c.sent_end))
        key = frozenset(party_key(m) for m in c.participants)
        merged = False
        for i, (other, okey) in enumerate(zip(meetings, keys)):
            same_sentence = other.evidence is not None and other.evidence.start == c.sent_start
            if not (key <= okey or okey <= key) or len(key & okey) < 2:
                continue
            vague = (is_weak or weak[i]) and not c.again and (c.sent_start < title_end or c.status == other.status) \
                and not ((other.kind == "call") != (meeting.kind == "call") and (other.place or meeting.place))
            if vague and not same_sentence:
                # the same parties with no time stated on one side: one encounter, told by the precise mention
                parts_union = other.participants + tuple(p for p in meeting.participants if p not in other.participants
                                                          and not any(p.name and p.name == o.name for o in other.participants))
                parts = parts_union if len(key) > len(okey) else other.participants
                if weak[i] and not is_weak:
                    meetings[i] = Meeting(parts, meeting.date, meeting.place or other.place, meeting.status, meeting.kind,
                                          meeting.evidence)
                    stated_place[i] = stated
                    weak[i] = False
                else:
                    meetings[i] = Meeting(parts, other.date or meeting.date, other.place or meeting.place, other.status,
                                          other.kind, other.evidence)
                keys[i] = okey | key
                merged = True
                break
            if same_sentence and not c.again or _compatible(other, meeting, c.again):
                # keep the first mention; fill what it lacks
                better_place = other.place
                if meeting.place and (not other.place or not stated_place[i] and stated
                                      or geo.is_country_name(other.place) and not geo.is_country_name(meeting.place)):
                    better_place = meeting.place
                    stated_place[i] = stated
                parts_union = other.participants + tuple(p for p in meeting.participants if p not in other.participants
                                                          and not any(p.name and p.name == o.name for o in other.participants))
                meetings[i] = Meeting(parts_union if len(key) > len(okey) else other.participants,
                                      other.date if other.date and (len(other.date) >= len(date or "")) else date,
                                      better_place, other.status,
                                      _stronger_kind(other.kind, meeting.kind) if same_sentence else other.kind,
                                      other.evidence)
                keys[i] = okey | key
                merged = True
                break
        if not merged:
            meetings.append(meeting)
            keys.append(key)
            stated_place.append(stated)
            weak.append(is_weak)
        # "le même jour" / "plus tôt dans la journée" name a day: the latest day-precise date
        previous_date = date if date and len(date) == 10 else previous_date
        previous_place = place

    meetings, inferred = _infer_countries(meetings, text[body_start:])
    quotes = []
    seen = set()
    for q in doc._.quote_candidates or []:
        if (q.start, q.end) in seen:
            continue
        seen.add((q.start, q.end))
        quotes.append(Quote(q.speaker, text[q.start:q.end], q.kind, q.speaker_country or inferred.get(q.speaker), q.speaker_role,
                            _evidence(text, q.sent_start, q.sent_end)))

    named = {key: p for key, p in persons.items() if p.name}
    people = tuple(named)
    organisations = tuple(dict.fromkeys(e.text for e in doc.ents if e.label_ in ("ORG", "NORP") and len(e.text) > 1))
    places = tuple(dict.fromkeys(e.text for e in doc.ents if e.label_ in ("LOC", "GPE")))
    codes = [code for _, _, code, _ in geo.countries_in(text)]
    codes += [p.country for p in named.values() if p.country]
    aliases = {name: tuple(sorted(p.aliases)) for name, p in named.items() if p.aliases}
    person_countries = {name: p.country or inferred.get(name) for name, p in named.items() if p.country or inferred.get(name)}
    return Extraction(
        language=lang,
        meetings=tuple(meetings),
        quotes=tuple(quotes),
        people=people,
        organisations=organisations,
        places=places,
        countries=tuple(dict.fromkeys(codes)),
        aliases=aliases,
        person_countries=person_countries,
        warnings=tuple(warnings),
    )
