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

import sqlite3
from collections.abc import Sequence

from staffpulse.sources.repeated_entries import CHECK_FILE, CHECK_FILES, told_repeats
from staffpulse.store.core import Record
from staffpulse.store.tally import ONE_RECORD_A_LINE
from staffpulse.store.write_batch import Payload

_TABLE = """
CREATE TEMP TABLE IF NOT EXISTS import_lines (
    digest BLOB PRIMARY KEY,
    file TEXT NOT NULL,  -- where the payload came first: its file (an archive has several)
    line INTEGER NOT NULL,  -- and line there
    again_file TEXT,  -- the first line repeating it: its file
    again_line INTEGER,  -- and line there
    again_seq INTEGER,  -- and when it was read, so the earliest repeat is the example
    hits INTEGER NOT NULL  -- how many later lines repeat it
) WITHOUT ROWID
"""
_ADD = (
    "INSERT INTO temp.import_lines VALUES (?1, ?2, ?3, NULL, NULL, NULL, 0)"
    " ON CONFLICT(digest) DO UPDATE SET hits = hits + 1,"
    " again_file = COALESCE(again_file, excluded.file),"
    " again_line = COALESCE(again_line, excluded.line),"
    " again_seq = COALESCE(again_seq, ?4)"
)


class RepeatedLines:
    """The lines of the current file that repeat an earlier one. Call :meth:`start_file`
    before each file's records, :meth:`add` with each batch, :meth:`note` after them."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.read = 0  # entries read in the current file, in order
        conn.execute(_TABLE)
        self.start_file()

    def start_file(self) -> None:
        self.conn.execute("DELETE FROM temp.import_lines")
        self.read = 0

    def add(self, records: Sequence[Record], payloads: Sequence[Payload | None]) -> None:
        """Take a batch's records, with their :func:`raw_payloads` (the store's digests)."""
        rows = []
        for record, payload in zip(records, payloads, strict=True):
            where = record.provenance
            if payload is None or where.line is None or where.source in ONE_RECORD_A_LINE:
                continue  # the staffpulse formats' repeats are told by the tally
            self.read += 1
            rows.append((bytes.fromhex(payload[0]), where.location, where.line, self.read))
        if not rows:
            return
        self.conn.execute("BEGIN")  # one transaction a batch, not one a line
        try:
            self.conn.executemany(_ADD, rows)
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def note(self, location: str) -> str | None:
        """What the current file, read from ``location``, is told of its repeated lines; None
        if it repeats none. A folder or ZIP read as one export (an X archive) has several
        files, so there each line is named with its file."""
        (extra,) = self.conn.execute(
            "SELECT SUM(hits) FROM temp.import_lines WHERE hits > 0"
        ).fetchone()
        if not extra:
            return None
        # the example is the earliest repeat and the line it repeats
        file, line, again_file, again_line = self.conn.execute(
            "SELECT file, line, again_file, again_line FROM temp.import_lines"
            " WHERE hits > 0 ORDER BY again_seq LIMIT 1"
        ).fetchone()
        check = CHECK_FILE
        if file == again_file and again_line != line:
            # one file of an archive (its outbox.json) is named with the lines
            of = "" if file == location else f" of {file}"
            where = f"line {again_line:,} repeats line {line:,}{of}"
        elif file == again_file == location:
            where = f"twice on line {line:,}"  # a list of tweets on one line, or a JSON file
        elif (file, line) == (again_file, again_line):
            where = f"twice on {file}:{line}"
        else:
            where = f"{again_file}:{again_line} repeats {file}:{line}"
            check = CHECK_FILES
        return told_repeats(extra, where, check)

    def close(self) -> None:
        self.conn.execute("DELETE FROM temp.import_lines")
