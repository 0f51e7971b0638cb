"""Odd bytes and rows in the inputs of ``staffpulse classify`` and ``staffpulse roles``: raw
tabs, NULs and control characters, a lone CR, UTF-16 without a byte order mark, a corrupt or
garbage line and CSV rows cut short or left empty each cost at most their own record, never
the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contract_helpers import error_text, read_rows, run_classify
from record_input_helpers import COMMANDS, lines, record, run


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("raw", ["\t", "\x00"])
def test_a_raw_tab_or_nul_inside_a_json_string_keeps_its_record(
    tmp_path: Path, command: str, raw: str
) -> None:
    """Strict JSON wants them escaped; the record is still whole. A NUL in the first lines
    made the whole file "not a text file" (exit 65)."""
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps(record(command, 1, "a")).replace('"a"', f'"a{raw}b"')
        + "\n"
        + lines([record(command, 2)]),
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = run(command)(str(src), "-o", str(out))
    assert result.exit_code == 0, error_text(result)
    assert [r["id"] for r in read_rows(out)] == [1, 2]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_nul_in_a_csv_cell_is_a_row_not_a_binary_file(tmp_path: Path, command: str) -> None:
    src = tmp_path / "in.csv"
    header = "id,text" if command == "classify" else "id,name,description"
    rest = ",x" * (command == "roles")
    rows = f'1,a\x00b{rest}\n2,"c, d\x00"{rest}\n3,"line\nbreak\x00"{rest}\n'
    src.write_bytes(f"{header}\n{rows}".encode())
    out = tmp_path / "out.jsonl"
    result = run(command)(str(src), "-o", str(out))
    assert result.exit_code == 0, error_text(result)
    assert [r["id"] for r in read_rows(out)] == ["1", "2", "3"]


@pytest.mark.parametrize("command", COMMANDS)
def test_utf16_without_a_byte_order_mark_is_read_with_a_note(tmp_path: Path, command: str) -> None:
    src = tmp_path / "in.csv"
    header = "id\ttext" if command == "classify" else "id\tname\tdescription"
    row = "1\tcafé" if command == "classify" else "1\tcafé\tbarista"
    src.write_bytes(f"{header}\r\n{row}\r\n".encode("utf-16-le"))
    out = tmp_path / "out.jsonl"
    result = run(command)(str(src), "-o", str(out))
    assert result.exit_code == 0, error_text(result)  # was "not a text file", exit 65
    assert [r["id"] for r in read_rows(out)] == ["1"]
    assert "read as UTF-16-LE (it has no byte order mark to say so)" in error_text(result)


def test_a_csv_row_cut_short_or_without_an_id_is_told_with_what_to_do(tmp_path: Path) -> None:
    """A line break outside quotes splits a text into a short row: the message says how to
    keep it whole; an empty id cell says to fill it."""
    src = tmp_path / "in.csv"
    src.write_text("id,text\n1,first part\nsecond part\n,no id here\n2,fine\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run_classify(str(src), "-o", str(out))
    assert result.exit_code == 0, error_text(result)
    assert [r["id"] for r in read_rows(out)] == ["1", "2"]
    err = error_text(result).replace("\n", " ")
    assert f"{src}:3: the row ends before its text column: a text with a line break" in err
    assert f"{src}:4: no id (its cell is empty): give each row an id" in err


@pytest.mark.parametrize("command", COMMANDS)
def test_rows_of_empty_cells_below_a_spreadsheet_table_are_passed_over(
    tmp_path: Path, command: str
) -> None:
    src = tmp_path / "in.csv"
    header = "id,text,," if command == "classify" else "id,name,description,"
    src.write_text(f"{header}\r\n1,a,b,\r\n,,,\r\n,,,\r\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run(command)(str(src), "-o", str(out))
    assert result.exit_code == 0, error_text(result)
    assert [r["id"] for r in read_rows(out)] == ["1"]
    assert "skipped 0 malformed" in error_text(result)  # was "no id" for each


@pytest.mark.parametrize("command", COMMANDS)
def test_a_lone_cr_in_a_text_keeps_its_record_whole(tmp_path: Path, command: str) -> None:
    """A text with a lone \\r, as pandas' to_csv writes it (unquoted, since its line end is
    \\n), was cut into two rows: roles wrote an extra line under a bogus id ("b"), classify
    scored the text cut short and reported the rest as a row without a text."""
    src = tmp_path / "in.csv"
    header = "id,text" if command == "classify" else "id,name,description"
    rows = "1,a\rb\n2,c\n" if command == "classify" else "1,a\rb,c\rd\n2,e,f\n"
    src.write_bytes(f"{header}\n{rows}".encode())
    out = tmp_path / "out.jsonl"
    result = run(command)(str(src), "-o", str(out))
    assert result.exit_code == 0, error_text(result)
    assert [r["id"] for r in read_rows(out)] == ["1", "2"]
    assert "skipped 0 malformed" in error_text(result).replace("\n", " ")
    # JSON Lines with a raw \r in a string: one record, not two broken lines
    jsonl = tmp_path / "in.jsonl"
    raw_cr = lines([record(command, 1, "a\rb"), record(command, 2)]).replace("\\r", "\r")
    jsonl.write_bytes(raw_cr.encode())
    result = run(command)(str(jsonl), "-o", str(out))
    assert result.exit_code == 0, error_text(result)
    assert [r["id"] for r in read_rows(out)] == [1, 2]


@pytest.mark.parametrize("command", COMMANDS)
def test_control_characters_in_a_small_csv_are_text_not_binary(
    tmp_path: Path, command: str
) -> None:
    """A few \\x1c, \\x1e or NUL in the cells of a short CSV (4 in 1 in 100 characters) made
    the whole file "not a text file ... binary data", exit 65, every record lost; its header
    names the columns, so it is a CSV and each row is read."""
    src = tmp_path / "in.csv"
    header = "id,text" if command == "classify" else "id,name,description"
    rest = ",x" * (command == "roles")
    cells = ["a\x1cb", "a\x1db", "a\x1eb", "a\x00b", "a\x1fb"]
    body = "".join(f"{i},{c}{rest}\n" for i, c in enumerate(cells, start=1))
    src.write_bytes(f"{header}\n{body}".encode())
    out = tmp_path / "out.jsonl"
    result = run(command)(str(src), "-o", str(out))
    assert result.exit_code == 0, error_text(result)
    assert [r["id"] for r in read_rows(out)] == ["1", "2", "3", "4", "5"]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_corrupt_line_among_records_costs_only_itself(tmp_path: Path, command: str) -> None:
    """Five records, a line of binary garbage, five more: the file was refused as binary
    (exit 65) for the garbage's control characters; now the garbage is reported and skipped."""
    src = tmp_path / "in.jsonl"
    good = [record(command, i) for i in range(10)]
    garbage = bytes(range(14, 32)) * 3 + b"\x00\x01\x02"
    src.write_bytes(lines(good[:5]).encode() + garbage + b"\n" + lines(good[5:]).encode())
    out = tmp_path / "out.jsonl"
    result = run(command)(str(src), "-o", str(out))
    assert result.exit_code == 0, error_text(result)
    assert [r["id"] for r in read_rows(out)] == list(range(10))
    assert f"{src}:6:" in error_text(result).replace("\n", "")


@pytest.mark.parametrize("command", COMMANDS)
def test_a_garbage_first_line_before_records_costs_only_itself(
    tmp_path: Path, command: str
) -> None:
    """NUL bytes and junk on the first line, JSON records after it: the file was refused as
    binary (exit 65), every record lost; now line 1 is reported and skipped."""
    src = tmp_path / "in.jsonl"
    good = [record(command, i) for i in range(4)]
    src.write_bytes(b"\x00\x00\x01garbage\x02\n" + lines(good).encode())
    out = tmp_path / "out.jsonl"
    result = run(command)(str(src), "-o", str(out))
    assert result.exit_code == 0, error_text(result)
    assert [r["id"] for r in read_rows(out)] == list(range(4))
    assert f"{src}:1:" in error_text(result).replace("\n", "")
