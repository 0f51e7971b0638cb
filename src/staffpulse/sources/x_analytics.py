"""The CSV of an account's posts that X Analytics exports (``tweet_activity_metrics_<handle>_
<start>_<end>_en.csv``, analytics.twitter.com › Tweets › Export data, "By Tweet"): what a
firm's marketer most often has at hand besides the archive. One post a row::

    "Tweet id","Tweet permalink","Tweet text","time","impressions","engagements",...,
    "retweets","replies","likes",...

Newer exports name the same columns ``Post id``, ``Post Link``, ``Post text``, ``Date`` and
``Reposts``; both are read. What the file is decides how it is read:

* It names no author: the account is the handle in each row's link
  (``https://twitter.com/rOpenSci/status/1465...``), and gets a bare account (id the
  lower-cased handle, no name or bio), which the store files under the account it holds with
  that handle (an archive's), as for any handle-only source.
* The ids are X's status ids, so a post imported from the archive or a fetch too is one post.
  Its time is read from the id (to the second, as the archive has it), the ``time`` column
  (to the minute) when the id carries none.
* Only the account's own posts are listed, never its reposts. A post that starts with
  ``@handle`` is a reply to that account, as X itself takes such a post; which post it answers
  the file does not say; the handles it starts with are whom it answers, not mentions (as in
  the archive). Links are X's ``t.co`` short links, kept in the text only.
* ``likes``, ``retweets`` (or ``reposts``) and ``replies`` are the counts, as of the export:
  dated by the newest post in the file (:mod:`staffpulse.sources.observed`). Impressions and
  clicks are not kept; ``-`` (the promoted columns of an unpromoted post) is no count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from staffpulse.models import Account, Post, PostKind, normalize_handle
from staffpulse.sources.bad_counts import BadCounts
from staffpulse.sources.base import Item, Notice, Problem, provenance, register
from staffpulse.sources.column_errors import RoundedIds
from staffpulse.sources.csv_decimals import DecimalMark
from staffpulse.sources.csv_preamble import csv_columns, header_test, table_records
from staffpulse.sources.csv_short_rows import cut_row_message
from staffpulse.sources.csv_tables import named_table, prepare_table
from staffpulse.sources.csvrows import CsvProblem, CsvRecord
from staffpulse.sources.folders import EXPLAINERS, WHAT_IT_IS
from staffpulse.sources.native_records import HASHTAG_RE, check_formula_error
from staffpulse.sources.reply_handles import OPENING_HANDLE_RE
from staffpulse.sources.written import (
    ROUNDED,
    ROUNDED_LOST,
    RoundedIdError,
    is_rounded_id,
    written_count,
    written_time,
)
from staffpulse.sources.x_entities import decode_x_text
from staffpulse.sources.x_ids import handle_account, status_link, time_of_tweet_id
from staffpulse.sources.zeroed_ids import zeroed_from
from staffpulse.store.core import Record

SOURCE_NAME = "x-analytics"
PLATFORM = "x"
# Each field under the names the classic and the newer exports give it (as column_key reads
# them: "Tweet permalink" is tweet_permalink).
ID = ("tweet_id", "post_id")
LINK = ("tweet_permalink", "post_link", "post_permalink")
TEXT = ("tweet_text", "post_text")
TIME = ("time", "date")
COUNTS = {"likes": ("likes",), "reposts": ("retweets", "reposts"), "replies": ("replies",)}
COUNT_COLUMNS = frozenset(name for names in COUNTS.values() for name in names)
# An X handle mentioned in a post (an e-mail address is no mention); the one a reply opens
# with, whom it answers, is read by OPENING_HANDLE_RE
X_MENTION_RE = re.compile(r"(?<![\w@])@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_@])")
# The handles a reply starts with: whom it answers, not mentions (X's own data, an archive's
# display_text_range, leaves them out of the text shown and of the mentions)
REPLY_PREFIX_RE = re.compile(r"^(?:\s*@[A-Za-z0-9_]{1,15}(?![A-Za-z0-9_@]))+")
AGAIN = "export the file from X Analytics again"  # what to do about a file cut short
# X writes its counts as digits: a "1.234" is a spreadsheet's, which saved the file again
COUNTS_AGAIN = (
    f"{AGAIN}, without opening and saving it in a spreadsheet (one set to another language can"
    " write 1234 as 1.234)"
)
NO_COUNT = "-"  # the promoted columns of a post that was not promoted
# Said once a file: without it the audit's advice to share more reads as a finding
NO_REPOSTS = (
    "X Analytics lists the account's own posts only, never its reposts: the audit counts none "
    "from this file; import the account's X archive as well (or fetch it) to count them"
)


def _first(row: Mapping[str, str], names: tuple[str, ...]) -> str:
    return next(((row.get(name) or "").strip() for name in names if row.get(name)), "")


def _count(row: Mapping[str, str], names: tuple[str, ...]) -> int | None:
    """The count under the first of ``names`` the row fills, as :func:`written_count` reads it
    (X's ``12.0``, ``12,0`` saved where the comma is the decimal mark); ``-`` is none. A
    :class:`CountError` names the row's column, for the reader to leave it out."""
    name = next((name for name in names if (row.get(name) or "").strip()), None)
    if name is None or row[name].strip() == NO_COUNT:
        return None
    return written_count(row, name)


@header_test
def is_analytics_header(columns: set[str]) -> bool:
    """An X Analytics export: an id, a link and a text column under its names, and
    ``impressions`` (no other tool's file has them all)."""
    return all(columns & set(names) for names in (ID, LINK, TEXT)) and "impressions" in columns


def rows_from_analytics(row: Mapping[str, str]) -> list[Account | Post]:
    """Pure transformer: one row of an X Analytics export → the author's bare account and the
    post. Raises ValueError naming what is wrong."""
    post_id = _first(row, ID)
    link = _first(row, LINK)
    linked = status_link(link)
    if is_rounded_id(post_id):  # opened in Excel and saved: its link keeps the id whole
        # the link vouches for the id when the rounded one is its own, or its id was written
        # in the row's minute (a rounded cell retyped or pasted over shows another number)
        if linked is None or not (
            _rounded_from(post_id, linked[1]) or _written_then(linked[1], _first(row, TIME))
        ):  # told once for the file
            raise RoundedIdError("Post id" if "post_id" in row else "Tweet id", post_id)
        post_id = linked[1]
    elif linked is not None and zeroed_from(post_id, linked[1]):  # 1600000000000000000
        post_id = linked[1]
    if not post_id.isdigit():
        raise ValueError(f"'Tweet id' should be an X post id (digits), got {post_id!r}")
    if linked is None or linked[0] is None:
        raise ValueError(
            f"'Tweet permalink' {link!r} is not a link to a post on X (x.com/<handle>/status/"
            "<id>): the row names no author without it"
        )
    handle = linked[0]
    # a reply, "@jane thanks!", re-saved by a spreadsheet that read it as a formula: #NAME?
    check_formula_error(_first(row, TEXT), "Post text" if "post_text" in row else "Tweet text")
    text = decode_x_text(_first(row, TEXT))
    replied = OPENING_HANDLE_RE.match(text)
    kind: PostKind = "reply" if replied else "original"
    prefix = REPLY_PREFIX_RE.match(text)
    shown = text[prefix.end() :] if prefix else text
    when = time_of_tweet_id(post_id) or written_time({"time": _first(row, TIME)}, "time")
    counts = {field: _count(row, names) for field, names in COUNTS.items()}
    post = Post(
        platform=PLATFORM,
        id=post_id,
        author_id=handle.lower(),
        author_handle=handle,
        text=text,
        created_at=when,
        kind=kind,
        reply_to_handle=normalize_handle(replied.group(1)) if replied else None,
        # the file names no conversation; an original's own id here would be written over
        # the archive's none for a reply in a thread (X lists those without "@")
        conversation_id=None,
        mentions=tuple(dict.fromkeys(m.lower() for m in X_MENTION_RE.findall(shown))),
        hashtags=tuple(HASHTAG_RE.findall(text)),
        likes=counts["likes"],
        reposts=counts["reposts"],
        replies=counts["replies"],
        url=f"https://x.com/{handle}/status/{post_id}",
    )
    return [handle_account(handle), post]  # the export has no profile


def _written_then(post_id: str, time: str) -> bool:
    """Whether the post ``post_id`` was written in the minute ``time`` gives (X Analytics
    writes the time to the minute): then a link with that id is the row's own post."""
    posted = time_of_tweet_id(post_id)
    try:
        said = written_time({"time": time}, "time")
    except ValueError:
        return False
    return posted is not None and said is not None and 0 <= (posted - said).total_seconds() < 60


def _rounded_from(rounded: str, whole: str) -> bool:
    """Whether a spreadsheet rounding the id ``whole`` (the one in the post's link) writes
    ``rounded`` (``1.6E+18``, ``1,6E+18`` where the comma is the decimal mark)."""
    mantissa, _, exponent = rounded.strip().upper().replace(",", ".").partition("E+")
    digits = mantissa.replace(".", "").lstrip("+")
    if not (digits.isdigit() and exponent.isdigit() and len(whole) == int(exponent) + 1):
        return False
    scale: int = 10 ** max(len(whole) - len(digits), 0)
    head, rest = divmod(int(whole), scale)
    return head + (2 * rest >= scale) == int(digits)


class XAnalytics:
    name = SOURCE_NAME
    label = "X Analytics CSV"

    def sniff(self, path: Path, head: bytes) -> bool:
        if not named_table(path, head):
            return False
        return is_analytics_header(csv_columns(head))

    def read(self, path: Path) -> Iterator[Item]:
        encoding, above, notices = prepare_table(path)
        yield from notices
        # read once, for the decimal mark and the rows (an export of X Analytics holds a few
        # thousand rows at most)
        records = list(table_records(path, encoding, above))
        authors: set[str] = set()
        rounded = RoundedIds(str(path))  # ids Excel saved as 1.60E+18: told once for all
        # (line, rounded id, a newer export's) of the rows whose ids were read from links
        linked: list[tuple[int, str, bool]] = []
        by_link: dict[str, tuple[int, str]] = {}  # id read from a link: its line and text
        # "1.400" read as 1400 where the file's other numbers show its comma marks decimals
        decimals = DecimalMark(path, encoding, above, frozenset(TEXT), COUNT_COLUMNS, records)
        counts = BadCounts(COUNTS_AGAIN, decimals)
        # each row made once, before any is told: every post's counts are as of after the
        # file's newest post was written
        built = [_built(row, counts) for row in records]
        observed = _newest_post(built)
        # A last line without a line break is no sign of a cut: X quotes every cell (a cut in
        # one is told as a quote never closed), and a sheet saved again may end so
        for row, made in zip(records, built, strict=True):
            if isinstance(row, CsvProblem):
                yield Problem(str(path), row.line, row.message)
                continue
            if row.missing:  # X writes every cell: the line was cut (a copy stopped)
                told = cut_row_message(row, "its text and counts may be too", AGAIN)
                yield Problem(str(path), row.line, told)
                continue
            if isinstance(made, RoundedIdError):
                rounded.add(row.line, made)
                continue
            if isinstance(made, ValueError):
                yield Problem(str(path), row.line, str(made))
                continue
            assert made is not None  # a record with every cell: made, or why not
            if is_rounded_id(shown := _first(row.values, ID)):  # read whole from its link
                if (taken := _link_taken(made, row.line, by_link)) is not None:
                    yield Problem(str(path), row.line, taken)
                    continue
                linked.append((row.line, shown, "post_id" in row.values))
            # the counts are as of the export, after its newest post was written; the bare
            # account is no observed profile
            rows = tuple(
                replace(r, observed_at=observed) if isinstance(r, Post) else r
                for r in made
                if isinstance(r, Post) or r.id not in authors
            )
            authors.update(r.id for r in made if isinstance(r, Account))
            yield Record(
                rows=rows, provenance=provenance(self.name, path, row.line), raw=row.values
            )
        if (told_once := rounded.problem()) is not None:
            yield told_once
        if linked:
            yield LinkedIdsNote(str(path), _linked_note(linked), linked=tuple(linked))
        yield from counts.notices(str(path))
        if authors:
            yield Notice(str(path), NO_REPOSTS)


def _link_taken(
    made: list[Account | Post], line: int, by_link: dict[str, tuple[int, str]]
) -> str | None:
    """Why a row whose id was read from its link is skipped: another row of another text
    gave the same link (a link pasted over), so they cannot both be its post; None if not."""
    post = next(r for r in made if isinstance(r, Post))
    first, text = by_link.setdefault(post.id, (line, post.text))
    if first == line or text == post.text:
        return None
    return (
        f"its id was rounded by a spreadsheet and its link is the one of line {first} (post "
        f"{post.id}), whose text is another: the link was pasted over, so this row's post is "
        f"not known and it was skipped (line {first} kept). To import it, {AGAIN} and "
        "import that file as X wrote it, not opened and saved in a spreadsheet"
    )


@dataclass(frozen=True, slots=True)
class LinkedIdsNote(Notice):
    """The note of the rows whose rounded id was read whole from their links, with those
    rows (line, the id as the sheet shows it, a newer export's), so that a row the import
    skips after all (:mod:`staffpulse.ingest_linked_ids`) is not told as "nothing was lost"."""

    linked: tuple[tuple[int, str, bool], ...] = ()

    def without(self, lines: set[int]) -> LinkedIdsNote | None:
        """The note told of the rows not on ``lines``; None when no row is left."""
        kept = [row for row in self.linked if row[0] not in lines]
        if len(kept) == len(self.linked):
            return self
        return replace(self, message=_linked_note(kept), linked=tuple(kept)) if kept else None


def _linked_note(linked: Sequence[tuple[int, str, bool]]) -> str:
    """What to tell of the rows whose id a spreadsheet rounded, read whole from their links."""
    (line, shown, newer), n = linked[0], len(linked)
    rows = f"on line {line}" if n == 1 else f"of {n:,} rows (the first on line {line})"
    return (
        f"the {'Post id' if newer else 'Tweet id'} {rows} was {ROUNDED} ({shown!r}: "
        f"{ROUNDED_LOST}), so {'its id was' if n == 1 else 'their ids were'} read whole from "
        f"{'its' if n == 1 else 'their'} {'Post Link' if newer else 'Tweet permalink'}; nothing"
        " was lost (a post imported again is not stored twice)"
    )


_Built = list[Account | Post] | ValueError | None


def _built(row: CsvRecord | CsvProblem, counts: BadCounts) -> _Built:
    """The account and post of a row with every cell, or why it has none (told by the
    reading pass); None for a line that is no such row. A count that is no whole number
    (1.234) is left out, told once."""
    if isinstance(row, CsvProblem) or row.missing:
        return None
    try:
        return counts.build(row.values, row.line, rows_from_analytics)
    except ValueError as exc:  # a RoundedIdError too, told once for the file
        return exc


def _newest_post(built: Sequence[_Built]) -> datetime | None:
    """When the newest post of the file was written: its counts are as of after that."""
    times = [
        made[-1].created_at
        for made in built
        if isinstance(made, list) and isinstance(made[-1], Post) and made[-1].created_at
    ]
    return max(times, default=None)


def why_analytics_totals(path: Path, head: bytes) -> str | None:
    """What X Analytics' totals by day (its account overview, or the classic "By day"
    export) are: a day a row (impressions, likes, follows), no post in them. They were told
    the columns a staffpulse CSV of posts needs "to fix the file", which no fix gives."""
    if path.is_dir() or not named_table(path, head):
        return None
    columns = csv_columns(head)
    posts = set(ID) | set(LINK) | set(TEXT) | {"id", "text"}
    if "impressions" not in columns or not columns & set(TIME) or columns & posts:
        return None
    return (
        f"{WHAT_IT_IS}X Analytics' totals by day (impressions, likes and follows a day), which"
        " name no post: staffpulse audits posts, so export the posts instead (analytics on X ›"
        " Content, or Tweets › Export data › By Tweet: one row a post, with its id, text and"
        " link), or import the account's X archive"
    )


def why_analytics_renamed(path: Path, head: bytes) -> str | None:
    """What an X Analytics export with one of its id, link and text columns renamed or
    deleted (in a spreadsheet) lacks: it was told the columns of a staffpulse CSV to add."""
    if path.is_dir() or not named_table(path, head):
        return None
    columns = csv_columns(head)
    names = {"Tweet id": ID, "Tweet permalink": LINK, "Tweet text": TEXT}
    missing = [name for name, keys in names.items() if not columns & set(keys)]
    if "impressions" not in columns or len(missing) != 1 or not columns & set(TIME):
        return None
    newer = {"Tweet id": "Post id", "Tweet permalink": "Post Link", "Tweet text": "Post text"}
    return (
        f'{WHAT_IT_IS}an X Analytics export without its column "{missing[0]}" ("{newer[missing[0]]}"'
        " in newer exports): it was renamed or deleted in a spreadsheet. Give that column its"
        f" name back, or {AGAIN}"
    )


register(XAnalytics())
# first: the staffpulse CSV would tell the header what to add, as if it could be fixed
EXPLAINERS.insert(0, why_analytics_totals)
EXPLAINERS.insert(0, why_analytics_renamed)
