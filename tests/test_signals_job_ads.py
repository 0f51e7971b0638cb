"""Job ads told by their wording: the one rule that listening and Connect share."""

from __future__ import annotations

import pytest

from staffpulse.signals.job_ads import looks_like_job_ad


@pytest.mark.parametrize(
    "text",
    [
        "Now hiring forklift operators, apply today",
        "We're hiring a payroll specialist! DM me",
        "Hiring: Registered Nurse, night shift, Boston MA",
        "Job alert: senior Java developer in Austin",
        "Job vacancies at Acme Logistics, October 2026",
        "Warehouse associates $18 - $21/hr, apply: acme.example/jobs",
        "#nowhiring line cooks downtown",
        "I'm looking for a Data Analyst in Denver, 2 days on site",
        "New job: Accountant (Chicago) https://jobs.example/123",
        "Open positions on our team https://acme.example/careers",
    ],
)
def test_job_ads_are_recognised(text: str) -> None:
    assert looks_like_job_ad(text)


@pytest.mark.parametrize(
    "text",
    [
        "How is hiring going for you this quarter?",
        "Why hiring is so slow this year https://news.example/hiring",  # an article, not an ad
        "I start my new job on Monday, wish me luck",  # "new job" needs a link to be an ad
        "Great job on the panel today, Steve",
        "Open positions are hard to fill when pay ranges are hidden",
    ],
)
def test_talk_about_work_is_not_an_ad(text: str) -> None:
    assert not looks_like_job_ad(text)
