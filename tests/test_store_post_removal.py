"""Removing posts their author took down (``staffpulse.store.post_removal``)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from staffpulse.listen.schema import RelevanceRow, relevant_post_ids, save_relevance
from staffpulse.models import Post
from staffpulse.sources.base import provenance
from staffpulse.store import open_store
from staffpulse.store.codec import IN_CHUNK
from staffpulse.store.post_removal import delete_posts

WHEN = datetime(2026, 3, 1, 14, 5, tzinfo=UTC)


def _post(pid: str, platform: str = "x") -> Post:
    return Post(platform=platform, id=pid, author_id="acme", text=f"Update {pid}", created_at=WHEN)


def test_removed_posts_leave_the_store_with_their_listen_verdicts(tmp_path: Path) -> None:
    kept, gone = _post("1"), _post("2")
    namesake = _post("2", platform="mastodon")  # the same id on another platform stays
    with open_store(tmp_path / "store.db") as store:
        store.upsert([kept, gone, namesake], provenance("test", "fixture"))
        with store.transaction() as conn:
            save_relevance(conn, [RelevanceRow("x", p.id, 0.9, (), "test") for p in (kept, gone)])
            removed = delete_posts(conn, "x", ["2", "404"])  # 404 was never stored

        assert removed == 1
        assert [p.id for p in store.posts_by("x", "acme")] == ["1"]
        assert [p.id for p in store.posts_by("mastodon", "acme")] == ["2"]
        assert relevant_post_ids(store, "x", ["1", "2"]) == {"1"}


def test_more_posts_than_one_statement_binds_are_all_removed(tmp_path: Path) -> None:
    posts = [_post(str(n)) for n in range(IN_CHUNK * 2 + 3)]
    with open_store(tmp_path / "store.db") as store:
        store.upsert(posts, provenance("test", "fixture"))
        with store.transaction() as conn:
            removed = delete_posts(conn, "x", [p.id for p in posts])

        assert removed == len(posts)
        assert store.posts_by("x", "acme") == []
