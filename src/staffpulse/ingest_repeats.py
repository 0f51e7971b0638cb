"""Lines of a JSON, JSON Lines or other API-shaped file that repeat an earlier line exactly:
a file joined with itself, a download saved twice into one file, a spreadsheet's row pasted
twice.

The staffpulse CSV and JSONL tell a record declared on two lines (store/tally.py). In the
other formats the same post or account coming back is how they work (a twarc2 page carries
the author of every tweet; two overlapping searches hold the same tweets), so only a whole
entry (a response page, a tweet object, a row) found again byte for byte in its file is told:
its posts are stored once, nothing is lost, and the user learns that the file holds more
lines than posts. The payloads' digests are kept in a temporary table of the store's
connection, so a file of millions of lines is checked in constant memory.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable

from staffpulse.store.codec import payload_text
from staffpulse.store.core import Record
from staffpulse.store.tally import ONE_RECORD_A_LINE

_TABLE = """
CREATE TEMP TABLE IF NOT EXISTS import_lines (
    digest BLOB PRIMARY KEY,
    line INTEGER NOT NULL,  -- where the payload came first
    again INTEGER,  -- the first line repeating it
    hits INTEGER NOT NULL  -- how many later lines repeat it
) WITHOUT ROWID
"""
_ADD = (
    "INSERT INTO temp.import_lines VALUES (?1, ?2, NULL, 0) ON CONFLICT(digest) DO UPDATE SET"
    " hits = hits + 1, again = COALESCE(again, excluded.line)"
)


class RepeatedLines:
    """The lines of the current file that repeat an earlier one. Call :meth:`start_file`
    before each file's records, :meth:`add` with each batch, :meth:`note` after them."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        conn.execute(_TABLE)
        self.start_file()

    def start_file(self) -> None:
        self.conn.execute("DELETE FROM temp.import_lines")

    def add(self, records: Iterable[Record]) -> None:
        rows = [
            (_digest(record), record.provenance.line)
            for record in records
            if record.raw is not None
            and record.provenance.line is not None
            and record.provenance.source not in ONE_RECORD_A_LINE  # told by the tally
        ]
        if not rows:
            return
        self.conn.execute("BEGIN")  # one transaction a batch, not one a line
        try:
            self.conn.executemany(_ADD, rows)
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def note(self) -> str | None:
        """What the current file is told of its repeated lines; None if it repeats none."""
        extra, again = self.conn.execute(
            "SELECT SUM(hits), MIN(again) FROM temp.import_lines WHERE hits > 0"
        ).fetchone()
        if not extra:
            return None
        # the example is the earliest repeat and the line it repeats
        (first,) = self.conn.execute(
            "SELECT line FROM temp.import_lines WHERE again = ?", (again,)
        ).fetchone()
        one = extra == 1
        where = (
            f"line {again:,} repeats line {first:,}"
            if again != first
            else f"twice on line {first:,}"  # a list of tweets on one line, or a JSON file
        )
        return (
            f"{extra:,} {'entry repeats' if one else 'entries repeat'} an earlier one exactly"
            f" ({where}): the posts and accounts in {'it' if one else 'them'} were imported"
            " once, nothing is lost. Check that the file holds each entry once (a file joined"
            " with itself, or a download saved twice into it)"
        )

    def close(self) -> None:
        self.conn.execute("DELETE FROM temp.import_lines")


def _digest(record: Record) -> bytes:
    text = payload_text(record.raw)
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
