"""The shapes an audit produces (staffpulse.audit.types): the posts each pillar shows."""

from __future__ import annotations

import numpy as np

from audit_helpers import FakeScorer, FeedBuilder, audit_feed
from staffpulse.audit.engine import build_frame, texts_to_score
from staffpulse.audit.signals import score_texts
from staffpulse.audit.types import Frame, unique_texts

HUMAN_POSTS = [  # posts the test text model (audit_helpers.FakeScorer) calls human
    "Story time: our office dog juggles tennis balls lol",
    "I love the moment a candidate calls back to say they got it",
    "Honest take: pay ranges belong in every ad?",
    "My worst interview ever involved a parrot. Long story 😂",
    "Proud of Sam, who drove boots to a job site at 6am",
    "What is the one question you always ask a recruiter?",
    "I stopped writing 'rockstar' in ads and nobody missed it",
    "Tacos on Friday are now a company policy lol",
]


def _shown(feed: FeedBuilder) -> dict[str, list[str]]:
    pillars = audit_feed(feed).pillars
    return {name: [ex.text for ex in pillar.best] for name, pillar in pillars.items()}


def test_a_report_does_not_show_the_same_posts_to_imitate_under_two_pillars() -> None:
    # Mix and Voice both hold up human posts that are no job ad: a real archive's report
    # showed the same three posts under each
    feed = FeedBuilder("rosa")
    for text in HUMAN_POSTS:
        feed.post(text)
    feed.job(2)
    shown = _shown(feed)
    assert len(shown["mix"]) == 3 and len(shown["voice"]) == 3
    assert not set(shown["mix"]) & set(shown["voice"])


def test_a_pillar_with_no_other_post_to_show_keeps_its_own() -> None:
    feed = FeedBuilder("ana")
    feed.post(HUMAN_POSTS[0])
    feed.post(HUMAN_POSTS[1])
    feed.job(3)
    shown = _shown(feed)
    assert shown["mix"] and shown["voice"] == shown["mix"]  # better shown twice than none


def test_a_text_is_shown_once_whatever_its_spacing_case_and_leading_names() -> None:
    feed = FeedBuilder("rosa")
    feed.post("@ann Proud of Sam, who drove boots to a job site at 6am")
    feed.post("proud of Sam,  who drove boots to a job site at 6am")
    feed.post("Proud of Sam, who drove boots to a job site at 6am @ben")
    index, texts = texts_to_score(feed.posts)
    # no templating: near-copies would all be left out as templates
    signals = score_texts(texts, FakeScorer(), detect_templates=False)
    frame: Frame = build_frame(feed.posts, index, signals)
    assert unique_texts(frame, np.arange(3)).tolist() == [2]
    assert unique_texts(frame, np.arange(2)).tolist() == [1]
