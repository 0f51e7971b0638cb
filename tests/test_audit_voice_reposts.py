"""Voice beside reposts: a feed of reposts only or mostly is told to write its own, and the
advice beside reposts names the posts the account wrote, as the figures do."""

from __future__ import annotations

from audit_helpers import FeedBuilder, audit_feed
from staffpulse.audit.advice import top_actions
from staffpulse.audit.config import DEFAULTS


def test_an_account_that_only_reposts_is_told_to_write_its_own_posts() -> None:
    feed = FeedBuilder("echo")
    for i in range(12):
        feed.post(f"RT @peer{i}: great tips", kind="repost", reposted_post_id=f"p{i}")
    result = audit_feed(feed)
    assert not result.pillars["voice"].scored
    first = result.top_actions[0]
    assert first["pillar"] == "voice"
    assert first["action"].startswith("All 12 of your posts are reposts of others: write your own")


def test_an_account_that_only_reposts_is_headlined_to_write_its_own_posts() -> None:
    from staffpulse.audit.voice import _only_reposts

    assert _only_reposts(3).headline == "Write its own posts: all 3 of its posts are reposts"
    assert _only_reposts(1).headline == "Write its own posts: its one post is a repost"


def test_the_voice_advice_names_its_posts_as_the_figures_do_beside_reposts() -> None:
    # "Only 1 of 9 posts" under a header of 14 posts read as a miscount: the figure beside it
    # says "of 9 posts you wrote"
    from audit_helpers import FeedBuilder, audit_feed

    feed = FeedBuilder("rosa")
    feed.job(8)
    feed.chat(1)
    recs = audit_feed(feed).pillars["voice"].recommendations
    assert any(r.startswith("Only 1 of 9 posts (11%) sounds") for r in recs), recs
    for i in range(5):
        feed.post(f"RT @sam: shift news {i}", kind="repost")
    recs = audit_feed(feed).pillars["voice"].recommendations
    assert any(r.startswith("Only 1 of the 9 posts you wrote (11%) sounds") for r in recs), recs
    assert any(r.startswith("None of the 9 posts you wrote reads as light") for r in recs), recs


def test_the_advice_on_one_or_two_posts_names_them_as_the_figure_does_beside_reposts() -> None:
    # "Neither of your 2 posts" beside a figure of "2 posts you wrote" and 6 reposts read as
    # a miscount of the 8 posts in the header
    for n, person, humor in (
        (1, "The one post you wrote does not sound", "in the one post you wrote (our"),
        (2, "Neither of the 2 posts you wrote sounds", "in the 2 posts you wrote (our"),
    ):
        feed = FeedBuilder("rosa")
        for i in range(n):
            feed.post(f"Welder needed in Akron, day shift {i}. Apply: https://j.example/{i}")
        for i in range(6):
            feed.post(f"RT @sam: plant news {i}", kind="repost")
        recs = audit_feed(feed).pillars["voice"].recommendations
        assert any(r.startswith(person) for r in recs), recs
        assert any(r.startswith(f"We found nothing light or funny {humor}") for r in recs), recs
        assert not any("your 2 posts" in r or "your one post" in r for r in recs), recs


def test_the_rough_note_beside_reposts_counts_the_posts_you_wrote() -> None:
    # "only 2 posts to judge" under a header of 30 posts, 28 of them reposts
    feed = FeedBuilder("rosa")
    feed.chat(2)
    for i in range(5):
        feed.post(f"RT @sam: plant news {i}", kind="repost")
    notes = audit_feed(feed).pillars["voice"].notes
    assert "only 2 posts you wrote to judge: the shares are rough" in notes


def test_a_feed_mostly_of_reposts_is_told_to_write_more_of_its_own() -> None:
    # 28 reposts of 30 got no word about it: only a feed with no post of its own was told
    feed = FeedBuilder("mostlyshares")
    feed.post("My story: the night shift taught me more than any course 😂")
    feed.post("Honest question: what made you stay at your first job?")
    for i in range(10):
        feed.post(f"RT {i}", kind="repost", reposted_post_id=f"elsewhere{i}")
    audit = audit_feed(feed)
    advice = audit.pillars["voice"].recommendations
    assert advice[-1].startswith("10 of your 12 posts are reposts of others")
    assert not any(a.startswith("Keep it up") or "keep it up" in a for a in advice)
    action = next(a for a in top_actions(audit.pillars, DEFAULTS["weights"], limit=9)
                  if a["headline"].startswith("Write more of its own"))  # fmt: skip
    assert action["headline"] == "Write more of its own: 10 of 12 posts are reposts"
    assert action["points"] == 0  # reposts are not scored: writing more moves no score alone
    fewer = FeedBuilder("someshares")
    fewer.chat(6)
    for i in range(4):
        fewer.post(f"RT {i}", kind="repost", reposted_post_id=f"elsewhere{i}")
    assert not any(
        "reposts of others" in a for a in audit_feed(fewer).pillars["voice"].recommendations
    )


def test_reposts_of_its_own_posts_are_not_called_reposts_of_others() -> None:
    # a job board re-sharing its own two ads eight times was told "8 of your 10 posts are
    # reposts of others: whoever opens your profile hears others more than you"
    told = []
    for shared in ("own", "others"):
        feed = FeedBuilder("reshares")
        ads = [feed.post(f"Welder wanted in Akron, shift {i}. Apply: https://j.example/{i}") for i in range(2)]  # fmt: skip
        for i in range(8):
            of = ads[i % 2].id if shared == "own" else f"elsewhere{i}"
            author = "reshares" if shared == "own" else f"peer{i}"
            feed.post(f"RT @{author}: Welder wanted", kind="repost", reposted_post_id=of)
        advice = audit_feed(feed).pillars["voice"].recommendations
        told.append(any(a.startswith("8 of your 10 posts are reposts of others") for a in advice))
    assert told == [False, True]
