from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from audit_helpers import FeedBuilder, audit_feed
from staffpulse.audit.config import DEFAULTS
from staffpulse.audit.conversation import conversation_score


def test_score_without_responsiveness_uses_other_parts() -> None:
    full = conversation_score(0.3, 0.2, 25, 0.1, None, DEFAULTS)
    assert round(full) == 100
    assert conversation_score(0.3, 0.2, 25, 0.1, 0.0, DEFAULTS) < full


def test_responsiveness_counts_answers_and_time() -> None:
    feed = FeedBuilder("rosa")
    feed.chat(4)
    for i in range(6):
        feed.mention_by(f"fan{i}", answered=i < 4)
    conv = audit_feed(feed).pillars["conversation"]
    ev = conv.evidence
    assert ev["mentions_known"] == 6 and ev["mentions_answered"] == 4
    assert ev["median_hours_to_answer"] == 5.0
    assert conv.recommendations[0].startswith("2 of 6 mentions of you got no answer")
    assert len(conv.worst) == 2 and "no answer" in conv.worst[0].why


def test_quick_answers_read_in_minutes() -> None:
    from staffpulse.report.audit_view import figures

    feed = FeedBuilder("rosa")
    feed.chat(4)
    for i in range(6):
        feed.mention_by(f"fan{i}", answered=True)
    result = audit_feed(feed)
    evidence = result.pillars["conversation"].evidence
    for hours, shown in ((2 / 60, "median 2 min"), (0.004, "median under a minute")):
        evidence["median_hours_to_answer"] = hours
        assert ("Mentions answered", f"6 of 6, {shown}") in figures(result)["conversation"]


def test_advice_for_a_single_post_reads_right() -> None:
    feed = FeedBuilder("rosa")
    feed.chat(1)
    recs = audit_feed(feed).pillars["conversation"].recommendations
    assert any(r.startswith("Your one post is not a reply to anyone.") for r in recs)
    assert not any("1 posts" in r for r in recs)


def test_engaged_accounts_windows() -> None:
    feed = FeedBuilder("rosa")
    feed.reply("old_friend")
    feed.clock = feed.clock.replace(month=6)
    feed.reply("new_friend")
    feed.reply("rosa")  # a thread with oneself engages nobody
    ev = audit_feed(feed).pillars["conversation"].evidence
    assert ev["accounts_engaged_30d"] == 1
    assert ev["accounts_engaged_total"] == 2
    assert ev["replies"] == 2


def test_inbox_count_feeds_the_advice_only_once_something_was_listened_to() -> None:
    from audit_helpers import PERSON, FakeScorer
    from staffpulse.audit.config import audit_settings
    from staffpulse.audit.engine import AccountData, compute_audit, original_mask, texts_to_score
    from staffpulse.audit.signals import score_texts
    from staffpulse.report.audit_view import figures

    feed = FeedBuilder("acme")
    feed.job(10)

    def audit(joined: int | None) -> Any:
        data = AccountData(feed.account(), list(feed.posts), [], {}, joined)
        index, texts = texts_to_score(data.posts)
        signals = score_texts(texts, FakeScorer(), template_mask=original_mask(data.posts, index))
        return compute_audit(data, signals, audit_settings({}), avatar=PERSON)

    never, none_yet, some = audit(None), audit(0), audit(3)
    assert never.pillars["conversation"].score == some.pillars["conversation"].score
    assert not any("inbox" in r for r in never.pillars["conversation"].recommendations)
    assert any("inbox" in r for r in none_yet.pillars["conversation"].recommendations)
    labels = [label for label, _ in figures(never)["conversation"]]
    assert "Inbox conversations joined" not in labels  # no false "0" before any listening
    assert ("Inbox conversations joined", "3 conversations") in figures(some)["conversation"]


def test_few_mentions_are_not_scored() -> None:
    feed = FeedBuilder("rosa")
    feed.chat(3)
    conv = audit_feed(feed).pillars["conversation"]
    assert "responsiveness" not in conv.evidence["parts"]
    assert conv.notes


@settings(max_examples=25, deadline=None)
@given(posts=st.integers(1, 15), replies=st.integers(0, 10), extra=st.integers(1, 10))
def test_more_replies_raise_conversation(posts: int, replies: int, extra: int) -> None:
    def score(n_replies: int) -> int:
        feed = FeedBuilder("acme")
        feed.job(posts)
        for i in range(n_replies):
            feed.reply(f"peer{i}")
        return int(audit_feed(feed).pillars["conversation"].score)

    assert score(replies + extra) >= score(replies)
    if replies == 0:
        assert score(extra) > score(0)
