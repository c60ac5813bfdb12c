"""The drop folder as a list of files: what is worth reading below it, oldest first."""

from __future__ import annotations

import os
from pathlib import Path

from diplowatch.reading import is_candidate, is_inside


def scan(folder: Path) -> list[Path]:
    """Every candidate file below the folder, oldest first; symlink loops and vanished
    entries are skipped."""
    found: list[tuple[float, Path]] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            path = Path(root) / name
            if not is_candidate(path.relative_to(folder)):
                continue
            try:
                if not path.is_file():
                    continue
                found.append((path.stat().st_mtime, path))
            except OSError:
                continue
    return [p for _, p in sorted(found)]


def files_by_folder(paths: list[Path]) -> list[tuple[Path, list[Path]]]:
    """The files named and the candidate files below the folders named, each with the folder
    it must stay inside (links are not followed out of it): a folder named for what it holds,
    the file's own folder for a file named."""
    groups: dict[Path, list[Path]] = {}
    for path in paths:
        if path.is_dir():
            groups.setdefault(path, []).extend(scan(path))
        else:
            groups.setdefault(path.parent, []).append(path)
    return list(groups.items())


def source_name(path: Path, inside: Path | None = None) -> str:
    """The name the store knows a file by: its real path (links followed), or the link's own
    path when it leads out of the folder `inside` or nowhere; as text that can be stored (a byte of the
    name that is not UTF-8 shows as \\xNN instead of breaking the database write)."""
    path = Path(path)
    try:
        real = path.resolve() if path.exists() and (inside is None or is_inside(path, inside)) else None
    except (OSError, RuntimeError):  # a link loop
        real = None
    name = str(real if real is not None else path.absolute())
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # not a name from the file system: any surrogate is escaped
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
