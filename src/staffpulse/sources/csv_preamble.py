"""Lines above a CSV's header: the title, date range, account name or blank lines that
social-media tools (Sprout Social, Hootsuite, Buffer, Brandwatch, Meltwater, some X Analytics
exports) write before the real header.

The header is the first of a file's first :data:`MAX_LINES` lines that a known CSV format takes
for its header (each CSV source adds its test to :data:`HEADER_TESTS`). The lines above it are
read as blank lines (:func:`skip_preamble`), so that every record keeps the line it is on, and
the import says so (:func:`preamble_note`). A file none of whose first lines is a known header
is read from its first line, as before, and told what that header lacks.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from staffpulse.report.counts import count_of
from staffpulse.sources.base import Notice, read_head
from staffpulse.sources.csvrows import (
    SEP_LINE_RE,
    CsvProblem,
    CsvRecord,
    CsvTable,
    column_key,
    excel_text,
    read_csv_rows,
    sniff_delimiter,
)
from staffpulse.sources.text_files import TextEncoding, head_text

MAX_LINES = 20  # exports seen put at most ~10 lines above; a longer run is no preamble
# Of a .txt, how many lines of prose above the first line a CSV format takes for its header
# make it a person's notes that name a table's columns (a data folder's PROVENANCE.txt: "Source
# : ...", "Columns : id,author,text"), not a table: a tool's title and dates are one or two
NOTES_LINES = 3
NOTES_WORDS = 6  # a line of this many words is a sentence, as no title a tool writes is
# "Label : value", as a person writes notes ("License: CC BY 4.0", "Rows  : 93 posts")
_LABEL_LINE_RE = re.compile(r"^\s*[^\W\d_][^\W_]*(?: [^\W_]+){0,3}\s*:\s+\S")
_WORD_RE = re.compile(r"[^\W\d_]+")
HeaderTest = Callable[[set[str]], bool]
HEADER_TESTS: list[HeaderTest] = []


def header_test(test: HeaderTest) -> HeaderTest:
    """Add ``test`` (the column names of a line -> whether a source reads that header) to
    the tests the header is found with; returns it unchanged."""
    HEADER_TESTS.append(test)
    return test


def _line_columns(line: str, key: Callable[[str], str]) -> set[str]:
    try:
        cells = next(csv.reader([line], delimiter=sniff_delimiter(line)), [])
    except csv.Error:  # a quote left open: a title, not a header
        return set()
    return {key(excel_text(cell)) for cell in cells}


def _filler(line: str) -> bool:
    """A line that says nothing: blank, or Excel's ``sep=;`` (which names the delimiter)."""
    return not line.strip() or SEP_LINE_RE.match(line) is not None


def lines_above(
    lines: Sequence[str],
    tests: Sequence[HeaderTest] | None = None,
    *,
    key: Callable[[str], str] = column_key,
) -> int:
    """How many of ``lines`` (a file's first ones, with their line breaks) are above its
    header; 0 when the first line that says something is the header, or when none of the
    first :data:`MAX_LINES` is a header.

    A header is a line one of ``tests`` takes (by default :data:`HEADER_TESTS`, the import's
    CSV formats), given its column names folded with ``key``.
    """
    takes = HEADER_TESTS if tests is None else tests
    for number, line in enumerate(lines[:MAX_LINES]):
        if _filler(line):
            continue
        if any(test(_line_columns(line, key)) for test in takes):
            above = lines[:number]
            return number if not all(_filler(other) for other in above) else 0
    return 0


def notes_above(head: bytes) -> bool:
    """Whether a file head is a person's notes (:data:`NOTES_LINES` lines of prose or more
    above the line taken for a header, and no row of as many cells below it), not a table
    below a report's title ("Report: ...", "Account: ..." above a tab-delimited export are
    read as its preamble). A line a spreadsheet saved (padded: "Acme report,,,") is no prose."""
    lines = head_lines(head)
    above = lines_above(lines)
    if sum(map(_prose_line, lines[:above])) < NOTES_LINES:
        return False
    return not _row_below(lines[above], lines[above + 1 :])


