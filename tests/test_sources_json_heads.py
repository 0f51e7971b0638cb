"""Sniffing a JSON file's head (staffpulse.sources.json_heads): a JSON Lines file whose first
record a pasted line break broke is read by its good lines, while a pretty-printed JSON
document or text that only opens with a brace is still told whole, never read line by line."""

from __future__ import annotations

from pathlib import Path

import pytest

from staffpulse.errors import UnknownFormatError
from staffpulse.ingest import import_paths
from staffpulse.sources import detect
from staffpulse.sources.native import NativeJsonl
from staffpulse.store import open_store


def test_jsonl_whose_first_record_a_line_break_split_is_read_whole(
    tmp_path: Path,
) -> None:
    # a text with a line break pasted into the first record: it was refused whole, then its
    # two lines skipped as broken JSON; the record is read whole (json_line_breaks)
    path = tmp_path / "posts.jsonl"
    path.write_text(
        '{"type": "post", "id": "1", "author": "a", "text": "Shift swap open\n'
        'for Saturday"}\n'
        '{"type": "post", "id": "2", "author": "a", "text": "Badge photos on Monday"}\n'
        '{"type": "post", "id": "3", "author": "a", "text": "Parking moves to lot C"}\n',
        encoding="utf-8",
    )
    assert isinstance(detect(path), NativeJsonl)
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
    assert (report.posts, report.skipped, report.problems) == (3, 0, [])


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (  # one JSON document pretty-printed, its records one a line inside it
            '{"messages":\n  [\n    {"id": "7", "author": "desk", "text": "Lift fixed"},\n'
            '    {"id": "8", "author": "desk", "text": "Canteen open"}\n  ]\n}\n',
            "this is a JSON file holding one object (the key messages)",
        ),
        (  # a note that opens with a brace, with a record pasted into it
            "{draft} ideas for next week\nask the team for a photo\n"
            '{"type": "post", "id": "1", "author": "a", "text": "Rota is up"}\n'
            "post it on Monday\nthen again on Thursday\n",
            "its JSON is broken at line 1, column 2",
        ),
        (  # a saved web page whose structured data stands on a line of its own
            '<!DOCTYPE html>\n<html><body>\n<script type="application/ld+json">\n'
            '{"@type": "SocialMediaPosting", "author": "desk", "text": "Rota is up"}\n'
            "</script>\n</body></html>\n",
            "this is an HTML page",
        ),
    ],
)
def test_a_file_that_only_opens_like_json_lines_is_told_whole_not_read_line_by_line(
    tmp_path: Path, text: str, said: str
) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    assert said in refused.value.message


def test_records_each_written_over_two_lines_are_read_one_by_one(tmp_path: Path) -> None:
    # keys on the record's first line and the rest below: 4 of 6 lines were skipped
    path = tmp_path / "posts.jsonl"
    path.write_text(
        '{"type": "post", "id": "1", "author": "a",\n  "text": "Rota is up"}\n'
        '{"type": "post", "id": "2", "author": "a",\n  "text": "Canteen open late"}\n'
        '{"type": "post", "id": "3", "author": "a", "text": "Lift fixed"}\n',
        encoding="utf-8",
    )
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
    assert (report.posts, report.skipped, report.problems) == (3, 0, [])
