"""The real articles of `../shared` (seeds and the annotated dev sets), for the ingest figures.

They are read where they are, at bench time: never copied into this repository. They are
short (90–650 words, ~240 on average), so the fixed costs of each article (reading,
hashing, language detection, the store's writes) weigh more than on the synthetic corpus.
For volume the set is replicated into a temporary drop folder that the bench removes: copy
k > 0 of an article has " (k)" added to its first line (its title), so each copy is a
distinct article (another content hash) with the same body.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FOLDERS = ("seeds", "eval/dev/articles", "eval/dev2/articles")


def sources(shared: Path = SHARED) -> list[Path]:
    """The real article files, in a fixed order (empty when ../shared is not beside the clone)."""
    return [path for folder in FOLDERS for path in sorted((shared / folder).glob("*.txt"))]


def _variant(text: str, copy: int) -> str:
    if copy == 0:
        return text
    lines = text.split("\n")
    first = 1 if lines[0].startswith("date ") and len(lines) > 1 else 0  # keep a leading date line first
    lines[first] = f"{lines[first]} ({copy})"
    return "\n".join(lines)


def write_copies(target: Path, copies: int, shared: Path = SHARED) -> list[Path]:
    """`copies` distinct variants of every real article, written into `target` (a temp folder)."""
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    originals = [(path, path.read_text(encoding="utf-8")) for path in sources(shared)]
    for copy in range(copies):
        for path, text in originals:
            out = target / f"{copy:03d}_{path.name}"
            out.write_text(_variant(text, copy), encoding="utf-8")
            paths.append(out)
    return paths
