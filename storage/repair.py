"""Rebuilding a damaged database beside the old one, and swapping it in only when complete.

The live folder stays locked for the whole repair (the bot, an ingest or another repair
cannot use it meanwhile). The new database is built in a sibling folder (`db.rebuilding`)
and exchanged with the live one in one atomic step (renameat2 with RENAME_EXCHANGE), so a
crash at any instant leaves either the old database or the complete new one live, never an
empty one; the old folder is then kept beside, dated, as it was. What the old database
still holds that the drop folder cannot give back (watches, aliases, the last digest time,
the time each article arrived) is read from it first.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from storage.atomic import CannotWrite, CorruptFile, StoreError, fsync_dir, lock_folder, read_json_file

BUILDING = ".rebuilding"  # the new database while it is built
SWAPPING = ".swapping"  # complete, and about to be renamed in (where the exchange is not available)
KEPT_STATE = ("last_digest_at", "first_scan_done")


# -- what the old database still tells ------------------------------------------------------


@dataclass(frozen=True)
class Salvage:
    watches: tuple[tuple[int, str], ...] = ()
    aliases: tuple[tuple[str, str], ...] = ()  # name key of a spelling -> name key of the person
    state: dict[str, Any] = field(default_factory=dict)  # the last digest time, the first-scan flag
    arrivals: dict[str, str] = field(default_factory=dict)  # content hash -> when the article arrived
    meta_readable: bool = False


def _rows(tables: dict[str, Any] | None, name: str) -> list[dict[str, Any]]:
    table = (tables or {}).get(name)
    return [row for row in table.values() if isinstance(row, dict)] if isinstance(table, dict) else []


def _read(path: Path) -> dict[str, Any] | None:
    try:
        return read_json_file(path)
    except (CorruptFile, StoreError):
        return None


def salvage(db: Path) -> Salvage:
    """Whatever can still be read from a (damaged) database folder; nothing for what cannot."""
    meta = _read(db / "meta.json")
    watches = tuple(
        (row["channel_id"], row["subject"]) for row in _rows(meta, "watches")
        if type(row.get("channel_id")) is int and isinstance(row.get("subject"), str)
    )
    aliases = tuple(
        (row["alias"], row["key"]) for row in _rows(meta, "aliases")
        if isinstance(row.get("alias"), str) and isinstance(row.get("key"), str)
    )
    state = {
        row["key"]: row["value"] for row in _rows(meta, "state")
        if row.get("key") in KEPT_STATE and isinstance(row.get("value"), (str, bool))
    }
    arrivals: dict[str, str] = {}
    shards = db / "shards"
    for shard in sorted(shards.glob("*.json")) if shards.is_dir() else ():
        for row in _rows(_read(shard), "articles"):
            if isinstance(row.get("hash"), str) and isinstance(row.get("ingested_at"), str):
                arrivals[row["hash"]] = row["ingested_at"]
    return Salvage(watches, aliases, state, arrivals, meta_readable=meta is not None)


# -- building beside, then swapping ---------------------------------------------------------


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step; False where the system or the file system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # not Linux, or a C library without it
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):  # NFS, some FUSE
        return False
    raise OSError(code, os.strerror(code), str(b))


def finish_swap(db: Path) -> None:
    """A repair stopped between its two renames (only where the exchange is not available)
    left the complete new database beside a missing live one: put it in place."""
    ready = db.with_name(db.name + SWAPPING)
    if not db.exists() and ready.is_dir():
        os.rename(ready, db)
        fsync_dir(db.parent)


class Rebuild:
    """`with Rebuild(db) as rebuild:` build a Store in `rebuild.folder`, then `rebuild.swap()`.

    The live folder is locked on entry (StoreError if another process uses it, CannotWrite if
    it is read-only); without a swap, the partial build is removed on exit and the live folder
    is left as it was."""

    def __init__(self, db: Path) -> None:
        self.live = Path(db)
        self.folder = self.live.with_name(self.live.name + BUILDING)
        self._lock = None
        self._swapped = False

    def __enter__(self) -> Rebuild:
        finish_swap(self.live)
        self._lock = lock_folder(self.live)
        try:
            if self.folder.exists():  # left by a repair that was stopped: ours to remove (we hold the lock)
                shutil.rmtree(self.folder)
            self.folder.mkdir()
        except OSError as exc:
            self._lock.close()
            raise CannotWrite(
                f"cannot make the new database beside the old one ({self.folder}): {exc.strerror or exc}. "
                "The data folder (DATA_DIR) must be writable."
            ) from None
        return self

    def swap(self) -> Path | None:
        """Put the complete new database in place of the live one (the Store built in
        `folder` should still be open: its lock then covers the live folder at every instant).
        Returns where the old database was kept (None: there was none)."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        kept = self.live.with_name(f"{self.live.name}.damaged-{stamp}")
        try:
            if _exchange(self.folder, self.live):  # the new one is live, the old one at `folder`
                fsync_dir(self.live.parent)
                os.rename(self.folder, kept)
            else:
                ready = self.live.with_name(self.live.name + SWAPPING)
                os.rename(self.folder, ready)  # complete: `finish_swap` puts it in place after a crash
                fsync_dir(self.live.parent)
                os.rename(self.live, kept)
                try:
                    os.rename(ready, self.live)
                except FileNotFoundError:  # a store opening meanwhile finished the swap itself
                    if not self.live.is_dir():
                        raise
            fsync_dir(self.live.parent)
        except OSError as exc:
            raise CannotWrite(f"cannot put the new database in place of {self.live}: {exc.strerror or exc}") from None
        self._swapped = True
        if {p.name for p in kept.iterdir()} <= {".lock"}:  # there was no database, only our lock
            shutil.rmtree(kept, ignore_errors=True)
            return None
        return kept

    def __exit__(self, *exc_info) -> None:
        try:
            if not self._swapped:
                shutil.rmtree(self.folder, ignore_errors=True)
        finally:
            self._lock.close()
