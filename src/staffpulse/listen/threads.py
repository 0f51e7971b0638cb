"""Assemble conversations from posts of any platform.

A conversation is keyed by its root post id:

* **X**: ``conversation_id`` is the id of the tweet that started the conversation;
* **Bluesky**: the reply ``root`` URI (the Jetstream transformer and the importers put it in
  ``conversation_id``);
* **Mastodon**: statuses carry only ``in_reply_to_id`` (``reply_to_post_id``), so chains are
  followed up to the oldest known ancestor; a status *context* (ancestors + descendants from
  ``/api/v1/statuses/:id/context``) is one conversation rooted at its first ancestor.

Posts are merged with a union-find over ``id``, ``reply_to_post_id`` and ``conversation_id``,
so partial data (a reply whose parent we never saw, a conversation id with no root post)
still lands in one conversation. A reply whose parent was deleted (the importers keep the
account it answered, not a parent id) heads a conversation keyed by its own id, but is no
root: the post that started the conversation is not stored (:attr:`Conversation.root_gone`).
Reposts are not conversation turns and are left out.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from staffpulse.models import Post
from staffpulse.store import Store
from staffpulse.store.codec import post_from_row

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MAX_CHAIN_DEPTH = 50


@dataclass(frozen=True, slots=True)
class Conversation:
    platform: str
    id: str  # the root post id (known or not)
    posts: tuple[Post, ...]  # oldest first
    # the newest post's time, found once: the inbox asks it of every conversation several
    # times (the window, the reference time, the notes), 50,000 of them in a big store
    _last: datetime | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        times = [p.created_at for p in self.posts if p.created_at is not None]
        object.__setattr__(self, "_last", max(times) if times else None)

    @property
    def head(self) -> Post | None:
        """The stored post whose id is the conversation's, when there is one: the post that
        started it, or a reply whose parent the source no longer names (see :attr:`root`)."""
        for post in self.posts:
            if post.id == self.id:
                return post
        return None

    @property
    def root(self) -> Post | None:
        """The opening post when we have it. A reply whose parent post is gone (deleted: the
        source names the account it answered, not the post) heads a conversation of its own,
        but did not start it: the post that did is not stored, so None."""
        head = self.head
        return None if head is None or answers_gone_post(head) else head

    @property
    def root_gone(self) -> bool:
        """The conversation is headed by a reply whose parent post is gone (no parent id)."""
        head = self.head
        return head is not None and answers_gone_post(head)

    @property
    def opening(self) -> Post:
        """The post shown as the opening: the root, or the reply heading the conversation when
        its parent is gone, else the earliest post we know of."""
        return self.head or self.posts[0]

    @property
    def replies(self) -> tuple[Post, ...]:
        opening = self.opening
        return tuple(p for p in self.posts if p.id != opening.id)

    @property
    def turns(self) -> tuple[Post, ...]:
        """The replies we know of: every stored post when the opening post is not stored (the
        earliest one shown as the opening is itself a reply to the missing post)."""
        return self.posts if self.root is None else self.replies

    @property
    def participants(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.author_id for p in self.posts))

    @property
    def started_at(self) -> datetime | None:
        return self.opening.created_at

    @property
    def last_activity(self) -> datetime | None:
        return self._last

    @property
    def url(self) -> str | None:
        return self.opening.url

    def replied_by(self, account_id: str) -> bool:
        """True when ``account_id`` wrote a reply here; with the opening post missing, the
        earliest stored post shown in its place counts too (it is a reply)."""
        return any(p.author_id == account_id and p.kind == "reply" for p in self.turns)

    def opened_by(self, account_id: str) -> bool:
        """True when ``account_id`` wrote the post that started the conversation. Unknown, so
        False, when that post is not stored: the earliest stored post is then only a reply."""
        root = self.root
        return root is not None and root.author_id == account_id


def answers_gone_post(post: Post) -> bool:
    """A reply that names no parent post: the post it answered was deleted (or the source
    gave no id for it), so it opens a conversation of its own without having started one."""
    return post.kind == "reply" and not post.reply_to_post_id


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        parent = self.parent.setdefault(item, item)
        root = item
        while parent != root:
            root, parent = parent, self.parent[parent]
        while item != root:  # path compression
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _sort_key(post: Post) -> tuple[datetime, str]:
    return (post.created_at or _EPOCH, post.id)


def assemble(posts: Iterable[Post]) -> list[Conversation]:
    """Group posts into conversations (one platform or several), busiest first."""
    by_platform: dict[str, dict[str, Post]] = {}
    for post in posts:
        if post.kind != "repost":
            by_platform.setdefault(post.platform, {})[post.id] = post
    out: list[Conversation] = []
    for platform, known in by_platform.items():
        uf = _UnionFind()
        for post in known.values():
            uf.find(post.id)
            if post.reply_to_post_id:
                uf.union(post.reply_to_post_id, post.id)
            if post.conversation_id and post.conversation_id != post.id:
                uf.union(post.conversation_id, post.id)
        groups: dict[str, list[Post]] = {}
        for post in known.values():
            groups.setdefault(uf.find(post.id), []).append(post)
        for members in groups.values():
            members.sort(key=_sort_key)
            out.append(Conversation(platform, _root_id(members, known), tuple(members)))
    out.sort(key=lambda c: (-len(c.posts), c.platform, c.id))
    return out


def _root_id(members: Sequence[Post], known: dict[str, Post]) -> str:
    """The conversation's root: a stated conversation id, else the top of the reply chain."""
    for post in members:
        if post.conversation_id and (post.conversation_id in known or post.kind == "reply"):
            return post.conversation_id
    originals = [p for p in members if not p.reply_to_post_id]
    if originals:
        return originals[0].id
    top = members[0]  # follow the chain up to the oldest ancestor we know, then one more
    seen: set[str] = set()
    while top.reply_to_post_id in known and top.id not in seen:
        seen.add(top.id)
        top = known[top.reply_to_post_id]
    return top.reply_to_post_id or top.id


