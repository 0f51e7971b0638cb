"""The store's schema migrations: a store written by the first release opens in this one with
every row kept, and a migration that fails leaves neither half a schema nor a record of it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from staffpulse.errors import StoreError
from staffpulse.store import Store, open_store, register_migration
from staffpulse.store.migrations import MIGRATIONS

FIRST = "0001_initial"


def _first_release_store(path: Path) -> None:
    """A store as the first release left it: only the initial schema, with an account and
    its post."""
    conn = sqlite3.connect(path)
    initial = dict(MIGRATIONS)[FIRST]
    conn.executescript(initial)
    conn.executescript(
        "CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL);"
        f"INSERT INTO schema_migrations VALUES ('{FIRST}', '2025-01-01T00:00:00+00:00');"
        "INSERT INTO accounts (platform, id, handle, handle_norm, display_name, bio, first_seen)"
        " VALUES ('x', '9001', 'AcmeStaffing', 'acmestaffing', 'Acme Staffing',"
        " 'We place nurses', '2025-01-01');"
        "INSERT INTO posts (platform, id, author_id, author_handle, text, created_at, kind,"
        " first_seen) VALUES ('x', '101', '9001', 'AcmeStaffing', 'We are hiring RNs',"
        " '2025-01-01T10:00:00Z', 'original', '2025-01-01');"
    )
    conn.close()


def test_a_first_release_store_opens_with_its_rows_and_every_later_migration(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    _first_release_store(path)
    with open_store(path) as store:
        assert store.applied_migrations() == sorted(name for name, _ in MIGRATIONS)
        account = store.conn.execute(
            "SELECT display_name, bio, bio_known, name_known, observed_at FROM accounts"
        ).fetchone()
        post = store.conn.execute("SELECT id, text, observed_at FROM posts").fetchone()
    # what the old store held is kept, and still read as a profile seen with its bio and name
    assert tuple(account) == ("Acme Staffing", "We place nurses", 1, 1, None)
    assert tuple(post) == ("101", "We are hiring RNs", None)


def test_a_failing_migration_leaves_no_half_schema_and_says_which_store(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    open_store(path).close()
    name = "9998_test_broken"
    register_migration(name, "CREATE TABLE half_made (x INTEGER);\nNOT SQL AT ALL;")
    try:
        with pytest.raises(StoreError) as raised:
            open_store(path)
        assert str(path) in str(raised.value)
    finally:
        MIGRATIONS[:] = [m for m in MIGRATIONS if m[0] != name]
    with open_store(path) as store:  # the next run, without the broken migration
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
        assert "half_made" not in tables
        assert name not in store.applied_migrations()


def test_registering_a_migration_twice_keeps_one_in_name_order() -> None:
    name = "0500_test_twice"
    try:
        register_migration(name, "CREATE TABLE twice (x INTEGER);")
        register_migration(name, "CREATE TABLE twice_again (x INTEGER);")
        names = [n for n, _ in MIGRATIONS]
        assert names.count(name) == 1
        assert names == sorted(names)
        assert dict(MIGRATIONS)[name] == "CREATE TABLE twice (x INTEGER);"
    finally:
        MIGRATIONS[:] = [m for m in MIGRATIONS if m[0] != name]


def _record_migration(path: Path, name: str, origin: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO schema_migrations(name, applied_at, origin) VALUES (?, ?, ?)",
        (name, "2030-01-01T00:00:00+00:00", origin),
    )
    conn.commit()
    conn.close()


def test_a_store_written_by_a_newer_staffpulse_is_said_once_with_how_to_update(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "newer.db"
    open_store(path).close()
    _record_migration(path, "0900_from_the_future", "staffpulse")
    with caplog.at_level("WARNING", logger="staffpulse.store"):
        open_store(path).close()
        open_store(path).close()  # the dashboard opens the store again and again
    told = [r.getMessage() for r in caplog.records if r.name == "staffpulse.store"]
    assert len(told) == 1
    assert "written by a newer staffpulse" in told[0]
    assert "0900_from_the_future" in told[0] and str(path) in told[0]
    assert "pip install -U" in told[0]


def test_an_extension_migration_not_imported_now_is_no_reason_to_warn(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "ext.db"
    name = "9997_test_extension_table"
    register_migration(name, "CREATE TABLE extension_table (x INTEGER);")
    try:
        open_store(path).close()  # applied while the extension is imported
    finally:
        MIGRATIONS[:] = [m for m in MIGRATIONS if m[0] != name]
    _record_migration(path, "0999_older_release_row", "")  # hand-made, origin unknown
    # a later run, which does not import the extension
    with caplog.at_level("WARNING", logger="staffpulse.store"), open_store(path) as store:
        assert name in store.applied_migrations()
    assert not [r for r in caplog.records if r.name == "staffpulse.store"]


def test_a_store_from_before_the_origin_column_gets_it_and_opens_quietly(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "old.db"
    _first_release_store(path)
    with caplog.at_level("WARNING", logger="staffpulse.store"), open_store(path) as store:
        origins = dict(store.conn.execute("SELECT name, origin FROM schema_migrations"))
    assert origins[FIRST] is None  # recorded before origins were: unknown, not a newer release
    assert {origins[name] for name, _ in MIGRATIONS if name != FIRST} == {"staffpulse"}
    assert not [r for r in caplog.records if r.name == "staffpulse.store"]


def test_a_store_from_before_the_origin_column_still_opens_where_it_cannot_be_written(
    tmp_path: Path,
) -> None:
    """Adding the column is a write: a store the user may only read (another user's, a
    read-only copy) opened before it was added, and must still open."""
    path = tmp_path / "read_only.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.executescript(
        "CREATE TABLE old_names (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL);"
        "INSERT INTO old_names SELECT name, applied_at FROM schema_migrations;"
        "DROP TABLE schema_migrations; ALTER TABLE old_names RENAME TO schema_migrations;"
    )
    conn.close()
    store = Store(path)
    store.conn.execute("PRAGMA query_only = ON")  # every write refused, as on a read-only file
    assert store.migrate() == []
    assert store.applied_migrations() == sorted(name for name, _ in MIGRATIONS)
    store.close()


def test_an_older_store_gets_the_index_that_counts_the_listed_accounts_reposts(
    tmp_path: Path,
) -> None:
    """Review: ``accounts``' first page went from 0.05 to 0.5 s on 100,000 posts once it
    counted each account's reposts, one post at a time: an index of (platform, author, kind)
    counts them, and a store from before it gets it when opened."""
    path = tmp_path / "old.db"
    _first_release_store(path)
    with open_store(path) as store:
        assert "0013_posts_by_author_kind" in store.applied_migrations()
        listed = store.list_accounts(limit=20, reposts=True)
        assert [(s.account.handle, s.posts, s.reposts) for s in listed] == [("AcmeStaffing", 1, 0)]
        # the index on posts, in the order the count narrows by (the planner's own words for
        # using it change between SQLite releases: what the store holds does not)
        (table,) = store.conn.execute(
            "SELECT tbl_name FROM sqlite_master WHERE type = 'index' AND name = ?",
            ("posts_by_author_kind",),
        ).fetchone()
        columns = [row[2] for row in store.conn.execute("PRAGMA index_info(posts_by_author_kind)")]
    assert table == "posts" and columns == ["platform", "author_id", "kind"]
