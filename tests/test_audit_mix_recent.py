"""Mix of a feed that has just turned into a job board: its last posts are mostly job ads
while its share over the whole window still looks fine."""

from __future__ import annotations

from audit_helpers import FakeScorer, FeedBuilder, audit_feed
from staffpulse.audit.types import Pressing


def _turned_job_board() -> FeedBuilder:
    feed = FeedBuilder("harborish")
    for i in range(5):  # an old run of 5 ads, the longest
        feed.post(f"Old opening {i}: we're hiring a welder in Akron! Apply: https://j.example/o{i}")
    feed.chat(17)
    feed.reply("sam", 8)
    feed.job(4)
    feed.chat(2)
    feed.job(4)  # 8 of the last 10 original posts are ads, 13 of 32 overall (41%)
    return feed


def test_a_feed_that_just_turned_into_a_job_board_hears_it_in_do_this_next() -> None:
    # a real feed whose last 10 posts held 8 ads (38% overall) scored 87 on Mix: its advice
    # was worth 3 points and stayed in the Mix panel, below three other actions
    audit = audit_feed(_turned_job_board())
    mix = audit.pillars["mix"]
    assert mix.evidence["recent"] == {"posts": 10, "job_ads": 8}
    assert isinstance(mix.recommendations[0], Pressing)
    assert mix.recommendations[0].startswith(
        "8 of your last 10 posts were job ads (41% overall): whoever opens your profile now "
        "sees a job board."
    )
    assert "mix" in [action["pillar"] for action in audit.top_actions]
    # "Holding you back" shows the ads a visitor sees now, latest first, not the old run
    worst = [example.text for example in mix.worst]
    assert worst and all(text.startswith("We're hiring a forklift") for text in worst)
    assert mix.worst[0].why == "one of 8 job ads among the last 10 posts"


def test_recent_ads_under_the_share_allowed_overall_are_still_told() -> None:
    # 8 ads among the last 10, but only 8 of 40 overall (20%): no Mix advice at all before
    feed = FeedBuilder("quietturn")
    feed.chat(30)
    feed.job(4)
    feed.chat(2)
    feed.job(4)
    mix = audit_feed(feed).pillars["mix"]
    assert mix.recommendations[0].startswith("8 of your last 10 posts were job ads (20% overall)")


def test_a_few_recent_ads_are_no_emergency() -> None:
    feed = FeedBuilder("steady")
    feed.job(20)
    feed.chat(10)
    feed.job(5)
    feed.chat(5)  # 5 of the last 10: said in the panel, not pressed into "Do this next"
    mix = audit_feed(feed).pillars["mix"]
    assert mix.recommendations[0].startswith("5 of your last 10 posts were job ads")
    assert not isinstance(mix.recommendations[0], Pressing)


def test_the_latest_ads_shown_leave_out_one_shared_with_followers_only() -> None:
    from staffpulse.audit.config import audit_settings
    from staffpulse.audit.engine import compute_audit, original_mask, texts_to_score
    from staffpulse.audit.signals import score_texts
    from staffpulse.audit.types import AccountData

    feed = _turned_job_board()
    latest = feed.posts[-1]  # the latest ad: followers only, so never quoted in a report
    data = AccountData(
        feed.account(), list(feed.posts), [], {}, followers_only=frozenset({latest.id})
    )
    index, texts = texts_to_score(data.posts)
    signals = score_texts(texts, FakeScorer(), template_mask=original_mask(data.posts, index))
    mix = compute_audit(data, signals, audit_settings({})).pillars["mix"]
    assert mix.evidence["recent"] == {"posts": 10, "job_ads": 8}  # still counted
    shown = [example.text for example in mix.worst]
    assert len(shown) == 3 and latest.text not in shown
