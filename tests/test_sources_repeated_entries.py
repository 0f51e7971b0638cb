"""Entries found again, exactly, inside one saved JSON document (staffpulse.sources.
repeated_entries): a Bluesky feed or a Mastodon timeline with a page pasted in twice is told,
with the lines, in the words every repeated entry gets (ingest_repeats)."""

from __future__ import annotations

import json
from pathlib import Path

from staffpulse.ingest import import_paths
from staffpulse.sources.repeated_entries import told_repeats
from staffpulse.store import open_store

FIXTURES = Path(__file__).parent / "fixtures" / "mastodon"
CREATED = "2026-03-01T10:00:00.000Z"


def _feed_item(rkey: str) -> dict[str, object]:
    return {
        "post": {
            "uri": f"at://did:plc:harbor/app.bsky.feed.post/{rkey}",
            "cid": f"cid-{rkey}",
            "author": {"did": "did:plc:harbor", "handle": "harbor.bsky.social"},
            "record": {
                "$type": "app.bsky.feed.post",
                "text": f"shift {rkey}",
                "createdAt": CREATED,
            },
        }
    }


def _notes(path: Path) -> tuple[int, list[str]]:
    with open_store(":memory:") as store:
        report = import_paths(store, [path])
    return report.posts, [n.message for n in report.notices if "repeat" in n.message]


def test_a_feed_with_entries_pasted_twice_tells_them_with_their_lines(tmp_path: Path) -> None:
    items = [_feed_item("a1"), _feed_item("a2"), _feed_item("a1"), _feed_item("a2")]
    path = tmp_path / "feed.json"
    # one entry a line, from line 2 on: the repeats are on lines 4 and 5
    path.write_text(
        '{"feed": [\n' + ",\n".join(json.dumps(i) for i in items) + '\n], "cursor": "x"}'
    )
    posts, notes = _notes(path)
    assert posts == 2  # read as the document it is, not as JSON Lines of objects and commas
    assert notes == [told_repeats(2, "line 4 repeats line 2")]
    assert notes[0].startswith("2 entries repeat an earlier one exactly (line 4 repeats line 2)")


def test_a_mastodon_timeline_saved_twice_into_one_list_is_told(tmp_path: Path) -> None:
    statuses = json.loads((FIXTURES / "account_statuses.json").read_text())
    path = tmp_path / "statuses.json"
    path.write_text(json.dumps([*statuses, statuses[0]], indent=1))
    posts, notes = _notes(path)
    assert posts == _notes(FIXTURES / "account_statuses.json")[0]  # the same posts
    (note,) = notes
    assert note.startswith("1 entry repeats an earlier one exactly (line ")
    assert "imported once, nothing is lost" in note


def test_a_feed_holding_each_entry_once_is_told_nothing(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    path.write_text(json.dumps({"feed": [_feed_item("b1"), _feed_item("b2")]}))
    assert _notes(path) == (2, [])


def _tweet(number: int) -> dict[str, object]:
    return {
        "id": f"16000000000000000{number:02d}",
        "author_id": "10",
        "text": f"Night shift {number}: we are hiring packers",
        "created_at": CREATED,
        "edit_history_tweet_ids": [f"16000000000000000{number:02d}"],
    }


def test_a_tweet_twice_in_one_twarc2_page_line_is_told_on_its_line(tmp_path: Path) -> None:
    """A page is stored as one record: its tweets found again in it were not told."""
    users = {"users": [{"id": "10", "username": "acmestaff", "name": "Acme"}]}
    pages = [
        {"data": [_tweet(1), _tweet(2)], "includes": {**users, "tweets": [_tweet(1)]}},
        {"data": [_tweet(3), _tweet(4), _tweet(3), _tweet(4)], "includes": users},
    ]
    path = tmp_path / "search.jsonl"
    path.write_text("".join(json.dumps(page) + "\n" for page in pages), encoding="utf-8")
    posts, notes = _notes(path)
    # the tweet of the first page's includes is how pages work: not a repeat
    assert (posts, notes) == (
        4,
        [
            told_repeats(2, "twice in the page on line 2").replace(
                "Check that the file holds each entry once (a file joined with itself, or a"
                " download saved twice into it)",
                "A page holds an entry twice when its request named it twice (ids to look up,"
                " with repeats) or when pages were merged or edited by hand",
            )
        ],
    )


def test_a_status_twice_in_one_mastodon_page_line_is_told(tmp_path: Path) -> None:
    statuses = json.loads((FIXTURES / "account_statuses.json").read_text(encoding="utf-8"))
    path = tmp_path / "timeline.jsonl"
    lines = [json.dumps(statuses), json.dumps([statuses[0], statuses[0]])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    once = tmp_path / "once.jsonl"
    once.write_text(lines[0] + "\n", encoding="utf-8")
    posts, notes = _notes(path)
    assert posts == _notes(once)[0] and len(notes) == 1
    assert "1 entry repeats an earlier one exactly (twice in the page on line 2)" in notes[0]
