"""Interaction edges (reply, mention, repost, quote) derived from the posts, kept up to date
incrementally.

Every write marks what it touched in two small tables: the authors of the written posts and
the written accounts themselves (``interactions_pending``), and the handles of the written
accounts (``interactions_pending_handles``). :func:`refresh_interactions` then recomputes the edges of
the *affected sources* only:

* the authors of the written posts and the written accounts (their own replies, mentions,
  reposts and quotes: a renamed account's mention of its old handle is no longer a self-mention);
* the sources of edges that point at a written handle (``@jane`` becomes Jane's id once her
  account is stored, or another account now holds the handle), and the accounts holding it;
* the authors of reposts and quotes of the written authors' posts (a repost's target is the
  reposted post's author once that post is stored).

So an import of a hundred posts into a store of millions recomputes a few accounts' edges,
not the whole table. The marks live in the database, not in memory, so an import that stops
between its writes and its refresh is caught up by the next refresh.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

MIGRATION = (
    "0002_incremental_interactions",
    """
    CREATE TABLE interactions_pending (
        platform TEXT NOT NULL,
        author_id TEXT NOT NULL,
        PRIMARY KEY (platform, author_id)
    ) WITHOUT ROWID;
    CREATE TABLE interactions_pending_handles (
        platform TEXT NOT NULL,
        handle_norm TEXT NOT NULL,
        PRIMARY KEY (platform, handle_norm)
    ) WITHOUT ROWID;
    CREATE INDEX posts_by_reposted ON posts(platform, reposted_post_id)
        WHERE reposted_post_id IS NOT NULL;
    CREATE INDEX posts_by_quoted ON posts(platform, quoted_post_id)
        WHERE quoted_post_id IS NOT NULL;
    """,
)

# Targets resolve to an account id when the account is stored, else "@handle".
# {scope} limits the posts read to the affected sources (empty for a full rebuild).
_EDGES_SQL = """
WITH handles AS (
    SELECT platform, handle_norm, MIN(id) AS id FROM accounts GROUP BY platform, handle_norm
),
edges AS (
    SELECT p.platform, p.author_id AS source_id,
           COALESCE(p.reply_to_account_id, h.id, '@' || lower(p.reply_to_handle)) AS target_id,
           'reply' AS kind, p.created_at
    FROM posts p LEFT JOIN handles h
      ON h.platform = p.platform AND h.handle_norm = lower(p.reply_to_handle)
    WHERE p.kind = 'reply' AND (p.reply_to_account_id IS NOT NULL OR p.reply_to_handle IS NOT NULL)
      {scope}
    UNION ALL
    SELECT p.platform, p.author_id, COALESCE(h.id, '@' || m.value), 'mention', p.created_at
    FROM posts p, json_each(p.mentions) m
    LEFT JOIN handles h ON h.platform = p.platform AND h.handle_norm = m.value
    WHERE p.kind IN ('original', 'reply', 'quote') {scope}
    UNION ALL
    SELECT p.platform, p.author_id,
           COALESCE(ref.author_id, h.id, '@' || json_extract(p.mentions, '$[0]')),
           p.kind, p.created_at
    FROM posts p
    LEFT JOIN posts ref ON ref.platform = p.platform
        AND ref.id = COALESCE(p.reposted_post_id, p.quoted_post_id)
    LEFT JOIN handles h ON h.platform = p.platform
        AND h.handle_norm = json_extract(p.mentions, '$[0]')
    WHERE p.kind IN ('repost', 'quote')
      AND (ref.author_id IS NOT NULL OR json_array_length(p.mentions) > 0) {scope}
)
INSERT INTO interactions (platform, source_id, target_id, kind, count, first_seen, last_seen)
SELECT platform, source_id, target_id, kind, COUNT(*), MIN(created_at), MAX(created_at)
FROM edges
WHERE target_id IS NOT NULL AND target_id != source_id
GROUP BY platform, source_id, target_id, kind
"""
_SCOPE = "AND (p.platform, p.author_id) IN (SELECT platform, source_id FROM temp.affected)"

_AFFECTED_SQL = (
    "INSERT OR IGNORE INTO temp.affected SELECT platform, author_id FROM interactions_pending",
    # edges that point at a written handle, as "@handle" or as an account id holding it
    """INSERT OR IGNORE INTO temp.affected
       SELECT i.platform, i.source_id FROM interactions_pending_handles w
       JOIN interactions i ON i.platform = w.platform AND i.target_id = '@' || w.handle_norm""",
    """INSERT OR IGNORE INTO temp.affected
       SELECT i.platform, i.source_id FROM interactions_pending_handles w
       JOIN accounts a ON a.platform = w.platform AND a.handle_norm = w.handle_norm
       JOIN interactions i ON i.platform = a.platform AND i.target_id = a.id""",
    # the accounts holding a written handle: their self-mentions may now point elsewhere
    """INSERT OR IGNORE INTO temp.affected
       SELECT a.platform, a.id FROM interactions_pending_handles w
       JOIN accounts a ON a.platform = w.platform AND a.handle_norm = w.handle_norm""",
    # reposts and quotes of the written authors' posts
    """INSERT OR IGNORE INTO temp.affected
       SELECT r.platform, r.author_id FROM interactions_pending w
       JOIN posts p ON p.platform = w.platform AND p.author_id = w.author_id
       JOIN posts r ON r.platform = p.platform AND r.reposted_post_id = p.id""",
    """INSERT OR IGNORE INTO temp.affected
       SELECT r.platform, r.author_id FROM interactions_pending w
       JOIN posts p ON p.platform = w.platform AND p.author_id = w.author_id
       JOIN posts r ON r.platform = p.platform AND r.quoted_post_id = p.id""",
)


def mark_pending(
    conn: sqlite3.Connection,
    authors: Iterable[tuple[str, str]],
    handles: Iterable[tuple[str, str]] = (),
) -> None:
    """Note (platform, author_id) pairs whose posts changed and (platform, handle) pairs of
    written accounts; call inside the writing transaction."""
    conn.executemany("INSERT OR IGNORE INTO interactions_pending VALUES (?, ?)", set(authors))
    conn.executemany(
        "INSERT OR IGNORE INTO interactions_pending_handles VALUES (?, ?)", set(handles)
    )


def mark_authors_of_posts(conn: sqlite3.Connection, platform: str, post_ids: list[str]) -> None:
    """Mark the authors of these stored posts (before the posts are deleted)."""
    marks = ",".join("?" * len(post_ids))
    conn.execute(
        "INSERT OR IGNORE INTO interactions_pending SELECT platform, author_id FROM posts"
        f" WHERE platform = ? AND id IN ({marks})",
        (platform, *post_ids),
    )


def has_pending(conn: sqlite3.Connection) -> bool:
    return any(
        conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone()
        for table in ("interactions_pending", "interactions_pending_handles")
    )


def refresh_interactions(conn: sqlite3.Connection, full: bool = False) -> None:
    """Bring the edges up to date: the affected sources only, or everything when ``full``.
    Call inside a transaction."""
    if full:
        conn.execute("DELETE FROM interactions")
        conn.execute(_EDGES_SQL.format(scope=""))
    elif has_pending(conn):
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS affected (platform TEXT, source_id TEXT,"
            " PRIMARY KEY (platform, source_id)) WITHOUT ROWID"
        )
        conn.execute("DELETE FROM temp.affected")
        for sql in _AFFECTED_SQL:
            conn.execute(sql)
        conn.execute(
            "DELETE FROM interactions WHERE (platform, source_id) IN"
            " (SELECT platform, source_id FROM temp.affected)"
        )
        conn.execute(_EDGES_SQL.format(scope=_SCOPE))
        conn.execute("DELETE FROM temp.affected")
    conn.execute("DELETE FROM interactions_pending")
    conn.execute("DELETE FROM interactions_pending_handles")
