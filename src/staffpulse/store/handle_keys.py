"""Accounts named by their handle alone are filed under the account the store holds with it.

Some data names an account only by its handle: a staffpulse CSV or JSONL of posts (its
``author`` column, an account row without an ``id``), TWCS brands, the IBM dialogs' speakers.
Their rows are keyed by the lower-cased handle, a *handle key*
(:func:`staffpulse.models.keyed_by_handle`). Left alone, a spreadsheet of a firm's recent
posts imported beside its X archive would make a second account, ``acmestaffing`` beside the
archive's ``1321902678188974081``: the audit would leave its posts out and the benchmark list
the firm twice. So, at every write, on each platform (:func:`resolve_handle_keys`):

* a handle key whose handle is held by exactly one account with an id of its own (stored, or
  in the same batch) means that account: the rows are written under its id and its handle;
* what the store already holds under that handle key (the bare account a posts file made
  before the archive came, its posts, its follow edges) is moved to that id, the bare
  account's values filling only the blanks of the real one, unless its profile was observed
  after the real one's (then it wins, with its observation time: :data:`_MERGE_ACCOUNT`,
  :func:`_move`). The archive imported after the spreadsheet thus finds the firm's posts,
  and a store from before this rule is mended by importing either file again;
* a handle key that is a stored account's id (an ``author`` column of ids) names that
  account: the rows keep the id and take the account's handle, never renaming it;
* a handle held by several accounts (a handle that changed hands) is left apart, keyed by the
  handle, and the import says so: only an id can tell which account is meant.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from staffpulse.handles import display_address, plain_handle
from staffpulse.models import (
    Account,
    Follow,
    Post,
    keyed_by_handle,
    normalize_handle,
    platform_name,
)
from staffpulse.store.codec import ids_by_platform, rows_where_in
from staffpulse.store.interactions import mark_pending
from staffpulse.store.upsert_sql import STORED_PLACEHOLDER

Row = Account | Post | Follow
Key = tuple[str, str]  # (platform, handle key)
Origin = tuple[str, int | None]  # the file (or URL) and line a row came from

# The bare account's profile is the newer observation (store/upsert_sql.py): dated, and the
# real account's is older or of unknown time, as an incoming row would be judged. Else the
# real account's values are kept and the bare one's only fill their blanks.
_BARE_NEWER = (
    "(s.observed_at IS NOT NULL"
    " AND (accounts.observed_at IS NULL OR s.observed_at > accounts.observed_at))"
)


def _merged(column: str) -> str:
    """A nullable column: the newer observation's value, else the other's (a blank is filled)."""
    return (
        f"{column} = CASE WHEN {_BARE_NEWER} THEN COALESCE(s.{column}, accounts.{column})"
        f" ELSE COALESCE(accounts.{column}, s.{column}) END"
    )


def _merged_text(column: str) -> str:
    """A text column where '' is blank: the newer observation's text unless blank."""
    return (
        f"{column} = CASE WHEN s.{column} != '' AND ({_BARE_NEWER} OR accounts.{column} = '')"
        f" THEN s.{column} ELSE accounts.{column} END"
    )


# the bare account merged into the real one: the newer profile wins, with its observation
# time, so an older import later cannot overwrite it; a real account whose handle is its id
# (STORED_PLACEHOLDER: a Bluesky repo export's DID) takes the bare one's real handle
_MERGE_ACCOUNT = f"""
UPDATE accounts SET
    handle = CASE WHEN {_BARE_NEWER} OR {STORED_PLACEHOLDER} THEN s.handle ELSE accounts.handle END,
    handle_norm = CASE WHEN {_BARE_NEWER} OR {STORED_PLACEHOLDER} THEN s.handle_norm
                       ELSE accounts.handle_norm END,
    {_merged_text("display_name")},
    {_merged_text("bio")},
    bio_known = MAX(accounts.bio_known, s.bio_known),
    name_known = MAX(accounts.name_known, s.name_known),
    {_merged("avatar_url")},
    {_merged("avatar_path")},
    {_merged("followers")},
    {_merged("following")},
    {_merged("post_count")},
    created_at = COALESCE(accounts.created_at, s.created_at),
    {_merged("url")},
    verified = MAX(accounts.verified, s.verified),
    {_merged("raw_id")},
    first_seen = MIN(accounts.first_seen, s.first_seen),
    observed_at = CASE WHEN {_BARE_NEWER} THEN s.observed_at ELSE accounts.observed_at END
FROM accounts AS s
WHERE accounts.platform = ?1 AND accounts.id = ?2 AND s.platform = ?1 AND s.id = ?3
"""


