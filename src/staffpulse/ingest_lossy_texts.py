"""Texts a spreadsheet saved without UTF-8: each emoji or letter it could not write became "?".

A staffpulse CSV opened in Excel and saved as plain "CSV" (not "CSV UTF-8") comes back with
"We are hiring! ??" where the post said "We are hiring! 🎉". Imported again, that text replaced
the stored one: every emoji of the client's posts lost, told only as "updated". A post of a
staffpulse CSV or JSONL whose text is the stored text with "?" in place of characters outside
ASCII keeps the stored text, and the file is told once.
A text that differs in anything else is the file's: a post edited since is updated.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import replace

from staffpulse.models import Account, Follow, Post
from staffpulse.report.counts import count_of
from staffpulse.store.codec import ids_by_platform, rows_where_in
from staffpulse.store.core import Record
from staffpulse.store.tally import ONE_RECORD_A_LINE

_LOST_RE = re.compile(r"[^\x00-\x7f?]+")  # what a save without UTF-8 may turn into "?"


def lost_only_to_marks(text: str, stored: str) -> bool:
    """Whether ``text`` is ``stored`` with characters outside ASCII written as "?": the two
    the same once those characters and every "?" are taken out (linear, whatever the text)."""
    if "?" not in text or text == stored or stored.isascii():
        return False
    return _LOST_RE.sub("", text).replace("?", "") == _LOST_RE.sub("", stored).replace("?", "")


class LossyTexts:
    """The posts of one file whose text only lost characters to "?": written with the
    stored text (:meth:`keep`, batch by batch), and told once (:meth:`note`)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.count = 0
        self.first: tuple[int | None, str] | None = None  # (line, post id)

    def keep(self, records: list[Record]) -> list[Record]:
        """``records`` with each post whose text lost characters to "?" given the stored
        text back."""
        marked = {
            (row.platform, row.id): row.text
            for record in records
            if record.provenance.source in ONE_RECORD_A_LINE
            for row in record.rows
            if isinstance(row, Post) and "?" in row.text
        }
        if not marked:
            return records
        stored: dict[tuple[str, str], str] = {}
        sql = "SELECT id, text FROM posts WHERE platform = ? AND id IN ({marks})"
        for platform, ids in ids_by_platform(set(marked)).items():
            for found in rows_where_in(self.conn, sql, (platform,), ids):
                key = (platform, found["id"])
                if lost_only_to_marks(marked[key], found["text"] or ""):
                    stored[key] = found["text"]
        if not stored:
            return records
        return [self._kept(record, stored) for record in records]

    def _kept(self, record: Record, stored: dict[tuple[str, str], str]) -> Record:
        def kept(row: Account | Post | Follow) -> Account | Post | Follow:
            if not isinstance(row, Post) or (row.platform, row.id) not in stored:
                return row
            self.count += 1
            if self.first is None:
                self.first = (record.provenance.line, row.id)
            return replace(row, text=stored[(row.platform, row.id)])

        if record.provenance.source not in ONE_RECORD_A_LINE:
            return record
        rows = tuple(map(kept, record.rows))
        return record if rows == record.rows else replace(record, rows=rows)

    def note(self) -> str | None:
        """What the file is told of the texts it kept; None when it kept none."""
        if self.first is None:
            return None
        line, post_id = self.first
        one = self.count == 1
        where = f"line {line:,}, post {post_id}" if line else f"post {post_id}"
        return (
            f'{count_of(self.count, "post")} of this file {"has" if one else "have"} "?" where'
            f" the stored text has an emoji or a letter ({where}): the file was saved without"
            f" UTF-8, so the stored {'text was' if one else 'texts were'} kept. In Excel, save"
            ' it as "CSV UTF-8" to keep emoji and accents'
        )
