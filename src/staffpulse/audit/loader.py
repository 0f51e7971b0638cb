"""Lean reads for the audit: only the columns it uses, with fast timestamp parsing.

The store's general readers build complete posts (every column, ``strptime`` per row); an
audit of thousands of posts, or a cohort of thousands of accounts, needs less and needs it
fast. A cohort is read in one pass over the posts table, not one query per account.

A post dated when no post can have been written (``0001-01-01`` from a Bluesky app, a date
after the post was imported: :func:`staffpulse.dates.plausible_post_time`) is read as
undated, so the audit's span, windows and rates stand on real dates; its text still counts.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any, cast

from staffpulse.dates import plausible_post_time
from staffpulse.models import Account, Post, PostKind
from staffpulse.sources.bluesky import author_of_uri
from staffpulse.store import Store
from staffpulse.store.codec import format_time, rows_where_in

_COLUMNS = (
    "platform, id, author_id, author_handle, text, created_at, kind, reply_to_post_id, "
    "reply_to_account_id, reply_to_handle, conversation_id, quoted_post_id, reposted_post_id, "
    "mentions, url, lang, first_seen"
)


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _post_time(platform: str, created: str | None, first_seen: str | None) -> datetime | None:
    """When the post was written, None when unknown or when its date cannot be right."""
    moment, imported = _time(created), _time(first_seen)
    if moment is None or imported is None:
        return moment
    return moment if plausible_post_time(platform, moment, imported) else None


def _post(row: tuple[Any, ...]) -> Post:
    mentions = row[13]
    return Post(
        platform=row[0],
        id=row[1],
        author_id=row[2],
        author_handle=row[3],
        text=row[4],
        created_at=_post_time(row[0], row[5], row[16]),
        kind=cast(PostKind, row[6]),
        reply_to_post_id=row[7],
        reply_to_account_id=row[8],
        reply_to_handle=row[9],
        conversation_id=row[10],
        quoted_post_id=row[11],
        reposted_post_id=row[12],
        mentions=tuple(json.loads(mentions)) if mentions and mentions != "[]" else (),
        url=row[14],
        lang=row[15],
    )


def _rows(store: Store, sql: str, params: Iterable[Any]) -> list[Post]:
    cursor = store.conn.cursor()
    cursor.row_factory = None
    return [_post(row) for row in cursor.execute(sql, tuple(params))]


def posts_by(store: Store, account: Account, since: datetime | None) -> list[Post]:
    """The account's posts, oldest first."""
    stamp = format_time(since)
    return _rows(
        store,
        f"SELECT {_COLUMNS} FROM posts WHERE platform = ? AND author_id = ?"
        " AND (? IS NULL OR created_at >= ?) ORDER BY created_at, id",
        (account.platform, account.id, stamp, stamp),
    )


def posts_mentioning(store: Store, account: Account, since: datetime | None) -> list[Post]:
    """Posts by others that mention or reply to the account, oldest first."""
    stamp = format_time(since)
    handle = account.handle.lower()
    return _rows(
        store,
        f"SELECT {_COLUMNS} FROM posts p WHERE p.platform = ? AND p.author_id != ?"
        " AND p.kind != 'repost' AND (? IS NULL OR p.created_at >= ?)"
        " AND (p.reply_to_account_id = ? OR lower(p.reply_to_handle) = ?"
        "      OR EXISTS (SELECT 1 FROM json_each(p.mentions) m WHERE m.value = ?))"
        " ORDER BY p.created_at, p.id",
        (account.platform, account.id, stamp, stamp, account.id, handle, handle),
    )


def inbox_conversations_joined(
    store: Store, account: Account, since: datetime | None
) -> int | None:
    """How many listened work conversations of others the account joined (see
    :mod:`staffpulse.listen.states`); ``None`` while nothing of its platform was ever listened
    to (no inbox built, no stream), or while listening kept no work post of anyone else (a
    store of the firm's own posts: the inbox has nothing to join), or while no inbox was ever
    opened as this firm (:func:`_has_inbox`), because then the count, and the advice to join
    the inbox's conversations, would say nothing true."""
    listened = store.conn.execute(
        "SELECT 1 FROM listen_relevance WHERE platform = ? LIMIT 1", (account.platform,)
    ).fetchone()
    if listened is None:
        return None
    from staffpulse.listen import states  # only now: the listen package is heavy

    joined = states.joined_conversations(store, account.platform, account.id, since)
    if joined:
        return joined
    if not _has_inbox(store, account):
        return None  # "you have joined none of them yet" of an inbox never opened as this firm
    others = store.conn.execute(
        "SELECT 1 FROM listen_relevance r JOIN posts p ON p.platform = r.platform"
        " AND p.id = r.post_id WHERE r.platform = ? AND r.relevant = 1 AND p.author_id != ?"
        " LIMIT 1",
        (account.platform, account.id),
    ).fetchone()
    return 0 if others is not None else None


