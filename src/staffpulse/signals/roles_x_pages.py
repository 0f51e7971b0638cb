"""The profiles of X API v2 pages, for ``staffpulse roles``: twarc2 JSONL, raw or flattened.

A page of tweets (``{"data": [...], "includes": {"users": [...]}}``), a users lookup (user
objects in ``data``) or a flattened twarc2 line (one tweet with its ``author`` inlined) holds
profiles, not the contract's one record per account: a page's tweets carry no bio, and its
``includes.users`` were lost when only ``data`` was read. :class:`XPages` takes such values
from the JSON reader and reads each with the importer's transformer
(:func:`staffpulse.sources.twarc2.rows_from_v2`), so that ``roles`` and ``import`` read one
page alike. Once the file is read it gives one record per distinct profile, in the order
first met: its id is the user id, its name the display name (else the handle), its bio, and
its ``text`` its own posts in the file, the latest :data:`POSTS_KEPT` without reposts, as
Connect reads a candidate's. Posts whose author has no profile in the file are left out and
counted (a file with no profile at all is told the fields to fetch); a malformed tweet or user
is skipped, told with where it is.

The records come only after the whole file is read (a later page may hold more of a
profile's posts), and memory grows with the file's distinct profiles; their posts are kept
to :data:`POSTS_KEPT` each.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from staffpulse.models import Account, Post
from staffpulse.next_steps import REFETCH_WITH_FIELDS
from staffpulse.report.counts import count_of
from staffpulse.signals.record_objects import JsonRecord, LeftOut, ReadNote
from staffpulse.signals.role_inputs import role_input
from staffpulse.sources.twarc2 import ITEM_ERRORS, EditTracker, rows_from_v2

__all__ = ["POSTS_KEPT", "XPages", "is_x_v2"]

POSTS_KEPT = 20
"""Own posts read per profile: Connect reads a candidate's latest 20 (connect/citizen.py)."""
# the keys only an X API v2 tweet or user has among a page's items
_V2_ITEM_KEYS = ("author_id", "edit_history_tweet_ids", "username")
_OLDEST = datetime.min.replace(tzinfo=UTC)  # where an undated post sorts


def is_x_v2(value: Any) -> bool:
    """True for an X API v2 page of tweets or users and a flattened twarc2 tweet; False for
    the contract's records, an X API v1.1 tweet (its account in ``user``) and a lone user
    object, which the record reader reads as they are."""
    if not isinstance(value, dict):
        return False
    if "id" in value:  # a flattened tweet, its author inlined by ``twarc2 flatten``
        return "text" in value and isinstance(value.get("author"), dict)
    if isinstance(value.get("includes"), dict):
        return True
    data = value.get("data")
    items = data if isinstance(data, list) else [data]
    return any(isinstance(i, dict) and any(k in i for k in _V2_ITEM_KEYS) for i in items)


@dataclass(slots=True)
class _Profile:
    line: int  # where it was first met
    where: str
    account: Account
    posts: dict[str, Post] = field(default_factory=dict)  # its own posts, by id


class XPages:
    """Reads the X API v2 values of one file (:meth:`take`), then gives their profiles as
    records (:meth:`records`). ``on_skip`` gets each malformed tweet or user."""

    def __init__(self, on_skip: Callable[[str], None]) -> None:
        self._on_skip = on_skip
        self._edits = EditTracker()  # an edited tweet's older versions are dropped
        self._profiles: dict[str, _Profile] = {}
        self._posts: dict[str, dict[str, Post]] = {}  # author id -> own posts, the latest
        self._read_by: Counter[str] = Counter()  # author id -> how many of its posts were read
        self._seen: set[str] = set()  # ids of the posts read: a page repeats referenced ones

    def take(self, line: int, where: str, value: Any) -> bool:
        """Read ``value`` when it is an X API v2 page or flattened tweet (True), else leave
        it to the record reader (False)."""
        if not is_x_v2(value):
            return False
        errors: list[str] = []
        try:
            rows = rows_from_v2(value, self._edits, errors)
        except ITEM_ERRORS as exc:  # a page with neither tweets nor users
            self._on_skip(f"{where}: {exc}")
            return True
        for message in errors:
            self._on_skip(f"{where}: {message}")
        for row in rows:
            if isinstance(row, Account):
                self._add_profile(line, where, row)
            elif row.id not in self._seen:
                self._add_post(row)
        return True

    def _add_profile(self, line: int, where: str, account: Account) -> None:
        known = self._profiles.get(account.id)
        if known is None:
            self._profiles[account.id] = _Profile(line, where, account)
        elif account.bio_known and not known.account.bio_known:
            known.account = account  # a page asked without user.fields gave no bio

    def _add_post(self, post: Post) -> None:
        self._seen.add(post.id)
        self._read_by[post.author_id] += 1
        if post.kind == "repost" or not post.text.strip():
            return  # a repost's words are another's
        own = self._posts.setdefault(post.author_id, {})
        own[post.id] = post
        if len(own) > 2 * POSTS_KEPT:  # trimmed now and then, not at every post
            self._posts[post.author_id] = _latest(own)

    def records(self) -> Iterator[JsonRecord | ReadNote | LeftOut]:
        """A note of what was read, a :class:`LeftOut` per post without a profile in the
        file, and one record per profile, as the record reader gives the contract's."""
        if self._profiles:
            yield ReadNote(
                f"read {count_of(len(self._profiles), 'profile')} and "
                f"{count_of(len(self._seen), 'post')} from X API v2 pages: one account per "
                f"profile, its id the user id, its own posts there as its text (the latest "
                f"{POSTS_KEPT}, reposts left out)"
            )
        orphans = sum(n for author, n in self._read_by.items() if author not in self._profiles)
        if orphans and not self._profiles:
            # pages fetched without expansions=author_id: the file ends "it holds only N
            # posts", which says nothing of why nor of how to fetch the authors
            yield ReadNote(
                f"its X API v2 {'post has' if orphans == 1 else 'posts have'} no author profile "
                "in the file (the request lacked expansions=author_id), and roles tags "
                "accounts: "
                + REFETCH_WITH_FIELDS.say(fields="author_id&expansions=author_id")
                + "&user.fields=description"
            )
        yield from [LeftOut("post")] * orphans
        for user_id, profile in self._profiles.items():
            account = profile.account
            own = _latest(self._posts.get(user_id, {}))
            texts = [post.text for post in own.values()] or None
            given = role_input(account.display_name, account.handle, account.bio, texts)
            obj = {"id": user_id, "name": given.name, "description": given.bio, "text": given.posts}
            yield JsonRecord(profile.line, profile.where, user_id, obj)


def _latest(posts: dict[str, Post]) -> dict[str, Post]:
    """The latest :data:`POSTS_KEPT` of ``posts``, oldest first (undated ones oldest)."""
    ordered = sorted(posts.values(), key=lambda post: post.created_at or _OLDEST)
    return {post.id: post for post in ordered[-POSTS_KEPT:]}
