"""Mix's advice (staffpulse.audit.mix_advice): how a feed of job ads is told of them, and what a
feed with no original post is told from what it holds instead."""

from __future__ import annotations

from typing import Any

import pytest

from staffpulse.audit.config import DEFAULTS
from staffpulse.audit.mix_advice import mix_advice


def _no_originals(replies: int, reposts: int) -> dict[str, Any]:
    return {
        "original_posts": 0,
        "job_share": None,
        "recent": {"posts": 0, "job_ads": 0},
        "replies": replies,
        "reposts": reposts,
    }


@pytest.mark.parametrize(
    ("replies", "reposts", "lead", "said"),
    [
        (1, 3, "Your posts are 1 reply and 3 reposts", "only replies and reposts"),
        (1, 0, "Your one post is a reply", "its one post is a reply"),
        (2, 0, "Both your posts are replies", "both its posts are replies"),  # not "All 2 of"
        (56, 0, "All 56 of your posts are replies", "all 56 are replies"),
    ],
)
def test_a_feed_of_replies_is_told_what_it_holds(
    replies: int, reposts: int, lead: str, said: str
) -> None:
    (advice,) = mix_advice(_no_originals(replies, reposts), DEFAULTS)
    assert advice.startswith(f"{lead}: there is no post of your own to judge. Keep answering")
    assert advice.headline == f"Add posts of its own: {said}"  # type: ignore[attr-defined]


def test_a_help_desk_is_offered_news_a_desk_has_not_an_opening() -> None:
    # QA: a phone maker's care desk was told to post "news they need (an opening, a change)"
    from staffpulse.audit.account_kind import AccountKind

    (desk,) = mix_advice(_no_originals(56, 0), DEFAULTS, AccountKind.HELP_DESK)
    assert "news they need (an outage, a fix)" in desk and "opening" not in desk
    (anyone,) = mix_advice(_no_originals(56, 0), DEFAULTS)
    assert "news they need (an opening, a change)" in anyone


def test_a_feed_of_reposts_only_is_still_told_to_start_posting() -> None:
    (advice,) = mix_advice(_no_originals(0, 4), DEFAULTS)
    assert advice.startswith("There are no original posts to judge. Aim for three a week")


def _ads(n: int, ads: int, last_ads: int) -> dict[str, Any]:
    return {
        "original_posts": n,
        "job_ads": ads,
        "job_share": round(ads / n, 3),
        "recent": {"posts": 10, "job_ads": last_ads},
        "longest_streak": 0,
        "worst_streaks": [],
        "trend": {"direction": "steady", "recent": 0.0, "before": 0.0},
    }


def test_a_feed_of_nothing_but_job_ads_is_told_so_of_all_of_them() -> None:
    # "10 of your last 10 posts were job ads (100% overall)" undersold 224 ads in a row
    advice = mix_advice(_ads(224, 224, 10), DEFAULTS)[0]
    assert advice.startswith("All 224 of your original posts are job ads. Alternate each job")
    headline = advice.headline  # type: ignore[attr-defined]
    assert headline == "Post fewer job ads: all 224 original posts are job ads"
    # its one run is the whole feed: no second tip saying "224 job ads in a row" again
    run = {"length": 224, "from": "2026-05-23", "to": "2026-11-19"}
    every = _ads(224, 224, 10) | {"longest_streak": 224, "worst_streaks": [run]}
    assert not any("in a row" in tip for tip in mix_advice(every, DEFAULTS))
    part = _ads(300, 250, 10) | {"longest_streak": 224, "worst_streaks": [run]}
    assert mix_advice(part, DEFAULTS)[1].startswith("Your longest run was 224 job ads in a row")


def test_last_posts_all_ads_are_said_as_all_not_ten_of_ten() -> None:
    advice = mix_advice(_ads(50, 40, 10), DEFAULTS)[0]
    assert advice.startswith("All of your last 10 posts were job ads (80% overall).")
    headline = advice.headline  # type: ignore[attr-defined]
    assert headline == "Post fewer job ads: all of the last 10 posts were job ads (80% overall)"


def test_a_share_rounded_to_a_whole_is_not_told_as_every_post() -> None:
    # 2,499 ads of 2,500 round to a share of 1.0: "all 2,500" would be untrue
    advice = mix_advice(_ads(2500, 2499, 9), DEFAULTS)[0]
    assert advice.startswith("9 of your last 10 posts were job ads (100% overall).")
