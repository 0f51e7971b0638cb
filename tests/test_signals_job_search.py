"""A post about the writer's job search is about work; the same words in other senses, and a
rejection or a count of applications with no job word beside it, are not."""

from __future__ import annotations

import numpy as np
import pytest

from staffpulse.signals import pattern_bounds
from staffpulse.signals.job_search import JOB_SEARCH_WORK_TOPIC, find_job_search_talk
from staffpulse.signals.text import load_text_signals

JOB_SEARCH_POSTS = [
    # a step that other applications share, beside a job word
    "fourth rejection email this week for roles I was perfect for",
    "sent out 25 applications since Monday, one callback so far",
    "automated rejection from the employer two minutes after I hit submit",
    "another form rejection, third position this month that never even looked at my resume",
    "submitted 30 applications through LinkedIn and nothing",
    "the ATS sent me a rejection email at 3am",
    "put in 15 applications for internships this spring",
    "got a generic rejection for a role I interviewed for twice",
    "filled out 8 applications and updated my CV for each one",
    "rejection emails from recruiters hit harder on a Monday",
    "sent 50 applications, zero interviews, what am I doing wrong",
    "auto rejection from a hiring portal before I even finished my coffee",
    # steps of a job search alone
    "anyone else's cover letter take longer than the actual application?",
    "they want 5 years experience for an entry level role, make it make sense",
    "got ghosted by a recruiter again after the final round",
    "this recruiter just ghosted me after three rounds",
    "the job hunt is eating my whole weekend",
    "second interview tomorrow, wish me luck",
    "applied to a dozen jobs today and I am running on fumes",
    "my phone interview got rescheduled for the third time",
    "Job fair at the library on Saturday, bring copies of everything",
]

OTHER_POSTS = [
    # a rejection or a count of applications with no job word: a grad school, a bank, a magazine
    # or a dating app sends them too
    "Put in 4 applications for a rental flat, all turned down",
    "sent out 6 applications to art residencies, fingers crossed",
    "rejection email from the poetry journal arrived during breakfast",
    "automated rejection from the bank for my credit card upgrade",
    "submitted 3 applications for the community garden plot",
    "filled out two applications for the pet shelter, still waiting",
    "form rejection from the film festival, on to the next one",
    "Sent so many applications to the scholarship board this fall",
    "another rejection email from the university I wanted most",
    "auto rejection on the dating site, even the bots swipe left",
    "put in 3 applications for a car loan and all three said no",
    "submitted 20 applications to the photo contest, zero wins",
    "my kid sent out 7 applications to colleges on the east coast",
    "generic rejection from the comedy club open mic lineup",
    "rejection mail from the allotment lottery for the third year",
    "another automated rejection at 2am, love that for me",
    "third rejection email this week, not sure how much longer I can keep doing this",
    "sent out 40 applications this month and heard back from two",
    # the same words in other senses
    "my application to the housing co-op got rejected, back to square one",
    "third rejection from the literary magazine this year, still writing",
    "the interview with the band was the best part of the documentary",
    "I'm hunting for a decent ramen place in this town",
    "applied sunscreen twice and still burned",
    "this app keeps asking me to re-upload my profile photo",
    "got ghosted by my date after three dinners",
    "the search for my lost keys continues",
    "my college application essay is due Friday and I'm panicking",
    "can't believe the ref ghosted that penalty call",
    "rejection hurts more when it's your own sister",
    "my visa application is stuck again",
    "the podcast interview with the astronaut was incredible",
    "resume playback from where I left off please",
    "sea level rise is eating the beach one storm at a time",
    "ghost stories by the fire, best night of the summer",
    "In a second interview with the network, the senator dodged the question again",
]


@pytest.mark.parametrize("text", JOB_SEARCH_POSTS)
def test_a_step_of_a_job_search_is_found(text: str) -> None:
    assert find_job_search_talk([text])[0]


@pytest.mark.parametrize("text", OTHER_POSTS)
def test_the_same_words_in_another_sense_are_not(text: str) -> None:
    assert not find_job_search_talk([text])[0]


def test_a_batch_marks_only_its_job_search_posts() -> None:
    batch = [OTHER_POSTS[0], JOB_SEARCH_POSTS[0], "", OTHER_POSTS[6], JOB_SEARCH_POSTS[1]]
    assert find_job_search_talk(batch).tolist() == [False, True, False, False, True]


def test_a_discouraged_job_seeker_is_work_talk_to_the_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = load_text_signals()
    seeker = "the ATS sent me a rejection email at 3am"
    other = "rejection email from the poetry journal arrived during breakfast"
    scores = model.score([seeker, other])
    assert scores["work_topic"][0] >= JOB_SEARCH_WORK_TOPIC - 1e-6
    assert scores["work_topic"][0] >= model.thresholds_["work_topic"]
    assert scores["work_topic"][1] < model.thresholds_["work_topic"]
    # without the rule the model misses it; the rule lifts work_topic only
    monkeypatch.setattr(
        pattern_bounds, "find_job_search_talk", lambda texts: np.zeros(len(texts), dtype=bool)
    )
    unbounded = model.score([seeker, other])
    assert unbounded["work_topic"][0] < model.thresholds_["work_topic"]
    for signal in ("personality", "job_opening", "humor"):
        assert scores[signal][0] == pytest.approx(unbounded[signal][0])
