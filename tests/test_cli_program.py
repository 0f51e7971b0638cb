"""The commands hints print to copy (cli/program.py) run on the store the user named: the
library words its hints for the default store, and "or run: staffpulse accounts" after
"audit nosuch --db client.db" listed another store's accounts, or none."""

from __future__ import annotations

import json
import shlex
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from staffpulse.cli.app import app
from staffpulse.cli.program import on_store_in
from staffpulse.cli.registry import COMMAND_MODULES, STORE_COMMANDS
from staffpulse.models import Account
from staffpulse.sources.base import provenance
from staffpulse.store import open_store

runner = CliRunner()


def _client_store(tmp_path: Path) -> Path:
    db = tmp_path / "client stores" / "acme.db"
    with open_store(db) as store:
        store.upsert([Account(platform="x", id="1", handle="acmehires")], provenance("t", "f"))
    return db


def test_an_error_hint_names_the_store_given_with_db(tmp_path: Path) -> None:
    db = _client_store(tmp_path)
    quoted = f"'{db}'"  # a folder with a space: quoted, to run as printed
    for args in (
        ["audit", "nobodyhere", "--db", str(db)],
        ["--db", str(db), "audit", "nobodyhere"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 66
        said = " ".join(result.stderr.split())
        assert f"import its posts first (staffpulse --db {quoted} import FILE)" in said
        assert f"or run: staffpulse --db {quoted} accounts" in said
    data = json.loads(runner.invoke(app, ["audit", "nobodyhere", "--db", str(db), "--json"]).stdout)
    assert data["error"]["hint"].endswith(f"or run: staffpulse --db {quoted} accounts")
    listed = runner.invoke(app, ["--db", str(db), "accounts"])
    assert listed.exit_code == 0 and "acmehires" in listed.stdout


def test_a_store_from_the_environment_or_a_hint_naming_one_is_left_as_it_is(
    tmp_path: Path,
) -> None:
    db = _client_store(tmp_path)
    result = runner.invoke(app, ["audit", "nobodyhere"], env={"STAFFPULSE_DB": str(db)})
    assert result.exit_code == 66
    assert "or run: staffpulse accounts" in result.stderr  # the variable holds for that run too
    named = (
        "check the --db path, or import something into it first: staffpulse import FILE --db a.db"
    )
    assert on_store_in(named, Path("b.db")) == named
    assert on_store_in("run staffpulse demo first", Path("b.db")) == "run staffpulse demo first"
    assert on_store_in(None, Path("b.db")) is None


def _takes_the_store_option(command: Any) -> bool:
    """Whether ``command`` (or a command of its group) has the shared --db, which reads
    STAFFPULSE_DB: the demo's own --db writes a new store and reads no variable."""
    found = [command, *getattr(command, "commands", {}).values()]
    return any(
        param.name == "db" and param.envvar == "STAFFPULSE_DB"
        for each in found
        for param in each.params
    )


def test_the_hints_name_the_store_for_exactly_the_commands_that_take_one() -> None:
    """The commands a hint runs on --db's store are the ones that take --db: a new command
    of the registry that works on a store gets it in hints without another list to edit."""
    group: Any = typer.main.get_command(app)
    ctx = group.make_context("staffpulse", ["--help"], resilient_parsing=True)
    takes = {
        name for name in COMMAND_MODULES if _takes_the_store_option(group.get_command(ctx, name))
    }
    assert set(STORE_COMMANDS) == takes
    for name in COMMAND_MODULES:
        hint = on_store_in(f"then run: staffpulse {name} FILE", Path("client.db"))
        on_client = f"then run: staffpulse --db client.db {name} FILE"
        assert (hint == on_client) == (name in takes), hint
        # a command's help reads no store: "staffpulse import --help lists the formats"
        help_hint = f"staffpulse {name} --help lists them"
        assert on_store_in(help_hint, Path("client.db")) == help_hint


def test_hints_name_staffpulse_as_run_when_the_shell_does_not_find_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before ``source .venv/bin/activate``, "staffpulse import FILE" in an error's hint was
    no command to run, while the lines around it named ``.venv/bin/staffpulse``."""
    monkeypatch.setattr("sys.argv", [".venv/bin/staffpulse", "accounts"])
    monkeypatch.setattr("shutil.which", lambda name: None)
    missing = tmp_path / "nostore.db"
    result = runner.invoke(app, ["accounts", "--db", str(missing)])
    assert result.exit_code == 66
    said = " ".join(result.stderr.split())
    assert (
        f"import something into it first: .venv/bin/staffpulse import FILE --db {missing}" in said
    )
    assert "staffpulse.db" in on_store_in("the default store, staffpulse.db", None)
    assert on_store_in("staffpulse demo shows a sample", None) == (
        ".venv/bin/staffpulse demo shows a sample"
    )
    assert on_store_in("staffpulse reads no store here", None) == "staffpulse reads no store here"


def _words_of(said: str, start: str, end: str) -> list[str]:
    """The command a note prints between ``start`` and ``end``, as the shell reads it."""
    return shlex.split(said.split(start, 1)[1].split(end, 1)[0])


def test_a_note_names_the_store_given_with_db_in_the_commands_it_suggests(
    tmp_path: Path,
) -> None:
    """Review: the empty inbox of ``--db client.db`` said "Listen first (staffpulse listen
    bluesky)", which listened into the default store; error hints named the store already."""
    folder = tmp_path / "client stores"
    folder.mkdir()
    db = folder / "empty.db"
    open_store(db).close()
    for args in (["inbox", "--db", str(db)], ["--db", str(db), "inbox"]):
        result = runner.invoke(app, args, env={"COLUMNS": "500"})  # no path wrapped mid-word
        assert result.exit_code == 0, result.output
        said = " ".join(result.output.split())
        listen = _words_of(said, "Listen first (", ")")
        assert listen == ["staffpulse", "--db", str(db), "listen", "bluesky"]  # runs as printed
        assert _words_of(said, "import posts (", ")") == [
            "staffpulse", "--db", str(db), "import", "FILE"
        ]  # fmt: skip
    # the store from STAFFPULSE_DB: the commands read it too, so they are left as they are
    from_env = runner.invoke(app, ["inbox"], env={"STAFFPULSE_DB": str(db)})
    assert "Listen first (staffpulse listen bluesky)" in " ".join(from_env.output.split())


def test_a_note_that_names_a_store_already_or_only_speaks_of_db_is_read_right() -> None:
    client = Path("client.db")
    # the store the text names is kept; an option spoken of is no store: the command gets it
    named = "import something into it first: staffpulse import FILE --db a.db"
    assert on_store_in(named, client) == named
    spoken = "Run `staffpulse fetch x @acme` (with your --db, if you use one)"
    assert on_store_in(spoken, client) == (
        "Run `staffpulse --db client.db fetch x @acme` (with your --db, if you use one)"
    )
    # only the commands that read a store: classify reads its files, demo makes its own
    mixed = "staffpulse classify posts.csv, then staffpulse demo, then staffpulse stats"
    assert on_store_in(mixed, client) == (
        "staffpulse classify posts.csv, then staffpulse demo, then staffpulse --db client.db stats"
    )
