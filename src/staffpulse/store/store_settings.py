"""Migration ``0910_store_settings``: choices that belong to one store, not to the computer.

The firm's own account was kept in config.toml (``[listen] account``), so the one saved for a
client's store followed the user into every other client's store and the demo, where each
inbox warned of it and ``inbox mark-joined`` filed marks under it (QA s39). README keeps one
store per client; what names that client is kept in its store here, one row a setting.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the store's migrations import this module: no cycle at run time
    from staffpulse.store.core import Store

STORE_SETTINGS_MIGRATION = (
    "0910_store_settings",
    """
    CREATE TABLE store_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    """,
)

#: The firm's own account in this store (a @handle or profile URL), as Settings saves it.
FIRM_ACCOUNT = "firm_account"
#: The ``[listen] account`` of config.toml this store was told it does not hold (said once).
TOLD_FOREIGN_FIRM = "told_foreign_firm"

log = logging.getLogger("staffpulse.store")


def read_store_setting(store: Store, key: str) -> str | None:
    """The value kept for ``key`` in this store; None when none is."""
    row = store.conn.execute("SELECT value FROM store_settings WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def write_store_setting(store: Store, key: str, value: str | None) -> bool:
    """Keep ``value`` for ``key`` (None forgets it); whether it was kept. A store this user
    may only read keeps nothing (said in the log): the caller says what that means."""
    try:
        with store.transaction() as conn:
            if value is None:
                conn.execute("DELETE FROM store_settings WHERE key = ?", (key,))
            else:
                conn.execute(
                    "INSERT INTO store_settings(key, value, updated_at) VALUES (?, ?, ?)"
                    " ON CONFLICT(key) DO UPDATE SET value = excluded.value,"
                    " updated_at = excluded.updated_at",
                    (key, value, datetime.now(UTC).isoformat()),
                )
    except sqlite3.OperationalError as exc:  # read-only or locked
        log.info("store setting %s not kept: %s", key, exc)
        return False
    return True
