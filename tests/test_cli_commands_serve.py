"""``staffpulse serve`` (cli/commands/serve.py): what it refuses before the dashboard starts."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from staffpulse.cli.app import app

runner = CliRunner()


def test_a_missing_cohort_file_is_not_found_as_benchmark_says_it(tmp_path: Path) -> None:
    """QA: serve said "no such cohort file" with exit 65 (unusable input), benchmark and
    refresh with 66 (not found), as README's exit codes say of a missing file."""
    missing = tmp_path / "rivals.csv"
    served = runner.invoke(app, ["serve", "--cohort", str(missing), "--db", str(tmp_path / "s.db")])
    assert served.exit_code == 66
    assert f"{missing}: no such cohort file" in " ".join(served.stderr.split())
    assert not (tmp_path / "s.db").exists()  # refused before the dashboard made a store
