"""The SQLite store: migrations, WAL, idempotent upserts, provenance and interactions."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from staffpulse.errors import InputError, NotFoundError
from staffpulse.models import Account, Follow, Post, Provenance
from staffpulse.store import Record, Store, open_store, register_migration
from staffpulse.store.migrations import MIGRATIONS

WHEN = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
PROV = Provenance(source="test", location="mem", tool_version="t", retrieved_at=WHEN)


def _posts() -> list[Account | Post | Follow]:
    return [
        Account(platform="x", id="1", handle="AcmeStaffing", display_name="Acme"),
        Account(platform="x", id="2", handle="jane"),
        Post(
            platform="x",
            id="10",
            author_id="1",
            author_handle="AcmeStaffing",
            text="We're hiring @jane",
            created_at=WHEN,
            mentions=("jane",),
        ),
        Post(
            platform="x",
            id="11",
            author_id="2",
            author_handle="jane",
            text="@acmestaffing hi",
            created_at=WHEN,
            kind="reply",
            reply_to_post_id="10",
            reply_to_account_id="1",
        ),
        Post(
            platform="x",
            id="12",
            author_id="2",
            author_handle="jane",
            text="RT",
            created_at=WHEN,
            kind="repost",
            reposted_post_id="10",
        ),
        Follow(platform="x", follower_id="2", followee_id="1"),
    ]


def test_migrations_are_named_recorded_and_run_once(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with open_store(path) as store:
        assert store.applied_migrations() == [name for name, _ in MIGRATIONS]
        assert store.migrate() == []  # nothing pending the second time
    with open_store(path) as store:
        assert store.migrate() == []


def test_store_uses_wal_mode(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_registered_migration_is_applied_to_existing_store(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    open_store(path).close()
    register_migration("9999_test_extra", "CREATE TABLE test_extra (x INTEGER);")
    try:
        with open_store(path) as store:
            assert "9999_test_extra" in store.applied_migrations()
    finally:
        MIGRATIONS[:] = [m for m in MIGRATIONS if m[0] != "9999_test_extra"]


def test_reimporting_same_rows_changes_no_counts() -> None:
    store = open_store(":memory:")
    record = Record(rows=tuple(_posts()), provenance=PROV, raw={"page": 1})
    first = store.write_records([record])
    stats = store.stats()
    second = store.write_records([record])
    assert store.stats() == stats
    assert (first.new_posts, second.new_posts) == (3, 0)
    assert stats == {
        "accounts": {"x": 2},
        "posts": {"x": {"original": 1, "reply": 1, "repost": 1, "quote": 0}},
        "follows": {"x": 1},  # the follow of _posts, counted by stats for connect
    }


def test_a_batch_counts_each_account_and_post_once() -> None:
    store = open_store(":memory:")
    rows = _posts()
    # a page often carries its author again with every post, and a quoted post twice
    counts = store.write_records([Record(rows=tuple(rows + rows[:3]), provenance=PROV)])
    assert (counts.accounts, counts.posts, counts.follows) == (2, 3, 1)
    assert sum(counts.by_kind.values()) == counts.posts
    assert (counts.new_accounts, counts.new_posts) == (2, 3)


def test_upsert_fills_missing_fields_but_never_blanks_them() -> None:
    store = open_store(":memory:")
    store.upsert([Account(platform="x", id="1", handle="acme", bio="We staff", followers=5)], PROV)
    store.upsert([Account(platform="x", id="1", handle="acme", display_name="Acme")], PROV)
    account = store.find_account("acme")
    assert (account.bio, account.display_name, account.followers) == ("We staff", "Acme", 5)


def test_a_bio_once_seen_stays_known() -> None:
    store = open_store(":memory:")
    store.upsert([Account(platform="bluesky", id="did:1", handle="a.bsky", bio_known=False)], PROV)
    assert store.find_account("a.bsky").bio_known is False
    store.upsert([Account(platform="bluesky", id="did:1", handle="a.bsky", bio="")], PROV)
    store.upsert([Account(platform="bluesky", id="did:1", handle="a.bsky", bio_known=False)], PROV)
    assert store.find_account("a.bsky").bio_known is True  # the profile said: no bio


def test_a_display_name_once_seen_stays_known() -> None:
    store = open_store(":memory:")
    store.upsert([Account(platform="x", id="1", handle="acme", name_known=False)], PROV)
    assert store.find_account("acme").name_known is False
    store.upsert([Account(platform="x", id="1", handle="acme", display_name="")], PROV)
    store.upsert([Account(platform="x", id="1", handle="acme", name_known=False)], PROV)
    assert store.find_account("acme").name_known is True  # the profile said: no name


def test_a_store_from_before_name_known_learns_which_names_were_never_seen(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    with open_store(path) as store:
        store.upsert(
            [
                Account(platform="x", id="b", handle="brand", bio_known=False),  # TWCS-like
                Account(platform="x", id="p", handle="plain"),  # a profile: bio and name empty
                Account(platform="x", id="n", handle="named", display_name="Rosa", bio_known=False),
            ],
            PROV,
        )
        store.conn.execute("ALTER TABLE accounts DROP COLUMN name_known")
        store.conn.execute("DELETE FROM schema_migrations WHERE name = '0006_account_name_known'")
        store.conn.commit()
    with open_store(path) as store:
        known = {h: store.find_account(h).name_known for h in ("brand", "plain", "named")}
    assert known == {"brand": False, "plain": True, "named": True}


def test_of_two_accounts_sharing_a_handle_the_one_with_posts_is_found() -> None:
    # a brand keyed by handle in one dataset and by numeric id in its own export
    store = open_store(":memory:")
    store.upsert(
        [
            Account(platform="x", id="acme", handle="acme"),
            Account(platform="x", id="42", handle="acme"),
            Post(platform="x", id="p1", author_id="42", author_handle="acme", text="hi"),
        ],
        PROV,
    )
    assert store.find_account("acme").id == "42"


def test_raw_payload_keeps_provenance() -> None:
    store = open_store(":memory:")
    store.write_records([Record(rows=tuple(_posts()[:1]), provenance=PROV, raw={"a": 1})])
    row = store.conn.execute(
        "SELECT source, location, tool_version, retrieved_at FROM raw_payloads"
    ).fetchone()
    assert tuple(row) == ("test", "mem", "t", "2026-03-01T12:00:00Z")


def test_interactions_are_derived_from_posts() -> None:
    store = open_store(":memory:")
    store.upsert(_posts(), PROV)
    store.refresh_interactions()
    edges = {(e.source_id, e.target_id, e.kind) for e in store.interactions("x")}
    assert edges == {("1", "2", "mention"), ("2", "1", "reply"), ("2", "1", "repost")}


def test_find_account_is_case_insensitive_and_explains_misses() -> None:
    store = open_store(":memory:")
    store.upsert(_posts(), PROV)
    assert store.find_account("@ACMESTAFFING").id == "1"
    with pytest.raises(NotFoundError, match="no account 'nobody'"):
        store.find_account("nobody")


def _acme_on_x_and_bluesky() -> Store:
    """A store where the handle acme names account ``a`` on X and account ``b`` on Bluesky."""
    store = open_store(":memory:")
    store.upsert(
        [
            Account(platform="x", id="a", handle="acme"),
            Account(platform="bluesky", id="b", handle="acme"),
        ],
        PROV,
    )
    return store


def test_ambiguous_handle_asks_for_platform() -> None:
    store = _acme_on_x_and_bluesky()
    with pytest.raises(NotFoundError, match="several platforms"):
        store.find_account("acme")
    assert store.find_account("acme", platform="bluesky").id == "b"


def test_a_platform_is_read_as_people_spell_it() -> None:
    store = _acme_on_x_and_bluesky()
    # the spellings a cohort file or an import accepts: twitter is x, bsky is bluesky
    assert store.find_account("acme", platform="Twitter").id == "a"
    assert store.find_account("acme", platform="bsky").id == "b"
    assert [s.account.id for s in store.list_accounts("twitter")] == ["a"]
    # an unknown platform says so, rather than "no account" or an empty list
    for look in (lambda: store.find_account("acme", "facebook"), lambda: store.list_accounts("fb")):
        with pytest.raises(InputError, match=r"unknown platform '(facebook|fb)' \(use one of x"):
            look()


def test_runs_are_recorded() -> None:
    store = open_store(":memory:")
    run = store.start_run("import", {"paths": ["a"]})
    store.finish_run(run, {"posts": 3})
    row = store.conn.execute("SELECT kind, status, counts FROM runs").fetchone()
    assert tuple(row) == ("import", "ok", '{"posts": 3}')
    assert isinstance(store.conn, sqlite3.Connection)


def test_a_fediverse_account_is_found_by_its_user_part() -> None:
    store = open_store(":memory:")
    store.upsert(
        [
            Account(
                platform="mastodon", id="https://fosstodon.org/@dave", handle="dave@fosstodon.org"
            ),
            Account(platform="mastodon", id="https://hr.social/@ann_b", handle="ann_b@hr.social"),
            Account(platform="mastodon", id="https://a.example/@ann_b", handle="ann_b@a.example"),
            Account(platform="mastodon", id="https://b.example/@annxb", handle="annxb@b.example"),
        ],
        PROV,
    )
    assert store.find_account("@Dave").handle == "dave@fosstodon.org"
    with pytest.raises(NotFoundError, match="matches several accounts") as many:
        store.find_account("ann_b")
    assert "annxb" not in many.value.message  # "_" is no wildcard
    with pytest.raises(NotFoundError, match="no account 'zed'"):
        store.find_account("zed")


def test_a_post_saved_without_its_author_gets_it_later_and_makes_no_edges() -> None:
    store = open_store(":memory:")
    bare = Post(platform="x", id="20", author_id="", text="@jane hello", mentions=("jane",))
    store.upsert([bare], PROV)
    store.refresh_interactions()
    assert store.interactions("x") == []  # no made-up author '' in the graph
    store.upsert([Post(platform="x", id="20", author_id="1", author_handle="acme")], PROV)
    store.refresh_interactions()
    assert store.get_posts("x", ["20"])["20"].author_id == "1"
    assert [(e.source_id, e.target_id) for e in store.interactions("x")] == [("1", "@jane")]


def test_on_write_hears_the_accounts_of_every_write_new_or_not() -> None:
    store = open_store(":memory:")
    heard: list[set[tuple[str, str]]] = []
    store.on_write = heard.append
    record = Record(rows=tuple(_posts()), provenance=PROV)
    store.write_records([record])
    store.write_records([record])  # a re-import: nothing new, the same accounts
    assert heard == [{("x", "1"), ("x", "2")}] * 2


APRIL = datetime(2021, 4, 8, tzinfo=UTC)
SEPTEMBER = datetime(2021, 9, 22, tzinfo=UTC)


def _firm(observed: datetime | None, followers: int | None, bio: str = "") -> Account:
    return Account(
        platform="x", id="1", handle="acme", bio=bio, followers=followers, observed_at=observed
    )


def _stored_firm(store: Store) -> tuple[int | None, str, str | None]:
    row = store.conn.execute(
        "SELECT followers, bio, observed_at FROM accounts WHERE id = '1'"
    ).fetchone()
    return row[0], row[1], row[2]


def test_the_newest_observed_profile_wins_whatever_the_write_order() -> None:
    ends = []
    for order in ([APRIL, SEPTEMBER], [SEPTEMBER, APRIL]):
        store = open_store(":memory:")
        for when in order:
            bio = "Staffing since 1990" if when == APRIL else "Staffing since 1990, now remote"
            store.upsert([_firm(when, 100 if when == APRIL else 250, bio)], PROV)
        ends.append(_stored_firm(store))
    assert ends[0] == ends[1] == (250, "Staffing since 1990, now remote", "2021-09-22T00:00:00Z")


def test_an_older_observation_still_fills_what_the_store_lacks() -> None:
    store = open_store(":memory:")
    store.upsert([_firm(SEPTEMBER, None)], PROV)
    store.upsert([_firm(APRIL, 100, "Staffing since 1990")], PROV)
    assert _stored_firm(store) == (100, "Staffing since 1990", "2021-09-22T00:00:00Z")


def test_an_undated_row_replaces_the_stored_one_as_before() -> None:
    # a file a person wrote (the staffpulse CSV) says not when: taken as written
    store = open_store(":memory:")
    store.upsert([_firm(SEPTEMBER, 250)], PROV)
    store.upsert([_firm(None, 300)], PROV)
    assert _stored_firm(store)[0] == 300
    store.upsert([_firm(APRIL, 100)], PROV)  # still older than the observation kept
    assert _stored_firm(store)[0] == 300


def test_a_fetch_is_observed_when_fetched_whatever_its_rows_say() -> None:
    store = open_store(":memory:")
    store.upsert([_firm(SEPTEMBER, 250)], PROV)
    fetched = Provenance(source="x-api", location="api", tool_version="t", retrieved_at=WHEN)
    store.upsert([_firm(APRIL, 900)], fetched)  # a live answer dated by its tweets only
    assert _stored_firm(store) == (900, "", "2026-03-01T12:00:00Z")


def test_post_counts_keep_the_newest_observation() -> None:
    def post(observed: datetime, likes: int) -> Post:
        return Post(
            platform="x", id="10", author_id="1", text="hi", likes=likes, observed_at=observed
        )

    store = open_store(":memory:")
    store.upsert([post(SEPTEMBER, 40)], PROV)
    store.upsert([post(APRIL, 3)], PROV)
    assert store.conn.execute("SELECT likes FROM posts WHERE id = '10'").fetchone()[0] == 40


def test_a_store_from_before_observation_times_takes_the_next_dated_profile(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    with open_store(path) as store:
        store.upsert([_firm(None, 250)], PROV)
        store.conn.execute("ALTER TABLE accounts DROP COLUMN observed_at")
        store.conn.execute("ALTER TABLE posts DROP COLUMN observed_at")
        store.conn.execute("DELETE FROM schema_migrations WHERE name = '0010_observed_at'")
        store.conn.commit()
    with open_store(path) as store:
        assert _stored_firm(store) == (250, "", None)  # unknown: any dated profile replaces it
        store.upsert([_firm(APRIL, 100)], PROV)
        assert _stored_firm(store) == (100, "", "2021-04-08T00:00:00Z")
