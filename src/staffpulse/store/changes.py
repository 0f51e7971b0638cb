"""What a write changed beyond new rows: profiles and posts updated and follows new to the
store.

An import that re-reads known accounts adds no account, yet may change their names or bios;
a file saved again with its texts edited adds no post, yet changes them; a follower list adds
follows, not accounts. Without these counts the summary would say
"nothing changed" after an import that changed things. The write path asks them here, inside
its transaction: the profiles and posts the batch names before and after the upsert, and
which of its follows the store held before.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from staffpulse.store.codec import ids_by_platform, rows_where_in

# What a person calls the profile: the counters (followers, posts) change on every fetch
PROFILE_COLUMNS = ("handle", "display_name", "bio", "avatar_url", "url")
# What a person calls the post: its likes and reposts change on every fetch. Its kind too: a
# re-import may find a reply in what an older version stored as an original (a reply whose
# parent was deleted names only the account it answers)
POST_COLUMNS = ("text", "kind", "reply_to_post_id", "quoted_post_id", "url")

# Filling an address the store lacked (a repo export has none, the feed read later has it)
# is no change a user needs to hear: only a different address, or one blanked, counts
FILLED_NOT_CHANGED = frozenset({"url"})

AccountKey = tuple[str, str]  # platform, account id
FollowKey = tuple[str, str, str]  # platform, follower id, followee id


def read_profiles(
    conn: sqlite3.Connection,
    keys: Iterable[AccountKey],
    table: str = "accounts",
    columns: tuple[str, ...] = PROFILE_COLUMNS,
) -> dict[AccountKey, tuple[Any, ...]]:
    """The stored profile (:data:`PROFILE_COLUMNS`) of each of these accounts the store holds
    (or ``columns`` of the rows of another ``table``: the posts' :data:`POST_COLUMNS`)."""
    sql = f"SELECT id, {', '.join(columns)} FROM {table} WHERE platform = ? AND id IN ({{marks}})"
    found: dict[AccountKey, tuple[Any, ...]] = {}
    for platform, ids in ids_by_platform(keys).items():
        for row in rows_where_in(conn, sql, (platform,), ids):
            found[(platform, row[0])] = tuple(row[1:])
    return found


def count_changed_profiles(
    before: dict[AccountKey, tuple[Any, ...]],
    after: dict[AccountKey, tuple[Any, ...]],
    columns: tuple[str, ...] = PROFILE_COLUMNS,
) -> int:
    """How many of the profiles read ``before`` a write read differently ``after`` it
    (``columns``, the ones read, tell which are addresses: :data:`FILLED_NOT_CHANGED`)."""
    filled = [i for i, column in enumerate(columns) if column in FILLED_NOT_CHANGED]
    return sum(
        1
        for key, profile in before.items()
        if (now := after.get(key)) != profile
        and (
            now is None
            or any(
                old != new and not (i in filled and old is None)
                for i, (old, new) in enumerate(zip(profile, now, strict=True))
            )
        )
    )


class _ImportChanges:
    """Which stored rows of ``table`` one import changed in ``columns``, counted once each at
    the end of the import.

    An import writes an account or post as often as its files name it, and two files may hold
    two versions of one (an avatar that changed between two samples): each write would flip
    it, and every re-import would report "1 updated" though the store ends as it began. So
    each row's content is kept as it was before the import's first write of it (a row new to
    the store has none: it is counted as new), and compared after each write with what the
    store now holds, read back as the upsert left it."""

    def __init__(self, conn: sqlite3.Connection, table: str, columns: tuple[str, ...]) -> None:
        self.conn, self.table, self.columns = conn, table, columns
        self.kept = f"import_{table}_before"
        conn.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {self.kept} (platform TEXT NOT NULL,"
            f" id TEXT NOT NULL, {', '.join(f'{c} TEXT' for c in columns)},"
            " changed INTEGER NOT NULL DEFAULT 0,"
            # new to the store: counted as new, never as updated
            " new INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (platform, id))"
        )
        conn.execute(f"DELETE FROM temp.{self.kept}")

    def close(self) -> None:
        self.conn.execute(f"DELETE FROM temp.{self.kept}")

    def before_write(self, keys: Iterable[AccountKey]) -> None:
        """Keep the stored content of these rows, unless the import met them before."""
        columns = ", ".join(self.columns)
        sql = (
            f"INSERT OR IGNORE INTO temp.{self.kept} (platform, id, {columns}) SELECT platform,"
            f" id, {columns} FROM {self.table} WHERE platform = ? AND id IN ({{marks}})"
        )
        # a row the store does not hold yet is new, also at the import's later writes
        made = f"INSERT OR IGNORE INTO temp.{self.kept} (platform, id, new) VALUES (?, ?, 1)"
        grouped = ids_by_platform(keys)
        for platform, ids in grouped.items():
            for _ in rows_where_in(self.conn, sql, (platform,), ids):
                pass
            self.conn.executemany(made, ((platform, i) for i in ids))

    def after_write(self, keys: Iterable[AccountKey]) -> int:
        """How many more rows differ from their start than before this write: negative
        when a write put one back as it was."""
        grouped = ids_by_platform(keys)
        count = f"SELECT COUNT(*) FROM temp.{self.kept} WHERE changed AND platform = ?"
        count += " AND id IN ({marks})"
        before = self._sum(count, grouped)
        same = " AND ".join(
            f"(s.{c} IS k.{c} OR k.{c} IS NULL)" if c in FILLED_NOT_CHANGED else f"s.{c} IS k.{c}"
            for c in self.columns
        )
        update = (
            f"UPDATE temp.{self.kept} AS k SET changed = NOT EXISTS (SELECT 1 FROM {self.table}"
            f" AS s WHERE s.platform = k.platform AND s.id = k.id AND {same})"
            " WHERE NOT k.new AND k.platform = ? AND k.id IN ({marks})"
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


class ImportProfiles(_ImportChanges):
    """Which stored profiles (:data:`PROFILE_COLUMNS`) one import changed, each once."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__(conn, "accounts", PROFILE_COLUMNS)

    def follow_moves(self, moves: Iterable[tuple[str, str, str]]) -> None:
        """Accounts moved from a handle key to their real id (platform, key, id): a bare
        account this import made new stays new under its id, not an updated profile."""
        moves = list(moves)
        self.conn.executemany(
            f"UPDATE OR IGNORE temp.{self.kept} SET id = ?3 WHERE platform = ?1 AND id = ?2",
            moves,
        )
        self.conn.executemany(
            f"DELETE FROM temp.{self.kept} WHERE platform = ? AND id = ?",
            ((platform, key) for platform, key, _ in moves),
        )


class ImportPosts(_ImportChanges):
    """Which stored posts (:data:`POST_COLUMNS`) one import changed, each once: a file saved
    again with its texts edited (or re-encoded) is no "nothing changed"."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__(conn, "posts", POST_COLUMNS)


class WriteChanges:
    """The profiles and posts one write changed: against their content before the import
    with its trackers (``tracked``), else before this write. Made before the upserts,
    :meth:`count` after them (and after the aliases are resolved, which rewrite the reply and
    quote targets the upserts wrote)."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        tracked: tuple[ImportProfiles, ImportPosts] | None,
        accounts: Iterable[AccountKey],
        posts: Iterable[AccountKey],
    ) -> None:
        self.conn, self.tracked = conn, tracked
        self.keys = (list(accounts), list(posts))
        self.before = ({}, {}) if tracked else self._read()
        if tracked is not None:
            for tracker, keys in zip(tracked, self.keys, strict=True):
                tracker.before_write(keys)

    def count(self) -> tuple[int, int]:
        """How many profiles and how many posts the write changed."""
        if self.tracked is not None:
            profiles, posts = self.tracked
            return profiles.after_write(self.keys[0]), posts.after_write(self.keys[1])
        after = self._read()
        return (
            count_changed_profiles(self.before[0], after[0]),
            count_changed_profiles(self.before[1], after[1], POST_COLUMNS),
        )

    def _read(self) -> tuple[dict[AccountKey, tuple[Any, ...]], dict[AccountKey, tuple[Any, ...]]]:
        return (
            read_profiles(self.conn, self.keys[0]),
            read_profiles(self.conn, self.keys[1], "posts", POST_COLUMNS),
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
