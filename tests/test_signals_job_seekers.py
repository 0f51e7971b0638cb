"""A seeker's own post is no job ad, however much it reads like a listing: the seeker's
wording wins over every ad cue. A recruiter's ad that asks the reader whether they are open to
roles stays an ad. All posts written for these tests."""

from __future__ import annotations

import pytest

from staffpulse.listen.rank_signals import is_job_ad
from staffpulse.signals.job_ads import find_staffing_ads, looks_like_job_ad
from staffpulse.signals.job_seekers import speaks_as_seeker
from staffpulse.signals.text import load_text_signals

SEEKERS = [
    # a bare listing of oneself: a role, a place, pay and a link
    "Senior Buyer, 10 years in retail, open to roles in Dayton. $65-75k. CV: https://x.example/cv",
    "Payroll Specialist, 6 yrs, open to remote roles. $58k+. My CV: https://x.example/cv",
    "Forklift lead, Toledo, $21/hr. I\u2019m available for work from Monday, DM me",
    # a seeker borrowing the tags job boards use
    "Looking for my next role in logistics, Dayton or remote. #hiring #jobs",
    "Dispatcher, nights, Columbus. #OpenToWork",
]
ADS = [
    "Are you open to new roles? We're hiring a Payroll Specialist in Dayton, $58k. Apply at"
    " https://x.example/jobs",
    "If you're open to new opportunities in Akron, DM me: forklift operators, $19/hr",
    "Warehouse Associates needed in Toledo, $18/hr, nights. I'm available for questions, DM me",
    # an employer open to something of its applicants' is still calling for them
    "Hiring call-centre reps in Dayton, $18/hr, open to work-from-home applicants."
    " Apply now: https://x.example/jobs",
    "Now hiring prep cooks in Toledo, $17/hr. We are open to part-time work schedules, DM us",
]


@pytest.mark.parametrize("text", SEEKERS)
def test_a_seekers_own_post_is_no_job_ad(text: str) -> None:
    assert speaks_as_seeker(text)
    assert not looks_like_job_ad(text)
    assert not find_staffing_ads([text])[0]
    assert not is_job_ad(text, None, 0.54)


@pytest.mark.parametrize("text", ADS)
def test_an_ad_that_asks_the_reader_stays_an_ad(text: str) -> None:
    assert not speaks_as_seeker(text)
    assert looks_like_job_ad(text)


def test_the_model_never_calls_a_seekers_listing_a_job_opening() -> None:
    model = load_text_signals()
    scores = model.score(SEEKERS + ADS[:1], signals=("job_opening",))
    threshold = model.thresholds_["job_opening"]
    assert [bool(s >= threshold) for s in scores["job_opening"]] == [False] * 5 + [True]
