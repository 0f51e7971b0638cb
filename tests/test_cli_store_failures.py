"""A store SQLite could not write partway through a command (cli/store_failures.py): said as
what happened and what to do, exit 74, not "a bug in staffpulse" (exit 70)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from staffpulse.cli.app import app
from staffpulse.cli.commands import store as store_commands
from staffpulse.cli.store_failures import explain_store_failure

runner = CliRunner()


def _posts(tmp_path: Path) -> Path:
    data = tmp_path / "posts.csv"
    data.write_text("id,author,text\n1,acme,Our team is growing this spring\n", encoding="utf-8")
    return data


def _failing_with(monkeypatch: pytest.MonkeyPatch, message: str, code: int) -> None:
    """The import's writes fail as SQLite fails them with ``message`` and result ``code``."""

    def fail(*_args: Any, **_kwargs: Any) -> None:
        error = sqlite3.OperationalError(message)
        error.sqlite_errorcode = code  # as SQLite's own errors carry it
        raise error

    monkeypatch.setattr(store_commands, "import_paths", fail)


def _said(output: str) -> str:
    return " ".join(output.split())


def test_a_read_only_store_is_named_with_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _failing_with(monkeypatch, "attempt to write a readonly database", sqlite3.SQLITE_READONLY)
    db = tmp_path / "client.db"
    result = runner.invoke(app, ["import", str(_posts(tmp_path)), "--db", str(db)])
    assert result.exit_code == 74
    said = _said(result.output)
    assert (
        f"Error: cannot write to the store at {db}: the file, or its folder, is read-only" in said
    )
    assert "What to do: make it writable (check its permissions" in said
    assert "bug" not in said


def test_a_full_disk_under_json_is_the_json_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _failing_with(monkeypatch, "database or disk is full", sqlite3.SQLITE_FULL)
    monkeypatch.setenv("STAFFPULSE_DB", str(tmp_path / "default.db"))  # no --db: this one
    result = runner.invoke(app, ["import", str(_posts(tmp_path)), "--json"])
    assert result.exit_code == 74
    error = json.loads(result.stdout)["error"]
    assert (
        error["message"]
        == f"cannot write to the store at {tmp_path / 'default.db'}: the disk is full"
    )
    assert error["hint"].startswith("free some space on the disk, then run the same command again")


def test_another_database_error_is_still_a_bug(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a wrong query is staffpulse's to fix: said as one, with --debug to see where
    _failing_with(monkeypatch, "no such column: nonsense", sqlite3.SQLITE_ERROR)
    args = ["import", str(_posts(tmp_path)), "--db", str(tmp_path / "s.db")]
    result = runner.invoke(app, args)
    assert result.exit_code == 70
    assert "this is a bug in staffpulse" in _said(result.output)


def test_a_real_sqlite_error_is_told_by_its_code_not_its_words() -> None:
    """A write SQLite refuses as read-only is the user's to fix; a query's "malformed JSON"
    is no damaged file, however alike its words read: it stays a bug."""
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.execute("PRAGMA query_only = 1")
    with pytest.raises(sqlite3.OperationalError) as read_only:
        connection.execute("INSERT INTO notes VALUES ('hello')")
    with pytest.raises(sqlite3.OperationalError) as bad_query:
        connection.execute("SELECT json('{')")
    connection.close()
    told = explain_store_failure(read_only.value, Path("client.db"))
    assert told is not None
    assert (
        told.message
        == "cannot write to the store at client.db: the file, or its folder, is read-only"
    )
    assert explain_store_failure(bad_query.value, Path("client.db")) is None
