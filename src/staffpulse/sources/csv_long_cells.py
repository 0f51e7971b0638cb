"""A CSV cell longer than the csv module reads (131,072 characters): its row told and passed
over alone, the rows after it read.

No post or profile is that long: such a cell is a whole document pasted in, or a file merged
into another. The csv module stops there with an error, which stopped the whole import as "a
bug in staffpulse"; a quoted cell over several lines was told an "unclosed quote" and each of
its lines read as a row of its own. :func:`read_csv_rows
<staffpulse.sources.csvrows.read_csv_rows>` tells the row with :func:`too_long` instead and,
for a cell over several lines, passes over the lines up to where its quotes close
(:func:`passed_over`).
"""

from __future__ import annotations

import csv
from collections import deque
from collections.abc import Iterator

Line = tuple[int, str]  # a line of the file with its number


def too_long() -> str:
    """What a row with a cell longer than the csv module reads is told."""
    return (
        f"a cell holds more than {csv.field_size_limit():,} characters, far more than any post "
        "or profile (a whole document pasted into it?): the row was skipped; shorten that cell"
    )


def passed_over(read: list[Line], replay: deque[Line], source: Iterator[Line]) -> bool:
    """Whether the lines after ``read`` (a record stopped inside a quoted cell) close its
    quotes: those lines then taken (from ``replay`` first), the record passed over whole; else
    (its quote never closes) they are put back, and False."""
    quotes = sum(text.count('"') for _number, text in read)  # "" inside a cell counts twice
    taken: list[Line] = []
    while quotes % 2:
        line = replay.popleft() if replay else next(source, None)
        if line is None:
            replay.extendleft(reversed(taken))
            return False
        taken.append(line)
        quotes += line[1].count('"')
    return True