@dataclass(frozen=True, slots=True)
class Holder:
    """The account a handle key stands for."""

    id: str
    handle: str


@dataclass(frozen=True, slots=True)
class Move:
    """What is stored under a handle key, to be filed under the account holding the handle."""

    platform: str
    key: str
    to: Holder


@dataclass
class HandleKeys:
    """What one batch's handle keys stand for, and what to tell the user."""

    targets: dict[Key, Holder] = field(default_factory=dict)
    notices: list[tuple[str, str]] = field(default_factory=list)  # (location, message)
    moves: list[Move] = field(default_factory=list)

    def apply(self, row: Row) -> Row:
        """The row with its handle keys replaced by the accounts they stand for."""
        if not self.targets:
            return row
        if isinstance(row, Account):
            if (to := self._target(row.platform, row.id, row.handle)) is not None:
                return replace(row, id=to.id, handle=to.handle)
            return row
        if isinstance(row, Post):
            changes: dict[str, Any] = {}
            if (to := self._target(row.platform, row.author_id, row.author_handle)) is not None:
                changes.update(author_id=to.id, author_handle=to.handle)
            to = self._target(row.platform, row.reply_to_account_id, row.reply_to_handle)
            if to is not None:
                changes.update(
                    reply_to_account_id=to.id, reply_to_handle=normalize_handle(to.handle)
                )
            return replace(row, **changes) if changes else row
        changes = {}
        if (to := self._target(row.platform, row.follower_id, row.follower_handle)) is not None:
            changes.update(follower_id=to.id, follower_handle=to.handle)
        if (to := self._target(row.platform, row.followee_id, row.followee_handle)) is not None:
            changes.update(followee_id=to.id, followee_handle=to.handle)
        return replace(row, **changes) if changes else row

    def _target(self, platform: str, key: str | None, handle: str | None) -> Holder | None:
        if key is None or not keyed_by_handle(key, handle):
            return None
        return self.targets.get((platform, key))


def _references(row: Row) -> Iterator[tuple[str, str | None, str | None]]:
    """(platform, account id, handle) of every account a row names."""
    if isinstance(row, Account):
        yield row.platform, row.id, row.handle
    elif isinstance(row, Post):
        yield row.platform, row.author_id, row.author_handle
        yield row.platform, row.reply_to_account_id, row.reply_to_handle
    else:
        yield row.platform, row.follower_id, row.follower_handle
        yield row.platform, row.followee_id, row.followee_handle


