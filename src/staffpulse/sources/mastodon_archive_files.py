"""The Mastodon account archive as a file: the ``.tar.gz`` (or ``.zip``) "Request your
archive" gives, its unpacked folder, or its ``outbox.json`` and ``actor.json`` alone.

Its files are found by :mod:`staffpulse.sources.mastodon_archive_members`: a ``.tar.gz`` as it
streams, never extracted; a ZIP (what Mastodon 4.2 and later send) is unpacked by
:mod:`staffpulse.sources.zipped` like any folder, whose ``outbox.json`` and ``actor.json``
this source then reads one at a time. Whatever the form, ``likes.json`` and
``bookmarks.json`` are told as not imported, the media summed up as not read in one line, and
the avatar image beside ``actor.json`` is this source's (never "of no known format").

The rows are made by :mod:`staffpulse.sources.mastodon_archive`. The avatar image comes on
the owner's row (:class:`~staffpulse.models.AvatarImage`) for the import to save.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import Any

import orjson

from staffpulse.models import Account, AvatarImage
from staffpulse.sources.base import (
    Item,
    LostPosts,
    Notice,
    Problem,
    provenance,
    read_head,
    register,
    unsafe_member_name,
)
from staffpulse.sources.csv_preamble import csv_columns
from staffpulse.sources.folders import COMPANIONS, EXPLAINERS, WHAT_IT_IS
from staffpulse.sources.json_document_errors import cut_short_message, document_error
from staffpulse.sources.json_documents import MAX_DOCUMENT_BYTES
from staffpulse.sources.json_entries import salvage_cut
from staffpulse.sources.json_list_stream import LazyEntries, split_list
from staffpulse.sources.jsonio import as_list, get_str
from staffpulse.sources.mastodon_archive import (
    DirectMessage,
    account_from_actor,
    account_from_actor_uri,
    is_followers_only,
    owner_uri,
    post_from_activity,
)
from staffpulse.sources.mastodon_archive_members import (
    ACTOR,
    DOWNLOAD_AGAIN,
    MAX_SMALL_BYTES,
    NOT_READ,
    OUTBOX,
    ArchiveFiles,
    Member,
    files_in_folder,
    files_in_tar,
    is_archive_companion,
    looks_actor,
    looks_mastodon_tar,
    looks_outbox,
    read_member,
)
from staffpulse.store.core import Record

SOURCE_NAME = "mastodon-archive"
_TOTAL_ITEMS_RE = re.compile(rb'"totalItems"\s*:\s*(\d+)')

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
        yield from _not_read_notices(files)


# The lists of other people's posts or accounts an archive holds beside its outbox
_LISTS = ("likes", "bookmarks", "following")


def _not_read_notices(files: ArchiveFiles) -> Iterator[Notice]:
    """What the archive holds that is never imported: its likes and bookmarks, its media."""
    for where in files.not_read:
        yield Notice(where, _not_read(PurePosixPath(where.replace("!", "/")).name))
    if files.media:
        many = f"{files.media:,} media file{'' if files.media == 1 else 's'}"
        yield Notice(files.media_at, f"{many} (pictures, videos): not read")


def _read_outbox(member: Member, owner: Account | None) -> Iterator[Item]:
    split = split_list(member.data, "orderedItems")  # one activity at a time in memory
    if split is not None:
        yield from _read_outbox_items(member, owner, split[0], split[1])
        return
    try:  # a file that does not split so is parsed whole, and told why it does not parse
        collection = _load(member)
    except ValueError as exc:
        cut = salvage_cut(member.data.decode("utf-8")) if getattr(exc, "cut", False) else None
        if cut is not None:  # the activities whole before the cut are read, the rest told
            lost = max(_activities_lost(member.data) - cut.read, cut.lost)
            yield LostPosts(
                member.location,
                getattr(exc, "line", None),
                f"the file looks cut short: it stops in the middle, so the {cut.read:,} "
                f"activit{'y' if cut.read == 1 else 'ies'} before the cut "
                f"{'was' if cut.read == 1 else 'were'} read and "
                + (f"at least {lost:,} lost; " if lost else "only the file's end is lost; ")
                + DOWNLOAD_AGAIN,
                records=lost,
            )
            yield from _read_outbox_items(member, owner, cut.document)
            return
        lost = max(_activities_lost(member.data), getattr(exc, "records", 1))
        many = f"at least {lost:,} activit{'y' if lost == 1 else 'ies'} lost"
        if str(exc).startswith("the file looks cut short"):
            said = cut_short_message("", many)
        else:
            said = f"{exc} ({many})"
            said = said if "again" in said else f"{said}; {DOWNLOAD_AGAIN}"
        yield LostPosts(member.location, getattr(exc, "line", None), said, records=lost)
        return
    yield from _read_outbox_items(member, owner, collection)


def _read_outbox_items(
    member: Member, owner: Account | None, collection: Any, entries: Sequence[Any] = ()
) -> Iterator[Item]:
    """The owner (when not known from ``actor.json``) and the posts of a parsed outbox, or
    of its ``entries`` read one at a time (:func:`split_list`)."""
    items = entries or (
        as_list(collection.get("orderedItems")) if isinstance(collection, dict) else []
    )
    if not items and isinstance(collection, dict) and collection.get("type") != "OrderedCollection":
        yield Problem(member.location, None, "not a Mastodon outbox (no 'orderedItems')")
        return
    name = PurePosixPath(member.location.replace("!", "/")).name
    # likes.json, bookmarks.json (empty, for most people), a Pleroma backup's following.json
    if all(isinstance(item, str) for item in items) and (items or name.startswith(_LISTS)):
        alone = not (Path(member.location).parent / OUTBOX).is_file()
        yield Notice(member.location, _not_read(name, alone))
        return
    if owner is None and not items:  # else "the activities' actor '' is not an address"
        yield Notice(member.location, "an outbox that holds no activities: nothing to import")
        return
    if owner is None:
        try:
            owner = account_from_actor_uri(owner_uri(items) or "", items)
        except ValueError as exc:
            yield Problem(member.location, None, f"{exc}; nothing in the file was read", len(items))
            return
        yield Record(rows=(owner,), provenance=provenance(SOURCE_NAME, member.location))
    direct = followers_only = deleted = 0
    # each activity's line, so that one found again in the file is told where (ingest_repeats)
    lines = entries.lines() if isinstance(entries, LazyEntries) else [None] * len(items)
    for number, (item, line) in enumerate(zip(items, lines, strict=True)):
        try:
            if not isinstance(item, dict):
                raise ValueError("not an activity object")
            if _deleted(item):  # nothing of the post is left to import: counted, told
                deleted += 1
                continue
            post = post_from_activity(item, owner)
        except DirectMessage:
            direct += 1
            continue
        except (ValueError, TypeError, AttributeError) as exc:
            # counted among the posts read: an outbox whose every post is lost fails the import
            yield LostPosts(
                member.location, line, f"orderedItems[{number}]: {exc}; {DOWNLOAD_AGAIN}"
            )
            continue
        if post is not None and post.kind != "repost" and is_followers_only(item):
            followers_only += 1
        if post is not None:
            yield Record(
                rows=(post,),
                provenance=provenance(SOURCE_NAME, member.location, line),
                raw=item,
            )
    if direct:
        yield Notice(
            member.location,
            f"{direct:,} direct message{'s' if direct != 1 else ''} (to named people only) "
            "left out: they are private",
        )
    if deleted:
        one = deleted == 1
        yield Notice(
            member.location,
            f"{deleted:,} post{'' if one else 's'} deleted on Mastodon left out: the archive"
            f" keeps only a mark (a 'Tombstone') where {'it was' if one else 'each was'}, no"
            " text or date to import",
        )
    if followers_only:
        one = followers_only == 1
        yield Notice(
            member.location,
            f"{followers_only:,} followers-only post{'' if one else 's'} imported: "
            f"{'it is' if one else 'they are'} counted but never quoted in reports",
        )


def _deleted(activity: dict[str, Any]) -> bool:
    """Whether an outbox activity is what Mastodon keeps of a deleted post: a ``Delete``, or
    a ``Create`` whose object is a ``Tombstone``."""
    target = activity.get("object")
    return activity.get("type") == "Delete" or (
        activity.get("type") == "Create"
        and isinstance(target, dict)
        and target.get("type") == "Tombstone"
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


def _not_read(name: str, alone: bool = False) -> str:
    """What likes.json or bookmarks.json is told, the same in a .tar.gz, a ZIP or a folder;
    given ``alone`` (no outbox.json beside it), with what to import instead."""
    if name.startswith("following"):  # a Pleroma or Akkoma backup: addresses, not posts
        said = "the accounts followed, of a Pleroma or Akkoma backup: not imported"
    else:
        what = (
            "likes"
            if name.startswith("likes")
            else "bookmarks"
            if name.startswith("book")
            else name
        )
        said = f"the {what} of a Mastodon archive (other people's posts): not imported"
    return f"{said}; import outbox.json and actor.json, or the whole archive" if alone else said


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
            files.outbox = read_member(path, MAX_DOCUMENT_BYTES, files.problems)
            yield from read_archive(files)
            return
        if looks_actor(head):
            files = files_in_folder(path.parent, outbox=False)
            yield from read_archive(files)
            return
        files = files_in_tar(path)
        if files.outbox is None and files.actor is None:
            yield from files.problems
            for where in files.not_read:  # all the archive held: say what to import instead
                yield Notice(where, _not_read(PurePosixPath(where.replace("!", "/")).name, True))
            cut = any(problem.file == str(path) for problem in files.problems)
            yield Problem(
                str(path),
                None,
                # the archive was cut (told just above) before its outbox or actor came whole
                (
                    "nothing of its outbox.json or actor.json came before the cut, so nothing was "
                    "imported; "
                    if cut
                    else "no outbox.json or actor.json in it: not a whole Mastodon archive; "
                )
                + DOWNLOAD_AGAIN,
            )
            return
        yield from read_archive(files)


def why_account_list(path: Path, head: bytes) -> str | None:
    """A list Mastodon's Data export page gives beside the archive (``following_accounts.csv``,
    ``muted_accounts.csv``: ``Account address,...``): what it is, and why it is not imported.
    It was told the columns a staffpulse CSV of posts needs, as if it were one to fix."""
    if path.suffix.lower() != ".csv" or "account_address" not in csv_columns(head):
        return None
    return (
        f"{WHAT_IT_IS}a list of accounts Mastodon exports (the accounts followed or muted, under "
        "Preferences › Import and export › Data export): it does not say whose list it is and "
        "holds no posts, so staffpulse does not import it; for the account's posts, import "
        "its archive (Request your archive, on the same page)"
    )


register(MastodonArchive())
COMPANIONS.append(is_archive_companion)
EXPLAINERS.insert(0, why_account_list)
