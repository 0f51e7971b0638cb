"""The X archive ("Download an archive of your data"): a ZIP, its extracted folder, or one file.

Reads ``data/tweets.js`` (``window.YTD.tweets.part0``; older archives: ``tweet.js`` with
``window.YTD.tweet.part0``) and their ``-partN`` siblings, ``account.js``, ``profile.js`` (bio,
avatar), ``follower.js`` and ``following.js``. The avatar image in ``profile_media/`` is copied
beside the store imported into (:func:`~staffpulse.sources.base.keep_avatar_copy`). Other
files (likes, DMs, ...) are not read.

Archives carry no ``retweeted_status`` or ``quoted_status``: a retweet is the ``RT @handle:``
text, and a quote is a tweet whose text ends with a link to another tweet; the handle in that
link (``x.com/<handle>/status/<id>``) is whom the quote engages, named first among its mentions
as the retweeted account is.

In a ZIP the archive's files may sit at any depth (``data/``, a folder named after the person,
``twitter-2022-11-03/data/``...): each folder holding them is read as one archive. (A folder
given on the command line is walked by :func:`staffpulse.ingest.plan_import`, which hands each
archive folder it finds to this source; a ZIP is read by :mod:`staffpulse.sources.zipped`,
which hands it the archives it holds, :func:`archive_roots`.)
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from staffpulse.models import Account, Follow
from staffpulse.sources.base import (
    IMAGE_SUFFIXES,
    Item,
    Notice,
    Problem,
    decode_bytes,
    keep_avatar_copy,
    parse_timestamp,
    provenance,
    register,
    unsafe_member_name,
)
from staffpulse.sources.jsonio import get_str
from staffpulse.sources.observed import read_time
from staffpulse.sources.x_v1 import PLATFORM, post_from_v1_tweet
from staffpulse.sources.ytd import count_entries, ytd_items
from staffpulse.store.core import Record

PART_RE = re.compile(
    r"^(tweets|tweet|account|profile|follower|following|manifest)(?:-part(\d+))?\.js$"
)
TWEET_PARTS = ("tweets", "tweet")
ORDER = {"account": 0, "profile": 1, "tweets": 2, "tweet": 2, "follower": 3, "following": 4}
SOURCE_NAME = "x-archive"
OWNER_FILES = ("account.js", "tweets.js", "tweet.js")
LONE_PART = (
    "a file of an X archive without the archive's account.js, which says whose archive it is, "
    "so nothing in it was read: import the whole archive ZIP as X sent it, or its data folder "
    "(with account.js beside this file)"
)
Media = list[tuple[str, Callable[[], bytes]]]


@dataclass(frozen=True, slots=True)
class Part:
    kind: str  # tweets | tweet | account | profile | follower | following | manifest
    number: int
    location: str
    load: Callable[[], bytes]


# -- pure transformers -------------------------------------------------------------------


def owner_from_archive(
    account: Mapping[str, Any] | None, profile: Mapping[str, Any] | None
) -> Account:
    """The archive owner from ``account.js`` (and ``profile.js`` when given)."""
    acc = account or {}
    user_id = get_str(acc, "accountId")
    handle = get_str(acc, "username")
    if user_id is None or handle is None:
        raise ValueError("account.js has no 'accountId' or 'username'")
    prof = profile or {}
    avatar = get_str(prof, "avatarMediaUrl")
    return Account(
        platform=PLATFORM,
        id=user_id,
        handle=handle,
        display_name=get_str(acc, "accountDisplayName") or "",
        name_known="accountDisplayName" in acc,
        bio=get_str(prof, "description", "bio") or "",
        bio_known=profile is not None,  # profile.js holds the bio
        avatar_url=avatar if avatar and avatar.startswith("http") else None,
        created_at=parse_timestamp(acc.get("createdAt")),
        url=f"https://x.com/{handle}",
    )


def follow_from_archive(kind: str, item: Mapping[str, Any], owner_id: str) -> Follow:
    other = get_str(item, kind, "accountId")
    if other is None:
        raise ValueError(f"{kind} entry without 'accountId'")
    if kind == "follower":
        return Follow(platform=PLATFORM, follower_id=other, followee_id=owner_id)
    return Follow(platform=PLATFORM, follower_id=owner_id, followee_id=other)


def _public(account: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """``account.js`` without the owner's e-mail and phone number (never stored)."""
    if account is None:
        return None
    return {k: v for k, v in account.items() if k not in ("email", "phoneNumber", "phone")}


