"""Post ids a spreadsheet saved without their leading zeros ("007" saved again as 7).

A staffpulse CSV or JSONL numbers its posts as the person who made it chose. Opened and saved
again in Excel, a column of "007", "012" is read as numbers and written 7, 12; imported again,
every post was stored a second time and counted twice by audits. A post of a staffpulse file
whose id is digits is matched to the stored post on the same platform whose id is the same
number with other leading zeros, when the two have the same author and the same text (its
letters and digits), or a near text posted at the same minute: the same post, written under
the id the store holds, and the file told once.

A reply, quote or repost of such a file whose target is not in it (the file holds the reply
only, its parent imported before) names the target as the spreadsheet left it ("7"): when the
store holds no post "7" on the platform and exactly one post under another zero form of it
("007"), the link is written to that post, and told.

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
from typing import TypeVar

from staffpulse.models import Account, Follow, Post
from staffpulse.report.counts import count_of
from staffpulse.store.codec import format_time, ids_by_platform, rows_where_in
from staffpulse.store.core import Record
from staffpulse.store.tally import ONE_RECORD_A_LINE

_T = TypeVar("_T")
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
        self.authors: set[tuple[str, str]] = set()  # (platform, author id) of its posts so far
        # (platform, a link's target in the file) -> stored id: only links, never a post's id
        self.linked: dict[tuple[str, str], str] = {}
        self.links_first: tuple[str, str] | None = None  # (target in the file, stored id)
        self.links_rewritten = 0  # the posts whose links were

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
            self._link(posts)
        if not self.renamed and not self.linked:
            return records
        return [self._rewritten(record) for record in records]

    def _match(self, posts: Sequence[Post]) -> None:
        self.in_file.update((post.platform, post.id) for post in posts)
        others = self._with_other_forms([(post.platform, post.id, post) for post in posts])
        stored = self._stored(
            {(p.platform, form) for p, forms in others for form in (p.id, *forms)}
        )
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

    def _link(self, posts: Sequence[Post]) -> None:
        """Note the targets of the file's links (a reply's parent, a quoted or reposted post)
        that are in neither the file nor the store as written, but in the store under exactly
        one other zero form: the id a spreadsheet re-save changed. That post must be by an
        author of the file: a sheet's own thread, never another firm's post numbered alike."""
        self.authors.update((post.platform, post.author_id) for post in posts)
        # each target tested against the file's ids so far, never a union of them built per
        # batch (a 300,000-post file would copy its ids 150 times)
        targets = {
            key
            for post in posts
            for target in _targets(post)
            if target and _DIGITS_RE.fullmatch(target)
            if (key := (post.platform, target)) not in self.in_file
            and key not in self.renamed
            and key not in self.linked
        }
        others = self._with_other_forms([(platform, t, (platform, t)) for platform, t in targets])
        stored = self._stored(
            {(platform, form) for (platform, t), forms in others for form in (t, *forms)}
        )
        for (platform, target), forms in others:
            found = [form for form in forms if (platform, form) in stored]
            if (platform, target) in stored or len(found) != 1:
                continue  # stored as written, or no one post it can be: left as it is
            if (platform, stored[(platform, found[0])]["author_id"]) not in self.authors:
                continue  # another author's post numbered alike: no sign it is the one
            self.linked[(platform, target)] = found[0]
            if self.links_first is None:
                self.links_first = (target, found[0])

    def _with_other_forms(self, ids: list[tuple[str, str, _T]]) -> list[tuple[_T, list[str]]]:
        """Each (platform, id, what) with the other ids the store may hold it under
        (:func:`_other_forms`), those with none left out."""
        zero_led = {platform for platform in {p for p, _i, _w in ids} if self._zero_led(platform)}
        others = [
            (what, _other_forms(post_id, platform in zero_led)) for platform, post_id, what in ids
        ]
        return [(what, forms) for what, forms in others if forms]

    def _stored(self, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], sqlite3.Row]:
        """The stored posts of ``wanted`` (platform, id), by them."""
        stored: dict[tuple[str, str], sqlite3.Row] = {}
        sql = (
            "SELECT id, author_id, author_handle, text, created_at FROM posts"
            " WHERE platform = ? AND id IN ({marks})"
        )
        for platform, ids in ids_by_platform(wanted).items():
            for found in rows_where_in(self.conn, sql, (platform,), ids):
                stored[(platform, found["id"])] = found
        return stored

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
        if not any(
            (platform, target) in self.renamed or (platform, target) in self.linked
            for target in (*ids, row.conversation_id)
        ):
            return row  # none of its ids renamed: not copied (a copy costs ~16 µs a post)

        def home(target: str | None) -> str | None:
            if not target:
                return target
            key = (platform, target)
            return self.renamed.get(key) or self.linked.get(key, target)

        if any((platform, target) in self.linked for target in _targets(row)):
            self.links_rewritten += 1
        return replace(
            row,
            id=self.renamed.get((platform, row.id), row.id),
            reply_to_post_id=home(row.reply_to_post_id),
            quoted_post_id=home(row.quoted_post_id),
            reposted_post_id=home(row.reposted_post_id),
            conversation_id=home(row.conversation_id),
        )

    def note(self) -> str | None:
        """What the file is told of its posts stored under the ids with their zeros and of its
        links written to them (both in one note when a file has both); None when there were
        none."""
        told = [said for said in (self._renamed_note(), self._links_note()) if said]
        if not told:
            return None
        columns = "columns" if self.links_first is not None else "column"
        return (
            ". ".join(told) + ". To keep such ids as they are, format the id"
            f" {columns} as Text in the spreadsheet before saving it"
        )

    def _renamed_note(self) -> str | None:
        if self.first is None:
            return None
        count = len(self.renamed)
        file_id, stored_id, handle = self.first
        one = count == 1
        return (
            f"{count_of(count, 'post')} of this file {'has an id' if one else 'have ids'} that a"
            f" spreadsheet saved without {'its' if one else 'their'} leading zeros ({file_id}"
            f" here, {stored_id} in the store, by @{handle}): the same author and text (or a"
            f" near text the same minute) as the stored {'post' if one else 'posts'}, so"
            f" {'it was' if one else 'each was'} stored once, under the id the store holds"
        )

    def _links_note(self) -> str | None:
        if self.links_first is None:
            return None
        count, (file_id, stored_id) = self.links_rewritten, self.links_first
        one = count == 1
        return (
            f"{count_of(count, 'post')} of this file {'replies' if one else 'reply'} to,"
            f" {'quotes' if one else 'quote'} or {'reposts' if one else 'repost'} a post by"
            f" an id a spreadsheet saved without its leading zeros ({file_id} here,"
            f" {stored_id} in the store): the store holds no post {file_id}, so"
            f" {'it was' if one else 'each was'} linked to the stored post"
        )


def _targets(post: Post) -> tuple[str | None, ...]:
    """The ids of the posts ``post`` links to: its parent, the post it quotes or reposts."""
    return (post.reply_to_post_id, post.quoted_post_id, post.reposted_post_id)


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
