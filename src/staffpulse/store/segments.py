"""Migration ``0900_account_segments``: each account's segment as a cohort file gave it.

A cohort file says what each account is (``harborline,x,staffing_firm``), but only the
benchmark run with that file read it: the demo's league table called @harborline a staffing
firm, and the inbox and a benchmark without the file, on the same store, the role model's
"recruiter" (QA s38). So the benchmark remembers the segments a file gives, and every command
that labels an account reads them here before the model's guess.

``platform`` and ``account_id`` are the account's in the store; ``segment`` the benchmark's
key for it (``staffing_firm``, ``hr``); ``source`` the name of the file that gave it.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the store's migrations import this module: no cycle at run time
    from staffpulse.store.core import Store

ACCOUNT_SEGMENTS_MIGRATION = (
    "0900_account_segments",
    """
    CREATE TABLE account_segments (
        platform TEXT NOT NULL,
        account_id TEXT NOT NULL,
        segment TEXT NOT NULL,
        source TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (platform, account_id)
    );
    """,
)

log = logging.getLogger("staffpulse.store")


def remember_segments(
    store: Store,
    given: Iterable[tuple[str, str, str]],
    source: str,
    cleared: Iterable[tuple[str, str]] = (),
) -> None:
    """Keep each ``(platform, account id, segment)`` a cohort file gives, the latest file's
    over an earlier one's, and forget the segment kept for each ``(platform, account id)`` of
    ``cleared`` (the file names it without one: its league table says "No segment", and so
    must the inbox). A store this user may only read keeps none (said in the log): the labels
    are a convenience, the benchmark itself is done."""
    now = datetime.now(UTC).isoformat()
    rows = [(platform, account_id, segment, source, now) for platform, account_id, segment in given]
    gone = list(cleared)
    if not rows and not gone:
        return
    try:
        with store.transaction() as conn:
            conn.executemany(
                "DELETE FROM account_segments WHERE platform = ? AND account_id = ?", gone
            )
            conn.executemany(
                "INSERT INTO account_segments (platform, account_id, segment, source, updated_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (platform, account_id) DO UPDATE SET"
                " segment = excluded.segment, source = excluded.source,"
                " updated_at = excluded.updated_at",
                rows,
            )
    except sqlite3.OperationalError as exc:  # read-only, or locked past the store's wait
        log.info("the cohort's segments were not kept in %s: %s", store.path, exc)


def stored_segments(store: Store) -> list[tuple[str, str, str | None, str]]:
    """The segment a cohort file gave each account: ``(platform, account id, handle,
    segment)``, the handle None for an account no longer in the store."""
    try:
        rows = store.conn.execute(
            "SELECT s.platform, s.account_id, a.handle, s.segment FROM account_segments s"
            " LEFT JOIN accounts a ON a.platform = s.platform AND a.id = s.account_id"
        ).fetchall()
    except sqlite3.OperationalError:  # a store opened before its migrations ran
        return []
    return [(row[0], row[1], row[2], row[3]) for row in rows]


def kept_segment_of(store: Store, platform: str, account_id: str) -> tuple[str, str] | None:
    """The segment a cohort file gave one account and the file's name, or None: the audit
    reads this one row, not every account's."""
    try:
        row = store.conn.execute(
            "SELECT segment, source FROM account_segments WHERE platform = ? AND account_id = ?",
            (platform, account_id),
        ).fetchone()
    except sqlite3.OperationalError:  # a store opened before its migrations ran
        return None
    return (str(row[0]), str(row[1])) if row else None


def segment_origins(store: Store) -> dict[tuple[str, str], tuple[str, str]]:
    """Where each kept segment came from: ``(platform, account id) -> (file name, UTC time
    it was kept, ISO)``, for a report to say which file set a segment and when."""
    try:
        rows = store.conn.execute(
            "SELECT platform, account_id, source, updated_at FROM account_segments"
        ).fetchall()
    except sqlite3.OperationalError:  # a store opened before its migrations ran
        return {}
    return {(row[0], row[1]): (row[2], row[3]) for row in rows}
