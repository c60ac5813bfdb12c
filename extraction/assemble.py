"""From the rule components' plain data on a Doc to the project's records (diplowatch.records).

Here dates are resolved against the publication date, repeated mentions of one encounter are
merged, and evidence offsets are taken from the article text as given.

Constructions handled:
- a meeting with no time expression is the day's news (the publication date) when held, of
  unknown date when planned; "le même jour" takes the previous meeting's day and place;
- a date after the publication date makes the meeting planned;
- the host of a meeting in his own country is of that country ("X a reçu Y à Nouakchott": X is
  Mauritanian when Y is not), and what the article teaches of a person's country holds in all
  its meetings and quotes;
- a participant whose country the article never states is of the country the article names
  most, among those none of his counterparts (in any of his meetings) is of, when one clearly
  leads ("Tinubu travelled to South Africa ... relations with Nigeria" -> NG, but not Russia for
  the South African who phoned Putin) (``_infer_countries``);
- the place: the dateline's city for a held meeting with no place stated, or for one placed
  only in the dateline city's country ("Bakou, 24 septembre ... en visite en Azerbaïdjan");
- one encounter told several times (headline, lead, body) is one entry, told by its most precise
  mention (``Merger``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from diplowatch.dates import date_line, publication_date
from diplowatch.records import Evidence, Extraction, Meeting, Participant, Quote
from spacy.tokens import Doc

from . import dates, geo
from .contained import rule_errors
from .lexicons import load
from .meetings.model import MeetingCandidate, party_key
from .meetings.places import is_venue
from .people.coref import SOLE_OFFICES
from .words import entities, fold, lemma

CUE_RANK = {"dmy": 0, "mdy": 0, "wdm": 1, "wmd": 1, "dm": 1, "md": 1, "same_day": 2, "today": 3, "yesterday": 3, "tomorrow": 3,
            "weekday": 3, "last_weekday": 3, "next_weekday": 3, "month_year": 4, "month": 5, "last_month": 6,
            "next_month": 6, "this_month": 6, "last_year": 7, "next_year": 7, "this_year": 7}


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
    if a.place and b.place and geo.is_country_name(a.place) == geo.is_country_name(b.place) and a.place != b.place \
            and not _venue_in_city(a, b):
        return False
    if a.date and b.date and not (a.date.startswith(b.date) or b.date.startswith(a.date)):
        return False  # 2025-05 and 2025-07-13 are two encounters
    if (a.kind == "call") != (b.kind == "call"):
        return False  # a phone call and an encounter are two events
    if a.status != b.status and a.kind != b.kind:
        return False  # "s'est entretenu au téléphone" today, "tiendront une séance de travail" later
    return True


def _venue_in_city(a: Meeting, b: Meeting) -> bool:
    """ "at the Palace of Versailles" and "in Paris" the same day: a venue the gazetteer does not
    know and a capital it knows may be one place (two capitals, or two venues, are two)."""
    if not (a.date and len(a.date) == 10 and a.date == b.date):
        return False
    return (geo.place_country(a.place) is None) != (geo.place_country(b.place) is None)


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


def _union(a: tuple[Participant, ...], b: tuple[Participant, ...]) -> tuple[Participant, ...]:
    return a + tuple(p for p in b if p not in a and not any(p.name and p.name == o.name for o in a))


def _absorbed(key: frozenset[str], entry: "_Entry") -> bool:
    """The named parties of a mention are an entry's, and its unnamed ones ("the ambassadors",
    one party per country) are of countries the entry's named people hold."""
    unnamed = {k for k in key if k.startswith("party:")}
    named = key - unnamed
    countries = {p.country for p in entry.meeting.participants if p.name and p.country}
    return bool(unnamed) and bool(named) and named <= entry.key \
        and all(k.removeprefix("party:") in countries for k in unnamed)


@dataclass
class _Entry:
    meeting: Meeting
    key: frozenset[str]
    stated: bool
    weak: bool
    generic: bool = False
    another: bool = False  # told as "another meeting", "à nouveau": no earlier encounter, and none of the other status
    inferred_call: bool = False  # a call only for want of a place ("spoke with X"): the encounter told in person, if any


