"""Another program's SQLite file named as the store is refused before anything is written."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from staffpulse.cli import app
from staffpulse.errors import StoreError
from staffpulse.store import open_store
from staffpulse.store.migrations import MIGRATIONS


def _other_programs_db(path: Path, *tables: str) -> bytes:
    with closing(sqlite3.connect(path)) as conn, conn:
        for table in tables:
            conn.execute(f"CREATE TABLE {table} (x)")
    return path.read_bytes()


def test_a_reading_command_on_another_programs_database_writes_nothing(tmp_path: Path) -> None:
    # `stats` said "The store is empty" and had added every staffpulse table beside the others
    other = tmp_path / "budget.db"
    before = _other_programs_db(other, "expenses")
    result = CliRunner().invoke(app, ["--db", str(other), "stats"])
    assert result.exit_code == 74
    said = " ".join(result.output.split())
    assert f"{other} is not a staffpulse store: it is another program's SQLite database" in said
    assert "(its tables: expenses); staffpulse wrote nothing into it" in said
    assert "give a new file name to start a new store" in said
    assert "Traceback" not in result.output and "The store is empty" not in said
    assert other.read_bytes() == before
    assert not Path(f"{other}-wal").exists()  # not even switched to staffpulse's journal


def test_an_import_into_another_programs_database_is_refused_too(tmp_path: Path) -> None:
    other = tmp_path / "crm.db"
    before = _other_programs_db(other, "contacts", "deals", "notes", "tasks")
    posts = tmp_path / "posts.csv"
    posts.write_text("id,author,text\n1,acme,We are hiring welders\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["import", str(posts), "--db", str(other)])
    assert result.exit_code == 74
    assert "(its tables: contacts, deals, notes and 1 more)" in " ".join(result.output.split())
    assert other.read_bytes() == before


@pytest.mark.parametrize("kind", ["empty file", "sqlite without tables"])
def test_an_empty_file_or_database_becomes_a_new_store(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "new.db"
    if kind == "empty file":
        path.touch()
    else:
        with closing(sqlite3.connect(path)) as conn:
            conn.execute("PRAGMA user_version = 3")
    with open_store(path) as store:
        assert store.holds_no_data()
    with open_store(path) as again:  # and a staffpulse store opens as one afterwards
        assert again.holds_no_data()


def test_the_library_refuses_it_with_a_store_error(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    _other_programs_db(other, "foo")
    with pytest.raises(StoreError, match="not a staffpulse store"):
        open_store(other, create=False)


def test_a_store_of_the_first_schema_version_still_opens_and_migrates(tmp_path: Path) -> None:
    # an old staffpulse's store: the first migration only, its record without today's columns
    path = tmp_path / "old.db"
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.executescript(MIGRATIONS[0][1])
        conn.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
        conn.execute("INSERT INTO schema_migrations VALUES ('0001_initial', '2026-11-26')")
        conn.execute(
            "INSERT INTO posts (platform, id, author_id, kind, first_seen)"
            " VALUES ('x', '7', '1', 'original', '2026-11-26')"
        )
    result = CliRunner().invoke(app, ["--db", str(path), "stats", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["posts"]["x"]["original"] == 1  # its post kept
    with open_store(path) as store:
        assert store.applied_migrations() == [name for name, _sql in MIGRATIONS]


def test_a_database_named_like_a_store_is_offered_another_name(tmp_path: Path) -> None:
    # its own name was offered as the "new file name" to start a store with
    other = tmp_path / "staffpulse.db"
    _other_programs_db(other, "recipes")
    with pytest.raises(StoreError) as caught:
        open_store(other, create=False)
    assert caught.value.hint is not None
    assert caught.value.hint.endswith(f"--db {tmp_path / 'staffpulse-store.db'}")


def test_a_one_byte_file_that_is_no_sqlite_is_refused_and_kept(tmp_path: Path) -> None:
    # SQLite takes a file of one byte for an empty database: `stats` wrote a store over it
    note = tmp_path / "note.db"
    note.write_bytes(b"x")
    result = CliRunner().invoke(app, ["--db", str(note), "stats"])
    assert result.exit_code == 74
    said = " ".join(result.output.split())
    assert "it is not a staffpulse store (not an SQLite file)" in said
    assert "Traceback" not in result.output and "The store is empty" not in said
    assert note.read_bytes() == b"x"


def test_a_store_is_looked_into_on_its_own_connection_not_a_second_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # every open of a store (the dashboard opens one a page) connected twice to look for
    # another program's tables; the refusal above still comes before anything is written
    path = tmp_path / "client.db"
    open_store(path).close()
    opened: list[object] = []
    real = sqlite3.connect

    def counted(*args: object, **kwargs: object) -> sqlite3.Connection:
        opened.append(args[0])
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite3, "connect", counted)
    with open_store(path, create=False) as store:
        assert store.holds_no_data()
    assert opened == [str(path)]
