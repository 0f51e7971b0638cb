"""The stored posts an account export lacks: posts deleted on the platform, most likely.

A platform's "download your data" export (a Bluesky ``repo.car``, a Mastodon archive's
outbox, an X archive's tweets) is the whole account as of the export. A post the store got
from an earlier import or fetch that a newer export no longer holds was most likely deleted
since, yet it stays in the store and still counts (the audit, the inbox). The import tells
how many: of the account's own posts, only those dated within the export's span, so the
posts the export predates or that came after it are not called missing. Nothing is deleted
unless the user asks (``staffpulse import --remove-deleted``): an export can be partial (cut
short, a record skipped, a file missing from an archive), and only the user can tell it is
whole; even then the import refuses when it found the export partial
(:func:`removal_refused`).
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from staffpulse.models import Post
from staffpulse.next_steps import (
    NAMED_ABOVE,
    REMOVE_AGAIN,
    REMOVE_AS_SAID,
    REMOVE_FROM_ZIP,
    REMOVE_WHOLE_ARCHIVE,
)
from staffpulse.report.counts import count_of, join_and
from staffpulse.store.codec import format_time

# The sources whose files are a whole account, as the platform exported it
WHOLE_ACCOUNT_SOURCES = frozenset({"bluesky-repo", "mastodon-archive", "x-archive"})
# What to do when posts of an export were lost to unreadable files, so none was removed
EXPORT_AGAIN = f"download the export again, then {REMOVE_AGAIN.say()}"


@dataclass(frozen=True, slots=True)
class MissingPosts:
    """The stored posts (``post_ids``) of the account (``platform``, ``account_id``) dated
    within the export's span that the export does not hold; ``handle`` as the store now
    names it."""

    platform: str
    account_id: str
    handle: str
    post_ids: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.post_ids)


@dataclass
class ExportPosts:
    """The posts of one account export, gathered as its records are imported."""

    ids: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # author -> post ids
    first: dict[tuple[str, str], datetime] = field(default_factory=dict)
    last: dict[tuple[str, str], datetime] = field(default_factory=dict)

    def add(self, source: str, rows: tuple[object, ...]) -> None:
        """Gather the posts of one record, if it comes from an account export."""
        if source not in WHOLE_ACCOUNT_SOURCES:
            return
        for row in rows:
            if not isinstance(row, Post) or not row.author_id:
                continue
            author = (row.platform, row.author_id)
            self.ids.setdefault(author, set()).add(row.id)
            if row.created_at is not None:
                when = row.created_at
                self.first[author] = min(self.first.get(author, when), when)
                self.last[author] = max(self.last.get(author, when), when)

    def missing(self, conn: sqlite3.Connection) -> MissingPosts | None:
        """The stored posts of the export's account it does not hold, if any. The account is
        the author of most of its posts (an export may name others: a quoted post's)."""
        if not self.ids:
            return None
        counts = Counter({author: len(ids) for author, ids in self.ids.items()})
        author = counts.most_common(1)[0][0]
        if author not in self.first:
            return None
        platform, account_id = author
        stored = conn.execute(
            "SELECT id FROM posts INDEXED BY posts_by_author WHERE platform = ?"
            " AND author_id = ? AND created_at >= ? AND created_at <= ?",
            (platform, account_id, format_time(self.first[author]), format_time(self.last[author])),
        )
        held = self.ids[author]
        lacking = tuple(sorted(post_id for (post_id,) in stored if post_id not in held))
        if not lacking:
            return None
        row = conn.execute(
            "SELECT handle FROM accounts WHERE platform = ? AND id = ?", (platform, account_id)
        ).fetchone()
        return MissingPosts(platform, account_id, row[0] if row else account_id, lacking)


def removal_refused(
    skipped: int,
    missing_files: int,
    *,
    lone_file: bool = False,
    unchecked: bool = False,
    lost_in: Sequence[str] = (),
    unread: Sequence[str] = (),
) -> str | None:
    """Why the posts an export lacks must not be removed although the user may ask, and what
    to do instead; None when the export was read whole.

    ``skipped`` records of the export could not be read (in the files ``lost_in``), files of
    it could not be read at all (``unread``: a damaged ZIP member), ``missing_files`` of its
    files that held posts are not there (a followers file missing hides no post), it is one
    file of an archive given alone (``lone_file``), or an archive with no list of its files to
    check it against (``unchecked``): the posts the rest held look deleted, and removing them
    would lose them. The files are named, so that the user knows which one to mend."""
    if lone_file:
        return (
            "only this file of the archive was imported, not the whole archive, whose other "
            f"files may hold those posts: {REMOVE_WHOLE_ARCHIVE.say()}"
        )
    if missing_files:
        files = "a file" if missing_files == 1 else f"{missing_files:,} files"
        return (
            f"{files} of the archive {'is' if missing_files == 1 else 'are'} missing "
            f"{NAMED_ABOVE.say(verb='is')}: {REMOVE_AS_SAID.say()}"
        )
    if unchecked:
        return (
            "the archive has no manifest.js listing its files, so whether one is missing "
            f"cannot be told: {REMOVE_FROM_ZIP.say()}"
        )
    if skipped or unread:
        lost = []
        if skipped:
            records = "a record" if skipped == 1 else f"{skipped:,} records"
            where = f", in {name_files(lost_in)}" if lost_in else ""
            lost.append(f"{records} of the export could not be read{where}")
        if unread:
            lost.append(f"{name_files(unread)} could not be read at all")
        files = "that file" if len({*lost_in, *unread}) <= 1 else "those files"
        return (
            f"{join_and(lost)} {NAMED_ABOVE.say(verb='may be')}: a post lost there would look "
            f"deleted, so none was removed; correct {files} or {EXPORT_AGAIN}"
        )
    return None


def name_files(names: Sequence[str]) -> str:
    """The files named, each once and up to three ("a, b, c and 2 more files"), as the
    problems above name them."""
    shown = list(dict.fromkeys(names))
    more = len(shown) - 3
    return join_and([*shown[:3], count_of(more, "more file") if more > 0 else ""])
