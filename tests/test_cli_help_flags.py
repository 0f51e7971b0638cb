"""--help lists a flag on its own: ``--json``, not ``--json <bool>``, which reads as if it
took a value (and ``--json true`` then imports a file named true)."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from staffpulse.cli.app import app

runner = CliRunner()


def _option_line(help_text: str, option: str) -> str:
    lines = [line for line in help_text.splitlines() if re.search(rf"{option}\b", line)]
    assert lines, f"{option} is not in the help"
    return lines[0]


@pytest.mark.parametrize(
    ("command", "flag"),
    [(["import"], "--json"), (["accounts"], "--json"), (["audit"], "--json"), ([], "--debug")],
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
