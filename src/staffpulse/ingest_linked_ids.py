"""X Analytics rows whose id a spreadsheet rounded, read whole from their links, checked
against the posts other files stored.

A row of an X Analytics export opened and saved in Excel has its id rounded (``1.6E+18``); its
link keeps the id whole, so the reader takes the id from there
(:mod:`staffpulse.sources.x_analytics`), and within the file two rows of other texts that give
one link are told. A link pasted over from another row of the same minute, though, can name a
post that another file (the archive, an earlier export) stored already: written, the row's text
replaced that post's, silently. Such a row is skipped instead, and told with its line, the
post it names and the file that holds it; a row whose text is the stored post's (the same
post, in two files) is written as ever.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping
from difflib import SequenceMatcher

from staffpulse.models import Post
from staffpulse.sources.base import Notice, Problem
from staffpulse.sources.written import is_rounded_id
from staffpulse.sources.x_analytics import ID, SOURCE_NAME, LinkedIdsNote
from staffpulse.store.codec import ids_by_platform, rows_where_in
from staffpulse.store.core import Record

NEAR_TEXT = 0.9  # a text this alike is the same post (an entity written out, a link cut)
_URL_RE = re.compile(r"https?://\S+")
_ALNUM_RE = re.compile(r"[^\W_]+")
_STORED_SQL = (
    "SELECT posts.id, posts.text, raw_payloads.location FROM posts"
    " LEFT JOIN raw_payloads ON raw_payloads.id = posts.raw_id"
    " WHERE posts.platform = ? AND posts.id IN ({marks})"
)


def letters_of(text: str) -> str:
    """The letters and digits of ``text``, its links left out (t.co links differ by copy)."""
    return "".join(_ALNUM_RE.findall(_URL_RE.sub(" ", text))).casefold()


def same_text(text: str, stored: str) -> bool:
    """Whether ``text`` and ``stored`` are one post's text, as two exports write it."""
    mine, theirs = letters_of(text), letters_of(stored)
    return mine == theirs or SequenceMatcher(None, mine, theirs).ratio() >= NEAR_TEXT


def _read_from_link(record: Record) -> bool:
    """Whether ``record`` is an X Analytics row whose id was rounded: read from its link."""
    raw = record.raw
    if record.provenance.source != SOURCE_NAME or not isinstance(raw, Mapping):
        return False
    return any(is_rounded_id(str(raw.get(name) or "").strip()) for name in ID)


class LinkedIds:
    """The rows of one file whose id, read from a link, names another file's post of
    another text: held back (:meth:`keep`, batch by batch) and told (:meth:`problems`)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.skipped: list[Problem] = []

    def keep(self, records: list[Record]) -> list[Record]:
        """``records`` without the rows whose linked post another file stored, of another
        text."""
        linked = {
            (row.platform, row.id): row
            for record in records
            if _read_from_link(record)
            for row in record.rows
            if isinstance(row, Post)
        }
        if not linked:
            return records
        clashes: dict[tuple[str, str], str] = {}  # (platform, id) -> the file holding it
        for platform, ids in ids_by_platform(set(linked)).items():
            for found in rows_where_in(self.conn, _STORED_SQL, (platform,), ids):
                key = (platform, found["id"])
                location = found["location"] or ""
                if location == records[0].provenance.location:
                    continue  # this file's own post: the reader checks its rows
                if not same_text(linked[key].text, found["text"] or ""):
                    clashes[key] = location
        if not clashes:
            return records
        kept: list[Record] = []
        for record in records:
            post = next((r for r in record.rows if isinstance(r, Post)), None)
            clash = None if post is None else clashes.get((post.platform, post.id))
            if post is None or clash is None or not _read_from_link(record):
                kept.append(record)
                continue
            self.skipped.append(self._problem(record, post.id, clash))
        return kept

    @staticmethod
    def _problem(record: Record, post_id: str, holder: str) -> Problem:
        where = f" ({holder})" if holder else ""
        return Problem(
            record.provenance.location,
            record.provenance.line,
            f"its id was rounded by a spreadsheet and its link names post {post_id}, which"
            f" the store already holds from another file{where} with another text: the link"
            " was pasted over from another row, so this row's post is not known and it was"
            " skipped (the stored post kept). To import it, export the file from X Analytics"
            " again and import that file as X wrote it, not opened and saved in a spreadsheet",
        )

    def problems(self) -> list[Problem]:
        """The rows held back, each a record skipped."""
        return self.skipped

    def recounted(self, notices: list[Notice]) -> list[Notice]:
        """``notices`` with the reader's note of the rows read from their links told without
        the rows held back: it said "nothing was lost" of them too."""
        lines = {problem.line for problem in self.skipped if problem.line is not None}
        if not lines:
            return notices
        told = (n.without(lines) if isinstance(n, LinkedIdsNote) else n for n in notices)
        return [notice for notice in told if notice is not None]
