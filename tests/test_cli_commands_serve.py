"""`staffpulse serve` (cli/commands/serve.py): what it checks and says before the dashboard
starts; the dashboard itself is stubbed out, so nothing listens."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from staffpulse.cli.app import app
from staffpulse.store import open_store

runner = CliRunner()


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The stores the dashboard was started on, in place of starting it."""
    import staffpulse.web

    stores: list[Path] = []

    def serve_app(db_path: Path, *args: Any, **kwargs: Any) -> None:
        stores.append(db_path)

    monkeypatch.setattr(staffpulse.web, "serve_app", serve_app)
    return stores


def test_a_db_that_does_not_exist_yet_is_said_to_start_empty(
    tmp_path: Path, started: list[Path]
) -> None:
    """QA: "serve --db clinet.db" (a typo) showed an empty dashboard without a word."""
    typo = tmp_path / "clinet.db"
    result = runner.invoke(app, ["serve", "--db", str(typo)])
    assert result.exit_code == 0, result.output
    said = " ".join(result.stderr.split())
    assert f"no store at {typo} yet: the dashboard starts a new, empty one there" in said
    assert "check --db if you meant a store you already have" in said
    assert started == [typo]


def test_an_existing_store_starts_without_a_note(tmp_path: Path, started: list[Path]) -> None:
    db = tmp_path / "client.db"
    open_store(db).close()
    result = runner.invoke(app, ["serve", "--db", str(db)])
    assert result.exit_code == 0 and "no store at" not in result.stderr
    assert started == [db]


@pytest.mark.parametrize("typed", ["web", "dashboard"])
def test_web_starts_the_dashboard_as_serve_does(
    tmp_path: Path, started: list[Path], typed: str
) -> None:
    """QA: a user who read "web dashboard" typed `staffpulse web`: "No such command 'web'"."""
    db = tmp_path / "client.db"
    open_store(db).close()
    result = runner.invoke(app, [typed, "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert started == [db]
    helped = runner.invoke(app, [typed, "--help"])
    assert "Usage: staffpulse serve" in " ".join(helped.stdout.split())
    listed = runner.invoke(app, ["--help"]).stdout.splitlines()
    assert not any(line.strip("│ ").startswith(typed) for line in listed)  # listed as serve
