"""Incremental interaction edges: after any sequence of imports they equal a full rebuild."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from staffpulse.models import Account, Follow, Post, Provenance
from staffpulse.store import Store, open_store
from staffpulse.store.interactions import mark_authors_of_posts

T0 = datetime(2026, 3, 1, tzinfo=UTC)
PROV = Provenance(source="test", location="mem", tool_version="t", retrieved_at=T0)
PEOPLE = ["1", "2", "3", "4"]


def _edges(store: Store) -> set[tuple[str, str, str, int, str | None, str | None]]:
    return {
        tuple(row)
        for row in store.conn.execute(
            "SELECT source_id, target_id, kind, count, first_seen, last_seen FROM interactions"
        )
    }


def _full_rebuild_edges(store: Store) -> set[tuple[str, str, str, int, str | None, str | None]]:
    incremental = _edges(store)
    store.refresh_interactions(full=True)
    full = _edges(store)
    store.conn.execute("DELETE FROM interactions")
    store.conn.executemany(
        "INSERT INTO interactions (platform, source_id, target_id, kind, count, first_seen,"
        " last_seen) VALUES ('x', ?, ?, ?, ?, ?, ?)",
        incremental,
    )
    return full


# handles move between accounts too (a rename, a handle taken over)
account = st.builds(
    lambda who, name: Account(platform="x", id=who, handle=f"User{name}"),
    st.sampled_from(PEOPLE),
    st.sampled_from(PEOPLE),
)


@st.composite
def post(draw: st.DrawFn) -> Post:
    number = draw(st.integers(0, 30))
    kind = draw(st.sampled_from(["original", "reply", "repost", "quote"]))
    target = draw(st.sampled_from(PEOPLE))
    referenced = str(draw(st.integers(0, 30)))
    return Post(
        platform="x",
        id=str(number),
        author_id=PEOPLE[number % len(PEOPLE)],  # a post's author never changes
        text="t",
        created_at=T0 + timedelta(hours=number),
        kind=kind,
        reply_to_handle=f"user{target}" if kind == "reply" else None,
        reposted_post_id=referenced if kind == "repost" else None,
        quoted_post_id=referenced if kind == "quote" else None,
        mentions=tuple(draw(st.lists(st.sampled_from([f"user{p}" for p in PEOPLE]), max_size=1))),
    )


batches = st.lists(st.lists(st.one_of(account, post()), max_size=8), min_size=1, max_size=5)


@settings(max_examples=150, deadline=None)
@given(batches)
def test_incremental_refresh_equals_a_full_rebuild(imports: list[list[Account | Post]]) -> None:
    store = open_store(":memory:")
    for rows in imports:
        store.upsert(rows, PROV)
        store.refresh_interactions()
        assert _edges(store) == _full_rebuild_edges(store)


def test_a_handle_resolves_to_the_account_once_it_is_stored() -> None:
    store = open_store(":memory:")
    store.upsert(
        [Post(platform="x", id="1", author_id="1", text="hi @jane", mentions=("jane",))], PROV
    )
    store.refresh_interactions()
    assert {(e.source_id, e.target_id) for e in store.interactions("x")} == {("1", "@jane")}
    store.upsert([Account(platform="x", id="2", handle="Jane")], PROV)
    store.refresh_interactions()
    assert {(e.source_id, e.target_id) for e in store.interactions("x")} == {("1", "2")}


def test_a_repost_finds_its_target_when_the_original_arrives_later() -> None:
    store = open_store(":memory:")
    repost = Post(platform="x", id="9", author_id="1", kind="repost", reposted_post_id="5")
    store.upsert([repost], PROV)
    assert store.refresh_interactions() == 0  # no mention, original unknown: no edge yet
    store.upsert([Post(platform="x", id="5", author_id="2", text="news")], PROV)
    store.refresh_interactions()
    assert [(e.source_id, e.target_id, e.kind) for e in store.interactions("x")] == [
        ("1", "2", "repost")
    ]


def test_deleted_posts_take_their_edges_with_them() -> None:
    store = open_store(":memory:")
    store.upsert(
        [
            Account(platform="x", id="2", handle="jane"),
            Post(platform="x", id="1", author_id="1", text="@jane", mentions=("jane",)),
            Follow(platform="x", follower_id="1", followee_id="2"),
        ],
        PROV,
    )
    store.refresh_interactions()
    with store.transaction() as conn:
        mark_authors_of_posts(conn, "x", ["1"])
        conn.execute("DELETE FROM posts WHERE id = '1'")
    assert store.refresh_interactions() == 0


def test_refresh_without_new_writes_does_not_touch_the_table() -> None:
    store = open_store(":memory:")
    store.upsert([Post(platform="x", id="1", author_id="1", mentions=("jane",))], PROV)
    store.refresh_interactions()
    store.conn.execute("UPDATE interactions SET count = 99")  # a sentinel
    store.refresh_interactions()
    assert [e.count for e in store.interactions("x")] == [99]
