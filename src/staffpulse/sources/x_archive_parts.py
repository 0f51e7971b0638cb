"""An X archive X sent in several ZIPs, read as one archive when they are imported together.

X splits the archive of a big account into ZIPs of a set size ("part 1 of 3" on the download
page): ``data/tweets.js``, ``account.js`` and ``manifest.js`` in the first, and the data files
past the size, ``data/tweets-part1.js``, ``data/tweets-part2.js``..., in the next ones.
``manifest.js`` lists every data file of every ZIP (``dataTypes.tweets.files``), so the parts
read together are checked as those of one ZIP are, and a part left out is told as missing.

A ZIP (or an unzipped folder's file) holding only such parts says nothing of whose archive it
is: given with the one that does, in one command or in one folder, it is read with it
(:func:`join_split_archives`); given without it, the import is refused, naming the ZIP to add.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from staffpulse.errors import InputError
from staffpulse.report.counts import count_of
from staffpulse.sources.base import Item, Notice, Source
from staffpulse.sources.text_files import decode_bytes
from staffpulse.sources.x_archive import LONE_NOUNS, XArchive
from staffpulse.sources.x_archive_files import (
    DamagedPart,
    Part,
    archive_roots,
    avatar_media_dir,
    loose_zip_parts,
    parts_in_dir,
)
from staffpulse.sources.x_archive_stored import stored_owner
from staffpulse.sources.x_archive_unread import deleted_parts_in_dir
from staffpulse.sources.ytd import count_entries
from staffpulse.sources.zip_salvage import SalvagedZip, open_zip
from staffpulse.sources.zipped import ZipFolder

Plan = list[tuple[Path, Source]]


class JoinedFolder(XArchive):
    """An unzipped X archive folder read with its data files unzipped elsewhere (the second
    ZIP of the download, extracted to a folder of its own)."""

    def __init__(self, joined: Sequence[Path]) -> None:
        self.joined = tuple(joined)

    def read(self, path: Path) -> Iterator[Item]:
        in_dir = cache(parts_in_dir)  # a folder's parts found once, however many files it gave
        joined = [p for f in self.joined for p in in_dir(f.parent) if p.location == str(f)]
        folders = ", ".join(sorted({str(f.parent) for f in self.joined}))
        yield Notice(
            str(path),
            f"read as one archive with its parts in {folders} (X sent it in several ZIPs)",
        )
        found = [*parts_in_dir(path), *joined]
        deleted = deleted_parts_in_dir(path)
        yield from self._read_parts(found, avatar_media_dir(path), path, deleted)


def _zip_names(path: Path) -> list[str] | None:
    try:
        with open_zip(path) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError, EOFError):
        return None  # damaged: read (and told) as any ZIP is


@dataclass(frozen=True, slots=True)
class _ZipLook:
    """What planning needs to know of a ZIP, found in one opening of it."""

    roots: int  # how many X archives' owner folders (account.js...) it holds
    numbered: bool  # whether it holds parts past the first ZIP's (tweets-part1.js...)


def _look_into(path: Path) -> _ZipLook | None:
    """The ZIP ``path`` looked into once; None when it cannot be opened (damaged: read, and
    told, as any ZIP is)."""
    try:
        with open_zip(path) as archive:
            names = archive.namelist()
            roots = len(archive_roots(names))
            if roots or not any(_part_named(name) for name in names):
                return _ZipLook(roots, False)  # no member is opened in a ZIP of 3,000 JSONs
            return _ZipLook(0, any(part.number for part in loose_zip_parts(path, archive)))
    except (zipfile.BadZipFile, OSError, EOFError):
        return None


def _holds_archive(path: Path, source: Source, look: Callable[[Path], _ZipLook | None]) -> bool:
    """Whether the planned path holds one X archive's owner files (its first ZIP)."""
    if isinstance(source, ZipFolder):
        return (found := look(path)) is not None and found.roots == 1
    return isinstance(source, XArchive) and path.is_dir()


def _loose(
    path: Path,
    source: Source,
    in_dir: Callable[[Path], list[Part]],
    look: Callable[[Path], _ZipLook | None],
) -> bool:
    """Whether the planned path holds data files of an X archive past its first ZIP
    (``tweets-part1.js``..., under X's names or renamed) and not whose archive it is: a lone
    ``tweets.js`` is not one."""
    if isinstance(source, ZipFolder):
        return (found := look(path)) is not None and found.numbered
    return (
        isinstance(source, XArchive)
        and path.is_file()
        and not (path.parent / "account.js").is_file()
        and _numbered(path, in_dir(path.parent))
    )


def _part_named(name: str) -> bool:
    """Whether a member may be a part by its name: a ``.js`` file, or one naming a part
    (``tweets-part1.json``), whatever it was renamed to."""
    return name.lower().endswith(".js") or "part" in name.lower()


def _numbered(path: Path, parts: list[Part]) -> bool:
    """Whether ``path`` is among the parts, and a part numbered past 0 (``tweets-part1.js``,
    or one renamed) is too."""
    return any(p.number for p in parts) and any(p.location == str(path) for p in parts)


