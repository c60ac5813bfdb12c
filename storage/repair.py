"""What a store can do alone when its folder is damaged: keep a copy of it aside."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path


def set_aside(db: Path) -> Path | None:
    """Move the database folder next to itself, dated; return where it went (None: no folder)."""
    if not db.exists():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    kept = db.with_name(f"{db.name}.damaged-{stamp}")
    shutil.move(str(db), str(kept))
    return kept
