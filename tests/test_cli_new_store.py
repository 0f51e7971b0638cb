"""A writing command given a --db where no store is says it made one, and names the store of
a near name beside it (``--db clinet.db`` beside ``client.db``); a reading one is offered it."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from staffpulse.cli import app
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
        f" meant that one, run the command again with --db {meant} and delete clinet.db." in said
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
