"""Finding the files of a Mastodon account archive: in a ``.tar.gz`` as it streams (nothing
extracted), or in its unpacked folder (a ZIP's too, unpacked by
:mod:`staffpulse.sources.zipped`), and recognising them by their first bytes.

Only ``outbox.json``, ``actor.json`` and the avatar image are kept (each within a size limit);
the media are counted, to be told as not read in one line; ``likes.json`` and
``bookmarks.json`` are noted, to be told as not imported, whichever form the archive came in.
:mod:`staffpulse.sources.mastodon_archive_files` reads what is found here.
"""

from __future__ import annotations

import tarfile
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from staffpulse.read_offsets import mark_read
from staffpulse.sources.base import IMAGE_SUFFIXES, Problem, read_head, unsafe_member_name
from staffpulse.sources.gzipped import GZIP_MAGIC, unpacked_head
from staffpulse.sources.json_documents import MAX_DOCUMENT_BYTES
from staffpulse.sources.jsonio import first_json_char

OUTBOX, ACTOR = "outbox.json", "actor.json"
NOT_READ = ("likes.json", "bookmarks.json")  # other people's posts the owner liked or saved
MEDIA = "media_attachments"  # the pictures and videos of the owner's posts: never read
MAX_SMALL_BYTES = 16 * 1024 * 1024  # actor.json, the avatar: far larger is not the archive's
ARCHIVE_NAMES = frozenset({OUTBOX, ACTOR, *NOT_READ})
DOWNLOAD_AGAIN = "request the archive again in Mastodon (Preferences › Import and export)"


@dataclass
class Member:
    """A file of the archive, read whole: where it is told to be, its bytes, when written."""

    location: str
    data: bytes
    written: datetime | None = None


@dataclass
class ArchiveFiles:
    """What this source reads of one archive, and what went wrong finding it."""

    where: str
    outbox: Member | None = None
    actor: Member | None = None
    images: dict[str, Member] = field(default_factory=dict)  # avatar.png -> its bytes
    image_paths: dict[str, Path] = field(default_factory=dict)  # in a folder: name -> file
    problems: list[Problem] = field(default_factory=list)
    not_read: list[str] = field(default_factory=list)  # where likes.json, bookmarks.json are
    media: int = 0  # media files (pictures, videos) found beside: told as not read
    media_at: str = ""  # where they are, as told


# -- recognising the archive ---------------------------------------------------------------


def _looks_activitystreams(head: bytes) -> bool:
    return first_json_char(head) == "{" and b"activitystreams" in head


def looks_outbox(head: bytes) -> bool:
    """An ActivityPub ``OrderedCollection`` (``outbox.json``, ``likes.json``...)."""
    return _looks_activitystreams(head) and b'"OrderedCollection"' in head


def looks_actor(head: bytes) -> bool:
    return _looks_activitystreams(head) and b'"preferredUsername"' in head


def _tar_names(head: bytes) -> list[str]:
    """The names of the members whose headers are in the first bytes of a tar file."""
    names: list[str] = []
    offset = 0
    while offset + 512 <= len(head) and head[offset + 257 : offset + 262] == b"ustar":
        block = head[offset : offset + 512]
        name = block[:100].split(b"\0", 1)[0].decode("utf-8", "replace")
        prefix = block[345:500].split(b"\0", 1)[0].decode("utf-8", "replace")
        names.append(f"{prefix}/{name}" if prefix else name)
        try:
            size = int(block[124:136].split(b"\0", 1)[0].strip() or b"0", 8)
        except ValueError:
            break
        offset += 512 + (size + 511) // 512 * 512
    return names


def looks_mastodon_tar(head: bytes) -> bool:
    """A tar (gzipped or not) whose first member is a Mastodon archive's: its media come
    first, then ``outbox.json``, ``likes.json``, ``bookmarks.json``, the avatar, ``actor.json``."""
    tar = unpacked_head(head) if head.startswith(GZIP_MAGIC) else head
    for name in _tar_names(tar)[:1]:
        parts = PurePosixPath(name).parts
        return "media_attachments" in parts[:2] or (bool(parts) and parts[-1] in ARCHIVE_NAMES)
    return False


# -- finding its files -----------------------------------------------------------------------


def _is_avatar_name(name: str) -> bool:
    pure = PurePosixPath(name)
    return pure.stem == "avatar" and pure.suffix.lower() in IMAGE_SUFFIXES


def is_archive_companion(path: Path) -> bool:
    """The account's picture (``avatar.png``) beside the archive's ``actor.json``, read with
    it, or a media file under ``media_attachments/``, summed up by the archive's reader: a
    folder or ZIP never tells them as files of no known format."""
    if _is_avatar_name(path.name):
        actor = path.parent / ACTOR
        return actor.is_file() and looks_actor(read_head(actor))
    media = next((parent for parent in path.parents if parent.name == MEDIA), None)
    return media is not None and (
        (media.parent / OUTBOX).is_file() or (media.parent / ACTOR).is_file()
    )


