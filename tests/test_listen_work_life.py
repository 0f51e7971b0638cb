"""Work as the writer's own job in everyday words ("at work", "leaving for work")."""

from __future__ import annotations

import pytest

from staffpulse.listen.work_life import talks_of_own_job


@pytest.mark.parametrize(
    "text",
    [
        "Stuck at work till nine again",
        "At work and the coffee machine is broken",
        "Leaving for work in the dark every morning now",
        "Can't wait to get off work today",
        "Two buses to get to my job, an hour each way, then I walk to work",
        "Calling work to say the trains are down",
        "Just saw next week's work schedule and I'm on every weekend",
    ],
)
def test_the_writers_job_as_a_place_and_a_routine_is_read(text: str) -> None:
    assert talks_of_own_job(text)


@pytest.mark.parametrize(
    "text",
    [
        "How does this gadget work?",
        "Does Thursday work for you?",
        "The volunteers were hard at work on the garden all weekend",
        "Acme At Work launches its new team app",  # a product's name
        "I put off work on my essay again",
        "Let's get to work on the new deck",
    ],
)
def test_work_that_is_no_job_is_not(text: str) -> None:
    assert not talks_of_own_job(text)
