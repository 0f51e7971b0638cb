"""Dates a spreadsheet writes with the year last (``11/27/2026 14:05``, ``27.11.2026``,
``1/5/2026 9:05 AM``, ``11/27/26``), read in the order their whole column shows.

One such date cannot tell whether ``01/05/2026`` is January 5 or 1 May, but a spreadsheet
writes a whole column one way: a row whose first number is above 12 makes the column day
first, one whose second number is above 12 month first. A column showing both is refused
(which way each other row goes cannot be told), and so is one where no day is above 12,
unless the user gives the order (``staffpulse import --date-order dmy``): never guessed.
Dates written with dots (``08.04.2021``) are the exception: every country that writes dates
so (German, Swiss, Russian, Nordic) writes the day first, so such a date of a column showing
no order is read day first, and the file told so once (:meth:`ColumnDates.dotted_note`);
slashes and dashes, written both ways, stay refused.
A file saved again (opened in Excel, which rewrote ``2026-03-02`` as ``3/2/2026``) whose
every such row is a post the store already holds (same id, or the same number with the zeros
Excel dropped) takes the order its stored dates show, when only one order fits them all, and
says so (:func:`stored_post_dates`, given by the import).
The rows refused are told once for the file (:class:`UnorderedDates`), with the fix.

The column is scanned only when the import meets its first such date, in a pass of its own
over the file keeping two examples and nothing else: a file of ISO dates costs nothing more,
a big file no memory. A time without a zone is read as UTC, as an ISO time is
(:func:`staffpulse.sources.base.parse_timestamp`). Two-digit years are read as Excel reads
them: 00-29 are 2000-2029, 30-99 are 1930-1999.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal, Protocol

from staffpulse.errors import InputError
from staffpulse.models import normalize_platform
from staffpulse.next_steps import GIVE_DATE_ORDER
from staffpulse.sources.column_errors import ColumnErrors
from staffpulse.sources.csv_preamble import preamble_of, table_records
from staffpulse.sources.csvrows import CsvRecord
from staffpulse.sources.import_context import set_while
from staffpulse.sources.text_files import TextEncoding
from staffpulse.sources.written import (
    EXCEL_FIX,
    ISO_FIX,
    TIME,
    WrittenDateError,
    clock,
    readings,
)

DateOrder = Literal["dmy", "mdy"]
ORDER_WORDS: dict[DateOrder, str] = {"dmy": "day first", "mdy": "month first"}
COLUMN = "created_at"
_ISO_EXAMPLES = ISO_FIX.split(", as ", 1)[1]  # 2026-03-01T14:05 or 2026-03-01
# The end of the messages of a column whose order is not known, or taken from the store's
# dates: how to give it. (The web has no such control, and drops this sentence:
# staffpulse.web.wording.)
DATE_ORDER_FIX = f"; {GIVE_DATE_ORDER.say()}"
_DATE = re.compile(
    r"^(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})" + TIME + "$"
)
# how written_time tells a date with the year last (then refused as ambiguous)
_STARTS = re.compile(r"^\d{1,2}([./-])\d{1,2}\1(?:\d{2}|\d{4})\b")
_GIVEN: ContextVar[DateOrder | None] = ContextVar("staffpulse_date_order", default=None)
_MOST_ASKED = 50_000  # the rows of no order asked of the store, at most: a bigger file is refused


class StoredDates(Protocol):
    """When the store says the posts it holds were written."""

    def dates_of(self, platform: str, post_ids: Sequence[str]) -> dict[str, datetime]:
        """The stored date of each post of ``post_ids`` the store holds (under that id, or
        the same number with other leading zeros, when only one such post is stored)."""
        ...


_STORED: ContextVar[StoredDates | None] = ContextVar("staffpulse_stored_dates", default=None)


def date_order_from(text: str | None) -> DateOrder | None:
    """The order ``--date-order`` names (``dmy`` or ``mdy``, any case); InputError otherwise."""
    if text is None:
        return None
    said = text.strip().lower()
    if said == "dmy":
        return "dmy"
    if said == "mdy":
        return "mdy"
    raise InputError(
        f"--date-order {text!r} is not an order of dates staffpulse reads",
        hint="use --date-order dmy for dates written day first (27/11/2026) or --date-order mdy "
        "for month first (11/27/2026)",
    )


@contextmanager
def given_date_order(order: DateOrder | None) -> Iterator[None]:
    """Every CSV read inside reads its dates with the year last in ``order`` (None: in the
    order its column shows), as ``staffpulse import --date-order`` asks."""
    with set_while(_GIVEN, order):
        yield


@contextmanager
def stored_post_dates(stored: StoredDates) -> Iterator[None]:
    """Every CSV read inside whose dates with the year last show no order may take it from
    the dates ``stored`` holds for the same posts."""
    with set_while(_STORED, stored):
        yield


@dataclass(frozen=True, slots=True)
class Example:
    """A date of a column that shows its order, and its line."""

    line: int
    value: str


def year_last_order(value: str) -> DateOrder | Literal[""] | None:
    """The order one date with the year last shows: ``dmy`` for ``27/11/2026``, ``mdy`` for
    ``11/27/2026``, None when it shows none (``01/05/2026``), "" for no such date."""
    match = _DATE.match(value.strip().lower())
    if match is None:
        return ""
    a, b = int(match["a"]), int(match["b"])
    if 12 < a <= 31 and 1 <= b <= 12:
        return "dmy"
    if 12 < b <= 31 and 1 <= a <= 12:
        return "mdy"
    return None


def read_in_order(value: str, order: DateOrder) -> datetime | None:
    """``value`` read in ``order`` (UTC), None when it is no date with the year last;
    ValueError when it is none in that order (``31/02/2026`` day first)."""
    match = _DATE.match(value.strip().lower())
    if match is None:
        return None
    a, b = int(match["a"]), int(match["b"])
    day, month = (a, b) if order == "dmy" else (b, a)
    year = int(match["year"])
    if len(match["year"]) == 2:  # as Excel reads 11/27/26
        year += 2000 if year < 30 else 1900
    return datetime(year, month, day, *clock(match["time"], match["ampm"]), tzinfo=UTC)


class ColumnDates:
    """How the ``created_at`` column of one CSV writes its dates with the year last."""

    def __init__(self, path: Path, encoding: TextEncoding) -> None:
        self.path, self.encoding = path, encoding
        self.given = _GIVEN.get()  # read when the file is, inside given_date_order
        self.stored = _STORED.get()
        self.day_first: Example | None = None
        self.month_first: Example | None = None
        self.unordered: list[tuple[str, str, str]] = []  # (platform, id, date) of no order
        self.from_store: DateOrder | None = None  # the order the store's dates showed
        self.dotted: list[Example] = []  # dates with dots read day first as no order showed
        self._scanned = self._asked = False
        # the columns the time is in: a sheet's "Date" (and "Time") read as created_at
        self.source: tuple[str, ...] = (COLUMN,)

    def order(self) -> DateOrder | None:
        """The order given, or the one the column shows; None when it shows none or both."""
        if self.given is not None:
            return self.given
        self._scan()
        if self.day_first is not None and self.month_first is None:
            return "dmy"
        if self.month_first is not None and self.day_first is None:
            return "mdy"
        return self._stored_order() if self.day_first is None else None

    def _stored_order(self) -> DateOrder | None:
        """The one order in which every date of the column is the stored date of its post
        (asked once); None when a post is not stored, or both orders fit, or neither."""
        if self._asked:
            return self.from_store
        self._asked = True
        if self.stored is None or not self.unordered or len(self.unordered) > _MOST_ASKED:
            return None
        ids: dict[str, list[str]] = {}
        for platform, post_id, _value in self.unordered:
            ids.setdefault(platform, []).append(post_id)
        held = {p: self.stored.dates_of(p, found) for p, found in ids.items()}
        fits: set[DateOrder] = {"dmy", "mdy"}
        for platform, post_id, value in self.unordered:
            when = held[platform].get(post_id)
            if when is None:
                return None
            for order in list(fits):
                try:
                    read = read_in_order(value, order)
                except ValueError:
                    read = None
                if read is None or read.date() != when.date():
                    fits.discard(order)
        if len(fits) == 1:
            self.from_store = fits.pop()
        return self.from_store

    def store_note(self) -> str | None:
        """What to tell when the order came from the store's dates; None otherwise."""
        if self.from_store is None:
            return None
        _platform, _id, value = self.unordered[0]
        n = len(self.unordered)
        held = (
            "the post of that row (by its id), written on that day"
            if n == 1
            # "all 2 posts" reads as a count gone wrong: "both", as the audit says of two
            else f"{'both' if n == 2 else f'all {n:,}'} posts of those rows (by their ids), "
            "written on those days"
        )
        return (
            f"its dates with the year last show no order (no day above 12), so they were read "
            f"{ORDER_WORDS[self.from_store]} ({value!r} as "
            f"{read_in_order(value, self.from_store):%Y-%m-%d}): the store already holds "
            f"{held}. If that is wrong, {ISO_FIX} ({EXCEL_FIX}), and import the file "
            f"again{DATE_ORDER_FIX}"
        )

    def _scan(self) -> None:
        """One pass over the file, keeping the first row of each order (both: no need to
        read on)."""
        if self._scanned:
            return
        self._scanned = True
        for row in table_records(self.path, self.encoding, preamble_of(self.path)):
            if not isinstance(row, CsvRecord):
                continue
            value = " ".join(v for c in self.source if (v := (row.values.get(c) or "").strip()))
            shown = year_last_order(value)
            if shown is None and len(self.unordered) <= _MOST_ASKED:
                self.unordered.append((_platform_of(row), row.values.get("id", "").strip(), value))
            if shown == "dmy" and self.day_first is None:
                self.day_first = Example(row.line, value.strip())
            elif shown == "mdy" and self.month_first is None:
                self.month_first = Example(row.line, value.strip())
            if self.day_first is not None and self.month_first is not None:
                return

    def resolved(self, values: dict[str, str], line: int = 0) -> dict[str, str]:
        """``values`` (of the row on ``line``) with a date with the year last rewritten in
        ISO, when the column's order is known, or the date is written with dots (day first);
        as they are otherwise (the date is then refused, and told once by
        :class:`UnorderedDates`). ValueError for one that is no date in that order."""
        value = (values.get(COLUMN) or "").strip()
        if not (starts := _STARTS.match(value)):
            return values
        if year_last_order(value) == "":  # 27/11/2026 at noon: no time staffpulse reads
            raise WrittenDateError(COLUMN, value, ambiguous=False)
        order = self.order()
        dotted = order is None and starts[1] == "." and self.month_first is None
        if dotted:  # no order shown (one shown both ways stays refused): day first
            order = "dmy"
        if order is None:
            return values
        try:
            when = read_in_order(value, order)
        except ValueError:
            raise ValueError(
                f"'{COLUMN}' is {value!r}, which is no date read {ORDER_WORDS[order]}, "
                f"{self._why(order, dotted)}, or {ISO_FIX}"
            ) from None
        if dotted:
            self.dotted.append(Example(line, value))
        return values if when is None else {**values, COLUMN: when.isoformat()}

    def dotted_note(self) -> str | None:
        """What to tell when dates with dots were read day first as their column showed no
        order; None otherwise."""
        if not self.dotted:
            return None
        first, n = self.dotted[0], len(self.dotted)
        them = (
            f"its date with dots and the year last ({first.value!r}, line {first.line:,}) "
            "shows no order (its day is not above 12), so it was"
            if n == 1
            else f"its {n:,} dates with dots and the year last (the first: {first.value!r}, "
            f"line {first.line:,}) show no order (no day above 12), so they were"
        )
        return (
            f"{them} read day first, as every country writing dates with dots writes them "
            f"({first.value!r} as {read_in_order(first.value, 'dmy'):%Y-%m-%d}). If that is "
            f"wrong, {ISO_FIX} ({EXCEL_FIX}), and import the file again{DATE_ORDER_FIX}"
        )

    def _why(self, order: DateOrder, dotted: bool = False) -> str:
        if self.given is not None:
            return f"as --date-order {order} asks: check the order"
        if dotted:
            return "as dates with dots are written: check it"
        shown = self.day_first or self.month_first
        where = f" (line {shown.line}: {shown.value!r})" if shown is not None else ""
        return f"as the column's other dates are{where}: check it"


