"""Openings posted as a bare listing (title, place or terms, link) count as job ads."""

from __future__ import annotations

import pytest

from staffpulse.signals.job_ads import looks_like_job_ad
from staffpulse.signals.job_listings import find_job_listings, is_job_listing
from staffpulse.signals.text import load_text_signals

LISTINGS = [
    "Registered Nurse - ICU - Tampa, FL https://jobs.example/1",
    "Forklift Operator (2nd shift) - Dayton, OH https://jobs.example/2",
    "Senior Java Developer | Remote | Contract https://jobs.example/3",
    "Accounts Payable Specialist at Acme Staffing https://jobs.example/4",
    "New job: Warehouse Associate in Columbus, OH https://jobs.example/5",
    "Home Health Aides (Full-time & Part-time) https://jobs.example/6",
    "Job alert: Travel Nurse, ICU, 13 weeks https://jobs.example/7",
    "CNC Machinist (nights) - Akron, OH - $24/hr https://jobs.example/8 #jobs",
    "Assistant Professor of Chemistry | Northfield College https://jobs.example/9",
    "Entry Level Payroll Coordinator https://jobs.example/10",
    # X sends "&" as "&amp;"; "contract to hire" is terms, as "contract" is
    "Dietary Aides (Full-time &amp; Part-time) https://jobs.example/11",
    "Billing Specialist, Akron, contract to hire https://jobs.example/12",
]

NOT_LISTINGS = [
    "Project Manager Appreciation Day! https://news.example/1",  # the role is not the title
    "Our Director at the SHRM conference https://blog.example/1",  # a pronoun: people
    "Meet our new Marketing Coordinator, Jane! https://blog.example/2",
    "Uber driver in Tampa arrested https://news.example/2",  # news: lower case, a verb
    "Breaking News - Nurse - Tampa https://news.example/3",  # a headline word
    "Who is the best Data Analyst in Denver? https://blog.example/3",  # a question
    "Jane Doe, Senior Engineer at Google https://profile.example/jane",  # a person
    "Top 10 Software Engineers https://blog.example/4",  # a title alone, no seniority
    "Graphic Designer https://portfolio.example",  # a title alone: a profile as often
    "Registered Nurse - ICU - Tampa, FL",  # nothing to open
    "The Parent Trap https://films.example/1",  # a headline in title case
    "The Night Manager - Official Trailer https://films.example/2",  # a film
    "Top Recruiter - Jane Smith https://blog.example/5",  # praise of a person
    "Nurse of the Year - Dayton, OH https://news.example/4",  # an award
    "Podcast: The Recruiter - Episode 12 https://pod.example/12",  # an episode
    "Project Manager - Skills, Salary, Career Path https://guide.example/pm",  # a guide
]


@pytest.mark.parametrize("text", LISTINGS)
def test_a_listing_is_a_job_ad(text: str) -> None:
    assert is_job_listing(text)
    assert looks_like_job_ad(text)


@pytest.mark.parametrize("text", NOT_LISTINGS)
def test_titles_people_and_news_are_not_listings(text: str) -> None:
    assert not is_job_listing(text)


def test_the_batch_finds_the_same_posts_in_input_order() -> None:
    texts = [*NOT_LISTINGS, *LISTINGS, "", "https://x.example"]
    found = find_job_listings(texts)
    assert found.tolist() == [is_job_listing(t) for t in texts]
    assert found.sum() == len(LISTINGS)


def test_a_feed_of_listings_scores_as_job_ads_not_as_a_human_voice() -> None:
    # the model alone scores these 0.2-0.4 (it learned ads from "#hiring" and "apply now"):
    # an applicant tracking system's feed would pass for a healthy mix
    model = load_text_signals()
    scores = model.score(LISTINGS[:3])
    labels = model.labels(scores)
    assert labels["job_opening"].all()
    assert labels["work_topic"].all()
    assert not labels["personality"].any()
    assert not labels["humor"].any()


def test_a_listing_labelled_with_a_curly_apostrophe_is_a_listing() -> None:
    # "Today’s job:" as a phone types it, like "Today's job:"
    assert is_job_listing("Today\u2019s job: Registered Nurse, Tampa FL https://jobs.example/1")


def test_a_listing_whose_repeated_title_is_cut_off_before_its_link_is_a_listing() -> None:
    # a job board repeats the title in the description; the length limit cuts it mid-word,
    # with "…" or, in 2015 tweets read as Latin-1, "\u0089\u00db_"
    cut = [
        "Lecturer in Physics | Dayton State College US - OH - Dayton, Lecturer in Phys\u2026 "
        "https://jobs.example/13",
        "Lecturer in Physics | Dayton State College US - OH - Dayton,  Lecturer i\u0089\u00db_ "
        "https://jobs.example/14",
        "Payroll Coordinator - Akron, OH, Payroll Coordi... https://jobs.example/15",
    ]
    assert [is_job_listing(t) for t in cut] == [True, True, True]
    assert find_job_listings(cut).all()
    model = load_text_signals()
    assert model.labels(model.score(cut[:2]))["job_opening"].all()


def test_a_cut_off_tail_that_tells_news_or_talks_is_no_listing() -> None:
    # what was cut off is read before it is set aside: a verb or lower-case words are news
    # or talk, not a listing's repeated title
    for text in [
        "Uber Driver in Tampa, arrested after a long chase on the\u2026 https://news.example/5",
        "Registered Nurse - Tampa, FL, we are looking for someone who\u2026 https://x.example/6",
        "Night Nurse - Tampa, Nurses Are Paid More Than\u2026 https://x.example/7",
    ]:
        assert not is_job_listing(text)
        assert not find_job_listings([text])[0]
