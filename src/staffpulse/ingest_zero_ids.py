"""Post ids a spreadsheet saved without their leading zeros ("007" saved again as 7).

A staffpulse CSV or JSONL numbers its posts as the person who made it chose. Opened and saved
again in Excel, a column of "007", "012" is read as numbers and written 7, 12; imported again,
every post was stored a second time and counted twice by audits. A post of a staffpulse file
whose id is digits is matched to the stored post on the same platform whose id is the same
number with other leading zeros, when the two have the same author and the same text (its
letters and digits), or a near text posted at the same minute: the same post, written under
the id the store holds, and the file told once.

Never merged: two firms' posts numbered alike (their authors differ), one firm's posts
numbered anew in another sheet (their texts differ, even on the same date), a post whose own
id is stored already, two ids the file itself holds ("7" and "007" both), and the ids of other
formats (X's and Mastodon's are never written with zeros in front; a platform's id is the
platform's to say).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from difflib import SequenceMatcher

from staffpulse.models import Account, Follow, Post
from staffpulse.report.counts import count_of
from staffpulse.store.codec import format_time, ids_by_platform, rows_where_in
from staffpulse.store.core import Record
from staffpulse.store.tally import ONE_RECORD_A_LINE

WIDEST = 12  # the widest id looked for with zeros in front: "000000000007"
_DIGITS_RE = re.compile(r"[0-9]+")
_ALNUM_RE = re.compile(r"[^\W_]+")
NEAR_TEXT = 0.9  # a text this alike, at the same minute: one post, a word mended since


def zero_forms(post_id: str) -> list[str]:
    """The ids ``post_id`` may have been stored under with other leading zeros ("7": "07",
    "007", ...; "007": "7", "07", ...), itself first; [] for an id that is not digits."""
    if not _DIGITS_RE.fullmatch(post_id):
        return []
    bare = post_id.lstrip("0") or "0"
    padded = ("0" * (width - len(bare)) + bare for width in range(len(bare), WIDEST + 1))
    return list(dict.fromkeys((post_id, bare, *padded)))


def _other_forms(post_id: str, zero_led: bool) -> list[str]:
    """The other ids of :func:`zero_forms` the store may hold ``post_id`` under: only those
    without a leading zero when the store holds no id with one (``zero_led`` false)."""
    if zero_led:
        return zero_forms(post_id)[1:]
    bare = post_id.lstrip("0")  # of those forms, the one with no zero in front
    return [bare] if bare and bare != post_id else []


class ZeroStrippedIds:
    """The posts of one file whose ids lost or gained leading zeros since the store got
    them: each written under the stored id (:meth:`rewrite`, batch by batch, before it is
    written), and told once for the file (:meth:`note`)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.renamed: dict[tuple[str, str], str] = {}  # (platform, id in the file) -> stored id
        self.first: tuple[str, str, str] | None = None  # (id in the file, stored id, handle)
        self.in_file: set[tuple[str, str]] = set()  # the file's own ids so far: never merged

    def rewrite(self, records: list[Record]) -> list[Record]:
        """``records`` with each post matched to a stored one under the stored id, and the
        links of the file's posts to it rewritten too."""
        posts = [
            row
            for record in records
            # the staffpulse CSV and JSONL: a person numbers their posts, a spreadsheet re-saves
            if record.provenance.source in ONE_RECORD_A_LINE
            for row in record.rows
            if isinstance(row, Post) and _DIGITS_RE.fullmatch(row.id)
        ]
        if posts:
            self._match(posts)
        if not self.renamed:
            return records
        return [self._rewritten(record) for record in records]

    def _match(self, posts: Sequence[Post]) -> None:
        self.in_file.update((post.platform, post.id) for post in posts)
        zero_led = {
            platform for platform in {p.platform for p in posts} if self._zero_led(platform)
        }
        others = [(post, _other_forms(post.id, post.platform in zero_led)) for post in posts]
        others = [(post, forms) for post, forms in others if forms]
        wanted = {(post.platform, form) for post, forms in others for form in (post.id, *forms)}
        stored: dict[tuple[str, str], sqlite3.Row] = {}
        sql = (
            "SELECT id, author_id, author_handle, text, created_at FROM posts"
            " WHERE platform = ? AND id IN ({marks})"
        )
        for platform, ids in ids_by_platform(wanted).items():
            for found in rows_where_in(self.conn, sql, (platform,), ids):
                stored[(platform, found["id"])] = found
        for post, forms in others:
            if (post.platform, post.id) in stored:
                continue  # stored under its own id: the same post, nothing to match
            for form in forms:
                row = stored.get((post.platform, form))
                if (
                    row is not None
                    and (post.platform, form) not in self.in_file
                    and _same(post, row)
                ):
                    self.renamed[(post.platform, post.id)] = form
                    if self.first is None:
                        self.first = (post.id, form, post.author_handle or post.author_id)
                    break

    def _zero_led(self, platform: str) -> bool:
        """Whether the store holds a post id with a leading zero on ``platform``: without one,
        no id of the file is looked up with zeros put in front (~8 ids a post, every import)."""
        sql = "SELECT 1 FROM posts WHERE platform = ? AND id >= '0' AND id < '1' LIMIT 1"
        return self.conn.execute(sql, (platform,)).fetchone() is not None

    def _rewritten(self, record: Record) -> Record:
        rows = tuple(map(self._renamed, record.rows))
        if all(new is old for new, old in zip(rows, record.rows, strict=True)):
            return record  # nothing of it renamed, as most records of the file: not copied
        return replace(record, rows=rows)

    def _renamed(self, row: Account | Post | Follow) -> Account | Post | Follow:
        if not isinstance(row, Post):
            return row
        platform = row.platform
        ids = (row.id, row.reply_to_post_id, row.quoted_post_id, row.reposted_post_id)
        if not any((platform, target) in self.renamed for target in (*ids, row.conversation_id)):
            return row  # none of its ids renamed: not copied (a copy costs ~16 µs a post)

        def home(target: str | None) -> str | None:
            return self.renamed.get((platform, target), target) if target else target

        return replace(
            row,
            id=self.renamed.get((platform, row.id), row.id),
            reply_to_post_id=home(row.reply_to_post_id),
            quoted_post_id=home(row.quoted_post_id),
            reposted_post_id=home(row.reposted_post_id),
            conversation_id=home(row.conversation_id),
        )

    def note(self) -> str | None:
        """What the file is told of its posts stored under the ids with their zeros; None
        when there were none."""
        if self.first is None:
            return None
        count = len(self.renamed)
        file_id, stored_id, handle = self.first
        one = count == 1
        return (
            f"{count_of(count, 'post')} of this file {'has an id' if one else 'have ids'} that a"
            f" spreadsheet saved without {'its' if one else 'their'} leading zeros ({file_id}"
            f" here, {stored_id} in the store, by @{handle}): the same author and text (or a near"
            f" text the same minute) as the stored {'post' if one else 'posts'}, so {'it was' if one else 'each was'}"
            " stored once, under the id the store holds. To keep such ids as they are, format"
            " the id column as Text in the spreadsheet before saving it"
        )