def load_conversations(
    store: Store,
    platform: str | None = None,
    *,
    relevant_only: bool = True,
) -> list[Conversation]:
    """Conversations from the store.

    With ``relevant_only`` (the default) only conversations that contain at least one post
    judged relevant by listening (``listen_relevance``) are loaded, with all their stored posts:
    up the reply chains to the root (relevant or not) and down to every reply.
    """
    if relevant_only:
        # Seed ids: relevant posts, their conversation ids and their parents; then up the
        # reply chains to every stored ancestor (a root judged not relevant is still the
        # opening), then everything below.
        seeds = store.conn.execute(
            "SELECT p.platform, p.id, p.conversation_id, p.reply_to_post_id FROM listen_relevance r"
            " JOIN posts p ON p.platform = r.platform AND p.id = r.post_id"
            " WHERE r.relevant = 1 AND (? IS NULL OR r.platform = ?)",
            (platform, platform),
        ).fetchall()
        keys = {(row[0], v) for row in seeds for v in row[1:] if v}
        # only the parents need climbing: a relevant post's own parent is already a seed
        above = {(row[0], v) for row in seeds for v in row[2:] if v and v != row[1]}
        rows: list[sqlite3.Row] = []
        for plat in sorted({k[0] for k in keys}):
            ids = _with_ancestors(
                store,
                plat,
                [v for p, v in keys if p == plat],
                climb_from=[v for p, v in above if p == plat],
            )
            rows.extend(_posts_touching(store, plat, sorted(ids)))
        posts = [post_from_row(row) for row in rows]
    else:
        rows_all = store.conn.execute(
            "SELECT * FROM posts WHERE (? IS NULL OR platform = ?) AND kind != 'repost'",
            (platform, platform),
        )
        posts = [post_from_row(row) for row in rows_all]
    return assemble(posts)


def load_conversations_around(
    store: Store, platform: str, post_ids: Sequence[str]
) -> list[Conversation]:
    """The whole conversations the given posts belong to, relevant or not: their ancestors are
    followed up the reply chain (Mastodon has no conversation id), then everything below."""
    seeds = _with_ancestors(store, platform, post_ids)
    if not seeds:
        return []
    return assemble(post_from_row(row) for row in _posts_touching(store, platform, sorted(seeds)))


def _with_ancestors(
    store: Store, platform: str, post_ids: Sequence[str], climb_from: Sequence[str] | None = None
) -> set[str]:
    """``post_ids`` plus the ids up their reply chains (parents and conversation ids), as far
    as the store knows them (Mastodon has no conversation id: chains are climbed). The climb
    starts from ``climb_from`` (default: all of ``post_ids``)."""
    seeds = set(post_ids) | set(climb_from or ())
    frontier = sorted(seeds if climb_from is None else set(climb_from))
    for _ in range(MAX_CHAIN_DEPTH):
        if not frontier:
            break
        found: set[str] = set()
        for start in range(0, len(frontier), 300):
            chunk = frontier[start : start + 300]
            marks = ",".join("?" * len(chunk))
            rows = store.conn.execute(
                f"SELECT reply_to_post_id, conversation_id FROM posts WHERE platform = ?"
                f" AND id IN ({marks})",
                (platform, *chunk),
            )
            found.update(v for row in rows for v in row if v)
        frontier = sorted(found - seeds)
        seeds |= found
    return seeds


def _posts_touching(store: Store, platform: str, ids: Sequence[str]) -> list[sqlite3.Row]:
    """Posts whose id, conversation id or parent id is one of ``ids``, followed down reply
    chains (Mastodon threads have no conversation id) until nothing new turns up."""
    found: dict[str, sqlite3.Row] = {}
    seen: set[str] = set()
    frontier = list(dict.fromkeys(ids))
    for _ in range(MAX_CHAIN_DEPTH):
        if not frontier:
            break
        seen.update(frontier)
        new_ids: list[str] = []
        for start in range(0, len(frontier), 300):
            chunk = frontier[start : start + 300]
            marks = ",".join("?" * len(chunk))
            # one indexed look-up per column: an OR of the three made SQLite scan the table
            rows = store.conn.execute(
                " UNION ".join(
                    f"SELECT * FROM posts WHERE platform = ? AND {column} IN ({marks})"
                    " AND kind != 'repost'"
                    for column in ("id", "conversation_id", "reply_to_post_id")
                ),
                (platform, *chunk) * 3,
            )
            for row in rows:
                if row["id"] not in found:
                    found[row["id"]] = row
                    new_ids.append(row["id"])
        frontier = [i for i in dict.fromkeys(new_ids) if i not in seen]
    return list(found.values())
