"""The JSON values of a classify/roles INPUT with where each is: JSON Lines, one array, or
objects spread over lines; a broken value costs only itself."""

from __future__ import annotations

import json
from typing import Any

from staffpulse.signals.record_json import (
    DECODER,
    JsonDocument,
    exact_token,
    json_values,
    read_json_document,
)


def values_of(text: str) -> tuple[list[tuple[int, str, Any]], list[str]]:
    """Every value of ``text`` read as classify and roles read a file starting as it does."""
    skipped: list[str] = []
    lines = text.splitlines(keepends=True)
    head = next(line for line in lines if line.strip()).strip()
    source = read_json_document(lines, lines[0]) if head[0] == "[" or head == "{" else lines
    return list(json_values(source, "f", skipped.append)), skipped


def test_a_whole_array_is_read_at_once_and_told_by_item() -> None:
    found, skipped = values_of(json.dumps([{"id": 1}, 2], indent=1))
    assert found == [(1, "f: item 1", {"id": 1}), (2, "f: item 2", 2)] and not skipped


def test_pretty_printed_objects_are_told_by_the_line_they_open_on() -> None:
    text = json.dumps({"id": 1, "user": {"id": 9}}, indent=2) + "\n" + json.dumps({"id": 2})
    found, skipped = values_of(text)
    assert [(line, where) for line, where, _ in found] == [(1, "f:1"), (7, "f:7")]
    assert [value["id"] for _, _, value in found] == [1, 2] and not skipped


def test_reading_goes_on_after_a_broken_object_at_the_next_one_opening_as_the_first() -> None:
    good = json.dumps({"id": 1, "nested": [{"id": "not a record"}]}, indent=2)
    text = f"[\n{good},\n{{\n  'id': 2\n}},\n{good.replace('1', '3', 1)}\n]\n"
    found, skipped = values_of(text)
    assert [value["id"] for _, _, value in found] == [1, 3]  # not the nested object
    broken_at = 2 + good.count("\n") + 1
    assert skipped == [
        f"f:{broken_at}: not valid JSON: expecting property name enclosed in double quotes "
        f"at column 3 of line {broken_at + 1}"
    ]


def test_a_json_lines_file_starting_with_a_list_is_read_line_by_line() -> None:
    found, skipped = values_of('[1, 2]\n{broken\n{"id": 3}\n')
    assert [where for _, where, _ in found] == ["f:1", "f:3"]
    assert skipped == [
        "f:2: not valid JSON: expecting property name enclosed in double quotes at column 2"
    ]


def test_a_line_of_objects_yields_each_but_other_extra_data_is_still_an_error() -> None:
    found, skipped = values_of('{"id": 1}{"id": 2}\n{"id": 3},\n{"id": 4} trailing\n1, 2\n')
    assert [(where, value["id"]) for _, where, value in found] == [
        ("f:1", 1),
        ("f:1", 2),
        ("f:2", 3),
    ]
    assert [message.split(": not valid JSON")[0] for message in skipped] == ["f:3", "f:4"]


def test_a_raw_control_character_inside_a_string_is_read_as_it_is() -> None:
    found, skipped = values_of('{"id": 1, "text": "a\tb\x00c"}\n')
    assert found[0][2]["text"] == "a\tb\x00c" and not skipped


def test_a_file_whose_first_value_does_not_read_is_given_back_as_lines() -> None:
    assert read_json_document(["[oops\n", "{}\n"], "[oops\n") == ["[oops\n", "{}\n"]
    odd = ["[1]\n", '{"text": "a\u2028b"}\n']  # U+2028 is no line end of the file
    assert read_json_document(odd, odd[0]) == odd
    document = read_json_document(["[{}\n", "]\n"], "[{}\n")
    assert isinstance(document, JsonDocument) and document.items == [{}]


def test_an_array_never_closed_is_told_as_a_file_cut_short() -> None:
    # a download cut between two records: every value reads, but the rest is gone
    whole = json.dumps([{"id": n, "text": "a"} for n in range(1, 5)], indent=2)
    for cut, last_line in ((whole.rindex("},") + 2, 13), (whole.rindex('"a"'), 16)):
        lines = whole[:cut].splitlines(keepends=True)
        notes: list[str] = []
        found = list(json_values(read_json_document(lines, lines[0]), "f", [].append, notes.append))
        assert [value["id"] for _, _, value in found] == [1, 2, 3]
        assert notes == [
            f"the JSON array is never closed (no ']' by its end, line {last_line}): the file "
            "looks cut short, so records after the cut may be lost; those before it were "
            "read: check that the file was saved or downloaded whole"
        ]
    closed: list[str] = []
    list(json_values(read_json_document([whole], whole), "f", [].append, closed.append))
    broken = whole.replace('"id": 4', "'id': 4")  # read value by value, closed at its end
    list(json_values(read_json_document([broken], broken), "f", [].append, closed.append))
    assert closed == []


def test_a_broken_last_line_without_its_line_break_is_told_as_a_cut() -> None:
    found, skipped = values_of('{"id": 1}\n{"id": 2, "text": "never\n{"id": 3, "text": "cu')
    assert [value["id"] for _, _, value in found] == [1]
    assert skipped[0] == "f:2: not valid JSON: unterminated string starting at column 19"
    assert skipped[1] == (
        "f:3: not valid JSON: unterminated string starting at column 19; it is the last line, "
        "with no line break at its end: the file looks cut short (check that it was saved or "
        "downloaded whole)"
    )


def test_numbers_python_would_write_otherwise_keep_their_text() -> None:
    values = DECODER.decode('[-0, 1e2, 1.50, 3, 2.5, "-0"]')
    assert values == [0, 100.0, 1.5, 3, 2.5, "-0"]
    assert [exact_token(v) for v in values] == ["-0", "1e2", "1.50", None, None, None]