@dataclass
class Merger:
    """The meetings of an article, one entry per encounter (see the module's docstring)."""

    title_end: int
    entries: list[_Entry] = field(default_factory=list)

    def add(self, c: MeetingCandidate, meeting: Meeting, stated: bool) -> None:
        key = frozenset(party_key(m) for m in c.participants)
        weak = c.sent_start < self.title_end or not c.cues
        for entry in self.entries:
            if weak and _absorbed(key, entry) and entry.meeting.status == meeting.status:
                return  # "Xi welcomed the ambassadors" after their names were listed: that audience again
        for entry in self.entries:
            if (key <= entry.key or entry.key <= key) and len(key & entry.key) >= 2 and self._merge(entry, c, meeting, key, stated, weak):
                return
        self.entries.append(_Entry(meeting, key, stated, weak, c.generic, c.again, c.inferred_call))

    def _merge(self, e: _Entry, c: MeetingCandidate, meeting: Meeting, key: frozenset[str], stated: bool, weak: bool) -> bool:
        other = e.meeting
        same_sentence = other.evidence is not None and other.evidence.start == c.sent_start
        if e.another and c.status != other.status and not same_sentence:
            return False  # "une autre rencontre est en préparation ... Ils se sont rencontrés deux fois"
        parts = _union(other.participants, meeting.participants) if len(key) > len(e.key) else other.participants
        if (c.inferred_call or e.inferred_call) and (other.kind == "call") != (meeting.kind == "call") \
                and c.status == other.status and not c.again and not e.another \
                and ((weak if c.inferred_call else e.weak) or not other.date or not meeting.date
                     or other.date[:10] == meeting.date[:10]):  # (the call's date only the day's news when it has no time)
            # "X visited Warsaw and met Y. ... He said he spoke with Y about ...": the talk of the encounter in person
            met = other if other.kind != "call" else meeting
            if met.kind == "talks":
                met = other if other.kind == "call" else meeting  # "discussed ..." tells the call's content
            e.meeting = Meeting(parts, met.date or other.date or meeting.date, met.place, met.status, met.kind,
                                other.evidence)
            e.inferred_call = False
            e.key = e.key | key
            return True
        # (a call and an encounter at a place the article states are two events; a place only inferred
        # from the dateline, as for a headline's "Discussion with X", is no such statement)
        titled = other.evidence is not None and other.evidence.start < self.title_end if other.kind != "call" \
            else c.sent_start < self.title_end
        vague = (weak or e.weak) and not c.again and c.status == other.status \
            and not ((other.kind == "call") != (meeting.kind == "call") and (other.place or meeting.place)
                     and not (titled and not (other.place and e.stated or meeting.place and stated)))
        if vague and not same_sentence:
            # the same parties with no time stated on one side: one encounter, told by the precise mention
            if e.weak and not weak:
                place = None if meeting.kind == "call" else meeting.place or other.place
                e.meeting = Meeting(parts, meeting.date, place, meeting.status, meeting.kind, meeting.evidence)
                e.stated, e.weak = stated, False
            else:
                kind = _stronger_kind(other.kind, meeting.kind) if e.generic else other.kind
                place = None if kind == "call" else other.place or meeting.place
                e.meeting = Meeting(parts, other.date or meeting.date, place, other.status, kind, other.evidence)
            e.generic = e.generic and c.generic
        elif same_sentence and (not c.again or other.place == meeting.place) or _compatible(other, meeting, c.again):
            # keep the first mention; fill what it lacks
            place = other.place
            if meeting.place and (not other.place or not e.stated and stated
                                  or geo.is_country_name(other.place) and not geo.is_country_name(meeting.place)):
                place, e.stated = meeting.place, stated
            date = other.date if other.date and len(other.date) >= len(meeting.date or "") else meeting.date
            if same_sentence and e.weak and not weak and meeting.date:
                date = meeting.date  # "a salué ses échanges avec X, qui l'a accueilli mardi": the day told
            kind = _stronger_kind(other.kind, meeting.kind) if same_sentence or e.generic else other.kind
            e.generic = e.generic and c.generic
            e.meeting = Meeting(parts, date, place, other.status, kind, other.evidence)
        else:
            return False
        e.key = e.key | key
        return True


