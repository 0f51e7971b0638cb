"""One pass over a batch finds the posts a wording rule must read, in input order."""

from __future__ import annotations

import re

from staffpulse.signals.batch_scan import posts_matching


def test_each_match_is_credited_to_its_own_post_once() -> None:
    texts = ["we are hiring", "nothing here", "hiring now, hiring fast", "", "Hiring"]
    assert posts_matching(texts, (re.compile("hiring"),)) == [0, 2]
    assert posts_matching(texts, (re.compile("hiring"),), lower=True) == [0, 2, 4]


def test_a_pattern_may_anchor_on_the_start_of_any_post_the_first_included() -> None:
    # the separator stands before every post, so "starts with" reads the same for all of them
    starts_with_job = re.compile(r"\x1eJob:")
    texts = ["Job: Welder", "a Job: not at the start", "Job: Nurse"]
    assert posts_matching(texts, (starts_with_job,)) == [0, 2]


def test_several_patterns_and_no_posts() -> None:
    patterns = (re.compile("dm me"), re.compile("apply"))
    assert posts_matching(["apply today", "x", "dm me"], patterns) == [0, 2]
    assert posts_matching([], patterns) == []


def test_a_letter_that_lowers_to_two_still_credits_each_post_its_own_match() -> None:
    # "İ".lower() is two characters; thirty of them once moved every later match thirty places,
    # onto the next post: the ad after an Istanbul post was missed
    texts = ["İSTANBUL " + "İ" * 30, "Forklift operators wanted!", "hello there", "wanted"]
    assert posts_matching(texts, (re.compile(" wanted"),), lower=True) == [1]
    assert posts_matching(texts, (re.compile("wanted"),), lower=True) == [1, 3]
