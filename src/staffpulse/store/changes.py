"""What a write changed beyond new rows: profiles updated and follows new to the store.

An import that re-reads known accounts adds no account, yet may change their names or bios;
a follower list adds follows, not accounts. Without these two counts the summary would say
"nothing changed" after an import that changed things. The write path asks them here, inside
its transaction: the profiles of the batch's known accounts before and after the upsert, and
which of its follows the store held before.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from staffpulse.store.codec import ids_by_platform, rows_where_in

# What a person calls the profile: the counters (followers, posts) change on every fetch
PROFILE_COLUMNS = ("handle", "display_name", "bio", "avatar_url", "url")

AccountKey = tuple[str, str]  # platform, account id
FollowKey = tuple[str, str, str]  # platform, follower id, followee id


def read_profiles(
    conn: sqlite3.Connection, keys: Iterable[AccountKey]
) -> dict[AccountKey, tuple[Any, ...]]:
    """The stored profile (:data:`PROFILE_COLUMNS`) of each of these accounts the store holds."""
    sql = (
        f"SELECT id, {', '.join(PROFILE_COLUMNS)} FROM accounts"
        " WHERE platform = ? AND id IN ({marks})"
    )
    found: dict[AccountKey, tuple[Any, ...]] = {}
    for platform, ids in ids_by_platform(keys).items():
        for row in rows_where_in(conn, sql, (platform,), ids):
            found[(platform, row[0])] = tuple(row[1:])
    return found


def count_changed_profiles(
    before: dict[AccountKey, tuple[Any, ...]], after: dict[AccountKey, tuple[Any, ...]]
) -> int:
    """How many of the profiles read ``before`` a write read differently ``after`` it."""
    return sum(1 for key, profile in before.items() if after.get(key) != profile)


_PROFILES_TABLE = f"""
CREATE TEMP TABLE IF NOT EXISTS import_profiles (
    platform TEXT NOT NULL,
    id TEXT NOT NULL,
    {", ".join(f"{c} TEXT" for c in PROFILE_COLUMNS)},
    changed INTEGER NOT NULL DEFAULT 0,
    new INTEGER NOT NULL DEFAULT 0,  -- new to the store: counted as new, never as updated
    PRIMARY KEY (platform, id)
)
"""
_SAME_PROFILE = " AND ".join(f"a.{c} IS p.{c}" for c in PROFILE_COLUMNS)


class ImportProfiles:
    """Which stored profiles one import changed, counted once each at the end of the import.

    An import writes an account as often as its files name it, and two files may hold two
    versions of one profile (an avatar that changed between two samples): each write would
    flip it, and every re-import would report "1 profile updated" though the store ends as it
    began. So each account's profile is kept as it was before the import's first write of it
    (an account new to the store has none: it is counted as new), and compared after each
    write with the profile the store now holds, read back as the upsert left it."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        conn.execute(_PROFILES_TABLE)
        conn.execute("DELETE FROM temp.import_profiles")

    def close(self) -> None:
        self.conn.execute("DELETE FROM temp.import_profiles")

    def before_write(self, keys: Iterable[AccountKey]) -> None:
        """Keep the stored profile of these accounts, unless the import met them before."""
        columns = ", ".join(PROFILE_COLUMNS)
        sql = (
            f"INSERT OR IGNORE INTO temp.import_profiles (platform, id, {columns})"
            f" SELECT platform, id, {columns} FROM accounts WHERE platform = ? AND id IN ({{marks}})"
        )
        # an account the store does not hold yet is new, also at the import's later writes
        made = "INSERT OR IGNORE INTO temp.import_profiles (platform, id, new) VALUES (?, ?, 1)"
        grouped = ids_by_platform(keys)
        for platform, ids in grouped.items():
            for _ in rows_where_in(self.conn, sql, (platform,), ids):
                pass
            self.conn.executemany(made, ((platform, i) for i in ids))

    def follow_moves(self, moves: Iterable[tuple[str, str, str]]) -> None:
        """Accounts moved from a handle key to their real id (platform, key, id): a bare
        account this import made new stays new under its id, not an updated profile."""
        moves = list(moves)
        self.conn.executemany(
            "UPDATE OR IGNORE temp.import_profiles SET id = ?3 WHERE platform = ?1 AND id = ?2",
            moves,
        )
        self.conn.executemany(
            "DELETE FROM temp.import_profiles WHERE platform = ? AND id = ?",
            ((platform, key) for platform, key, _ in moves),
        )

    def after_write(self, keys: Iterable[AccountKey]) -> int:
        """How many more profiles differ from their start than before this write: negative
        when a write put a profile back as it was."""
        grouped = ids_by_platform(keys)
        count = "SELECT COUNT(*) FROM temp.import_profiles WHERE changed AND platform = ?"
        count += " AND id IN ({marks})"
        before = self._sum(count, grouped)
        update = (
            "UPDATE temp.import_profiles AS p SET changed = NOT EXISTS (SELECT 1 FROM accounts"
            f" AS a WHERE a.platform = p.platform AND a.id = p.id AND {_SAME_PROFILE})"
            " WHERE NOT p.new AND p.platform = ? AND p.id IN ({marks})"
        )
        for platform, ids in grouped.items():
            for _ in rows_where_in(self.conn, update, (platform,), ids):
                pass
        return self._sum(count, grouped) - before

    def _sum(self, sql: str, grouped: dict[str, list[str]]) -> int:
        return sum(
            int(row[0])
            for platform, ids in grouped.items()
            for row in rows_where_in(self.conn, sql, (platform,), ids)
        )


def count_stored_follows(conn: sqlite3.Connection, keys: set[FollowKey]) -> int:
    """How many of these follows the store already holds."""
    by_follower = _by_shared_side((p, follower, followee) for p, follower, followee in keys)
    by_followee = _by_shared_side((p, followee, follower) for p, follower, followee in keys)
    # a follower list shares its followee, a following list its follower: ask by the shared
    # side, a few queries for the whole batch instead of one per follow
    if len(by_followee) < len(by_follower):
        sql = (
            "SELECT COUNT(*) FROM follows WHERE platform = ? AND followee_id = ?"
            " AND follower_id IN ({marks})"
        )
        grouped = by_followee
    else:
        sql = (
            "SELECT COUNT(*) FROM follows WHERE platform = ? AND follower_id = ?"
            " AND followee_id IN ({marks})"
        )
        grouped = by_follower
    return sum(
        int(row[0])
        for (platform, shared), others in grouped.items()
        for row in rows_where_in(conn, sql, (platform, shared), others)
    )


def _by_shared_side(keys: Iterable[FollowKey]) -> dict[AccountKey, list[str]]:
    grouped: dict[AccountKey, list[str]] = {}
    for platform, shared, other in sorted(keys):
        grouped.setdefault((platform, shared), []).append(other)
    return grouped
