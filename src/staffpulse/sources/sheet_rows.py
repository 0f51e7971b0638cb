"""The spreadsheet row of a CSV line a problem is told on.

An import tells a skipped record by the line of the file it starts on: what a text editor
shows. A marketer opens the CSV in Excel or Google Sheets, where a cell holding line breaks (a
post written in paragraphs) is one row: below such a cell, line 73 is row 44, and the row
told cannot be found. So a problem in such a file also names its row ("line 73 (row 44 in a
spreadsheet)"); where lines and rows are the same, nothing more is said.

The file is read again only when it has problems with lines, and only up to the last of them.
A reader that names a line with its row as it builds the message (:class:`~staffpulse.sources.
sheet_lines.SheetLines`: the staffpulse and twarc2 CSV's problems, summing rows, repeated
headers, short rows, unnamed columns and undated posts) is left as it is; the messages still built without are mended here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from staffpulse.sources.base import Notice, Problem
from staffpulse.sources.csvrows import CsvRow, read_csv_rows
from staffpulse.sources.sheet_lines import SheetLines, row_of
from staffpulse.sources.text_files import detect_encoding

TABLE_SUFFIXES = (".csv", ".tsv", ".txt")


def line_rows(path: Path, last: int) -> dict[int, int]:
    """For each line up to ``last`` that comes right after a record whose cells hold line
    breaks, the spreadsheet row it is; each line below it is as many rows down (up to the next
    such line: :func:`~staffpulse.sources.sheet_lines.row_of`)."""
    sheet = SheetLines()
    encoding = detect_encoding(path)
    with path.open(encoding=encoding.codec, errors=encoding.errors, newline="") as handle:
        for row in read_csv_rows(handle):
            if not isinstance(row, CsvRow):
                continue
            if row.line > last:
                break
            sheet.see(row.line, row.cells)
    return sheet.rows


# "line 74", "on line 3", "lines 3 and 4" in a message: each number told with its row too
# ("line 1,234": a number with its thousands; "and 4 more" counts lines, names none; a line
# its reader told with its row already, :class:`SheetLines`, is left as it is)
_NUMBER = r"\d+(?:,\d{3})*(?![\d,]\d| more|[\d,]* \(row )"
_LINE_RE = re.compile(rf"\blines? {_NUMBER}(?:(?:, | and ){_NUMBER})*")
_NUMBER_RE = re.compile(_NUMBER)


def _said_lines(message: str) -> list[int]:
    return [
        int(n.replace(",", ""))
        for m in _LINE_RE.finditer(message)
        for n in _NUMBER_RE.findall(m[0])
    ]


def lines_with_rows(message: str, rows: dict[int, int], starts: Sequence[int]) -> str:
    """``message`` with each line it names followed by its row, where they differ."""

    def one(number: re.Match[str]) -> str:
        line = int(number[0].replace(",", ""))
        row = row_of(line, rows, starts)
        return number[0] if row is None else f"{number[0]} (row {row:,} in a spreadsheet)"

    return _LINE_RE.sub(lambda m: _NUMBER_RE.sub(one, m[0]), message)


def with_sheet_rows(
    problems: Iterable[Problem],
    notices: Iterable[Notice],
    label: str,
    local: Mapping[str, Path] | None = None,
) -> tuple[list[Problem], list[Notice]]:
    """``problems`` and ``notices`` of a file read as ``label`` (a CSV), each line they name
    told with its spreadsheet row where the file's cells hold line breaks above it. ``local``
    says where a file told by another name (``posts.zip!posts.csv``) can be read again."""
    problems, notices = list(problems), list(notices)
    if "CSV" not in label:
        return problems, notices
    lines: dict[str, int] = {}
    items: list[Problem | Notice] = [*problems, *notices]
    for item in items:
        said = _said_lines(item.message)
        if isinstance(item, Problem) and item.line is not None:
            said.append(item.line)
        if said and item.file.lower().endswith(TABLE_SUFFIXES):
            lines[item.file] = max(lines.get(item.file, 0), *said)
    # each file's rows and their lines in order, sorted once (a sheet may have thousands
    # of skipped rows: sorting again for each took 11 s for 33,000 of them)
    found: dict[str, tuple[dict[int, int], list[int]]] = {}
    for file, last in lines.items():
        # a ZIP's member is told as in the ZIP, and read where it was unpacked
        path = (local or {}).get(file, Path(file))
        try:
            rows = line_rows(path, last) if path.is_file() else {}
        except (OSError, UnicodeError):
            rows = {}  # told by the reader already; lines stay as they are
        if rows:
            found[file] = rows, sorted(rows)
    told: list[Problem] = []
    for problem in problems:
        if (sheet := found.get(problem.file)) is None:
            told.append(problem)
            continue
        row = row_of(problem.line, *sheet) if problem.line is not None else None
        message = lines_with_rows(problem.message, *sheet)
        told.append(replace(problem, row=row, message=message))
    noted = [
        replace(n, message=lines_with_rows(n.message, *sheet))
        if (sheet := found.get(n.file))
        else n
        for n in notices
    ]
    return told, noted
