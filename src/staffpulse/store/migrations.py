"""Named schema migrations, applied in order and recorded in ``schema_migrations``.

Never edit a migration that has shipped: add a new one. Every migration is listed here (the
parts' own tables in :mod:`staffpulse.store.part_tables`), so a store gets all its tables when
it is opened, whichever part of the product runs first; they apply in name order.
:func:`register_migration` remains for extensions outside the package.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from datetime import UTC, datetime

from staffpulse.store.aliases import MIGRATION as ALIASES_MIGRATION
from staffpulse.store.audits_data_key import AUDITS_DATA_KEY_MIGRATION
from staffpulse.store.inbox_looks import LISTEN_INBOX_LOOKS_MIGRATION
from staffpulse.store.inbox_snooze import LISTEN_INBOX_SNOOZE_MIGRATION
from staffpulse.store.interactions import (
    BLUESKY_SHARED_TARGETS_MIGRATION,
    REPLY_ONCE_MIGRATION,
)
from staffpulse.store.interactions import MIGRATION as INTERACTIONS_MIGRATION
from staffpulse.store.part_tables import (
    AUDITS_MIGRATION,
    AUDITS_NULLABLE_PILLARS_MIGRATION,
    CONNECT_HANDLES_MIGRATION,
    FETCH_CURSORS_MIGRATION,
    LISTEN_INBOX_BY_ACCOUNT_MIGRATION,
    LISTEN_MIGRATION,
)
from staffpulse.store.runs import FAILED_IS_ERROR_MIGRATION
from staffpulse.store.segments import ACCOUNT_SEGMENTS_MIGRATION
from staffpulse.store.store_settings import STORE_SETTINGS_MIGRATION

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_initial",
        """
        CREATE TABLE raw_payloads (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            location TEXT NOT NULL,
            line INTEGER,
            tool_version TEXT NOT NULL,
            retrieved_at TEXT NOT NULL,
            payload TEXT NOT NULL
        );
        CREATE TABLE accounts (
            platform TEXT NOT NULL,
            id TEXT NOT NULL,
            handle TEXT NOT NULL,
            handle_norm TEXT NOT NULL,
            display_name TEXT NOT NULL DEFAULT '',
            bio TEXT NOT NULL DEFAULT '',
            avatar_url TEXT,
            avatar_path TEXT,
            followers INTEGER,
            following INTEGER,
            post_count INTEGER,
            created_at TEXT,
            url TEXT,
            verified INTEGER NOT NULL DEFAULT 0,
            raw_id INTEGER REFERENCES raw_payloads(id),
            first_seen TEXT NOT NULL,
            PRIMARY KEY (platform, id)
        );
        CREATE INDEX accounts_by_handle ON accounts(platform, handle_norm);
        CREATE TABLE posts (
            platform TEXT NOT NULL,
            id TEXT NOT NULL,
            author_id TEXT NOT NULL,
            author_handle TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            created_at TEXT,
            lang TEXT,
            kind TEXT NOT NULL CHECK (kind IN ('original', 'reply', 'repost', 'quote')),
            reply_to_post_id TEXT,
            reply_to_account_id TEXT,
            reply_to_handle TEXT,
            conversation_id TEXT,
            quoted_post_id TEXT,
            reposted_post_id TEXT,
            mentions TEXT NOT NULL DEFAULT '[]',
            hashtags TEXT NOT NULL DEFAULT '[]',
            urls TEXT NOT NULL DEFAULT '[]',
            likes INTEGER,
            reposts INTEGER,
            replies INTEGER,
            quotes INTEGER,
            url TEXT,
            raw_id INTEGER REFERENCES raw_payloads(id),
            first_seen TEXT NOT NULL,
            PRIMARY KEY (platform, id)
        );
        CREATE INDEX posts_by_author ON posts(platform, author_id, created_at);
        CREATE INDEX posts_by_conversation ON posts(platform, conversation_id);
        CREATE INDEX posts_by_reply_to ON posts(platform, reply_to_post_id);
        CREATE TABLE follows (
            platform TEXT NOT NULL,
            follower_id TEXT NOT NULL,
            followee_id TEXT NOT NULL,
            follower_handle TEXT,
            followee_handle TEXT,
            first_seen TEXT NOT NULL,
            PRIMARY KEY (platform, follower_id, followee_id)
        );
        CREATE TABLE interactions (
            platform TEXT NOT NULL,
            source_id TEXT NOT NULL,
            target_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            count INTEGER NOT NULL,
            first_seen TEXT,
            last_seen TEXT,
            PRIMARY KEY (platform, source_id, target_id, kind)
        );
        CREATE INDEX interactions_by_target ON interactions(platform, target_id);
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            params TEXT NOT NULL DEFAULT '{}',
            counts TEXT NOT NULL DEFAULT '{}'
        );
        """,
    ),
    INTERACTIONS_MIGRATION,
    ALIASES_MIGRATION,
    (
        "0004_account_bio_known",
        # 1 for the accounts already stored: what they held was taken as their bio before
        "ALTER TABLE accounts ADD COLUMN bio_known INTEGER NOT NULL DEFAULT 1;",
    ),
    REPLY_ONCE_MIGRATION,
    (
        "0006_account_name_known",
        # An account stored with neither a name nor a bio field came from data without profiles
        # (TWCS, IBM dialogs, a posts file's authors, a Jetstream identity): its name is not
        # known either. Any other empty name was read from a profile, so it stays "empty".
        # Importing the profile later makes it known (the upsert keeps the larger flag).
        "ALTER TABLE accounts ADD COLUMN name_known INTEGER NOT NULL DEFAULT 1;\n"
        "UPDATE accounts SET name_known = 0 WHERE display_name = '' AND bio_known = 0;",
    ),
    (
        "0007_follows_by_followee",
        # An account filed under another id (a bare account keyed by its handle, merged into
        # the account with that handle: store/handle_keys.py) is looked up as a followee too.
        "CREATE INDEX IF NOT EXISTS follows_by_followee ON follows(platform, followee_id);",
    ),
    BLUESKY_SHARED_TARGETS_MIGRATION,
    FAILED_IS_ERROR_MIGRATION,
    (
        "0010_observed_at",
        # When an account's profile and a post's counts were observed (upsert_sql.py): an older
        # observation no longer replaces a newer one. Rows already stored get NULL (unknown),
        # which the next dated observation replaces.
        "ALTER TABLE accounts ADD COLUMN observed_at TEXT;\n"
        "ALTER TABLE posts ADD COLUMN observed_at TEXT;",
    ),
    (
        "0011_posts_by_kind",
        # `staffpulse stats` counts posts by platform and kind: from this index alone, not by
        # reading every post (on 300,000 posts, 1.4 s became 0.05 s)
        "CREATE INDEX IF NOT EXISTS posts_by_kind ON posts(platform, kind);",
    ),
    (
        "0012_accounts_by_handle_or_id",
        # A handle is looked up on every platform at once (Store.find_account), which the
        # (platform, ...) indexes cannot serve: each lookup read the whole accounts table, and
        # checking a 2,000-line cohort against 3,700 accounts spent 11 s of its 14 there.
        "CREATE INDEX IF NOT EXISTS accounts_by_handle_norm ON accounts(handle_norm);\n"
        "CREATE INDEX IF NOT EXISTS accounts_by_id ON accounts(id);",
    ),
    (
        "0013_posts_by_author_kind",
        # `staffpulse accounts` counts the reposts of each account it lists (Store.list_accounts):
        # from this index alone, where posts_by_author has no kind and each of the account's
        # posts was read (the first page on 100,000 posts: 0.5 s, not 0.05 s)
        "CREATE INDEX IF NOT EXISTS posts_by_author_kind ON posts(platform, author_id, kind);",
    ),
    AUDITS_MIGRATION,
    AUDITS_NULLABLE_PILLARS_MIGRATION,
    AUDITS_DATA_KEY_MIGRATION,
    LISTEN_MIGRATION,
    LISTEN_INBOX_BY_ACCOUNT_MIGRATION,
    LISTEN_INBOX_SNOOZE_MIGRATION,
    LISTEN_INBOX_LOOKS_MIGRATION,
    CONNECT_HANDLES_MIGRATION,
    FETCH_CURSORS_MIGRATION,
    ACCOUNT_SEGMENTS_MIGRATION,
    STORE_SETTINGS_MIGRATION,
]
MIGRATIONS.sort(key=lambda item: item[0])  # the order stores have always applied them in
# This release's own migrations. Each is recorded with origin "staffpulse" when applied; a
# registered one with "extension". A store holding a "staffpulse" migration outside this set was
# written by a newer release; an extension's migration unknown here is only an extension not
# imported by this process, which is no reason to warn.
SHIPPED: frozenset[str] = frozenset(name for name, _ in MIGRATIONS)
SHIPPED_ORIGIN = "staffpulse"
EXTENSION_ORIGIN = "extension"

log = logging.getLogger("staffpulse.store")
_told_newer: set[str] = set()  # the stores already said to be newer, once a process each


def register_migration(name: str, sql: str) -> None:
    """Add a migration owned by another part of the product (idempotent on re-import)."""
    if any(existing == name for existing, _ in MIGRATIONS):
        return
    MIGRATIONS.append((name, sql))
    MIGRATIONS.sort(key=lambda item: item[0])


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    _ensure_migrations_table(conn)
    return [row[0] for row in conn.execute("SELECT name FROM schema_migrations ORDER BY name")]


def _ensure_migrations_table(conn: sqlite3.Connection) -> None:
    """Create the table of applied migrations, with its origin column."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations"
        " (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL, origin TEXT)"
    )
    if _has_origin(conn):
        return
    # rows recorded before the column: NULL, which tells nothing and warns of nothing; a
    # store this user may read but not write is read as it is
    with contextlib.suppress(sqlite3.OperationalError):
        conn.execute("ALTER TABLE schema_migrations ADD COLUMN origin TEXT")


