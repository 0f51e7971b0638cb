"""A ZIP is read as the folder it holds: every member file in any format, at any depth.

An X archive inside it (a folder holding ``account.js`` or ``tweets.js``, or ``data/`` with
them) is read from the ZIP by :class:`~staffpulse.sources.x_archive.XArchive`, like an
extracted archive folder in a folder import, and the rest of the archive (likes, DMs,
media, its viewer) is not read; a file of a known format kept in the archive's folder (a CSV
put there) is read by its own source, as in a folder. Every other member is extracted to a temporary folder, planned like
a folder (:func:`~staffpulse.sources.folders.plan_folder`: hidden files left out, unknown files
reported) and read by its own source; what is told about it names ``zip!member``, never the
temporary folder. An avatar file a member points to comes back on its account row
(:class:`~staffpulse.models.AvatarImage`), as the X archive's does, for the import to save
beside the store: the temporary folder is gone after the import.

A ZIP that cannot be opened is refused by :func:`~staffpulse.sources.zip_checks.check_zip` ("the ZIP is damaged or cut
short") before anything is imported; one cut short is read up to the cut
(:mod:`staffpulse.sources.zip_salvage`), the cut told; a member that cannot be read is
reported and skipped.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, replace
from itertools import chain
from pathlib import Path, PurePosixPath

from staffpulse.errors import InputError
from staffpulse.models import Account, AvatarImage, Follow, Post
from staffpulse.report.counts import count_of
from staffpulse.sources.base import (
    HEAD_BYTES,
    Item,
    Notice,
    Problem,
    Source,
    UnreadFile,
    read_head,
    register,
    unsafe_member_name,
)
from staffpulse.sources.folders import (
    MEDIA_SUFFIXES,
    is_empty_file,
    left_out,
    plan_folder,
)
from staffpulse.sources.workbooks import workbook_of
from staffpulse.sources.x_archive import XArchive
from staffpulse.sources.x_archive_files import Part, archive_folders, archive_roots, loose_zip_parts
from staffpulse.sources.zip_salvage import SalvagedZip, open_zip
from staffpulse.store.core import Record

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # a member first, or an empty ZIP
# What a member can fail with: a bad CRC or header, deflate data cut off, a password.
# An X archive's own files by their ending: its data, and its viewer's page and styles
ARCHIVE_OWN_SUFFIXES = (".js", ".html", ".htm", ".css", *MEDIA_SUFFIXES)
MEMBER_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError)
# A member damaged early looks like no format at all (its head is garbled): it was told "no
# known format", as if the wrong file had been zipped. Any damaged member is skipped whole:
# deflate data unpacked past damage can look like records and still be garbled. How many
# records it held cannot be told: an UnreadFile (records 0), counted apart from those skipped
DAMAGED = (
    "is damaged in the ZIP, so nothing of it was read (how many records it held cannot be"
    " told): download or copy the ZIP again, then import it again"
)


@dataclass(frozen=True, slots=True)
class ZipMember:
    """One input found in a ZIP: where it is (``zip!member``), its format and its items.
    Consume ``items`` before asking for the next member."""

    location: str
    label: str
    items: Iterator[Item]


def unpack_heads(
    path: Path, archive: zipfile.ZipFile, folder: Path
) -> tuple[dict[str, str], _Extracted, list[Problem]]:
    """The X archives in the ZIP, the heads of its other members (written to ``folder``),
    and the members left out for their unsafe names or because they cannot be read."""
    infos = [info for info in archive.infolist() if not info.is_dir()]
    roots = archive_roots([info.filename for info in infos])
    files = _Extracted(path, archive, folder)
    problems: list[Problem] = []
    for info in infos:
        name = info.filename
        if unsafe_member_name(name):
            problems.append(
                Problem(f"{path}!{name}", None, "unsafe member name (zip-slip); ignored")
            )
        elif _hidden(name):
            continue
        elif not any(_within(name, r) for r in roots.values()):
            problems.extend(files.add(info))
        elif _beside_archive(name):
            problems.extend(files.add(info, beside=True))
    return roots, files, problems


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
            yield Problem(str(path), None, "the ZIP is damaged or cut short; skipped")
            return
        if isinstance(archive, SalvagedZip):  # what came after the cut is lost: told first
            yield Problem(str(path), None, archive.told, records=int(archive.cut_data))
        with (
            archive,
            tempfile.TemporaryDirectory(prefix="staffpulse-zip-") as tmp,
            ExitStack() as js,
        ):
            roots, files, problems = unpack_heads(path, archive, Path(tmp))
            others = [
                _unpack_joined(
                    z,
                    js.enter_context(open_zip(z)),
                    Path(js.enter_context(tempfile.TemporaryDirectory(prefix="staffpulse-zip-"))),
                )
                for z in self.joined
            ]
            joined = [part for other in others for part in other.parts]
            for where, items in XArchive().read_zip(path, joined) if roots else ():
                if others:  # said, as the summary names only this ZIP
                    items = chain([Notice(where, _joined_note(others))], items)
                yield ZipMember(where, XArchive.label, items)
            yield from problems
            yield from files.read()
            for other in others:  # their other files, read (or told) as this one's are
                yield from other.problems
                yield from other.files.read()


@dataclass(frozen=True, slots=True)
class _Joined:
    """Another ZIP of an X archive X sent in several: its parts, read with the first ZIP's
    archive; its other files, read by their own sources; the archive's own files it holds and
    no part of (likes, media), not read."""

    path: Path
    parts: list[Part]
    files: _Extracted
    problems: list[Problem]
    unread: list[str]


def _unpack_joined(path: Path, archive: zipfile.ZipFile, folder: Path) -> _Joined:
    parts = loose_zip_parts(path, archive)
    names = {part.location.split("!", 1)[1] for part in parts}
    roots = archive_folders(names)
    files = _Extracted(path, archive, folder)
    problems: list[Problem] = []
    unread: list[str] = []
    for info in archive.infolist():
        name = info.filename
        if unsafe_member_name(name):
            problems.append(
                Problem(f"{path}!{name}", None, "unsafe member name (zip-slip); ignored")
            )
        elif info.is_dir() or _hidden(name) or name in names:
            continue
        elif any(_within(name, r) for r in roots.values()) and not _beside_archive(name):
            unread.append(name)
        else:  # told when of no known format: not an X archive's own file
            problems.extend(files.add(info))
    return _Joined(path, parts, files, problems, unread)


def _joined_note(joined: Sequence[_Joined]) -> str:
    """What the first ZIP says of the others: read with it, and what of them was not."""
    said = (
        f"read as one archive with {', '.join(str(j.path) for j in joined)}, the ZIPs X sent it in"
    )
    unread = [f"{j.path}!{name}" for j in joined for name in j.unread]
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


def _beside_archive(name: str) -> bool:
    """Whether a member in an X archive's folder may be a file kept beside the archive (a CSV,
    a twarc2 file), not the archive's own: its data (``.js``), its viewer's page and assets, its
    media."""
    parts = PurePosixPath(name).parts
    own_folder = any(part == "assets" or part.endswith("_media") for part in parts[:-1])
    return not own_folder and PurePosixPath(name).suffix.lower() not in ARCHIVE_OWN_SUFFIXES


def _hidden(name: str) -> bool:
    """Hidden like a dotfile, or the ``__MACOSX`` resource forks macOS adds to a ZIP."""
    return any(part.startswith(".") or part == "__MACOSX" for part in PurePosixPath(name).parts)


def _within(name: str, root: str) -> bool:
    return root == "" or name.startswith(root + "/")


class _Extracted:
    """The members of a ZIP extracted to a temporary folder, and read from there as a folder.

    Only the head of each member is written at first, enough to tell its format; the members
    a source will read (and an avatar image a record points to) are then written whole, so
    files of no known format (videos, PDFs...) are never extracted.
    """

    def __init__(self, path: Path, archive: zipfile.ZipFile, folder: Path) -> None:
        self.path = path
        self.archive = archive
        self.folder = folder
        self.members: dict[Path, zipfile.ZipInfo] = {}
        self.whole: set[Path] = set()
        self.beside: set[str] = set()  # members in an X archive's folder, not the archive's

    def add(self, info: zipfile.ZipInfo, *, beside: bool = False) -> list[Problem]:
        """Write the member's head; ``beside``: a member of an X archive's folder that is not
        the archive's, read if some source knows its format and passed over silently if not."""
        target = self.folder.joinpath(*PurePosixPath(info.filename.replace("\\", "/")).parts)
        problem = self._write(info, target, HEAD_BYTES)
        if problem is None:
            self.members[target] = info
            if beside:
                self.beside.add(str(target))
            return []
        return [problem]

    def plan(self, join: bool = True) -> tuple[list[tuple[Path, Source]], list[Problem]]:
        """What to read, as a folder import plans it (``join``: an archive's ZIPs as one), and
        the members of no known format."""
        plan: list[tuple[Path, Source]] = []
        skipped: list[Problem] = []
        plan_folder(self.folder, plan, skipped, seen=set())
        told = [self._damaged_or(p) for p in skipped if not (p.file in self.beside and left_out(p))]
        plan = self._joined(plan) if join else plan
        return plan, [replace(p, file=self.display(p.file)) for p in told]

    def _joined(self, plan: list[tuple[Path, Source]]) -> list[tuple[Path, Source]]:
        """The plan with the ZIPs of an X archive X sent in several read as one, as in a folder
        (a ZIP of the downloads); each was read alone, its parts told without account.js."""
        from staffpulse.sources.x_archive_parts import join_split_archives  # it imports this

        if len(plan) < 2:
            return plan
        for target, source in plan:
            if isinstance(source, ZipFolder) and target in self.members:
                self.write_whole(target)  # a ZIP's list of files is at its end
        try:
            return join_split_archives(plan)
        except InputError:  # parts alone: each read, and told, as before
            return plan

    def _damaged_or(self, problem: Problem) -> Problem:
        """``problem`` of a member of no known format, or :data:`DAMAGED` when the member is
        damaged: its garbled head is why no format was seen."""
        info = self.members.get(Path(problem.file))
        if info is None or not left_out(problem) or is_empty_file(problem):
            return problem
        try:
            with self.archive.open(info) as member:
                while member.read(1 << 20):  # the CRC is checked at the end
                    pass
        except MEMBER_ERRORS:
            return UnreadFile(problem.file, None, DAMAGED, records=0)
        return problem

    def read(self) -> Iterator[ZipMember | Problem]:
        plan, skipped = self.plan()
        yield from skipped
        ready = []
        for target, source in plan:
            # and the other ZIPs or folders of an archive read with this one
            read = (target, *getattr(source, "joined", ()))
            whole = [
                self.write_whole(file)
                for file in self.members
                if any(file == path or file.is_relative_to(path) for path in read)
            ]
            problems = [problem for problem in whole if problem is not None]
            yield from problems
            if not problems:
                ready.append((target, source))
        for target, source in ready:
            if isinstance(source, ZipFolder):  # a ZIP in the ZIP
                for found in source.read_members(target):
                    yield self.relocate_member(found)
                continue
            items = (self.relocate(item) for item in source.read(target))
            yield ZipMember(self.display(str(target)), source.label, items)

    def write_whole(self, target: Path) -> Problem | None:
        if target in self.whole:
            return None
        problem = self._write(self.members[target], target)
        if problem is None:
            self.whole.add(target)
        return problem

    def _write(self, info: zipfile.ZipInfo, target: Path, limit: int = -1) -> Problem | None:
        """Write member ``info`` to ``target`` (its first ``limit`` bytes only, when given)."""
        where = f"{self.path}!{info.filename}"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with self.archive.open(info) as member, target.open("wb") as out:
                if limit < 0:
                    shutil.copyfileobj(member, out)
                else:
                    out.write(member.read(limit))
        except MEMBER_ERRORS as exc:
            target.unlink(missing_ok=True)
            if "password" in str(exc) or "encrypt" in str(exc):
                why = "is encrypted, so nothing of it was read: unzip it with its password and"
                return UnreadFile(where, None, f"{why} import the folder", records=0)
            return UnreadFile(where, None, DAMAGED, records=0)
        except OSError as exc:  # a member named like a folder of another, say
            return Problem(where, None, f"cannot be extracted ({exc.strerror}); skipped")
        return None

    def local(self, shown: str) -> Path:
        """Where the member told as ``shown`` (``zip!member``) was unpacked."""
        return Path(shown.replace(f"{self.path}!", str(self.folder) + "/", 1))

    def holds_workbook(self, shown: str) -> bool:
        """Whether the member told as ``shown`` is a workbook, from its unpacked head."""
        local = self.local(shown)
        return local.is_file() and workbook_of(local, read_head(local)) is not None

    def display(self, text: str) -> str:
        """``text`` with each path in the temporary folder told as ``zip!member``."""
        return text.replace(str(self.folder) + "/", f"{self.path}!")

    def relocate_member(self, found: ZipMember | Problem) -> ZipMember | Problem:
        if isinstance(found, Problem):
            return replace(found, file=self.display(found.file))
        items = (self.relocate(item) for item in found.items)
        return ZipMember(self.display(found.location), found.label, items)

    def relocate(self, item: Item) -> Item:
        """The item as told about the ZIP: member names instead of temporary paths."""
        if isinstance(item, Problem | Notice):
            return replace(item, file=self.display(item.file), message=self.display(item.message))
        rows = tuple(self._read_avatar(row) for row in item.rows)
        location = self.display(item.provenance.location)
        return Record(
            rows=rows, provenance=replace(item.provenance, location=location), raw=item.raw
        )

    def _read_avatar(self, row: Account | Post | Follow) -> Account | Post | Follow:
        """An account whose avatar file is in the ZIP carries the image instead of its path,
        which names the temporary folder (gone once the import ends)."""
        if not isinstance(row, Account) or not row.avatar_path:
            return row
        avatar = Path(row.avatar_path)
        if not avatar.is_relative_to(self.folder):
            return row
        if avatar not in self.members or self.write_whole(avatar) is not None:
            # named as in the ZIP, where it is not: the import tells it (ingest_avatars)
            return replace(row, avatar_path=self.display(str(avatar)))
        image = AvatarImage(avatar.name, avatar.read_bytes())
        return replace(row, avatar_path=None, avatar_image=image)


register(ZipFolder())