# -- containers ------------------------------------------------------------------------


def _parts_in_dir(folder: Path) -> list[Part]:
    data = folder / "data" if (folder / "data").is_dir() else folder
    parts = []
    for file in sorted(data.glob("*.js")):
        match = PART_RE.match(file.name)
        if match:
            parts.append(Part(match.group(1), int(match.group(2) or 0), str(file), file.read_bytes))
    return parts


def _zip_loader(archive: zipfile.ZipFile, name: str) -> Callable[[], bytes]:
    return lambda: archive.read(name)


def archive_roots(names: list[str]) -> dict[str, str]:
    """The X archives among the member names of a ZIP: each folder holding an archive's
    owner file (``account.js``, ``tweets.js``), mapped to the folder the archive fills (the
    one above ``data/``, where ``Your archive.html`` and ``assets/`` are; ``""`` is the root).
    Unsafe names are left out."""
    roots: dict[str, str] = {}
    for name in names:
        pure = PurePosixPath(name)
        if pure.name in OWNER_FILES and not unsafe_member_name(name):
            folder = pure.parent
            root = folder.parent if folder.name == "data" else folder
            roots[str(folder)] = "" if str(root) == "." else str(root)
    return roots


def _read_zip(path: Path, archive: zipfile.ZipFile) -> list[tuple[str, list[Part], Media]]:
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
        match = PART_RE.match(pure.name)
        if match and str(pure.parent) in roots:
            parts.setdefault(str(pure.parent), []).append(
                Part(
                    match.group(1),
                    int(match.group(2) or 0),
                    f"{path}!{name}",
                    _zip_loader(archive, name),
                )
            )
        elif "profile_media" in pure.parts and pure.suffix.lower() in IMAGE_SUFFIXES:
            folder = PurePosixPath(*pure.parts[: pure.parts.index("profile_media")])
            if any(_within(name, root) for root in roots.values()):
                media.setdefault(str(folder), []).append((pure.name, _zip_loader(archive, name)))
    every_image = sorted((m for found in media.values() for m in found), key=lambda m: m[0])
    return [
        (
            folder,
            found,
            every_image if len(parts) == 1 else sorted(media.get(folder, []), key=lambda m: m[0]),
        )
        for folder, found in sorted(parts.items())
    ]


def _within(name: str, root: str) -> bool:
    return root == "" or name.startswith(root + "/")


