"""The Bluesky repository export (``repo.car``, Settings › Account › Export my data).

The file is the account's whole AT Protocol repository (:mod:`staffpulse.sources.car_blocks`):
its records, keyed ``<collection>/<rkey>``. Read: ``app.bsky.feed.post`` (posts, replies,
quotes), ``app.bsky.feed.repost``, ``app.bsky.actor.profile`` (name, bio, avatar) and
``app.bsky.graph.follow`` (whom the account follows). Likes, blocks, lists and the rest are
not. The rows are the ones the API reader (:mod:`staffpulse.sources.bluesky`) makes: a post's
id is its ``at://DID/app.bsky.feed.post/RKEY`` URI and a repost's ``<uri>#repost-by-<DID>``,
so posts fetched live and read from the export are stored once.

The export names its account by its DID only, never by its handle: the account comes with
the DID as its handle, which the store reads as a *handle key* naming the account it holds
with that id (:mod:`staffpulse.store.handle_keys`), so the handle a fetch learned is kept.
When the store knows none, :class:`HandleUnknown` tells the user how to learn it. The avatar
is a blob the export does not hold: its address on Bluesky's image server is kept, the one
the API gives.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from staffpulse.models import Account, Follow, Post, normalize_handle
from staffpulse.next_steps import FETCH_REPO_HANDLE
from staffpulse.read_offsets import mark_read
from staffpulse.report.counts import count_of
from staffpulse.sources.base import (
    Item,
    LostPosts,
    Notice,
    Problem,
    parse_post_time,
    parse_timestamp,
    provenance,
    register,
)
from staffpulse.sources.bluesky import PLATFORM, post_from_record
from staffpulse.sources.car_blocks import (
    MAX_CAR_BYTES,
    CarCutError,
    CarError,
    cid_text,
    cut_in_header,
    decode_block,
    iter_blocks_of,
    jsonable,
    looks_car,
    parse_car,
    tid_time,
    walk_tree,
)
from staffpulse.sources.folders import EXPLAINERS
from staffpulse.sources.jsonio import get_str
from staffpulse.store.core import Record

SOURCE_NAME = "bluesky-repo"
POST, REPOST = "app.bsky.feed.post", "app.bsky.feed.repost"
PROFILE, FOLLOW = "app.bsky.actor.profile", "app.bsky.graph.follow"
EXPORT_AGAIN = (
    "export it again in Bluesky (Settings › Account › Export my data), or fetch the account "
    "instead: staffpulse fetch bluesky HANDLE"
)


# What a repository holds that is not read, as a person would say it (getRepo gives every
# collection: the account's likes and lists as well as its posts)
_NOT_READ = {
    "app.bsky.feed.like": "like",
    "app.bsky.graph.block": "block",
    "app.bsky.graph.list": "list",
    "app.bsky.graph.listitem": "list entry",
    "app.bsky.graph.starterpack": "starter pack",
    "app.bsky.feed.generator": "custom feed",
}


def not_read(records: Mapping[str, list[Any]]) -> str | None:
    """What the import says of the records it does not read (likes, lists, blocks, settings,
    other apps' records), counted: none is lost, but the user hears they were there."""
    said: list[str] = []
    other = 0
    for collection, entries in sorted(records.items()):
        if collection in (POST, REPOST, PROFILE, FOLLOW):
            continue
        if collection in _NOT_READ:
            said.append(count_of(len(entries), _NOT_READ[collection]))
        else:
            other += len(entries)
    if other:
        said.append(f"{count_of(other, 'other record')} (settings, other apps' data)")
    if not said:
        return None
    return (
        f"not read: {', '.join(said)}; staffpulse reads the account's posts, reposts, "
        "profile and follows, and keeps no likes, lists or blocks"
    )


@dataclass(frozen=True, slots=True)
class HandleUnknown(Notice):
    """An account imported without its handle (``platform``, ``account_id``): told only when
    the store holds no handle for it after the import (:mod:`staffpulse.ingest`)."""

    platform: str = PLATFORM
    account_id: str = ""


# -- pure transformers ------------------------------------------------------------------------


def avatar_address(did: str, profile: Mapping[str, Any]) -> str | None:
    """The avatar's address on Bluesky's image server, as the API gives it, from the
    profile's blob reference (``ref``, or ``cid`` in the older form); "" for no avatar."""
    blob = profile.get("avatar")
    if not isinstance(blob, dict):
        return ""
    ref = blob.get("ref")
    cid = cid_text(ref) if isinstance(ref, bytes) else get_str(blob, "cid")
    return f"https://cdn.bsky.app/img/avatar/plain/{did}/{cid}@jpeg" if cid else ""


def account_from_repo(
    did: str,
    profile: Mapping[str, Any] | None,
    observed_at: datetime | None = None,
    posts: int | None = None,
    following: int | None = None,
) -> Account:
    """The repository's account: its DID as id and, for want of its handle, as handle."""
    known = profile is not None
    profile = profile or {}
    return Account(
        platform=PLATFORM,
        id=did,
        handle=did,
        display_name=get_str(profile, "displayName") or "",
        name_known=known,
        bio=get_str(profile, "description") or "",
        bio_known=known,
        avatar_url=avatar_address(did, profile) if known else None,
        post_count=posts,
        following=following,
        created_at=parse_timestamp(profile.get("createdAt")),
        observed_at=observed_at,
    )


def post_from_repo(did: str, rkey: str, record: Mapping[str, Any]) -> Post:
    """A post record, under the URI the API gives it."""
    if not isinstance(record.get("text"), str):
        raise ValueError("a post record without 'text'")
    post = post_from_record(f"at://{did}/{POST}/{rkey}", record, did, did)
    # no address: bsky.app's names the handle, which the export lacks, and one naming the DID
    # would replace, at every import, the address a fetch stored (told as a changed post)
    return replace(post, url=None)


def repost_from_repo(did: str, record: Mapping[str, Any]) -> Post:
    """A repost record, as the repost row an author feed's ``reasonRepost`` makes."""
    shared = get_str(record, "subject", "uri")
    if shared is None:
        raise ValueError("a repost record without 'subject.uri'")
    return Post(
        platform=PLATFORM,
        id=f"{shared}#repost-by-{did}",
        author_id=did,
        author_handle=did,
        created_at=parse_post_time(record.get("createdAt")),
        kind="repost",
        reposted_post_id=shared,
    )


def follow_from_repo(did: str, record: Mapping[str, Any]) -> Follow:
    subject = get_str(record, "subject")
    if subject is None or not subject.startswith("did:"):
        raise ValueError("a follow record without a 'subject' DID")
    return Follow(platform=PLATFORM, follower_id=did, followee_id=subject)


# -- the reader ---------------------------------------------------------------------------------


def _said_count(count: int, what: str) -> str:
    return f"{count:,} {what}{'' if count == 1 else 's'}"


class BlueskyRepo:
    name = SOURCE_NAME
    label = "Bluesky repo export (CAR)"

    def sniff(self, path: Path, head: bytes) -> bool:
        # a file named .car that is no CAR file at all ("hello") is refused unread, with
        # why_not_car's reason; one cut inside its header is an export, read to say so
        return path.is_file() and (
            looks_car(head) or (path.suffix.lower() == ".car" and cut_in_header(head))
        )

    def read(self, path: Path) -> Iterator[Item]:
        where = str(path)
        size = path.stat().st_size
        if size > MAX_CAR_BYTES:
            yield Problem(where, None, f"too large to read ({size:,} bytes); {EXPORT_AGAIN}")
            return
        data = path.read_bytes()
        mark_read(path)  # read whole before its records are written: the progress bar says so
        try:
            car = parse_car(data)
        except CarCutError as exc:
            yield Problem(where, None, f"{exc}: nothing in it could be read; {EXPORT_AGAIN}")
            return
        except (CarError, IndexError) as exc:
            yield Problem(
                where, None, f"not a Bluesky repo export (a CAR file): {exc}; {EXPORT_AGAIN}"
            )
            return
        cut = f"it ends in the middle, at byte {car.cut_at:,}: " if car.cut_at else ""
        commit = decode_block(car, car.roots[0])
        did = get_str(commit, "did") if isinstance(commit, dict) else None
        if commit is None and cut:
            yield Problem(
                where, None, f"{cut}nothing in the repository could be read; {EXPORT_AGAIN}"
            )
            return
        if not isinstance(commit, dict) or did is None or "data" not in commit:
            yield Problem(
                where,
                None,
                "a CAR file, but not a Bluesky repo export (no commit naming the account's "
                f"DID at its root); {EXPORT_AGAIN}",
            )
            return
        walk = walk_tree(car, commit.get("data"))
        records: dict[str, list[tuple[str, Mapping[str, Any]]]] = {}
        missing = walk.missing_nodes
        for key, record in iter_blocks_of(car, walk.entries):
            collection, _, rkey = key.partition("/")
            if not isinstance(record, dict):
                missing += 1
                continue
            records.setdefault(collection, []).append((rkey, record))
        if cut and not missing:  # past every block the repository names: nothing lost
            yield Notice(where, f"{cut}every record of the repository was read, none is lost")
        if missing:
            if not records:  # not even the profile: a bare DID is no import
                yield Problem(
                    where, None, f"{cut}nothing in the repository could be read; {EXPORT_AGAIN}"
                )
                return
            yield Problem(
                where,
                None,
                f"{cut}{_said_count(missing, 'part')} of the repository "
                f"{'is' if missing == 1 else 'are'} missing (a part is a record, or a branch "
                f"holding many), so at least {_said_count(missing, 'record')} "
                f"{'was' if missing == 1 else 'were'} not read; {EXPORT_AGAIN}",
                records=missing,
            )
        yield from self._rows(path, did, commit, records)

    def _rows(
        self,
        path: Path,
        did: str,
        commit: Mapping[str, Any],
        records: dict[str, list[tuple[str, Mapping[str, Any]]]],
    ) -> Iterator[Item]:
        where = str(path)
        profiles = [record for rkey, record in records.get(PROFILE, []) if rkey == "self"]
        profile = profiles[0] if profiles else None
        observed = tid_time(commit.get("rev"))
        account = account_from_repo(
            did, profile, observed, len(records.get(POST, [])), len(records.get(FOLLOW, []))
        )
        raw = jsonable(profile) if profile is not None else None
        yield Record(rows=(account,), provenance=provenance(self.name, where), raw=raw)
        for collection in (POST, REPOST):
            for rkey, record in records.get(collection, []):
                try:
                    post = (
                        post_from_repo(did, rkey, record)
                        if collection == POST
                        else repost_from_repo(did, record)
                    )
                except (ValueError, TypeError, AttributeError) as exc:
                    yield LostPosts(where, None, f"{collection}/{rkey}: {exc}")
                    continue
                yield Record(
                    rows=(post,), provenance=provenance(self.name, where), raw=jsonable(record)
                )
        follows: list[Follow] = []
        kept: list[Any] = []
        for rkey, record in records.get(FOLLOW, []):
            try:
                follows.append(follow_from_repo(did, record))
                kept.append(jsonable(record))
            except ValueError as exc:
                yield Problem(where, None, f"{FOLLOW}/{rkey}: {exc}")
        if follows:
            yield Record(
                rows=tuple(follows),
                provenance=provenance(self.name, where),
                raw={"follows": kept},
            )
        if (unread := not_read(records)) is not None:
            yield Notice(where, unread)
        # its name, which the user knows: a repo of another account than the one meant is
        # told at once (a DID says nothing to a person)
        named = f', named "{account.display_name}"' if account.display_name else ""
        yield HandleUnknown(
            where,
            f"the export names the account by its DID ({did}{named}), not by its handle, and "
            "staffpulse knows no handle for it yet: it is listed as "
            f"{normalize_handle(did)} {FETCH_REPO_HANDLE.say(example='you.bsky.social')}",
            account_id=did,
        )


def why_not_car(path: Path, head: bytes) -> str | None:
    """Why a file named ``.car`` is refused: it is not a CAR file at all."""
    if path.suffix.lower() != ".car" or looks_car(head) or cut_in_header(head):
        return None
    return (
        "named .car, but not a CAR file: a Bluesky repo export (repo.car) starts with a CAR"
        f" header, and this file does not; {EXPORT_AGAIN}"
    )


register(BlueskyRepo())
EXPLAINERS.append(why_not_car)
