"""A post that opens with the writer's feeling about what it shares is read as a human voice;
announcements, sales and job ads that open the same way are not."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from staffpulse.signals import felt_openers
from staffpulse.signals.batch_scan import SEP, top_level_alternatives
from staffpulse.signals.felt_openers import find_felt_openers
from staffpulse.signals.pattern_bounds import bound_by_patterns
from staffpulse.signals.shared_verdicts import VERDICT_SCORE
from staffpulse.signals.text import load_text_signals

FELT = [
    "So proud of our team https://news.example/award",
    "Really proud of what we built this year https://blog.example/recap",
    "Honestly thrilled about this https://paper.example/accepted",
    "Humbled by all the kind words https://reviews.example/book",
    "Super excited to see where this goes https://x.example/launch",
    "Wow! https://news.example/bridge",
    "Whoa. Our little library made the front page https://news.example/library",
    "oh my god\nhttps://video.example/otters",
]
NOT_FELT = [
    # an announcement's formula, a sale, a recruiter's call, a stack of tags: not a feeling
    "Proud to announce our new partnership with Acme https://press.example/acme",
    "Excited to share our spring lineup https://venue.example/spring",
    "Honored to be named a top workplace https://press.example/award",
    "So excited for our fall sale, 30% off all boots https://shop.example/boots",
    "Thrilled about our new openings! Apply today https://jobs.example/apply",
    "Wow #jobs #hiring #nursing https://jobs.example/rn",
    "Wowza deals this week https://shop.example/week",
    # the feeling is not what the post opens with
    "Our crew at the harbour 10K. So proud of them https://photos.example/10k",
]
# job ads and a brand's launches dressed as a feeling: an ad or a launch whatever it opens with
DRESSED_ADS = [
    "Proud of our nurses! Now recruiting RNs for nights https://careers.example/rn",
    "Wow! $25/hr for warehouse work in Dayton, 2nd shift https://jobs.example/d2",
    "Really proud of our recruiters! Check out our open roles https://careers.example/roles",
    "Honored by our Best Places to Work award! Come work with us https://careers.example/",
    "Omg. Night shift security officers, Reno, weekly pay https://jobs.example/sec",
]
DRESSED_LAUNCHES = [
    "Excited about our new product launch https://brand.example/launch",
    "Proud of our 2024 Sustainability Report https://brand.example/esg",
    "Wow! New spring collection https://store.example/spring",
    "WOW. Only 3 days left to get your tickets https://tickets.example/fest",
    "Impressed by these results? Book a demo today https://brand.example/demo",
]
BRAND_BROADCASTS = NOT_FELT[:4] + DRESSED_LAUNCHES


@pytest.mark.parametrize("text", FELT)
def test_a_post_opening_with_a_feeling_about_what_it_shares_is_found(text: str) -> None:
    assert find_felt_openers([text]).tolist() == [True]


@pytest.mark.parametrize("text", NOT_FELT + DRESSED_ADS + DRESSED_LAUNCHES)
def test_announcements_sales_ads_and_later_feelings_are_left_to_the_model(text: str) -> None:
    assert find_felt_openers([text]).tolist() == [False]


def test_the_team_and_the_verb_work_name_no_job() -> None:
    # "our team" and "it works" are no words of an ad: the feeling still counts
    texts = [
        "So proud of our team https://photos.example/team",
        "Wow, it works! https://x.example/d",
    ]
    assert find_felt_openers(texts).tolist() == [True, True]


def test_the_batch_finds_the_felt_openers_in_input_order() -> None:
    texts = [NOT_FELT[0], FELT[0], "", FELT[5], NOT_FELT[4], "Wow"]
    assert find_felt_openers(texts).tolist() == [False, True, False, True, False, True]


def test_a_felt_post_with_a_link_sounds_like_a_person_and_a_brand_broadcast_does_not() -> None:
    # the model alone scores these 0.04-0.26: the link outweighs the feeling
    model = load_text_signals()
    felt = model.score(FELT)
    assert model.labels(felt)["personality"].all()
    assert (felt["personality"] >= VERDICT_SCORE).all()
    assert not model.labels(model.score(BRAND_BROADCASTS))["personality"].any()


def test_a_job_ad_dressed_as_a_feeling_gets_no_voice() -> None:
    # the feeling rule lifted each of these to 0.5: a Voice credit for a firm posting ads
    model = load_text_signals()
    assert not model.labels(model.score(DRESSED_ADS))["personality"].any()


def test_a_job_ad_that_opens_with_a_cry_keeps_no_voice() -> None:
    ad = "Wow! Nurses wanted on nights, DM me your resume"
    assert find_felt_openers([ad]).tolist() == [False]  # it names work: no feeling credited
    held = np.array([[0.2, 0.9]], dtype=np.float32)
    bound_by_patterns(held, [ad], ["personality", "job_opening"])
    assert held[0, 0] <= 0.1  # and the job-ad bounds hold its voice down


# the opener is anchored on the batch's separator: a post that opens with one of its wordings
# is found alone and between other posts alike, and credits none of its neighbours
OPENERS = [
    pytest.param(re.compile(alt, felt_openers._FELT.flags), id=alt[:40])
    for opener in felt_openers._OPENERS
    for alt in top_level_alternatives(opener)
]


@pytest.mark.parametrize("opener", OPENERS)
def test_a_felt_opener_is_credited_to_its_own_post_in_a_batch(opener: re.Pattern[str]) -> None:
    @settings(max_examples=15, deadline=None, derandomize=True, database=None)
    @given(st.from_regex(opener, fullmatch=True, alphabet=st.characters(exclude_characters=SEP)))
    def credited_alone(text: str) -> None:
        alone = find_felt_openers([text]).tolist()
        batch = find_felt_openers(["Rain again today", text, "see the link"]).tolist()
        assert alone == [True], text
        assert batch == [False, True, False], text

    credited_alone()


# what the writer made, in their own words: personal experience beside its link
MADE = [
    "I built a tiny CLI that renames holiday photos by date https://git.example/rename",
    "I finally made a memory game for my niece https://toys.example/match",
    "I\u2019ve written a short guide to my sourdough starter https://blog.example/starter",
]
# a maker's opener on a sale, pay or a job board is promotion or work, left to the model
MADE_TO_SELL = [
    "I made a planner app, 30% off this week only https://shop.example/planner",
    "I made $500 in a week with this one trick https://x.example/trick",
    "I built a job board for night nurses https://board.example/rn",
]


def test_what_the_writer_made_sounds_like_a_person() -> None:
    assert find_felt_openers(MADE).tolist() == [True] * len(MADE)
    assert find_felt_openers(MADE_TO_SELL).tolist() == [False] * len(MADE_TO_SELL)
    model = load_text_signals()
    assert (model.score(MADE)["personality"] >= VERDICT_SCORE).all()
