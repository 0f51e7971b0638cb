"""Spreadsheet-safe CSV cells (a stranger's name never runs as a formula: CSV injection) and
the benchmark leaderboard CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from staffpulse.benchmark.cohort import read_cohort
from staffpulse.benchmark.engine import BenchmarkResult
from staffpulse.errors import InputError
from staffpulse.report.spreadsheet import (
    CSV_ENCODING,
    LEADERBOARD_COLUMNS,
    leaderboard_csv,
    safe_cell,
    segment_cell,
    spreadsheet_safe,
    spreadsheet_text,
    write_leaderboard_csv,
)
from staffpulse.sources.cohorts import cohort_columns


@pytest.mark.parametrize(
    "cell",
    ['=HYPERLINK("http://x.example")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"],
)
def test_a_cell_that_starts_like_a_formula_is_text(cell: str) -> None:
    assert spreadsheet_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Acme Staffing", "Rosa = recruiter", "", "café · 2×"])
def test_ordinary_text_is_unchanged(cell: str) -> None:
    assert spreadsheet_safe(cell) == cell


def test_numbers_stay_numbers_and_files_carry_a_bom() -> None:
    assert safe_cell(-3) == -3 and safe_cell(None) is None and safe_cell("-3") == "'-3"
    assert "x".encode(CSV_ENCODING).startswith(b"\xef\xbb\xbf")


def test_an_all_digit_id_stays_text_so_no_digit_is_lost() -> None:
    assert spreadsheet_text("1357924680135792468") == "'1357924680135792468"
    assert spreadsheet_text("007") == "'007"  # a leading zero would be dropped too
    assert spreadsheet_text("did:plc:abc") == "did:plc:abc"
    assert spreadsheet_text("=1+1") == "'=1+1" and spreadsheet_text("") == ""


def _result(rows: list[dict[str, Any]]) -> BenchmarkResult:
    return BenchmarkResult(
        source="cohort.csv",
        audits=[],
        segments=[],
        leaderboard=rows,
        segment_stats={},
        claims=[],
        problems=[],
        generated_at=datetime(2026, 11, 26, tzinfo=UTC),
    )


def _row(rank: int, name: str, segment: str, mix: int | None) -> dict[str, Any]:
    scores = {"overall": 70 - rank, "face": 80, "mix": mix, "voice": 60, "conversation": 50}
    return {
        "rank": rank,
        "handle": f"firm{rank}",
        "platform": "x",
        "display_name": name,
        "segment": segment,
        "grade": "B",
        "pillars_graded": 4 if mix is not None else 3,
        "job_share": 0.4,
        "posts": 12,
        "last_post": "2021-11-19T08:30:00Z" if rank == 1 else None,  # as the leaderboard has it
        **scores,
        "percentiles": {k: (None if v is None else 50) for k, v in scores.items()},
        "tied_with": {k: (None if v is None else 0) for k, v in scores.items()},
        "top_action": "-reply more",
    }


def test_the_leaderboard_csv_has_scores_percentiles_and_safe_text() -> None:
    text = leaderboard_csv(
        _result([_row(1, "=HYPERLINK(1)", "staffing_firm", 70), _row(2, "Bo", "unknown", None)])
    )
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == [
        *LEADERBOARD_COLUMNS,
        *(
            f"{k}_{what}"
            for k in ("overall", "face", "mix", "voice", "conversation")
            for what in ("beats_pct", "tied")
        ),
        "top_action",
    ]
    assert rows[0]["display_name"] == "'=HYPERLINK(1)" and rows[0]["top_action"] == "'-reply more"
    assert (rows[0]["segment"], rows[1]["segment"]) == ("staffing firm", "no segment")
    assert segment_cell("staffing_firm") == rows[0]["segment"]
    assert (rows[1]["mix"], rows[1]["mix_beats_pct"], rows[1]["face_beats_pct"]) == ("", "", "50")
    assert (rows[1]["mix_tied"], rows[1]["face_tied"]) == ("", "0")


def test_the_leaderboard_csv_dates_each_accounts_last_post() -> None:
    """QA s21: the terminal and the HTML mark an account gone quiet ("last post 5 years
    ago"), the CSV did not; it gives the date of the newest post, empty when none is known."""
    quiet = _row(1, "Quiet", "staffing_firm", 70)
    unknown = {k: v for k, v in _row(2, "Older result", "vendor", 60).items() if k != "last_post"}
    rows = list(csv.DictReader(io.StringIO(leaderboard_csv(_result([quiet, unknown])))))
    assert [(r["handle"], r["last_post"]) for r in rows] == [("firm1", "2021-11-19"), ("firm2", "")]


def test_the_written_league_csv_reads_back_as_its_cohort(tmp_path: Path) -> None:
    """The league CSV is a cohort too (benchmark it again next month): its new column neither
    stops the cohort reader nor makes an import read the file as accounts."""
    rows = [_row(1, "Quiet", "staffing_firm", 70), _row(2, "Bo", "vendor", 60)]
    path = write_leaderboard_csv(_result(rows), tmp_path / "league.csv")
    entries, problems = read_cohort(path)
    assert problems == []
    assert [(e.handle, e.platform, e.segment) for e in entries] == [
        ("firm1", "x", "staffing_firm"),
        ("firm2", "x", "vendor"),
    ]
    assert "last_post" in (cohort_columns(path.read_bytes()) or [])


def test_the_written_file_is_the_text_with_a_bom(tmp_path: Path) -> None:
    result = _result([_row(1, "Café Staffing", "vendor", 70)])
    written = write_leaderboard_csv(result, tmp_path / "deep" / "board.csv")
    assert written.read_bytes() == leaderboard_csv(result).encode(CSV_ENCODING)
    assert written.read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_path_that_cannot_be_written_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(InputError) as caught:
        write_leaderboard_csv(_result([]), blocker / "board.csv")
    assert caught.value.message.startswith(f"cannot write {blocker / 'board.csv'}")
