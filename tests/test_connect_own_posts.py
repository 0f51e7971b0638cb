"""What connect reads of a candidate's posts (staffpulse.connect.own_posts): from the store,
its latest posts in its own words up to the ranking date and how many it wrote then and
after, the same as reading every post of it and keeping those."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from audit_helpers import PROV
from staffpulse.connect.own_posts import POSTS_PER_ACCOUNT, OwnPosts, own_text, read_own_posts
from staffpulse.models import Account, Post
from staffpulse.store import Store, open_store

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _post(n: int, text: str, kind: str = "original", hours: float | None = None) -> Post:
    return Post(
        platform="x",
        id=f"p{n:03d}",
        author_id="zenith",
        author_handle="zenith",
        text=text,
        created_at=None if hours is None else T0 + timedelta(hours=hours),
        kind=kind,  # type: ignore[arg-type]
    )


def _own_posts_of(
    posts: Sequence[Post], as_of: datetime | None, keep: int = POSTS_PER_ACCOUNT
) -> OwnPosts:
    """What reading every post (oldest first) and keeping those gives: the plain reading that
    read_own_posts, which lets SQLite count and hands over only the latest, must match."""
    then = [p for p in posts if as_of is None or p.created_at is None or p.created_at <= as_of]
    after = [p.created_at for p in posts if as_of and p.created_at and p.created_at > as_of]
    dated = [p.created_at for p in then if p.created_at is not None]
    return OwnPosts(
        recent=own_text(then)[-keep:],
        total=len(then),
        last_post=max(dated) if dated else None,
        later=len(after),
        next_post=min(after) if after else None,
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    posts = [_post(0, "undated but ours"), _post(1, "an early thought", hours=-1)]
    for n in range(2, 80):
        # a repost, a blank text and a line break only among the newest: not its own words
        kind = "repost" if n % 7 == 0 else "original"
        text = {10: "", 11: "\n ", 75: "  "}.get(n, f"Our tip number {n}: ask about the shift")
        posts.append(_post(n, text, kind, hours=n))
    posts += [_post(90, "written after the ranking date", hours=500)]
    store = open_store(tmp_path / "t.db")
    store.upsert(
        [Account(platform="x", id="zenith", handle="zenith"), *posts],
        PROV,
    )
    return store


@pytest.mark.parametrize("as_of", [None, T0 + timedelta(hours=100), T0 + timedelta(hours=40)])
def test_the_store_read_gives_what_reading_every_post_gives(store: Store, as_of: datetime) -> None:
    every = store.posts_by("x", "zenith")
    for keep in (50, 5, 500):
        read = read_own_posts(store, "x", "zenith", as_of, keep=keep)
        whole = _own_posts_of(every, as_of, keep=keep)
        assert [p.id for p in read.recent] == [p.id for p in whole.recent]
        assert (read.total, read.last_post, read.later, read.next_post) == (
            whole.total,
            whole.last_post,
            whole.later,
            whole.next_post,
        )


def test_a_candidate_is_read_as_of_the_ranking_date(store: Store) -> None:
    as_of = T0 + timedelta(hours=100)
    read = read_own_posts(store, "x", "zenith", as_of, keep=50)
    assert read.total == 80  # the undated post, reposts and blank ones included
    assert read.later == 1 and read.next_post == T0 + timedelta(hours=500)
    assert read.last_post == T0 + timedelta(hours=79)
    assert len(read.recent) == 50 and read.recent[-1].id == "p079"
    assert all(p.kind != "repost" and p.text.strip() for p in read.recent)
