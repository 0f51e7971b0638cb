"""An invitation to work for a named employer with nothing after it but a link is a job ad (the
guidelines count a direct invitation to apply for work as a job opening); the same question answered
with advice, or put about no one in particular, is not. All posts written for these tests."""

from __future__ import annotations

import pytest

from staffpulse.signals.job_ads import find_staffing_ads, looks_like_job_ad
from staffpulse.signals.job_ads_invitations import invites_to_work_for
from staffpulse.signals.text import load_text_signals

INVITATIONS = [
    "Interested in working for the Acme Claims Group? https://careers.example/acme",
    "Interested in working for the Northfield Library Trust? https://x.example/a #careers",
    "Want to work at Bellweather Foods? Apply here: https://x.example/bf",
    "Ever thought about a career with us? https://x.example/c",
    "Would you like to work for Kestrel Labs? We're hiring! https://x.example/k @kestrel",
    "Interested in an internship at the Greenway Council? https://x.example/g",
    "Ever wanted to work at the Harbor Museum? https://x.example/h",
    "Interested in a career with Northfield Transit? https://x.example/n",
]

NOT_INVITATIONS = [
    # advice answers its own question
    "Want to work at Bellweather Foods? Here's how to ace their interview https://blog.example/x",
    "Interested in working for the Parks Service? Read our five tips first https://x.example/p",
    # no employer named
    "Interested in working for a startup? https://blog.example/startups",
    "Want to work with kids? https://blog.example/kids",
    # a time, an amount or a price is no employer
    "Want to work at 5am? https://blog.example/early-birds",
    "Want to work for 10 minutes a day and earn $500? https://x.example/side",
    "Interested in working for FREE? https://x.example/free",
    # working "with" a skill or a tool, not for an employer
    "Want to work with Python? https://course.example/py",
    "Interested in working with NGOs? https://blog.example/ngo",
    # an invitation to something else
    "Interested in joining Acme? Stay tuned for our info session in May https://x.example/s",
    # a question alone, with nothing to follow
    "Would you like to work for Kestrel Labs?",
    # the writer's own wish
    "I'm interested in working for the Acme Claims Group? https://x.example/me",
]


@pytest.mark.parametrize("text", INVITATIONS)
def test_an_invitation_to_work_for_a_named_employer_is_an_ad(text: str) -> None:
    assert invites_to_work_for(text)
    assert find_staffing_ads([text])[0]
    assert looks_like_job_ad(text)  # the inbox and Connect read it the same way


@pytest.mark.parametrize("text", NOT_INVITATIONS)
def test_advice_or_a_question_about_no_one_is_no_invitation(text: str) -> None:
    assert not invites_to_work_for(text)
    assert not find_staffing_ads([text])[0]


def test_the_model_calls_an_invitation_a_job_opening_about_work_with_no_joke() -> None:
    model = load_text_signals()
    scores = model.score([INVITATIONS[0]])
    assert scores["job_opening"][0] >= model.thresholds_["job_opening"]
    assert scores["work_topic"][0] >= model.thresholds_["work_topic"]
    assert scores["humor"][0] < model.thresholds_["humor"]
