"""suggest_report on the sample cohort (staffpulse.connect.suggest): harborline gets the circle
the sample was designed with, and a Bluesky pair stays on its platform."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from connect_fixtures import FakeRoleModel
from staffpulse.connect import suggest_accounts, suggest_report
from staffpulse.ingest import import_paths
from staffpulse.store import Store, open_store

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "staffpulse" / "sample" / "cohort.jsonl"


SAMPLE_ROLES = {
    "brightpathstaff": "staffing_firm",
    "meridianwork": "staffing_firm",
    "harborline": "staffing_firm",
    "keystonetemps": "staffing_firm",
    "northgatestaff": "staffing_firm",
    "mia_recruits": "recruiter",
    "owenpark.bsky.social": "recruiter",
    "hireloop": "vendor",
    "recruitcraft": "vendor",
    "adabrightwell.bsky.social": "vendor",
    "priya_hrlife": "hr_pro",
    "jobwire_dayton": "job_board",
    # outside the benchmark cohort: people the circle of mia_recruits follows
    "dana_sources": "recruiter",
    "theo_hires": "recruiter",
    "jess_peopleops": "hr_pro",
    "shiftwise_hq": "vendor",
}


def _sample_handles() -> dict[str, str]:
    """Display name -> handle of the sample's accounts: the role model reads the display name."""
    records = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    return {
        r["display_name"] or r["handle"]: r["handle"] for r in records if r.get("type") == "account"
    }


class SampleRoles(FakeRoleModel):
    def predict(self, names, bios, texts):  # type: ignore[no-untyped-def]
        out = super().predict(names, bios, texts)
        handles = _sample_handles()
        out.role = [SAMPLE_ROLES.get(handles.get(n, n), "other") for n in names]
        return out


@pytest.fixture
def sample_store(monkeypatch: pytest.MonkeyPatch) -> Store:
    if not SAMPLE.exists():
        pytest.skip("the sample cohort has not landed")
    import staffpulse.connect.suggest as suggest

    monkeypatch.setattr(suggest, "load_text_signals_or_none", lambda: None)  # keyword fallback
    store = open_store(":memory:")
    import_paths(store, [SAMPLE])
    return store


def test_sample_cohort_harborline_gets_its_designed_circle(sample_store: Store) -> None:
    # README of the sample: harborline talks with mia_recruits and hireloop, who both
    # talk with priya_hrlife and recruitcraft; connect should suggest those two.
    report = suggest_report(sample_store, "harborline", role_model=SampleRoles(), scorer=None)
    top = [s.handle for s in report.suggestions[:2]]
    assert set(top) == {"priya_hrlife", "recruitcraft"}
    handles = [s.handle for s in report.suggestions]
    assert "mia_recruits" not in handles and "hireloop" not in handles  # already followed
    assert "jobwire_dayton" not in handles  # the job-ad bot
    assert report.suggestions[0].explanation.startswith("HR pro · ")
    assert "in your circle replied to them" in report.suggestions[0].explanation
    only_hr = suggest_accounts(sample_store, "harborline", role="hr_pro", role_model=SampleRoles())
    # the HR manager its circle (hireloop, recruitcraft) follows comes second
    assert [s.handle for s in only_hr] == ["priya_hrlife", "jess_peopleops"]


def test_sample_cohort_first_account_gets_people_its_circle_follows(sample_store: Store) -> None:
    """The demo's first account talks with every cohort account worth following: the people
    its circle follows (and it does not) are what its who-to-follow list shows, never an
    empty list on a new user's first look."""
    report = suggest_report(sample_store, "mia_recruits", role_model=SampleRoles(), scorer=None)
    handles = [s.handle for s in report.suggestions]
    assert set(handles[:4]) == {"dana_sources", "theo_hires", "jess_peopleops", "shiftwise_hq"}
    roles = {s.handle: s.explanation.split(" · ")[0] for s in report.suggestions}
    assert roles["jess_peopleops"] == "HR pro" and roles["shiftwise_hq"] == "vendor"
    assert all("in your circle follow" in s.explanation for s in report.suggestions[:4])
    assert "jobwire_dayton" not in handles  # the job-ad bot stays left out


def test_sample_cohort_bluesky_pair_stays_on_its_platform(sample_store: Store) -> None:
    report = suggest_report(sample_store, "owenpark.bsky.social", role_model=SampleRoles())
    # its one partner, on Bluesky, is followed already; no X account of the sample (none of
    # them talks with it) is offered in its place, so there is nothing to suggest
    assert report.circle_size == 1 and report.excluded == {"already followed": 1}
    assert report.suggestions == []


def test_sample_cohort_far_date_advice_counts_as_the_left_out_line(sample_store: Store) -> None:
    """Ranked long after the sample, its 6 inactive accounts are on the "Left out" line; the
    advice brings back some of them and says why the others stay out, not "4 accounts posted
    nothing" beside "6 inactive" with no word on the difference."""
    later = datetime(2030, 1, 1, tzinfo=UTC)
    report = suggest_report(
        sample_store, "mia_recruits", now=later, role_model=SampleRoles(), scorer=None
    )
    assert report.suggestions == [] and report.excluded["inactive"] == 6
    assert report.next_step is not None
    # the job feed stays out whatever the date: the advice's count and its others make 6
    said = re.match(r"(\d) accounts posted nothing in the 90 days before", report.next_step)
    others = re.search(r"the other (\d) of the 6 inactive (is|are) held back", report.next_step)
    assert said and others, report.next_step
    assert int(said[1]) + int(others[1]) == 6 and "automated job feed" in report.next_step
