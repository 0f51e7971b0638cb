"""Posts of a staffpulse CSV or JSONL whose text is blank, decided where the store is known.

A post whose text is blank and says nothing else (a text cell left empty, or lost in a
spreadsheet) would count as a post no one can read, in the rates and the Voice pillar alike.
But a blank text is also how a file updates a post's counts only (``id,author,text,likes``
with the text left blank): a blank keeps the stored value (docs/formats.md). So a blank-text post is
kept when the store already holds the post with a text, or when the same file gives its text
on another line, before or after it; a line before its text is held back and written just
before that line, so the later line's values win as they would have. One that never gets a
text is skipped and told on its line, and so is its author's bare account (the one the file
makes for a post's author, :mod:`staffpulse.sources.native_authors`): it is written with the
first post of that author that is kept, so an author whose every post was skipped is no account
with 0 posts in ``staffpulse accounts``. A repost, a quote and a picture or link posted alone
(its address under ``urls``) say something without a text and are never held. The sources
stay pure transformers: they give every post as written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace

from staffpulse.models import Account, Post
from staffpulse.sources.base import Problem
from staffpulse.store.codec import ids_by_platform, rows_where_in
from staffpulse.store.core import Record
from staffpulse.store.tally import ONE_RECORD_A_LINE

_WITH_TEXT = "SELECT id FROM posts WHERE platform = ? AND text != '' AND id IN ({marks})"
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


def _bare_accounts(record: Record) -> tuple[Account, ...]:
    """The bare accounts ``record`` holds when it is the one a staffpulse file made for the
    authors of its posts (on no line of its own); () for any other record."""
    if record.provenance.source not in ONE_RECORD_A_LINE or record.provenance.line is not None:
        return ()
    if not all(isinstance(row, Account) for row in record.rows):
        return ()
    return tuple(row for row in record.rows if isinstance(row, Account))


class BlankTexts:
    """The blank-text posts of one file: kept, held until their text comes, or told; and
    the bare accounts of their authors, held until a post of theirs is kept."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._given: set[tuple[str, str]] = set()  # posts this file gave with a text
        self._held: dict[tuple[str, str], list[Record]] = {}
        self._authors: dict[tuple[str, str], Record] = {}  # bare accounts, by (platform, id)

    def sort(self, batch: list[Record]) -> list[Record]:
        """``batch`` to write: a blank-text post whose text is nowhere yet left out (held),
        and the held lines of a post put back just before the line that gives its text; each
        bare account just before the first kept post of its author."""
        kept: list[Record] = []
        stored = self._stored_with_text(batch)  # one question to the store a batch
        for record in batch:
            if accounts := _bare_accounts(record):
                for account in accounts:
                    key = (account.platform, account.id)
                    self._authors[key] = replace(record, rows=(account,))
                continue
            post = _says_nothing(record)
            released = [record]
            if post is None:
                for row in record.rows:
                    if isinstance(row, Post) and row.text.strip():
                        key = (row.platform, row.id)
                        self._given.add(key)
                        released[:0] = self._held.pop(key, [])
            elif (key := (post.platform, post.id)) not in self._given and key not in stored:
                self._held.setdefault(key, []).append(record)
                continue
            # a blank one kept: its counts update the post; its text is kept
            for line in released:
                kept.extend(self._author_of(line))
                kept.append(line)
        return kept

    def _author_of(self, record: Record) -> list[Record]:
        """The bare accounts still held of the authors of ``record``'s posts, now due."""
        keys = [(row.platform, row.author_id) for row in record.rows if isinstance(row, Post)]
        return [self._authors.pop(key) for key in keys if key in self._authors]

    def _stored_with_text(self, batch: list[Record]) -> set[tuple[str, str]]:
        """The blank-text posts of ``batch`` the store holds with a text (nothing of the
        batch is written yet)."""
        blank = (post for record in batch if (post := _says_nothing(record)) is not None)
        found: set[tuple[str, str]] = set()
        for platform, ids in ids_by_platform((p.platform, p.id) for p in blank).items():
            rows = rows_where_in(self._conn, _WITH_TEXT, (platform,), ids)
            found.update((platform, row[0]) for row in rows)
        return found

    def unsaid(self) -> Iterator[Problem]:
        """The lines of posts the file never gave a text, each a record skipped (the bare
        accounts of authors none of whose posts was kept are dropped with them)."""
        held = (record for records in self._held.values() for record in records)
        for record in sorted(held, key=lambda r: r.provenance.line or 0):
            yield Problem(record.provenance.location, record.provenance.line, BLANK_TEXT)
        self._held = {}
        self._authors = {}
