"""A person's verdict on someone's work, shared with a link, is read as a human voice."""

from __future__ import annotations

import numpy as np
import pytest

from staffpulse.signals.pattern_bounds import bound_by_patterns
from staffpulse.signals.shared_verdicts import VERDICT_SCORE, find_shared_verdicts
from staffpulse.signals.text import load_text_signals

VERDICTS = [
    "Great talk from @priya_codes on service workers https://talks.example/sw",
    "Nice write-up from @ops_tom about flaky CI runners -> https://blog.example/ci",
    "Fascinating piece on how lighthouses were lit https://read.example/lamps",
    "Really good keynote on state machines in the UI - https://slides.example/fsm",
    "Neat summary of terminal shortcuts https://list.example/term",
    "Brilliant work by @ana and @li at the design summit https://summit.example/paper",
    "A great read from @jo on the history of the kettle https://read.example/kettle",
    "Nice write up by @mo on tiling window managers https://blog.example/wm",
    # "our" that names no part of the writer's firm
    "Great video from @junebug on the place of music in our lives https://v.example/music",
    # talk about hiring and applying is no call to a job
    "Great read from @ravi on hiring bias in tech https://read.example/bias",
    "Nice write up on how to apply for a work visa https://blog.example/visa",
]
# job ads dressed as a verdict: pay, a call to message or apply, roles open
DRESSED_ADS = [
    "Nice write up by the Gazette on our warehouse jobs, starting $20/hr https://jobs.example/wh",
    "Great video from Crestline on life as a CDL driver here, sign-on bonus https://jobs.example/c",
    "Awesome recap of the career fair: we still have welding roles open, DM us https://jobs.example/w",
    "Nice piece on second-shift machinists; positions available now https://jobs.example/m",
    "Great write up on our summer internship, applications close Friday https://jobs.example/i",
]
NOT_VERDICTS = [
    # a brand praising its own content, a verdict with no piece of work, a job ad's opener
    "Great read from our team on payroll deadlines https://blog.example/payroll",
    # a brand praising its own work under its own name, then naming a part of its firm
    "Nice video from Acme Staffing about our new office https://v.example/office",
    "Great write-up by Harbor Temps on what our recruiters learned https://blog.example/r",
    "Great video from Acme Staffing on our culture https://v.example/culture",
    # a sale
    "Great write up by the Acme team on the spring sale https://shop.example/spring",
    "So slick https://x.example/app",
    "Great job at Harbor Foods, nights, $19/hr. Apply: https://jobs.example/hf",
    "Great work everyone, see you Monday",
    "New post: five tips for your first interview https://blog.example/tips",
    # the verdict is not what the post opens with
    "Our CEO on hiring trends. Lovely talk from @dana https://x.example/talk",
]


@pytest.mark.parametrize("text", VERDICTS)
def test_a_post_opening_with_a_verdict_on_someones_work_is_found(text: str) -> None:
    assert find_shared_verdicts([text]).tolist() == [True]


@pytest.mark.parametrize("text", NOT_VERDICTS + DRESSED_ADS)
def test_self_praise_bare_cries_ads_and_later_verdicts_are_left_to_the_model(text: str) -> None:
    assert find_shared_verdicts([text]).tolist() == [False]


def test_the_batch_finds_the_verdicts_in_input_order() -> None:
    texts = [NOT_VERDICTS[0], VERDICTS[0], "", VERDICTS[1], NOT_VERDICTS[1]]
    assert find_shared_verdicts(texts).tolist() == [False, True, False, True, False]


def test_a_verdict_with_a_link_sounds_like_a_person_and_an_ad_still_does_not() -> None:
    # the model alone scores such a post far below the threshold: the link outweighs the words
    model = load_text_signals()
    scores = model.score(VERDICTS)
    assert model.labels(scores)["personality"].all()
    assert (scores["personality"] >= VERDICT_SCORE).all()
    ad = "Great video from @harborfoods on night shifts! Nurses wanted, DM me your resume"
    assert find_shared_verdicts([ad]).tolist() == [False]  # "DM me": a call to a job
    held = np.array([[0.2, 0.9]], dtype=np.float32)
    bound_by_patterns(held, [ad], ["personality", "job_opening"])
    assert held[0, 0] <= 0.1  # and the job-ad bounds hold its voice down


def test_a_job_ad_dressed_as_a_verdict_gets_no_voice() -> None:
    # the verdict rule lifted each of these to 0.5: a Voice credit for a firm posting ads
    model = load_text_signals()
    assert not model.labels(model.score(DRESSED_ADS))["personality"].any()


def test_a_brand_praising_its_own_video_stays_a_broadcast() -> None:
    # the verdict rule lifted it to 0.5; the model alone reads the brand's self-praise as one
    model = load_text_signals()
    scores = model.score(["Nice video from Acme Staffing about our new office https://v.example/o"])
    assert not model.labels(scores)["personality"].any()
