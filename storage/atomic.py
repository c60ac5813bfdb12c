"""A TinyDB storage that never leaves half a file behind.

TinyDB's JSONStorage rewrites its file in place, so a kill mid-write leaves it unreadable.
This one writes a temporary file, fsyncs it and swaps it in with `os.replace` (atomic on
POSIX), then fsyncs the folder so the rename itself survives a power cut. It keeps the last
state in memory so reads cost nothing, and `batch()` turns several TinyDB operations into
one file write: an article and all its records land together or not at all.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage


class StoreError(Exception):
    """The database cannot be used as it is; the message says what to do."""


class CannotWrite(StoreError):
    """The system refused a database write (disk full, read-only, no permission)."""


class CorruptFile(Exception):
    """A database file exists but cannot be parsed: never overwrite it."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.path = path


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def lock_folder(folder: Path):
    """Make the database folder ours: an exclusive lock on its `.lock` file, held as long as
    the returned handle is open. One process at a time uses a database folder, whatever it
    does with it (the bot, an ingest, a status, a repair)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = open(folder / ".lock", "w")
    except OSError as exc:  # read-only or not ours: say so rather than a traceback
        raise CannotWrite(
            f"cannot write in the database folder {folder}: {exc.strerror or exc}. "
            "The data folder (DATA_DIR) must be writable."
        ) from None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise StoreError(f"another diplowatch process is using {folder}; stop it first") from None
    return handle


def write_atomic(path: Path, payload: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o644)  # mkstemp makes 0600 files; a database is as readable as any data file
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


def read_json_file(path: Path) -> dict[str, Any] | None:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise CorruptFile(path, "is a folder, not a file") from None
    except OSError as exc:  # no permission, an I/O error: say so, as a StoreError (the CLI exits 3)
        raise StoreError(
            f"cannot read the database file {path}: {exc.strerror or exc}. "
            "Check that the data folder (DATA_DIR) and its files belong to the user running diplowatch."
        ) from None
    if not raw.strip():
        raise CorruptFile(path, "the file is empty")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise CorruptFile(path, f"not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise CorruptFile(path, "not a TinyDB document")
    return data


class AtomicJSONStorage(Storage):
    def __init__(self, path: str | os.PathLike[str], *, keep_in_memory: bool = True) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Large files that the store has already indexed need not stay in memory twice:
        # they are read again for a write, and only held while a batch is open.
        self.keep_in_memory = keep_in_memory
        self._cache: dict[str, dict[str, Any]] | None = read_json_file(self.path) if keep_in_memory else None
        self._depth = 0
        self._dirty = False

    @property
    def _holding(self) -> bool:
        return self.keep_in_memory or self._depth > 0

    def read(self) -> dict[str, dict[str, Any]] | None:
        if self._holding:
            if self._cache is None and not self._dirty:
                self._cache = read_json_file(self.path)
            return self._cache
        return read_json_file(self.path)

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self._depth:
            self._cache, self._dirty = data, True
            return
        self._write_file(data)
        self._cache = data if self.keep_in_memory else None

    def _write_file(self, data: dict[str, dict[str, Any]] | None) -> None:
        try:
            write_atomic(self.path, orjson.dumps(data))
        except BaseException as exc:
            # Memory must not run ahead of disk: forget what failed to land.
            self._reload()
            if isinstance(exc, OSError):  # say it plainly, and as a StoreError (the CLI exits 3)
                raise CannotWrite(
                    f"cannot write the database file {self.path}: {exc.strerror or exc}. "
                    "Free some space or make the data folder writable; the file will be read again."
                ) from exc
            raise

    def _reload(self) -> None:
        self._dirty = False
        self._cache = read_json_file(self.path) if self.keep_in_memory else None

    @contextlib.contextmanager
    def batch(self):
        """Group writes into one atomic file write; nothing is written if the block fails."""
        self._depth += 1
        try:
            yield self
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self._reload()  # the file on disk still holds the state before the batch
            raise
        self._depth -= 1
        if self._depth == 0:
            if self._dirty:
                self._dirty = False
                self._write_file(self._cache)
            if not self.keep_in_memory:
                self._cache = None

    def close(self) -> None:
        pass
