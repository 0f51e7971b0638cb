"""Inputs of the held-out evaluation's two commands, ``staffpulse classify`` and ``staffpulse
roles``, as an evaluator or analyst may write them: each record kept, in order, with its id
exactly as given; what cannot be read told with its line and what to do."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from contract_helpers import error_text, read_rows, run_classify, run_roles

COMMANDS = ["classify", "roles"]


def record(
    command: str, rid: Any, text: Any = "We are hiring a nurse, apply now"
) -> dict[str, Any]:
    if command == "classify":
        return {"id": rid, "text": text}
    return {"id": rid, "name": "Northwind Staffing", "description": "We place nurses", "text": text}


def run(command: str) -> Callable[..., Any]:
    return run_classify if command == "classify" else run_roles


def lines(objects: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(o) + "\n" for o in objects)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_lone_surrogate_in_an_id_is_written_back_escaped_not_a_crash(
    tmp_path: Path, command: str
) -> None:
    """Half an emoji (``"\\ud83d"``) in an id or a text stopped the run (exit 70): no UTF-8
    file can hold it raw; it is written as the same JSON escape and reads back the same."""
    src = tmp_path / "in.jsonl"
    src.write_text(
        lines([record(command, 1)])
        + '{"id": "a\\ud83db", "text": "cut \\ud83d", "name": "x\\udc00", "description": "d"}\n'
        + lines([record(command, 3)]),
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = run(command)(str(src), "-o", str(out))
    assert result.exit_code == 0, error_text(result)
    assert [r["id"] for r in read_rows(out)] == [1, "a\ud83db", 3]
    assert "\\ud83d" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    "shape",
    [
        "jq pretty objects",
        "array with trailing comma",
        "two objects a line",
        "comma after each",
        "jq --seq",
    ],
)
def test_json_that_strict_parsers_refuse_but_says_plainly_is_read(
    tmp_path: Path, command: str, shape: str
) -> None:
    """``jq '.[]' a.json > posts.json`` prints objects over several lines; a hand-made array
    may end with a comma; lines may hold two objects or end with a comma; ``jq --seq``
    starts each with a record separator. Every record of them was skipped (exit 1), or the
    file was "not a text file" (exit 65)."""
    objects = [record(command, 1), record(command, "007")]
    text = {
        "jq pretty objects": "".join(json.dumps(o, indent=2) + "\n" for o in objects),
        "array with trailing comma": json.dumps(objects)[:-1] + ",]",
        "two objects a line": "".join(json.dumps(o) for o in objects) + "\n",
        "comma after each": "".join(json.dumps(o) + ",\n" for o in objects),
        "jq --seq": "".join("\x1e" + json.dumps(o) + "\n" for o in objects),  # RFC 7464
    }[shape]
    src = tmp_path / "in.json"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run(command)(str(src), "-o", str(out))
    assert result.exit_code == 0, error_text(result)
    assert [r["id"] for r in read_rows(out)] == [1, "007"]
    assert "skipped 0 malformed" in error_text(result)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_broken_object_among_pretty_printed_ones_costs_only_itself(
    tmp_path: Path, command: str
) -> None:
    objects = [json.dumps(record(command, n), indent=2) for n in (1, 2, 3)]
    broken = objects[1].replace('"id": 2,', '"id": 2')  # a comma lost by hand
    src = tmp_path / "in.json"
    src.write_text("[\n" + ",\n".join([objects[0], broken, objects[2]]) + "\n]\n", "utf-8")
    out = tmp_path / "out.jsonl"
    result = run(command)(str(src), "-o", str(out))
    assert result.exit_code == 0, error_text(result)
    assert [r["id"] for r in read_rows(out)] == [1, 3]
    err = error_text(result).replace("\n", " ")
    start = 2 + objects[0].count("\n") + 1  # the line the broken object opens on
    assert f"{src}:{start}: not valid JSON: expecting ',' delimiter at column 3 of line" in err


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


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    ("rid", "told"),
    [
        ("null", "id is null"),
        ('""', "id is empty"),
        ("true", "id is true or false"),
        ("[1]", "id is a list"),
        ("1e400", "id is not a finite number"),
    ],
)
def test_an_unusable_id_is_told_as_it_is_with_what_to_do(
    tmp_path: Path, command: str, rid: str, told: str
) -> None:
    src = tmp_path / "in.jsonl"
    bad = json.dumps(record(command, "X")).replace('"X"', rid)
    src.write_text(lines([record(command, 1)]) + bad + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run(command)(str(src), "-o", str(out))
    assert result.exit_code == 0, error_text(result)  # one skipped record is not fatal
    assert [r["id"] for r in read_rows(out)] == [1]
    err = error_text(result).replace("\n", " ")
    assert f"{src}:2: {told}: give each record an id (a string or a number)" in err


@pytest.mark.parametrize("command", COMMANDS)
def test_ids_keep_their_type_and_digits_duplicates_and_order_included(
    tmp_path: Path, command: str
) -> None:
    big = 2**53 + 1  # a float would write ...992
    src = tmp_path / "in.jsonl"
    ids: list[Any] = [big, "007", 1.5, 7, 7, "7", -3, "12345678901234567890"]
    src.write_text(lines([record(command, rid) for rid in ids]), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run(command)(str(src), "-o", str(out))
    assert result.exit_code == 0, error_text(result)
    assert [r["id"] for r in read_rows(out)] == ids
    assert [type(r["id"]) for r in read_rows(out)] == [type(rid) for rid in ids]
    assert out.read_text(encoding="utf-8").startswith(f'{{"id": {big}, ')


@pytest.mark.parametrize("command", COMMANDS)
def test_an_empty_json_array_is_told_as_such(tmp_path: Path, command: str) -> None:
    src = tmp_path / "in.json"
    src.write_text("[]\n", encoding="utf-8")
    result = run(command)(str(src), "-o", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 65
    assert f"{src} is empty: it is an empty JSON array" in error_text(result).replace("\n", " ")
    assert "has a header" not in error_text(result)


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


def test_classify_reads_the_posts_of_twarc2_pages_and_stream_lines(tmp_path: Path) -> None:
    """twarc2 writes one X API v2 page a line (posts under "data"), its stream one post a
    line under "data": each line was one skipped record ("no 'id' field")."""
    src = tmp_path / "search.jsonl"
    page = {"data": [{"id": "11", "text": "a"}, {"text": "no id"}], "meta": {"result_count": 2}}
    streamed = {"data": {"id": "12", "text": "b"}, "matching_rules": [{"tag": "jobs"}]}
    src.write_text(lines([page, streamed]), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run_classify(str(src), "-o", str(out))
    assert result.exit_code == 0, error_text(result)
    assert [r["id"] for r in read_rows(out)] == ["11", "12"]
    err = error_text(result).replace("\n", " ")
    assert f"{src}:1 (data item 2): no 'id' field (found: text)" in err


def test_roles_reads_a_list_of_posts_with_numbers_and_nulls_among_them(tmp_path: Path) -> None:
    src = tmp_path / "accounts.jsonl"
    src.write_text(
        lines([record("roles", 1, ["We are hiring", 2024, None]), record("roles", 2, [{}])]),
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = run_roles(str(src), "-o", str(out))
    assert result.exit_code == 0, error_text(result)
    assert [r["id"] for r in read_rows(out)] == [1]  # was skipped for its number
    err = error_text(result).replace("\n", " ")
    assert f"{src}:2: text must be a string or a list of strings (the account's posts)" in err


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    ("bad", "told"),
    [
        ("9" * 5000, "a number too long to read (over 4,300 digits): write it as a string"),
        ("[" * 100_000 + "]" * 100_000, "lists or objects nested too deep to read"),
    ],
)
def test_json_python_cannot_hold_costs_its_line_not_the_run(
    tmp_path: Path, command: str, bad: str, told: str
) -> None:
    """Both stopped the run on an unexpected problem (exit 70)."""
    src = tmp_path / "in.jsonl"
    line = json.dumps(record(command, "X")).replace('"X"', bad)
    src.write_text(line + "\n" + lines([record(command, 2)]), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run(command)(str(src), "-o", str(out))
    assert result.exit_code == 0, error_text(result)
    assert [r["id"] for r in read_rows(out)] == [2]
    assert f"{src}:1: not valid JSON: {told}" in error_text(result).replace("\n", " ")


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
@pytest.mark.parametrize("target", ["/dev/stdout", "-"])
def test_output_to_dev_stdout_is_standard_output(tmp_path: Path, command: str, target: str) -> None:
    """``--output /dev/stdout`` into a pipe failed: "cannot write in /proc/PID/fd"."""
    src = tmp_path / "in.jsonl"
    src.write_text(lines([record(command, 1), record(command, "2")]), encoding="utf-8")
    result = run(command)(str(src), "--output", target)
    assert result.exit_code == 0, error_text(result)
    assert [json.loads(row)["id"] for row in result.stdout.splitlines()] == [1, "2"]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_table_written_column_by_column_by_pandas_is_read_row_by_row(
    tmp_path: Path, command: str
) -> None:
    """``df.to_json("posts.json")`` writes columns by default: one object whose id is an
    object ("id is an object", exit 1 before)."""
    table = {
        "id": {"0": 7, "1": "007", "2": 2**53 + 1},
        "text": {"0": "We are hiring", "1": None, "2": "hi"},
        "name": {"0": "a", "1": "b", "2": "c"},
        "description": {"0": "x", "1": "y", "2": "z"},
    }
    src = tmp_path / "posts.json"
    src.write_text(json.dumps(table), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run(command)(str(src), "-o", str(out))
    assert result.exit_code == 0, error_text(result)
    assert [r["id"] for r in read_rows(out)] == [7, "007", 2**53 + 1]


def test_roles_tags_the_accounts_of_a_twarc2_users_page_and_leaves_its_posts_out(
    tmp_path: Path,
) -> None:
    users = {
        "data": [{"id": "5", "username": "northwind", "name": "Northwind", "description": "x"}]
    }
    posts = {"data": [{"id": "91", "text": "hello", "author_id": "5"}], "meta": {}}
    src = tmp_path / "lookup.jsonl"
    src.write_text(lines([users, posts]), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run_roles(str(src), "-o", str(out))
    assert result.exit_code == 0, error_text(result)
    assert [r["id"] for r in read_rows(out)] == ["5"]  # not the post's id
    assert "left out 1 post (not accounts)" in error_text(result).replace("\n", " ")


@pytest.mark.parametrize("command", COMMANDS)
def test_a_line_holding_a_list_of_records_gives_each_of_them(tmp_path: Path, command: str) -> None:
    """Records written a batch a line: each line was one skipped "expected a JSON object"."""
    src = tmp_path / "batches.jsonl"
    first = [record(command, 1), record(command, 2)]
    src.write_text(
        json.dumps(first) + "\n" + json.dumps([record(command, 3), 5]) + "\n", encoding="utf-8"
    )
    out = tmp_path / "out.jsonl"
    result = run(command)(str(src), "-o", str(out))
    assert result.exit_code == 0, error_text(result)
    assert [r["id"] for r in read_rows(out)] == [1, 2, 3]
    assert f"{src}:2 (item 2): expected a JSON object" in error_text(result).replace("\n", " ")


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
