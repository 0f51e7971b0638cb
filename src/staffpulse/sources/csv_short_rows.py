"""Rows of a CSV with fewer cells than its header (a cell left out by hand, or a line break in
a cell not in quotes): imported without the columns they lack, and told once for the file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from staffpulse.sources.base import Notice
from staffpulse.sources.csvrows import CsvRecord
from staffpulse.sources.sheet_lines import SheetLines


def ends_cut(path: Path, codec: str) -> bool:
    """Whether the file (text in ``codec``) ends inside its last cell: with neither a line
    break, which a tool that writes every line whole (pandas, X) ends it with, nor the quote
    that closes a quoted cell (a quote left open there is told by the CSV reader). Read from
    the last bytes only: a 500 MB export is not read again. UTF-16 and UTF-32 text ("Unicode
    text" from Excel) ends with its line break's two or four bytes, in either byte order."""
    width = 4 if "32" in codec else 2 if "16" in codec else 1
    try:
        with path.open("rb") as handle:
            handle.seek(-min(width, path.stat().st_size), os.SEEK_END)
            tail = handle.read()
    except OSError:  # an empty file, or one that cannot be read: told where it is read
        return False
    if len(tail) < width:
        return False
    if width == 1:
        return tail not in _ENDS
    return not any(
        tail in (end.encode(f"utf-{width * 8}-le"), end.encode(f"utf-{width * 8}-be"))
        for end in _ENDS_TEXT
    )


# What a whole last row ends with: a line break, or the quote closing its last cell.
_ENDS_TEXT = ("\n", "\r", '"')
_ENDS = tuple(end.encode() for end in _ENDS_TEXT)


def cut_last_row_message(lost: str, to_do: str) -> str:
    """Why the last row of a file cut in its last cell (every cell there, the last one
    shorter) is skipped: read as it is, a cut id or text would come in as a whole one. A
    file trimmed by hand in an editor that adds no final line break ends so too: it is told
    how to keep a row that is whole."""
    return (
        f"the file ends in this row without a line break: it looks cut short in its last cell"
        f" ({lost}), so the row was skipped; {to_do} (if this row is whole, put a line break"
        " after it and import the file again)"
    )


def cut_row_message(row: CsvRecord, lost: str, to_do: str) -> str:
    """Why a short row of a file whose tool writes every cell is skipped: it was cut (a copy
    or download stopped), and read as it is it would be imported wrong; ``lost`` says what
    went with the cut, ``to_do`` how to get the whole file."""
    width = len(row.values) + row.missing
    return (
        f"row has {len(row.values)} of the header's {width} cells: the line looks cut short "
        f"({lost}), so it was skipped; {to_do}"
    )


class ShortRows:
    """Rows with fewer cells than the header, imported without the columns they lack (a blank
    cell is imported the same way, so such a row is kept, as one with its date left blank),
    told once for the file with the first row's line and how many there are: a cell left out
    by hand, or a line break in a cell not in quotes, which cuts a row in two."""

    SHOWN_LINES = 5

    def __init__(self, header: list[str]) -> None:
        self.header = header
        # a count and the first few lines only: a file cut at every row has millions of them
        self.count = 0
        self.lines: list[int] = []
        self.first: CsvRecord | None = None

    def why(self, row: CsvRecord) -> str:
        """What to say before the error of a short row that could not be imported ("" for a
        whole one): its missing cells are most likely why."""
        if not row.missing:
            return ""
        return f"has {_cells(len(self.header) - row.missing)}, the header has {len(self.header)}: "

    def add(self, row: CsvRecord) -> None:
        if row.missing:
            self.count += 1
            if len(self.lines) <= self.SHOWN_LINES:  # the first, and those told after it
                self.lines.append(row.line)
            self.first = self.first or row

    def notices(self, path: str, sheet: SheetLines) -> Iterator[Notice]:
        """The file's note on its short rows, each line named with its spreadsheet row."""
        if self.first is None:
            return
        width = len(self.header)
        lacking = ", ".join(self.header[width - self.first.missing :])
        more = self.count - 1
        others = ", ".join(
            sheet.told(line, grouped=False) for line in self.lines[1 : 1 + self.SHOWN_LINES]
        )
        also = (
            f"; so {'was' if more == 1 else 'were'} {more:,} more short "
            f"row{'' if more == 1 else 's'} (line{'' if more == 1 else 's'} {others}"
            f"{', …' if more > self.SHOWN_LINES else ''})"
            if more
            else ""
        )
        yield Notice(
            path,
            f"line {sheet.told(self.first.line, grouped=False)} has {_cells(width - self.first.missing)}, the header has "
            f"{width}: imported without {lacking}{also}. Fill in the missing cells (an empty "
            "one still needs its delimiter) or put a text holding a line break in quotes, and "
            "import the file again",
        )


def _cells(n: int) -> str:
    return f"{n} cell{'' if n == 1 else 's'}"
