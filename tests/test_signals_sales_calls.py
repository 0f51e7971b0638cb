"""A seller's or a recruiter's call is told apart from talk about selling and hiring."""

from __future__ import annotations

import pytest

from staffpulse.signals.sales_calls import calls_to_buy_or_apply

CALLS = [
    "Spring sale, 30% off all boots",
    "Forklift drivers, $19/hr, nights",
    "Earn up to $1,400 a week driving",
    "Base pay 45k per year plus commission",
    "We're hiring cooks in Tulsa",
    "#Hiring: night nurses",
    "Apply now at the link",
    "Applications close Friday",
    "Still 3 openings for line cooks",
    "Welding roles open, DM us",
    "Join our team in Reno",
    "Come work with us",
]
TALK = [
    "A great read on hiring bias in tech",
    "How to apply for a work visa, step by step",
    "Job openings fell in May, the report says",
    "Great talk on recruiting engineers",
    "An hour well spent at the museum",
    "Two hours a week of reading, three a year of travel",
    "Open 24/7 over the holidays",
]


@pytest.mark.parametrize("text", CALLS)
def test_a_sale_or_a_call_to_a_job_is_a_call(text: str) -> None:
    assert calls_to_buy_or_apply(text)


@pytest.mark.parametrize("text", TALK)
def test_talk_about_hiring_applying_or_hours_is_no_call(text: str) -> None:
    assert not calls_to_buy_or_apply(text)
