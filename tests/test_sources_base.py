"""staffpulse.sources.base: format detection (every JSON format is recognised and read in
UTF-16 with its BOM), safe archive member names and timestamps."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from staffpulse.models import Post
from staffpulse.sources import detect
from staffpulse.sources.base import claimed_by, parse_post_time, parse_timestamp, unsafe_member_name
from staffpulse.store.core import Record

TWARC2_PAGE = {
    "data": [
        {
            "id": "11",
            "text": "We are hiring",
            "author_id": "9",
            "created_at": "2026-01-01T00:00:00Z",
        }
    ],
    "includes": {"users": [{"id": "9", "username": "acme", "name": "Acme"}]},
}
V1_TWEET = {
    "id_str": "12",
    "text": "Hiring in Dayton",
    "created_at": "Wed Oct 10 20:19:24 +0000 2018",
    "user": {"id_str": "9", "screen_name": "acme", "name": "Acme"},
}
BLUESKY_FEED = {
    "feed": [
        {
            "post": {
                "uri": "at://did:plc:acme/app.bsky.feed.post/b1",
                "author": {"did": "did:plc:acme", "handle": "acme.bsky.social"},
                "record": {"text": "Hiring", "createdAt": "2026-01-01T00:00:00Z"},
            }
        }
    ]
}
MASTODON_STATUSES = [
    {
        "id": "13",
        "created_at": "2026-01-01T00:00:00Z",
        "content": "<p>Hiring</p>",
        "account": {"acct": "acme", "url": "https://staffing.example/@acme"},
    }
]


@pytest.mark.parametrize(
    ("name", "text", "source"),
    [
        ("tweets.jsonl", json.dumps(TWARC2_PAGE) + "\n" + json.dumps(TWARC2_PAGE), "twarc2"),
        ("v11.jsonl", json.dumps(V1_TWEET) + "\n", "x-v1.1-jsonl"),
        ("feed.json", json.dumps(BLUESKY_FEED, indent=2), "bluesky-json"),
        ("statuses.json", json.dumps(MASTODON_STATUSES, indent=2), "mastodon-json"),
    ],
)
@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be-bom", "utf-32"])
def test_every_json_format_is_read_in_utf16_with_its_bom(
    tmp_path: Path, name: str, text: str, source: str, codec: str
) -> None:
    # Windows PowerShell 5.1's `>` writes UTF-16 LE with a BOM; other tools, BE or UTF-32
    data = (
        b"\xfe\xff" + text.encode("utf-16-be") if codec == "utf-16-be-bom" else text.encode(codec)
    )
    path = tmp_path / name
    path.write_bytes(data)
    assert detect(path).name == source
    items = list(detect(path).read(path))
    posts = [r for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post)]
    assert posts and all(item.__class__ is Record for item in items)
    assert posts[0].text.startswith("Hiring") or posts[0].text == "We are hiring"


def test_a_file_of_no_known_format_is_claimed_by_none(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes("just some notes".encode("utf-16"))
    assert claimed_by(path) is None


@pytest.mark.parametrize(
    "name", ["../evil.js", "data/../../evil.js", "/etc/evil.js", "..\\evil.js", "C:evil.js"]
)
def test_a_zip_member_that_would_land_outside_its_folder_is_unsafe(name: str) -> None:
    assert unsafe_member_name(name)


def test_a_zip_member_with_a_nul_in_its_name_is_unsafe() -> None:
    assert unsafe_member_name("data/tweets.js\x00.png")


@pytest.mark.parametrize("name", ["data/tweets.js", "tweets..js", "a/b/c.jsonl", "x"])
def test_an_ordinary_zip_member_is_safe(name: str) -> None:
    assert not unsafe_member_name(name)


def test_timestamps_in_x_legacy_format_and_epoch() -> None:
    assert parse_timestamp("Wed Oct 10 20:19:24 +0000 2018").year == 2018  # type: ignore[union-attr]
    assert parse_timestamp(0).year == 1970  # type: ignore[union-attr]
    assert parse_timestamp("") is None


def test_a_post_dated_in_a_year_no_datetime_holds_is_kept_at_the_nearest_one() -> None:
    # a Bluesky app may write the year 0000: the post is kept, its date one no post can have
    assert parse_post_time("0000-01-01T00:00:00Z") == datetime.min.replace(tzinfo=UTC)
    assert parse_post_time("+10000-01-01T00:00:00Z") == datetime.max.replace(tzinfo=UTC)
    assert parse_post_time("2026-03-01T10:00:00Z") == datetime(2026, 3, 1, 10, tzinfo=UTC)
    for unreadable in ("0000-13-01", "2026-02-30", "soon"):  # no date at all: told as before
        with pytest.raises(ValueError, match="unreadable timestamp"):
            parse_post_time(unreadable)
