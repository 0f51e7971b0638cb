"""The Mastodon account archive as a file: the ``.tar.gz`` (or ``.zip``) "Request your
archive" gives, its unpacked folder, or its ``outbox.json`` and ``actor.json`` alone.

A ``.tar.gz`` is read member by member as it streams, never extracted: only ``outbox.json``,
``actor.json`` and the avatar image are kept (each within a size limit), the media are passed
over. A ZIP (what Mastodon 4.2 and later send) is unpacked by
:mod:`staffpulse.sources.zipped` like any folder, whose ``outbox.json`` and ``actor.json``
this source then reads one at a time; ``likes.json`` and ``bookmarks.json`` are recognised and
told as not imported, so they are not reported as files of no known format.

The rows are made by :mod:`staffpulse.sources.mastodon_archive`. The avatar image comes on
the owner's row (:class:`~staffpulse.models.AvatarImage`) for the import to save.
"""

from __future__ import annotations

import re
import tarfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

import orjson

from staffpulse.models import Account, AvatarImage
from staffpulse.sources.base import (
    IMAGE_SUFFIXES,
    Item,
    Notice,
    Problem,
    provenance,
    read_head,
    register,
    unsafe_member_name,
)
from staffpulse.sources.gzipped import GZIP_MAGIC, unpacked_head
from staffpulse.sources.json_documents import (
    MAX_DOCUMENT_BYTES,
    cut_short_message,
    document_error,
)
from staffpulse.sources.jsonio import as_list, first_json_char, get_str
from staffpulse.sources.mastodon_archive import (
    DirectMessage,
    account_from_actor,
    account_from_actor_uri,
    owner_uri,
    post_from_activity,
)
from staffpulse.store.core import Record

SOURCE_NAME = "mastodon-archive"
OUTBOX, ACTOR = "outbox.json", "actor.json"
NOT_READ = ("likes.json", "bookmarks.json")  # other people's posts the owner liked or saved
_TOTAL_ITEMS_RE = re.compile(rb'"totalItems"\s*:\s*(\d+)')
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


def files_in_tar(path: Path) -> ArchiveFiles:
    """Read the archive's files from the tar ``path`` as it streams (nothing extracted): an
    archive cut short keeps what came before the cut, and the cut is reported."""
    found = ArchiveFiles(str(path))
    kept: dict[tuple[str, str], Member] = {}  # (folder, name) -> member
    last = ""
    try:
        with tarfile.open(path, mode="r|*") as tar:
            for info in tar:
                last = info.name
                pure = PurePosixPath(info.name)
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
                kept[(str(pure.parent), pure.name)] = Member(location, member.read(), written)
    except (tarfile.TarError, EOFError, zlib.error, OSError) as exc:
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
    folders = [folder for folder, name in kept if name == OUTBOX] or [
        folder for folder, name in kept if name == ACTOR
    ]
    if folders:
        root = folders[0]
        found.outbox, found.actor = kept.get((root, OUTBOX)), kept.get((root, ACTOR))
        found.images = {name: m for (folder, name), m in kept.items() if folder == root}
    return found


def _read_member(file: Path, limit: int, problems: list[Problem]) -> Member | None:
    size = file.stat().st_size
    if size > limit:
        problems.append(Problem(str(file), None, f"too large ({size:,} bytes); skipped"))
        return None
    written = datetime.fromtimestamp(file.stat().st_mtime, UTC)
    return Member(str(file), file.read_bytes(), written)


def files_in_folder(folder: Path, outbox: bool = True, actor: bool = True) -> ArchiveFiles:
    """The archive's files in ``folder`` (an unpacked archive, or where ``outbox.json`` or
    ``actor.json`` was given alone)."""
    found = ArchiveFiles(str(folder))
    if outbox and (folder / OUTBOX).is_file():
        found.outbox = _read_member(folder / OUTBOX, MAX_DOCUMENT_BYTES, found.problems)
    if actor and (folder / ACTOR).is_file() and looks_actor(read_head(folder / ACTOR)):
        found.actor = _read_member(folder / ACTOR, MAX_SMALL_BYTES, found.problems)
    found.image_paths = {
        child.name: child
        for child in folder.iterdir()
        if child.is_file() and _is_avatar_name(child.name)
    }
    return found


# -- reading it ----------------------------------------------------------------------------------


def _load(member: Member) -> Any:
    """The JSON of a member; raises :class:`DocumentError` saying where it does not parse."""
    try:
        return orjson.loads(member.data.removeprefix(b"\xef\xbb\xbf"))
    except orjson.JSONDecodeError as exc:
        raise document_error(member.data, exc) from None


def _avatar(files: ArchiveFiles, actor: dict[str, Any], owner: Account) -> Account:
    """The owner with the avatar image its ``icon`` names in the archive (``avatar.png``)."""
    icon = actor.get("icon")
    named = get_str(icon, "url") if isinstance(icon, dict) else None
    if not named or "://" in named or unsafe_member_name(named):
        return owner
    name = PurePosixPath(named).name
    if name in files.images:
        return replace(owner, avatar_image=AvatarImage(name, files.images[name].data))
    file = files.image_paths.get(name)
    if file is None or file.stat().st_size > MAX_SMALL_BYTES:
        return owner
    # the path as well: a ZIP's reader swaps a file it unpacked only in part for the whole
    return replace(owner, avatar_path=str(file), avatar_image=AvatarImage(name, file.read_bytes()))