def resolve_handle_keys(conn: sqlite3.Connection, rows: Sequence[tuple[Row, Origin]]) -> HandleKeys:
    """What the handle keys of a batch's rows stand for; what is stored under them is moved
    (call inside the writing transaction, before the rows are written)."""
    keyed: dict[Key, Origin] = {}  # the handle keys the rows use, and where each is first
    real: dict[Key, str] = {}  # (platform, id) of the batch's accounts with ids -> handle
    for row, origin in rows:
        for platform, named_id, handle in _references(row):
            key = (platform, named_id or "")
            if named_id and key not in keyed and keyed_by_handle(named_id, handle):
                keyed[key] = origin
        if isinstance(row, Account) and row.handle and not keyed_by_handle(row.id, row.handle):
            real[(row.platform, row.id)] = row.handle  # the last handle given is the one kept
    claims: dict[Key, dict[str, str]] = {}  # handle -> {id: handle} of the batch's accounts
    for (platform, account_id), handle in real.items():
        claims.setdefault((platform, normalize_handle(handle)), {})[account_id] = handle
    wanted = set(keyed) | set(claims)
    if not wanted:
        return HandleKeys()
    holding, named, bare = _stored(conn, wanted)
    named.update((key, handle) for key, handle in real.items() if key in wanted)
    result = HandleKeys()
    for key in sorted(wanted):
        platform, norm = key
        if key in named:
            # an account's own id (an author column of ids): kept, with the account's handle
            if key in keyed:
                result.targets[key] = Holder(norm, named[key])
            continue
        holders = {
            account_id: handle
            for account_id, handle in holding.get(key, {}).items()
            # a stored account the batch gives another handle no longer holds this one
            if normalize_handle(real.get((platform, account_id), handle)) == norm
        }
        holders.update(claims.get(key, {}))
        if len(holders) == 1:
            account_id, handle = next(iter(holders.items()))
            result.targets[key] = Holder(account_id, handle)
        elif len(holders) > 1 and key in keyed:
            location, _ = keyed[key]
            result.notices.append((location, _shared_handle_note(platform, norm, holders)))
    movable = {key: to for key, to in result.targets.items() if to.id != key[1]}
    stored = bare | _used_as_author_or_follow(conn, set(movable))
    result.moves = [Move(key[0], key[1], to) for key, to in movable.items() if key in stored]
    for (platform, former), (plain, plain_written) in _accented_authors(conn, rows).items():
        to = result.targets.get((platform, plain), Holder(plain, plain_written))
        result.moves.append(Move(platform, former, to))
    if result.moves:
        _move(conn, result.moves)
    return result


def _accented_authors(
    conn: sqlite3.Connection, rows: Sequence[tuple[Row, Origin]]
) -> dict[Key, tuple[str, str]]:
    """The bare accounts stored under a handle written with accents (``agenceintérim``,
    before :func:`staffpulse.handles.plain_handle`) whose posts come again under the plain
    handle's key: (platform, former key) -> (the key now, its handle). The same account, so
    it is moved, or importing the same file again would refuse its posts as another's."""
    named: dict[Key, tuple[str, str]] = {}  # (platform, post id) -> its author's key, handle
    for row, _origin in rows:
        if isinstance(row, Post) and keyed_by_handle(row.author_id, row.author_handle):
            named[(row.platform, row.id)] = (row.author_id, row.author_handle)
    found: dict[Key, tuple[str, str]] = {}
    for platform, ids in ids_by_platform(named).items():
        sql = (
            "SELECT id, author_id, author_handle FROM posts WHERE platform = ? AND id IN ({marks})"
        )
        for post_id, author_id, author_handle in rows_where_in(conn, sql, (platform,), ids):
            key, handle = named[(platform, post_id)]
            if author_id != key and not author_id.isascii():
                plain = normalize_handle(plain_handle(author_id))
                if plain == key and keyed_by_handle(author_id, author_handle):
                    found[(platform, author_id)] = (key, handle)
    return found


def _stored(
    conn: sqlite3.Connection, wanted: set[Key]
) -> tuple[dict[Key, dict[str, str]], dict[Key, str], set[Key]]:
    """For these handles: the stored accounts with ids of their own holding each one; the
    ones that are a stored account's own id (with its handle); and the ones a bare account is
    stored under."""
    holding: dict[Key, dict[str, str]] = {}
    named: dict[Key, str] = {}
    bare: set[Key] = set()
    for platform, values in ids_by_platform(wanted).items():
        sql = (
            "SELECT id, handle, handle_norm FROM accounts INDEXED BY accounts_by_handle"
            " WHERE platform = ? AND handle_norm IN ({marks}) AND id != handle_norm"
        )
        for row in rows_where_in(conn, sql, (platform,), values):
            holding.setdefault((platform, row[2]), {})[row[0]] = row[1]
        sql = "SELECT id, handle, handle_norm FROM accounts WHERE platform = ? AND id IN ({marks})"
        for row in rows_where_in(conn, sql, (platform,), values):
            if row[2] == row[0]:
                bare.add((platform, row[0]))
            else:
                named[(platform, row[0])] = row[1]
    return holding, named, bare


