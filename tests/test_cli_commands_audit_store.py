"""``staffpulse --db STORE audit HANDLE`` (staffpulse.cli.commands.audit): the commands the
audit's advice names are ready to copy, on the store the user gave."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from audit_helpers import PROV, FakeScorer, FeedBuilder, store_with
from staffpulse.models import Account

try:
    from staffpulse.cli.app import app
except ImportError:  # another command module is mid-way: test ours on a bare app
    import typer

    from staffpulse.cli.commands import audit as audit_commands

    app = typer.Typer()
    audit_commands.register(app)

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store whose account's picture is known only by its web address (a file import)."""
    import staffpulse.audit.signals as signals

    monkeypatch.setattr(signals, "default_scorer", lambda: FakeScorer())
    folder = tmp_path / "client stores"
    folder.mkdir()
    feed = FeedBuilder("lena.example.dev", platform="bluesky", display_name="Lena Voss")
    feed.chat(6)
    store = store_with(folder, feed)
    picture = Account(
        platform="bluesky",
        id=feed.handle,
        handle=feed.handle,
        display_name="Lena Voss",
        avatar_url="https://cdn.example/pictures/lena.jpg",
    )
    store.upsert([picture], PROV)
    store.close()
    return folder / "test.db"


def test_the_fetch_the_advice_names_runs_on_the_store_given(db: Path) -> None:
    result = runner.invoke(
        app, ["--db", str(db), "audit", "lena.example.dev"], env={"COLUMNS": "400"}
    )
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    # "(with your --db, if you use one)" left the marketer to build the command
    assert f"--db {shlex.quote(str(db))} fetch bluesky lena.example.dev" in said
    assert "with your --db" not in said


def test_the_json_names_the_same_command_as_the_terminal(db: Path) -> None:
    import json

    result = runner.invoke(app, ["--db", str(db), "audit", "lena.example.dev", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    command = f"--db {shlex.quote(str(db))} fetch bluesky lena.example.dev"
    # a script's user copied "staffpulse fetch ..." and fetched into the default store
    assert command in " ".join(data["pillars"]["face"]["recommendations"])
    said = json.dumps(data)  # actions and notes too: every fetch it names is on the store
    assert said.count("fetch bluesky lena.example.dev") == said.count(command)
