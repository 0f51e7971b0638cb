"""The shapes an audit produces (staffpulse.audit.types): the posts each pillar shows."""

from __future__ import annotations

from audit_helpers import FeedBuilder, audit_feed

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
