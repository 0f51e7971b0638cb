"""The theme a conversation leans to when no theme names it: everyday talk of one's job
("I need a job", "called in on my day off") is filed under a theme, not "Other
conversations"; a tie or no lean says nothing."""

from __future__ import annotations

import pytest

from staffpulse.listen.topic_leans import lean_scores, leaning_theme
from staffpulse.listen.topic_theme_scores import theme_of
from staffpulse.listen.topic_themes import THEMES

ALL = [t.key for t in THEMES]


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("Honestly I just need a job before rent is due.", "job_search"),
        ("Ten years in, still love my job on most Mondays.", "workplace"),
        ("Third weekend in a row they called me in on my day off.", "trades"),
        ("The new cannery should create about 400 jobs by spring.", "trends"),
        ("The count of bike couriers here has doubled, and apps are in demand.", "trends"),
        ("Starting the new role at the cannery on Monday, wish me luck", "careers"),
        ("Slowly climbing the ladder at the cannery, one rung a year.", "careers"),
        ("Machines will take our jobs, my uncle says at every dinner.", "trends"),
        # QA: three of the largest topic's "Other conversations" that a theme plainly fits
        ("Desks are out: your work space is the kitchen table now.", "workplace"),
        ("Forty grand in fees and the college still can't hire better tutors?", "recruiting"),
    ],
)
def test_everyday_talk_of_a_job_leans_to_its_theme(text: str, theme: str) -> None:
    assert theme_of(text) is None  # no theme names it: the topic model never files it there
    assert leaning_theme(text, ALL) == theme


def test_a_job_search_is_not_a_job_one_has() -> None:
    assert leaning_theme("Looking for a new job in my field, any leads?", ALL) == "job_search"
    # ... nor a career move: a new job sought is no new job got
    assert theme_of("Looking for a new job in my field, any leads?") != "careers"
    assert "workplace" not in lean_scores("Day three of my job search, still nothing back.")


def test_no_lean_a_tie_or_a_theme_without_a_topic_says_nothing() -> None:
    assert leaning_theme("The vending machine ate my coins again.", ALL) is None
    # a career (job search) and a day off (shifts) alike
    assert leaning_theme("My career needs a day off.", ALL) is None
    assert leaning_theme("Honestly I just need a job before rent is due.", ["pay"]) is None


def test_a_lean_word_never_names_a_theme_alone() -> None:
    # half a point: below every theme's minimum, so the stored topics never change with it
    scores = lean_scores("Honestly I just need a job before rent is due.")
    assert scores == {"job_search": 0.5}
    assert all(scores.get(t.key, 0.0) < t.minimum for t in THEMES)


def test_jobs_created_and_their_count_outweigh_a_hashtag_of_the_ads() -> None:
    """QA: a project's news of jobs it will create, and how many, with a #jobs hashtag, tied
    Hiring trends with Career moves and stayed in "Other conversations": jobs created and how
    many are two signs of a report, not one."""
    text = "Planned cannery is set to create 300 jobs along the coast #jobs #careers"
    assert lean_scores(text)["trends"] == 1.0
    assert leaning_theme(text, ALL) == "trends"


@pytest.mark.parametrize(
    "text",
    [
        "Google Workspace is down for everyone right now, no mail since nine.",
        "The open-plan kitchen in the new flat is lovely, the cat agrees.",
    ],
)
def test_a_products_workspace_or_a_homes_open_plan_is_no_work_space(text: str) -> None:
    """Review: a mail outage and a home's kitchen leaned to Workplace & managers as if they
    told where someone works."""
    assert "workplace" not in lean_scores(text)
    assert leaning_theme(text, ALL) is None


def test_a_wish_that_someone_else_hire_better_is_a_complaint_not_recruiting() -> None:
    # our own texts: a viewer's, a fan's and a patient's wish is about what the place makes
    for text in (
        "Streaming giant should hire better writers, this season of the show was a mess",
        "The refs were awful again, the league needs to hire better refs",
        "The clinic must hire better receptionists, nobody ever picks up",
        "I reckon the studio should hire better animators for the sequel",
    ):
        assert "recruiting" not in lean_scores(text)
    # the writer's own hiring, or hiring told as hard, still leans to Recruiting
    assert leaning_theme("Honestly we should hire more drivers before the peak", ALL) == (
        "recruiting"
    )
    assert leaning_theme("Why can't the school district hire more teachers", ALL) == "recruiting"


@pytest.mark.parametrize(
    "text",
    [
        # our own texts: a wish that a place hire more people is a shortage, a recruiting matter
        "Care homes need to hire more aides or the night shifts stay unsafe",
        "The city must hire more snow plow drivers before January",
        "Every bakery round here needs to hire more bakers, the queues are silly",
        "Schools gotta hire more counselors, one per 600 kids is not enough",
        "We should hire better drivers before the peak",
    ],
)
def test_a_wish_that_a_place_hire_more_is_a_shortage_leaning_to_recruiting(text: str) -> None:
    assert lean_scores(text).get("recruiting", 0.0) >= 0.5
