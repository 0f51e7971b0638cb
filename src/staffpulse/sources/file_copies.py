"""Files planned for one import that hold the same bytes: a download saved twice
(``posts (1).csv`` beside ``posts.csv``), a copy kept under another name in the same folder.

Read twice, such a file adds nothing (its records are stored once), but it doubles the
import's time and its notes, and the user does not learn that one of the two is a copy. So
each copy is read once, under the plainest name, and the other is told as the same file.
Only files of the same size are compared, so a folder of different files costs nothing more.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

from staffpulse.sources.base import Problem

T = TypeVar("T")


def _digest(path: Path) -> bytes | None:
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").digest()
    except OSError:  # read (and told) by its source as any file it cannot open
        return None


def without_copies(plan: Sequence[tuple[Path, T]]) -> tuple[list[tuple[Path, T]], list[Problem]]:
    """``plan`` without the files that hold the same bytes as another planned file, and a
    note for each (a :class:`Problem` that cost no record, as a file given twice is told).
    Of the same bytes, the file of the shortest name is read (``posts.csv``, not
    ``posts (1).csv``)."""
    by_size: dict[int, list[Path]] = {}
    for path, _source in plan:
        if path.is_file():
            by_size.setdefault(path.stat().st_size, []).append(path)
    copies: dict[Path, Path] = {}  # a copy -> the file read instead
    for paths in by_size.values():
        if len(paths) < 2:
            continue
        same: dict[bytes, list[Path]] = {}
        for path in paths:
            if (digest := _digest(path)) is not None:
                same.setdefault(digest, []).append(path)
        for group in same.values():
            kept = min(group, key=lambda path: (len(path.name), str(path)))
            copies.update((path, kept) for path in group if path != kept)
    notes = [
        Problem(str(copy), None, _told(copy, kept), records=0) for copy, kept in copies.items()
    ]
    return [(path, source) for path, source in plan if path not in copies], notes


def _told(copy: Path, kept: Path) -> str:
    shown = kept.name if kept.parent == copy.parent else str(kept)
    return f"holds the same as {shown} (a copy, or a download saved twice): read once"
