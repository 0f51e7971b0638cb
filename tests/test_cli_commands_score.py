"""``staffpulse score`` as the user sees it, on a stand-in for the scoring engine: what the
summary counts and where the results are, exit 1 when nothing was scored (and what became of
the results of a run before), every problem in --json, and options refused before any work."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import staffpulse.scale as scale
from staffpulse.cli.app import app
from staffpulse.scale import ScoreSummary

runner = CliRunner()


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The summary the stand-in returns (``summary``) and what it was asked (``asked``)."""
    seen: dict[str, Any] = {"summary": ScoreSummary(engine="local")}

    def score_inputs(inputs: list[Path], output: Path, **options: Any) -> ScoreSummary:
        seen["asked"] = {"inputs": inputs, "output": output, **options}
        summary: ScoreSummary = seen["summary"]
        summary.engine = options["engine"]
        return summary

    monkeypatch.setattr(scale, "score_inputs", score_inputs)
    return seen


def test_the_summary_counts_what_was_scored_and_kept_aside(
    engine: dict[str, Any], tmp_path: Path
) -> None:
    engine["summary"] = ScoreSummary(
        engine="local", shards=3, posts=1_200, accounts=40, skipped=2, files_skipped=1,
        duplicates=5, without_author=7,
        notices=[{"file": "b.csv", "message": "its encoding was guessed"}],
    )  # fmt: skip
    out = tmp_path / "out"
    result = runner.invoke(app, ["score", "a.jsonl", "-o", str(out)], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split())
    assert said.startswith(
        "Scored 1,200 posts of 40 accounts from 3 shards with the local engine; skipped 2 "
        "malformed records, 1 file of unknown format; 5 posts met more than once (in one file "
        "or several) counted once; 7 posts without an author"
    )
    assert f"Per-account aggregates: {out / 'accounts.parquet'}" in said
    assert "note b.csv: its encoding was guessed" in said
    assert engine["asked"]["engine"] == "local" and engine["asked"]["date_order"] is None


def test_a_scheduler_means_the_dask_engine(engine: dict[str, Any], tmp_path: Path) -> None:
    engine["summary"] = ScoreSummary(engine="", shards=1, posts=1, accounts=1)
    result = runner.invoke(
        app, ["score", "a.jsonl", "-o", str(tmp_path), "--scheduler", "tcp://10.0.0.5:8786"]
    )
    assert result.exit_code == 0, result.output
    assert engine["asked"]["engine"] == "dask"
    assert engine["asked"]["scheduler"] == "tcp://10.0.0.5:8786"


def test_nothing_scored_exits_1_and_says_the_last_results_stay(
    engine: dict[str, Any], tmp_path: Path
) -> None:
    engine["summary"] = ScoreSummary(
        engine="local", shards=1, empty_files=[str(tmp_path / "empty.csv")], written=False
    )
    result = runner.invoke(app, ["score", "empty.csv", "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert "results of a run before stay" in said
    assert "Nothing was scored: empty.csv holds no posts" in said
    assert "Traceback" not in result.output


def test_json_lists_every_problem_missing_file_and_note(
    engine: dict[str, Any], tmp_path: Path
) -> None:
    problem: dict[str, object] = {"file": "a.jsonl", "line": 4, "message": "not JSON"}
    missing: dict[str, object] = {
        "file": "data/tweets-part1.js",
        "message": "listed in manifest.js, not there",
    }
    engine["summary"] = ScoreSummary(
        engine="local", shards=1, posts=3, accounts=1, skipped=1,
        problems=[problem], missing_files=[missing],
    )  # fmt: skip
    result = runner.invoke(app, ["score", "a.jsonl", "-o", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["posts"], data["skipped"], data["engine"]) == (3, 1, "local")
    assert data["problems"] == [problem] and data["missing_files"] == [missing]
    assert data["notices"] == []
    assert data["problems_file"] == str(tmp_path / "problems.jsonl")


def test_the_summary_names_the_file_listing_what_was_skipped(
    engine: dict[str, Any], tmp_path: Path
) -> None:
    # the skipped line is shown, but a long run's list scrolls away: the file keeps it all
    problem: dict[str, object] = {"file": "a.jsonl", "line": 8, "message": "not valid JSON"}
    engine["summary"] = ScoreSummary(
        engine="local", shards=1, posts=3, accounts=1, skipped=1, problems=[problem]
    )
    out = tmp_path / "results"
    result = runner.invoke(app, ["score", "a.jsonl", "-o", str(out)], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    assert f"What was skipped, with its file and line: {out / 'problems.jsonl'}" in result.stdout
    assert "skipped a.jsonl:8: not valid JSON" in " ".join(result.stderr.split())


def test_a_run_that_skipped_nothing_names_no_list_of_skips(
    engine: dict[str, Any], tmp_path: Path
) -> None:
    engine["summary"] = ScoreSummary(engine="local", shards=1, posts=3, accounts=1)
    result = runner.invoke(app, ["score", "a.jsonl", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "problems.jsonl" not in result.output


def test_an_unknown_date_order_is_refused_before_any_scoring(
    engine: dict[str, Any], tmp_path: Path
) -> None:
    result = runner.invoke(app, ["score", "a.csv", "-o", str(tmp_path), "--date-order", "ymd"])
    assert result.exit_code == 65
    assert "--date-order 'ymd' is not an order of dates staffpulse reads" in result.output
    assert "asked" not in engine
