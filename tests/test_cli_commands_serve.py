"""``staffpulse serve`` (cli/commands/serve.py): what it checks, says and refuses before the
dashboard starts; the dashboard itself is stubbed out, so nothing listens."""

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


def test_a_db_in_a_new_folder_is_made_and_said_as_listen_and_import_do(
    tmp_path: Path, started: list[Path]
) -> None:
    """``--db clients/acme.db`` with no ``clients`` folder: listen and import make the folder
    and say "created a new store", serve made it without a word. Its own folder is made and
    said by each now; folders missing above it are refused by each (store.open_store)."""
    new = tmp_path / "clients" / "acme.db"
    result = runner.invoke(app, ["serve", "--db", str(new)])
    assert result.exit_code == 0, result.output
    said = " ".join(result.stderr.split())
    assert f"no store at {new} yet: the dashboard starts a new, empty one there (and its" in said
    assert started == [new]
    deeper = tmp_path / "cleints" / "2026" / "acme.db"  # a typo above the store's folder
    # refused as the dashboard opens the store (stubbed here), as listen and import refuse it:
    # no note of a new store first
    assert "no store at" not in runner.invoke(app, ["serve", "--db", str(deeper)]).stderr
    assert not (tmp_path / "cleints").exists()


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


def test_a_missing_cohort_file_is_not_found_as_benchmark_says_it(tmp_path: Path) -> None:
    """QA: serve said "no such cohort file" with exit 65 (unusable input), benchmark and
    refresh with 66 (not found), as README's exit codes say of a missing file."""
    missing = tmp_path / "rivals.csv"
    served = runner.invoke(app, ["serve", "--cohort", str(missing), "--db", str(tmp_path / "s.db")])
    assert served.exit_code == 66
    assert f"{missing}: no such cohort file" in " ".join(served.stderr.split())
    assert not (tmp_path / "s.db").exists()  # refused before the dashboard made a store
    (tmp_path / "rivals-2026.csv").write_text("handle\n@firm\n")
    typo = runner.invoke(app, ["serve", "--cohort", str(missing), "--db", str(tmp_path / "s.db")])
    said = " ".join(typo.stderr.split())
    assert f"did you mean {tmp_path / 'rivals-2026.csv'}?" in said  # as benchmark offers it


def test_a_cohort_file_not_written_yet_is_told_how_to_write_one(tmp_path: Path) -> None:
    """Review: serve said only "check the path", where benchmark tells how to write one."""
    missing = tmp_path / "rivals.csv"
    served = runner.invoke(app, ["serve", "--cohort", str(missing), "--db", str(tmp_path / "s.db")])
    assert served.exit_code == 66
    said = " ".join(served.stderr.split())
    assert "to make one, write a CSV with the columns handle,platform,segment" in said
    assert "or leave out --cohort, and the Benchmark page ranks the stored accounts" in said
    assert "benchmark without a file" not in said


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


def test_cohort_help_names_the_benchmarks_own_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    """--cohort's help said "at least 10 posts" whatever the benchmark's minimum was."""
    import staffpulse.benchmark.members

    monkeypatch.setattr(staffpulse.benchmark.members, "DEFAULT_MIN_POSTS", 7)
    served = _help_words("serve")
    assert "every account with at least 7 posts of its own in the store" in served
    assert "when none has 7 (the page takes a file too)" in served
