"""What a spreadsheet does to a twarc2 CSV opened and saved in it, told once for the file.

Excel or Google Sheets rounds the ids (``1.60E+18``: such rows are skipped, else every tweet
rounded alike would be one post), rewrites the dates (``3/1/2026 10:00``: a tweet is dated
from its id instead, an account kept without the date) and a person may write a count as X's
page shows it (``1.2K``: left out, not guessed). Each is told once for the file, not on every
line, with what to do.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import InitVar, dataclass, field
from datetime import datetime

from staffpulse.models import Account, Post
from staffpulse.sources.bad_counts import BadCounts
from staffpulse.sources.base import Item, Notice, parse_timestamp
from staffpulse.sources.column_errors import RoundedIds
from staffpulse.sources.written import (
    RoundedIdError,
    float_id,
    is_rounded_id,
    written_count,
)
from staffpulse.sources.x_ids import time_of_tweet_id
from staffpulse.sources.zeroed_ids import id_columns

Row = Mapping[str, str | None]
# The columns of people's words, where a "2,5" is none of the file's numbers
WRITING = frozenset(
    {"text", "name", "description", "location"}
    | {"author.name", "author.description", "author.location"}
)
# What to do about a created_at that cannot be read, on a tweet whose id carries no time
DATE_TO_DO = (
    "write it as twarc2 does (2026-03-01T10:00:00.000Z), or make the CSV again with twarc2 csv"
    " and import it without opening it in a spreadsheet"
)
# twarc2 writes counts as digits: a "1.234" is a spreadsheet's, a "1.2K" a person's
COUNT_TO_DO = (
    "make the CSV again with twarc2 csv, without opening and saving it in a spreadsheet, or "
    "write whole numbers with digits only, e.g. 1234"
)


def count_columns(header: Sequence[str]) -> tuple[str, ...]:
    """The columns of a twarc2 CSV header that hold counts (``public_metrics.like_count``)."""
    return tuple(key for key in header if "public_metrics." in key)


def cell(row: Row, key: str) -> str | None:
    """The cell ``key`` of ``row``, None when it is blank or not there."""
    value = row.get(key)
    return value.strip() or None if isinstance(value, str) else None


def cell_count(row: Row, key: str) -> int | None:
    """The count in cell ``key`` as a staffpulse CSV's is read (``12``, ``12.0``, ``12,0``
    where the comma is the decimal mark, ``1,234``), None when blank or no whole number of 0
    or more (``2.5``, ``1.234``: a decimal, or a thousand?)."""
    try:
        return written_count({key: cell(row, key)}, key)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class WrittenDate:
    """A row's ``created_at``, read once for the post and for the file's note on dates."""

    when: datetime | None  # None when blank, or written in no form a date is read from
    unread: str | None = None  # what was written when it could not be read (``3/1/2026``)
    error: str = ""  # why it could not be read, for a tweet whose id carries no time


def read_date(row: Row, key: str = "created_at") -> WrittenDate:
    """The date in cell ``key`` of ``row``, or what was written there that no date is read
    from (a date a spreadsheet rewrote)."""
    written = cell(row, key)
    try:
        return WrittenDate(parse_timestamp(written))
    except ValueError as exc:
        return WrittenDate(None, written, str(exc))


def posted_at(written: WrittenDate, tweet_id: str) -> datetime | None:
    """When the tweet was posted: its ``created_at``, else the time its id carries. A
    ``created_at`` a spreadsheet rewrote (``3/1/2026 10:00``) gives way to the id's time too
    (told once for the file); on a tweet whose id carries none it is an error, with what to
    do."""
    if written.when is not None:
        return written.when
    from_id = time_of_tweet_id(tweet_id)
    if from_id is None and written.unread is not None:
        raise ValueError(f"{written.error}: {DATE_TO_DO}")
    return from_id


def joined_at(row: Row, prefix: str) -> datetime | None:
    """When the account was made; None when its ``created_at`` cannot be read (a date a
    spreadsheet rewrote: the account is kept without it, told once by the reader)."""
    try:
        return parse_timestamp(cell(row, f"{prefix}created_at"))
    except ValueError:
        return None


@dataclass(slots=True)
class SheetEdits:
    """What a spreadsheet changed in one file, gathered row by row and told once at its end."""

    path: str
    header: InitVar[Sequence[str]]  # the file's columns: those of ids and counts found once
    rounded: RoundedIds = field(init=False)
    id_columns: tuple[str, ...] = field(init=False)
    count_columns: tuple[str, ...] = field(init=False)
    counts: BadCounts = field(default_factory=lambda: BadCounts(COUNT_TO_DO))
    redated: int = 0  # tweets dated from their ids
    first_redated: str = ""
    undated: set[str] = field(default_factory=set)  # accounts whose date could not be read
    dated: set[str] = field(default_factory=set)  # ... and those another row dated
    first_undated: str = ""

    def __post_init__(self, header: Sequence[str]) -> None:
        self.rounded = RoundedIds(self.path)
        self.id_columns = id_columns(header)
        self.count_columns = count_columns(header)

    def skip_rounded(self, row: Row, line: int) -> bool:
        """Whether ``row`` has an id a spreadsheet rounded (``1.60E+18``), noted to tell once
        for the file: the row is skipped, as read, every tweet whose id was rounded alike
        would be one post."""
        for key in self.id_columns:
            if is_rounded_id(value := row.get(key)):
                self.rounded.add(line, RoundedIdError(key, value))
                return True
        return False

    def whole_ids(self, row: Row) -> Row:
        """``row`` with each id a program wrote as a float (``12345.0``: pandas saving a
        column with blanks) as the whole number it is, else it named no stored account."""
        floats = {
            key: whole
            for key in self.id_columns
            if (value := row.get(key))
            and value.endswith(".0")
            and (whole := float_id(value)) is not None
        }
        return {**row, **floats} if floats else row

    def readable_counts(self, row: Row, line: int) -> Row:
        """``row`` with each count that is no whole number (``1.2K`` a person wrote, ``1.234``
        a spreadsheet saved) left blank, and noted: read as none, it was lost unsaid. A
        ``1.400`` the file's own numbers show is 1400 is read so (``counts``' regrouping)."""
        read = {
            key: self.counts.cell(key, value, line)
            for key in self.count_columns
            if cell(row, key) is not None and isinstance(value := row[key], str)
        }
        changed = {key: value for key, value in read.items() if value != row[key]}
        return {**row, **changed} if changed else row

    def note_dates(
        self, row: Row, made: Sequence[Account | Post], users: bool, posted: WrittenDate
    ) -> None:
        """Count the tweets of ``row`` dated from their ids (``posted``: its ``created_at``, as
        read for the post) and the accounts left undated."""
        joined = cell(row, "created_at" if users else "author.created_at")
        for account in (item for item in made if isinstance(item, Account)):
            if account.created_at is not None:  # read by joined_at
                self.dated.add(account.id)
            elif joined is not None:  # written, yet not read
                self.undated.add(account.id)
                self.first_undated = self.first_undated or joined
        posts = any(isinstance(item, Post) for item in made)
        if posts and posted.unread is not None:
            self.redated += 1
            self.first_redated = self.first_redated or posted.unread

    def told(self) -> Iterator[Item]:
        """The rows skipped for a rounded id (one problem), then the notes on what was kept."""
        if (rounded := self.rounded.problem()) is not None:
            yield rounded
        if self.redated:
            yield Notice(self.path, _redated_note(self.redated, self.first_redated))
        yield from self.counts.notices(self.path)  # kept without the count, not guessed
        if undated := self.undated - self.dated:
            yield Notice(self.path, _undated_accounts_note(len(undated), self.first_undated))


def _undated_accounts_note(count: int, first: str) -> str:
    one = count == 1
    return (
        f"{count:,} account{'' if one else 's'} had a created_at that could not be read"
        f" ({first!r} first: a date a spreadsheet rewrote?): kept without when"
        f" {'it was' if one else 'they were'} made; make the CSV again with twarc2 csv and import"
        " it without opening it in a spreadsheet to keep it"
    )


def _redated_note(count: int, first: str) -> str:
    one = count == 1
    return (
        f"{count:,} post{'' if one else 's'} had a created_at that could not be read ({first!r}"
        " first: a date a spreadsheet rewrote?): dated from "
        f"{'its id' if one else 'their ids'}, which X stamps with the time of posting"
    )
