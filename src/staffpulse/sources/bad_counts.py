"""Counts a person's file wrote as no whole number: ``1.2K`` copied from X's page, ``1.234``
as a German Excel groups thousands, ``-`` or ``n/a`` for none, ``-5``.

A count is an extra of a post or account (its likes, its followers): such a cell cost the
whole record, a post skipped for its likes. Now the record is imported without that count
(blank, as if the cell were empty), and the file is told once a column which lines, the first
value, and how to write it; nothing is rounded or guessed. The raw record keeps the cell.
A file a tool wrote (X Analytics, twarc2) is told to be exported again instead: its user wrote
no number, a spreadsheet that saved it did.

A count ``1.400`` in a file whose other numbers show the comma is its decimal mark (``2,5``)
is 1400, the dot grouping thousands (:mod:`staffpulse.sources.csv_decimals`): it is read, and
told once a column too. In such a file a count ``1,234`` is 1.234, no count, or a thousand
written another way: it is left out, and told once a column, not read as 1234 unsaid.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol, TypeVar

from staffpulse.sources.base import Notice
from staffpulse.sources.written import COUNT_FIX, CountError, written_count

T = TypeVar("T")
SHOWN_LINES = 5  # of the lines of a column, how many are named


class Regrouping(Protocol):
    """How a file's own numbers read a count no file reads alone (``1.400``)."""

    def whole(self, value: object) -> int | None:
        """The whole number ``value`` is in this file; None when it does not tell."""
        ...

    def why(self) -> str:
        """Why the file reads such counts so, said after them."""
        ...

    def unsure(self, column: str, value: object) -> bool:
        """Whether the count ``value`` of ``column`` means two things in this file (``1,234``
        where the comma is the decimal mark): left out, not guessed."""
        ...


class BadCounts:
    """The counts of one file left out of their records, by field: (line, value) each; and
    those its own numbers read (``regrouping``)."""

    def __init__(self, fix: str = COUNT_FIX, regrouping: Regrouping | None = None) -> None:
        self.found: dict[str, list[tuple[int | None, object]]] = {}
        self.fix = fix  # what to do, said after the values left out
        self.regrouping = regrouping
        self.regrouped: dict[str, list[tuple[int | None, object]]] = {}
        self.unsure: dict[str, list[tuple[int | None, object]]] = {}  # "1,234" where "," is "."

    def build(
        self, values: Mapping[str, Any], line: int | None, make: Callable[[dict[str, Any]], T]
    ) -> T:
        """``make(values)``, with each count that is no whole number left blank (and noted).
        Any other error is raised as ``make`` raised it."""
        kept = dict(values)
        if self.regrouping is not None:
            for key, value in values.items():
                if self.regrouping.unsure(key, value):
                    self.unsure.setdefault(key, []).append((line, value))
                    kept[key] = None
        while True:
            try:
                return make(kept)
            except CountError as exc:
                if kept.get(exc.key) in (None, ""):
                    raise  # not a cell of the record: nothing to leave out
                kept[exc.key] = self._unread(exc.key, exc.value, line)

    def cell(self, key: str, value: str, line: int) -> str:
        """The count cell ``value`` of ``key`` as the record is made with it: blank when it is
        no whole number (noted), ``1400`` for a ``1.400`` the file's numbers read so (noted);
        for a reader that knows its count columns (twarc2's CSV)."""
        if self.regrouping is not None and self.regrouping.unsure(key, value):
            self.unsure.setdefault(key, []).append((line, value))
            return ""
        try:
            written_count({key: value}, key)
        except ValueError:
            return self._unread(key, value, line) or ""
        return value

    def _unread(self, key: str, value: object, line: int | None) -> str | None:
        """A count no file reads alone: the whole number the file's own numbers read it as
        (``1.400``: ``"1400"``), else None, left out; noted either way."""
        if self.regrouping and (whole := self.regrouping.whole(value)) is not None:
            self.regrouped.setdefault(key, []).append((line, value))
            return str(whole)
        self.found.setdefault(key, []).append((line, value))
        return None

    def notices(self, path: str) -> list[Notice]:
        told = [Notice(path, _told(key, found, self.fix)) for key, found in self.found.items()]
        if self.regrouping is not None:
            why = self.regrouping.why()
            told += [
                Notice(path, _read(key, found, why, self.fix))
                for key, found in self.regrouped.items()
            ]
            told += [
                Notice(path, _unsure(key, found, why, self.fix))
                for key, found in self.unsure.items()
            ]
        return told


def records_on_lines(found: Sequence[int | None]) -> str:
    """``1 record (line 3)``, ``7 records (lines 3, 4, 9, 12, 20 and 2 more)``: the records
    on the lines ``found`` (None: a record of no line)."""
    lines = [f"{line:,}" for line in found[:SHOWN_LINES] if line is not None]
    more = f" and {len(found) - SHOWN_LINES:,} more" if len(found) > SHOWN_LINES else ""
    where = f" (line{'s' if len(found) > 1 else ''} {', '.join(lines)}{more})" if lines else ""
    return f"{'1 record' if len(found) == 1 else f'{len(found):,} records'}{where}"


def _records(found: list[tuple[int | None, object]]) -> str:
    return records_on_lines([line for line, _value in found])


def _read(key: str, found: list[tuple[int | None, object]], why: str, fix: str) -> str:
    first = str(found[0][1]).strip()
    whole = first.replace(".", "")
    said = (
        f"is written with a dot between groups of three digits ({first!r}), so it was read as "
        f"the whole number {whole}"
        if len(found) == 1
        else "are written with a dot between groups of three digits (the first: "
        f"{first!r}), so they were read as whole numbers ({first!r} as {whole})"
    )
    return (
        f"'{key}' of {_records(found)} {said}: {why}. If that is wrong, {fix}, then "
        "import the file again"
    )


def _unsure(key: str, found: list[tuple[int | None, object]], why: str, fix: str) -> str:
    one = len(found) == 1
    first = str(found[0][1]).strip()
    return (
        f"'{key}' of {_records(found)} {'is' if one else 'are'} written with a comma before"
        f" three digits ({'' if one else 'the first: '}{first!r}): {why}, and there {first!r}"
        f" reads as the decimal {first.replace(',', '.')}, or as a thousand written another"
        f" way; which, the file does not say. So {'it was' if one else 'they were'} imported"
        " without"
        f" {'it' if one else 'them'}, not guessed; {fix}, then import the file again to"
        f" fill {'it' if one else 'them'} in"
    )


def _told(key: str, found: list[tuple[int | None, object]], fix: str) -> str:
    one = len(found) == 1
    return (
        f"'{key}' of {_records(found)}"
        f" {'is no whole number' if one else 'are no whole numbers'} of 0 or more (the first:"
        f" {found[0][1]!r}), so {'it was' if one else 'they were'}"
        f" imported without it, not guessed; {fix}, then import the file again to fill"
        f" {'it' if one else 'them'} in"
    )
