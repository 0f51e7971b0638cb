"""The segments a cohort file gives, kept in the store (staffpulse.benchmark.kept_segments):
the demo's league table called @harborline a staffing firm (its cohort file) and, on the same
store, the inbox and a benchmark without the file called it what the role model read (QA s38).
Also: a row's segment_source reads the same in the JSON as in the league CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from rich.console import Console

from audit_helpers import FakeScorer, cohort_store
from staffpulse.benchmark import run_benchmark
from staffpulse.report.html import benchmark_context
from staffpulse.report.spreadsheet import leaderboard_csv
from staffpulse.report.terminal_segments import print_segment_medians
from staffpulse.store.segments import stored_segments
from test_audit_segment_guesses import NameRoles


def _board(result: Any) -> dict[str, dict[str, Any]]:
    return {row["handle"]: row for row in json.loads(json.dumps(result.to_dict()))["leaderboard"]}


def test_a_benchmark_without_the_file_keeps_the_segments_the_file_gave(tmp_path: Path) -> None:
    store = cohort_store(tmp_path, firms=2, vendors=2)
    cohort = tmp_path / "my cohort.csv"
    # the file's word against the model's: NameRoles reads "Firm 0 Staffing" as a firm
    cohort.write_text("handle,platform,segment\nfirm0,x,recruiter\nvendor0,x,vendor\n")
    run_benchmark(store, cohort, scorer=FakeScorer(), role_model=NameRoles())  # type: ignore[arg-type]
    kept = {(handle, segment) for _p, _id, handle, segment in stored_segments(store)}  # type: ignore[arg-type]
    assert kept == {("firm0", "recruiter"), ("vendor0", "vendor")}

    later = run_benchmark(store, scorer=FakeScorer(), min_posts=1, role_model=NameRoles())  # type: ignore[arg-type]
    rows = _board(later)
    assert (rows["firm0"]["segment"], rows["firm0"]["segment_source"]) == (
        "recruiter",
        "cohort file",
    )
    assert rows["firm0"]["segment_guessed"] is False
    # an account the file did not name is still the model's guess, and said to be one
    assert (rows["firm1"]["segment"], rows["firm1"]["segment_source"]) == ("staffing_firm", "guess")
    assert later.to_dict()["cohort"]["segments_guessed"] == 2


def test_the_json_and_the_league_csv_say_where_each_segment_comes_from_alike(
    tmp_path: Path,
) -> None:
    store = cohort_store(tmp_path, firms=2, vendors=2)
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("handle,platform,segment\nfirm0,x,staffing firm\nfirm1,x,\n")
    given = run_benchmark(store, cohort, scorer=FakeScorer())
    guessed = run_benchmark(store, scorer=FakeScorer(), min_posts=1, role_model=NameRoles())  # type: ignore[arg-type]
    for result in (given, guessed):
        lines = csv.DictReader(io.StringIO(leaderboard_csv(result).lstrip("\ufeff")))
        in_csv = {row["handle"]: row["segment_source"] for row in lines}
        in_json = {h: row["segment_source"] or "" for h, row in _board(result).items()}
        assert in_csv == in_json
    assert _board(given)["firm1"]["segment_source"] is None  # a blank line: no segment
    sources = {row["segment_source"] for row in _board(guessed).values()}
    assert sources == {"cohort file", "guess"}


def test_a_later_file_replaces_a_segment_and_a_guess_read_back_is_not_kept(tmp_path: Path) -> None:
    store = cohort_store(tmp_path, firms=2, vendors=2)
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("handle,platform,segment\nfirm0,x,recruiter\n")
    second.write_text(
        "handle,platform,segment,segment_source\nfirm0,x,staffing firm,\nvendor1,x,hr,guess\n"
    )
    run_benchmark(store, first, scorer=FakeScorer())
    run_benchmark(store, second, scorer=FakeScorer())
    kept = {(handle, segment) for _p, _id, handle, segment in stored_segments(store)}  # type: ignore[arg-type]
    assert kept == {("firm0", "staffing_firm")}


def test_a_blank_segment_in_a_later_file_clears_the_kept_one(tmp_path: Path) -> None:
    """The later file's league table shows firm0 without a segment: the store forgets the one
    the first file gave, so the inbox and a run without a file no longer name it either."""
    store = cohort_store(tmp_path, firms=2, vendors=2)
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    first.write_text("handle,platform,segment\nfirm0,x,recruiter\nvendor0,x,vendor\n")
    second.write_text("handle,platform,segment\nfirm0,x,\nvendor1,x,vendor\n")
    run_benchmark(store, first, scorer=FakeScorer())
    run_benchmark(store, second, scorer=FakeScorer())
    kept = {(handle, segment) for _p, _id, handle, segment in stored_segments(store)}  # type: ignore[arg-type]
    assert kept == {("vendor0", "vendor"), ("vendor1", "vendor")}
    later = run_benchmark(store, scorer=FakeScorer(), min_posts=1, role_model=NameRoles())  # type: ignore[arg-type]
    assert _board(later)["firm0"]["segment_source"] == "guess"


def test_a_run_without_a_file_says_which_file_set_the_kept_segments(tmp_path: Path) -> None:
    """The league table shows a kept segment as the user's own: the run says which file set
    it and how to change it (terminal, HTML and --json), not to clear "guess" in a cohort file
    this run was not given."""
    store = cohort_store(tmp_path, firms=2, vendors=2)
    cohort = tmp_path / "our peers.csv"
    cohort.write_text("handle,platform,segment\nfirm0,x,recruiter\nvendor0,x,vendor\n")
    with_file = run_benchmark(store, cohort, scorer=FakeScorer())
    assert with_file.to_dict()["cohort"]["segments_kept"] is None  # its own file's, not kept
    later = run_benchmark(store, scorer=FakeScorer(), min_posts=1, role_model=NameRoles())  # type: ignore[arg-type]
    said = later.to_dict()["cohort"]["segments_kept"]
    assert (said["accounts"], said["files"]) == (2, ["our peers.csv"])
    console = Console(width=400, record=True, color_system=None)
    print_segment_medians(console, later)
    text = console.export_text()
    assert "2 accounts' segments are the ones our peers.csv gave when it was benchmarked on" in text
    assert "with its segment left blank to clear it" in text
    assert "give a cohort file with a segment column" in text
    assert "segment_source column" not in text
    assert "our peers.csv gave" in str(benchmark_context(later)["guessed_note"])


def test_a_file_of_handles_alone_is_guessed_not_given_the_kept_segments(tmp_path: Path) -> None:
    """A file that names no segment is told "names no segments, so there is no segment
    comparison": its league table is the model's guesses, not the segments kept from another
    file (the web page said the first and compared by the kept segments)."""
    store = cohort_store(tmp_path, firms=2, vendors=2)
    given, handles = tmp_path / "given.csv", tmp_path / "handles.txt"
    given.write_text("handle,platform,segment\nfirm0,x,recruiter\n")
    handles.write_text("firm0\nfirm1\n")
    run_benchmark(store, given, scorer=FakeScorer())
    result = run_benchmark(store, handles, scorer=FakeScorer(), role_model=NameRoles())  # type: ignore[arg-type]
    row = _board(result)["firm0"]
    assert (row["segment"], row["segment_source"]) == ("staffing_firm", "guess")
    assert result.to_dict()["cohort"]["segments_kept"] is None
    kept = {(handle, segment) for _p, _id, handle, segment in stored_segments(store)}  # type: ignore[arg-type]
    assert kept == {("firm0", "recruiter")}  # still there for a run without a file
