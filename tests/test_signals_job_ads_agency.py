"""A staffing agency's everyday ad shapes count as job ads; the same words in talk do not.
All posts written for these tests."""

from __future__ import annotations

import pytest

from staffpulse.signals.job_ads import find_staffing_ads
from staffpulse.signals.text import load_text_signals

AGENCY_ADS = [
    # a role wanted for an employer it describes
    "Audit Supervisor wanted for a growing family-owned CPA firm in Toledo, 4-day summers.",
    "Line cooks needed at our downtown hotel, nights and weekends.",
    # interviews on the spot, with a day, an hour or a door to come to
    "Need a job? Stop by our Akron branch Tuesday, interviews on the spot!",
    "On-the-spot offers for packers at our open house, 10am to 2pm.",
    # a question to people looking for work, answered by an offer or a call
    "Need extra hours this winter? We have warehouse shifts open in Canton, call us.",
    "Anyone looking for work in Lima? Text us at the branch line and we'll set you up.",
    # openings counted by role, with a link
    "This week: 4 welder, 2 packer and 1 driver roles in Toledo. See them all: https://x.example/j",
    # a team to join, with openings in a place
    "Join our team in the Valley! Openings in Akron and Canton: https://x.example/open",
    # a yearly pay range written once ("$70-80k") in a listing
    "Payroll Lead, remote, Ohio. $70-80k. More: https://x.example/p",
    # a referral asked for a role, with the firm's call
    "Know anyone who would make a great Forklift Operator? Send them our way!",
]

AGENCY_TALK = [
    "Need more hours? Ask your manager, that is what I did last Monday.",  # advice, no offer
    "Looking for work? Me too, the market is rough out here.",
    "We interviewed on the spot and it went badly.",  # no door, no time
    "Why is an Audit Supervisor wanted for a big firm so hard to find?",  # asks, offers nothing
    "Volunteers needed for the school fair on Saturday.",
    "Salary talk: $70-80k is what payroll leads make in Ohio now.",  # a verb: talk
    "I counted 3 cats, 2 dogs and 1 hamster roles in our play https://x.example/p",  # a verb
    "Join the team at the charity run! Races in Dayton: https://x.example/run",  # no openings
    "Know someone who would be a great podcast guest? Send them our way!",  # no role
]


@pytest.mark.parametrize("text", AGENCY_ADS)
def test_an_agency_ad_shape_is_a_job_ad(text: str) -> None:
    assert find_staffing_ads([text])[0]


@pytest.mark.parametrize("text", AGENCY_TALK)
def test_the_same_words_in_talk_are_no_ad(text: str) -> None:
    assert not find_staffing_ads([text])[0]


def test_the_model_counts_an_agency_ad_as_a_job_opening() -> None:
    # what the audit's Mix reads: the shipped model with the patterns after it
    model = load_text_signals()
    scores = model.score(AGENCY_ADS[:3] + AGENCY_TALK[:3], signals=("job_opening",))
    threshold = model.thresholds_["job_opening"]
    assert [bool(s >= threshold) for s in scores["job_opening"]] == [True] * 3 + [False] * 3
