"""A CSV INPUT of ``classify`` or ``roles`` saved without its header line.

A sheet exported without its header (``123,"We're hiring a nurse"``) holds its first record
where the header should be. When that first row can only be a record laid out as the
contract's columns are, in their order, it is read so, with a note: as many cells as the
contract has columns (classify: ``id,text``; roles: ``id,name,description`` and optionally
``text``), its first cell a whole number (an id; no column is named so) and not every cell a
number (a table of figures is no posts or accounts). Anything else, such as an id that is a
word (which may be a column's name) or more cells than the contract has, keeps the clear
refusal that asks for a header: a guess there would score the wrong column without a word.
"""

from __future__ import annotations

import re

from staffpulse.sources.csvrows import CsvRecord, CsvTable, excel_text

__all__ = ["headerless_note", "headerless_record"]

# a whole number, as an id is written (an X id has 19 digits); "6.5873E+17", a rounded id,
# is not one (its first row is told as a header that lacks the columns, with what to do)
_WHOLE_NUMBER = re.compile(r"-?\d+")
_NUMBER = re.compile(r"[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][-+]?\d+)?%?")


def headerless_record(table: CsvTable, columns: tuple[str, ...], least: int) -> CsvRecord | None:
    """The first row of ``table`` as a record when it is one rather than a header (as the
    module says), with ``table`` then reading the rows under ``columns``; None, ``table``
    unchanged, otherwise. A row may leave out the columns after the first ``least`` (roles'
    optional ``text``)."""
    cells = [excel_text(cell) for cell in table.header]
    if not least <= len(cells) <= len(columns):
        return None
    if not _WHOLE_NUMBER.fullmatch(cells[0]):
        return None
    if all(_NUMBER.fullmatch(cell.strip()) or not cell.strip() for cell in cells[1:]):
        return None
    table.header = list(columns)
    return CsvRecord(table.header_line, dict(zip(columns, cells, strict=False)))


def headerless_note(record: CsvRecord, columns: tuple[str, ...]) -> str:
    """What the user is told of a file read without its header."""
    return (
        f"no header line: line {record.line} holds a record (id {record.values['id']}), so "
        f"the columns were read in order as {','.join(columns)}; if they are others, add a "
        "first line naming them"
    )
