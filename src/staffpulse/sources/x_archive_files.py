"""The files of an X archive: where they are (a folder, a ZIP, at any depth), and what
``manifest.js`` and the first entry of ``account.js`` / ``profile.js`` say about the owner.
:mod:`staffpulse.sources.x_archive` reads them into rows.

A part is known by its kind and number (``tweets``, 1), from X's file name
(``tweets-part1.js``) or, for a file the user renamed (``tweets-part1 (1).js``, as a browser
saves a second download), from its first line (``window.YTD.tweets.part1 = [``): a renamed
part is read as one under its own name, in a folder and in a ZIP.

``manifest.js`` also lists every data file X wrote, with how many entries it holds
(``dataTypes.tweets.files[].count``): :func:`listed_files` gives those of the files read, so
that a part missing from a half-extracted folder, or a file cut short, is told and counted
instead of passing as a smaller archive."""

from __future__ import annotations

import json
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from staffpulse.read_offsets import mark_read
from staffpulse.sources.base import (
    HEAD_BYTES,
    IMAGE_SUFFIXES,
    read_head,
    unsafe_member_name,
)
from staffpulse.sources.folders import MEDIA_SUFFIXES
from staffpulse.sources.jsonio import get_str
from staffpulse.sources.observed import read_time
from staffpulse.sources.text_files import decode_bytes, sniffable
from staffpulse.sources.ytd import ytd_items

PART_RE = re.compile(
    r"^(tweets|tweet|community-tweet|note-tweet|account|profile|follower|following|manifest)"
    r"(?:-part(\d+))?\.js$"
)
OWNER_FILES = ("account.js", "tweets.js", "tweet.js")
# The files of the owner's posts: theirs on their profile, and in X Communities
TWEET_PARTS = ("tweets", "tweet", "community-tweet")
# The first line of a part, which names it whatever the file is called
YTD_PART_RE = re.compile(
    rb"^\s*window\.YTD\.(tweets|tweet|community_tweet|note_tweet|account|profile|follower|"
    rb"following)\.part(\d+)\s*="
)
Media = list[tuple[str, Callable[[], bytes]]]
# The files whose entries become rows, and what one entry is, as a count is told
COUNTED_NOUNS = {
    "tweets": "tweet",
    "tweet": "tweet",
    "community-tweet": "Community tweet",
    "follower": "follower",
    "following": "followed account",
    # a long post's whole text (note-tweet.js): its post, cut at 280 characters, is in tweets.js
    "note-tweet": "long-post text",
}


@dataclass(frozen=True, slots=True)
class Part:
    kind: str  # tweets | tweet | note-tweet | account | profile | follower | following | manifest
    number: int
    location: str
    load: Callable[[], bytes]

    @property
    def file_name(self) -> str:
        """``tweets-part1.js``, wherever the part is (a folder, ``zip!data/``)."""
        return PurePosixPath(self.location.rsplit("!", 1)[-1].replace("\\", "/")).name

    @property
    def under_x_name(self) -> bool:
        """Whether the file has the name X gives this part (``tweets-part1.js``), not one the
        user gave it."""
        named = PART_RE.match(self.file_name)
        return named is not None and (named.group(1), int(named.group(2) or 0)) == (
            self.kind,
            self.number,
        )


@dataclass(frozen=True, slots=True)
class Listed:
    """A data file ``manifest.js`` lists: its name there (``data/tweets-part1.js``), its kind
    (``tweets``) and how many entries X wrote in it."""

    name: str
    kind: str
    count: int

    @property
    def noun(self) -> str:
        return COUNTED_NOUNS[self.kind]


def part_named_by(head: bytes) -> tuple[str, int] | None:
    """The kind and number a part's first line gives it (``window.YTD.tweets.part1 = [``:
    ``("tweets", 1)``), whatever the file is called; None when the head is no such line."""
    match = YTD_PART_RE.match(head.removeprefix(b"\xef\xbb\xbf"))
    if match is None:
        return None
    # window.YTD.note_tweet is the part X names note-tweet.js
    return match.group(1).decode().replace("_", "-"), int(match.group(2))


def renamed_part(path: Path, head: bytes) -> Part | None:
    """A part of an archive under a name of its own (``tweets (1).js``, as a browser saves a
    second download; ``tweets.json``, ``tweets.txt``): its kind and number from its first line,
    ``window.YTD.tweets.part0 = [``. None when the head is no such line."""
    named = part_named_by(head)
    return None if named is None else Part(named[0], named[1], str(path), file_loader(path))


def parts_in_dir(folder: Path) -> list[Part]:
    """Every part in the archive folder (or its ``data/``), under X's name or renamed; a
    part may be there twice (:mod:`staffpulse.sources.x_archive_copies` picks one)."""
    data = folder / "data" if (folder / "data").is_dir() else folder
    parts = []
    for file in sorted(data.iterdir()):
        if file.name.startswith(".") or not file.is_file():
            continue
        match = PART_RE.match(file.name)
        if match:
            parts.append(
                Part(match.group(1), int(match.group(2) or 0), str(file), file_loader(file))
            )
        elif (renamed := renamed_part(file, read_head(file))) is not None:
            parts.append(renamed)
    return parts


