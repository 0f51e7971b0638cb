"""A bot or an automated feed that posts jobs is a job board and an organization, whatever
trade its jobs are in (stop 34). Hand-written accounts."""

from __future__ import annotations

import pytest

from role_helpers import rules_off
from staffpulse.signals.role_job_bot import is_job_bot
from staffpulse.signals.roles import load_role_model

BOTS = [
    ("RecruiterJobsBot", "I tweet recruiter jobs. Automated feed of recruiting openings."),
    ("RecruiterJobsFeed", "Automated: the latest recruiter and talent acquisition jobs."),
    ("HRJobsBot", "HR manager and payroll openings near Leeds."),
]
NOT_BOTS = [
    ("AcmeCareers", "Automated feed of our openings at Acme Foods."),
    ("Jane Doe", "Tech recruiter. Not a bot! I post my own jobs every Monday."),
    ("chatbotdev", "I build a chat bot for clinics. Looking for jobs in NLP."),
    ("ForumMirror", "Auto-posted: new posts of a photo forum, hourly."),
]


@pytest.mark.parametrize(("name", "bio"), BOTS)
def test_a_bot_of_jobs_is_read_so(name: str, bio: str) -> None:
    assert is_job_bot(name, bio)


@pytest.mark.parametrize(("name", "bio"), NOT_BOTS)
def test_a_careers_feed_a_person_or_a_feed_of_other_things_is_not(name: str, bio: str) -> None:
    assert not is_job_bot(name, bio)


def test_job_bots_are_job_boards_and_organizations() -> None:
    model = load_role_model()
    names, bios = (list(c) for c in zip(*BOTS[:2], strict=True))
    posts = [["Technical Recruiter - Northwind - Remote"], None]
    with rules_off(model, "job_bots"):
        before = model.predict(names, bios, posts)
    assert before.role == ["recruiter", "vendor"]  # a person recruiting, a vendor
    out = model.predict(names, bios, posts)
    assert out.role == ["job_board", "job_board"] and out.kind == ["org", "org"]
    person = model.predict(["Jane Doe"], [NOT_BOTS[1][1]], None)
    assert person.role == ["recruiter"] and person.kind == ["person"]