# What a tar cut short or damaged fails with, as it streams.
CUT = (tarfile.TarError, EOFError, zlib.error, OSError)


def files_in_tar(path: Path) -> ArchiveFiles:
    """Read the archive's files from the tar ``path`` as it streams (nothing extracted): an
    archive cut short keeps what came before the cut, and the cut is reported."""
    found = ArchiveFiles(str(path), media_at=f"{path}!{MEDIA}")
    kept: dict[tuple[str, str], Member] = {}  # (folder, name) -> member
    not_read: list[tuple[str, str]] = []  # (folder, where) of likes.json, bookmarks.json
    last = ""
    try:
        with tarfile.open(path, mode="r|*") as tar:
            for info in tar:
                last = info.name
                pure = PurePosixPath(info.name)
                if info.isfile() and MEDIA in pure.parts:
                    found.media += 1
                if info.isfile() and pure.name in NOT_READ:
                    not_read.append((str(pure.parent), f"{path}!{info.name}"))
                wanted = pure.name in (OUTBOX, ACTOR) or _is_avatar_name(pure.name)
                if not info.isfile() or not wanted:
                    continue
                location = f"{path}!{info.name}"
                if unsafe_member_name(info.name):
                    found.problems.append(
                        Problem(location, None, "unsafe member name; ignored", records=0)
                    )
                    continue
                limit = MAX_DOCUMENT_BYTES if pure.name == OUTBOX else MAX_SMALL_BYTES
                if info.size > limit:
                    found.problems.append(
                        Problem(location, None, f"too large ({info.size:,} bytes); skipped")
                    )
                    continue
                member = tar.extractfile(info)
                if member is None:
                    continue
                written = datetime.fromtimestamp(info.mtime, UTC) if info.mtime else None
                data = bytearray()
                try:
                    while chunk := member.read(4096):  # small: a cut loses at most one
                        data += chunk
                except CUT:  # kept as far as it came: its reader tells what was lost with it
                    if data:
                        kept[(str(pure.parent), pure.name)] = Member(location, bytes(data), written)
                    raise
                kept[(str(pure.parent), pure.name)] = Member(location, bytes(data), written)
    except CUT as exc:
        near = f" near {last}" if last else ""
        found.problems.append(
            Problem(
                str(path),
                None,
                f"the archive is damaged or cut short{near} ({exc}): what came before was "
                f"read, the rest is lost; {DOWNLOAD_AGAIN}",
                records=0,
            )
        )
    # read whole before its records are written: the import's progress bar can say so
    mark_read(path)
    folders = [folder for folder, name in kept if name == OUTBOX] or [
        folder for folder, name in kept if name == ACTOR
    ]
    found.not_read = [where for _, where in not_read]
    if folders:
        root = folders[0]
        found.outbox, found.actor = kept.get((root, OUTBOX)), kept.get((root, ACTOR))
        found.images = {name: m for (folder, name), m in kept.items() if folder == root}
        found.not_read = [where for folder, where in not_read if folder == root]
    return found


def read_member(file: Path, limit: int, problems: list[Problem]) -> Member | None:
    size = file.stat().st_size
    if size > limit:
        problems.append(Problem(str(file), None, f"too large ({size:,} bytes); skipped"))
        return None
    written = datetime.fromtimestamp(file.stat().st_mtime, UTC)
    data = file.read_bytes()
    mark_read(file)  # closed before its records are written: the folder's bar would stay at 0
    return Member(str(file), data, written)


def files_in_folder(folder: Path, outbox: bool = True, actor: bool = True) -> ArchiveFiles:
    """The archive's files in ``folder`` (an unpacked archive, or where ``outbox.json`` or
    ``actor.json`` was given alone). With ``outbox`` (the whole folder is read) its
    ``likes.json`` and ``bookmarks.json`` are noted too: given alone, each is its own input."""
    found = ArchiveFiles(str(folder), media_at=str(folder / MEDIA))
    if outbox:
        found.not_read = [str(folder / name) for name in NOT_READ if (folder / name).is_file()]
    if (folder / MEDIA).is_dir():
        found.media = sum(1 for file in (folder / MEDIA).rglob("*") if file.is_file())
    if outbox and (folder / OUTBOX).is_file():
        found.outbox = read_member(folder / OUTBOX, MAX_DOCUMENT_BYTES, found.problems)
    if actor and (folder / ACTOR).is_file() and looks_actor(read_head(folder / ACTOR)):
        found.actor = read_member(folder / ACTOR, MAX_SMALL_BYTES, found.problems)
    found.image_paths = {
        child.name: child
        for child in folder.iterdir()
        if child.is_file() and _is_avatar_name(child.name)
    }
    return found