def _platform_of(row: CsvRecord) -> str:
    """The platform of a row, as its post is stored (a name staffpulse does not know: "",
    which no stored post has)."""
    try:
        return normalize_platform((row.values.get("platform") or "").strip() or "csv")
    except ValueError:
        return ""


@dataclass(slots=True)
class UnorderedDates(ColumnErrors[WrittenDateError]):
    """The rows of one CSV skipped for a date with the year last whose column shows no order,
    or both, told once for the file."""

    column: ColumnDates | None = None

    def _message(self, n: int, rows: str, first: WrittenDateError) -> str:
        them, were = ("it", "it was") if n == 1 else ("them", "they were")
        day, month = (
            (self.column.day_first, self.column.month_first) if self.column else (None,) * 2
        )
        if day is not None and month is not None:
            why = (
                f"and the column writes such dates both ways: day first on line {day.line} "
                f"({day.value!r}) and month first on line {month.line} ({month.value!r}), so "
                f"{were} not read (which way each goes cannot be told). To import {them}, "
                f"write every date the same way, best year first, as {_ISO_EXAMPLES} "
                f"({EXCEL_FIX}), and import the file again"
            )
        else:
            why = (
                f"and no date in the column has a day above 12 to show whether the day or the "
                f"month comes first, so {were} not read. To import {them}, {ISO_FIX} "
                f"({EXCEL_FIX}), and import the file again"
            )
        return (
            f"{rows} a '{first.key}' of numbers with the year last ({first.value!r} here: "
            f"{readings(first.value)}), {why}{DATE_ORDER_FIX}"
        )
