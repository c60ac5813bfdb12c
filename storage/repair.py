"""`diplowatch repair`: rebuild the database from the drop folder, keeping the old one."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime

from diplowatch.config import Settings


def set_aside(settings: Settings) -> str | None:
    """Move the current database folder next to itself, dated; return where it went."""
    db = settings.db_dir
    if not db.exists():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    kept = db.with_name(f"{db.name}.damaged-{stamp}")
    shutil.move(str(db), str(kept))
    return str(kept)


def cmd_repair(settings: Settings) -> int:
    from diplowatch.cli import cmd_ingest

    kept = set_aside(settings)
    if kept:
        print(f"the old database was kept in {kept}")
    print(f"rebuilding from {settings.drop_dir}/ …")
    return cmd_ingest(settings, [settings.drop_dir])
