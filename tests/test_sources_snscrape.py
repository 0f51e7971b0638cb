"""Tweets saved by snscrape (``snscrape --jsonl --with-entity twitter-user``), on a small
hand-written file of its schema: a user line, an original, a reply, a retweet and a quote with
the tweet they share inlined, a deleted tweet's tombstone, an older snscrape's line."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from staffpulse.ingest import import_paths
from staffpulse.models import Account, Post
from staffpulse.sources import detect
from staffpulse.sources.base import Problem
from staffpulse.sources.snscrape import Snscrape, rows_from_snscrape
from staffpulse.store import open_store
from staffpulse.store.core import Record

FILE = Path(__file__).parent / "fixtures" / "snscrape" / "acme.jsonl"


def _read() -> tuple[dict[str, Post], dict[str, Account], list[Problem]]:
    items = list(Snscrape().read(FILE))
    rows = [row for item in items if isinstance(item, Record) for row in item.rows]
    return (
        {row.id: row for row in rows if isinstance(row, Post)},
        {row.id: row for row in rows if isinstance(row, Account)},
        [item for item in items if isinstance(item, Problem)],
    )


def test_detected_by_its_type_marker() -> None:
    # it was refused: "not a format staffpulse can import", with no word on why
    assert detect(FILE).name == "snscrape"


def test_the_profile_and_the_kinds_of_the_tweets() -> None:
    posts, accounts, _ = _read()
    acme = accounts["3000000001"]
    assert (acme.handle, acme.display_name, acme.bio, acme.followers) == (
        "AcmeStaffing",
        "Acme Staffing",
        "We place great people in Dayton",
        1200,
    )
    first = posts["1600000000000000001"]
    assert first.kind == "original" and first.text.startswith("We are hiring forklift")
    assert "&amp;" not in first.text and first.urls == ("https://acme.example/jobs/1",)
    assert (first.likes, first.reposts, first.replies) == (12, 3, 1)
    assert first.created_at == datetime(2022, 12, 6, 5, 31, 41, tzinfo=UTC)
    reply = posts["1600000000000000002"]
    assert (reply.kind, reply.reply_to_post_id, reply.reply_to_account_id) == (
        "reply",
        "1599000000000000001",
        "3000000002",
    )
    assert reply.reply_to_handle == "danarecruits" and reply.mentions == ("danarecruits",)
    repost = posts["1600000000000000003"]
    assert repost.kind == "repost" and repost.reposted_post_id == "1599000000000000001"
    quote = posts["1600000000000000004"]
    assert quote.kind == "quote" and quote.quoted_post_id == "1599000000000000001"
    shared = posts["1599000000000000001"]  # inlined in the retweet and the quote: stored too
    assert shared.author_id == "3000000002" and accounts["3000000002"].handle == "DanaRecruits"


def test_an_older_snscrapes_line_and_a_tombstone() -> None:
    posts, _, problems = _read()
    old = posts["1500000000000000001"]
    assert old.text == "Old snscrape wrote content and outlinks"
    assert old.urls == ("https://acme.example/blog",)
    assert "1600000000000000005" not in posts  # deleted: nothing to store, nothing lost
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [
        (8, "not valid JSON"),
        (9, "tweet 1600000000000000010 has no 'user'"),
    ]


def test_transformer_is_pure() -> None:
    lines = [json.loads(line) for line in FILE.read_text(encoding="utf-8").splitlines()[:7]]
    retweet = lines[3]
    before = copy.deepcopy(retweet)
    rows = rows_from_snscrape(retweet)
    assert retweet == before
    assert [type(row) for row in rows] == [Account, Post, Account, Post]
    with pytest.raises(ValueError, match="has no 'user'"):
        rows_from_snscrape({"id": 1, "rawContent": "hi"})


def test_import_twice_adds_nothing(tmp_path: Path) -> None:
    with open_store(tmp_path / "db.sqlite") as store:
        first = import_paths(store, [FILE])
        assert (first.new_posts, first.new_accounts, first.skipped) == (6, 2, 2)
        again = import_paths(store, [FILE])
        assert (again.new_posts, again.new_accounts, again.updated_posts) == (0, 0, 0)
