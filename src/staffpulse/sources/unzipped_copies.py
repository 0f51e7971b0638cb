"""A ZIP and the folder it was unzipped into, side by side in one import.

A Downloads folder holds ``twitter-2026-03-01.zip`` and, beside it, ``twitter-2026-03-01``,
the folder a double-click unzipped it into. Imported whole, both were read: twice the time,
every note twice, and a row the ZIP's file lost counted as skipped twice. When every file of
the folder is in the ZIP (the same path, size and, but for pictures and videos, checksum),
the folder is read once, from the ZIP, and told. A folder that holds anything more (a file
added since, or changed) is read as well: nothing of it is passed over.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import TypeVar

from staffpulse.sources.base import Problem
from staffpulse.sources.folders import MEDIA_SUFFIXES

T = TypeVar("T")
_CHUNK = 1 << 20


def without_unzipped(plan: Sequence[tuple[Path, T]]) -> tuple[list[tuple[Path, T]], list[Problem]]:
    """``plan`` without what it reads from a folder that holds only what the ZIP of the same
    name beside it holds, and a note for each such folder (a :class:`Problem` of no record)."""
    dropped: dict[Path, Path] = {}  # a folder unzipped -> its ZIP, read instead
    for archive, _source in plan:
        folder = archive.with_suffix("")
        if archive.suffix.lower() != ".zip" or not archive.is_file() or folder in dropped:
            continue
        planned = any(path == folder or path.is_relative_to(folder) for path, _ in plan)
        if planned and folder.is_dir() and _holds_all_of(archive, folder):
            dropped[folder] = archive
    kept = [
        (path, source)
        for path, source in plan
        if not any(path == folder or path.is_relative_to(folder) for folder in dropped)
    ]
    notes = [
        Problem(
            str(folder),
            None,
            f"holds the same files as {archive.name} (the ZIP unzipped): read once, from the ZIP",
            records=0,
        )
        for folder, archive in dropped.items()
    ]
    return kept, notes


def _holds_all_of(archive: Path, folder: Path) -> bool:
    """Whether every file of ``folder`` (but hidden ones) is in the ZIP ``archive``, under the
    same path (or under one folder of the ZIP) with the same bytes."""
    try:
        with zipfile.ZipFile(archive) as opened:
            members = {PurePosixPath(i.filename): i for i in opened.infolist() if not i.is_dir()}
    except (zipfile.BadZipFile, OSError):
        return False  # read, and told, by its source
    files = [
        (PurePosixPath(*file.relative_to(folder).parts), file)
        for file in folder.rglob("*")
        if file.is_file() and not any(p.startswith(".") for p in file.relative_to(folder).parts)
    ]
    if not files:
        return False
    tops = {PurePosixPath(name.parts[0]) for name in members if len(name.parts) > 1}
    return any(
        all(_same(members.get(top / name), file) for name, file in files)
        for top in (PurePosixPath(), *tops)
    )


def _same(member: zipfile.ZipInfo | None, file: Path) -> bool:
    """Whether ``file`` holds what ``member`` does: its size, and but for a picture or a video
    (many, and large) its checksum."""
    if member is None or member.file_size != file.stat().st_size:
        return False
    if file.suffix.lower() in MEDIA_SUFFIXES:
        return True
    crc = 0
    with file.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            crc = zlib.crc32(chunk, crc)
    return crc == member.CRC
