"""The X archive ("Download an archive of your data"): a ZIP, its extracted folder, or one file.

Reads ``data/tweets.js`` (``window.YTD.tweets.part0``; older archives: ``tweet.js`` with
``window.YTD.tweet.part0``) and their ``-partN`` siblings, ``account.js``, ``profile.js`` (bio,
avatar), ``follower.js`` and ``following.js``, and ``note-tweet.js``, the whole text of the posts
longer than 280 characters, which is matched to their posts
(:mod:`~staffpulse.sources.x_archive_notes`). The avatar image in ``profile_media/`` comes
back on the owner's row (:class:`~staffpulse.models.AvatarImage`), written nowhere: the import
saves it beside the store (:mod:`staffpulse.ingest`). Other files (likes, DMs) are not read.

A file the user renamed (``tweets-part1 (1).js``) is known by its first line
(:mod:`~staffpulse.sources.x_archive_files`); a part found twice is read once, and the other
copy told (:mod:`~staffpulse.sources.x_archive_copies`).

Archives carry no ``retweeted_status`` or ``quoted_status``: a retweet is the ``RT @handle:``
text, and a quote is a tweet whose text ends with a link to another tweet; the handle in that
link (``x.com/<handle>/status/<id>``) is whom the quote engages, named first among its mentions
as the retweeted account is.

In a ZIP the archive's files may sit at any depth (``data/``, a folder named after the person,
``twitter-2022-11-03/data/``...): each folder holding them is read as one archive. A folder
given on the command line is walked by :func:`staffpulse.ingest_plan.plan_import`, a ZIP read by
:mod:`staffpulse.sources.zipped` (:func:`~staffpulse.sources.x_archive_files.archive_roots`),
and an archive X sent in several ZIPs joined by :mod:`~staffpulse.sources.x_archive_parts`.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from staffpulse.models import Account, AvatarImage, Follow
from staffpulse.next_steps import WHOLE_ARCHIVE_OR_FOLDER
from staffpulse.report.counts import count_of
from staffpulse.sources.base import (
    Item,
    Notice,
    Problem,
    provenance,
    read_head,
    register,
)
from staffpulse.sources.text_files import decode_bytes
from staffpulse.sources.x_archive_check import (
    UNCHECKED,
    UncheckedArchive,
    lost_in,
    missing_parts,
    readable_parts,
    short_part,
    unread_part,
)
from staffpulse.sources.x_archive_copies import pick_one_per_part, tell_copy
from staffpulse.sources.x_archive_edits import EditedTweets, earlier_versions
from staffpulse.sources.x_archive_entries import marking_read, read_entries
from staffpulse.sources.x_archive_files import (
    COUNTED_NOUNS,
    OWNER_FILES,
    PART_RE,
    TWEET_PARTS,
    DamagedPart,
    Listed,
    Media,
    Part,
    archive_roots,
    avatar_media_dir,
    first_item,
    generated_at,
    listed_files,
    manifest_account,
    parts_in_dir,
    pick_avatar,
    read_zip_parts,
    renamed_part,
)
from staffpulse.sources.x_archive_notes import NOTE_KIND, Note, NoteMatcher, read_notes
from staffpulse.sources.x_archive_owner import (
    counted_owner,
    filled_account,
    follow_from_archive,
    owner_from_archive,
    public_account,
)
from staffpulse.sources.x_archive_stored import StoredOwner, stored_owner, taken_entries
from staffpulse.sources.x_archive_unread import (
    deleted_parts_in_dir,
    deleted_parts_in_zip,
    told_deleted,
)
from staffpulse.sources.x_v1 import post_from_v1_tweet
from staffpulse.sources.ytd import ENTRY_TO_DO, count_entries
from staffpulse.sources.zip_salvage import open_zip
from staffpulse.store.core import Record

FOLLOW_PARTS = ("follower", "following")
ORDER = {"account": 0, "profile": 1, **dict.fromkeys(TWEET_PARTS, 2), "follower": 3, "following": 4}
SOURCE_NAME = "x-archive"
Items = Iterator[Item]  # one archive's, read as they are consumed
# What the entries of a lone part are, as its message counts them ("its 70 posts": a person
# imported posts, not "tweets"); a kind not listed (profile.js) counts entries
LONE_NOUNS = {**COUNTED_NOUNS, "tweets": "post", "tweet": "post", "profile": "profile"}


def lone_part(kind: str, entries: int, unreadable: str = "") -> str:
    """Why a data file read without its archive's account.js (or with one that is damaged:
    ``unreadable`` says how) was not read, with how many entries it held: the summary counts
    them all as skipped ("Skipped 70 records"), and the message is the only place that says
    they were the file's posts (or followers...)."""
    noun = LONE_NOUNS.get(kind, "entry")
    lost = (
        f"its {count_of(entries, noun)} {'was' if entries == 1 else 'were'} not read"
        if entries
        else "nothing in it was read"
    )
    if unreadable:  # account.js is there: "without account.js" would send the user to find it
        return (
            f"{unreadable}, and it says whose archive this is, so {lost}: download the archive"
            " from X again"
        )
    return (
        "a file of an X archive without the archive's account.js, which says whose archive it "
        f"is, so {lost}: {WHOLE_ARCHIVE_OR_FOLDER.say()}"
    )


