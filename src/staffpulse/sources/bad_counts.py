"""Counts a person's file wrote as no whole number: ``1.2K`` copied from X's page, ``1.234``
as a German Excel groups thousands, ``-`` or ``n/a`` for none, ``-5``.

A count is an extra of a post or account (its likes, its followers): such a cell cost the
whole record, a post skipped for its likes. Now the record is imported without that count
(blank, as if the cell were empty), and the file is told once a column which lines, the first
value, and how to write it; nothing is rounded or guessed. The raw record keeps the cell.
A file a tool wrote (X Analytics, twarc2) is told to be exported again instead: its user wrote
no number, a spreadsheet that saved it did.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from staffpulse.sources.base import Notice
from staffpulse.sources.written import COUNT_FIX, CountError

T = TypeVar("T")
SHOWN_LINES = 5  # of the lines of a column, how many are named


class BadCounts:
    """The counts of one file left out of their records, by field: (line, value) each."""

    def __init__(self, fix: str = COUNT_FIX) -> None:
        self.found: dict[str, list[tuple[int | None, object]]] = {}
        self.fix = fix  # what to do, said after the values left out

    def build(
        self, values: Mapping[str, Any], line: int | None, make: Callable[[dict[str, Any]], T]
    ) -> T:
        """``make(values)``, with each count that is no whole number left blank (and noted).
        Any other error is raised as ``make`` raised it."""
        kept = dict(values)
        while True:
            try:
                return make(kept)
            except CountError as exc:
                if kept.get(exc.key) in (None, ""):
                    raise  # not a cell of the record: nothing to leave out
                self.found.setdefault(exc.key, []).append((line, exc.value))
                kept[exc.key] = None

    def notices(self, path: str) -> list[Notice]:
        return [Notice(path, _told(key, found, self.fix)) for key, found in self.found.items()]


def _told(key: str, found: list[tuple[int | None, object]], fix: str) -> str:
    lines = [f"{line:,}" for line, _value in found[:SHOWN_LINES] if line is not None]
    more = f" and {len(found) - SHOWN_LINES:,} more" if len(found) > SHOWN_LINES else ""
    where = f" (line{'s' if len(found) > 1 else ''} {', '.join(lines)}{more})" if lines else ""
    one = len(found) == 1
    return (
        f"'{key}' of {'1 record' if one else f'{len(found):,} records'}{where}"
        f" {'is no whole number' if one else 'are no whole numbers'} of 0 or more (the first:"
        f" {found[0][1]!r}), so {'it was' if one else 'they were'}"
        f" imported without it, not guessed; {fix}, then import the file again to fill"
        f" {'it' if one else 'them'} in"
    )
