"""Interaction edges (reply, mention, repost, quote) derived from the posts, kept up to date
incrementally.

Every write marks what it touched in three tables: the authors of the written posts and the
written accounts themselves (``interactions_pending``), the handles of the written accounts
(``interactions_pending_handles``) and the ids of the written posts
(``interactions_pending_posts``). :func:`refresh_interactions` then recomputes the edges of
the *affected sources* only:

* the authors of the written posts and the written accounts (their own replies, mentions,
  reposts and quotes: a renamed account's mention of its old handle is no longer a self-mention);
* the sources of edges that point at a written handle (``@jane`` becomes Jane's id once her
  account is stored, or another account now holds the handle), and the accounts holding it;
* the authors of reposts and quotes of the written posts (a repost's target is the reposted
  post's author once that post is stored).

A reply or quote that also names its own target among its mentions (X and Mastodon list the
replied-to account there) makes one edge, the reply or quote: the mention is the same act.

So an import of a hundred posts into a store of millions recomputes a few accounts' edges,
not the whole table. The marks live in the database, not in memory, so an import that stops
between its writes and its refresh is caught up by the next refresh.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from staffpulse.dates import plausible_post_sql

MIGRATION = (
    "0002_incremental_interactions",
    """
    CREATE TABLE interactions_pending (
        platform TEXT NOT NULL,
        author_id TEXT NOT NULL,
        PRIMARY KEY (platform, author_id)
    ) WITHOUT ROWID;
    CREATE TABLE interactions_pending_posts (
        platform TEXT NOT NULL,
        id TEXT NOT NULL,
        PRIMARY KEY (platform, id)
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
    -- a store from before: every author once, so posts that never got edges (a listener's)
    -- get them at the next refresh
    INSERT INTO interactions_pending SELECT DISTINCT platform, author_id FROM posts;
    """,
)

BLUESKY_SHARED_TARGETS_MIGRATION = (
    "0008_interactions_bluesky_shared_targets",
    # Bluesky reposts and quotes of posts the store lacks got no edge before; their authors'
    # edges are recomputed at the next refresh, now that the post's URI names whom they share.
    """
    INSERT OR IGNORE INTO interactions_pending
    SELECT DISTINCT platform, author_id FROM posts
    WHERE platform = 'bluesky' AND kind IN ('repost', 'quote');
    """,
)

REPLY_ONCE_MIGRATION = (
    "0005_interactions_reply_once",
    # Edges built before counted a reply that names its target twice (a reply plus a
    # mention). The authors of replies and quotes that mention anyone get their edges
    # recomputed at the next refresh (connect refreshes before it ranks).
    """
    INSERT OR IGNORE INTO interactions_pending
    SELECT DISTINCT platform, author_id FROM posts
    WHERE kind IN ('reply', 'quote') AND mentions != '[]';
    """,
)

# Targets resolve to an account id when the account is stored (the smallest id holding the
# handle), else "@handle". {scope} limits the posts read to the affected sources (empty for a
# full rebuild). Handles resolve through scalar look-ups on accounts_by_handle, so a refresh
# never reads the whole accounts table.
_HOLDER = (
    "(SELECT MIN(a.id) FROM accounts a INDEXED BY accounts_by_handle"
    " WHERE a.platform = p.platform AND a.handle_norm = {})"
)
_REPLY_TARGET = (
    "COALESCE(p.reply_to_account_id, "
    + _HOLDER.format("lower(p.reply_to_handle)")
    + ", '@' || lower(p.reply_to_handle))"
)
# A Bluesky post's id is its at:// URI, which holds its author's DID: a repost or quote of a
# post the store lacks (a Jetstream repost, a saved record) still names whom it shares.
_SHARED_REF = "COALESCE(p.reposted_post_id, p.quoted_post_id)"
_SHARED_DID = (
    f"CASE WHEN p.platform = 'bluesky' AND {_SHARED_REF} LIKE 'at://did:%/%'"
    f" THEN substr({_SHARED_REF}, 6, instr(substr({_SHARED_REF}, 6), '/') - 1) END"
)
_SHARED_TARGET = (
    f"COALESCE(ref.author_id, {_SHARED_DID}, "
    + _HOLDER.format("json_extract(p.mentions, '$[0]')")
    + ", '@' || json_extract(p.mentions, '$[0]'))"
)
# An edge's first and last time, from the posts dated when a post can have been written: one
# dated 9999-12-31 made a contact look current for ever (staffpulse.dates.plausible_post_sql)
_DATED = f"CASE WHEN {plausible_post_sql('p')} THEN p.created_at END"
# X and Mastodon list the replied-to account among a reply's mentions (and a quote may name
# the quoted author): that mention is the reply or quote itself, so it is no edge of its own;
# one reply counts once, not as a reply plus a mention. Other accounts named still count.
# A mention is the post's own target when both resolve to the same node, or when the reply
# names the handle it mentions (the replied-to account known by id only, its handle unstored).
_EDGES_SQL = (
    """
WITH edges AS (
    SELECT p.platform, p.author_id AS source_id, """
    + _REPLY_TARGET
    + """ AS target_id,
           'reply' AS kind, """
    + _DATED
    + """ AS created_at
    FROM posts p
    WHERE p.kind = 'reply' AND (p.reply_to_account_id IS NOT NULL OR p.reply_to_handle IS NOT NULL)
      {scope}
    UNION ALL
    SELECT platform, source_id, target_id, 'mention', created_at FROM (
        SELECT p.platform, p.author_id AS source_id, m.value AS handle,
               COALESCE("""
    + _HOLDER.format("m.value")
    + """, '@' || m.value) AS target_id,
               CASE p.kind WHEN 'reply' THEN lower(p.reply_to_handle) END AS own_handle,
               CASE p.kind WHEN 'reply' THEN """
    + _REPLY_TARGET
    + """
                   WHEN 'quote' THEN """
    + _SHARED_TARGET
    + """ END AS own_target,
               """
    + _DATED
    + """ AS created_at
        FROM posts p
        LEFT JOIN posts ref ON p.kind = 'quote' AND ref.platform = p.platform
            AND ref.id = p.quoted_post_id
        CROSS JOIN json_each(p.mentions) m
        WHERE p.kind IN ('original', 'reply', 'quote') {scope}
    )
    WHERE own_target IS NULL OR (target_id != own_target AND handle IS NOT own_handle)
    UNION ALL
    SELECT p.platform, p.author_id, """
    + _SHARED_TARGET
    + """,
           p.kind, """
    + _DATED
    + """
    FROM posts p
    LEFT JOIN posts ref ON ref.platform = p.platform
        AND ref.id = COALESCE(p.reposted_post_id, p.quoted_post_id)
    WHERE p.kind IN ('repost', 'quote')
      AND (ref.author_id IS NOT NULL OR json_array_length(p.mentions) > 0
           OR """
    + _SHARED_DID
    + """ IS NOT NULL) {scope}
)
INSERT INTO interactions (platform, source_id, target_id, kind, count, first_seen, last_seen)
SELECT platform, source_id, target_id, kind, COUNT(*), MIN(created_at), MAX(created_at)
FROM edges
-- a post saved without its author (an API response that lacked author_id) has author ''
WHERE target_id IS NOT NULL AND target_id != source_id AND source_id != '' AND target_id != ''
GROUP BY platform, source_id, target_id, kind
"""
)
_SCOPE = "AND (p.platform, p.author_id) IN (SELECT platform, source_id FROM temp.affected)"

# CROSS JOIN fixes the join order (SQLite keeps it as written) and INDEXED BY the index: start
# from the few pending rows and walk indexes, never scan the big tables (without ANALYZE
# statistics the planner would pick the primary keys and scan).
_AFFECTED_SQL = (
    "INSERT OR IGNORE INTO temp.affected SELECT platform, author_id FROM interactions_pending",
    # edges that point at a written handle, as "@handle" or as an account id holding it
    """INSERT OR IGNORE INTO temp.affected
       SELECT i.platform, i.source_id FROM interactions_pending_handles w
       CROSS JOIN interactions i INDEXED BY interactions_by_target
       WHERE i.platform = w.platform AND i.target_id = '@' || w.handle_norm""",
    """INSERT OR IGNORE INTO temp.affected
       SELECT i.platform, i.source_id FROM interactions_pending_handles w
       CROSS JOIN accounts a CROSS JOIN interactions i INDEXED BY interactions_by_target
       WHERE a.platform = w.platform AND a.handle_norm = w.handle_norm
         AND i.platform = a.platform AND i.target_id = a.id""",
    # the accounts holding a written handle: their self-mentions may now point elsewhere
    """INSERT OR IGNORE INTO temp.affected
       SELECT a.platform, a.id FROM interactions_pending_handles w CROSS JOIN accounts a
       WHERE a.platform = w.platform AND a.handle_norm = w.handle_norm""",
    # reposts and quotes of the written posts (their target was unknown until now)
    """INSERT OR IGNORE INTO temp.affected
       SELECT r.platform, r.author_id FROM interactions_pending_posts w
       CROSS JOIN posts r INDEXED BY posts_by_reposted
       WHERE r.platform = w.platform AND r.reposted_post_id = w.id""",
    """INSERT OR IGNORE INTO temp.affected
       SELECT r.platform, r.author_id FROM interactions_pending_posts w
       CROSS JOIN posts r INDEXED BY posts_by_quoted
       WHERE r.platform = w.platform AND r.quoted_post_id = w.id""",
)


def mark_pending(
    conn: sqlite3.Connection,
    authors: Iterable[tuple[str, str]],
    handles: Iterable[tuple[str, str]] = (),
    posts: Iterable[tuple[str, str]] = (),
) -> None:
    """Note what a write touched: (platform, account id) pairs whose edges may change,
    (platform, handle) pairs of written accounts and (platform, post id) pairs of written
    posts. Call inside the writing transaction."""
    conn.executemany("INSERT OR IGNORE INTO interactions_pending VALUES (?, ?)", set(authors))
    conn.executemany(
        "INSERT OR IGNORE INTO interactions_pending_handles VALUES (?, ?)", set(handles)
    )
    conn.executemany("INSERT OR IGNORE INTO interactions_pending_posts VALUES (?, ?)", posts)


def mark_posts_before_delete(conn: sqlite3.Connection, platform: str, post_ids: list[str]) -> None:
    """Mark these stored posts (their authors' edges and the reposts of them change) before
    they are deleted."""
    marks = ",".join("?" * len(post_ids))
    conn.execute(
        "INSERT OR IGNORE INTO interactions_pending SELECT platform, author_id FROM posts"
        f" WHERE platform = ? AND id IN ({marks})",
        (platform, *post_ids),
    )
    mark_pending(conn, (), (), ((platform, post_id) for post_id in post_ids))


_PENDING = ("interactions_pending", "interactions_pending_handles", "interactions_pending_posts")


def has_pending(conn: sqlite3.Connection) -> bool:
    return any(conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() for table in _PENDING)


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
    for table in _PENDING:
        conn.execute(f"DELETE FROM {table}")
