"""The drop folder as a list of files: what is worth reading below it, oldest first."""

from __future__ import annotations

import os
from pathlib import Path

from diplowatch.reading import is_candidate


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


def files_of(paths: list[Path]) -> list[Path]:
    """The files named, and the candidate files below the folders named."""
    found: list[Path] = []
    for path in paths:
        found.extend(scan(path) if path.is_dir() else [path])
    return found
