"""Whole-file JSON documents: UTF-16 ones, what a broken or oversized one lost, and several
of them one after another in a file."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from staffpulse.errors import UnknownFormatError
from staffpulse.sources import detect
from staffpulse.sources.json_document_errors import DocumentError, document_error
from staffpulse.sources.json_documents import (
    MAX_DOCUMENT_BYTES,
    load_document,
    read_documents,
    why_nothing_in_it,
)
from staffpulse.sources.json_entries import count_entries


def test_entries_are_counted_in_the_lists_of_a_response() -> None:
    assert count_entries('{"feed": [{"post": {"facets": [{}, {}]}}, {"post": {}}]}') == 2
    assert count_entries('[{"id": "1", "mentions": [{}]}, {"id": "2"}]') == 2
    assert count_entries('{"ancestors": [{}], "descendants": [{}, {}]}') == 3
    # a twarc2 page: its data, not its includes
    assert count_entries('{"data": [{"text": "a [{"}, {}], "includes": {"users": [{}]}}') == 2
    assert count_entries('{"id": "1", "mentions": [{}, {}]}') == 0  # one status: not known
    assert count_entries('{"feed": [{"post": {}}, {"post": {"text": "cut [{ he') == 2


def test_a_utf16_document_is_read_and_a_broken_one_named(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    path.write_bytes(json.dumps({"feed": [{"a": "\u00e9"}]}, indent=1).encode("utf-16"))
    assert load_document(path) == {"feed": [{"a": "\u00e9"}]}
    path.write_bytes(path.read_bytes() + b"\x00\xdc")
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    assert caught.value.records == 1
    assert str(caught.value).startswith(
        "not valid UTF-16 at line 7; nothing in the file was read (1 entry)"
    )


def test_a_document_that_does_not_parse_counts_what_it_lost(tmp_path: Path) -> None:
    path = tmp_path / "statuses.json"
    path.write_text('[{"id": "1"}, {"id": "2"}, {"id": "3"} oops]')
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    assert caught.value.records == 3
    assert "nothing in the file was read (3 entries)" in str(caught.value)


def test_a_file_cut_short_says_what_happened_once_where_and_what_to_do(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from staffpulse.cli.app import app

    feed = {"feed": [{"post": {"uri": f"at://did:plc:a/app.bsky.feed.post/{n}", "cid": "c",
                               "author": {"did": "did:plc:a", "handle": "a.bsky.social"},
                               "record": {"text": "hi", "createdAt": "2026-03-01T00:00:00Z"}}}
                     for n in range(3)]}  # fmt: skip
    text = json.dumps(feed, indent=1)
    path = tmp_path / "feed.json"
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    result = CliRunner().invoke(app, ["import", str(path), "--db", str(tmp_path / "s.db")])
    said = " ".join(result.output.split())
    line = path.read_text().count("\n") + 1
    assert f"feed.json:{line}: the file looks cut short: it stops in the middle" in said
    assert said.count(f"line {line}") == 0  # placed once, by the prefix; not said again
    assert "What to do: download or export the file again" in said


def test_a_document_too_large_to_read_whole_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as f:
        f.truncate(MAX_DOCUMENT_BYTES + 1)  # sparse: nothing is written, nothing must be read
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    message = str(caught.value)
    assert message.startswith("too large to read as one JSON document (512 MB, more than 512 MB)")
    assert "export it as JSON Lines" in message and caught.value.line == 1


def test_a_folder_import_reports_a_document_too_large_and_imports_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from staffpulse.ingest import import_paths
    from staffpulse.store import open_store

    page = {"data": [{"id": "1", "text": "we are hiring", "author_id": "9",
                      "created_at": "2026-03-01T10:00:00.000Z"}]}  # fmt: skip
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "small.json").write_text(json.dumps(page))
    big = {"data": [{**page["data"][0], "id": str(n), "text": "x" * 100} for n in range(2, 30)]}
    (tmp_path / "in" / "big.json").write_text(json.dumps(big, indent=2))  # one document
    monkeypatch.setattr("staffpulse.sources.json_documents.MAX_DOCUMENT_BYTES", 1_000)
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [tmp_path / "in"])
        stored = [row[0] for row in store.conn.execute("SELECT id FROM posts")]
    assert stored == ["1"] and report.skipped == 1
    (problem,) = report.problems
    assert problem.file.endswith("big.json") and "too large" in problem.message


def test_document_error_carries_the_position() -> None:
    with pytest.raises(json.JSONDecodeError) as caught:
        json.loads('{\n "a": 1,\n "b" 2\n}')
    error = document_error(b'{\n "a": 1,\n "b" 2\n}', caught.value)
    assert (error.line, error.column) == (3, 6) and "cut short" not in str(error)
    bad = document_error(b'{\n "a": "caf\xe9"\n}', ValueError("orjson: not UTF-8"))
    assert bad.line == 2 and "not valid UTF-8 at line 2" in str(bad)


def _values(found: Sequence[object]) -> list[object]:
    return [item for item in found if not isinstance(item, DocumentError)]


def test_pretty_printed_objects_one_after_another_are_each_read_at_their_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "tweets.jsonl"  # jq . output: one object over several lines, and again
    objects = [{"id": "1", "text": "first {"}, {"id": "2", "nested": {"a": [1]}}]
    path.write_text("\n".join(json.dumps(obj, indent=2) for obj in objects) + "\n")
    assert list(read_documents(path)) == [(1, objects[0]), (5, objects[1])]
    path.write_text("".join(json.dumps(obj) for obj in objects))  # no line break between
    assert _values(list(read_documents(path))) == [(1, objects[0]), (1, objects[1])]
    path.write_text(json.dumps(objects[0], indent=2))  # one document: no line, as before
    assert list(read_documents(path)) == [(None, objects[0])]


def test_a_broken_object_among_several_costs_itself_and_one_cut_short_is_told(
    tmp_path: Path,
) -> None:
    path = tmp_path / "tweets.jsonl"
    good = [json.dumps({"id": str(n), "text": f"post {n}"}, indent=2) for n in range(3)]
    broken = good[1].replace('"text":', '"text"')  # a colon lost in a hand edit
    path.write_text("\n".join([good[0], broken, good[2]]) + "\n")
    first, problem, last = read_documents(path)
    assert (first, last) == ((1, {"id": "0", "text": "post 0"}), (9, {"id": "2", "text": "post 2"}))
    assert isinstance(problem, DocumentError) and (problem.line, problem.records) == (5, 1)
    assert "not valid JSON at line 7, column" in str(problem)
    assert "the object starting at line 5 was skipped (1 entry), the ones after it" in str(problem)
    text = "\n".join(good)
    path.write_text(text[: len(text) - 10])  # a download cut in the last object
    *read, cut = read_documents(path)
    assert _values(read) == read and len(read) == 2
    assert isinstance(cut, DocumentError) and cut.line == 9
    assert str(cut).startswith("the file looks cut short: its last object (from line 9)")


def test_an_array_gives_its_items_with_their_lines_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "records.json"
    items = [{"id": str(n)} for n in range(3)]
    text = json.dumps(items, indent=2)
    path.write_text(text)
    assert list(read_documents(path)) == [(None, items)]
    assert list(read_documents(path, items=True)) == [(2, items[0]), (5, items[1]), (8, items[2])]
    path.write_text(text.replace('"1"', '"1', 1))  # an item broken: the others are read
    found = list(read_documents(path, items=True))
    assert _values(found) == [(2, items[0]), (8, items[2])]
    assert [(p.line, p.records) for p in found if isinstance(p, DocumentError)] == [(5, 1)]


@pytest.mark.parametrize(
    ("content", "told"),
    [
        (b"\n\n  \r\n", "it holds only blank lines, no data: export the data again"),
        (b"[]\n", "it holds an empty JSON list ([]): no posts or accounts"),
        (b'\xef\xbb\xbf{"statuses": []}', 'it holds an empty JSON object ({"statuses": []})'),
    ],
)
def test_a_blank_or_empty_json_file_is_told_it_holds_nothing(
    tmp_path: Path, content: bytes, told: str
) -> None:
    path = tmp_path / "search.json"
    path.write_bytes(content)
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    assert told in refused.value.message
    assert why_nothing_in_it(path, b'{"data": [{"id": "1"}]}') is None  # data: no such word


def test_an_array_that_does_not_parse_is_read_item_by_item(tmp_path: Path) -> None:
    path = tmp_path / "statuses.json"
    items = [{"id": str(n)} for n in range(3)]
    text = json.dumps(items, indent=2)
    path.write_text(text[: text.rindex("}") + 1] + ",\n]")  # a comma after the last item
    assert list(read_documents(path)) == [(2, items[0]), (5, items[1]), (8, items[2])]
    path.write_text(text.replace('"1"', "1 1", 1))  # one item broken: the others are read
    found = list(read_documents(path))
    assert _values(found) == [(2, items[0]), (8, items[2])]
    assert [(p.line, p.records) for p in found if isinstance(p, DocumentError)] == [(5, 1)]


def test_a_document_whose_objects_open_lines_is_one_document_cut_or_broken(
    tmp_path: Path,
) -> None:
    # indent=0 puts every nested object at the start of a line: not several documents
    path = tmp_path / "feed.json"
    page = {"feed": [{"post": {"uri": f"at://{n}"}} for n in range(3)]}
    text = json.dumps(page, indent=0)
    path.write_text(text[: text.index('"at://2"')])
    problem, document = read_documents(path)
    assert isinstance(problem, DocumentError) and problem.records == 1
    assert document == (None, {"feed": page["feed"][:2]})
    path.write_text(text.replace('"uri":', '"uri"', 1))
    broken, rest = read_documents(path)  # one document less its broken entry, not pieces
    assert isinstance(broken, DocumentError) and broken.records == 1
    assert rest == (None, {"feed": page["feed"][1:]})


def test_a_document_cut_inside_a_character_keeps_the_entries_before_the_cut(
    tmp_path: Path,
) -> None:
    feed = {"feed": [{"post": {"uri": f"at://did:plc:a/app.bsky.feed.post/{n}", "cid": "c",
                               "author": {"did": "did:plc:a", "handle": "a.bsky.social"},
                               "record": {"text": f"café ✓ {n}",
                                          "createdAt": "2026-03-01T00:00:00Z"}}}
                     for n in range(3)]}  # fmt: skip
    data = json.dumps(feed, indent=1, ensure_ascii=False).encode()
    path = tmp_path / "feed.json"
    path.write_bytes(data[: data.rfind("✓".encode()) + 1])  # the download stopped inside ✓
    *told, (_, document) = read_documents(path)
    assert len(document["feed"]) == 2  # the entries whole before the cut
    (cut,) = told
    assert isinstance(cut, DocumentError) and "looks cut short" in str(cut)
    assert "UTF-8" not in str(cut)


def test_a_document_cut_before_what_tells_its_format_is_told_cut_not_unknown(
    tmp_path: Path,
) -> None:
    status = {"id": "1", "created_at": "2026-03-01T10:00:00.000Z", "content": "<p>hiring</p>",
              "replies_count": 0, "favourited": False,
              "account": {"id": "9", "acct": "acme", "username": "acme"}}  # fmt: skip
    text = json.dumps(status, indent=1)
    path = tmp_path / "status.json"
    path.write_text(text[: text.index('"favourited"')])  # the download stopped above "account"
    with pytest.raises(UnknownFormatError) as caught:
        detect(path)
    assert "it looks cut short: its JSON stops in the middle (line 6)" in str(caught.value)
    assert "download or export the file again" in str(caught.value)
    path.write_text('{"id": "1", "title": "no format"}')  # whole: not told as cut
    with pytest.raises(UnknownFormatError) as caught:
        detect(path)
    assert "cut short" not in str(caught.value)


def test_a_hand_broken_document_of_no_format_yet_is_told_its_line(tmp_path: Path) -> None:
    # a comma left out by hand: no source could read what it is, so it was told only as "not a
    # format staffpulse can import", with no line to look at
    path = tmp_path / "status.json"
    path.write_text('{\n "id": "7",\n "content": "<p>Desk open</p>"\n "account": {}\n}\n')
    with pytest.raises(UnknownFormatError) as caught:
        detect(path)
    said = str(caught.value)
    assert "its JSON is broken at line 4, column 2 (" in said
    assert "correct the file there (a text editor shows the line)" in said
    path.write_text('{"a": 1}\n{"b": 2}\n')  # JSON Lines of no format: each line parses
    with pytest.raises(UnknownFormatError) as caught:
        detect(path)
    assert "its JSON is broken" not in str(caught.value)


@pytest.mark.parametrize(
    ("name", "text", "told"),
    [
        ("daily.csv", "[Date],[Reach]\n2024-05-02,40\n", "the header (line 1) has [Date], [Reach]"),
        ("notes.txt", "{Team: yard, Shift: late}\n", "the header (line 1) has {Team: yard"),
    ],
)
def test_a_file_that_only_opens_with_a_bracket_is_not_told_its_json_is_broken(
    tmp_path: Path, name: str, text: str, told: str
) -> None:
    # a CSV whose header opens with "[" was told "its JSON is broken at line 1, column 2"
    # instead of the columns a staffpulse CSV needs
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(UnknownFormatError) as caught:
        detect(path)
    assert told in str(caught.value)
    assert "its JSON is broken" not in str(caught.value)


def test_a_document_that_does_not_parse_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    path.write_text('{\n "feed": [\n  {"post": {}},\n  {"post": {}}}\n ]\n}\n')  # one } too many
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    assert str(caught.value).startswith("not valid JSON at line 4, column")
    assert str(caught.value).endswith(
        "nothing in the file was read (2 entries). What to do: correct the file there (a text"
        " editor shows the line), or save or export it again"
    )


def test_a_document_with_a_damaged_byte_is_read_and_the_byte_told(tmp_path: Path) -> None:
    feed = {"feed": [{"post": {"text": f"Grüße ✓ {n}", "id": str(n)}} for n in range(3)]}
    data = bytearray(json.dumps(feed, indent=1, ensure_ascii=False).encode())
    data[data.index(b"e \xe2\x9c\x93 1") + 1] = 0xFF  # a disk or copy error in the 2nd text
    path = tmp_path / "feed.json"
    path.write_bytes(bytes(data))
    told, (_, document) = read_documents(path)
    assert isinstance(told, DocumentError) and told.records == 0  # nothing lost: told
    assert str(told).startswith("a few bytes are not valid UTF-8 (first at line 11)")
    texts = [entry["post"]["text"] for entry in document["feed"]]
    assert texts == ["Grüße ✓ 0", "Grüße\ufffd✓ 1", "Grüße ✓ 2"]
    path.write_bytes(json.dumps(feed, ensure_ascii=False).encode("cp1252", "replace"))
    (refused,) = read_documents(path)  # saved as Windows-1252 whole: refused as before
    assert isinstance(refused, DocumentError) and "save the file as UTF-8" in str(refused)


def test_a_response_whose_json_one_entry_breaks_loses_only_that_entry(tmp_path: Path) -> None:
    # QA s27: a saved response with one damaged byte in an entry lost every entry
    follows = [{"did": f"did:plc:{n}", "handle": f"firm{n}.bsky.social"} for n in range(4)]
    text = json.dumps({"subject": {"did": "did:plc:x"}, "follows": follows}, indent=2)
    at = text.index('"handle": "firm2')
    path = tmp_path / "follows.json"
    path.write_text(text[:at] + "!" + text[at + 1 :], encoding="utf-8")  # its opening quote
    found = list(read_documents(path))
    assert len(found) == 2
    told, (line, document) = found
    assert isinstance(told, DocumentError) and told.records == 1
    assert told.line == text[: text.index('"did:plc:2"')].count("\n")  # where the entry begins
    assert str(told).startswith(
        f"an entry starting here is damaged (not valid JSON at line {told.line + 2}, column"
    )
    assert "so it was left out and the other 3 entries read" in str(told)
    assert line is None and document["follows"] == [follows[n] for n in (0, 1, 3)]
