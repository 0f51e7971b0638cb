"""The claims a benchmark tests (staffpulse.benchmark.claims, as run_benchmark fills them):
which accounts count as evidence for each claim, and how each verdict is worded."""

from __future__ import annotations

import csv
from pathlib import Path

from rich.console import Console

from audit_helpers import FakeScorer, FeedBuilder, cohort_store, store_with
from staffpulse.benchmark import run_benchmark
from staffpulse.report.html import render_benchmark_html
from staffpulse.report.spreadsheet import write_leaderboard_csv
from staffpulse.report.terminal_benchmark import render_benchmark


def test_a_firm_posting_in_another_language_is_no_evidence_for_the_job_ads_claim(
    tmp_path: Path,
) -> None:
    firm = FeedBuilder("firm")
    firm.job(8)
    euro = FeedBuilder("euro")
    for i in range(8):
        euro.post(f"Wir suchen einen Lagerist (m/w/d) in Vollzeit, jetzt bewerben #{i}", lang="de")
    store = store_with(tmp_path, firm, euro)
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("firm,x,staffing_firm\neuro,x,staffing_firm\n")
    result = run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    rows = {r["handle"]: r for r in result.leaderboard}
    assert rows["euro"]["mix"] is None and rows["euro"]["voice"] is None
    assert rows["euro"]["percentiles"]["mix"] is None
    mostly = result.claims[-1]
    assert mostly["n"] == 1 and mostly["mostly_job_ads"] == 1  # the firm the model could read


def test_firms_with_no_posts_to_judge_are_counted_as_firms_not_as_missing(tmp_path: Path) -> None:
    feeds = []
    for i in range(4):  # staffing firms that only reply: no original post for Mix to judge
        feed = FeedBuilder(f"replyfirm{i}")
        feed.reply("someone", 12)
        feeds.append(feed)
    store = store_with(tmp_path, *feeds)
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("".join(f"replyfirm{i},x,staffing firm\n" for i in range(4)))
    result = run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    assert len(result.leaderboard) == 4  # every firm is ranked, none left out
    assert all(row["mix"] is None for row in result.leaderboard)  # Mix n/a for each
    jobs = result.claims[-1]
    assert jobs["verdict"] == "too small to tell" and (jobs["n"], jobs["members"]) == (0, 4)
    assert jobs["explanation"] == (
        "Too few to tell: 0 of the 4 staffing firms have a Mix score, and we need at least 5."
    )


def test_a_cohort_of_recruiters_is_not_told_it_has_no_segment(tmp_path: Path) -> None:
    store = cohort_store(tmp_path, firms=2, vendors=2)
    handles = [row[0] for row in store.conn.execute("SELECT handle FROM accounts ORDER BY handle")]
    cohort = tmp_path / "cohort.csv"
    cohort.write_text(
        "".join(
            f"{h},x,{seg}\n" for h, seg in zip(handles[:2], ("recruiter", "other"), strict=True)
        )
    )
    result = run_benchmark(store, cohort, scorer=FakeScorer(), min_posts=1)  # type: ignore[arg-type]
    assert result.claims[0]["verdict"] == "not tested"
    explanation = result.claims[0]["explanation"]
    assert "has a segment" not in explanation
    assert "its segments: recruiters, other" in explanation
    assert "write staffing firm or vendor" in explanation
    # nor tested on "mostly job ads" as if its recruiters were the firms the claim is about
    jobs = result.claims[-1]
    assert jobs["claim"] == "Staffing firms post mostly job ads"
    assert jobs["verdict"] == "not tested" and jobs["share"] is None
    assert jobs["explanation"] == (
        "No account of the group is marked a staffing firm (its segments: recruiters, other): "
        "to test this, write staffing firm in the cohort file's segment column for at least 5 "
        "staffing firms with original posts."
    )


