"""Lines above the CSV header of a ``classify`` or ``roles`` INPUT: a report's title, date range
or notes, as social-media tools write them before the real header (the import passes over the
same lines: :mod:`staffpulse.sources.csv_preamble`).

The header is the first of the file's first :data:`~staffpulse.sources.csv_preamble.MAX_LINES`
lines whose columns the command reads (``id`` and ``text`` for ``classify``; an id and a name
or bio for ``roles``). Only when some line that says something is above it are those lines
passed over, read as blank lines so that every record keeps its line number, and told with
the import's note. A file whose first line that says something is such a header, and one with
no such header in its first lines, are read as before: a clean CSV is never read from a later
line, and a header that lacks a column is still told what it lacks.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence

from staffpulse.signals.record_fields import field_key
from staffpulse.sources.csv_preamble import MAX_LINES
from staffpulse.sources.csvrows import SEP_LINE_RE, excel_text, sniff_delimiter

__all__ = ["HeaderTest", "lines_above_header"]

# the column names of a line (folded as the readers fold them) -> whether the command reads it
HeaderTest = Callable[[set[str]], bool]


def _columns(line: str) -> set[str]:
    try:
        cells = next(csv.reader([line], delimiter=sniff_delimiter(line)), [])
    except csv.Error:  # a quote left open: a title, not a header
        return set()
    return {field_key(excel_text(cell)) for cell in cells}


def _says_nothing(line: str) -> bool:
    """Blank, or Excel's ``sep=;`` line: not a preamble (the CSV reader reads both)."""
    return not line.strip() or SEP_LINE_RE.match(line) is not None


def lines_above_header(lines: Sequence[str], takes_header: HeaderTest) -> int:
    """How many of ``lines`` (a file's first ones) are above the first line ``takes_header``
    reads as a header; 0 when none of the first ``MAX_LINES`` is one, or when only blank or
    ``sep=`` lines are above it."""
    for number, line in enumerate(lines[:MAX_LINES]):
        if _says_nothing(line) or not takes_header(_columns(line)):
            continue
        return 0 if all(_says_nothing(above) for above in lines[:number]) else number
    return 0
