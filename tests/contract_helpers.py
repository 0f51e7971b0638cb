"""Running the two commands of the held-out evaluation's contract in the tests
(tests/test_cli_commands_classify*.py, tests/test_cli_commands_roles*.py): ``staffpulse
classify`` and ``staffpulse roles`` through typer's runner, their JSONL output read back (both
at once for a run that must succeed: ``classify_file``, ``tag_file``), one post as a JSONL line,
and the check every line ``roles`` writes must pass."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import Result
from typer.testing import CliRunner

from staffpulse.cli.app import app
from staffpulse.signals.roles import ROLES

runner = CliRunner()


def run_classify(*args: str) -> object:
    return runner.invoke(app, ["classify", *args])


def read_rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def classify_file(src: Path) -> tuple[Result, list[dict[str, object]]]:
    """``staffpulse classify SRC -o out.jsonl`` (beside SRC), which must succeed: the run, for
    what it said, and the rows it wrote."""
    out = src.parent / "out.jsonl"
    result = runner.invoke(app, ["classify", str(src), "-o", str(out)])
    assert result.exit_code == 0, error_text(result)
    return result, read_rows(out)


def post_line(rid: object, text: str = "We're hiring a nurse, apply now") -> str:
    return json.dumps({"id": rid, "text": text}) + "\n"


ROLE_KEYS = {"id", "kind", "p_org", "role", "role_scores"}


def run_roles(*args: str) -> object:
    return runner.invoke(app, ["roles", *args])


def error_text(result: object) -> str:
    return str(getattr(result, "stderr", "") or getattr(result, "output", ""))


def tag_file(src: Path) -> tuple[Result, list[dict[str, object]]]:
    """``staffpulse roles SRC -o tags.jsonl`` (beside SRC), which must succeed: the run, for what
    it said, and the rows it wrote."""
    out = src.parent / "tags.jsonl"
    result = runner.invoke(app, ["roles", str(src), "-o", str(out)])
    assert result.exit_code == 0, error_text(result)
    return result, read_rows(out)


def check_role_row(row: dict[str, object]) -> None:
    assert set(row) == ROLE_KEYS
    assert row["kind"] in ("org", "person")
    assert 0.0 <= float(row["p_org"]) <= 1.0  # type: ignore[arg-type]
    assert row["role"] in ROLES
    scores = row["role_scores"]
    assert isinstance(scores, dict) and list(scores) == list(ROLES)
    assert abs(sum(scores.values()) - 1.0) < 1e-2
