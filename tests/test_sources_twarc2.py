"""twarc2 / X API v2 adapter on small hand-written pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from staffpulse.models import Account, Post
from staffpulse.sources import detect
from staffpulse.sources.base import Problem
from staffpulse.sources.twarc2 import EditTracker, Twarc2, rows_from_v2
from staffpulse.store.core import Record

FIXTURES = Path(__file__).parent / "fixtures" / "twarc2"


def _read(path: Path) -> tuple[dict[str, Post], dict[str, Account], list[Problem]]:
    items = list(Twarc2().read(path))
    posts: dict[str, Post] = {}
    accounts: dict[str, Account] = {}
    for item in items:
        if isinstance(item, Record):
            for row in item.rows:
                if isinstance(row, Post):
                    posts[row.id] = row
                elif isinstance(row, Account):
                    accounts[row.id] = row
    return posts, accounts, [p for p in items if isinstance(p, Problem)]


def test_pages_flat_lines_and_malformed_line() -> None:
    path = FIXTURES / "pages.jsonl"
    assert detect(path).name == "twarc2"
    posts, accounts, problems = _read(path)
    assert set(posts) == {"200", "201", "150", "202", "190"}  # 149 is an older version of 150
    assert posts["200"].kind == "repost" and posts["200"].reposted_post_id == "150"
    reply = posts["201"]
    assert reply.kind == "reply" and reply.reply_to_post_id == "150"
    assert reply.quoted_post_id == "150"  # quoted the first version: points to the latest
    assert reply.reply_to_account_id == "2" and reply.reply_to_handle == "janedoe"
    assert reply.hashtags == ("hiring",) and reply.urls == ("https://acme.example/jobs",)
    assert (
        reply.mentions == ("janedoe",)
        and reply.likes == 2
        and reply.author_handle == "AcmeStaffing"
    )
    assert posts["150"].text == "Great tips (edited)" and posts["150"].author_handle == "JaneDoe"
    assert posts["202"].kind == "quote" and posts["202"].quoted_post_id == "190"
    assert accounts["1"].followers == 120 and accounts["1"].post_count == 400
    assert [(p.line, "not valid JSON" in p.message) for p in problems] == [(3, True)]


def test_recorded_response_document() -> None:
    path = FIXTURES / "recorded_user_tweets.json"
    assert detect(path).name == "twarc2"
    posts, accounts, problems = _read(path)
    assert not problems and not accounts
    assert posts["300"].kind == "original" and posts["300"].author_id == ""
    assert posts["301"].kind == "repost"


def test_edit_seen_in_an_earlier_page_is_not_stored_again() -> None:
    edits = EditTracker()
    latest = {"id": "2", "text": "v2", "author_id": "9", "edit_history_tweet_ids": ["1", "2"]}
    old = {"id": "1", "text": "v1", "author_id": "9", "edit_history_tweet_ids": ["1", "2"]}
    assert [r.id for r in rows_from_v2({"data": [latest]}, edits)] == ["2"]
    assert rows_from_v2({"data": [old]}, edits) == []


def test_user_object_and_garbage() -> None:
    rows = rows_from_v2({"id": "5", "username": "solo", "name": "Solo"})
    assert isinstance(rows[0], Account) and rows[0].handle == "solo"
    with pytest.raises(ValueError):
        rows_from_v2({"hello": "world"})
    with pytest.raises(ValueError):
        rows_from_v2({"data": [{"id": "1"}]})  # a tweet without text


def test_error_only_lines_import_nothing_quietly() -> None:
    assert rows_from_v2({"errors": [{"title": "operational-disconnect"}]}) == []
    assert rows_from_v2({"meta": {"result_count": 0}}) == []
