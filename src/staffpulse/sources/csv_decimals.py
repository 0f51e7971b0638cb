"""The decimal mark a spreadsheet CSV writes, as its own numbers show it.

A count ``1.400`` is one thousand four hundred where the dot groups thousands (German, Danish,
Dutch, Spanish Excel) and 1.4 where it marks decimals: alone it is never read
(:func:`staffpulse.sources.written.written_count`). But a file writes all its numbers one way:
a cell ``2,5`` (or ``0,75``, ``1.234,5``, ``1.234.567``) shows its comma is the decimal mark,
so its dot groups thousands, and its ``1.400`` is 1400. A file showing both marks (``2,5`` and
``2.5``, or ``1,234``, a comma between thousands) shows neither, and its ``1.400`` stays
unread, as before. The cells are looked at only when a count such as ``1.400`` is met, in a
pass of their own over the file keeping one example of each mark; texts and bios are
people's writing, not the file's numbers, and are passed over.

A count ``1,234`` reads as 1234 in most files, but not in one whose comma is its decimal mark:
there it is 1.234 (or, ``1,000``, 1), which no count is, or a thousand written another way.
Such a count is :meth:`DecimalMark.unsure`: left out and told, never guessed. In a count
column it is no evidence of the file's mark either (it is the very cell in question).

The staffpulse CSV, X Analytics and twarc2 CSVs share this: each names its count columns and
the columns people write in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from staffpulse.sources.csv_preamble import table_records
from staffpulse.sources.csvrows import CsvProblem, CsvRecord
from staffpulse.sources.native_csv_header import BIO_COLUMNS
from staffpulse.sources.text_files import TextEncoding
from staffpulse.sources.written import DOTTED_GROUPS

# 2,5  0,75  12,0  0,125  1.234,5  and 1.234.567 (two dots: no decimal), a % after any
_COMMA_MARK = re.compile(
    r"^[+-]?(?:\d+,\d{1,2}|\d+,\d{4,}|0,\d+|\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:\.\d{3}){2,})"
    r"\s?%?$"
)
# 2.5  0.75  12.0  0.125  1,234.5  and 1,234 (a comma between thousands: never 0,031), a %
_DOT_MARK = re.compile(
    r"^[+-]?(?:\d+\.\d{1,2}|\d+\.\d{4,}|0\.\d+|[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?)\s?%?$"
)
_WRITING = frozenset({"text", *BIO_COLUMNS})  # people's words, where "2,5" is no number
# The staffpulse CSV's counts (docs/formats.md)
COUNT_COLUMNS = frozenset(
    {"likes", "reposts", "replies", "quotes", "followers", "following", "post_count"}
)
# "1,234", "1,000": a thousand with a comma between groups, or a decimal where the comma marks one
_ONE_COMMA_GROUP = re.compile(r"^[1-9]\d{0,2},\d{3}$")


@dataclass(frozen=True, slots=True)
class Cell:
    """A cell that shows the file's decimal mark: its line, column and value."""

    line: int
    column: str
    value: str


class DecimalMark:
    """Whether one CSV writes decimals with a comma (so that its dot groups thousands)."""

    def __init__(
        self,
        path: Path,
        encoding: TextEncoding,
        above: int,
        writing: frozenset[str] = _WRITING,
        counts: frozenset[str] = COUNT_COLUMNS,
        records: Sequence[CsvRecord | CsvProblem] | None = None,
    ) -> None:
        self.path, self.encoding = path, encoding
        self.records = records  # the file's records, when its reader holds them: not read again
        self.above = above  # lines above the header, as the reader found them
        self.writing = writing  # the columns of people's words, not the file's numbers
        self.counts = counts  # the columns of whole numbers the reader reads
        self.comma: Cell | None = None  # the first cell with a decimal comma
        self.dot: Cell | None = None  # the first with a decimal dot, or a comma in thousands
        self._scanned = False

    def whole(self, value: object) -> int | None:
        """``value`` (a count such as ``1.400``) as the whole number its dots group, when the
        file's other numbers show its comma is the decimal mark; None otherwise."""
        text = value.strip() if isinstance(value, str) else ""
        if not DOTTED_GROUPS.match(text):
            return None
        self._scan()
        if self.comma is None or self.dot is not None:
            return None
        return int(text.replace(".", ""))

    def unsure(self, column: str, value: object) -> bool:
        """Whether ``value`` in the count column ``column`` is a ``1,234`` in a file whose other
        numbers show its comma is the decimal mark: 1.234, no count, or 1234? Not guessed."""
        if column not in self.counts or not isinstance(value, str):
            return False
        if not _ONE_COMMA_GROUP.match(value.strip()):
            return False
        self._scan()
        return self.comma is not None and self.dot is None

    def why(self) -> str:
        """Which cell showed the comma is the decimal mark (after :meth:`whole` read one)."""
        shown = self.comma
        where = f"line {shown.line:,}, '{shown.column}': {shown.value!r}" if shown else "?"
        if shown is not None and "," not in shown.value:  # 1.234.567: no decimal to show
            return f"a number of millions in the file shows its dot groups thousands ({where})"
        return f"the file writes decimals with a comma ({where}), so its dot groups thousands"

    def _scan(self) -> None:
        """One pass over the file, keeping the first cell of each mark (both: no need to
        read on)."""
        if self._scanned:
            return
        self._scanned = True
        rows = self.records
        for row in table_records(self.path, self.encoding, self.above) if rows is None else rows:
            if not isinstance(row, CsvRecord):
                continue
            for column, cell in row.values.items():
                if column in self.writing or not (value := cell.strip()):
                    continue
                if column in self.counts and _ONE_COMMA_GROUP.match(value):
                    continue  # the count in question (unsure), no evidence of the mark
                comma, dot = _COMMA_MARK.match(value), _DOT_MARK.match(value)
                if comma and dot:
                    continue  # read either way: no evidence
                if comma and self.comma is None:
                    self.comma = Cell(row.line, column, value)
                elif dot and self.dot is None:
                    self.dot = Cell(row.line, column, value)
            if self.comma is not None and self.dot is not None:
                return