def file_loader(path: Path) -> Callable[[], bytes]:
    def load() -> bytes:
        data = path.read_bytes()
        # closed before its records are written: the progress bar of a folder would stay at 0
        mark_read(path)
        return data

    return load


# What reading a ZIP member can fail with: a bad CRC or header, deflate data cut off, a password
_MEMBER_ERRORS = (
    zipfile.BadZipFile,
    OSError,
    EOFError,
    zlib.error,
    NotImplementedError,
    RuntimeError,
)


class DamagedPart(ValueError):
    """A file of an archive ZIP that cannot be unpacked (its data is damaged, or encrypted)."""


def zip_member_loader(archive: zipfile.ZipFile, name: str) -> Callable[[], bytes]:
    def load() -> bytes:
        try:
            return archive.read(name)
        except _MEMBER_ERRORS as exc:
            raise DamagedPart(name) from exc

    return load


def _zip_part_named(archive: zipfile.ZipFile, name: str) -> tuple[str, int] | None:
    """The kind and number of a ZIP member, from X's name or else its first line."""
    match = PART_RE.match(PurePosixPath(name).name)
    if match:
        return match.group(1), int(match.group(2) or 0)
    if PurePosixPath(name).name.startswith("."):
        return None
    try:
        with archive.open(name) as member:
            head = member.read(HEAD_BYTES)
    except _MEMBER_ERRORS:
        return None  # unreadable (damaged, encrypted): told as a part only when named as one
    return part_named_by(sniffable(head))


def loose_zip_parts(path: Path, archive: zipfile.ZipFile) -> list[Part]:
    """The data files of an X archive in a ZIP without its owner files (the second ZIP of an
    archive X sent in several): under X's names (``tweets-part1.js``) or renamed, every one
    of them (``tweets-part1 (1).js``, ``tweets copy.js``), known by their first line. Media
    (``tweets_media/``) are not opened: they are never parts."""
    found = []
    for name in archive.namelist():
        pure = PurePosixPath(name)
        if unsafe_member_name(name) or hidden_member(name) or name.endswith("/"):
            continue
        if pure.suffix.lower() not in MEDIA_SUFFIXES:
            named = _zip_part_named(archive, name)
            if named is not None:
                found.append(Part(*named, f"{path}!{name}", zip_member_loader(archive, name)))
    return found


def hidden_member(name: str) -> bool:
    """Hidden like a dotfile, or the ``__MACOSX`` resource forks macOS adds to a ZIP."""
    return any(p.startswith(".") or p == "__MACOSX" for p in PurePosixPath(name).parts)


def archive_roots(names: list[str]) -> dict[str, str]:
    """The X archives among the member names of a ZIP: each folder holding an archive's
    owner file (``account.js``, ``tweets.js``), mapped to the folder the archive fills (the
    one above ``data/``, where ``Your archive.html`` and ``assets/`` are; ``""`` is the root).
    Unsafe names are left out."""
    owners = [n for n in names if PurePosixPath(n).name in OWNER_FILES]
    return archive_folders(n for n in owners if not unsafe_member_name(n))


def archive_folders(names: Iterable[str]) -> dict[str, str]:
    """The folder of each member of an archive (``x/data/tweets.js``: ``x/data``) mapped to
    the folder the archive fills (``x``: the one above ``data/``; ``""`` is the root)."""
    roots: dict[str, str] = {}
    for name in names:
        folder = PurePosixPath(name).parent
        root = folder.parent if folder.name == "data" else folder
        roots[str(folder)] = "" if str(root) == "." else str(root)
    return roots


def read_zip_parts(path: Path, archive: zipfile.ZipFile) -> list[tuple[str, list[Part], Media]]:
    """The archives in a ZIP, one per folder holding an owner file: (folder, parts, media).

    The folder may be at any depth (the root, ``data/``, ``person/``, ``x/data/``...). The
    avatar images of a folder are in its ``profile_media/``; with one archive in the ZIP,
    any ``profile_media/`` within it is its own. Unsafe member names (``../``) are left to
    :mod:`staffpulse.sources.zipped`, which reports them; nothing here is written by name.
    """
    names = [info.filename for info in archive.infolist() if not info.is_dir()]
    roots = archive_roots(names)
    parts: dict[str, list[Part]] = {}
    media: dict[str, Media] = {}
    for name in names:
        if unsafe_member_name(name):
            continue
        pure = PurePosixPath(name)
        named = _zip_part_named(archive, name) if str(pure.parent) in roots else None
        if named is not None:
            parts.setdefault(str(pure.parent), []).append(
                Part(named[0], named[1], f"{path}!{name}", zip_member_loader(archive, name))
            )
        elif "profile_media" in pure.parts and pure.suffix.lower() in IMAGE_SUFFIXES:
            folder = PurePosixPath(*pure.parts[: pure.parts.index("profile_media")])
            if any(within(name, root) for root in roots.values()):
                media.setdefault(str(folder), []).append(
                    (pure.name, zip_member_loader(archive, name))
                )
    every_image = sorted((m for found in media.values() for m in found), key=lambda m: m[0])
    return [
        (
            folder,
            found,
            every_image if len(parts) == 1 else sorted(media.get(folder, []), key=lambda m: m[0]),
        )
        for folder, found in sorted(parts.items())
    ]


