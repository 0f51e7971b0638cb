"""A wrong that keeps coming is a complaint; a joke's "every time" is not one."""

from __future__ import annotations

import pytest

from staffpulse.listen.jokes import reads_as_joke
from staffpulse.listen.recurring import complains_of_a_wrong, happens_again


def test_a_wrong_again_or_every_time_to_the_writer_keeps_coming() -> None:
    for text in (
        "Payroll shorted my check again.",
        "Every time I ask for a day off, the rota is suddenly full.",
        "They move my shift every time without asking.",
        # the clause "every time" leads into lands the wrong on the writer
        "Every time someone quits, their caseload lands on me with no extra pay.",
        "Every time a new director starts, the rota is torn up and we lose our regular shifts.",
    ):
        assert happens_again(text), text
        assert not reads_as_joke(text, 0.95), text


def test_every_time_in_a_jokes_world_is_no_wrong_to_the_writer() -> None:
    # the clause of "every time" is the joke's world, not the teller's lot
    joke = "I took a job at a clock shop, but every time the boss walks past, the cuckoos hide."
    assert not happens_again(joke)
    # ... and the clause it leads into is the joke's scene, even beside the teller
    scene = "I took a job at a zoo. Every time the keeper yawns, the lion yawns next to me!"
    assert not happens_again(scene)
    assert reads_as_joke(joke, 0.95) and not reads_as_joke(joke, 0.3)


@pytest.mark.parametrize(
    "text",
    [
        # our own texts: the writer wronged in the job search or at work
        "wait did that staffing agency just ghost me after the site visit??",
        "the hiring manager ghosted us after we sent three shortlists",
        "they rejected me by text message at 11pm, classy",
        "the agency charged me a placement fee out of my first paycheck",
        "my old staffing agency keeps billing us a cancellation fee",
        "the portal asked me to re-enter my whole work history after uploading my CV",
        "HR asks us to resubmit the same form every quarter",
        "how many times is this app going to log me out mid-application",
        "How many more times do I have to explain my employment gap",
        "they're gonna make me reapply for my own job",
    ],
)
def test_a_wrong_done_to_the_writer_is_a_complaint(text: str) -> None:
    assert complains_of_a_wrong(text)
    assert not reads_as_joke(text, 0.96)


@pytest.mark.parametrize(
    "text",
    [
        "Why did the ghost apply for the night shift? He heard it was a dead-end job.",
        "The bakery charged me $4 for a bagel and called it artisanal",
        "They charged me with being too enthusiastic in the interview",
        "My manager told me to take more initiative, so I took the afternoon off",
        "I was ghostwriting my boss's speech and he thanked the ghost",
        "the intern asked me to explain what a fax machine is",
        "how many recruiters does it take to change a lightbulb",
        "our team rejected the pineapple pizza proposal unanimously",
        "the printer rejected my password so I rejected the printer",
        "How many times a week do you post on LinkedIn?",
        "Ghost kitchens are hiring line cooks now",
        "My cat billed me for her emotional labour this morning",
        "The new ATS asked us to rate our own resumes, fun",
        "Who ghost-writes the CEO's posts? Asking for a friend",
        "We charge no fee to candidates, ever",
    ],
)
def test_other_talk_with_the_same_words_is_no_such_complaint(text: str) -> None:
    assert not complains_of_a_wrong(text)


@pytest.mark.parametrize(
    "text",
    [
        # our own texts: the wrong laughed at, or done by no one at work
        "My dog ghosted me the second the mail carrier showed up. Loyalty 😂",
        "the copier rejected me four times before lunch, it can smell Friday lol",
        "the parking garage charged me a lost ticket fee and I never got a ticket haha",
        "My son asked me to re-do his volcano model, I am now a geologist",
        "The toaster rejected me this morning, burnt offerings only",
    ],
)
def test_a_wrong_laughed_at_or_done_by_no_one_at_work_stays_a_joke(text: str) -> None:
    assert not complains_of_a_wrong(text)
    assert reads_as_joke(text, 0.96)
