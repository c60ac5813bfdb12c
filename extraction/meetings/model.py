"""The meetings' plain data: one candidate per meeting word, and the keys of its participants."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..dates import Cue
from ..people.model import Mention


@dataclass
class MeetingCandidate:
    trigger: int
    participants: list[Mention]
    kind: str
    status: str
    place: str | None
    place_stated: bool
    cues: list[Cue]
    sent_start: int  # char offsets of the evidence sentence
    sent_end: int
    again: bool = False
    anaphoric_info: list = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # every place of the scope, for the host's country
    generic: bool = False  # told only as a visit at someone's invitation: a later mention's kind is more precise
    inferred_call: bool = False  # "spoke with X" read as a call for want of any place or setting, no phone word


def countable(m: Mention) -> bool:
    """A participant the output can name: a named person, a party with its country, or the
    holder of a sole office ("the Prime Minister")."""
    return bool(m.key and not m.key.startswith("~") or m.country or m.sole)


def party_key(m: Mention) -> str:
    """One key per participant: the named person, else the party's country (two unnamed officials
    of one country in one encounter are one party: "une délégation nigérienne conduite par le
    secrétaire général du ministère nigérien")."""
    if m.key and not m.key.startswith("~"):
        return m.key
    return f"party:{m.country or m.text.lower()}"


def count_parties(parts: list[Mention]) -> int:
    return len({party_key(m) for m in parts if countable(m)})


def dedupe_parties(parts: list[Mention]) -> list[Mention]:
    """One mention per participant; an unnamed party of the country of a named participant is that
    participant's delegation ("une délégation du Sénat américain, conduite par le sénateur X")."""
    named_countries = {m.country for m in parts if m.key and not m.key.startswith("~") and m.country}
    seen, out = set(), []
    for m in parts:
        k = party_key(m)
        if k in seen or not countable(m) or k.startswith("party:") and m.country in named_countries:
            continue
        seen.add(k)
        out.append(m)
    return out


def _setup_extensions() -> None:
    if not Doc.has_extension("meeting_candidates"):
        Doc.set_extension("meeting_candidates", default=None)


_setup_extensions()
