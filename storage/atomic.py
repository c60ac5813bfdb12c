"""A TinyDB storage that never leaves half a file behind.

TinyDB's JSONStorage rewrites its file in place, so a kill mid-write leaves it unreadable.
This one writes a temporary file, fsyncs it and swaps it in with `os.replace` (atomic on
POSIX), then fsyncs the folder so the rename itself survives a power cut. It keeps the last
state in memory so reads cost nothing, and `batch()` turns several TinyDB operations into
one file write: an article and all its records land together or not at all.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage


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
    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._cache: dict[str, dict[str, Any]] | None = read_json_file(self.path)
        self._depth = 0
        self._dirty = False

    def read(self) -> dict[str, dict[str, Any]] | None:
        return self._cache

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._cache = data
        if self._depth:
            self._dirty = True
        else:
            self._flush()

    def _flush(self) -> None:
        try:
            write_atomic(self.path, orjson.dumps(self._cache))
        except BaseException:
            # Memory must not run ahead of disk: drop what failed to land.
            self._cache = read_json_file(self.path)
            raise
        self._dirty = False

    @contextlib.contextmanager
    def batch(self):
        """Group writes into one atomic file write; nothing is written if the block fails."""
        before = orjson.loads(orjson.dumps(self._cache)) if self._cache is not None else None
        self._depth += 1
        try:
            yield self
        except BaseException:
            self._depth -= 1
            self._cache, self._dirty = before, False
            raise
        self._depth -= 1
        if self._depth == 0 and self._dirty:
            self._flush()

    def close(self) -> None:
        pass
