"""Questions to peers about pay or hiring practice are talk, not job ads (the guidelines'
job_opening is 0 for anything that offers no job), while ads that open with a question stay
ads. All posts written for these tests."""

from __future__ import annotations

import pytest

from staffpulse.signals.job_ads_questions import asks_peers, find_peer_questions

PEER_QUESTIONS = [
    "Should companies post salary ranges in job ads? Recruiters, what do you think? #hiring #jobs",
    "Is a take-home test fair to candidates? Thoughts? #hiring",
    "Do you still ask for references before the offer? Agree or disagree? #recruiting",
    "Unpaid trial shifts: ever OK? Restaurant owners, weigh in #jobs #hospitality",
    "How do you handle counteroffers? Share your tips #staffing",
    "What's your take on four-day weeks for warehouse crews? #staffing #jobs",
    "Cover letters: still worth it? Let us know in the comments #jobsearch",
    "Should job posts list the pay? Vote below #payTransparency #hiring",
    "Honest question for hiring managers: how many interview rounds is too many?",
    "Recruiters, what do you all think about one-way video interviews? #recruiting",
    "Pay ranges in every posting: what\u2019s your take? #hiring",  # a typographic apostrophe
]


@pytest.mark.parametrize("text", PEER_QUESTIONS)
def test_a_question_to_peers_is_no_ad(text: str) -> None:
    assert asks_peers(text)


@pytest.mark.parametrize(
    "text",
    [
        # ads that ask the reader something, then offer the job
        "Are you a CNA looking for nights? We have openings in Fresno. Apply: https://x.example/1",
        "What do you think about joining a team that listens? We're hiring a PM in Austin!",
        "Thoughts on a career change? Join our team as a dispatcher in Spokane, $22/hr",
        "Looking for your next role? Send your resume to jobs@acme.example. Thoughts welcome!",
        "Curious what others earn? Our forklift drivers make $21/hr. DM us to apply.",
        "Any welders out there? Thoughts? $30/hr, per diem, call us at 555-0100",
        # staffing-ad patterns win: a nurse sought with the pay and a call to act
        "Looking for a Registered Nurse in Dallas, $55/hr. Thoughts? DM me your resume!",
        "Thoughts? We\u2019re hiring nurses in Boise, https://x.example/3",
    ],
)
def test_an_ad_that_asks_a_question_stays_an_ad(text: str) -> None:
    assert not find_peer_questions([text])[0]


@pytest.mark.parametrize(
    "text",
    [
        "Should companies post salary ranges in job ads?",  # a question, but asks no one's view
        "Opinions are like résumés: everyone has one #recruiting",
        "We think remote work is here to stay #HR",
        "Thoughtful hiring starts with a clear job description",
    ],
)
def test_posts_that_ask_no_view_are_left_to_the_model(text: str) -> None:
    assert not asks_peers(text)


def test_a_batch_marks_only_its_peer_questions() -> None:
    texts = [
        PEER_QUESTIONS[0],
        "We're hiring line cooks in Tulsa! Apply today https://x.example/2",
        "",
        PEER_QUESTIONS[1],
    ]
    assert find_peer_questions(texts).tolist() == [True, False, False, True]
    assert find_peer_questions([]).tolist() == []
