"""A skip in a whole JSON document (a list saved with ``jq -s``, a page pretty-printed) is told
on the line its entry starts on, as the import's summary promises ("file and line")."""

from __future__ import annotations

import json
from pathlib import Path

from staffpulse.ingest import import_paths
from staffpulse.sources.json_places import place_lines, place_of
from staffpulse.store import open_store


def _feed_item(number: int) -> dict[str, object]:
    uri = f"at://did:plc:crate7/app.bsky.feed.post/3kq{number}"
    author = {"did": "did:plc:crate7", "handle": "cratehire.bsky.social"}
    record = {
        "$type": "app.bsky.feed.post",
        "text": f"Shift {number}",
        "createdAt": "2026-03-01T10:00:00Z",
    }
    return {"post": {"uri": uri, "cid": "c", "author": author, "record": record}}


def _tweet_page(number: int) -> dict[str, object]:
    tweet = {"id": f"181111111111111111{number}", "text": f"Shift {number}", "author_id": "77"}
    users = [{"id": "77", "username": "cratehire", "name": "Crate Hire"}]
    return {"data": [tweet, 5], "includes": {"users": users}}


def _problems(tmp_path: Path, name: str, document: object) -> list[tuple[int | None, str]]:
    path = tmp_path / name
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
    return [(problem.line, problem.message) for problem in report.problems]


def test_a_bad_item_of_a_saved_list_is_told_on_its_line(tmp_path: Path) -> None:
    document = [_feed_item(0), _feed_item(1), "cut here", _feed_item(3)]
    # each feed item takes 15 lines: the third item is on line 32
    assert _problems(tmp_path, "feed.json", document) == [(32, "[2] not a JSON object")]


def test_a_bad_entry_of_a_page_is_told_on_its_line(tmp_path: Path) -> None:
    document = {"feed": [_feed_item(0), 7]}
    assert _problems(tmp_path, "page.json", document) == [(18, "feed[1]: not a JSON object")]


def test_twarc2_pages_saved_as_one_list_tell_each_skip_by_its_page_and_line(
    tmp_path: Path,
) -> None:
    document = [_tweet_page(1), 8, _tweet_page(2)]
    assert _problems(tmp_path, "pages.json", document) == [
        (9, "[0] data[1]: not a JSON object"),
        (21, "[1] not a JSON object"),
        (29, "[2] data[1]: not a JSON object"),
    ]


def test_places_and_their_lines() -> None:
    assert place_of("[3] feed[1]: no post") == (3, "feed", 1)
    assert place_of("item 4: not an object") == (4,)
    assert place_of("no place here") == ()
    data = b'{\n "a": "[x",\n "feed": [\n  1,\n  {"b": [2, 3]},\n  "s"\n ]\n}'
    assert place_lines(data, [("feed", 2), ("feed", 1), ("nothing", 0)]) == {
        ("feed", 1): 5,
        ("feed", 2): 6,
    }


def test_x_v1_tweets_saved_as_one_list_tell_each_skip_by_its_place_and_line(
    tmp_path: Path,
) -> None:
    user = {"id_str": "77", "screen_name": "cratehire", "name": "Crate Hire"}
    tweet = {"id_str": "1811111111111111101", "full_text": "Shift 1", "user": user}
    document = [tweet, "cut here", {"id_str": "1811111111111111103"}]
    assert _problems(tmp_path, "tweets.json", document) == [
        (11, "[1] not a JSON object"),
        (12, "[2] tweet 1811111111111111103 has no 'user' object"),
    ]
