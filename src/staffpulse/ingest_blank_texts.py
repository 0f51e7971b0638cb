"""Posts of a staffpulse CSV or JSONL whose text is blank, decided where the store is known.

A post whose text is blank and says nothing else (a text cell left empty, or lost in a
spreadsheet) would count as a post no one can read, in the rates and the Voice pillar alike.
But a blank text is also how a file updates a post's counts only (``id,author,likes`` with
the text left out): a blank keeps the stored value (docs/formats.md). So a blank-text post is
kept when the store already holds the post with a text, or when the same file gives its text
on another line, before or after it; a line before its text is held back and written just
before that line, so the later line's values win as they would have. One that never gets a
text is skipped and told on its line. A repost, a quote and a picture or link posted alone
(its address under ``urls``) say something without a text and are never held. The sources
stay pure transformers: they give every post as written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from staffpulse.models import Post
from staffpulse.sources.base import Problem
from staffpulse.store.core import Record
from staffpulse.store.tally import ONE_RECORD_A_LINE

BLANK_TEXT = (
    "post has an empty 'text', and neither this file nor the store has its text: write the "
    "post in it (for a picture or link posted alone, its address under 'urls'), or delete the "
    "record, and import the file again"
)


def _says_nothing(record: Record) -> Post | None:
    """The post of ``record`` when it is a hand-written post with a blank text only."""
    # the staffpulse CSV and JSONL: rows a person writes by hand or in a spreadsheet
    if record.provenance.source not in ONE_RECORD_A_LINE or len(record.rows) != 1:
        return None
    post = record.rows[0]
    if not isinstance(post, Post) or post.text.strip():
        return None
    if post.kind == "repost" or post.quoted_post_id or post.urls:
        return None
    return post


class BlankTexts:
    """The blank-text posts of one file: kept, held until their text comes, or told."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._given: set[tuple[str, str]] = set()  # posts this file gave with a text
        self._held: dict[tuple[str, str], list[Record]] = {}

    def sort(self, batch: list[Record]) -> list[Record]:
        """``batch`` to write: a blank-text post whose text is nowhere yet left out (held),
        and the held lines of a post put back just before the line that gives its text."""
        kept: list[Record] = []
        for record in batch:
            post = _says_nothing(record)
            if post is None:
                for row in record.rows:
                    if isinstance(row, Post) and row.text.strip():
                        key = (row.platform, row.id)
                        self._given.add(key)
                        kept.extend(self._held.pop(key, []))
                kept.append(record)
                continue
            key = (post.platform, post.id)
            if key in self._given or self._stored_with_text(key):
                kept.append(record)  # its counts update the post; its text is kept
            else:
                self._held.setdefault(key, []).append(record)
        return kept

    def _stored_with_text(self, key: tuple[str, str]) -> bool:
        found = self._conn.execute(
            "SELECT 1 FROM posts WHERE platform = ? AND id = ? AND text != ''", key
        ).fetchone()
        return found is not None

    def unsaid(self) -> Iterator[Problem]:
        """The lines of posts the file never gave a text, each a record skipped."""
        held = (record for records in self._held.values() for record in records)
        for record in sorted(held, key=lambda r: r.provenance.line or 0):
            yield Problem(record.provenance.location, record.provenance.line, BLANK_TEXT)
        self._held = {}