def _same(post: Post, row: sqlite3.Row) -> bool:
    """Whether a post of the file and a stored one are the same post: by the same author,
    with the same text (letters and digits: a spreadsheet saved without UTF-8 turns an emoji
    into "?"), or at the same minute of a day with a near text (a typo mended in the sheet).
    A date without its time is no proof: a firm posts twice a day, numbered anew elsewhere."""
    handle = (post.author_handle or "").lower()
    author = post.author_id == row["author_id"] or (
        bool(handle) and handle == (row["author_handle"] or "").lower()
    )
    if not author:
        return False
    text, stored = _letters(post.text), _letters(row["text"] or "")
    if text == stored:
        return bool(text) or _same_minute(post, row)
    near = SequenceMatcher(None, text, stored).ratio() >= NEAR_TEXT
    return near and _same_minute(post, row)


def _letters(text: str) -> str:
    """A text as its letters and digits, lowercased: what a re-save leaves of it."""
    return "".join(_ALNUM_RE.findall(text.lower()))


def _same_minute(post: Post, row: sqlite3.Row) -> bool:
    """Whether the two were posted at the same minute, a time of day given (not midnight, as
    a date without a time is read)."""
    when = format_time(post.created_at)
    if when is None or row["created_at"] is None or when[11:16] == "00:00":
        return False
    return bool(when[:16] == str(row["created_at"])[:16])
