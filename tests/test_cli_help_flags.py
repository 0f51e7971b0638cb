"""--help lists a flag on its own: ``--json``, not ``--json <bool>``, which reads as if it
took a value (and ``--json true`` then imports a file named true)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from typer import _click as click
from typer.testing import CliRunner

from staffpulse.cli.app import app
from staffpulse.cli.registry import COMMAND_MODULES

runner = CliRunner()


def _option_line(help_text: str, option: str) -> str:
    lines = [line for line in help_text.splitlines() if re.search(rf"{option}\b", line)]
    assert lines, f"{option} is not in the help"
    return lines[0]


@pytest.mark.parametrize(
    ("command", "flag"),
    [
        (["import"], "--json"),
        (["accounts"], "--json"),
        (["audit"], "--json"),
        ([], "--debug"),
        # a group's own commands too (they showed --json <bool> and --help <bool>)
        (["fetch", "x"], "--json"),
        (["listen", "bluesky"], "--json"),
        (["inbox", "dismiss"], "--help"),
    ],
)
def test_a_flag_shows_no_value_in_the_help(command: list[str], flag: str) -> None:
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "<bool>" not in result.output
    assert "<bool>" not in _option_line(result.output, "--help")
    line = _option_line(result.output, flag)
    assert "<" not in line.split(flag, 1)[1].split("  ")[0]


def test_an_option_that_takes_a_value_still_shows_its_type() -> None:
    result = runner.invoke(app, ["audit", "--help"], env={"COLUMNS": "120"})
    assert "<path>" in _option_line(result.output, "--html")


def test_json_true_is_told_that_the_flag_takes_no_value(tmp_path: Path) -> None:
    data = tmp_path / "posts.csv"
    data.write_text("id,author,text\n1,acme,hello\n")
    result = runner.invoke(
        app, ["import", str(data), "--json", "true", "--db", str(tmp_path / "s.db")]
    )
    assert result.exit_code == 66
    assert "--json takes no value: leave out 'true'" in " ".join(result.output.split())
    assert not (tmp_path / "s.db").exists()  # refused before the store is made


def _help_texts(command: Any, path: str) -> Iterator[tuple[str, str]]:
    """Every text ``path --help`` shows of ``command`` and of its own commands, each with
    where it is shown."""
    for text in (command.help, command.short_help, command.epilog):
        if text:
            yield path, text
    for param in command.params:
        if getattr(param, "help", None):
            yield f"{path} {param.name}", param.help
    group = getattr(command, "commands", None)
    names = COMMAND_MODULES if path == "staffpulse" else (group or {})
    for name in names:
        with click.Context(command) as ctx:
            sub = command.get_command(ctx, name)
        yield from _help_texts(sub, f"{path} {name}")


def test_no_help_text_sends_people_to_a_docs_file() -> None:
    # a pip-installed staffpulse comes without the repository's docs/ folder
    root = typer.main.get_command(app)
    named = [(where, text) for where, text in _help_texts(root, "staffpulse") if "docs/" in text]
    assert named == []
    assert len(list(_help_texts(root, "staffpulse"))) > 100  # every command was walked
