"""A question on work the account was asked, told and answered, is advice, not a job opening;
an answer that offers work, or a question whether there is any, stays the model's. All posts
written for these tests."""

from __future__ import annotations

import pytest

from staffpulse.signals.job_ads_answers import answers_asked_question
from staffpulse.signals.job_ads_talk import find_hiring_talk
from staffpulse.signals.text import load_text_signals

ANSWERED = [
    # the post that scored 0.60 as a job ad
    "Asked at our desk this week: can I apply to two jobs at once? Yes, and tell us so we can "
    "help you pick.",
    "A candidate asked us today: should I put my hobbies on my CV? Only if they show a skill "
    "the job needs.",
    "Question we hear a lot: do I need a cover letter to apply? No, but a short note helps us "
    "place you faster.",
    "Q: Can I apply for a job if I don't meet every requirement? A: Yes. Most job ads list "
    "wishes, not must-haves.",
    "Got asked this morning: is it OK to follow up after an interview? Absolutely, one email a "
    "week later is fine.",
    "Most asked question this month \u2014 can I apply while still employed? Of course, and we "
    "keep it confidential.",
]
# an ad that answers, or asks whether there is work; a question nobody reports asking; a riddle
LEFT_TO_THE_MODEL = [
    "Asked: are you still hiring? Yes! Apply at https://x.example/j",
    "Q: Are you hiring drivers? A: Yes, $20/hr, start Monday",
    "People ask: any openings for nurses? Yes, 3 night shifts at Oakview this week",
    "Asked at our desk: is there warehouse work this week? Yes, 10 forklift drivers needed in "
    "Leeds",
    "Question: looking for work? Yes? Send us your CV today",
    "Can I apply to two jobs at once? Yes, and tell us so we can help you pick.",
    "Q: what did the fox say to the heron? A: nothing, it was asleep.",
    # an agency's answer that calls the reader to register
    "Q: Can graduates apply? A: Yes! Register with us today https://x.example/r",
    "Q: Too late for summer temp work? A: No! Sign up at https://x.example/s",
]


@pytest.mark.parametrize("text", ANSWERED)
def test_a_question_on_work_the_account_was_asked_and_answers_is_talk(text: str) -> None:
    assert answers_asked_question(text)
    assert find_hiring_talk([text])[0]


@pytest.mark.parametrize("text", LEFT_TO_THE_MODEL)
def test_an_answer_that_offers_work_or_a_question_for_work_is_left_to_the_model(
    text: str,
) -> None:
    assert not answers_asked_question(text)


def test_a_batch_marks_only_its_answered_question() -> None:
    batch = ["Good morning from the harbour", ANSWERED[0], LEFT_TO_THE_MODEL[0], ANSWERED[4]]
    assert find_hiring_talk(batch).tolist() == [False, True, False, True]


def test_the_shipped_model_reads_the_answered_question_as_no_job_ad_and_still_reads_the_ad() -> (
    None
):
    model = load_text_signals()
    texts = [ANSWERED[0], LEFT_TO_THE_MODEL[0]]
    scores = model.score(texts, signals=("job_opening",))["job_opening"]
    threshold = model.thresholds_["job_opening"]
    assert [bool(s >= threshold) for s in scores] == [False, True]
