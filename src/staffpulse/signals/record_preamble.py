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

from collections.abc import Sequence

from staffpulse.signals.record_fields import field_key
from staffpulse.sources.csv_preamble import HeaderTest, lines_above

__all__ = ["HeaderTest", "lines_above_header"]


def lines_above_header(lines: Sequence[str], takes_header: HeaderTest) -> int:
    """How many of ``lines`` (a file's first ones) are above the first line ``takes_header``
    reads as a header, its columns folded as the commands fold field names; 0 when none of
    the first lines is one, or when only blank or ``sep=`` lines are above it."""
    return lines_above(lines, [takes_header], key=field_key)
