"""JSON Lines reading shared by the platform adapters: UTF-16 files, a bad line named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from staffpulse.ingest import import_paths
from staffpulse.sources.jsonio import (
    RepairedLine,
    is_json_lines,
    iter_json_lines,
    json_error_message,
    with_line_advice,
)
from staffpulse.store import open_store


def _utf16_lines(path: Path, *lines: str) -> None:
    path.write_bytes("\n".join(lines).encode("utf-16"))  # with its BOM, as PowerShell writes


def test_utf16_json_lines_are_read(tmp_path: Path) -> None:
    path = tmp_path / "tweets.jsonl"
    _utf16_lines(path, '{"id": "1", "text": "caf\u00e9 \u2028 ok"}', "", '{"id": "2"}')
    assert is_json_lines(path)
    assert list(iter_json_lines(path)) == [
        (1, {"id": "1", "text": "caf\u00e9 \u2028 ok"}),  # U+2028 does not split a line
        (3, {"id": "2"}),
    ]


def test_bytes_not_valid_utf16_cost_their_line_only(tmp_path: Path) -> None:
    path = tmp_path / "tweets.jsonl"
    good = '{"id": "1"}\n'.encode("utf-16-le")
    bad = (
        '{"id": "'.encode("utf-16-le") + b"\x00\xdc" + '"}\n'.encode("utf-16-le")
    )  # lone surrogate
    path.write_bytes(b"\xff\xfe" + good + bad + good)
    found = list(iter_json_lines(path))
    assert found[0] == (1, {"id": "1"}) and found[2] == (3, {"id": "1"})
    line, error = found[1]
    assert line == 2 and isinstance(error, json.JSONDecodeError)
    assert json_error_message(error) == (
        "not valid UTF-16 at column 9: save the file as UTF-8 and import it again"
    )


def test_a_comma_after_a_line_is_told_as_such(tmp_path: Path) -> None:
    """QA s20: the lines of an array pasted without its brackets (``{...},``) were only
    "extra data at column 23" (classify) or "unexpected content after document" (import)."""
    path = tmp_path / "pasted.jsonl"
    path.write_text('{"id": 1, "text": "a"},\n{"id": 2} trailing\n', encoding="utf-8")
    first, second = (json_error_message(obj) for _, obj in iter_json_lines(path))
    assert first.endswith(
        "at column 23: a comma after the object (JSON Lines hold one object a line, with no comma)"
    )
    assert "comma" not in second  # other extra data is told as before
    with pytest.raises(json.JSONDecodeError) as caught:  # json's error, as classify gets it
        json.loads('{"id": 1},')
    assert "a comma after the object" in json_error_message(caught.value)


def test_a_bad_line_is_told_what_to_do_and_a_line_cut_short_said_so(tmp_path: Path) -> None:
    path = tmp_path / "search.jsonl"
    path.write_text('{"id": "1"}\n{"id": 2 3}\n{"id": "3", "te')  # the download stopped
    (_, broken), (_, cut) = [found for found in iter_json_lines(path) if found[0] != 1]
    assert with_line_advice(json_error_message(broken)).endswith(
        ". What to do: correct or delete this line, or export the file again; the other lines"
        " were read"
    )
    assert "(the line stops in the middle: was the file cut short?). What to do:" in (
        with_line_advice(json_error_message(cut))
    )
    told = "not valid UTF-8: save the file as UTF-8 and import it again"
    assert with_line_advice(told) == told  # its own advice is enough


def test_a_last_line_cut_inside_a_character_is_told_cut_not_as_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "search.jsonl"
    path.write_bytes('{"id": "1", "text": "é"}\n{"id": "2", "text": "✓'.encode()[:-1])
    (_, first), (_, cut) = list(iter_json_lines(path))
    assert first == {"id": "1", "text": "é"}
    told = with_line_advice(json_error_message(cut))
    assert "not valid UTF-8" not in told and "was the file cut short?" in told


def test_a_native_line_with_a_string_left_open_is_told_cut(tmp_path: Path) -> None:
    with pytest.raises(json.JSONDecodeError) as caught:  # json's words, as the native reader's
        json.loads('{"type": "post", "text": "we are hir')
    assert "was the file cut short?" in with_line_advice(json_error_message(caught.value))


def test_a_line_with_a_damaged_byte_is_read_and_told_a_cp1252_line_refused(
    tmp_path: Path,
) -> None:
    # a twarc2 page is one line: one flipped byte must not cost all its posts
    page = {"data": [{"id": str(n), "text": f"Gr\u00fc\u00dfe \u2713 {n}"} for n in range(3)]}
    line = bytearray(json.dumps(page).encode())  # ensure_ascii, as twarc2 writes
    line[line.index(b" 1") + 1] = 0xFF  # a disk or copy error in the 2nd text
    path = tmp_path / "search.jsonl"
    path.write_bytes(b'{"id": "9"}\n' + bytes(line) + b"\n")
    (_, first), (number, told), (_, read) = list(iter_json_lines(path))
    assert first == {"id": "9"}
    assert number == 2 and isinstance(told, RepairedLine) and "check the text" in told.message
    texts = [tweet["text"] for tweet in read["data"]]
    assert texts == [
        "Gr\u00fc\u00dfe \u2713 0",
        "Gr\u00fc\u00dfe \u2713 \ufffd",
        "Gr\u00fc\u00dfe \u2713 2",
    ]
    path.write_bytes('{"id": "1", "text": "caf\u00e9"}\n'.encode("cp1252"))  # Windows-1252
    ((_, refused),) = list(iter_json_lines(path))
    assert isinstance(refused, Exception) and "not valid UTF-8" in json_error_message(refused)


def test_a_page_line_whose_json_a_damaged_byte_breaks_loses_only_that_entry(
    tmp_path: Path,
) -> None:
    # QA s27: a one-line twarc2 page lost all its tweets to one flipped byte
    tweets = [
        {"id": str(n), "author_id": "9", "text": f"Open role {n}: a nurse for our Leeds clinic"}
        for n in range(12)
    ]
    page = json.dumps({"data": tweets}).encode()
    at = page.index(b'"Open role 1:')
    path = tmp_path / "pages.jsonl"
    path.write_bytes(
        json.dumps({"data": tweets[:1]}).encode()
        + b"\n"
        + page[:at]
        + b"\xdd"
        + page[at + 1 :]
        + b"\n"
    )
    found = list(iter_json_lines(path))
    assert found[0] == (1, {"data": tweets[:1]})
    (line, told), (again, value) = found[1:]
    assert line == again == 2
    assert isinstance(told, RepairedLine) and told.records == 1
    assert told.message.startswith("an entry is damaged (not valid JSON at column ")
    assert "so it was left out and the other 11 entries read" in told.message
    assert value == {"data": [tweets[0], *tweets[2:]]}


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("{'id': 'm1'}", "written with single quotes ('text'), where JSON needs double quotes"),
        ('{"id": "m1", "likes": 2,}', "a comma before the closing } (JSON allows none after"),
        ('{"urls": ["a.example",]}', "a comma before the closing ] (JSON allows none after"),
    ],
)
def test_a_line_edited_by_hand_is_told_the_slip_json_does_not_allow(line: str, said: str) -> None:
    with pytest.raises(json.JSONDecodeError) as caught:
        json.loads(line)
    assert said in json_error_message(caught.value)


def test_a_document_with_an_entry_a_line_is_read_whole_not_line_by_line(tmp_path: Path) -> None:
    # '{"data": [{...},' opening an X API page saved with an entry a line: read as JSON Lines,
    # all but its last tweet were skipped as lines with a comma after them
    path = tmp_path / "page.jsonl"
    path.write_text(
        '{"data": [{"id": "11", "text": "Lift fixed", "author_id": "5"},\n'
        '  {"id": "12", "text": "Canteen open late", "author_id": "5"},\n'
        '  {"id": "13", "text": "Rota is up", "author_id": "5"}\n'
        "]}\n",
        encoding="utf-8",
    )
    assert not is_json_lines(path)
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
    assert (report.posts, report.skipped, report.problems) == (3, 0, [])


def test_a_json_lines_file_whose_first_line_is_broken_is_still_json_lines(
    tmp_path: Path,
) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_text(
        '{"id": "11", "text": "Lift\nfixed"}\n{"id": "12", "text": "Rota is up"}\n',
        encoding="utf-8",
    )
    assert is_json_lines(path)
