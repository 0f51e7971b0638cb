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


def test_cohort_help_says_what_files_are_read_in_benchmarks_words() -> None:
    # it said "Cohort CSV (handle,platform,segment)", though a plain list of handles is read
    served, ranked = (_help_words(command) for command in ("serve", "benchmark"))
    words = "CSV or text file of the accounts to rank, one a line,"
    plain = "Only handle is needed: a plain list of handles or profile URLs works too."
    assert words in served and words in ranked
    assert plain in served and plain in ranked
    assert "Cohort CSV" not in served


def _help_words(command: str) -> str:
    """The help of ``command``, its words in a row: no box borders, no line ends."""
    return " ".join(runner.invoke(app, [command, "--help"]).stdout.replace("│", " ").split())
