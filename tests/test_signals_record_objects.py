"""The JSON records of a classify or roles INPUT with their ids (signals/record_objects.py): a
file whose first records name no id is numbered by line, one with ids skips the odd record
without one."""

from __future__ import annotations

import json
from typing import Any

from staffpulse.signals.record_json import JsonDocument
from staffpulse.signals.record_objects import JsonRecord, ReadNote, json_objects


def _read(lines: list[Any] | JsonDocument) -> tuple[list[JsonRecord | ReadNote], list[str]]:
    skipped: list[str] = []
    source = lines if isinstance(lines, JsonDocument) else [json.dumps(v) + "\n" for v in lines]
    read = json_objects(
        source, "f.jsonl", skipped.append, "id and text", numbered_if=lambda obj: "text" in obj
    )
    return list(read), skipped


def test_records_without_ids_get_their_line_after_one_note() -> None:
    read, skipped = _read([{"text": "a"}, [{"text": "b"}, {"text": "c"}], 3, {"text": "d"}])
    assert isinstance(read[0], ReadNote) and "number of its line" in read[0].text
    ids = [r.id for r in read[1:] if isinstance(r, JsonRecord)]
    assert ids == [1, "2.1", "2.2", 4]  # records sharing a line do not share an id
    assert skipped == ["f.jsonl:3: expected a JSON object with id and text"]


def test_a_file_with_ids_still_skips_the_record_without_one() -> None:
    read, skipped = _read([{"text": "no id"}, {"id": 2, "text": "b"}])
    assert [r.id for r in read if isinstance(r, JsonRecord)] == [2]
    assert skipped == [
        "f.jsonl:1: no 'id' field (found: text): give each record an id (a string or a number)"
    ]


def test_records_the_command_does_not_read_are_not_numbered() -> None:
    read, skipped = _read([{"name": "acme"}])
    assert read == [] and "no 'id' field" in skipped[0]


def test_an_array_is_numbered_by_item() -> None:
    read, _ = _read(JsonDocument(items=[{"text": "a"}, {"text": "b"}]))
    assert isinstance(read[0], ReadNote) and "item in the array" in read[0].text
    assert [r.id for r in read[1:] if isinstance(r, JsonRecord)] == [1, 2]


def test_an_object_holding_one_record_alone_gives_that_record() -> None:
    read, skipped = _read([{"tweet": {"id": "7", "text": "a"}}, {"note": {"text": "no id"}}])
    records = [r for r in read if isinstance(r, JsonRecord)]
    assert [r.id for r in records] == ["7"] and records[0].obj["text"] == "a"
    assert skipped == [
        "f.jsonl:2: no 'id' field (found: note): give each record an id (a string or a number)"
    ]


def test_skipped_lines_are_told_in_the_files_order() -> None:
    # Line 8 (not JSON) is read ahead, while the first lines are looked at for ids; its
    # message still comes after line 4's (a null id), as a user reads the file top down.
    lines = [json.dumps({"id": n, "text": "a"}) + "\n" for n in range(1, 31)]
    lines[3] = json.dumps({"id": None, "text": "a"}) + "\n"
    lines[7] = "not json\n"
    lines[24] = "[1, 2\n"  # past the lines read ahead
    skipped: list[str] = []
    read = json_objects(
        lines, "f.jsonl", skipped.append, "id and text", numbered_if=lambda obj: "text" in obj
    )
    seen: list[str] = []
    for record in read:
        # each message is told before the record below it is read, not all at the end
        assert isinstance(record, JsonRecord)
        if record.number == 5:
            seen = list(skipped)
    assert [m.split(":")[1] for m in skipped] == ["4", "8", "25"]
    assert seen == skipped[:1]
