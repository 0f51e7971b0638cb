"""Weekly roundups of openings (staffpulse.audit.roundups): the format Mix advises is no
template Voice holds against the account."""

from __future__ import annotations

from datetime import timedelta

import pytest

from audit_helpers import FeedBuilder, audit_feed
from staffpulse.audit.roundups import names_itself_a_roundup


@pytest.mark.parametrize(
    "text",
    [
        "Jobs this week: 4 welders, 2 CNC roles in Springfield. One link: https://j.example/1",
        "This week's hot openings in Tulsa, all at https://j.example/2",
        "Our weekly job roundup is live! https://j.example/3",
        "Hiring roundup for the Lakeside branch https://j.example/4",
        "#JobsThisWeek 3 drivers, 1 dispatcher https://j.example/5",
    ],
)
def test_a_post_that_names_itself_a_roundup_is_one(text: str) -> None:
    assert names_itself_a_roundup(text)


@pytest.mark.parametrize(
    "text",
    [
        "We're hiring a welder in Springfield! Apply: https://j.example/6",
        "What a week for the team: three new clients and a birthday cake",
    ],
)
def test_an_ad_or_a_story_is_no_roundup(text: str) -> None:
    assert not names_itself_a_roundup(text)


_STORIES = (
    "Our Springfield desk got a thank-you card from a driver we placed in March",
    "Honest opinion: a two-hour interview loop loses the best warehouse leads",
    "Which shift do you prefer when you start a new job, and why?",
    "Maya from payroll baked bread for the whole branch today. Still warm!",
    "Ten years ago I placed my first welder. He now runs the plant floor.",
    "Quick tip for candidates: bring your forklift card to the first interview",
)


def _stories(feed: FeedBuilder) -> None:
    for text in _STORIES:
        feed.post(text)


def _weekly(feed: FeedBuilder, weeks: int, days_apart: float = 7.0) -> None:
    for i in range(weeks):
        feed.clock += timedelta(days=days_apart)
        feed.post(
            f"Jobs this week: {i + 2} forklift drivers, {i + 1} pickers in Springfield. "
            f"All in one place: https://j.example/week{i}"
        )


def test_the_weekly_roundup_mix_advises_is_not_called_a_template() -> None:
    # Mix advises one weekly "jobs this week" post; Voice then told the account that
    # followed it to "rewrite each one" in its own words
    feed = FeedBuilder("roundupper")
    _stories(feed)
    _weekly(feed, 6)
    voice = audit_feed(feed).pillars["voice"]
    assert voice.evidence["weekly_roundups"] == 6
    assert voice.evidence["templated_posts"] == 0 and voice.evidence["template_families"] == []
    assert not any("template" in str(advice) for advice in voice.recommendations)
    assert "6 weekly roundups of openings alike by design" in " ".join(voice.notes)


def test_a_roundup_posted_every_day_is_still_a_template() -> None:
    feed = FeedBuilder("dailyroundup")
    _stories(feed)
    _weekly(feed, 8, days_apart=1.0)  # 8 in 8 days: 2 kept as weekly, 6 copies
    voice = audit_feed(feed).pillars["voice"]
    assert voice.evidence["weekly_roundups"] == 2
    assert voice.evidence["templated_posts"] >= 5


@pytest.mark.parametrize(
    "text",
    [
        "We filled 12 jobs this week! Proud of the team.",
        "We placed 8 drivers and 4 welders: 12 jobs this week!",
        "We filled 9 jobs this week, the story is on our blog https://b.example/9",
    ],
)
def test_jobs_filled_this_week_are_news_not_a_roundup(text: str) -> None:
    assert not names_itself_a_roundup(text)


def test_a_roundup_without_a_link_still_lists_its_openings() -> None:
    assert names_itself_a_roundup("Jobs this week: 4 welders, 2 pickers in Dayton")
    assert names_itself_a_roundup("We filled 12 jobs this week and 5 more are open, apply today")


def test_the_same_boast_every_week_is_a_template_not_a_roundup() -> None:
    feed = FeedBuilder("boastful")
    _stories(feed)
    for i in range(6):
        feed.clock += timedelta(days=7)
        feed.post(f"We filled {i + 10} jobs this week! Proud of the team.")
    voice = audit_feed(feed).pillars["voice"]
    assert voice.evidence["weekly_roundups"] == 0
    assert voice.evidence["templated_posts"] >= 5
