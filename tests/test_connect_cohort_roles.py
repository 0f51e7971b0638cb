"""Roles from the user's cohort file (staffpulse.connect.cohort_roles, connect --cohort): the
benchmark called an account a staffing firm (its segment) while connect called it a recruiter
(the role model's guess), one account with two labels (QA s36)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from connect_fixtures import add_posts, build_store, connect_db, rank_with_fakes
from staffpulse.benchmark.cohort import CohortEntry
from staffpulse.cli.app import app
from staffpulse.connect import SuggestOptions
from staffpulse.connect.cohort_roles import (
    cohort_roles,
    given_role,
    stored_cohort_roles,
    stored_roles_by_id,
)
from staffpulse.models import Account
from staffpulse.store.segments import remember_segments

runner = CliRunner()
db = pytest.fixture(connect_db, name="db")


def _entry(handle: str, segment: str | None, platform: str | None = "x") -> CohortEntry:
    return CohortEntry(handle=handle, platform=platform, segment=segment, line=None)


def test_a_segment_naming_a_role_gives_that_role_and_others_leave_the_guess() -> None:
    roles = cohort_roles(
        [
            _entry("hannah_hr", "staffing firm"),
            _entry("val_vendor", "HR"),
            _entry("rita_recruits", "healthcare clients"),  # names no role
            _entry("Nina_Nurse", "recruiter", platform=None),
        ]
    )
    assert roles == {
        ("x", "hannah_hr"): "staffing_firm",
        ("x", "val_vendor"): "hr_pro",
        (None, "nina_nurse"): "recruiter",
    }
    assert (
        given_role(roles, Account(platform="bluesky", id="1", handle="nina_nurse")) == "recruiter"
    )
    assert given_role(roles, Account(platform="x", id="2", handle="rita_recruits")) is None


def test_the_cohort_files_role_is_shown_and_filtered_by() -> None:
    options = SuggestOptions(cohort={("x", "hannah_hr"): "staffing_firm"})
    report = rank_with_fakes(build_store(), options=options)
    hannah = next(s for s in report.suggestions if s.handle == "hannah_hr")
    assert hannah.role == "staffing_firm"
    assert hannah.role_text == "staffing firm (your cohort file)"
    assert hannah.explanation.startswith("staffing firm (your cohort file) · ")
    firms = rank_with_fakes(build_store(), role="staffing firm", options=options)
    assert [s.handle for s in firms.suggestions] == ["hannah_hr"]


def test_a_segment_the_store_kept_from_a_benchmarked_file_is_shown_without_cohort() -> None:
    """The benchmark keeps a cohort file's segments (staffpulse.store.segments): connect run
    later without --cohort names them too, so the league table and connect agree (QA s38);
    a --cohort given says it over them."""
    store = build_store()
    remember_segments(store, [("x", "id_hannah_hr", "staffing_firm")], "cohort.csv")
    hannah = next(s for s in rank_with_fakes(store).suggestions if s.handle == "hannah_hr")
    assert hannah.role_text == "staffing firm (your cohort file)"
    given = SuggestOptions(cohort={("x", "hannah_hr"): "vendor"})
    report = rank_with_fakes(store, options=given)
    assert next(s for s in report.suggestions if s.handle == "hannah_hr").role == "vendor"


def test_connect_cohort_option(db: Path, tmp_path: Path) -> None:
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("handle,platform,segment\nhannah_hr,x,staffing firm\n", encoding="utf-8")
    args = ["connect", "acme_staffing", "--db", str(db), "--cohort", str(cohort)]
    result = runner.invoke(app, [*args, "--json", "--role", "staffing firm"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)["suggestions"]
    assert [(s["handle"], s["role"]) for s in found] == [("hannah_hr", "staffing_firm")]
    table = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert "staffing firm (your cohort file)" in table.stdout


def test_connect_cohort_says_the_lines_it_skipped(db: Path, tmp_path: Path) -> None:
    cohort = tmp_path / "cohort.csv"
    cohort.write_text(
        "handle,platform,segment\nhannah_hr,x,staffing firm\n,x,HR\n", encoding="utf-8"
    )
    args = ["connect", "acme_staffing", "--db", str(db), "--cohort", str(cohort), "--json"]
    result = runner.invoke(app, [*args, "--role", "staffing firm"])
    assert result.exit_code == 0, result.output
    # the line with no handle is told on stderr, as benchmark tells it; the rest still counts
    assert result.stderr.startswith("note: ") and "cohort.csv:3" in result.stderr
    assert "no handle on this line" in result.stderr
    found = json.loads(result.stdout)["suggestions"]
    assert [s["handle"] for s in found] == ["hannah_hr"]


def test_connect_and_the_inbox_read_every_kept_segment_as_the_same_role() -> None:
    """The segment -> role mapping was written twice (connect's and the store's for the
    inbox): one place now, so every benchmark segment reads as one role in both."""
    from staffpulse.benchmark.segments import SEGMENTS

    store = build_store()
    firms = [Account(platform="x", id=f"id_{s}", handle=f"Firm_{s}") for s in SEGMENTS]
    add_posts(store, *firms)
    remember_segments(store, [("x", f"id_{s}", s) for s in SEGMENTS], "cohort.csv")
    by_id = stored_roles_by_id(store)
    by_handle = stored_cohort_roles(store)
    assert by_id[("x", "id_hr")] == "hr_pro"  # the benchmark's "hr": the inbox says "HR pro"
    assert {k[1]: v for k, v in by_id.items()} == {
        f"id_{handle.removeprefix('firm_')}": role for (_p, handle), role in by_handle.items()
    }
    assert len(by_id) == len(SEGMENTS)