def read_archive(files: ArchiveFiles) -> Iterator[Item]:
    """The owner and the posts of one archive (:class:`ArchiveFiles`)."""
    yield from files.problems
    actor: dict[str, Any] | None = None
    owner: Account | None = None
    if files.actor is not None:
        try:
            loaded = _load(files.actor)
            if not isinstance(loaded, dict):
                raise ValueError("not a JSON object: not a Mastodon account")
            actor = loaded
            owner = _avatar(files, actor, account_from_actor(actor, files.actor.written))
        except ValueError as exc:
            yield Problem(files.actor.location, getattr(exc, "line", None), str(exc))
    if owner is not None and files.actor is not None:
        yield Record(
            rows=(owner,), provenance=provenance(SOURCE_NAME, files.actor.location), raw=actor
        )
    if files.outbox is not None:
        yield from _read_outbox(files.outbox, owner)


def _read_outbox(member: Member, owner: Account | None) -> Iterator[Item]:
    try:
        collection = _load(member)
    except ValueError as exc:
        lost = max(_activities_lost(member.data), getattr(exc, "records", 1))
        many = f"at least {lost:,} activit{'y' if lost == 1 else 'ies'} lost"
        if str(exc).startswith("the file looks cut short"):
            said = cut_short_message("", many)
        else:
            said = f"{exc} ({many})"
            said = said if "again" in said else f"{said}; {DOWNLOAD_AGAIN}"
        yield Problem(member.location, getattr(exc, "line", None), said, records=lost)
        return
    items = as_list(collection.get("orderedItems")) if isinstance(collection, dict) else []
    if not items and isinstance(collection, dict) and collection.get("type") != "OrderedCollection":
        yield Problem(member.location, None, "not a Mastodon outbox (no 'orderedItems')")
        return
    if items and all(isinstance(item, str) for item in items):  # likes.json, bookmarks.json
        yield Notice(member.location, _not_read(Path(member.location).name))
        return
    if owner is None:
        try:
            owner = account_from_actor_uri(owner_uri(items) or "")
        except ValueError as exc:
            yield Problem(member.location, None, f"{exc}; nothing in the file was read", len(items))
            return
        yield Record(rows=(owner,), provenance=provenance(SOURCE_NAME, member.location))
    direct = 0
    for number, item in enumerate(items):
        try:
            if not isinstance(item, dict):
                raise ValueError("not an activity object")
            post = post_from_activity(item, owner)
        except DirectMessage:
            direct += 1
            continue
        except (ValueError, TypeError, AttributeError) as exc:
            yield Problem(member.location, None, f"orderedItems[{number}]: {exc}")
            continue
        if post is not None:
            yield Record(
                rows=(post,),
                provenance=provenance(SOURCE_NAME, member.location),
                raw=item,
            )
    if direct:
        yield Notice(
            member.location,
            f"{direct:,} direct message{'s' if direct != 1 else ''} (to named people only) "
            "left out: they are private",
        )


def _activities_lost(data: bytes) -> int:
    """How many activities an outbox that does not parse held: its header's ``totalItems``
    (written before the list, so readable before a cut) or, past it, the activities begun
    before the cut (each has its "type", with or without a space after the colon)."""
    stated = _TOTAL_ITEMS_RE.search(data[:4096])
    counted = sum(
        data.count(f'"type":{space}"{kind}"'.encode())
        for kind in ("Create", "Announce")
        for space in ("", " ")
    )
    return max(int(stated.group(1)) if stated else 0, counted)


def _not_read(name: str) -> str:
    what = "likes" if name.startswith("likes") else "bookmarks" if name.startswith("book") else name
    return (
        f"the {what} of a Mastodon archive (other people's posts): not imported; "
        "import outbox.json and actor.json, or the whole archive"
    )


class MastodonArchive:
    """The archive as a ``.tar.gz``, its unpacked folder, or one of its JSON files."""

    name = SOURCE_NAME
    label = "Mastodon archive"

    def sniff(self, path: Path, head: bytes) -> bool:
        if path.is_dir():
            outbox, actor = path / OUTBOX, path / ACTOR
            return (outbox.is_file() and looks_outbox(read_head(outbox))) or (
                actor.is_file() and looks_actor(read_head(actor))
            )
        if looks_outbox(head) or looks_actor(head):
            return True
        return path.is_file() and looks_mastodon_tar(head)

    def read(self, path: Path) -> Iterator[Item]:
        if path.is_dir():
            files = files_in_folder(path)
            if files.outbox is None and files.actor is None:
                yield Problem(str(path), None, "no outbox.json or actor.json in the folder")
                return
            yield from read_archive(files)
            return
        head = read_head(path)
        if looks_outbox(head):
            files = ArchiveFiles(str(path))
            if path.name not in NOT_READ:  # its owner and avatar, when they are beside it
                files = files_in_folder(path.parent, outbox=False)
            files.outbox = _read_member(path, MAX_DOCUMENT_BYTES, files.problems)
            yield from read_archive(files)
            return
        if looks_actor(head):
            files = files_in_folder(path.parent, outbox=False)
            yield from read_archive(files)
            return
        files = files_in_tar(path)
        if files.outbox is None and files.actor is None:
            yield from files.problems
            yield Problem(
                str(path),
                None,
                "no outbox.json or actor.json in it: not a whole Mastodon archive; "
                + DOWNLOAD_AGAIN,
            )
            return
        yield from read_archive(files)


register(MastodonArchive())
