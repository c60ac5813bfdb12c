"""The drop folder as a list of files: what is worth reading below it, oldest first."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path

from diplowatch.reading import is_candidate, is_hidden_or_temporary, unsupported


@dataclass(frozen=True, slots=True)
class Survey:
    files: list[Path]  # worth reading, oldest first
    skipped: list[tuple[Path, str]]  # not read, with the reason (hidden and temporary names aside)


def survey(folder: Path) -> Survey:
    """The folder's files worth reading, oldest first, and the ones it holds that are not read
    (another format, no extension, a pipe, a link to nothing) with the reason. Hidden names and
    copies in progress are neither; symlink loops and vanished entries never stop it."""
    found: list[tuple[float, Path]] = []
    skipped: list[tuple[Path, str]] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            relative = path.relative_to(folder)
            if is_hidden_or_temporary(relative):
                continue
            if not is_candidate(relative):
                skipped.append((path, unsupported(relative)))
                continue
            try:
                if not path.is_file():
                    skipped.append((path, _not_a_file(path)))
                    continue
                found.append((path.stat().st_mtime, path))
            except OSError:
                continue
    return Survey([p for _, p in sorted(found)], skipped)


def _not_a_file(path: Path) -> str:
    if path.is_symlink():
        try:
            os.stat(path)
        except OSError as exc:
            return "a link loop" if exc.errno == errno.ELOOP else "a link to nothing"
    return "not a regular file (a pipe, a socket or a device)"


def scan(folder: Path) -> list[Path]:
    """Every candidate file below the folder, oldest first; symlink loops and vanished
    entries are skipped."""
    return survey(folder).files


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
        real = path.resolve(strict=True)  # one walk of the links (every re-scan asks for every file)
    except (OSError, RuntimeError):  # gone, a link to nothing, a link loop
        real = None
    if real is not None and inside is not None and not real.is_relative_to(os.path.realpath(inside)):
        real = None
    name = str(real if real is not None else path.absolute())
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # not a name from the file system: any surrogate is escaped
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