def join_split_archives(plan: Plan) -> Plan:
    """The plan with an archive's parts in other ZIPs (or unzipped folders) read with the
    one holding its ``account.js``: one entry for the archive. Parts given without it are
    refused (:class:`InputError`) when nothing else was given, naming what to add."""
    in_dir = cache(parts_in_dir)  # files of one folder would each read all its heads again
    look = cache(_look_into)  # each ZIP opened once, for both questions
    loose = [(path, source) for path, source in plan if _loose(path, source, in_dir, look)]
    if not loose:
        return plan
    holders = [(path, source) for path, source in plan if _holds_archive(path, source, look)]
    if not holders and len(loose) == len(plan):
        if all(_owner_stored(path, source, in_dir) for path, source in loose):
            return plan  # each read as the stored owner's, and told (x_archive_stored)
        raise _lone_parts_error([path for path, _source in loose])
    if len(holders) != 1:  # whose parts are whose cannot be told: each read alone
        return plan
    first, source = holders[0]
    zips = [path for path, s in loose if isinstance(s, ZipFolder)]
    files = [path for path, s in loose if not isinstance(s, ZipFolder)]
    if isinstance(source, ZipFolder) and zips:
        joined: Source = ZipFolder(joined=zips)
        taken = set(zips)
    elif not isinstance(source, ZipFolder) and files:
        joined, taken = JoinedFolder(files), set(files)
    else:
        return plan
    return [(path, joined if path == first else s) for path, s in plan if path not in taken]


def _owner_stored(path: Path, source: Source, in_dir: Callable[[Path], list[Part]]) -> bool:
    """Whether the part file ``path``, or the ZIP of parts ``path``, is of an archive whose
    owner the store holds: each is then read as the owner's, unzipped or not."""
    if isinstance(source, ZipFolder):
        with open_zip(path) as archive:
            return stored_owner(loose_zip_parts(path, archive)) is not None
    return stored_owner([p for p in in_dir(path.parent) if p.location == str(path)]) is not None


def _lone_parts_error(paths: list[Path]) -> InputError:
    """Why parts given alone cannot be imported: what they hold, and the ZIP to add; or,
    for a ZIP cut short, that its account.js was lost with the cut, not in another ZIP."""
    if (cut := next((path for path in paths if _cut_short(path)), None)) is not None:
        return InputError(
            f"{cut}: the ZIP is cut short (its download or copy stopped), and the files whole"
            " before the cut are data files of an X archive without its account.js and"
            " manifest.js, which say whose archive it is: nothing was imported",
            hint="download or copy the ZIP again, then import it",
        )
    held = [said for path in paths for said in _held(path)]
    zipped = paths[0].suffix.lower() == ".zip"
    first = _first_zip_beside(paths[0]) if zipped else None
    add = (
        f"staffpulse import {first} {' '.join(str(p) for p in paths)}"
        if first is not None
        else f"add the {'ZIP' if zipped else 'unzipped folder'} holding data/account.js and"
        " data/manifest.js (most often the first one X sent, 'part 1') to the same command"
    )
    more = f" and {len(paths) - 3:,} more" if len(paths) > 3 else ""
    return InputError(
        f"{', '.join(str(p) for p in paths[:3])}{more}: part of an X archive X sent in several"
        f" ZIPs ({'; '.join(held[:4]) or 'its data files'}), without the archive's account.js"
        " and manifest.js, which say whose archive it is and are in another of its ZIPs:"
        " nothing was imported",
        hint=f"import the archive's ZIPs together, in one command: {add}",
    )


def _cut_short(path: Path) -> bool:
    """Whether ``path`` is a ZIP cut short, read from the files whole before the cut."""
    if path.suffix.lower() != ".zip" or not path.is_file():
        return False
    try:
        with open_zip(path) as archive:
            return isinstance(archive, SalvagedZip)
    except (zipfile.BadZipFile, OSError, EOFError):
        return False


def _held(path: Path) -> list[str]:
    """What each part in ``path`` holds (``tweets-part1.js: 2 posts``)."""
    if path.is_file() and zipfile.is_zipfile(path):
        with open_zip(path) as archive:
            return [_holds(p) for p in loose_zip_parts(path, archive)]
    return [_holds(p) for p in parts_in_dir(path.parent) if p.location == str(path)]


def _holds(part: Part) -> str:
    try:
        entries = count_entries(decode_bytes(part.load())[0])
    except DamagedPart:
        return f"{part.file_name}: damaged"
    return f"{part.file_name}: {count_of(entries, LONE_NOUNS.get(part.kind, 'entry'))}"


def _first_zip_beside(path: Path) -> Path | None:
    """The ZIP beside ``path`` holding an X archive's owner files: the download's first."""
    for other in sorted(path.parent.glob("*.zip")):
        names = _zip_names(other) if other != path else None
        if names is not None and len(archive_roots(names)) == 1:
            return other
    return None
