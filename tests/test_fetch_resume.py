"""What a fetch that stopped early says about going on (fetch/resume.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from staffpulse.fetch.common import FetchReport
from staffpulse.fetch.cursors import Gap
from staffpulse.fetch.resume import note_cap, resume_hint, stored_so_far


def _report(**counts: int) -> FetchReport:
    report = FetchReport(platform="x", target="acme")
    for name, value in counts.items():
        setattr(report, name, value)
    return report


def test_nothing_stored_is_never_said_to_be_kept() -> None:
    assert resume_hint(_report()) == "nothing was fetched; try again once this computer is online"
    assert "fetched so far" not in resume_hint(_report(), otherwise="try again later")
    # the profile alone is no progress to resume from, but it is not nothing either
    assert resume_hint(_report(accounts=1)).startswith("only the profile was fetched; try again")


def test_what_was_stored_is_counted_and_resumed() -> None:
    assert resume_hint(_report(posts=1_200, accounts=1)) == (
        "the 1,200 posts fetched so far are stored; run the same command again to resume"
    )
    assert stored_so_far(_report(posts=1)) == "the 1 post fetched so far is stored"
    assert stored_so_far(_report(posts=3, follows=2)) == (
        "the 3 posts and 2 follows fetched so far are stored"
    )
    later = resume_hint(_report(follows=1), resume="run the same command later to resume")
    assert later == "the 1 follow fetched so far is stored; run the same command later to resume"


def test_a_first_run_cut_by_its_cap_suggests_a_cap_the_platform_can_serve() -> None:
    report = _report()
    oldest = datetime(2025, 11, 12, 9, tzinfo=UTC)
    cut = Gap(500, None, oldest, resumed=False, older=True)
    note_cap(report, "mentions", cut, "mention", "--max-mentions", 800)
    # twice 500 is more than the 800 mentions X serves: 800 is suggested, and the day said
    assert "any older ones (before 12 Nov 2025) are not" in report.notes[0]
    assert "e.g. --max-mentions 800 " in report.notes[0]
    assert report.capped == [
        {"stream": "mentions", "cap": 500, "option": "--max-mentions", "left": "older"}
    ]
