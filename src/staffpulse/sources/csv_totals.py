"""Rows a spreadsheet adds under a table of posts: a "Total" or "Average" row summing a column.

Saved as CSV, such a row came in as a record: a post missing its author, skipped and told as
data lost, when it was never a post. A row whose first cell (after a row number) is such a
word and that gives no author and no text is passed over, and the file told once where it is.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from staffpulse.sources.base import Notice
from staffpulse.sources.sheet_lines import SheetLines

# the first cell of a summing row, as spreadsheets and people write it (a colon aside)
SUMMING_WORDS = frozenset(
    {"total", "totals", "grand total", "subtotal", "sum", "average", "avg", "mean"}
    | {"summe", "gesamt", "totaal", "somme", "total général", "media", "promedio"}
)
_SAYS = ("author", "text")  # what a record gives, which a summing row does not


class SummingRows:
    """The summing rows of one CSV: recognised (:meth:`take`) and told once (:meth:`notices`)."""

    def __init__(self) -> None:
        self.lines: list[tuple[int, str]] = []  # (line, its first cell)

    def take(self, values: Mapping[str, str], line: int) -> bool:
        """Whether the row of ``values`` (by column, in the header's order) is a summing row,
        noted to be told."""
        # a row number before it (a sheet numbering its rows in an id column: "6,Total,,,64")
        # is passed: the word is what says the row sums up
        cells = (value.strip() for value in values.values())
        first = next((cell for cell in cells if cell and not cell.isdigit()), "")
        if first.rstrip(":").strip().lower() not in SUMMING_WORDS:
            return False
        said = ((values.get(column) or "").strip() for column in _SAYS)
        if any(value and value != first for value in said):
            return False  # an author or a text: a record, told if it is wrong
        self.lines.append((line, first))
        return True

    def notices(self, path: str, sheet: SheetLines) -> Iterator[Notice]:
        """The file's note, its first summing row named by its line and spreadsheet row."""
        if not self.lines:
            return
        (line, said), more = self.lines[0], len(self.lines) - 1
        also = f" and {more:,} more such row{'' if more == 1 else 's'}" if more else ""
        what = (
            "sum up the rows above them, as a spreadsheet's totals do: not posts or accounts"
            if more
            else "sums up the rows above it, as a spreadsheet's total does: not a post or an account"
        )
        yield Notice(
            path,
            f'line {sheet.told(line)} ("{said}"){also} {what}, so passed over; nothing was lost',
        )
