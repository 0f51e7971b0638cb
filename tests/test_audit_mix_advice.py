"""Mix's advice (staffpulse.audit.mix_advice) for a feed with no original post: what it holds
instead decides what it is told."""

from __future__ import annotations

from typing import Any

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


def test_a_feed_of_replies_and_reposts_is_told_what_it_holds() -> None:
    (advice,) = mix_advice(_no_originals(1, 3), DEFAULTS)
    assert advice.startswith("Your posts are 1 reply and 3 reposts: there is no post of your own")
    assert advice.headline == "Add posts of its own: only replies and reposts"  # type: ignore[attr-defined]


def test_one_reply_is_said_in_the_singular() -> None:
    (advice,) = mix_advice(_no_originals(1, 0), DEFAULTS)
    assert advice.startswith("Your one post is a reply: there is no post of your own to judge.")


def test_a_feed_of_reposts_only_is_still_told_to_start_posting() -> None:
    (advice,) = mix_advice(_no_originals(0, 4), DEFAULTS)
    assert advice.startswith("There are no original posts to judge. Aim for three a week")
