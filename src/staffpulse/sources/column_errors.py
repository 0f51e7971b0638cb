"""The errors a whole column of a file makes, told once for the file instead of on every line:
dates of numbers whose day and month order is not known (``3/1/2026``), ids a spreadsheet
rounded (``6.5873E+17``). Each record is still skipped and counted; the message says how many,
from which line, and what to do (:mod:`staffpulse.sources.written` reads the values).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from staffpulse.sources.base import Problem
from staffpulse.sources.written import (
    ISO_FIX,
    ROUNDED,
    ROUNDED_FIX,
    ROUNDED_LOST,
    YEAR_LAST,
    RoundedIdError,
    WrittenDateError,
    readings,
)

E = TypeVar("E", WrittenDateError, RoundedIdError)


@dataclass(slots=True)
class ColumnErrors(ABC, Generic[E]):
    """The records of one file skipped for the same error of a column, told once."""

    path: str
    lines: list[int] = field(default_factory=list)
    first: E | None = None

    def add(self, line: int, error: E) -> None:
        self.lines.append(line)
        self.first = self.first or error

    def problem(self) -> Problem | None:
        """One problem for them all (at the first such line), or None when there were none."""
        if self.first is None:
            return None
        n = len(self.lines)
        rows = "this record has" if n == 1 else f"{n:,} records, from this line on, have"
        return Problem(self.path, self.lines[0], self._message(n, rows, self.first), records=n)

    @abstractmethod
    def _message(self, n: int, rows: str, first: E) -> str:
        """What the ``n`` records skipped have wrong (``rows`` says how many), told by ``first``."""


@dataclass(slots=True)
class AmbiguousDates(ColumnErrors[WrittenDateError]):
    """The records of one JSONL file skipped for a date of unknown day and month order, told
    once. (A CSV reads such dates in the order its column shows: :mod:`.csv_dates`.)"""

    def _message(self, n: int, rows: str, first: WrittenDateError) -> str:
        return (
            f"{rows} a '{first.key}' of numbers with the year last "
            f"({first.value!r} here: {readings(first.value)}): {YEAR_LAST}. To import "
            f"{'it' if n == 1 else 'them'}, {ISO_FIX}, and import the file again"
        )


@dataclass(slots=True)
class RoundedIds(ColumnErrors[RoundedIdError]):
    """The records of one file skipped for an id a spreadsheet rounded, told once."""

    def _message(self, n: int, rows: str, first: RoundedIdError) -> str:
        return (
            f"{rows} {'an id' if n == 1 else 'ids'} {ROUNDED} ('{first.key}' is "
            f"{first.value!r} here: {ROUNDED_LOST}), so {'it' if n == 1 else 'they'} cannot "
            f"be used as {'an id' if n == 1 else 'ids'} and {'it was' if n == 1 else 'they were'}"
            f" skipped. To import {'it' if n == 1 else 'them'}, {ROUNDED_FIX}, and import the "
            "file again"
        )


class ToldOnce:
    """The errors a whole column makes, told once for the file instead of on every line:
    dates of unknown day and month order, ids rounded by a spreadsheet."""

    def __init__(self, path: str, dates: ColumnErrors[WrittenDateError] | None = None) -> None:
        # ``dates``: how a CSV tells the dates its column's order left unread (.csv_dates)
        self.dates = dates if dates is not None else AmbiguousDates(path)
        self.ids = RoundedIds(path)

    def take(self, line: int, error: ValueError) -> bool:
        """Keep ``error`` to tell once (True), or False: it is told on its own line."""
        if isinstance(error, WrittenDateError) and error.ambiguous:
            self.dates.add(line, error)
        elif isinstance(error, RoundedIdError):
            self.ids.add(line, error)
        else:
            return False
        return True

    def problems(self) -> Iterator[Problem]:
        for problem in (self.dates.problem(), self.ids.problem()):
            if problem is not None:
                yield problem