def _participants(c: MeetingCandidate, persons: dict) -> list[Participant]:
    parts = []
    for m in c.participants:
        p = persons.get(m.key) if m.key else None
        if p is not None:
            parts.append(Participant(p.name, p.role or m.role, p.country or m.country))
        else:
            parts.append(Participant(None, m.role, m.country))
    return parts


def _host(doc: Doc, c: MeetingCandidate, parts: list[Participant], place: str | None, learned: dict[str, str]) -> None:
    """The host of a meeting in his own country: the one participant without a country (or the
    subject of "a reçu" / "received") is of the country of the meeting's place."""
    if c.kind == "call":
        return
    settings = load().words("setting")
    if any(t.lower_ in settings for t in doc.char_span(c.sent_start, c.sent_end, alignment_mode="expand") or ()):
        return  # "on the sidelines of the summit in Peru": a guest of the summit, like the others
    code = next((geo.place_country(p) for p in [place] + list(c.places) if p and geo.place_country(p)), None)
    missing = [i for i, p in enumerate(parts) if not p.country]
    if not code or not missing or code in {p.country for p in parts}:
        return
    hosting = lemma(doc[c.trigger]) in load().words("host_verb")
    if len(missing) == 1 or hosting and 0 in missing:
        chosen = [missing[0]]
        if hosting and len(parts) == 2 and len(missing) == 2 and _domestic_office(c.participants[1]):
            chosen.append(1)  # "Le Chef de l'État a reçu à Alger le ministre des Affaires étrangères, X"
        for i in chosen:
            parts[i] = Participant(parts[i].name, parts[i].role, code)
            if parts[i].name:
                learned.setdefault(parts[i].name, code)


def _domestic_office(m) -> bool:
    """A member of a government named without a country: the host's own minister."""
    return m.cls in ("minister", "foreign", "government") and not m.country


def _place(c: MeetingCandidate, status: str, previous_place: str | None, dateline_city: str | None,
           on_dateline_day: bool) -> tuple[str | None, bool]:
    place, stated = c.place, c.place_stated
    if any(q.kind == "same_day" for q in c.cues) and previous_place and (place is None or not stated) and c.kind != "call" \
            and not is_venue(previous_place):
        return previous_place, True  # the same day, the same city (not the building of the encounter before)
    if dateline_city and c.kind != "call" and status == "held" and on_dateline_day:
        city_country = geo.place_country(dateline_city)
        if place is None or geo.is_country_name(place) and geo.place_country(place) == city_country:
            return dateline_city, False  # "BAKOU, 24 septembre ... en visite en Azerbaïdjan"
    return place, stated


# A dateline of a city alone, before a dash or a colon, or an agency in brackets ("Djeddah – Le
# ministre ...", "Bari: Prime Minister ...", "NEW DELHI (UrduPoint News / Sputnik - 10th ...) Indian ...")
_CITY_LINE = re.compile(r"^\s*([A-ZÀ-Ý][\w'’.\- ]{1,28}?)\s*(?:\([^)\n]{1,80}\)\s*[–—:-]?|[–—]|--?|:)\s+[A-ZÀ-Ý«“\"]", re.M)


def _located(doc: Doc, labels: tuple[str, ...] = ("LOC", "GPE")) -> list:
    """The place entities the text writes after "à" / "in" / "at" ("à Djeddah", "arrived in Nairobi")."""
    return [e for e in entities(doc) if e.label_ in labels and e.start > 0 and doc[e.start - 1].lower_ in ("à", "in", "at")]


def _located_places(doc: Doc) -> frozenset[str]:
    """Places the model reads in the text after "à" / "in" / "at" ("à Djeddah, en Arabie saoudite"):
    what an unknown dateline word must be to be a city (a rubric "Diplomatie – ..." is not)."""
    return frozenset(e.text for e in _located(doc, ("LOC", "GPE", "MISC")))