def _row_below(header: str, below: Sequence[str]) -> bool:
    """Whether the first line that says something below ``header`` is a row of as many cells:
    a table's ("1<TAB>acme<TAB>Hello"), not a note's next line ("Caveats : ...")."""
    delimiter = sniff_delimiter(header)
    try:
        width = len(next(csv.reader([header], delimiter=delimiter), []))
        rows = csv.reader(io.StringIO("".join(below), newline=""), delimiter=delimiter)
        row = next((cells for cells in rows if any(cell.strip() for cell in cells)), [])
    except csv.Error:  # a quote left open: notes, not a row
        return False
    return width > 1 and len(row) == width


def _prose_line(line: str) -> bool:
    """A line of notes: "Label : value", or a sentence, not padded with a delimiter."""
    bare = line.rstrip("\r\n")
    if not bare.strip() or bare.endswith((",", ";", "\t")):
        return False
    return _LABEL_LINE_RE.match(bare) is not None or len(_WORD_RE.findall(bare)) >= NOTES_WORDS


def head_lines(head: bytes) -> list[str]:
    """The whole lines of a file head, split as a file opened with ``newline=""`` splits
    them (the last one, cut by the end of the head, left out)."""
    lines = io.StringIO(head_text(head), newline="").readlines()
    if len(lines) > 1 and not lines[-1].endswith(("\n", "\r")):
        lines.pop()
    return lines


def csv_columns(head: bytes) -> set[str]:
    """The column names of a CSV header in a file head (stripped, lower-cased), below the
    lines a report puts above it."""
    lines = head_text(head).splitlines(keepends=True)
    rows = read_csv_rows(skip_preamble(lines, lines_above(lines)))
    first = next((row for row in rows if not isinstance(row, CsvProblem)), None)
    return {column_key(cell) for cell in first.cells} if first is not None else set()


def preamble_of(path: Path) -> int:
    """How many lines of the file ``path`` are above its header (:func:`lines_above`)."""
    return lines_above(head_lines(read_head(path)))


def skip_preamble(lines: Iterable[str], count: int) -> Iterator[str]:
    """``lines`` with the first ``count`` read as blank lines: no rows, and every line after
    them keeps its number."""
    for number, line in enumerate(lines):
        yield "\n" if number < count else line


def import_table(handle: TextIO, above: int) -> CsvTable:
    """The table the import reads from an opened CSV file with ``above`` lines above its
    header (the header repeated further down passed over)."""
    return CsvTable(
        skip_preamble(handle, above), key=column_key, pass_repeated_header=True, name_unnamed=True
    )


def table_records(
    path: Path, encoding: TextEncoding, above: int
) -> Iterator[CsvRecord | CsvProblem]:
    """The records of the CSV file ``path`` below its ``above`` lines of preamble, or the
    problems of those that cannot be read: the file opened anew, for a reader that passes
    over it twice."""
    with path.open(encoding=encoding.codec, errors=encoding.errors, newline="") as handle:
        yield from import_table(handle, above).records()


def preamble_notices(path: Path, above: int) -> list[Notice]:
    """The note a file with ``above`` lines above its header gets (none when it has none)."""
    return [Notice(str(path), preamble_note(above))] if above else []


def preamble_note(above: int) -> str:
    """What the import says of a file with ``above`` lines above its header."""
    # the header's line named after "the header", so it does not read as the title's
    lines = "the line" if above == 1 else f"the {count_of(above, 'line')}"
    return (
        f"{lines} above the header on line {above + 1} (a report's title, date range or notes) "
        f"{'is' if above == 1 else 'are'} not data and {'was' if above == 1 else 'were'} "
        "passed over"
    )
