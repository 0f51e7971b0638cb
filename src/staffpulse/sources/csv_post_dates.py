"""The time of each post of a sheet whose date column is not named ``created_at``.

A sheet kept by hand calls it ``Date``, ``Posted``, ``Time`` or ``Post date``. Told to rename
it, a marketer who missed the note had every post imported undated, and the audit then has no
30- or 90-day window for them. In a file of posts only (no ``type`` column: no account rows,
whose "date" may be the day an account was added) with no ``created_at``, one such column (or a
``Date`` and a ``Time`` column side by side) is read as the posts' time, and the file told once.
A cell that is no date costs that post its date only, never the post: the rows are told once,
with the first line and what to write instead.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import time

from staffpulse.report.counts import join_and
from staffpulse.sources.base import Notice
from staffpulse.sources.csv_dates import COLUMN, DATE_ORDER_FIX, ColumnDates
from staffpulse.sources.csvrows import as_written
from staffpulse.sources.sheet_lines import SheetLines
from staffpulse.sources.written import (
    ISO_FIX,
    YEAR_LAST,
    WrittenDateError,
    readings,
    written_time,
)

# The names read as a post's time, in a file of posts (as column_key writes them)
POST_TIME_NAMES = (
    *("date", "posted", "time", "post_date", "posted_at", "date_posted", "posted_on"),
    *("timestamp", "datetime", "date_time", "published", "published_at", "tweet_date"),
)
SAME_DAY_SEEN = 3  # posts all read as one day, no time, that may be a report's date
SHOWN_LINES = 10  # the lines of the rows whose time is no date, named; more are counted


def post_time_columns(header: Collection[str], posts_only: bool) -> tuple[str, ...]:
    """The columns read as the posts' time: one of :data:`POST_TIME_NAMES`, or ``date`` and
    ``time`` together; () when the file has ``created_at``, may hold accounts, or has several
    such columns (which one is the post's time is not guessed: the file is told to rename)."""
    if not posts_only or COLUMN in header:
        return ()
    found = [name for name in POST_TIME_NAMES if name in header]
    if len(found) == 1:
        return (found[0],)
    return ("date", "time") if sorted(found) == ["date", "time"] else ()


def joined(values: Mapping[str, str], columns: tuple[str, ...]) -> str:
    """The time the row writes in ``columns`` (a date and a time cell joined by a space)."""
    return " ".join(part for c in columns if (part := (values.get(c) or "").strip()))


@dataclass(slots=True)
class PostTimes:
    """Reads each row's time from ``columns`` as its ``created_at``: :meth:`fill` each row,
    :meth:`notices` once the file is read."""

    columns: tuple[str, ...]
    dates: ColumnDates
    written: Mapping[str, str] | None = None
    read: int = 0
    unread: list[tuple[int, str, str]] = field(default_factory=list)  # line, cell, why
    # what the last row filled gave, counted by :meth:`kept` once its post is made (a row
    # skipped for another reason is told as that, not counted here)
    _last: tuple[int, str, str] | bool = field(default=False, init=False)
    # the days of the posts read at midnight ("" for one with a time of day): one day for
    # every post of a sheet may be the day of the report, not each post's (told as a caution)
    days: set[str] = field(default_factory=set)
    _day: str = field(default="", init=False)

    @property
    def shown(self) -> str:
        return " and ".join(f'"{as_written(c, self.written)}"' for c in self.columns)

    def fill(self, values: Mapping[str, str], line: int) -> dict[str, str]:
        """The row with its time as ``created_at``; without one when its cell is no date
        (that line kept for :meth:`notices`)."""
        self._last = False
        cell = joined(values, self.columns)
        if not cell:
            return dict(values)
        try:
            dated = self.dates.resolved({**values, COLUMN: cell}, line)
            when = written_time(dated, COLUMN)
        except WrittenDateError as exc:
            why = f"{readings(cell)}, {YEAR_LAST}" if exc.ambiguous else "not a date"
            self._last = (line, cell, why)
            return dict(values)
        except ValueError:  # 31/02/2026 where the column writes the day first
            self._last = (line, cell, "no date in the order its column writes them")
            return dict(values)
        self._last = True
        self._day = "" if when is None or when.time() != time() else when.date().isoformat()
        return dated

    def kept(self) -> None:
        """Count the row last filled: its post was made."""
        if self._last is True:
            self.read += 1
            self.days.add(self._day)
        elif self._last:
            self.unread.append(self._last)
        self._last = False

    def notices(self, path: str, sheet: SheetLines) -> Iterator[Notice]:
        """What the file is told of its posts' dates, each line named with its spreadsheet
        row (``sheet``)."""
        if self.read:
            posts = "1 post" if self.read == 1 else f"{self.read:,} posts"
            yield Notice(
                path,
                f"the file has no created_at column: the time of {posts} was read from "
                f"{self.shown}, as a sheet of posts names it",
            )
        if self.read >= SAME_DAY_SEEN and len(self.days) == 1 and (day := next(iter(self.days))):
            yield Notice(
                path,
                f"all {self.read:,} posts have the same {self.shown}, {day}, and no time: if that "
                f"is the day the "
                f"sheet was made or sent, not the day each was posted, their dates are wrong; "
                f"write each post's date in a column named created_at and import the file again "
                f"(the dates are replaced, nothing is stored twice)",
            )
        if self.unread:
            n = len(self.unread)
            line, cell, why = self.unread[0]
            lines = [sheet.told(at) for at, _cell, _why in self.unread[:SHOWN_LINES]]
            more = f" and {n - SHOWN_LINES:,} more" if n > SHOWN_LINES else ""
            listed = ", ".join(lines) if more else join_and(lines)
            rows = (
                f"line {sheet.told(line, grouped=False)}"
                if n == 1
                else f"{n:,} rows (lines {listed}{more})"
            )
            yield Notice(
                path,
                f"{rows}: {self.shown} {'hold' if len(self.columns) > 1 else 'holds'} no date staffpulse reads ({cell!r}: {why}), so "
                f"{'that post was' if n == 1 else 'those posts were'} imported without a date "
                f"(the audit cannot place {'it' if n == 1 else 'them'} in time). To date "
                f"{'it' if n == 1 else 'them'}, {ISO_FIX}, and import the file again (nothing "
                f"is stored twice){DATE_ORDER_FIX if YEAR_LAST in why else ''}",
            )
