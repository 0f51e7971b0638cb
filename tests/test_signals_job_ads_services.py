"""Someone sought as a service ("looking for a reliable plumber") is no hire: not a job ad for
the patterns nor a job offered for the inbox, while an ad with pay or a call to apply stays
one (hand-written posts)."""

from __future__ import annotations

import pytest

from staffpulse.listen.job_offers import offers_a_job
from staffpulse.signals.job_ads import find_staffing_ads, looks_like_job_ad
from staffpulse.signals.job_ads_services import seeks_a_service

SERVICES = [
    "I'm looking for a good dentist in Boston",
    "looking for a reliable plumber",
    "need a wedding photographer in Austin",
    "We're looking for a reliable plumber in Denver, any recommendations?",
    "Need a Wedding Photographer in Austin ASAP!",
    "I'm looking for a trustworthy mechanic in Tulsa, DM me",
    "Need an electrician for my kitchen remodel, who do you use?",
    "Plumbers needed for my bathroom, quotes welcome https://quotes.example/form",
    "Looking for a dog walker in Brooklyn, any recs?",
    "Can anyone recommend an accountant? Mine retired",
]


@pytest.mark.parametrize("text", SERVICES)
def test_a_service_sought_is_no_job_ad(text: str) -> None:
    assert seeks_a_service(text)
    assert not looks_like_job_ad(text)
    assert not find_staffing_ads([text])[0]
    assert not offers_a_job(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm looking for a Placement Coordinator in Leeds",
        "We're looking for a licensed plumber in Denver. Apply at the link",
        "Need a Forklift Operator ASAP, start Monday",
        "Looking for a Registered Nurse in Dallas, 3x12 nights, $55/hr. DM me your resume!",
        "We're looking for 2 welders in Dallas",
    ],
)
def test_a_person_hired_is_still_an_ad(text: str) -> None:
    assert not seeks_a_service(text)
    assert looks_like_job_ad(text)


def test_pay_or_a_shift_keeps_a_provider_sought_an_ad() -> None:
    # a private gig with pay is work offered, however a customer words it
    assert looks_like_job_ad("Looking for a reliable babysitter Saturday nights, $20/hr, DM me")
    assert looks_like_job_ad("We're looking for a reliable Plumber in Denver, 2nd shift, $32/hr")


def test_a_hire_with_a_referral_asked_is_no_service() -> None:
    # "any recommendations?" names a provider only beside one: a receptionist is a hire
    assert not seeks_a_service("We're looking for a receptionist in Austin, any recommendations?")


def test_an_employer_wanting_a_reliable_hire_still_offers_a_job() -> None:
    # "reliable" or "good" beside a role hired is an employer's word, not a customer's
    driver = "We're looking for a reliable forklift driver in Dayton, DM me"
    assert not seeks_a_service(driver)
    assert looks_like_job_ad(driver)
    assert offers_a_job(driver)
    assert offers_a_job("Looking for a good night nurse in Austin, message me")