def _used_as_author_or_follow(conn: sqlite3.Connection, keys: set[Key]) -> set[Key]:
    """The keys that stored posts have as their author, or stored follow edges name."""
    used: set[Key] = set()
    for platform, values in ids_by_platform(keys).items():
        for sql in (
            "SELECT DISTINCT author_id FROM posts WHERE platform = ? AND author_id IN ({marks})",
            "SELECT DISTINCT follower_id FROM follows WHERE platform = ?"
            " AND follower_id IN ({marks})",
            "SELECT DISTINCT followee_id FROM follows INDEXED BY follows_by_followee"
            " WHERE platform = ? AND followee_id IN ({marks})",
        ):
            used.update((platform, row[0]) for row in rows_where_in(conn, sql, (platform,), values))
    return used


def _move(conn: sqlite3.Connection, moves: Sequence[Move]) -> None:
    """File what is stored under each handle key under the account holding the handle."""
    changed: list[tuple[str, str]] = []
    for move in moves:
        platform, key, to = move.platform, move.key, move.to
        changed += [(platform, key), (platform, to.id)]
        # the edges that point at the bare account now point at the real one
        conn.execute(
            "INSERT OR IGNORE INTO interactions_pending SELECT platform, source_id"
            " FROM interactions INDEXED BY interactions_by_target"
            " WHERE platform = ? AND target_id = ?",
            (platform, key),
        )
        # replies to its posts (TWCS and the IBM dialogs name the replied-to account)
        conn.execute(
            "UPDATE posts SET reply_to_account_id = ?1, reply_to_handle = ?2"
            " WHERE platform = ?3 AND reply_to_account_id = ?4 AND reply_to_post_id IN"
            " (SELECT id FROM posts WHERE platform = ?3 AND author_id = ?4)",
            (to.id, normalize_handle(to.handle), platform, key),
        )
        conn.execute(
            "UPDATE posts SET author_id = ?, author_handle = ? WHERE platform = ? AND author_id = ?",
            (to.id, to.handle, platform, key),
        )
        for side in ("follower", "followee"):
            # an edge the real account already has stays once
            conn.execute(
                f"UPDATE OR IGNORE follows SET {side}_id = ?, {side}_handle = ?"
                f" WHERE platform = ? AND {side}_id = ?",
                (to.id, to.handle, platform, key),
            )
            conn.execute(
                f"DELETE FROM follows WHERE platform = ? AND {side}_id = ?", (platform, key)
            )
        conn.execute(
            "UPDATE connect_handles SET account_id = ? WHERE platform = ? AND account_id = ?",
            (to.id, platform, key),
        )
        if conn.execute(
            "SELECT 1 FROM accounts WHERE platform = ? AND id = ?", (platform, to.id)
        ).fetchone():
            conn.execute(_MERGE_ACCOUNT, (platform, to.id, key))
            conn.execute("DELETE FROM accounts WHERE platform = ? AND id = ?", (platform, key))
        else:  # the real account comes in this batch: the bare one becomes it
            conn.execute(
                "UPDATE accounts SET id = ?, handle = ?, handle_norm = ?"
                " WHERE platform = ? AND id = ?",
                (to.id, to.handle, normalize_handle(to.handle), platform, key),
            )
    mark_pending(conn, changed, ((m.platform, m.key) for m in moves))


def _shared_handle_note(platform: str, handle: str, holders: dict[str, str]) -> str:
    ids = sorted(holders)
    shown = ", ".join(ids[:3]) + (f" and {len(ids) - 3:,} more" if len(ids) > 3 else "")
    return (
        f"@{display_address(handle)} is the handle of {len(ids):,} accounts on {platform_name(platform)} (ids "
        f"{shown}), so what this file names only by that handle was kept apart, as an account "
        f"of its own (id {handle}). Give those rows the id of the account meant (an author_id "
        "column for posts, an id column for accounts) and import the file again"
    )