def within(name: str, root: str) -> bool:
    """The member ``name`` is in the folder ``root`` of a ZIP (``""``: the root holds all)."""
    return root == "" or name.startswith(root + "/")


def pick_avatar(
    media: Media, profile: Mapping[str, Any] | None
) -> tuple[str, Callable[[], bytes]] | None:
    if not media:
        return None
    wanted = (get_str(profile or {}, "avatarMediaUrl") or "").rsplit("/", 1)[-1]
    header = (get_str(profile or {}, "headerMediaUrl") or "").rsplit("/", 1)[-1]
    for name, load in media:
        if wanted and name.endswith(wanted):
            return name, load
    others = [m for m in media if not header or not m[0].startswith(header)]
    return others[0] if others else None


def _manifest_section(part: Part | None, key: str) -> dict[str, Any] | None:
    """A section of ``manifest.js`` (``window.__THAR_CONFIG = {"userInfo": ...}``)."""
    if part is None:
        return None
    text, _note = decode_bytes(part.load())  # the note is given when the part itself is read
    start = text.find("{")
    try:
        info = json.loads(text[start:]).get(key) if start >= 0 else None
    except (json.JSONDecodeError, AttributeError):
        return None
    return info if isinstance(info, dict) else None


def generated_at(manifest: Part | None) -> datetime | None:
    """When X generated the archive (``archiveInfo.generationDate``): the owner's profile and
    the posts' likes and reposts are as of then."""
    info = _manifest_section(manifest, "archiveInfo")
    return read_time(info.get("generationDate")) if info is not None else None


def is_partial_archive(manifest: Part | None) -> bool:
    """Whether X split the archive into several ZIPs (``archiveInfo.isPartialArchive``): a file
    the manifest lists may then be in another of them."""
    info = _manifest_section(manifest, "archiveInfo")
    return info is not None and info.get("isPartialArchive") in (True, "true")


def listed_files(manifest: Part | None) -> dict[tuple[str, int], Listed]:
    """The tweets, note-tweet, follower and following files ``manifest.js`` lists with a count
    of 1 or more, by part (``("tweets", 1)`` for ``data/tweets-part1.js``), as a renamed file is
    known too; empty without a manifest, or one that lists none (an older archive). Entries of
    another shape are passed over: the manifest only checks."""
    types = _manifest_section(manifest, "dataTypes")
    found: dict[tuple[str, int], Listed] = {}
    for data_type in (types or {}).values():
        files = data_type.get("files") if isinstance(data_type, dict) else None
        for entry in files if isinstance(files, list) else []:
            name = entry.get("fileName") if isinstance(entry, dict) else None
            match = PART_RE.match(PurePosixPath(name).name) if isinstance(name, str) else None
            if name is None or match is None or match.group(1) not in COUNTED_NOUNS:
                continue
            try:
                count = int(str(entry.get("count")))
            except ValueError:
                continue
            if count > 0:
                part = (match.group(1), int(match.group(2) or 0))
                found[part] = Listed(name, match.group(1), count)
    return found


def manifest_account(part: Part) -> dict[str, Any] | None:
    """The owner from ``manifest.js``'s ``userInfo``."""
    info = _manifest_section(part, "userInfo")
    if info is None:
        return None
    return {
        "accountId": info.get("accountId"),
        "username": info.get("userName"),
        "accountDisplayName": info.get("displayName"),
    }


def first_item(part: Part | None, key: str) -> dict[str, Any] | None:
    """The ``key`` object of a part's first entry (``account.js`` holds one account, as
    ``[{"account": {...}}]``), or None when the part is missing or its first entry is not one."""
    if part is None:
        return None
    for _line, item in ytd_items(decode_bytes(part.load())[0]):
        value = item.get(key) if isinstance(item, dict) else None
        return value if isinstance(value, dict) else None
    return None


def avatar_media_dir(path: Path) -> Media:
    data = path / "data" if (path / "data").is_dir() else path
    media = data / "profile_media"
    if not media.is_dir():
        return []
    return [
        (f.name, f.read_bytes)
        for f in sorted(media.iterdir())
        if f.suffix.lower() in IMAGE_SUFFIXES
    ]
