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
