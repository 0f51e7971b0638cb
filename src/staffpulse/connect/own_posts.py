"""What connect reads of a candidate's posts: its latest posts in its own words up to the
ranking date, and how many it wrote in all, then and after.

Reading every post of every candidate (a job board with 50,000 posts, 64 candidates of 1,000
posts each on a store of 300,000) built tens of thousands of posts to keep the last 50 of
each: SQLite now counts them and hands over only the latest ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from staffpulse.models import Post
from staffpulse.store import Store
from staffpulse.store.codec import format_time, parse_time, post_from_row

POSTS_PER_ACCOUNT = 50
"""Most recent own posts scored per candidate: enough for a share, cheap for hundreds."""


@dataclass(frozen=True, slots=True)
class OwnPosts:
    """A candidate's posts as connect reads them, as of the ranking date."""

    recent: list[Post]  # its latest posts in its own words, oldest first
    total: int  # every post written by the ranking date, reposts and undated ones included
    last_post: datetime | None  # the latest dated one of those
    later: int = 0  # posts after the ranking date: counted here only
    next_post: datetime | None = None  # the first of those


def own_text(posts: Sequence[Post]) -> list[Post]:
    """Posts with the account's own words (reposts carry someone else's)."""
    return [p for p in posts if p.kind != "repost" and p.text.strip()]


def read_own_posts(
    store: Store,
    platform: str,
    author_id: str,
    as_of: datetime | None,
    keep: int = POSTS_PER_ACCOUNT,
) -> OwnPosts:
    """:class:`OwnPosts` of one account from the store: the counts in one query, then its
    latest posts newest first until ``keep`` of them are in its own words."""
    # stored times are whole seconds in one lexically sortable form (format_time), so the
    # text comparison orders as the times do
    stamp = format_time(as_of)
    tally = store.conn.execute(
        "SELECT"
        " sum(? IS NULL OR created_at IS NULL OR created_at <= ?),"
        " max(CASE WHEN ? IS NULL OR created_at <= ? THEN created_at END),"
        " sum(? IS NOT NULL AND created_at > ?),"
        " min(CASE WHEN ? IS NOT NULL AND created_at > ? THEN created_at END)"
        " FROM posts WHERE platform = ? AND author_id = ?",
        (stamp, stamp) * 4 + (platform, author_id),
    ).fetchone()
    total, last, later, first_later = tally
    newest_first: list[Post] = []
    offset = 0
    while len(newest_first) < keep:
        rows = store.conn.execute(
            "SELECT * FROM posts WHERE platform = ? AND author_id = ? AND kind != 'repost'"
            " AND text != '' AND (? IS NULL OR created_at IS NULL OR created_at <= ?)"
            " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
            (platform, author_id, stamp, stamp, keep, offset),
        ).fetchall()
        # blank texts of spaces or line breaks only are left out here, as own_text does
        newest_first += own_text([post_from_row(row) for row in rows])
        if len(rows) < keep:
            break
        offset += keep
    return OwnPosts(
        recent=newest_first[:keep][::-1],
        total=int(total or 0),
        last_post=parse_time(last),
        later=int(later or 0),
        next_post=parse_time(first_later),
    )