def _dateline_city(text: str, places: frozenset[str] = frozenset()) -> tuple[str | None, bool]:
    """(city, dated) of the body's dateline; of a dateline with no date ("Djeddah – Le ministre"),
    only a city the gazetteer knows or the model reads as a place elsewhere (`places`)."""
    m = dates.dateline(text)
    dated = m is not None
    if m:
        city = m.group(0).split(",")[0].strip()
    else:
        m = _CITY_LINE.search(text[:600])
        if not m:
            return None, False
        city = m.group(1).strip().rstrip(".")  # "YEREVAN. – ..."
    if not (geo.place_country(city) or city in places) or geo.is_country_name(city):
        return None, False
    return (city.title() if city.isupper() else city), dated


def _at_undated_dateline(meetings: list[Meeting], city: str, ref: str | None) -> list[Meeting]:
    """A held meeting (not a call) of the dateline's day with no place stated took place in the city of
    a dateline that gives no date; applied once the mentions are merged, since such a city is
    weaker than any place a mention states (a headline's restatement of a call stays the call)."""
    return [Meeting(m.participants, m.date, city, m.status, m.kind, m.evidence)
            if m.place is None and m.status == "held" and m.kind != "call" and ref and m.date == ref else m
            for m in meetings]


def _meetings(doc: Doc, text: str, body_start: int, ref: str | None, published: str | None) -> tuple[list[Meeting], dict[str, str]]:
    persons = doc._.persons or {}
    title_end = _title_end(text, body_start)
    merger = Merger(title_end)
    learned: dict[str, str] = {}
    city, dated = _dateline_city(text[body_start:], _located_places(doc))
    previous_date = previous_place = None
    candidates = list(doc._.meeting_candidates or [])
    # a headline restates an encounter of the body: read it last, so the body's account leads
    candidates = [c for c in candidates if c.sent_start >= title_end] + [c for c in candidates if c.sent_start < title_end]
    for c in candidates:
        date = _meeting_date(c, ref, published, previous_date)
        status = c.status
        if date and published and len(date) == 10 and len(published) == 10 and date > published:
            status = "planned"
        place, stated = _place(c, status, previous_place, city if dated else None, not c.cues or date == ref)
        parts = _participants(c, persons)
        _host(doc, c, parts, place, learned)
        merger.add(c, Meeting(tuple(parts), date, place, status, c.kind, _evidence(text, c.sent_start, c.sent_end)), stated)
        # "le même jour" / "plus tôt dans la journée" name a day: the latest day-precise date
        previous_date = date if date and len(date) == 10 else previous_date
        previous_place = place
    meetings = []
    for e in merger.entries:
        m = e.meeting
        if any(p.name in learned and not p.country for p in m.participants):
            m = Meeting(tuple(Participant(p.name, p.role, p.country or learned.get(p.name)) for p in m.participants),
                        m.date, m.place, m.status, m.kind, m.evidence)
        meetings.append(m)
    if city and not dated:
        meetings = _at_undated_dateline(meetings, city, ref)
    return _at_arrival_city(_city_for_country(meetings, doc, city), doc), learned


def _at_arrival_city(meetings: list[Meeting], doc: Doc) -> list[Meeting]:
    """Encounters told with no place after the article says the visitor "est arrivé(e) à Niamey" /
    "arrived in Nairobi" are in that city, when it is the only city of an arrival: those held, and
    those still to come ("sont arrivés à Kiev ... doivent rencontrer X")."""
    arrivals = set()
    arrival_verbs = load().words("arrival_verb")
    for e in _located(doc):
        if any(lemma(t) in arrival_verbs for t in doc[max(0, e.start - 4):e.start - 1]) \
                and not geo.is_country_name(e.text) and geo.place_country(e.text):
            arrivals.add((e.text, e.start_char))
    if len({name for name, _ in arrivals}) != 1:
        return meetings
    city, at = next(iter(arrivals))
    return [Meeting(m.participants, m.date, city, m.status, m.kind, m.evidence)
            if m.place is None and m.kind != "call" and m.evidence and m.evidence.start > at else m
            for m in meetings]


