"""Every connect advice that names options comes with a whole command to copy: the "Run:" line
in the text and ``next_command`` in ``--json`` (connect/advice.py choose_advice)."""

from __future__ import annotations

import json
import re
import shlex
from datetime import timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from connect_fixtures import NOW, connect_db
from staffpulse.cli import app


def test_every_advice_with_options_comes_with_a_command_to_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not only the busy stretch's: the wider --role advice has its "Run:" line and
    ``next_command`` too, keeping the --as-of given, and running it suggests someone."""
    db = connect_db(tmp_path, monkeypatch)
    day = f"{NOW + timedelta(days=1):%Y-%m-%d}"
    asked = ["connect", "acme_staffing", "--role", "job seeker", "--as-of", day, "--db", str(db)]
    text = CliRunner().invoke(app, asked, env={"COLUMNS": "400"})
    assert "a wider --role (or none)" in text.output
    found = re.search(r"^Run: (.+)$", text.output, re.MULTILINE)
    assert found is not None, text.output
    assert f"--as-of {day}" in found[1] and "job seeker" not in found[1]
    ran = CliRunner().invoke(app, [*asked, "--json"])
    assert json.loads(ran.stdout)["next_command"] == found[1]
    words = shlex.split(found[1])
    again = CliRunner().invoke(app, [*words[words.index("connect") :], "--db", str(db), "--json"])
    assert json.loads(again.stdout)["suggestions"], again.output
