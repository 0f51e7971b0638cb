"""Files planned for one import that hold the same bytes: a download saved twice
(``posts (1).csv`` beside ``posts.csv``), a copy kept under another name in the same folder.

Read twice, such a file adds nothing (its records are stored once), but it doubles the
import's time and its notes, and the user does not learn that one of the two is a copy. So
each copy is read once, under the plainest name, and the other is told as the same file.
Only files of the same size are compared, and of those only the ones with the same first
64 KB read whole, so a folder of different files costs next to nothing more. The members of a
ZIP are compared by what the ZIP lists of each (its checksum and size) and the head unpacked to
tell its format: nothing more is unpacked to compare them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import TypeVar

from staffpulse.sources.base import Problem

T = TypeVar("T")


HEAD = 64 * 1024  # the bytes of each file compared first: most files of one size differ in it


def _digest(path: Path, head: bool) -> bytes | None:
    """The SHA-256 of the file's first :data:`HEAD` bytes (``head``), or of all of it."""
    try:
        with path.open("rb") as handle:
            if head:
                return hashlib.sha256(handle.read(HEAD)).digest()
            return hashlib.file_digest(handle, "sha256").digest()
    except OSError:  # read (and told) by its source as any file it cannot open
        return None


def _same_bytes(paths: list[Path], size: int) -> list[list[Path]]:
    """``paths`` (of one ``size``) grouped by their bytes: by their heads first, then, only
    among files whose heads are the same and which are longer, by all their bytes: two
    exports of one size that differ early are read 64 KB each, not whole."""
    groups = [paths]
    for head in (True, False) if size > HEAD else (True,):
        split: list[list[Path]] = []
        for group in groups:
            same: dict[bytes, list[Path]] = {}
            for path in group:
                if (digest := _digest(path, head)) is not None:
                    same.setdefault(digest, []).append(path)
            split += [found for found in same.values() if len(found) > 1]
        groups = split
    return groups


def without_copies(
    plan: Sequence[tuple[Path, T]],
    listed: Callable[[Path], Hashable | None] | None = None,
    shown: Callable[[str], str] = str,
) -> tuple[list[tuple[Path, T]], list[Problem]]:
    """``plan`` without the files that hold the same bytes as another planned file, and a
    note for each (a :class:`Problem` that cost no record, as a file given twice is told).
    Of the same bytes, the file of the shortest name is read (``posts.csv``, not
    ``posts (1).csv``). ``listed``: what tells a file's bytes without reading them (a ZIP
    member's checksum, size and head; None: not compared), instead of the bytes themselves;
    ``shown``: a path as the user knows it (``export.zip!posts.csv``)."""
    copies: dict[Path, Path] = {}  # a copy -> the file read instead
    for group in _listed_alike(plan, listed) if listed else _alike(plan):
        kept = min(group, key=lambda path: (len(path.name), str(path)))
        copies.update((path, kept) for path in group if path != kept)
    notes = [
        Problem(shown(str(copy)), None, _told(copy, kept, shown), records=0)
        for copy, kept in copies.items()
    ]
    return [(path, source) for path, source in plan if path not in copies], notes


def _alike(plan: Sequence[tuple[Path, T]]) -> list[list[Path]]:
    """The files of ``plan`` grouped by their bytes, groups of one left out."""
    by_size: dict[int, list[Path]] = {}
    for path, _source in plan:
        if path.is_file():
            by_size.setdefault(path.stat().st_size, []).append(path)
    return [
        group
        for size, paths in by_size.items()
        if len(paths) > 1
        for group in _same_bytes(paths, size)
    ]


def _listed_alike(
    plan: Sequence[tuple[Path, T]], listed: Callable[[Path], Hashable | None]
) -> list[list[Path]]:
    """The files of ``plan`` grouped by what ``listed`` tells of their bytes."""
    by_listing: dict[Hashable, list[Path]] = {}
    for path, _source in plan:
        if (listing := listed(path)) is not None:
            by_listing.setdefault(listing, []).append(path)
    return [group for group in by_listing.values() if len(group) > 1]


def _told(copy: Path, kept: Path, shown: Callable[[str], str] = str) -> str:
    named = kept.name if kept.parent == copy.parent else shown(str(kept))
    return f"holds the same as {named} (a copy, or a download saved twice): read once"
