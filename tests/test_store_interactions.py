"""Incremental interaction edges: after any sequence of imports they equal a full rebuild."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from staffpulse.models import Account, Follow, Post, Provenance
from staffpulse.store import Store, open_store
from staffpulse.store.interactions import mark_posts_before_delete

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
        # some sources know the replied-to account by id only, or by both
        reply_to_account_id=draw(st.sampled_from([None, target])) if kind == "reply" else None,
        reposted_post_id=referenced if kind == "repost" else None,
        quoted_post_id=referenced if kind == "quote" else None,
        mentions=tuple(
            draw(st.lists(st.sampled_from([f"user{p}" for p in PEOPLE]), max_size=2, unique=True))
        ),
    )


# a step imports a batch of rows, or deletes stored posts (a Jetstream delete event)
step = st.one_of(
    st.lists(st.one_of(account, post()), max_size=8),
    st.lists(st.integers(0, 30).map(str), min_size=1, max_size=3).map(set),
)
steps = st.lists(step, min_size=1, max_size=6)


def _delete_posts(store: Store, ids: set[str]) -> None:
    with store.transaction() as conn:
        mark_posts_before_delete(conn, "x", sorted(ids))
        conn.executemany("DELETE FROM posts WHERE platform = 'x' AND id = ?", [(i,) for i in ids])


def _acct(who: str, handle: str) -> Account:
    return Account(platform="x", id=who, handle=handle)


def _post(number: int, author: str, **fields: object) -> Post:
    return Post(platform="x", id=str(number), author_id=author, text="t", **fields)  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(steps)
# the rare histories, spelled out: a handle moves to an account with a smaller id
@example(
    [
        [_acct("2", "user1"), _post(1, "2", kind="reply", reply_to_handle="user1")],
        [_acct("1", "user1")],
    ]
)
# a mention resolved to an account that is then renamed
@example([[_acct("2", "user2"), _post(1, "1", mentions=("user2",))], [_acct("2", "user3")]])
# a quote whose original arrives later
@example([[_post(9, "1", kind="quote", quoted_post_id="5")], [_post(5, "2")]])
def test_incremental_refresh_equals_a_full_rebuild(
    history: list[list[Account | Post] | set[str]],
) -> None:
    store = open_store(":memory:")
    for change in history:
        if isinstance(change, set):
            _delete_posts(store, change)
        else:
            store.upsert(change, PROV)
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
            Post(platform="x", id="5", author_id="2", text="news"),
            Post(platform="x", id="9", author_id="3", kind="repost", reposted_post_id="5"),
            Follow(platform="x", follower_id="1", followee_id="2"),
        ],
        PROV,
    )
    assert store.refresh_interactions() == 2
    _delete_posts(store, {"1", "5"})
    assert store.refresh_interactions() == 0  # the repost lost its known target too


def test_refresh_without_new_writes_does_not_touch_the_table() -> None:
    store = open_store(":memory:")
    store.upsert([Post(platform="x", id="1", author_id="1", mentions=("jane",))], PROV)
    store.refresh_interactions()
    store.conn.execute("UPDATE interactions SET count = 99")  # a sentinel
    store.refresh_interactions()
    assert [e.count for e in store.interactions("x")] == [99]


def test_a_store_from_before_gets_its_missing_edges_once(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with open_store(path) as store:
        store.upsert([Post(platform="x", id="1", author_id="1", mentions=("jane",))], PROV)
        # undo 0002 and its marks: a store written before it, whose posts never got edges
        store.conn.executescript(
            "DELETE FROM interactions; DROP TABLE interactions_pending;"
            " DROP TABLE interactions_pending_posts; DROP TABLE interactions_pending_handles;"
            " DROP INDEX posts_by_reposted; DROP INDEX posts_by_quoted;"
            " DELETE FROM schema_migrations WHERE name = '0002_incremental_interactions';"
        )
    with open_store(path) as store:  # migrates again
        assert store.refresh_interactions() == 1
        assert [(e.source_id, e.target_id) for e in store.interactions("x")] == [("1", "@jane")]


def _kinds(store: Store) -> dict[tuple[str, str, str], int]:
    return {(e.source_id, e.target_id, e.kind): e.count for e in store.interactions("x")}


def test_a_reply_that_names_its_target_counts_once_and_other_names_still_count() -> None:
    store = open_store(":memory:")
    store.upsert(
        [
            Account(platform="x", id="2", handle="jane"),
            # X and Mastodon list the replied-to account among the mentions
            Post(
                platform="x",
                id="1",
                author_id="1",
                text="@jane @bob agreed",
                kind="reply",
                reply_to_handle="jane",
                mentions=("jane", "bob"),
            ),
            # the replied-to account known by id only (its handle resolves to it)
            Post(
                platform="x",
                id="3",
                author_id="1",
                text="@jane again",
                kind="reply",
                reply_to_account_id="2",
                mentions=("jane",),
            ),
            # a plain post that names jane is a mention
            Post(platform="x", id="4", author_id="1", text="cc @jane", mentions=("jane",)),
        ],
        PROV,
    )
    store.refresh_interactions()
    assert _kinds(store) == {
        ("1", "2", "reply"): 2,
        ("1", "@bob", "mention"): 1,
        ("1", "2", "mention"): 1,
    }


def test_a_reply_to_an_unstored_account_named_by_handle_counts_once() -> None:
    store = open_store(":memory:")
    reply = Post(
        platform="x",
        id="1",
        author_id="1",
        kind="reply",
        reply_to_account_id="99",  # an id we hold no account for
        reply_to_handle="Jane",
        mentions=("jane",),
    )
    store.upsert([reply], PROV)
    store.refresh_interactions()
    assert _kinds(store) == {("1", "99", "reply"): 1}


def test_a_quote_that_names_the_quoted_author_counts_once() -> None:
    store = open_store(":memory:")
    store.upsert(
        [
            Account(platform="x", id="2", handle="jane"),
            Post(platform="x", id="5", author_id="2", text="news"),
            Post(
                platform="x",
                id="9",
                author_id="1",
                kind="quote",
                quoted_post_id="5",
                mentions=("jane", "bob"),
            ),
        ],
        PROV,
    )
    store.refresh_interactions()
    assert _kinds(store) == {("1", "2", "quote"): 1, ("1", "@bob", "mention"): 1}


def test_a_store_with_double_counted_replies_is_recounted_once(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    reply = Post(
        platform="x",
        id="1",
        author_id="1",
        kind="reply",
        reply_to_handle="jane",
        mentions=("jane",),
    )
    with open_store(path) as store:
        store.upsert([reply], PROV)
        store.refresh_interactions()
        # the edges an earlier version wrote: the reply, and the same act again as a mention
        store.conn.executescript(
            "INSERT INTO interactions VALUES ('x', '1', '@jane', 'mention', 1, NULL, NULL);"
            " DELETE FROM schema_migrations WHERE name = '0005_interactions_reply_once';"
        )
    with open_store(path) as store:  # migrates again
        store.refresh_interactions()
        assert _kinds(store) == {("1", "@jane", "reply"): 1}


BOB_POST = "at://did:plc:bob/app.bsky.feed.post/3k2a"


def test_a_bluesky_repost_names_its_target_before_the_original_is_stored() -> None:
    store = open_store(":memory:")
    repost = Post(platform="bluesky", id="r1", author_id="did:plc:ann", kind="repost",
                  reposted_post_id=BOB_POST)  # fmt: skip
    quote = Post(platform="bluesky", id="at://did:plc:ann/app.bsky.feed.post/q1",
                 author_id="did:plc:ann", kind="quote", quoted_post_id=BOB_POST)  # fmt: skip
    store.upsert([repost, quote], PROV)
    store.refresh_interactions()
    edges = {(e.source_id, e.target_id, e.kind) for e in store.interactions("bluesky")}
    assert edges == {
        ("did:plc:ann", "did:plc:bob", "repost"),
        ("did:plc:ann", "did:plc:bob", "quote"),
    }
    # the original arrives: the same edges, not new ones
    store.upsert(
        [Post(platform="bluesky", id=BOB_POST, author_id="did:plc:bob", text="news")], PROV
    )
    store.refresh_interactions()
    assert {(e.source_id, e.target_id, e.kind) for e in store.interactions("bluesky")} == edges


def test_an_x_repost_id_is_never_read_as_a_bluesky_uri() -> None:
    store = open_store(":memory:")
    store.upsert([_post(9, "1", kind="repost", reposted_post_id="at://did:plc:bob/x/1")], PROV)
    assert store.refresh_interactions() == 0


def test_a_store_from_before_gets_its_bluesky_repost_edges(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with open_store(path) as store:
        store.upsert([Post(platform="bluesky", id="r1", author_id="did:plc:ann", kind="repost",
                           reposted_post_id=BOB_POST)], PROV)  # fmt: skip
        store.refresh_interactions()
        # as a store written before 0008 left it: no edge, no mark
        store.conn.executescript(
            "DELETE FROM interactions; DELETE FROM interactions_pending;"
            " DELETE FROM schema_migrations"
            " WHERE name = '0008_interactions_bluesky_shared_targets';"
        )
    with open_store(path) as store:  # migrates again
        store.refresh_interactions()
        assert [(e.source_id, e.target_id) for e in store.interactions("bluesky")] == [
            ("did:plc:ann", "did:plc:bob")
        ]
