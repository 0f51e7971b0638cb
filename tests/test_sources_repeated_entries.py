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