def _has_inbox(store: Store, account: Account) -> bool:
    """Whether an inbox was ever opened, or a conversation marked, as this account's firm: only
    then is "you have joined none of them yet" a fact the user can relate to."""
    from staffpulse.listen.states import inbox_opened  # only now: the listen package is heavy

    return inbox_opened(store, account.handle or account.id)


def ref_authors(
    store: Store, posts: list[Post], known: dict[str, Post] | None = None
) -> dict[str, str]:
    """Reposted or quoted post id -> its author's handle, for the posts that have one."""
    ids = {
        p.reposted_post_id or p.quoted_post_id or "" for p in posts if p.kind in ("repost", "quote")
    }
    ids.discard("")
    out: dict[str, str] = {}
    missing: list[str] = []
    for pid in ids:
        found = known.get(pid) if known else None
        if found is not None:
            out[pid] = (found.author_handle or found.author_id).lower()
        else:
            missing.append(pid)
    if missing:
        # the authors alone: building whole posts (every column) was most of a big feed's cost
        sql = (
            "SELECT id, author_handle, author_id FROM posts WHERE platform = ? AND id IN ({marks})"
        )
        for pid, handle, author in rows_where_in(store.conn, sql, (posts[0].platform,), missing):
            out[pid] = (handle or author).lower()
    # a Bluesky post the store lacks still names its author in its URI: the author's handle
    # when the account is stored (one look-up for all of them), else the DID
    dids = {pid: did for pid in missing if pid not in out and (did := author_of_uri(pid))}
    if dids:
        sql = "SELECT id, handle FROM accounts WHERE platform = ? AND id IN ({marks})"
        wanted = sorted(set(dids.values()))
        handles = {
            row[0]: row[1] for row in rows_where_in(store.conn, sql, (posts[0].platform,), wanted)
        }
        for pid, did in dids.items():
            out[pid] = (handles.get(did) or did).lower()
    return out


def cohort_posts(
    store: Store, accounts: list[Account], since: datetime | None
) -> tuple[dict[tuple[str, str], list[Post]], dict[tuple[str, str], list[Post]], dict[str, Post]]:
    """One pass over the posts: (authored, mentioning) per (platform, account id), and by id."""
    stamp = format_time(since)
    platforms = sorted({a.platform for a in accounts})
    marks = ",".join("?" * len(platforms))
    # SQLite keeps only the posts by, replying to or naming a cohort account (a superset of
    # what the loop below keeps), so that a cohort of 30 on a store of 300,000 posts builds
    # 15,000 posts, not every one (about 6 times faster); ids and handles go as JSON arrays,
    # one parameter each, whatever the cohort's size
    ids = json.dumps(sorted({a.id for a in accounts}))
    handles = json.dumps(sorted({a.handle.lower() for a in accounts}))
    everything = _rows(
        store,
        f"SELECT {_COLUMNS} FROM posts WHERE platform IN ({marks})"
        " AND (? IS NULL OR created_at >= ?)"
        " AND (author_id IN (SELECT value FROM json_each(?))"
        "      OR reply_to_account_id IN (SELECT value FROM json_each(?))"
        "      OR lower(reply_to_handle) IN (SELECT value FROM json_each(?))"
        "      OR (mentions != '[]' AND EXISTS (SELECT 1 FROM json_each(posts.mentions) m"
        "          WHERE lower(m.value) IN (SELECT value FROM json_each(?)))))"
        " ORDER BY created_at, id",
        (*platforms, stamp, stamp, ids, ids, handles, handles),
    )
    by_id = {(a.platform, a.id): a for a in accounts}
    by_handle = {(a.platform, a.handle.lower()): (a.platform, a.id) for a in accounts}
    authored: dict[tuple[str, str], list[Post]] = defaultdict(list)
    mentioning: dict[tuple[str, str], list[Post]] = defaultdict(list)
    for post in everything:
        key = (post.platform, post.author_id)
        if key in by_id:
            authored[key].append(post)
        if post.kind == "repost":
            continue
        targets: set[tuple[str, str]] = set()
        if post.reply_to_account_id and (post.platform, post.reply_to_account_id) in by_id:
            targets.add((post.platform, post.reply_to_account_id))
        if post.reply_to_handle:
            hit = by_handle.get((post.platform, post.reply_to_handle.lower()))
            if hit:
                targets.add(hit)
        for handle in post.mentions:
            hit = by_handle.get((post.platform, handle.lower()))
            if hit:
                targets.add(hit)
        targets.discard(key)
        for target in targets:
            mentioning[target].append(post)
    return authored, mentioning, {p.id: p for p in everything}
