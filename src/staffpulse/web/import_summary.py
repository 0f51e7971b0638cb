"""What an import changed, told in one sentence on the job page.

The import report counts what was read and how many accounts and posts were new. A person
also wants to hear that a re-imported profile was updated (a new name or bio) and how many
follows came in, or they read "nothing changed" after an import that changed things. Those
two are counted here, around each batch the import writes: the profiles of the batch's
accounts are read before and after the write, and its follows looked up before it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from staffpulse.ingest import ImportReport
from staffpulse.models import Account, Follow
from staffpulse.report.counts import count_of, join_and
from staffpulse.store import Store

# What a person calls the profile: counters (followers, posts) change on every fetch
PROFILE_COLUMNS = ("handle", "display_name", "bio", "avatar_url", "url")
CHUNK = 400  # keys per query, under SQLite's limit on bound parameters


@dataclass
class Changes:
    updated_profiles: int = 0
    new_follows: int = 0


def count_changes(store: Store) -> Changes:
    """Count updated profiles and new follows of every batch ``store`` writes from now on."""
    changes = Changes()
    write = store.write_records

    def counting(records: Sequence[Any], **options: Any) -> Any:
        accounts: set[tuple[str, str]] = set()
        follows: set[tuple[str, str, str]] = set()
        for record in records:
            for row in record.rows:
                if isinstance(row, Account):
                    accounts.add((row.platform, row.id))
                elif isinstance(row, Follow):
                    follows.add((row.platform, row.follower_id, row.followee_id))
        before = _profiles(store, accounts)
        known = _known_follows(store, follows)
        counts = write(records, **options)
        after = _profiles(store, set(before))
        changes.updated_profiles += sum(1 for key, row in before.items() if after.get(key) != row)
        changes.new_follows += len(follows) - known
        return counts

    setattr(store, "write_records", counting)  # noqa: B010 - an instance hook, not a method
    return changes


def _profiles(store: Store, keys: set[tuple[str, str]]) -> dict[tuple[str, str], tuple[Any, ...]]:
    found: dict[tuple[str, str], tuple[Any, ...]] = {}
    for platform, ids in _by_platform(keys).items():
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            rows = store.conn.execute(
                f"SELECT id, {', '.join(PROFILE_COLUMNS)} FROM accounts"
                f" WHERE platform = ? AND id IN ({','.join('?' * len(chunk))})",
                (platform, *chunk),
            )
            found.update(((platform, row[0]), tuple(row[1:])) for row in rows)
    return found


def _known_follows(store: Store, keys: set[tuple[str, str, str]]) -> int:
    known = 0
    by_edge: dict[tuple[str, str], list[str]] = {}
    for platform, follower, followee in keys:
        by_edge.setdefault((platform, follower), []).append(followee)
    for (platform, follower), followees in by_edge.items():
        for start in range(0, len(followees), CHUNK):
            chunk = followees[start : start + CHUNK]
            known += store.conn.execute(
                "SELECT COUNT(*) FROM follows WHERE platform = ? AND follower_id = ?"
                f" AND followee_id IN ({','.join('?' * len(chunk))})",
                (platform, follower, *chunk),
            ).fetchone()[0]
    return int(known)


def _by_platform(keys: set[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for platform, key in sorted(keys):
        grouped.setdefault(platform, []).append(key)
    return grouped


def import_summary(report: ImportReport, changes: Changes) -> str:
    """What was read and what of it was new or changed, e.g. "Read 35 accounts: 35 new."."""
    read = join_and(
        [
            count_of(report.posts, "post") if report.posts else "",
            count_of(report.accounts, "account") if report.accounts else "",
            count_of(report.follows, "follow") if report.follows else "",
        ]
    )
    new = join_and(
        [
            count_of(report.new_accounts, "new account") if report.new_accounts else "",
            count_of(report.new_posts, "new post") if report.new_posts else "",
            count_of(changes.new_follows, "new follow") if changes.new_follows else "",
        ]
    )
    updated = (
        count_of(changes.updated_profiles, "profile") + " updated"
        if changes.updated_profiles
        else ""
    )
    if not (new or updated):
        return f"Read {read}: all of it was already in the store, nothing changed."
    return f"Read {read}: {join_and([new, updated])}."
