"""A CSV saved without its header (signals/record_headerless.py): its first row is read as a
record in the contract's columns only when it can be nothing else."""

from __future__ import annotations

import pytest

from staffpulse.signals.record_headerless import headerless_note, headerless_record
from staffpulse.sources.csvrows import CsvProblem, CsvRecord, CsvTable

_POSTS = ("id", "text")
_ACCOUNTS = ("id", "name", "description", "text")


def _table(text: str) -> CsvTable:
    return CsvTable(text.splitlines(keepends=True), key=str.strip)


def test_a_numbered_first_row_is_a_record_and_the_rows_below_read_under_the_contract() -> None:
    table = _table('123,"We\'re hiring, a nurse"\n-7,Good morning\n')
    first = headerless_record(table, _POSTS, least=2)
    assert first == CsvRecord(1, {"id": "123", "text": "We're hiring, a nurse"})
    rows = list(table.records())
    assert rows == [CsvRecord(2, {"id": "-7", "text": "Good morning"})]
    note = headerless_note(first, _POSTS)
    assert "line 1 holds a record (id 123)" in note and "read in order as id,text" in note


def test_an_account_row_may_leave_out_its_text() -> None:
    table = _table('8152,acme_staff,"Staffing agency, Ohio"\n8153,kim,HR manager,Hello all\n')
    first = headerless_record(table, _ACCOUNTS, least=3)
    assert first is not None and first.values["description"] == "Staffing agency, Ohio"
    (second,) = table.records()
    assert isinstance(second, CsvRecord) and second.values["text"] == "Hello all"


@pytest.mark.parametrize(
    "first_line",
    [
        "id_code,text_body\n",  # a header with other names: told what it lacks
        "abc,We're hiring\n",  # an id that is a word may be a column's name
        "6.5873E+17,We're hiring\n",  # a rounded id is no whole number
        "123,456\n",  # numbers only: a table of figures, not posts
        "705519946856427520,@midnight sock untangler,0\n",  # a third column: which is which?
        "123\n",
    ],
)
def test_anything_else_stays_a_header(first_line: str) -> None:
    table = _table(first_line + "2,more\n")
    header = list(table.header)
    assert headerless_record(table, _POSTS, least=2) is None
    assert table.header == header  # unchanged: the caller refuses it, naming its cells


def test_a_broken_row_below_is_still_told() -> None:
    table = _table('1,fine\n2,"open\n')
    assert headerless_record(table, _POSTS, least=2) is not None
    (problem,) = table.records()
    assert isinstance(problem, CsvProblem) and problem.line == 2
