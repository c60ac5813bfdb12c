"""Draws the pictures shown in the README (`make pictures`).

They are the weeks the legibility test checks (tests/handlers/test_picture.py): what the README shows
is what the tests read. Prints each picture's counts and how long it took to draw.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from handlers.picture import draw_picture  # noqa: E402
from tests.handlers.test_picture import BUSY_WEEK, HUB_WEEK  # noqa: E402

PICTURES = (
    # (file, items, title as the digest and /graph write it, focus)
    ("busy-week.png", BUSY_WEEK, "Meetings · Mon 18 Mar 2024 09:00 → Mon 25 Mar 2024 09:00", None),
    ("graph-france.png", HUB_WEEK, "Meetings of France", "FR"),
)


def main() -> None:
    for name, items, title, focus in PICTURES:
        start = time.perf_counter()
        picture = draw_picture(items, title=title, focus=focus)
        took = time.perf_counter() - start
        (ROOT / "docs" / name).write_bytes(picture.png)
        print(f"docs/{name}: {picture.kind}, {picture.counts.text} ({took:.2f} s)")


if __name__ == "__main__":
    main()
