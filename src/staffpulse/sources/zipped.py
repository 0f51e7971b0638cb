"""A ZIP is read as the folder it holds: every member file in any format, at any depth.

An X archive inside it (a folder holding ``account.js`` or ``tweets.js``, or ``data/`` with
them) is read from the ZIP by :class:`~staffpulse.sources.x_archive.XArchive`, like an
extracted archive folder in a folder import, and the rest of the archive (likes, DMs,
media, its viewer) is not read; a file of a known format kept in the archive's folder (a CSV
put there) is read by its own source, as in a folder. Every other member is extracted to a temporary folder
(:class:`~staffpulse.sources.zip_extract.Extracted`), planned like
a folder (:func:`~staffpulse.sources.folders.plan_folder`: hidden files left out, unknown files
reported) and read by its own source; what is told about it names ``zip!member``, never the
temporary folder. An avatar file a member points to comes back on its account row
(:class:`~staffpulse.models.AvatarImage`), as the X archive's does, for the import to save
beside the store: the temporary folder is gone after the import.

A ZIP that cannot be opened is refused by :func:`~staffpulse.sources.zip_checks.check_zip` ("the ZIP is damaged or cut
short") before anything is imported; one cut short is read up to the cut
(:mod:`staffpulse.sources.zip_salvage`), the cut told; a member that cannot be read is
reported and skipped.

An X archive X sent in several ZIPs is read whole from the first ZIP with the others
(``ZipFolder(joined=...)``), or with its later parts in folders beside it in the same ZIP (the
ZIPs unzipped into folders of their own and zipped again together: :func:`_parts_beside`).
"""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Container, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from itertools import chain
from pathlib import Path, PurePosixPath

from staffpulse.report.counts import count_of
from staffpulse.sources.base import (
    UNKNOWN_FORMAT,
    Item,
    Notice,
    Problem,
    register,
    unsafe_member_name,
)
from staffpulse.sources.folders import MEDIA_SUFFIXES
from staffpulse.sources.workbooks import workbook_of
from staffpulse.sources.x_archive import XArchive
from staffpulse.sources.x_archive_files import (
    Part,
    archive_folders,
    archive_roots,
    hidden_member,
    loose_zip_parts,
    within,
)
from staffpulse.sources.zip_extract import DAMAGED as DAMAGED  # where it was first
from staffpulse.sources.zip_extract import Extracted, beside_archive
from staffpulse.sources.zip_extract import ZipMember as ZipMember  # where it was first
from staffpulse.sources.zip_salvage import SalvagedZip, not_a_zip, open_zip

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # a member first, or an empty ZIP


def unpack_heads(
    path: Path, archive: zipfile.ZipFile, folder: Path, read_else: frozenset[str] = frozenset()
) -> tuple[dict[str, str], Extracted, list[Problem]]:
    """The X archives in the ZIP, the heads of its other members (written to ``folder``),
    and the members left out for their unsafe names or because they cannot be read. The
    members ``read_else`` (an archive's parts in a folder beside it) are not unpacked."""
    roots = archive_roots([info.filename for info in archive.infolist() if not info.is_dir()])
    files, problems, _own = _unpack(path, archive, folder, roots.values(), read_else)
    return roots, files, problems


def _unpack(
    path: Path,
    archive: zipfile.ZipFile,
    folder: Path,
    roots: Iterable[str],
    read_else: Container[str],
    quiet_beside: bool = True,
) -> tuple[Extracted, list[Problem], list[str]]:
    """The heads of the ZIP's members (written to ``folder``) but for the X archives' own
    files under ``roots`` (its data, viewer and media: the third list, read by the archive or
    told as not read) and those ``read_else``; and the members left out for their unsafe
    names or because they cannot be read. A file kept in an archive's folder (a CSV put
    there) is read if some source knows it and, ``quiet_beside``, passed over if not (in the
    first ZIP, whose archive's folder holds its viewer; a later ZIP's is told)."""
    roots = list(roots)
    files = Extracted(path, archive, folder)
    problems: list[Problem] = []
    own: list[str] = []
    for info in archive.infolist():
        name = info.filename
        if info.is_dir():
            continue
        if unsafe_member_name(name):
            problems.append(
                Problem(f"{path}!{name}", None, "unsafe member name (zip-slip); ignored")
            )
        elif hidden_member(name) or name in read_else:
            continue
        elif not any(within(name, r) for r in roots):
            problems.extend(files.add(info))
        elif beside_archive(name):
            problems.extend(files.add(info, beside=quiet_beside))
        else:
            own.append(name)
    return files, problems, own


