"""Running ``staffpulse classify`` in the tests (tests/test_cli_commands_classify*.py): the
command through typer's runner, its JSONL output read back, and one post as a JSONL line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from staffpulse.cli.app import app

runner = CliRunner()


def run_classify(*args: str) -> object:
    return runner.invoke(app, ["classify", *args])


def read_rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def post_line(rid: object, text: str = "We're hiring a nurse, apply now") -> str:
    return json.dumps({"id": rid, "text": text}) + "\n"