def _city_for_country(meetings: list[Meeting], doc: Doc, dateline_city: str | None) -> list[Meeting]:
    """A meeting placed only in a country ("au Cameroun") is in the one city of that country the
    article places anything in ("accrédités à Yaoundé", the dateline): the press names the
    country of a visit and the city of its audiences."""
    cities: dict[str, set[str]] = {}
    for e in _located(doc):
        name = e.text.strip()
        code = None if geo.is_country_name(name) else geo.place_country(name)
        if code:
            cities.setdefault(code, set()).add(name)
    if dateline_city and not geo.is_country_name(dateline_city) and geo.place_country(dateline_city):
        cities.setdefault(geo.place_country(dateline_city), set()).add(dateline_city)
    out = []
    for m in meetings:
        code = geo.place_country(m.place) if m.place and m.kind != "call" and geo.is_country_name(m.place) else None
        found = cities.get(code, set()) if code else set()
        if len(found) == 1:
            m = Meeting(m.participants, m.date, next(iter(found)), m.status, m.kind, m.evidence)
        out.append(m)
    return out


def _name_counterparts(meetings: list[Meeting], learned: dict[str, str]) -> list[Meeting]:
    """ "X doit rencontrer son homologue britannique ... X est à Londres pour rencontrer David Lammy":
    an encounter with an unnamed counterpart, and one of the same people with one more person named
    and of no stated country, at a compatible time, are one encounter with that person, of the
    counterpart's country."""
    out = list(meetings)
    for a in meetings:
        unnamed = [p for p in a.participants if not p.name]
        if len(unnamed) != 1 or not unnamed[0].country or a not in out:
            continue
        named = {p.name for p in a.participants if p.name}
        for b in out:
            extra = [p for p in b.participants if p.name and p.name not in named]
            if b is a or len(extra) != 1 or extra[0].country not in (None, unnamed[0].country) \
                    or _other_office(unnamed[0].role, extra[0], b) \
                    or {p.name for p in b.participants if p.name} != named | {extra[0].name} \
                    or any(not p.name for p in b.participants) or (a.kind == "call") != (b.kind == "call") \
                    or a.date and b.date and not (a.date.startswith(b.date) or b.date.startswith(a.date)):
                continue
            person = Participant(extra[0].name, extra[0].role or unnamed[0].role, unnamed[0].country)
            learned.setdefault(person.name, person.country)
            parts = tuple(person if not p.name else p for p in a.participants)
            date = a.date if a.date and len(a.date) >= len(b.date or "") else b.date
            out[out.index(a)] = Meeting(parts, date, a.place or b.place, a.status, a.kind, a.evidence)
            out.remove(b)
            break
    return out


def _office_class(role: str | None) -> str | None:
    """The class of office a role phrase starts with (data/roles.tsv), if any."""
    folded = fold(role or "")
    return next((r.cls for r in load().role_rows if folded == r.phrase or folded.startswith(r.phrase + " ")), None)


def _other_office(unnamed_role: str | None, named: Participant, meeting: Meeting) -> bool:
    """ "reçue par le Président du Faso" and "s'est entretenue avec son homologue ... Alpha Barry":
    a head of state or government is not the minister named elsewhere (a counterpart holds the
    office of the other party)."""
    mine, theirs = _office_class(unnamed_role), _office_class(named.role)
    if theirs == "counterpart":
        theirs = next((_office_class(p.role) for p in meeting.participants if p is not named and p.role), None)
    return mine in SOLE_OFFICES and theirs is not None and theirs != mine and theirs != "leader"


_MINISTRY = re.compile(r"([\w'’ -]{2,30}?)['’]s (?:foreign|defen[cs]e) ministry|\bminist[eè]re (\w+) des affaires [ée]trang[eè]res",
                       re.IGNORECASE)


# The words that end the English form of _MINISTRY, and its French form alone: without the first,
# the English form matches nowhere and the French one alone finds the same ministries, fast (the
# English form's lazy group is tried at every character of the body).
_MINISTRY_END = re.compile(r"['’]s (?:foreign|defen[cs]e) ministry", re.IGNORECASE)
_MINISTERE = re.compile(r"\bminist[eè]re (\w+) des affaires [ée]trang[eè]res", re.IGNORECASE)


