"""The listen tables (one named migration) and the small reads and writes on them.

* ``listen_cursors``: the last Jetstream ``time_us`` processed, per stream, to resume from.
* ``listen_relevance``: the posts listening judged (score, matched keywords, source).
* ``listen_topics`` / ``listen_topic_members`` / ``listen_topic_state``: the incremental topic
  model (centroids, labels, document frequencies) so that new posts join existing topics.
* ``listen_inbox_state``: conversations the user marked joined or dismissed.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from staffpulse.store import Store, register_migration
from staffpulse.store.codec import parse_time
from staffpulse.store.interactions import mark_posts_before_delete

MIGRATION_NAME = "0100_listen"

register_migration(
    MIGRATION_NAME,
    """
    CREATE TABLE listen_cursors (
        stream TEXT PRIMARY KEY,
        cursor INTEGER NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE listen_relevance (
        platform TEXT NOT NULL,
        post_id TEXT NOT NULL,
        score REAL NOT NULL,
        relevant INTEGER NOT NULL DEFAULT 1,
        keywords TEXT NOT NULL DEFAULT '[]',
        source TEXT NOT NULL,
        added_at TEXT NOT NULL,
        PRIMARY KEY (platform, post_id)
    );
    CREATE TABLE listen_topics (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL,
        terms TEXT NOT NULL DEFAULT '{}',
        centroid BLOB NOT NULL,
        size INTEGER NOT NULL,
        representative TEXT,
        representative_sim REAL NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE listen_topic_members (
        platform TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        topic_id INTEGER NOT NULL,
        similarity REAL NOT NULL,
        PRIMARY KEY (platform, conversation_id)
    );
    CREATE INDEX listen_topic_members_by_topic ON listen_topic_members(topic_id);
    CREATE TABLE listen_topic_state (
        key TEXT PRIMARY KEY,
        value BLOB NOT NULL
    );
    CREATE TABLE listen_inbox_state (
        platform TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('joined', 'dismissed')),
        at TEXT NOT NULL,
        PRIMARY KEY (platform, conversation_id)
    );
    """,
)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def get_cursor(store: Store, stream: str) -> int | None:
    row = store.conn.execute(
        "SELECT cursor FROM listen_cursors WHERE stream = ?", (stream,)
    ).fetchone()
    return int(row[0]) if row else None


def set_cursor(conn: sqlite3.Connection, stream: str, cursor: int) -> None:
    conn.execute(
        "INSERT INTO listen_cursors (stream, cursor, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT (stream) DO UPDATE SET cursor = MAX(listen_cursors.cursor, excluded.cursor),"
        " updated_at = excluded.updated_at",
        (stream, cursor, _now()),
    )


@dataclass(frozen=True, slots=True)
class RelevanceRow:
    platform: str
    post_id: str
    score: float
    keywords: tuple[str, ...]
    source: str
    relevant: bool = True


def save_relevance(conn: sqlite3.Connection, rows: Iterable[RelevanceRow]) -> None:
    now = _now()
    conn.executemany(
        "INSERT INTO listen_relevance (platform, post_id, score, relevant, keywords, source,"
        " added_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform, post_id) DO UPDATE SET"
        " score = excluded.score, relevant = excluded.relevant, keywords = excluded.keywords",
        [
            (
                r.platform,
                r.post_id,
                r.score,
                int(r.relevant),
                json.dumps(list(r.keywords)),
                r.source,
                now,
            )
            for r in rows
        ],
    )


def relevance_scores(store: Store, platform: str, post_ids: Sequence[str]) -> dict[str, float]:
    found: dict[str, float] = {}
    for start in range(0, len(post_ids), 500):
        chunk = list(post_ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(
            f"SELECT post_id, score FROM listen_relevance WHERE platform = ?"
            f" AND post_id IN ({marks})",
            (platform, *chunk),
        )
        found.update((row[0], float(row[1])) for row in rows)
    return found


def relevant_post_ids(store: Store, platform: str, post_ids: Sequence[str]) -> set[str]:
    """The ones of ``post_ids`` that listening judged relevant."""
    found: set[str] = set()
    for start in range(0, len(post_ids), 500):
        chunk = list(post_ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(
            f"SELECT post_id FROM listen_relevance WHERE platform = ? AND relevant = 1"
            f" AND post_id IN ({marks})",
            (platform, *chunk),
        )
        found.update(row[0] for row in rows)
    return found


def has_listened(store: Store, platform: str) -> bool:
    """True once listening or an inbox judged any post of the platform."""
    if MIGRATION_NAME not in store.applied_migrations():
        return False
    row = store.conn.execute(
        "SELECT 1 FROM listen_relevance WHERE platform = ? LIMIT 1", (platform,)
    ).fetchone()
    return row is not None


def delete_posts(conn: sqlite3.Connection, platform: str, post_ids: Sequence[str]) -> int:
    """Remove deleted posts (the author took them down) and their listen rows."""
    removed = 0
    for start in range(0, len(post_ids), 500):
        chunk = list(post_ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        mark_posts_before_delete(conn, platform, chunk)  # their edges change
        cursor = conn.execute(
            f"DELETE FROM posts WHERE platform = ? AND id IN ({marks})", (platform, *chunk)
        )
        removed += cursor.rowcount
        conn.execute(
            f"DELETE FROM listen_relevance WHERE platform = ? AND post_id IN ({marks})",
            (platform, *chunk),
        )
    return removed


def set_inbox_state(store: Store, platform: str, conversation_id: str, state: str | None) -> None:
    """Mark a conversation ``joined`` or ``dismissed``; ``None`` clears the mark."""
    if state is None:
        store.conn.execute(
            "DELETE FROM listen_inbox_state WHERE platform = ? AND conversation_id = ?",
            (platform, conversation_id),
        )
        return
    store.conn.execute(
        "INSERT INTO listen_inbox_state (platform, conversation_id, state, at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (platform, conversation_id) DO UPDATE SET state = excluded.state,"
        " at = excluded.at",
        (platform, conversation_id, state, _now()),
    )


def inbox_states(store: Store, platform: str | None = None) -> dict[tuple[str, str], str]:
    rows = store.conn.execute(
        "SELECT platform, conversation_id, state FROM listen_inbox_state"
        " WHERE (? IS NULL OR platform = ?)",
        (platform, platform),
    )
    return {(row[0], row[1]): row[2] for row in rows}


def marked_joined(store: Store, platform: str) -> dict[str, datetime | None]:
    """Conversations the user marked joined, with when."""
    rows = store.conn.execute(
        "SELECT conversation_id, at FROM listen_inbox_state WHERE platform = ? AND state = 'joined'",
        (platform,),
    )
    return {row[0]: parse_time(row[1]) for row in rows}


def ensure_schema(store: Store) -> None:
    """Apply the listen migration to a store opened before this module was imported."""
    if MIGRATION_NAME not in store.applied_migrations():
        store.migrate()
