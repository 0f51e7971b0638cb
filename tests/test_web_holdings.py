"""What a store holds, as a page without its own part says it (staffpulse.web.holdings): the
posts by platform, accounts known only by name and follows; and the page of a store with
accounts or follows but no posts says it holds those, not "Import data first"."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from staffpulse.models import Account
from staffpulse.sources.base import provenance
from staffpulse.store import open_store
from staffpulse.web.holdings import Holdings
from web_helpers import make_client, page_words


def test_the_posts_are_said_by_platform_busiest_first() -> None:
    two = Holdings(posts=(("bluesky", 336), ("x", 1)), accounts=0, graded=0, follows=0)
    assert two.posts_said() == "336 Bluesky posts and 1 X post"
    assert two.post_total == 337 and not two.is_empty
    three = Holdings(
        posts=(("bluesky", 3), ("mastodon", 2), ("csv", 1)), accounts=0, graded=0, follows=0
    )
    assert three.posts_said() == ("3 Bluesky posts, 2 Mastodon posts and 1 CSV (no platform) post")


def test_accounts_without_posts_are_said_known_only_by_name() -> None:
    named = Holdings(posts=(), accounts=12, graded=0, follows=300)
    assert named.others_said() == "12 accounts known only by name and 300 follows"
    assert Holdings(posts=(), accounts=0, graded=0, follows=0).is_empty


def test_a_store_of_accounts_without_posts_says_what_it_holds(tmp_path: Path) -> None:
    db = tmp_path / "names.db"
    with open_store(db) as store:
        named = [Account(platform="x", id=f"9{i}", handle=f"namedfirm{i}") for i in range(2)]
        store.upsert(named, provenance("test", "t"))
    with make_client(db) as client:
        for page in ("/", "/inbox", "/benchmark"):
            words = page_words(client.get(page).text)
            assert "No posts yet" in words and "Import data first" not in words
            assert "This store holds 2 accounts known only by name, but no posts" in words
        assert "listen to Bluesky" in page_words(client.get("/inbox").text)
