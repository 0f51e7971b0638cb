"""A list of a JSON document read entry by entry (Mastodon's outbox.json), and the documents it
leaves to be parsed whole (and told why they do not parse)."""

from __future__ import annotations

import json

import pytest

from staffpulse.sources.json_entries import entry_lines
from staffpulse.sources.json_list_stream import split_list

OUTBOX = {
    "@context": "https://www.w3.org/ns/activitystreams",
    "type": "OrderedCollection",
    "summary": 'a [bracket] and a "quote" in a string, {braces} too',
    "orderedItems": [
        {"type": "Create", "object": {"content": "<p>hi ] } [ {</p>", "tag": [{"a": [1, 2]}]}},
        {"type": "Announce", "object": "https://hr.social/@jane/1"},
    ],
    "totalItems": 2,
}


@pytest.mark.parametrize("indent", [None, 2])
def test_the_entries_are_read_as_a_whole_parse_reads_them(indent: int | None) -> None:
    data = json.dumps(OUTBOX, indent=indent).encode()
    split = split_list(data, "orderedItems")
    assert split is not None
    rest, entries = split
    assert len(entries) == 2 and list(entries) == OUTBOX["orderedItems"]
    assert entries[1] == OUTBOX["orderedItems"][1] and entries[:1] == OUTBOX["orderedItems"][:1]
    assert rest == {**OUTBOX, "orderedItems": []}


def test_a_list_of_strings_and_an_empty_list() -> None:
    likes = json.dumps({"type": "OrderedCollection", "orderedItems": ["a", "b"]}).encode()
    split = split_list(b"\xef\xbb\xbf" + likes, "orderedItems")
    assert split is not None and list(split[1]) == ["a", "b"]
    empty = split_list(b'{"orderedItems": [ ], "type": "OrderedCollection"}', "orderedItems")
    assert empty is not None and len(empty[1]) == 0


@pytest.mark.parametrize(
    "data",
    [
        b'{"orderedItems": [{"a": 1}, 5, {"b": 2}]}',  # a number: would be passed over
        b'{"orderedItems": [{"a": 1}, {"b": tru}]}',  # an entry that does not parse
        b'{"orderedItems": [{"a": 1}, {"b": 2}',  # cut short
        b'{"orderedItems": null, "other": [{"a": 1}]}',  # no list under the key
        b'{"type": "OrderedCollection"}',  # no such key
        b'{"orderedItems": [{"a": 1}], "totalItems": }',  # the rest does not parse
        b'[{"orderedItems": [{"a": 1}]}]',  # no top-level object
    ],
)
def test_what_it_cannot_split_is_left_to_the_whole_parse(data: bytes) -> None:
    assert split_list(data, "orderedItems") is None


def test_each_entry_is_told_on_the_line_it_starts_on() -> None:
    # where an activity that cannot be read, or one found again, is named to the user
    text = json.dumps(OUTBOX, indent=2)
    opening = [n for n, line in enumerate(text.splitlines(), 1) if line == "    {"]
    split = split_list(text.encode(), "orderedItems")
    assert split is not None
    assert split[1].lines() == opening == entry_lines(text) and len(opening) == 2
    one_line = split_list(json.dumps(OUTBOX).encode(), "orderedItems")
    assert one_line is not None and one_line[1].lines() == [1, 1]
