"""Long ids a spreadsheet saved with their last digits as zeros, told once for the file.

Excel and Google Sheets keep 15 significant digits of a number. An X id of 18 or 19 digits in
a column not formatted as Text is shown as ``1.71235E+18`` (:func:`.written.is_rounded_id`)
or, in a column formatted as a number, saved as ``1712345678901230000``: its last 3 or 4
digits are zeros. Imported so, every post was stored under an id X never gave it: a later
import of the same posts (a fetch, the archive) stored each a second time, links to it broke,
and two posts whose ids differed in those digits only were stored as one.

A real id ends so by chance only (1 in 625 at most for 19 digits, 1 in 125 for 18), so one
such id proves nothing, but many do: a file is taken as saved so when, in one of its id columns,
more distinct ids end in zeros past the 15th digit than chance gives once in a million files
(:data:`CHANCE`). Its rows holding such an id are then skipped, and told once with what to do;
but a row whose own ids are whole, with such an id in a column that only links it to another
post (twarc2's ``conversation_id``: its ``links``), is kept without that link, told once a
column: the link alone would point at no post, or at the wrong one. (A link that is the row's
own id so saved, the ``conversation_id`` of a post starting its conversation, is read as that
id.) Before that is clear, the first rows with a long id are held back (:data:`HOLD`), so the first
ones of a re-saved file are not imported before the rest is known.

A program in JavaScript rounds such ids the same way, to the 16 or 17 digits of its numbers
(:mod:`.js_ids`): :class:`Rounding` says which ids a program rounds, how they look rounded,
how likely a real id is to look so, and what to do; :data:`SPREADSHEET` is a spreadsheet's.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Generic, TypeVar

from staffpulse.sources.bad_counts import records_on_lines
from staffpulse.sources.base import Notice, Problem
from staffpulse.sources.csvrows import CsvProblem, CsvRecord, as_written
from staffpulse.sources.written import ROUNDED_FIX

SIGNIFICANT = 15  # the digits of a number a spreadsheet keeps
CHANCE = 1e-6  # how likely real ids may be to end in zeros as often, at most, to be trusted
HOLD = 50  # rows with a long id held back, at most, before the file is taken as it came
_R = TypeVar("_R")


def zeroed(value: str | None) -> bool:
    """Whether ``value`` is a long id whose digits past the 15th are all zeros, as a
    spreadsheet saves one."""
    return (
        value is not None
        and len(value) > SIGNIFICANT
        and value.isascii()
        and value.isdigit()
        and value[0] != "0"
        and not value[SIGNIFICANT:].strip("0")
    )


def id_columns(header: Sequence[str]) -> tuple[str, ...]:
    """The columns of a CSV header that hold ids: ``id``, and those named ``..._id`` or
    ``....id`` (twarc2's ``author.id``)."""
    return tuple(key for key in header if key == "id" or key.endswith(("_id", ".id")))


def zeroed_from(zeroed_id: str, whole: str) -> bool:
    """Whether a spreadsheet saving the id ``whole`` in a number column, which keeps 15 digits,
    writes ``zeroed_id`` (``1600000000000000000``): rounded down or up, as it rounds the float
    it read (``...245010`` is ``...244928`` there, saved as ``...240000``), not the id."""
    if not (zeroed(zeroed_id) and whole.isdigit() and len(whole) == len(zeroed_id)):
        return False
    scale: int = 10 ** (len(whole) - SIGNIFICANT)
    head = int(whole) // scale
    return int(zeroed_id) in (head * scale, (head + 1) * scale)


def _long(value: str) -> bool:
    return len(value) > SIGNIFICANT and value.isdigit()


def _chance(value: str) -> float:
    """How likely a real id as long as ``value`` is to end in zeros past the 15th digit, at
    most: 1 in 5 for each such digit, not 1 in 10. An X id's last 12 bits count the posts of
    its millisecond, most often none before it: it is then a multiple of 4,096, and ends in
    0000 once in 625, not in 10,000 (as real archives show)."""
    return float(5.0 ** -(len(value) - SIGNIFICANT))


@dataclass(frozen=True, slots=True)
class Rounding:
    """How one kind of program rounds long ids: which it may round (``long``), whether one
    looks rounded (``rounded``), how likely a real id is to look so (``chance``), and the words
    of the message: who rounded it (``by``), why it lost digits (``why``), what to do."""

    long: Callable[[str], bool]
    rounded: Callable[[str], bool]
    chance: Callable[[str], float]
    by: str
    why: str
    fix: str


SPREADSHEET = Rounding(
    _long,
    zeroed,
    _chance,
    "a spreadsheet saved with the last digits as zeros",
    "it keeps 15 digits of a number",
    ROUNDED_FIX,
)


def csv_cells(row: CsvRecord | CsvProblem) -> tuple[int, Mapping[str, str]] | None:
    """A CSV row's line and cells, for :meth:`ZeroedIds.kept`; None for a line not read."""
    return None if isinstance(row, CsvProblem) else (row.line, row.values)


def csv_with(row: CsvRecord | CsvProblem, cells: Mapping[str, str]) -> CsvRecord | CsvProblem:
    """A CSV row with ``cells`` written over its own (ids lost to a spreadsheet left blank, or
    mended), for :meth:`ZeroedIds.kept`."""
    if isinstance(row, CsvProblem):
        return row
    return replace(row, values={**row.values, **cells})


def link_columns(columns: Sequence[str], own: Collection[str]) -> frozenset[str]:
    """Of a file's id ``columns``, those but the ``own``: the ids that make a row (its own
    id, its author's, its kind's), whose loss costs the row; the others only link it."""
    return frozenset(column for column in columns if column not in own)


@dataclass(slots=True)
class _Column:
    """The long ids of one column so far: the distinct ones ending in zeros, and how many of
    its ids would by chance."""

    found: set[str] = field(default_factory=set)
    expected: float = 0.0  # on every long id, a repeated one too: chance never understated

    def add(self, value: str, how: Rounding) -> None:
        self.expected += how.chance(value)
        if how.rounded(value):
            self.found.add(value)

    def rewritten(self) -> bool:
        """Whether more of its ids end in zeros than real ids would but once in a million
        (the chance of ``len(found)`` or more under Poisson, bounded by its first term)."""
        count, expected = len(self.found), self.expected
        if count < 2 or count <= expected:
            return False
        first = -expected + count * math.log(expected) - math.lgamma(count + 1)
        return first - math.log1p(-expected / (count + 1)) < math.log(CHANCE)


@dataclass(frozen=True, slots=True)
class _Zeroed:
    """An id of a row saved with zeros: in which column, as written, on which line."""

    column: str
    value: str
    line: int
    whole: str = ""  # a link that is the row's own id so saved: that id, read instead


@dataclass(slots=True)
class ZeroedIds(Generic[_R]):
    """The rows of one file skipped for an id a spreadsheet saved with zeros, found column by
    column (``columns``: the file's id columns) and told once (:meth:`problem`), each column
    named as the header writes it (``written``: "ID", not the "id" it is read as)."""

    path: str
    columns: Sequence[str]
    written: Mapping[str, str] = field(default_factory=dict)
    how: Rounding = SPREADSHEET  # who rounded the ids: a spreadsheet, or JavaScript
    # the id columns that only link a row to another (dropped, the row kept: link_columns)
    links: Collection[str] = frozenset()
    own_id: str = "id"  # the column of a row's own id (a link so saved is read as it)
    rewritten: bool = False  # the file is taken as saved so: rows with such ids are skipped
    trusted: bool = False  # enough of its first rows were read: taken as it came
    skipped: list[_Zeroed] = field(default_factory=list)
    dropped: dict[str, list[_Zeroed]] = field(default_factory=dict)  # links, by column
    mended: dict[str, list[_Zeroed]] = field(default_factory=dict)  # links read as own ids
    _seen: dict[str, _Column] = field(default_factory=dict)
    _held: list[tuple[_R, _Zeroed | None, list[_Zeroed]]] = field(default_factory=list)
    _long_rows: int = 0  # rows with a long id so far

    def kept(
        self,
        rows: Iterable[_R],
        cells: Callable[[_R], tuple[int, Mapping[str, str]] | None],
        drop: Callable[[_R, Mapping[str, str]], _R] | None = None,
    ) -> Iterator[_R]:
        """``rows`` in their order, but for those with an id saved with zeros once the file
        is known to hold them. ``cells`` gives a row's line and cells (None: no row of data,
        as a line that could not be read, passed on as it is); ``drop`` a row with some cells
        of :attr:`links` written over (needed with them)."""
        for row in rows:
            told = cells(row)
            zeros = [] if told is None else self._add(*told)
            own = next((zero for zero in zeros if zero.column not in self.links), None)
            self._held.append((row, own, [zero for zero in zeros if zero.column in self.links]))
            if not (self.rewritten or self.trusted):
                # held until the file is known: HOLD rows with a long id (or many without)
                self.trusted = self._long_rows >= HOLD or len(self._held) >= 4 * HOLD
            if self.rewritten or self.trusted:
                yield from self._release(drop)
        yield from self._release(drop)

    def _add(self, line: int, values: Mapping[str, str]) -> list[_Zeroed]:
        """Count the row's long ids; those of them saved with zeros, if any."""
        found: list[_Zeroed] = []
        long = False
        for key in self.columns:
            value = (values.get(key) or "").strip()
            if not self.how.long(value):
                continue
            long = True
            column = self._seen.setdefault(key, _Column())
            column.add(value, self.how)
            if self.how.rounded(value):
                own = (values.get(self.own_id) or "").strip()
                whole = key in self.links and self.how is SPREADSHEET and zeroed_from(value, own)
                found.append(_Zeroed(key, value, line, own if whole else ""))
                self.rewritten = self.rewritten or column.rewritten()
        self._long_rows += long
        return found

    def _release(self, drop: Callable[[_R, Mapping[str, str]], _R] | None) -> Iterator[_R]:
        """The rows held, but for those with an id saved with zeros in a file known to hold
        them; those with such an id in a link only, without it."""
        held, self._held = self._held, []
        for row, zero, links in held:
            if zero is not None and self.rewritten:
                self.skipped.append(zero)
            elif links and self.rewritten and drop is not None:
                for link in links:
                    told = self.mended if link.whole else self.dropped
                    told.setdefault(link.column, []).append(link)
                yield drop(row, {link.column: link.whole for link in links})
            else:
                yield row

    def notices(self) -> Iterator[Notice]:
        """One note a link column whose ids were read as the rows' own, and one a link column
        whose ids were left out of the rows kept."""
        for column, links in self.mended.items():
            first, one = links[0], len(links) == 1
            records = records_on_lines([link.line for link in links])
            yield Notice(
                self.path,
                f"'{as_written(column, self.written)}' of {records} held"
                f" {'its' if one else 'their'} own id{'' if one else 's'} as {self.how.by}"
                f" ({first.value!r}{'' if one else ' first'} for {first.whole}: {self.how.why}):"
                f" {'a post that starts its' if one else 'posts that start their'} own"
                f" conversation, so {'it was' if one else 'they were'} read as"
                f" {'that id' if one else 'those ids'}",
            )
        for column, links in self.dropped.items():
            first, one = links[0], len(links) == 1
            records = records_on_lines([link.line for link in links])
            yield Notice(
                self.path,
                f"'{as_written(column, self.written)}' of {records} held"
                f" {'an id' if one else 'ids'}"
                f" {self.how.by} ({first.value!r}{'' if one else ' first'}: {self.how.why}):"
                f" {'it links' if one else 'they link'} to no post or account, or to the wrong"
                f" one, so {'the record was' if one else 'the records were'} imported without"
                f" {'it' if one else 'them'}, the rest kept. To keep the link, {self.how.fix},"
                " and import the file again",
            )

    def problem(self) -> Problem | None:
        """One problem for the rows skipped (at the first), None when there were none."""
        if not self.skipped:
            return None
        n, first = len(self.skipped), self.skipped[0]
        one = n == 1
        rows = "this record has" if one else f"{n:,} records, from this line on, have"
        return Problem(
            self.path,
            first.line,
            f"{rows} {'an id' if one else 'ids'} {self.how.by}"
            f" ('{as_written(first.column, self.written)}' is {first.value!r} here:"
            f" {self.how.why}),"
            f" as many of this file's ids are. Stored so, {'it' if one else 'each'} would not"
            " match the real id of its post or account (counted twice once the real one is"
            f" imported; two could become one), so {'it was' if one else 'they were'} skipped."
            " To import"
            f" {'it' if one else 'them'}, {self.how.fix}, and import the file again",
            records=n,
        )
