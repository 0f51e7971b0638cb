"""The CLI's command table: commands load lazily, and one broken module breaks only itself."""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from staffpulse.cli import commands
from staffpulse.cli.app import COMMAND_MODULES, app

runner = CliRunner()


def test_the_table_names_every_command_of_every_module() -> None:
    """A new command module (or command) must be added to COMMAND_MODULES to be seen."""
    found: dict[str, str] = {}
    for info in pkgutil.iter_modules(commands.__path__):
        if info.name.startswith("_"):
            continue
        holder = typer.Typer()
        importlib.import_module(f"{commands.__name__}.{info.name}").register(holder)
        names = [c.name for c in holder.registered_commands]
        names += [g.name for g in holder.registered_groups]
        found.update(dict.fromkeys(names, info.name))  # type: ignore[arg-type]
    assert found == COMMAND_MODULES


def test_help_lists_every_command_with_its_one_line_help() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in COMMAND_MODULES:
        assert f" {name} " in result.output
    assert "Score each post for job opening" in result.output


def test_a_module_that_does_not_import_takes_down_only_its_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA F12: an edit in progress in connect/ killed classify with a traceback."""
    monkeypatch.delitem(sys.modules, "staffpulse.cli.commands.connect", raising=False)
    monkeypatch.setitem(sys.modules, "staffpulse.connect.suggest", None)  # import fails
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 1, "text": "We're hiring, apply now"}) + "\n")
    result = runner.invoke(app, ["classify", str(src), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 0, result.output
    broken = runner.invoke(app, ["connect", "acme"])
    assert broken.exit_code == 1
    assert "staffpulse connect cannot start" in broken.output
    assert "staffpulse.connect.suggest" in broken.output and "What to do" in broken.output
    assert "Traceback" not in broken.output
    listed = runner.invoke(app, ["--help"])
    assert listed.exit_code == 0 and "classify" in listed.output and "cannot start" in listed.output


def test_an_import_error_while_a_command_runs_is_said_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "staffpulse.signals.batch", None)
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 1, "text": "hi"}) + "\n")
    result = runner.invoke(app, ["classify", str(src)])
    assert result.exit_code == 1
    assert "staffpulse classify cannot start" in result.output
    assert "Traceback" not in result.output
