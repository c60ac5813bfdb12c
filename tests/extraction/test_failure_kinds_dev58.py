"""Failure kinds seen on dev58, a real set annotated this stop, scored first (meeting F1 0.77 by 0.41.10, 0.74 by
0.41.4) and read afterwards: new wordings, written for these tests, of each kind; no sentence or name is taken
from an article."""

from __future__ import annotations

import pytest

from .test_generalisation import encounters, no_meeting, no_meeting_of

PUB = "2024-03-13"  # a Wednesday


CASES = [
    pytest.param(
        "The 20-minute discussion from 8.15 pm was warm and constructive, reflecting the strong ties between the two "
        "nations, Press Secretary Omar Idris said.",
        PUB, no_meeting(),
        id="en-a-time-s-pm-is-no-prime-minister-and-the-closing-source-is-no-party"),
    pytest.param(
        "Secretary of State Tom Reid spoke by phone with Chief Adviser Karim Said on Monday. The 20-minute discussion "
        "was warm, Press Secretary Omar Idris said.",
        PUB, encounters(({"Tom Reid", "Karim Said"}, "call"), fields=("kind",)),
        id="en-a-discussion-of-some-minutes-refers-back"),
    pytest.param(
        "Foreign Minister Anna Berg met her counterpart Li Wen in Jakarta on Thursday. The ministers will hold a joint "
        "virtual press conference after their hour-long meeting.",
        PUB, encounters(({"Anna Berg", "Li Wen"}, "meeting", "Jakarta"), fields=("kind", "place")),
        id="en-a-virtual-press-conference-makes-no-call"),
    pytest.param(
        "Foreign Minister Anna Berg met Secretary of State Tom Reid in Washington on Tuesday. They also discussed "
        "the agreements of the first-ever summit held in New York in September 2023.",
        PUB, lambda result: _dated(result, {"Anna Berg", "Tom Reid"}, "2024-03-12", "Washington"),
        id="en-the-first-ever-summit-is-another-event"),
    pytest.param(
        "Poursuivant sa tournée diplomatique à New York, Anna Berg et son homologue nigérian, Paul Okou ont discuté "
        "des intérêts communs.",
        PUB, encounters(({"Anna Berg", "Paul Okou"},), fields=()),
        id="fr-a-joint-subject-after-an-opening-participle-phrase"),
    pytest.param(
        "La ministre Anna Berg a rencontré mardi le président angolais. « Le président angolais nous a reçus au nom "
        "de son frère et ami S.E.M Paul Okou », a-t-elle dit.",
        PUB, no_meeting_of("Paul Okou"),
        id="fr-the-one-on-whose-behalf-is-no-party"),
    pytest.param(
        "Japan's Prime Minister Ken Sato and China's President Li Wen have yet to meet on their own soil.",
        PUB, no_meeting(),
        id="en-yet-to-meet-is-no-encounter"),
    pytest.param(
        "Le président Paul Okou et le président Ivan Orlov ne se sont jamais rencontrés.",
        PUB, no_meeting(),
        id="fr-ne-se-sont-jamais-rencontres-is-no-encounter"),
    pytest.param(
        "Le ministre chinois des Affaires étrangères Li Wen a rencontré jeudi le président Budi Santoso (Budiman) au "
        "palais présidentiel. Budiman a salué la visite.",
        PUB, encounters(({"Li Wen", "Budi Santoso"},), fields=()),
        id="fr-a-name-in-brackets-after-a-name-is-its-alias"),
]


def _dated(result, names: set[str], day: str, place: str) -> None:
    """The encounter of these people keeps its own day and place (no later event's words overwrite them)."""
    assert any({p.name for p in m.participants} == names and m.date == day and m.place == place
               for m in result.meetings), result.meetings


@pytest.mark.parametrize("text, published, check", CASES)
def test_failure_kind_seen_on_dev58(extractor, text, published, check):
    check(extractor.extract(text, published=published))