def _pick_avatar(
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


def _generated_at(manifest: Part | None) -> datetime | None:
    """When X generated the archive (``archiveInfo.generationDate``): the owner's profile and
    the posts' likes and reposts are as of then."""
    info = _manifest_section(manifest, "archiveInfo")
    return read_time(info.get("generationDate")) if info is not None else None


def _manifest_account(part: Part) -> dict[str, Any] | None:
    """The owner from ``manifest.js``'s ``userInfo``."""
    info = _manifest_section(part, "userInfo")
    if info is None:
        return None
    return {
        "accountId": info.get("accountId"),
        "username": info.get("userName"),
        "accountDisplayName": info.get("displayName"),
    }


# -- the source --------------------------------------------------------------------------


def _first_item(part: Part | None, key: str) -> dict[str, Any] | None:
    if part is None:
        return None
    for _line, item in ytd_items(decode_bytes(part.load())[0]):
        if isinstance(item, dict) and isinstance(item.get(key), dict):
            return item[key]  # type: ignore[no-any-return]
        return None
    return None


class XArchive:
    name = SOURCE_NAME
    label = "X archive"

    def sniff(self, path: Path, head: bytes) -> bool:
        if path.is_dir():
            data = path / "data" if (path / "data").is_dir() else path
            return any((data / name).is_file() for name in OWNER_FILES)
        match = PART_RE.match(path.name)
        return (
            match is not None
            and match.group(1) != "manifest"
            and head.lstrip().startswith(b"window.YTD.")
        )

    def read(self, path: Path) -> Iterator[Item]:
        if path.is_dir():
            yield from self._read_parts(_parts_in_dir(path), _avatar_media_dir(path), path)
        elif zipfile.is_zipfile(path):
            for _where, items in self.read_zip(path):
                yield from items
        else:
            siblings = _parts_in_dir(path.parent)
            only = [p for p in siblings if p.location == str(path)]
            context = [p for p in siblings if p.kind in ("account", "profile", "manifest")]
            media = (
                _avatar_media_dir(path.parent)
                if only and only[0].kind in ("account", "profile")
                else []
            )
            yield from self._read_parts(only, media, path, context=context)

    def read_zip(self, path: Path) -> Iterator[tuple[str, Iterator[Item]]]:
        """Each archive in the ZIP ``path``: where it is (the ZIP, or ``zip!folder`` when it
        holds several) and its items. Consume each one's items before the next."""
        with zipfile.ZipFile(path) as archive:
            roots = archive_roots([info.filename for info in archive.infolist()])
            for folder, parts, media in _read_zip(path, archive):
                root = roots[folder]  # the folder the archive fills, as a folder import says
                where = f"{path}!{root}" if root else str(path)
                yield where, self._read_parts(parts, media, Path(where))

    def _read_parts(
        self,
        parts: list[Part],
        media: Media,
        where: Path,
        context: list[Part] | None = None,
    ) -> Iterator[Item]:
        known = {p.kind: p for p in (context or parts) if p.number == 0}
        account = _first_item(known.get("account"), "account")
        profile = _first_item(known.get("profile"), "profile")
        owner: Account | None = None
        generated = _generated_at(known.get("manifest"))
        try:
            if account is None and known.get("manifest") is not None:
                account = _manifest_account(known["manifest"])
            owner = owner_from_archive(account, profile) if account else None
        except ValueError as exc:
            yield Problem(str(where), None, str(exc))
        if owner is not None:
            owner = replace(owner, observed_at=generated)
        if owner is not None and media:
            picked = _pick_avatar(media, profile)
            if picked is not None:
                owner = replace(
                    owner, avatar_path=keep_avatar_copy(PLATFORM, owner.id, picked[0], picked[1]())
                )
        kinds = {p.kind for p in parts}
        if owner is not None and not kinds & {"account", "profile"} and kinds - {"manifest"}:
            raw = {"account": _public(account), "profile": profile}
            yield Record(rows=(owner,), provenance=provenance(self.name, str(where)), raw=raw)
        for part in sorted(parts, key=lambda p: (ORDER.get(p.kind, 9), p.number)):
            if part.kind == "manifest":
                continue
            if owner is None:
                # every entry of the file is lost (its posts would have no author): all count
                entries = count_entries(decode_bytes(part.load())[0])
                yield Problem(part.location, None, LONE_PART, records=entries)
                continue
            if part.kind in ("account", "profile"):
                raw = {"account": _public(account), "profile": profile}
                yield Record(
                    rows=(owner,), provenance=provenance(self.name, part.location), raw=raw
                )
                continue
            yield from self._read_items(part, owner, generated)

    def _read_items(self, part: Part, owner: Account, generated: datetime | None) -> Iterator[Item]:
        text, note = decode_bytes(part.load())
        if note:
            yield Notice(part.location, note)
        follows: list[Follow] = []
        raw: list[Any] = []
        for line, item in ytd_items(text):
            if isinstance(item, Exception):
                yield Problem(part.location, line, str(item), getattr(item, "records", 1))
                continue
            try:
                if part.kind in TWEET_PARTS:
                    tweet = item.get("tweet", item) if isinstance(item, dict) else None
                    if not isinstance(tweet, dict):
                        raise ValueError("entry is not a tweet object")
                    post = post_from_v1_tweet(tweet, owner, infer_quote_from_link=True)
                    post = replace(post, observed_at=generated)
                    yield Record(
                        rows=(post,),
                        provenance=provenance(self.name, part.location, line),
                        raw=tweet,
                    )
                else:
                    if not isinstance(item, dict):
                        raise ValueError(f"{part.kind} entry is not an object")
                    follows.append(follow_from_archive(part.kind, item, owner.id))
                    raw.append(item)
            except (ValueError, TypeError, AttributeError) as exc:
                yield Problem(part.location, line, str(exc))
        if follows:
            yield Record(
                rows=tuple(follows),
                provenance=provenance(self.name, part.location),
                raw={part.kind: raw},
            )


def _avatar_media_dir(path: Path) -> Media:
    data = path / "data" if (path / "data").is_dir() else path
    media = data / "profile_media"
    if not media.is_dir():
        return []
    return [
        (f.name, f.read_bytes)
        for f in sorted(media.iterdir())
        if f.suffix.lower() in IMAGE_SUFFIXES
    ]


register(XArchive())
