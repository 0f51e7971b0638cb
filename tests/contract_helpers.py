"""Running the two commands of the held-out evaluation's contract in the tests
(tests/test_cli_commands_classify*.py, tests/test_cli_commands_roles*.py): ``staffpulse
classify`` and ``staffpulse roles`` through typer's runner, their JSONL output read back, one
post as a JSONL line, and the check every line ``roles`` writes must pass."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from staffpulse.cli.app import app
from staffpulse.signals.roles import ROLES

runner = CliRunner()


def run_classify(*args: str) -> object:
    return runner.invoke(app, ["classify", *args])


def read_rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def post_line(rid: object, text: str = "We're hiring a nurse, apply now") -> str:
    return json.dumps({"id": rid, "text": text}) + "\n"


ROLE_KEYS = {"id", "kind", "p_org", "role", "role_scores"}


def run_roles(*args: str) -> object:
    return runner.invoke(app, ["roles", *args])


def error_text(result: object) -> str:
    return str(getattr(result, "stderr", "") or getattr(result, "output", ""))


def check_role_row(row: dict[str, object]) -> None:
    assert set(row) == ROLE_KEYS
    assert row["kind"] in ("org", "person")
    assert 0.0 <= float(row["p_org"]) <= 1.0  # type: ignore[arg-type]
    assert row["role"] in ROLES
    scores = row["role_scores"]
    assert isinstance(scores, dict) and list(scores) == list(ROLES)
    assert abs(sum(scores.values()) - 1.0) < 1e-2