def test_a_cohort_of_accounts_without_segments_is_still_tested_on_job_ads(
    tmp_path: Path,
) -> None:
    # no segment known at all (a file of handles alone): the cohort may well be the firms
    store = cohort_store(tmp_path)
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("handle\n" + "".join(f"firm{i}\n" for i in range(6)))
    result = run_benchmark(store, cohort, scorer=FakeScorer(), role_model=None)  # type: ignore[arg-type]
    jobs = result.claims[-1]
    assert jobs["claim"] == "Accounts post mostly job ads" and jobs["verdict"] == "supported"


def test_a_claim_says_how_many_of_its_accounts_have_a_rough_grade(tmp_path: Path) -> None:
    # a cohort file's accounts of one or two posts each were tested as if measured; here the
    # vendors have 8 posts of their own each, the firms 14 or more
    store = cohort_store(tmp_path)
    cohort = tmp_path / "cohort.csv"
    lines = ["handle,segment"] + [f"firm{i},staffing firm" for i in range(6)]
    cohort.write_text("\n".join(lines + [f"vendor{i},vendor" for i in range(6)]) + "\n")
    result = run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    voice, conversation, mostly = result.claims
    for claim in (voice, conversation):
        assert claim["rough_grades"] == 6
        assert claim["explanation"].endswith(
            " 6 of the 12 accounts counted here have fewer than 10 posts of their own: rough "
            "grades, so read this as a first look."
        )
    assert mostly["rough_grades"] == 0 and "rough" not in mostly["explanation"]
    # the terminal and the HTML say it too
    console = Console(record=True, width=200)
    render_benchmark(console, result)
    said = " ".join(console.export_text().split())  # the longer claims wrap
    assert "6 of the 12 accounts counted here have fewer than 10 posts" in said
    assert "6 of the 12 accounts counted here have fewer than 10 posts" in (
        render_benchmark_html(result)
    )


def test_one_rough_grade_among_a_claim_s_accounts_is_said_in_the_singular(
    tmp_path: Path,
) -> None:
    # "1 of the 7 accounts counted here have fewer than 10 posts of their own" is no English
    store = cohort_store(tmp_path, vendors=1)
    cohort = tmp_path / "cohort.csv"
    lines = ["handle,segment", "vendor0,vendor"] + [f"firm{i},staffing firm" for i in range(6)]
    cohort.write_text("\n".join(lines) + "\n")
    voice = run_benchmark(store, cohort, scorer=FakeScorer()).claims[0]  # type: ignore[arg-type]
    assert voice["rough_grades"] == 1
    assert voice["explanation"].endswith(
        " 1 of the 7 accounts counted here has fewer than 10 posts of its own: a rough grade,"
        " so read this as a first look."
    )


def test_job_boards_are_their_own_group_and_stay_out_of_the_vendor_claims(tmp_path: Path) -> None:
    # a real cohort's "Vendors" were mostly job feeds, which decided "vendors beat staffing
    # firms on Voice"; a job board is a group of its own in the table, the HTML and the CSV
    store = cohort_store(tmp_path)
    cohort = tmp_path / "cohort.csv"
    lines = ["handle,segment"] + [f"firm{i},staffing firm" for i in range(6)]
    lines += [f"vendor{i},job board" for i in range(4)] + ["vendor4,vendor", "vendor5,vendor"]
    cohort.write_text("\n".join(lines) + "\n")
    result = run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    assert result.problems == []
    assert result.segment_stats["job_board"]["n"] == 4
    assert result.segment_stats["job_board"]["label"] == "Job boards"
    assert result.segment_stats["vendor"]["n"] == 2
    voice = result.claims[0]
    assert voice["claim"].startswith("Vendors beat staffing firms")
    assert voice["verdict"] == "too small to tell"  # 2 vendors: the 4 job boards do not count
    html = render_benchmark_html(result)
    assert "Job boards" in html and "Job board" in html
    rows = list(csv.DictReader(write_leaderboard_csv(result, tmp_path / "b.csv").open()))
    assert sorted({r["segment"] for r in rows}) == ["job board", "staffing firm", "vendor"]
