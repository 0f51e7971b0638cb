"""A benchmark cohort among the files to import is told apart and left out with a note: never
read as accounts (its segments lost, a second account beside a Mastodon one)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from staffpulse.bundled import SAMPLE_DIR
from staffpulse.errors import UnknownFormatError
from staffpulse.ingest import import_paths
from staffpulse.report.spreadsheet import LEADERBOARD_COLUMNS
from staffpulse.sources.cohorts import LEAGUE_COLUMNS, is_cohort_header
from staffpulse.sources.folders import left_out
from staffpulse.store import open_store

STATUS = {
    "id": "1",
    "uri": "https://hr.social/users/personalwerk/statuses/1",
    "url": "https://hr.social/@personalwerk/1",
    "created_at": "2026-11-01T10:00:00.000Z",
    "content": "<p>Wir suchen Lagerhelfer in Berlin.</p>",
    "account": {
        "id": "9",
        "username": "personalwerk",
        "acct": "personalwerk",
        "display_name": "Personalwerk Berlin",
        "url": "https://hr.social/@personalwerk",
        "note": "",
    },
}


@pytest.mark.parametrize(
    ("header", "cohort"),
    [
        ("handle,platform,segment", True),
        ("Handle;Segment", True),
        (
            ",".join([*LEADERBOARD_COLUMNS, "overall_percentile", "top_action"]),
            True,
        ),  # a league CSV written before 26 November 2026
        (
            ",".join([*LEADERBOARD_COLUMNS, "overall_beats_pct", "mix_tied", "top_action"]),
            True,
        ),  # a league CSV
        ("handle,platform", False),  # a list of accounts: a cohort needs its segments
        ("handle,platform,segment,bio", False),  # accounts with a column of the user's own
        ("handle,segment,text", False),
        ("type,handle,segment", False),
    ],
)
def test_a_cohort_is_known_by_its_columns(header: str, cohort: bool) -> None:
    columns = header.lower().replace(";", ",").split(",")
    assert is_cohort_header(columns) is cohort


def test_the_league_table_the_benchmark_writes_reads_as_a_cohort() -> None:
    assert set(LEADERBOARD_COLUMNS) - {"handle", "platform", "segment"} <= LEAGUE_COLUMNS


def test_a_cohort_in_the_import_folder_is_left_out_with_where_to_use_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "statuses.json").write_text(json.dumps([STATUS]), encoding="utf-8")
    (data / "firms.csv").write_text(
        "handle,platform,segment\npersonalwerk@hr.social,mastodon,staffing_firm\nacme,x,vendor\n",
        encoding="utf-8",
    )
    store = open_store(":memory:")
    report = import_paths(store, [data])
    # only the Mastodon account of the statuses: no second one keyed by the cohort's handle
    assert [(a.account.platform, a.account.id) for a in store.list_accounts()] == [
        ("mastodon", "https://hr.social/@personalwerk")
    ]
    [problem] = report.problems
    assert problem.file == str(data / "firms.csv") and left_out(problem)
    assert problem.message.startswith("looks like a benchmark cohort (handle, platform, segment)")
    assert f"use it with staffpulse benchmark {data / 'firms.csv'}" in problem.message
    assert "or upload it on the Benchmark page" in problem.message
    assert report.skipped == 0  # a file left out, not records lost


def test_a_cohort_imported_alone_is_refused_with_the_benchmark_to_use(tmp_path: Path) -> None:
    cohort = tmp_path / "firms.csv"
    cohort.write_text("handle,platform,segment\nacme,x,vendor\n", encoding="utf-8")
    with pytest.raises(UnknownFormatError) as refused:
        import_paths(open_store(":memory:"), [cohort])
    assert f"{cohort} looks like a benchmark cohort" in refused.value.message
    assert refused.value.hint and f"staffpulse benchmark {cohort}" in refused.value.hint


def test_the_bundled_sample_folder_imports_its_accounts_once() -> None:
    store = open_store(":memory:")
    report = import_paths(store, [SAMPLE_DIR])
    assert report.accounts == 16 and len(store.list_accounts()) == 16  # not 28: no cohort rows
    assert any(
        p.file.endswith("cohort.csv") and "benchmark cohort" in p.message for p in report.problems
    )


def test_a_cohort_whose_path_has_a_space_is_told_a_command_that_copies_as_it_is(
    tmp_path: Path,
) -> None:
    """ "staffpulse benchmark my dir/co hort.csv" ran on two paths, neither the file; the
    dashboard still says its own words, the upload's path never shown."""
    from staffpulse.sources import detect
    from staffpulse.web.wording import web_text

    folder = tmp_path / "my dir"
    folder.mkdir()
    path = folder / "co hort.csv"
    path.write_text("handle,platform,segment\nacme_staffing,x,staffing_firm\n", encoding="utf-8")
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    quoted = f"staffpulse benchmark '{path}'"
    assert f"use it with {quoted}, or upload it" in refused.value.message
    assert str(refused.value.hint).endswith(f"then compare them with {quoted}")
    page = web_text(str(refused.value.hint))
    assert page.endswith("then upload this file on the Benchmark page") and "co hort" not in page