def _has_origin(conn: sqlite3.Connection) -> bool:
    return "origin" in {row[1] for row in conn.execute("PRAGMA table_info(schema_migrations)")}


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply every pending migration, each in its own transaction. Returns the names applied."""
    done = set(applied_migrations(conn))
    applied: list[str] = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        origin = SHIPPED_ORIGIN if name in SHIPPED else EXTENSION_ORIGIN
        # executescript commits first; wrap the script so a failure leaves no half schema.
        conn.executescript(
            "BEGIN;\n"
            + sql
            + f"\nINSERT INTO schema_migrations(name, applied_at, origin) VALUES ('{name}', "
            + f"'{datetime.now(UTC).isoformat()}', '{origin}');\nCOMMIT;"
        )
        applied.append(name)
    return applied


def newer_migrations(conn: sqlite3.Connection) -> list[str]:
    """The migrations a newer staffpulse applied to this store that this release does not know."""
    if not _has_origin(conn):
        return []
    rows = conn.execute(
        "SELECT name FROM schema_migrations WHERE origin = ? ORDER BY name", (SHIPPED_ORIGIN,)
    )
    return [row[0] for row in rows if row[0] not in SHIPPED]


def warn_if_written_by_newer(conn: sqlite3.Connection, path: str) -> None:
    """Say once a process, for each store, that a newer staffpulse wrote it: this release may
    read its newer columns and tables wrongly or not at all, and nothing else would say so."""
    if path in _told_newer:
        return
    newer = newer_migrations(conn)
    if not newer:
        return
    _told_newer.add(path)
    log.warning(
        "The database %s was written by a newer staffpulse (its schema has %s, which this version"
        " does not know), so some of what it holds may be missing or wrong here: update with"
        " pip install -U 'staffpulse[all]' (or git pull, then pip install -e '.[all]', where you"
        " installed it from)",
        path, ", ".join(newer),
    )  # fmt: skip
