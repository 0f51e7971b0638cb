"""staffpulse.sources.json_mend: a response one flipped byte breaks in a number or a
true/false/null is read with that value empty, told where, instead of being lost whole (QA
s28: a Mastodon notification, a one-line twarc2 page and a short Bluesky record were)."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest

from staffpulse.ingest import import_paths
from staffpulse.sources.json_mend import mend_damaged_values
from staffpulse.store import open_store


def _mend(text: str) -> tuple[object, str] | None:
    with pytest.raises(orjson.JSONDecodeError) as broken:
        orjson.loads(text)
    mended = mend_damaged_values(text, broken.value.pos)
    return None if mended is None else (mended.document, mended.told())


def test_a_damaged_literal_or_number_is_read_as_empty_naming_its_key_and_place() -> None:
    document, told = _mend('{"sensitive": f\ufffdlse,\n "likes": 4\ufffd2, "ids": ["1"]}') or (
        None,
        "",
    )
    assert document == {"sensitive": None, "likes": None, "ids": ["1"]}
    assert told.startswith(
        "2 values are damaged (not valid JSON): the value of sensitive at line 1, column 15;"
        " the value of likes at line 2, column 12; they were read as empty"
    )
    assert "What to do: check the file there" in told


def test_a_second_damaged_value_on_a_line_is_told_at_its_column_in_the_file() -> None:
    # the first mend makes "7x" " null", a character longer: the second is told where the
    # file has it, as when the first value was whole, not a character further on
    damaged = '{"a": 7\ufffd, "b": 2\ufffd}'
    whole = '{"a": 71, "b": 2\ufffd}'
    column = damaged.rindex("\ufffd") + 1
    for text in (damaged, whole):
        told = (_mend(text) or (None, ""))[1]
        assert f"the value of b at line 1, column {column}" in told


def test_a_stray_byte_between_values_costs_nothing_and_adds_no_message() -> None:
    assert _mend('{\n  \ufffd "id": "1",\n  "n": 2}') == ({"id": "1", "n": 2}, "")


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # QA s29: a colon or a comma flipped to a byte that is not UTF-8 cost the response
        ('{"domain"\ufffd {"id": "1"}, "n": 2}', {"domain": {"id": "1"}, "n": 2}),
        ('{"url": "https://t.co/x"\ufffd\n  "id": "9"}', {"url": "https://t.co/x", "id": "9"}),
    ],
)
def test_a_damaged_byte_where_a_colon_or_comma_goes_is_read_as_it(
    text: str, read: dict[str, object]
) -> None:
    assert _mend(text) == (read, "")


@pytest.mark.parametrize(
    "text",
    [
        '{"id": 2 3}',  # two words: a comma missing, not one value damaged
        '{"a": "x\ufffd" 1}',  # damage next to a string: its quotes may be the damaged bytes
        '{"a" 1}',  # the colon itself
    ],
)
def test_damage_to_the_structure_is_not_mended(text: str) -> None:
    assert _mend(text) is None


def test_a_status_whose_flag_a_byte_broke_is_imported_with_the_flag_told(tmp_path: Path) -> None:
    status = {
        "id": "1101",
        "created_at": "2026-03-02T10:00:00.000Z",
        "sensitive": False,
        "content": "<p>We are hiring nurses in Leeds</p>",
        "url": "https://mastodon.example/@acme/1101",
        "account": {
            "id": "7",
            "username": "acme",
            "acct": "acme@mastodon.example",
            "display_name": "Acme Staffing",
            "url": "https://mastodon.example/@acme",
        },
    }
    data = json.dumps(status, indent=2).replace('"sensitive": false', '"sensitive": f\xe4lse')
    path = tmp_path / "status.json"
    path.write_bytes(data.encode("latin-1"))  # one byte that is not UTF-8, in the literal
    report = import_paths(open_store(":memory:"), [path])
    assert (report.posts, report.accounts, report.skipped) == (1, 1, 0)
    said = [problem.message for problem in report.problems]
    line = data[: data.index("f\xe4lse")].count("\n") + 1
    assert any(f"the value of sensitive at line {line}, column" in one for one in said), said


def test_a_twarc2_page_whose_include_a_byte_broke_keeps_its_tweets(tmp_path: Path) -> None:
    page = {
        "data": [
            {"id": str(n), "author_id": "9", "text": f"Hiring welders {n}"} for n in (101, 102)
        ],
        "includes": {
            "users": [{"id": "9", "username": "AcmeStaffing", "name": "Acme"}],
            "tweets": [
                {
                    "id": "55",
                    "author_id": "9",
                    "text": "Pinned: we are hiring",
                    "public_metrics": {"like_count": 48969, "reply_count": 3},
                }
            ],
        },
    }
    line = json.dumps(page).replace('"like_count": 48969', '"like_count":\xdf48969')
    path = tmp_path / "search.jsonl"
    path.write_bytes(b'{"data": [], "meta": {"result_count": 0}}\n' + line.encode("latin-1"))
    report = import_paths(open_store(":memory:"), [path])
    assert (report.posts, report.accounts, report.skipped) == (3, 1, 0)
    (told,) = [problem for problem in report.problems if "damaged" in problem.message]
    column = line.index("\xdf48969") + 1
    assert told.line == 2 and f"the value of like_count at column {column}" in told.message
    assert "the rest of the line was read" in told.message


def test_a_short_record_with_a_stray_byte_outside_its_strings_is_read(tmp_path: Path) -> None:
    # one byte flipped in the indentation of a saved Bluesky record: no encoding puts a letter
    # there, so it is damage, not a file to save again as UTF-8
    record = {
        "uri": "at://did:plc:acme/app.bsky.feed.post/3k2y",
        "cid": "bafyrei",
        "value": {
            "text": "We are hiring",
            "$type": "app.bsky.feed.post",
            "createdAt": "2026-02-22T19:58:13Z",
        },
    }
    data = (
        json.dumps(record, indent=4).encode().replace(b'\n        "text"', b'\n   \xdf    "text"')
    )
    path = tmp_path / "record.json"
    path.write_bytes(data)
    report = import_paths(open_store(":memory:"), [path])
    assert (report.posts, report.skipped) == (1, 0)
    (note,) = report.problems
    assert note.message.startswith("a few bytes are not valid UTF-8 (first at line 5)")
