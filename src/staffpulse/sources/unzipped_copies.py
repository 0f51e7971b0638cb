"""A ZIP and the folder it was unzipped into, side by side in one import.

A Downloads folder holds ``twitter-2026-03-01.zip`` and, beside it, ``twitter-2026-03-01``,
the folder a double-click unzipped it into. Imported whole, both were read: twice the time,
every note twice, and a row the ZIP's file lost counted as skipped twice. When every file of
the folder is in the ZIP (the same path, size and, but for pictures and videos, checksum),
the folder is read once, from the ZIP, and told. So is a folder renamed since (``export (1)``,
``my archive``): any folder of the import beside the ZIP, or given whole, is compared. A
folder that holds anything more (a file added since, or changed) is read as well: nothing of
it is passed over. Nor is one beside a ZIP that cannot be unpacked (encrypted, as the note on
the ZIP says to unzip it with its password and import the folder, or packed in a way Python
cannot read): the folder is then the only copy read.
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
_ENCRYPTED = 0x1  # the flag bit of a member packed with a password
_UNPACKED = frozenset(
    {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
)


def without_unzipped(
    plan: Sequence[tuple[Path, T]], given: Sequence[Path] = ()
) -> tuple[list[tuple[Path, T]], list[Problem]]:
    """``plan`` without what it reads from a folder that holds only what a ZIP it reads holds
    (the folder of the same name beside it, one renamed, ``export (1)``, or one of the
    ``given`` paths, moved elsewhere), and a note for each such folder (a :class:`Problem` of
    no record)."""
    dropped: dict[Path, Path] = {}  # a folder unzipped -> its ZIP, read instead
    listed: dict[Path, list[tuple[PurePosixPath, Path]]] = {}  # each folder's files, once
    candidates = _Candidates(plan, given)
    for archive, _source in plan:
        if archive.suffix.lower() != ".zip" or not archive.is_file():
            continue
        folders = [f for f in candidates.beside(archive) if f not in dropped]
        members = _members(archive) if folders else None
        if members is None:
            continue
        for folder in folders:
            if folder not in listed:
                listed[folder] = _files_of(folder)
            if _holds_all_of(members, listed[folder]):
                dropped[folder] = archive
                break
    kept = [
        (path, source)
        for path, source in plan
        if not any(path == folder or path.is_relative_to(folder) for folder in dropped)
    ]
    notes = [
        Problem(
            str(folder),
            None,
            f"holds the same files as {_named(archive, folder)} (the ZIP unzipped): read once,"
            " from the ZIP",
            records=0,
        )
        for folder, archive in dropped.items()
    ]
    return kept, notes


class _Candidates:
    """The folders of one import that may be a ZIP unzipped, found in one pass over the plan
    (not one a ZIP: a Downloads folder of many ZIPs and files was looked through, each path
    of it looked up on disk, once for every ZIP)."""

    def __init__(self, plan: Sequence[tuple[Path, T]], given: Sequence[Path]) -> None:
        # under a folder, each folder beside the ZIPs in it that the plan reads from, and
        # each folder read whole (an archive's): by where the plan first reads it (a folder
        # beside before one read whole at the same place, as the plan lists them)
        self.under: dict[Path, dict[Path, tuple[int, int]]] = {}
        self.whole: dict[Path, tuple[int, int]] = {}
        for index, (path, _source) in enumerate(plan):
            for child, parent in zip((path, *path.parents), path.parents, strict=False):
                self.under.setdefault(parent, {}).setdefault(child, (index, 0))
            if path not in self.whole and path.is_dir():
                self.whole[path] = (index, 1)
        read = [path for path, _source in plan]
        self.given = [
            folder
            for folder in dict.fromkeys(given)
            if any(path == folder or path.is_relative_to(folder) for path in read)
        ]
        self.folder: dict[Path, bool] = {}  # whether a path is a folder, looked up once

    def beside(self, archive: Path) -> list[Path]:
        """The folders the plan reads that may be ``archive`` unzipped: the one of its name
        first, then those beside it under another name, any folder read whole (an archive's),
        and the folders ``given`` that it reads from."""
        named = archive.with_suffix("")
        placed = dict(self.under.get(archive.parent, {}))
        for folder, place in self.whole.items():
            placed[folder] = min(place, placed.get(folder, place))
        found = sorted(placed, key=lambda folder: placed[folder])
        found += [folder for folder in self.given if folder not in placed]
        found = [top for top in found if self._is_dir(top) and not archive.is_relative_to(top)]
        return sorted(found, key=lambda folder: folder != named)

    def _is_dir(self, path: Path) -> bool:
        if path not in self.folder:
            self.folder[path] = path.is_dir()
        return self.folder[path]


def _named(archive: Path, folder: Path) -> str:
    """The ZIP as the note names it: its name beside the folder, its path elsewhere."""
    if archive.parent != folder.parent:
        return str(archive)
    return archive.name if archive.stem == folder.name else f"{archive.name}, under another name"


def _members(archive: Path) -> dict[PurePosixPath, zipfile.ZipInfo] | None:
    """The files the ZIP ``archive`` lists, by path; None when it cannot be opened or a file of
    it unpacked (read, and told, by its source): its folder is no copy of what is read."""
    try:
        with zipfile.ZipFile(archive) as opened:
            members = [i for i in opened.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError):
        return None
    if any(i.flag_bits & _ENCRYPTED or i.compress_type not in _UNPACKED for i in members):
        return None
    return {PurePosixPath(i.filename): i for i in members}


def _files_of(folder: Path) -> list[tuple[PurePosixPath, Path]]:
    """The files of ``folder`` but hidden ones, each with its path inside it."""
    return [
        (PurePosixPath(*file.relative_to(folder).parts), file)
        for file in folder.rglob("*")
        if file.is_file() and not any(p.startswith(".") for p in file.relative_to(folder).parts)
    ]


def _holds_all_of(
    members: dict[PurePosixPath, zipfile.ZipInfo], files: list[tuple[PurePosixPath, Path]]
) -> bool:
    """Whether every one of a folder's ``files`` is among a ZIP's ``members``, under the same
    path (or under one folder of the ZIP) with the same bytes."""
    if not files or len(files) > len(members):
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
