"""Saved Bluesky JSON on small hand-written AppView responses."""

from __future__ import annotations

from pathlib import Path

import pytest

from staffpulse.models import Account, Follow, Post
from staffpulse.sources import detect
from staffpulse.sources.base import Problem
from staffpulse.sources.bluesky import BlueskyJson, rows_from_bluesky
from staffpulse.store.core import Record

FIXTURES = Path(__file__).parent / "fixtures" / "bluesky"
J1 = "at://did:plc:jane/app.bsky.feed.post/j1"
A1 = "at://did:plc:acme/app.bsky.feed.post/a1"


def _read(name: str) -> tuple[list[Account | Post | Follow], list[Problem]]:
    path = FIXTURES / name
    assert detect(path).name == "bluesky-json"
    items = list(BlueskyJson().read(path))
    rows = [r for i in items if isinstance(i, Record) for r in i.rows]
    return rows, [p for p in items if isinstance(p, Problem)]


def test_author_feed() -> None:
    rows, problems = _read("author_feed.json")
    posts = {r.id: r for r in rows if isinstance(r, Post)}
    a1 = posts[A1]
    assert a1.kind == "original" and a1.mentions == ("jane.example.com",)
    assert a1.hashtags == ("jobs",) and a1.urls == ("https://acme.example",)
    assert a1.likes == 5 and a1.url == "https://bsky.app/profile/acme.bsky.social/post/a1"
    a2 = posts["at://did:plc:acme/app.bsky.feed.post/a2"]
    assert a2.kind == "reply" and a2.reply_to_post_id == J1 and a2.conversation_id == J1
    assert a2.reply_to_account_id == "did:plc:jane"
    repost = posts[f"{J1}#repost-by-did:plc:acme"]
    assert (
        repost.kind == "repost"
        and repost.reposted_post_id == J1
        and repost.author_id == "did:plc:acme"
    )
    a3 = posts["at://did:plc:acme/app.bsky.feed.post/a3"]
    assert a3.kind == "quote" and a3.quoted_post_id == J1
    assert posts[J1].kind == "original" and posts[J1].author_handle == "jane.example.com"
    accounts = {r.id for r in rows if isinstance(r, Account)}
    assert accounts == {"did:plc:acme", "did:plc:jane"}
    assert len(problems) == 1 and "feed[4]" in problems[0].message


def test_thread_follows_profile() -> None:
    rows, problems = _read("thread.json")
    assert {r.id for r in rows if isinstance(r, Post)} == {
        J1,
        "at://did:plc:acme/app.bsky.feed.post/a2",
    }
    assert not problems
    rows, _ = _read("follows.json")
    follows = [r for r in rows if isinstance(r, Follow)]
    assert [(f.follower_id, f.followee_id) for f in follows] == [("did:plc:acme", "did:plc:jane")]
    rows, _ = _read("profile.json")
    (account,) = rows
    assert (
        isinstance(account, Account)
        and account.followers == 10
        and account.bio == "We place people"
    )


def test_no_avatar_is_known_and_records() -> None:
    rows = rows_from_bluesky({"did": "did:plc:x", "handle": "x.bsky.social"})
    assert isinstance(rows[0], Account) and rows[0].avatar_url == ""  # "no picture", not unknown
    record = {
        "uri": "at://did:plc:x/app.bsky.feed.post/r1",
        "value": {"$type": "app.bsky.feed.post", "text": "hi", "createdAt": "2026-01-01T00:00:00Z"},
    }
    (post,) = rows_from_bluesky(record)
    assert isinstance(post, Post) and post.author_id == "did:plc:x"
    with pytest.raises(ValueError):
        rows_from_bluesky(
            {
                "uri": "at://did:plc:x/app.bsky.feed.generator/g",
                "value": {"$type": "app.bsky.feed.generator"},
            }
        )


def test_a_saved_record_of_another_kind_is_told_not_counted_as_malformed(tmp_path: Path) -> None:
    import json

    from staffpulse.sources.base import Notice

    path = tmp_path / "generator.json"
    path.write_text(
        json.dumps(
            {
                "uri": "at://did:plc:x/app.bsky.feed.generator/g",
                "value": {"$type": "app.bsky.feed.generator", "displayName": "HR jobs"},
            }
        )
    )
    items = list(BlueskyJson().read(path))
    assert len(items) == 1 and isinstance(items[0], Notice)
    assert "app.bsky.feed.generator record, not a post" in items[0].message


def test_native_jsonl_with_dids_stays_native(tmp_path: Path) -> None:
    line = (
        '{"type": "post", "platform": "bluesky", "id": "at://did:plc:x/app.bsky.feed.post/1",'
        ' "author_id": "did:plc:x", "author": "x.bsky.social", "text": "hi", "acct": "no"}\n'
    )
    path = tmp_path / "mine.jsonl"
    path.write_text(line)
    assert detect(path).name == "staffpulse-jsonl"