class ZipFolder:
    name = "zip"
    label = "ZIP"

    def __init__(self, joined: Sequence[Path] = ()) -> None:
        # the other ZIPs of an X archive sent in several, whose parts this one's archive reads
        self.joined = tuple(joined)

    def sniff(self, path: Path, head: bytes) -> bool:
        # an Excel workbook is a ZIP too: told what it is (sources/workbooks.py), not a ZIP
        return (
            path.is_file()
            and (head[:4] in ZIP_MAGIC or path.suffix.lower() == ".zip")
            and workbook_of(path, head) is None
        )

    def read(self, path: Path) -> Iterator[Item]:
        for found in self.read_members(path):
            if isinstance(found, Problem):
                yield found
            else:
                yield from found.items

    def read_members(self, path: Path) -> Iterator[ZipMember | Problem]:
        """Each input in the ZIP (:class:`ZipMember`), and a :class:`Problem` for each member
        file skipped whole (unknown format, unsafe name, unreadable)."""
        try:
            archive = open_zip(path)
        except (zipfile.BadZipFile, OSError, EOFError):
            if (not_zip := not_a_zip(path)) is not None:  # left out, as a README: no data lost
                yield Problem(str(path), None, f"{UNKNOWN_FORMAT}: {not_zip}")
            else:
                yield Problem(str(path), None, "the ZIP is damaged or cut short; skipped")
            return
        if isinstance(archive, SalvagedZip):  # what came after the cut is lost: told first
            yield Problem(str(path), None, archive.told, records=int(archive.cut_data))
        with (
            archive,
            tempfile.TemporaryDirectory(prefix="staffpulse-zip-") as tmp,
            ExitStack() as js,
        ):
            inside = _parts_beside(path, archive)
            roots, files, problems = unpack_heads(path, archive, Path(tmp), inside.members)
            others = [
                _unpack_joined(
                    z,
                    js.enter_context(open_zip(z)),
                    Path(js.enter_context(tempfile.TemporaryDirectory(prefix="staffpulse-zip-"))),
                )
                for z in self.joined
            ]
            joined = [part for other in [inside, *others] for part in other.parts]
            for where, items in XArchive().read_zip(path, joined) if roots else ():
                if inside.parts:  # said, as the summary names only the archive's folder
                    items = chain([Notice(where, _joined_note([inside], inside=True))], items)
                if others:
                    items = chain([Notice(where, _joined_note(others))], items)
                yield ZipMember(where, XArchive.label, items)
            yield from problems
            yield from files.read()
            for other in others:  # their other files, read (or told) as this one's are
                yield from other.problems
                if other.files is not None:
                    yield from other.files.read()


@dataclass(frozen=True, slots=True)
class _Joined:
    """Another ZIP of an X archive X sent in several: its parts, read with the first ZIP's
    archive; its other files, read by their own sources; the archive's own files it holds and
    no part of (likes, media), not read."""

    where: str  # the ZIP, or the folder in the first ZIP holding the parts
    parts: list[Part]
    files: Extracted | None
    problems: list[Problem]
    unread: list[str]  # told as where they are (``zip!member``)
    members: frozenset[str] = frozenset()  # of the first ZIP, read or told here: not unpacked


def _parts_beside(path: Path, archive: zipfile.ZipFile) -> _Joined:
    """The parts of the ZIP's one X archive in folders beside it: the ZIPs X sent the
    archive in, each unzipped into a folder of its own and the folders zipped together
    (``part1/`` with ``data/account.js``, ``part2/`` with ``data/tweets-part1.js``). Their
    parts are read with the archive; the archive's own files among them that are no part
    (likes, media) are named as not read, as those of another ZIP are."""
    names = [info.filename for info in archive.infolist() if not info.is_dir()]
    roots = set(archive_roots(names).values())
    if len(roots) != 1 or "" in roots:  # none, several people's, or the ZIP is the archive
        return _Joined(str(path), [], None, [], [])
    (root,) = roots
    outside = [n for n in names if not within(n, root) and not unsafe_member_name(n)]
    if not any(n.lower().endswith(".js") for n in outside):  # no member opened
        return _Joined(str(path), [], None, [], [])
    parts = [
        part
        for part in loose_zip_parts(path, archive)
        if not within(part.location.split("!", 1)[1], root)
    ]
    if not any(part.number for part in parts):  # a lone tweets.js beside it: read alone
        return _Joined(str(path), [], None, [], [])
    held = {part.location.split("!", 1)[1] for part in parts}
    folders = archive_folders(held)
    unread = [
        name
        for name in outside
        if name not in held
        and not hidden_member(name)
        and any(within(name, r) for r in folders.values())
        and not beside_archive(name)
    ]
    where = ", ".join(f"{path}!{r}" if r else str(path) for r in sorted(set(folders.values())))
    told = [f"{path}!{name}" for name in unread]
    return _Joined(where, parts, None, [], told, frozenset(held.union(unread)))


def _unpack_joined(path: Path, archive: zipfile.ZipFile, folder: Path) -> _Joined:
    parts = loose_zip_parts(path, archive)
    names = {part.location.split("!", 1)[1] for part in parts}
    roots = archive_folders(names).values()
    files, problems, unread = _unpack(path, archive, folder, roots, names, quiet_beside=False)
    return _Joined(str(path), parts, files, problems, [f"{path}!{n}" for n in unread])


def _joined_note(joined: Sequence[_Joined], inside: bool = False) -> str:
    """What the first ZIP says of the others (``inside``: of the folders beside its archive
    holding its parts): read with it, and what of them was not."""
    wheres = ", ".join(j.where for j in joined)
    said = (
        f"read as one archive with its parts in {wheres} (X sent it in several ZIPs, unzipped"
        " into folders and zipped again together)"
        if inside
        else f"read as one archive with {wheres}, the ZIPs X sent it in"
    )
    unread = [name for j in joined for name in j.unread]
    if not unread:
        return said
    media = [name for name in unread if PurePosixPath(name).suffix.lower() in MEDIA_SUFFIXES]
    other = [name for name in unread if name not in media]
    listed = other[:3] + ([f"{len(other) - 3:,} more"] if len(other) > 3 else [])
    listed += [count_of(len(media), "media file")] if media else []
    return (
        f"{said}; not read from them, as from any X archive (likes, messages, media are not"
        f" imported): {', '.join(listed)}"
    )


register(ZipFolder())
