"""Posts a file names no platform for (stored as platform ``csv``) that the store already
holds on a platform, under the same ids and by the same authors: the posts of an X archive
imported before, listed again in a sheet of posts with no ``platform`` column.

They are the same posts, now in the store twice, each author an account twice: an audit
counts both. Which platform a file's posts are on is the file's to say, so nothing is
merged; the file is told once how many, which platform, and how to say it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from staffpulse.models import Post
from staffpulse.report.counts import count_of
from staffpulse.store.codec import rows_where_in
from staffpulse.store.core import Record

UNNAMED = "csv"  # the platform of a staffpulse record that names none
PLATFORMS = ("x", "bluesky", "mastodon")  # where such a post's twin may be stored


class PlatformTwins:
    """The posts of one file stored under no platform that the store holds on a platform:
    how many on each, and the first (id, handle). Asked batch by batch, before it is written."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.twins: dict[str, list[tuple[str, str]]] = {}
        self.count = 0

    def add(self, records: Iterable[Record]) -> None:
        posts: dict[str, str] = {}
        for record in records:
            if isinstance(record.raw, dict) and record.raw.get("platform"):
                continue  # the file says which platform: its to say
            for row in record.rows:
                if isinstance(row, Post) and row.platform == UNNAMED and row.author_handle:
                    posts[row.id] = row.author_handle.lower()
        if not posts:
            return
        sql = (
            "SELECT platform, id, author_handle FROM posts WHERE platform IN (?, ?, ?)"
            " AND id IN ({marks})"
        )
        # asked in chunks: a batch's ids are more than an old SQLite takes in one statement
        for platform, post_id, handle in rows_where_in(self.conn, sql, PLATFORMS, list(posts)):
            if (handle or "").lower() == posts[post_id]:
                self.twins.setdefault(platform, []).append((post_id, handle))
                self.count += 1

    def note(self) -> str | None:
        """What the file is told of its posts the store holds on a platform too; None if none."""
        if not self.twins:
            return None
        platform, same = max(self.twins.items(), key=lambda item: len(item[1]))
        first_id, first_handle = same[0]
        one = self.count == 1
        return (
            f"{count_of(self.count, 'post')} of this file {'names' if one else 'name'} no"
            f" platform, so {'it was' if one else 'they were'} stored as platform csv, but the"
            f" store holds {'it' if one else 'them'} already on {platform} (the same id by the"
            f" same author: {first_id} by @{first_handle}): {'it is' if one else 'they are'} now"
            f" there twice, and audits count both. Add a column platform reading {platform} to"
            " the file and import it into a new store with the other files, so each post is"
            " stored once"
        )
