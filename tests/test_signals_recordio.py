"""Opening a record file for ``classify`` and ``roles``: a file nothing in which can be used is
refused before any output is written, saying why (its one record skipped, only records of
another kind, a header without rows), and a file read whole keeps every record in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from staffpulse.errors import EmptyInputError, NothingImportedError
from staffpulse.signals.roles_io import read_accounts


def _never(_why: str) -> None:
    return None


def test_a_file_whose_one_record_is_broken_says_so(tmp_path: Path) -> None:
    broken = tmp_path / "one.jsonl"
    broken.write_text('{"id": "1", "name": ["not", "text"]}\n', encoding="utf-8")
    told: list[str] = []
    with pytest.raises(NothingImportedError) as raised:
        read_accounts(broken, told.append)
    assert raised.value.message == (
        f"nothing in {broken} could be used: its one record was skipped (see above why)"
    )
    assert len(told) == 1 and told[0].startswith(f"{broken}:1: ")


def test_a_file_of_posts_only_says_what_it_holds(tmp_path: Path) -> None:
    posts = tmp_path / "posts.jsonl"
    posts.write_text(
        '{"type": "post", "id": "9", "name": "Acme", "text": "hi"}\n'
        '{"type": "follow", "id": "10", "name": "Acme"}\n',
        encoding="utf-8",
    )
    with pytest.raises(NothingImportedError) as raised:
        read_accounts(posts, _never)
    assert raised.value.message.startswith(f"nothing in {posts} could be used: it holds only ")
    assert "1 post" in raised.value.message and "1 follow" in raised.value.message


def test_a_csv_header_without_rows_is_empty_not_broken(tmp_path: Path) -> None:
    header = tmp_path / "accounts.csv"
    header.write_text("id,name,description\n", encoding="utf-8")
    with pytest.raises(EmptyInputError) as raised:
        read_accounts(header, _never)
    assert raised.value.message == f"{header} is empty: it has a header but no records"


def test_records_after_a_broken_one_are_kept_in_order(tmp_path: Path) -> None:
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text(
        '{"id": "1", "name": "Acme"}\n{oops\n{"id": "3", "name": "Beta"}\n', encoding="utf-8"
    )
    told: list[str] = []
    with read_accounts(mixed, told.append) as records:
        assert [(r.line, r.id) for r in records] == [(1, "1"), (3, "3")]
        assert records.skipped == 1
    assert told[0].startswith(f"{mixed}:2: ")


def test_an_object_whose_first_line_holds_its_first_key_is_read_whole(tmp_path: Path) -> None:
    # some pretty-printers put the first key beside the brace: read line by line, every line
    # of the record was skipped and the account lost
    spread = tmp_path / "accounts.json"
    spread.write_text(
        '{"id": 5,\n "name": "Acme Staffing", "description": "Temp staff"}\n'
        '{"id": 6,\n "name": "Jo", "description": "Recruiter"}\n',
        encoding="utf-8",
    )
    told: list[str] = []
    with read_accounts(spread, told.append) as records:
        assert [(r.line, r.id) for r in records] == [(1, 5), (3, 6)]
        assert records.skipped == 0 and told == []


def test_a_json_lines_file_with_a_broken_first_line_keeps_the_rest(tmp_path: Path) -> None:
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text('{"id": "1", "name": \n{"id": "2", "name": "Beta"}\n', encoding="utf-8")
    told: list[str] = []
    with read_accounts(mixed, told.append) as records:
        assert [(r.line, r.id) for r in records] == [(2, "2")]
        assert records.skipped == 1 and told[0].startswith(f"{mixed}:1: not valid JSON")


def test_a_cell_past_the_csv_limit_loses_its_row_as_in_an_import(tmp_path: Path) -> None:
    """Loading this module raised the csv module's limit for the whole process, so in the
    dashboard (which loads it) an import read a cell of 140,000 characters that the command
    line skips with a message. Classify and roles now skip it too, and leave the limit be."""
    from staffpulse.sources.csvrows import CsvProblem, read_csv_rows

    accounts = tmp_path / "accounts.csv"
    accounts.write_text(
        f"id,name,description\n1,Acme,ok\n2,Beta,{'w' * 140_000}\n3,Gamma,ok\n", encoding="utf-8"
    )
    told: list[str] = []
    with read_accounts(accounts, told.append) as records:
        assert [r.id for r in records] == ["1", "3"]
    assert len(told) == 1 and told[0].startswith(f"{accounts}:3: a cell holds more than 131,072")
    with accounts.open(encoding="utf-8", newline="") as lines:  # as an import reads it
        rows = list(read_csv_rows(lines))
    assert isinstance(rows[2], CsvProblem) and rows[2].line == 3
