"""The bundled sample cohort gets the audit its designed patterns call for (sample/README.md),
and the real personal X archive in ../shared/data audits end to end."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from staffpulse.audit import AuditResult, audit_account
from staffpulse.benchmark import BenchmarkResult, run_benchmark
from staffpulse.ingest import import_paths
from staffpulse.report.html import render_audit_html
from staffpulse.store import Store, open_store

SAMPLE = Path(__file__).resolve().parent.parent / "src" / "staffpulse" / "sample"


FIRMS = (
    "brightpathstaff",
    "meridianwork",
    "harborline",
    "keystonetemps",
    "northgatestaff",
)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, BenchmarkResult]:
    if not (SAMPLE / "cohort.jsonl").exists():
        pytest.skip("the sample cohort is not in the package yet")
    store = open_store(tmp_path_factory.mktemp("sample") / "sample.db")
    report = import_paths(store, [SAMPLE / "cohort.jsonl"])
    assert report.skipped == 0
    bench = run_benchmark(store, SAMPLE / "cohort.csv")
    return store, bench


def _audits(sample: tuple[Store, BenchmarkResult]) -> dict[str, AuditResult]:
    return {a.account.handle: a for a in sample[1].audits}


def test_logo_only_job_ad_firm_scores_low(sample: tuple[Store, BenchmarkResult]) -> None:
    bright = _audits(sample)["brightpathstaff"]
    assert bright.pillars["face"].score < 50
    assert bright.pillars["mix"].score < 20
    assert bright.pillars["voice"].score < 25
    assert bright.pillars["conversation"].score < 10
    assert bright.grade == "F"
    assert bright.pillars["mix"].evidence["job_share"] > 0.9


def test_chatty_recruiter_scores_high(sample: tuple[Store, BenchmarkResult]) -> None:
    audits = _audits(sample)
    mia = audits["mia_recruits"]
    assert mia.pillars["voice"].score >= 65
    assert mia.pillars["conversation"].score >= 65
    ranks = {row["handle"]: row["rank"] for row in sample[1].leaderboard}
    assert ranks["mia_recruits"] <= 3
    assert ranks["jobwire_dayton"] >= 10


def test_designed_patterns_hold(sample: tuple[Store, BenchmarkResult]) -> None:
    audits = _audits(sample)
    score = {h: {p: a.pillars[p].score for p in a.pillars} for h, a in audits.items()}
    # the broadcaster posts few job ads but never talks
    assert score["meridianwork"]["mix"] >= 70
    assert score["meridianwork"]["conversation"] < 10
    # the firm doing it well is the best staffing firm
    best_firm = max(FIRMS, key=lambda h: audits[h].overall)
    assert best_firm == "harborline"
    # vendors that converse beat the silent firms on Voice and Conversation
    for vendor in ("hireloop", "recruitcraft"):
        for firm in ("brightpathstaff", "meridianwork", "keystonetemps"):
            assert score[vendor]["conversation"] > score[firm]["conversation"]
            assert score[vendor]["voice"] > score[firm]["voice"]
    # default avatar and empty bio: the weakest face
    assert score["keystonetemps"]["face"] == min(s["face"] for s in score.values())
    # the job-ad bot posts job ads and nothing else
    assert score["jobwire_dayton"]["mix"] < 35


def test_responsiveness_matches_the_design(sample: tuple[Store, BenchmarkResult]) -> None:
    audits = _audits(sample)
    harbor = audits["harborline"].pillars["conversation"].evidence
    keystone = audits["keystonetemps"].pillars["conversation"].evidence
    assert harbor["answer_share"] > 0.6 and harbor["median_hours_to_answer"] < 3
    assert audits["brightpathstaff"].pillars["conversation"].evidence["mentions_answered"] == 0
    assert keystone["median_hours_to_answer"] is None or keystone["median_hours_to_answer"] > 24


def test_claims_report_sample_sizes(sample: tuple[Store, BenchmarkResult]) -> None:
    voice, conversation, mostly = sample[1].claims
    assert voice["n"] == {"Vendors": 3, "Staffing firms": 5}
    assert voice["verdict"] == conversation["verdict"] == "too small to tell"
    assert mostly["n"] == 5


def test_escaped_html_posts_of_the_sample(sample: tuple[Store, BenchmarkResult]) -> None:
    store, bench = sample
    result = audit_account(store, "hireloop", save=False)
    html = render_audit_html(result, bench)
    assert "<script" not in html


def test_real_personal_x_archive(shared_data: Path, tmp_path: Path) -> None:
    archive = shared_data / "formats" / "twitter_archive_samples" / "person_andreruffert"
    if not archive.exists():
        pytest.skip(f"{archive} is absent")
    if importlib.util.find_spec("staffpulse.sources.x_archive") is None:
        pytest.skip("the X archive importer is not installed yet")
    store = open_store(tmp_path / "real.db")
    report = import_paths(store, [archive])
    assert report.posts > 1000
    handle = store.list_accounts()[0].account.handle
    result = audit_account(store, handle)
    assert result.counts["posts"] > 1000
    assert all(0 <= p.score <= 100 for p in result.pillars.values())
    assert result.pillars["conversation"].evidence["replies"] > 0
    assert render_audit_html(result).startswith("<!doctype html>")