class XArchive:
    name = SOURCE_NAME
    label = "X archive"

    def sniff(self, path: Path, head: bytes) -> bool:
        if path.is_dir():
            data = path / "data" if (path / "data").is_dir() else path
            return any((data / name).is_file() for name in OWNER_FILES)
        match = PART_RE.match(path.name)
        if match is None:  # renamed: its first line says what it is
            return renamed_part(path, head) is not None
        return match.group(1) != "manifest" and head.lstrip().startswith(b"window.YTD.")

    def read(self, path: Path) -> Iterator[Item]:
        if path.is_dir():
            deleted = deleted_parts_in_dir(path)
            yield from self._read_parts(parts_in_dir(path), avatar_media_dir(path), path, deleted)
        elif zipfile.is_zipfile(path):
            for _where, items in self.read_zip(path):
                yield from items
        else:
            siblings = parts_in_dir(path.parent)
            only = [p for p in siblings if p.location == str(path)]
            if not only and (renamed := renamed_part(path, read_head(path))) is not None:
                only = [renamed]
            context = [p for p in siblings if p.kind in ("account", "profile", "manifest")]
            if only and only[0].kind in TWEET_PARTS:  # its long posts' whole text, if beside it
                only += [p for p in siblings if p.kind == NOTE_KIND]
            media = (
                avatar_media_dir(path.parent)
                if only and only[0].kind in ("account", "profile")
                else []
            )
            yield from self._read_parts(only, media, path, context=context)

    def read_zip(self, path: Path, joined: Sequence[Part] = ()) -> Iterator[tuple[str, Items]]:
        """Each archive in the ZIP ``path``: where it is (the ZIP, or ``zip!folder`` when it
        holds several) and its items, with ``joined``, its parts in the other ZIPs X sent."""
        with open_zip(path) as archive:  # one cut short: the files before the cut
            roots = archive_roots([info.filename for info in archive.infolist()])
            for folder, parts, media in read_zip_parts(path, archive):
                root = roots[folder]  # the folder the archive fills, as a folder import says
                where = f"{path}!{root}" if root else str(path)
                deleted = deleted_parts_in_zip(path, archive, folder)
                yield where, self._read_parts([*parts, *joined], media, Path(where), deleted)

    def _read_parts(
        self,
        parts: list[Part],
        media: Media,
        where: Path,
        deleted: Sequence[Part] = (),
        context: list[Part] | None = None,
    ) -> Iterator[Item]:
        parts, unread = readable_parts(parts)  # a damaged account.js is told, not read
        yield from unread
        parts, copies = pick_one_per_part(parts)  # a part saved twice is read once
        context = pick_one_per_part(context)[0] if context is not None else None
        known = {p.kind: p for p in (context or parts) if p.number == 0}
        account = first_item(known.get("account"), "account")
        profile = first_item(known.get("profile"), "profile")
        owner: Account | None = None
        generated = generated_at(known.get("manifest"))
        unreadable = ""  # why account.js could not say whose archive it is
        stored: StoredOwner | None = None  # no account.js: the owner the store shows
        try:
            if known.get("manifest") is not None:
                account = filled_account(account, manifest_account(known["manifest"]))
            owner = owner_from_archive(account, profile) if account else None
        except ValueError as exc:
            unreadable = str(exc)
            yield Problem(str(where), None, unreadable)
        if owner is not None:
            owner = replace(owner, observed_at=generated)
        elif not unreadable and (stored := stored_owner(parts)) is not None:
            owner = stored.account  # as the store holds it: written again by no row here
            yield Notice(str(where), stored.note)
        if owner is not None and media and stored is None:  # a stored owner is not written
            picked = pick_avatar(media, profile)
            if picked is not None:
                try:
                    owner = replace(owner, avatar_image=AvatarImage(picked[0], picked[1]()))
                except DamagedPart:
                    said = f"{picked[0]}: damaged in the ZIP, so the avatar was not read"
                    yield Notice(str(where), said)
        kinds = {p.kind for p in parts}
        if (
            owner is not None
            and stored is None
            and not kinds & {"account", "profile"}
            and kinds - {"manifest"}
        ):
            raw = {"account": public_account(account), "profile": profile}
            yield Record(rows=(owner,), provenance=provenance(self.name, str(where)), raw=raw)
        manifest = known.get("manifest")
        in_manifest = listed_files(manifest)  # the count of each data file, to check
        listed: dict[str, set[str] | None] = {}  # follower / following: ids, None if damaged
        for copy in copies:
            yield tell_copy(copy)
        if context is None and manifest is not None:  # the whole archive: is a part missing?
            for missing in missing_parts(manifest, parts, in_manifest):
                if missing.kind in FOLLOW_PARTS:  # the owner's count would be short
                    listed[missing.kind] = None
                yield missing.problem
        if context is None and not in_manifest and any(p.kind in TWEET_PARTS for p in parts):
            yield UncheckedArchive(str(where), UNCHECKED)  # kept by the import, not told
        matcher: NoteMatcher | None = None
        if owner is not None and any(p.kind == NOTE_KIND for p in parts):
            notes: list[Note] = []
            for found in read_notes([p for p in parts if p.kind == NOTE_KIND], in_manifest):
                if isinstance(found, Note):
                    notes.append(found)
                else:
                    yield found
            matcher = NoteMatcher(notes, owner, generated)
        edits = EditedTweets()  # an edited tweet's earlier versions: held back
        for part in sorted(parts, key=lambda p: (ORDER.get(p.kind, 9), p.number)):
            if part.kind == "manifest" or (part.kind == NOTE_KIND and matcher is not None):
                continue
            listed_here = in_manifest.get((part.kind, part.number))
            if owner is None:
                # every entry of the file is lost (its posts would have no author): all count
                try:
                    entries = count_entries(decode_bytes(part.load())[0])
                except DamagedPart:
                    yield unread_part(part, listed_here)
                    continue
                said = lone_part(part.kind, entries, unreadable)
                yield Problem(part.location, None, said, records=entries)
                continue
            if part.kind in ("account", "profile"):
                raw = {"account": public_account(account), "profile": profile}
                yield Record(
                    rows=(owner,), provenance=provenance(self.name, part.location), raw=raw
                )
                continue
            yield from self._read_items(part, owner, generated, listed, listed_here, edits, matcher)
        if matcher is not None:  # the posts kept back for the notes, once every part is read
            alone = [p for p in parts if p.kind in TWEET_PARTS] or parts
            yield from matcher.finish(alone[0] if context is not None else None)
        yield from edits.finish(str(where))
        yield from told_deleted(deleted)  # not read: told, so "0 posts" is not left unexplained
        counted = counted_owner(owner, listed, generated)
        if counted is not None:
            yield Record(rows=(counted,), provenance=provenance(self.name, str(where)))

    def _read_items(
        self,
        part: Part,
        owner: Account,
        generated: datetime | None,
        listed: dict[str, set[str] | None],
        in_manifest: Listed | None,
        edits: EditedTweets,
        matcher: NoteMatcher | None = None,
    ) -> Iterator[Item]:
        """The rows of one data file; when ``manifest.js`` lists more entries for it than were
        read and reported lost, the rest are told and counted as well (a file cut short)."""
        try:  # a lone file whose owner the store shows was read for it already
            entries = taken_entries(part) or read_entries(part)
        except DamagedPart:
            yield unread_part(part, in_manifest)
            return
        if entries.note:
            yield Notice(part.location, entries.note)
        follows: list[Follow] = []
        raw: list[Any] = []
        damaged = False
        read = lost = 0
        for line, item in marking_read(part, entries):
            if isinstance(item, Exception):
                damaged = True
                records = getattr(item, "records", 1)
                lost += records
                yield lost_in(part)(part.location, line, str(item), records)
                continue
            try:
                if part.kind in TWEET_PARTS:
                    tweet = item.get("tweet", item) if isinstance(item, dict) else None
                    if not isinstance(tweet, dict):
                        raise ValueError("entry is not a tweet object")
                    post = post_from_v1_tweet(tweet, owner, infer_quote_from_link=True)
                    post = replace(post, observed_at=generated, aliases=earlier_versions(tweet))
                    read += 1
                    record = Record(
                        rows=(post,),
                        provenance=provenance(self.name, part.location, line),
                        raw=tweet,
                    )
                    if not edits.keep(record, tweet):
                        continue
                    if matcher is None or not matcher.holds(record, post, tweet):
                        yield record
                else:
                    if not isinstance(item, dict):
                        raise ValueError(f"{part.kind} entry is not an object")
                    follows.append(follow_from_archive(part.kind, item, owner.id))
                    raw.append(item)
                    read += 1
            except (ValueError, TypeError, AttributeError) as exc:
                damaged = True
                lost += 1
                yield lost_in(part)(part.location, line, f"{exc}. {ENTRY_TO_DO}")
        if in_manifest is not None and read + lost < in_manifest.count:
            damaged = True
            yield short_part(part, in_manifest, read, lost)
        if part.kind in FOLLOW_PARTS:
            ids = listed.setdefault(part.kind, set())
            if damaged or ids is None:  # an entry lost: the count would be short
                listed[part.kind] = None
            else:
                ids.update(
                    f.follower_id if part.kind == "follower" else f.followee_id for f in follows
                )
        if follows:
            yield Record(
                rows=tuple(follows),
                provenance=provenance(self.name, part.location),
                raw={part.kind: raw},
            )


register(XArchive())
