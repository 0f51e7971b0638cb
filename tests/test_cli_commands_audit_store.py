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
