"""Refuse an SQLite file another program made before staffpulse writes into it.

``--db`` naming another program's database (a typo, a tab completion to the wrong file) was
opened like a store: the schema was added beside its tables, even by a reading command such as
``stats``, which then said "The store is empty". A file with tables but none of staffpulse's
migrations record is refused, read-only and before anything is written (not even the journal
mode), and so is a file that is no SQLite at all (SQLite said only "file is not a database");
a new or empty SQLite file is a new store, as before.
"""

from __future__ import annotations

import shlex
import sqlite3
from contextlib import closing
from pathlib import Path

from staffpulse.errors import StoreError

# the table every staffpulse store has had from its first migration (store/migrations.py)
_OWN_TABLE = "schema_migrations"
_TABLES_NAMED = 3  # another program's tables named in the message, the rest counted
_SQLITE_HEADER = b"SQLite format 3\x00"  # how every SQLite database file begins


def refuse_other_programs_database(path: Path) -> None:
    """Raise :class:`StoreError` when ``path`` is an SQLite database with tables of its own
    and no staffpulse schema, or a file that is no SQLite database. A missing or empty file
    passes, and so does one SQLite cannot open (locked, unreadable: the store's own open says
    which). Opens a read-only connection of its own: for a check before the store is opened
    (the demo's); a :class:`~staffpulse.store.core.Store` checks on its own connection."""
    target = path.expanduser()
    if not refuse_unreadable_as_sqlite(path):
        return
    try:
        with closing(sqlite3.connect(f"{target.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            refusal = other_programs_refusal(conn, path)
    except sqlite3.Error:  # cannot be opened at all: the store's own open says why
        return
    if refusal is not None:
        raise refusal


def refuse_unreadable_as_sqlite(path: Path) -> bool:
    """Raise :class:`StoreError` when ``path`` is a file that is no SQLite database (its
    first bytes say so); whether it holds a database to look into (False: missing, empty,
    unreadable: the store's own open makes or reports it)."""
    target = path.expanduser()
    if not target.is_file() or target.stat().st_size == 0:
        return False
    # SQLite itself takes a one-byte file for an empty database, and would write a store over it
    try:
        with target.open("rb") as handle:
            head = handle.read(len(_SQLITE_HEADER))
    except OSError:
        return False
    if head != _SQLITE_HEADER:
        raise _not_sqlite(path)
    return True


def other_programs_refusal(conn: sqlite3.Connection, path: Path) -> StoreError | None:
    """The :class:`StoreError` to raise when the database ``conn`` has open (at ``path``) has
    tables and no staffpulse schema, read before anything is written into it (not even the
    journal mode), or is a file SQLite finds is no database; None when it may be a store.
    Other SQLite errors pass: the store's own first statement reports them."""
    try:
        rows = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY name"
        ).fetchall()
    except sqlite3.Error as exc:
        return _not_sqlite(path) if exc.sqlite_errorcode == sqlite3.SQLITE_NOTADB else None
    tables = [row[0] for row in rows]
    if not tables or _OWN_TABLE in tables:
        return None
    named = ", ".join(tables[:_TABLES_NAMED])
    more = len(tables) - _TABLES_NAMED
    if more > 0:
        named += f" and {more} more"
    # a new name beside it, never its own ("staffpulse.db" may be the other program's file)
    new = next(n for n in ("staffpulse.db", "staffpulse-store.db") if n != path.name)
    return StoreError(
        f"{path} is not a staffpulse store: it is another program's SQLite database (its "
        f"tables: {named}); staffpulse wrote nothing into it",
        hint="check that --db (or STAFFPULSE_DB) names your store (import says where it saved "
        "one), or give a new file name to start a new store, e.g. --db "
        + shlex.quote(str(path.with_name(new))),
    )


def _not_sqlite(path: Path) -> StoreError:
    return StoreError(
        f"cannot open the store at {path}: it is not a staffpulse store (not an SQLite file)",
        hint="check that --db names your store (import says where it saved one), or give a"
        " new file name to start a new store",
    )