def _source_ministries(body: str) -> list[str]:
    """ "Seoul's foreign ministry said", "le ministère marocain des Affaires étrangères": the
    countries of the ministries an article quotes, each once."""
    found = []
    pattern = _MINISTRY if _MINISTRY_END.search(body) else _MINISTERE
    for match in pattern.finditer(body):
        words = match.group(match.lastindex)  # the country's words: the one group of the form that matched
        hits = geo.countries_in(words)
        if hits and hits[-1][2] not in found:
            found.append(hits[-1][2])
    return found


def _infer_countries(meetings: list[Meeting], body: str, learned: dict[str, str]) -> list[Meeting]:
    """Fill the countries the article never states (see the module's docstring)."""
    counterparts: dict[str, set[str]] = {}
    for m in meetings:
        for p in m.participants:
            if p.name and not p.country:
                counterparts.setdefault(p.name, set()).update(o.country for o in m.participants if o.country)
    # the countries of the body and its ministries matter only for a participant without one
    counts: dict[str, int] = {}
    for _, _, code, kind in geo.countries_in(body) if counterparts else ():
        if kind in ("name", "adjective"):
            counts[code] = counts.get(code, 0) + 1
    sources = _source_ministries(body) if counterparts else []
    for name, excluded in counterparts.items():
        source = next((c for c in sources if c not in excluded), None)
        if name not in learned and source:
            learned[name] = source  # the ministry that tells the encounter is the unnamed-country party's
            continue
        ranked = sorted(((n, c) for c, n in counts.items() if c not in excluded), reverse=True)
        if name not in learned and ranked and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]):
            learned[name] = ranked[0][1]
    return [m if not any(p.name in learned and not p.country for p in m.participants) else
            Meeting(tuple(Participant(p.name, p.role, p.country or learned.get(p.name)) for p in m.participants),
                    m.date, m.place, m.status, m.kind, m.evidence) for m in meetings]


def _quotes(doc: Doc, text: str, learned: dict[str, str]) -> list[Quote]:
    quotes = []
    seen = set()
    for q in doc._.quote_candidates or []:
        if (q.start, q.end) in seen:
            continue
        seen.add((q.start, q.end))
        quotes.append(Quote(q.speaker, text[q.start:q.end], q.kind, q.speaker_country or learned.get(q.speaker),
                            q.speaker_role, _evidence(text, q.sent_start, q.sent_end)))
    return quotes


def assemble(doc: Doc, text: str, published: str | None, lang: str, warnings: list[str]) -> Extraction:
    _, body_start = date_line(text)
    if published is None:
        published = publication_date(text) or dates.weekday_dated(text[body_start:])
    ref = dates.reference_date(text[body_start:], published)
    meetings, learned = _meetings(doc, text, body_start, ref, published)
    meetings = _name_counterparts(meetings, learned)
    meetings = _infer_countries(meetings, text[body_start:], learned)
    quotes = _quotes(doc, text, learned)
    named = {key: p for key, p in (doc._.persons or {}).items() if p.name}
    codes = [code for _, _, code, _ in geo.countries_in(text)] + [p.country for p in named.values() if p.country]
    return Extraction(
        language=lang,
        meetings=tuple(meetings),
        quotes=tuple(quotes),
        people=tuple(named),
        organisations=tuple(dict.fromkeys(e.text for e in doc.ents if e.label_ in ("ORG", "NORP") and len(e.text) > 1)),
        places=tuple(dict.fromkeys(e.text for e in doc.ents if e.label_ in ("LOC", "GPE"))),
        countries=tuple(dict.fromkeys(codes)),
        aliases={name: tuple(sorted(p.aliases)) for name, p in named.items() if p.aliases},
        person_countries={name: p.country or learned.get(name) for name, p in named.items() if p.country or learned.get(name)},
        warnings=tuple(warnings) + tuple(rule_errors(doc)),
    )
