"""Bare accounts for the authors of a staffpulse CSV or JSONL of posts
(staffpulse.sources.native_authors): a handle written with accents is read as the plain one,
and the import says so, so the firm a spreadsheet names "@AgenceIntérim" is the account its
X archive or API gives as @AgenceInterim, whichever comes first."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from staffpulse.cli.app import app
from staffpulse.store import open_store

runner = CliRunner()


def write_posts_csv(tmp_path: Path) -> Path:
    path = tmp_path / "posts.csv"
    path.write_text(
        "platform,id,author,created_at,text\n"
        "x,5001,@AgenceIntérim,2026-10-01T09:00:00Z,Nous recrutons des caristes\n"
        "x,5002,AgenceIntérim,2026-10-02T09:00:00Z,Postulez avant vendredi\n"
        "mastodon,m1,josé@mastodon.social,2026-10-01T09:00:00Z,Buscamos enfermeras\n",
        encoding="utf-8",
    )
    return path


def write_accounts_jsonl(tmp_path: Path) -> Path:
    """The accounts as an export with ids gives them, handles plain."""
    records = [
        {"type": "account", "platform": "x", "id": "99887766", "handle": "AgenceInterim"},
        {
            "type": "account",
            "platform": "mastodon",
            "id": "https://mastodon.social/@jose",
            "handle": "jose@mastodon.social",
        },
    ]
    path = tmp_path / "accounts.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def import_file(db: Path, path: Path) -> dict[str, Any]:
    result = runner.invoke(app, ["import", str(path), "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    found: dict[str, Any] = json.loads(result.stdout)
    return found


@pytest.mark.parametrize("csv_first", [True, False])
def test_an_accented_handle_and_the_plain_one_are_one_account(
    tmp_path: Path, csv_first: bool
) -> None:
    db = tmp_path / "s.db"
    posts, accounts = write_posts_csv(tmp_path), write_accounts_jsonl(tmp_path)
    for path in (posts, accounts) if csv_first else (accounts, posts):
        import_file(db, path)
    with open_store(db) as store:
        stored = store.conn.execute("SELECT platform, id FROM accounts ORDER BY 1").fetchall()
        authors = store.conn.execute("SELECT id, author_id FROM posts ORDER BY id").fetchall()
    assert [tuple(r) for r in stored] == [
        ("mastodon", "https://mastodon.social/@jose"),
        ("x", "99887766"),
    ]
    assert [tuple(r) for r in authors] == [
        ("5001", "99887766"),
        ("5002", "99887766"),
        ("m1", "https://mastodon.social/@jose"),
    ]


def test_the_import_says_which_handles_it_read_without_accents(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["import", str(write_posts_csv(tmp_path)), "--db", str(tmp_path / "s.db")]
    )
    said = " ".join(result.output.split())
    assert result.exit_code == 0, result.output
    assert "2 handles written with accents read without them" in said
    assert "@AgenceIntérim as @AgenceInterim and others" in said
