"""Removing posts their author took down: a Jetstream delete while listening, or a post a
whole account export no longer holds (``import --remove-deleted``). The interaction graph is
told first, so that the edges those posts made are recounted, and the listen verdicts on them
go with them."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from staffpulse.store.codec import IN_CHUNK
from staffpulse.store.interactions import mark_posts_before_delete


def delete_posts(conn: sqlite3.Connection, platform: str, post_ids: Sequence[str]) -> int:
    """Remove the posts ``post_ids`` of ``platform`` and their listen rows; how many posts
    were stored."""
    removed = 0
    for start in range(0, len(post_ids), IN_CHUNK):
        chunk = list(post_ids[start : start + IN_CHUNK])
        marks = ",".join("?" * len(chunk))
        mark_posts_before_delete(conn, platform, chunk)
        cursor = conn.execute(
            f"DELETE FROM posts WHERE platform = ? AND id IN ({marks})", (platform, *chunk)
        )
        removed += cursor.rowcount
        conn.execute(
            f"DELETE FROM listen_relevance WHERE platform = ? AND post_id IN ({marks})",
            (platform, *chunk),
        )
    return removed
