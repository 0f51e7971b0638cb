"""What the error boundary says when SQLite could not write the store partway through a
command: a read-only file, a full disk, another run holding it, a damaged file. Each is the user's to fix,
not a bug, yet it reached the boundary as an ``OperationalError`` and was said as "a bug in
staffpulse" (exit 70) with a request to send a traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from staffpulse.errors import StoreError

# SQLite's result code of each failure (the low byte of the extended code an error carries: a
# read-only file moved away is SQLITE_READONLY_DBMOVED), what it means to a person, and what
# they can do about it. By code, not by words: "malformed JSON" from a query is a bug, not a
# damaged file
_FAILURES = (
    (
        sqlite3.SQLITE_READONLY,
        "the file, or its folder, is read-only",
        "make it writable (check its permissions, or copy it to a folder of yours), or give"
        " --db a store you can write to; commands that only read it, such as stats and"
        " accounts, still work",
    ),
    (
        sqlite3.SQLITE_FULL,
        "the disk is full",
        "free some space on the disk, then run the same command again; what was saved before"
        " is kept",
    ),
    (
        sqlite3.SQLITE_BUSY,
        "another staffpulse (the dashboard, a listen or a fetch) is writing to it",
        "wait for it to finish, or stop it, then run the same command again",
    ),
    (
        sqlite3.SQLITE_IOERR,
        "the disk would not take what was written",
        "check the disk (a removed USB drive, a network folder gone), then run the same"
        " command again",
    ),
    (
        sqlite3.SQLITE_CORRUPT,
        "the file is damaged",
        "restore it from a backup, or start a new store (--db NEW.db) and import your files"
        " into it again",
    ),
)


def explain_store_failure(exc: sqlite3.DatabaseError, store: Path | None) -> StoreError | None:
    """The failure as a :class:`StoreError` (exit 74) that names the store (``store``, when it
    is known) and what to do, or None for an error of another kind (a bug: a wrong query)."""
    code = getattr(exc, "sqlite_errorcode", None)  # not on an error raised by hand
    for failure, meaning, hint in _FAILURES:
        if isinstance(code, int) and code & 0xFF == failure:
            where = f" at {store}" if store is not None else ""
            return StoreError(f"cannot write to the store{where}: {meaning}", hint=hint)
    return None


def store_in_use(ctx: Any) -> Path | None:
    """The store the command works on: its --db, else the default one (STAFFPULSE_DB, or the
    user data folder's); None for the demo, which keeps a store of its own."""
    given = ctx.obj.get("db_used") if ctx.obj else None
    if given is not None:
        return Path(given)
    if ctx.invoked_subcommand == "demo":
        return None
    from staffpulse.config import default_db_path  # on use: most runs fail on nothing

    return default_db_path()
