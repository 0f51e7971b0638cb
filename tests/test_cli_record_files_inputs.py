"""Inputs of the held-out evaluation's two commands, ``staffpulse classify`` and ``staffpulse
roles``, as an evaluator or analyst may write them: JSON in the shapes tools write it, each
record kept, in order, with its id exactly as given; what cannot be read told with its line and
what to do. Odd bytes and rows are in test_cli_record_files_odd_bytes.py."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from contract_helpers import error_text, read_rows, run_classify, run_roles, runner
from record_input_helpers import COMMANDS, lines, record, run
from staffpulse.cli.app import app


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


def test_roles_tags_the_accounts_of_a_twarc2_users_page_and_leaves_unknown_authors_posts_out(
    tmp_path: Path,
) -> None:
    users = {
        "data": [{"id": "5", "username": "northwind", "name": "Northwind", "description": "x"}]
    }
    # 91 is Northwind's post (read as its text); 92's author has no profile in the file
    posts = {
        "data": [
            {"id": "91", "text": "hello", "author_id": "5"},
            {"id": "92", "text": "hi", "author_id": "6"},
        ],
        "meta": {},
    }
    src = tmp_path / "lookup.jsonl"
    src.write_text(lines([users, posts]), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run_roles(str(src), "-o", str(out))
    assert result.exit_code == 0, error_text(result)
    assert [r["id"] for r in read_rows(out)] == ["5"]  # not the post's id
    assert "left out 1 post (not account records)" in error_text(result).replace("\n", " ")


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
@pytest.mark.parametrize(
    ("piped", "said"),
    [
        ("", "standard input is empty"),
        ("\n\n", "standard input is empty"),
        ("{bad\n", "standard input:1: not valid JSON"),
        ("id,zzz\n1,2\n", "standard input: the CSV header needs"),
    ],
)
def test_what_is_wrong_with_standard_input_is_said_of_standard_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, piped: str, said: str
) -> None:
    """``-`` is what the user piped in: "- is empty" or "-:1:" named a file they never gave."""
    monkeypatch.chdir(tmp_path)  # no file named "-" here
    result = runner.invoke(app, [command, "-"], input=piped)
    told = " ".join(error_text(result).split())
    assert result.exit_code != 0 and said in told
    assert "- is" not in told and "-:" not in told and "in - " not in told
