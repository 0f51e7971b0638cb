"""A league table's "Fix first" (staffpulse.benchmark.league_action): a job board, whose
openings are its product, is never told to post fewer job ads first."""

from __future__ import annotations

import csv
from pathlib import Path

from audit_helpers import FakeScorer, FeedBuilder, audit_feed, store_with
from staffpulse.audit.config import DEFAULTS
from staffpulse.benchmark import run_benchmark
from staffpulse.benchmark.league_action import JOB_BOARD_ADS, league_action
from staffpulse.report.spreadsheet import write_leaderboard_csv


def test_a_job_board_is_not_told_to_post_fewer_job_ads_first(tmp_path: Path) -> None:
    # for a job board the openings are the product: its "Fix first" is another pillar's fix,
    # while a staffing firm with the same feed is still told to post fewer ads
    feeds = []
    for handle in ("firm0", "firm1"):
        feed = FeedBuilder(handle, display_name="Dayton Shift Jobs", bio="Warehouse jobs in Ohio")
        feed.job(9)
        feed.reply("rosa", 3)
        feeds.append(feed)
    store = store_with(tmp_path, *feeds)
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("handle,segment\nfirm0,job board\nfirm1,staffing firm\n")
    result = run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    board, firm = result.row_of("firm0", "x"), result.row_of("firm1", "x")
    assert board is not None and firm is not None
    assert firm["top_action"].startswith("Post fewer job ads")
    assert board["top_action"] and "job ads" not in board["top_action"]
    rows = list(csv.DictReader(write_leaderboard_csv(result, tmp_path / "b.csv").open()))
    assert {r["handle"]: r["top_action"] for r in rows}["firm0"] == board["top_action"]


def test_a_job_board_with_only_its_ads_to_fix_is_told_how_to_make_them_better() -> None:
    feed = FeedBuilder("boardonly")
    feed.job(9)
    feed.reply("rosa", 3)
    audit = audit_feed(feed)
    for name in ("face", "voice", "conversation"):  # nothing left to fix but the ads
        audit.pillars[name].recommendations = []
    audit.top_actions = [a for a in audit.top_actions if a["pillar"] == "mix"]
    assert audit.top_actions
    assert league_action(audit, "job_board", DEFAULTS["weights"]) == JOB_BOARD_ADS
    assert league_action(audit, "staffing_firm", DEFAULTS["weights"]).startswith("Post fewer")
