"""The members of a ZIP unpacked to a temporary folder and read from there as a folder
(:class:`Extracted`), and what tells a member of an X archive's folder from a file kept beside
the archive. :mod:`staffpulse.sources.zipped` reads a ZIP with them."""

from __future__ import annotations

import shutil
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from staffpulse.errors import InputError
from staffpulse.models import Account, AvatarImage, Follow, Post
from staffpulse.sources.base import HEAD_BYTES, Item, Notice, Problem, Source, UnreadFile, read_head
from staffpulse.sources.csv_tables import read_as_held
from staffpulse.sources.file_copies import without_copies
from staffpulse.sources.folders import MEDIA_SUFFIXES, is_empty_file, left_out, plan_folder
from staffpulse.sources.read_order import dids_first
from staffpulse.sources.workbooks import workbook_of
from staffpulse.store.core import Record

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
    # the file as it can be opened while its items are read (a ZIP's member unpacked): a CSV
    # is read again there for the spreadsheet rows of its lines (sources.sheet_rows)
    local: Path | None = None


def beside_archive(name: str) -> bool:
    """Whether a member in an X archive's folder may be a file kept beside the archive (a CSV,
    a twarc2 file), not the archive's own: its data (``.js``), its viewer's page and assets, its
    media."""
    parts = PurePosixPath(name).parts
    own_folder = any(part == "assets" or part.endswith("_media") for part in parts[:-1])
    return not own_folder and PurePosixPath(name).suffix.lower() not in ARCHIVE_OWN_SUFFIXES


class Extracted:
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
        plan, copies = without_copies(plan, self._listed, self.display)  # read once, told
        told_all = [replace(p, file=self.display(p.file)) for p in told] + copies
        return dids_first(plan), told_all  # a repo.car before a sheet, as in a folder

    def _listed(self, target: Path) -> tuple[int, int, bytes] | None:
        """What tells a member's bytes without unpacking more of it: the checksum and size
        the ZIP lists, and the head unpacked to tell its format. None for a folder."""
        info = self.members.get(target)
        if info is None or not target.is_file():
            return None
        with target.open("rb") as head:
            return info.CRC, info.file_size, head.read(HEAD_BYTES)

    def _joined(self, plan: list[tuple[Path, Source]]) -> list[tuple[Path, Source]]:
        """The plan with the ZIPs of an X archive X sent in several read as one, as in a folder
        (a ZIP of the downloads); each was read alone, its parts told without account.js."""
        # both import this module
        from staffpulse.sources.x_archive_parts import join_split_archives
        from staffpulse.sources.zipped import ZipFolder

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
        from staffpulse.sources.zipped import ZipFolder  # it imports this module

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
            read_items = read_as_held(target, source)
            items = (self.relocate(item) for item in read_items)
            yield ZipMember(self.display(str(target)), source.label, items, target)

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
        return ZipMember(self.display(found.location), found.label, items, found.local)

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
