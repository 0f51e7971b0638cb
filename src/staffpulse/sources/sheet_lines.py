"""The spreadsheet row of each line of a CSV, learned as its records are read.

A cell holding line breaks (a post written in paragraphs) is one row of a spreadsheet but
several lines of the file: below it, line 73 is row 44. A reader that feeds each record it
reads to :class:`SheetLines` can name a line it has reached with its row ("line 73 (row 44
in a spreadsheet)") when it builds the message, instead of the message being mended after.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence


def _breaks(cell: str) -> int:
    """The line breaks a cell holds (``\\r\\n``, ``\\n`` or a lone ``\\r`` each one)."""
    return cell.count("\n") + cell.count("\r") - cell.count("\r\n")


class SheetLines:
    """Each line that comes right after a record whose cells hold line breaks, with the row
    it is (``rows``; ``starts`` the same lines in order); each line below it is as many rows
    down, up to the next such line. Records are fed in the order of their lines."""

    def __init__(self) -> None:
        self.rows: dict[int, int] = {}
        self.starts: list[int] = []
        self._added = 0  # the lines the cells' breaks added, in all, above the last record

    def see(self, line: int, cells: Sequence[str]) -> None:
        """Note the record starting on ``line`` with ``cells``."""
        extra = sum(_breaks(cell) for cell in cells)
        if extra:
            self._added += extra
            below = line + extra + 1  # the line after the record
            self.rows[below] = below - self._added
            self.starts.append(below)

    def row_of(self, line: int) -> int | None:
        """The spreadsheet row of ``line`` (a record's start, or a line inside one) read so
        far, or None when it is the same number."""
        return row_of(line, self.rows, self.starts)

    def told(self, line: int, *, grouped: bool = True) -> str:
        """``line`` as a message names it (``1,234``; ``1234`` not ``grouped``), with its row
        where they differ."""
        row = self.row_of(line)
        said = f"{line:,}" if grouped else str(line)
        return said if row is None else f"{said} (row {row:,} in a spreadsheet)"


def row_of(line: int, rows: dict[int, int], starts: Sequence[int]) -> int | None:
    """The spreadsheet row of ``line`` by ``rows`` and their lines in order (``starts``:
    :class:`SheetLines`), or None when it is the same number."""
    if line in rows:
        return rows[line]
    at = bisect.bisect_right(starts, line) - 1
    return None if at < 0 else line - (starts[at] - rows[starts[at]])
