"""A writing command given a --db where no store is says it made one, and names the store of
a near name beside it (``--db clinet.db`` beside ``client.db``); a reading one is offered it."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner

from staffpulse.cli import app
from staffpulse.cli.new_store import open_store_saying_new
from staffpulse.config import default_db_path
from staffpulse.models import Account
from staffpulse.sources.base import provenance
from staffpulse.store import open_store

runner = CliRunner()


def test_add_handles_on_a_mistyped_store_says_it_made_a_new_one(tmp_path: Path) -> None:
    # the handles went to a new store beside the one meant, with no word of it
    meant = tmp_path / "client.db"
    open_store(meant).close()
    handles = tmp_path / "handles.txt"
    handles.write_text("@northwindjobs\n")
    typo = tmp_path / "clinet.db"
    added = runner.invoke(app, ["add-handles", str(handles), "--no-fetch", "--db", str(typo)])
    assert added.exit_code == 0, added.output
    said = " ".join(added.stderr.split())
    assert (
        f"note created a new store at {typo}. It is not client.db, the store beside it: if you"
        f" meant that one, run the command again with --db {meant}." in said
    )
    again = runner.invoke(app, ["add-handles", str(handles), "--no-fetch", "--db", str(typo)])
    assert "created a new store" not in again.stderr  # said once, when it was made


def test_a_new_store_with_none_near_is_said_alone_and_listing_is_offered_the_near_one(
    tmp_path: Path,
) -> None:
    handles = tmp_path / "handles.txt"
    handles.write_text("@northwindjobs\n")
    first = tmp_path / "agency.db"
    made = runner.invoke(app, ["add-handles", str(handles), "--no-fetch", "--db", str(first)])
    said = " ".join(made.stderr.split())
    assert f"note created a new store at {first}." in said and "beside it" not in said
    listed = runner.invoke(app, ["add-handles", "--list", "--db", str(tmp_path / "agnecy.db")])
    assert listed.exit_code == 66
    assert f"What to do: did you mean --db {first}? Else check the --db path" in " ".join(
        listed.stderr.split()
    )
    assert not (tmp_path / "agnecy.db").exists()


def test_a_store_named_with_a_slip_in_its_ending_is_offered_the_store(tmp_path: Path) -> None:
    # "--db lab.bd" said only "no store at lab.bd / check the --db path", while a slip in the
    # name ("--db lb.db") was offered lab.db
    open_store(tmp_path / "lab.db").close()
    for typed in ("lab.bd", "lab.dbb"):
        result = runner.invoke(app, ["inbox", "--db", str(tmp_path / typed)])
        assert result.exit_code == 66
        said = " ".join(result.stderr.split())
        assert f"What to do: did you mean --db {tmp_path / 'lab.db'}? Else check" in said
        assert not (tmp_path / typed).exists()


def test_a_second_store_numbered_on_purpose_is_not_told_to_be_a_typo(tmp_path: Path) -> None:
    # "import --db cut2.db" beside cut.db ended "... and delete cut2.db": a numbered copy is
    # made on purpose, and a note telling to delete it alarms
    posts = tmp_path / "posts.csv"
    posts.write_text("id,author,text\n1,acme,hello\n")
    open_store(tmp_path / "cut.db").close()
    second = tmp_path / "cut2.db"
    result = runner.invoke(app, ["import", str(posts), "--db", str(second)])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert f"Saved in a new store, {second}." in said
    assert "cut.db" not in said.replace(str(second), "") and "delete" not in said
    slip = tmp_path / "cut.bd"
    typo = runner.invoke(app, ["import", str(posts), "--db", str(slip)])
    assert (
        f"Saved in a new store, {slip}. It is not cut.db, the store beside it: if you meant that"
        f" one, import again with --db {tmp_path / 'cut.db'}." in " ".join(typo.output.split())
    )


def _unknown_profile_appview(httpserver: Any, tmp_path: Path, monkeypatch: Any) -> None:
    """A local AppView that knows no profile: a fetch fails on its first request."""
    httpserver.expect_request("/xrpc/app.bsky.actor.getProfile").respond_with_json(
        {"error": "InvalidRequest", "message": "Profile not found"}, status=400
    )
    config = tmp_path / "config.toml"
    config.write_text(f'[bluesky]\nappview_url = "{httpserver.url_for("").rstrip("/")}"\n')
    monkeypatch.setenv("STAFFPULSE_CONFIG", str(config))


def test_a_fetch_that_stored_nothing_leaves_no_new_store_behind(
    httpserver: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    """Review: a fetch that failed at once (offline) left a new, empty store, which every
    later command then read as "no accounts yet" instead of "no store"."""
    _unknown_profile_appview(httpserver, tmp_path, monkeypatch)
    fresh = tmp_path / "fresh.db"
    result = runner.invoke(app, ["fetch", "bluesky", "nobody.bsky.social", "--db", str(fresh)])
    assert result.exit_code != 0 and "Error:" in result.stderr
    assert not fresh.exists() and "new store" not in result.stderr
    listed = runner.invoke(app, ["accounts", "--db", str(fresh)])
    assert listed.exit_code == 66 and "no store at" in listed.stderr  # not "No accounts yet"
    # nor the default store, on a computer with none yet ("no store yet", not "no accounts")
    runner.invoke(app, ["fetch", "bluesky", "nobody.bsky.social"])
    assert not default_db_path().exists()
    assert "no store yet" in runner.invoke(app, ["accounts"]).stderr
    # a store that was there already is kept, empty or not
    kept = tmp_path / "kept.db"
    open_store(kept).close()
    runner.invoke(app, ["fetch", "bluesky", "nobody.bsky.social", "--db", str(kept)])
    assert kept.exists()


def test_a_failed_run_that_stored_something_keeps_its_new_store_and_says_so(
    tmp_path: Path,
) -> None:
    said = io.StringIO()
    console = Console(file=said, width=300)
    fresh = tmp_path / "fresh.db"
    opened = open_store_saying_new(fresh, console, drop_if_failed_empty=True)
    with pytest.raises(KeyboardInterrupt), opened as store:
        store.upsert([Account(platform="x", id="1", handle="acmehires")], provenance("t", "f"))
        raise KeyboardInterrupt
    assert fresh.exists() and f"created a new store at {fresh}" in said.getvalue()
    # a command that keeps more than accounts and posts (add-handles' list) keeps it anyway
    other = tmp_path / "other.db"
    with pytest.raises(KeyboardInterrupt), open_store_saying_new(other, console):
        raise KeyboardInterrupt
    assert other.exists()
