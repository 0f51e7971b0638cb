"""X Analytics rows whose ids a spreadsheet rounded, read whole from their links."""

from __future__ import annotations

from pathlib import Path

from staffpulse.models import Post
from staffpulse.sources.base import Problem
from staffpulse.sources.x_analytics import XAnalytics
from staffpulse.store.core import Record

LINK = "https://twitter.com/AcmeStaffing/status/"
HEADER = "Tweet id;Tweet permalink;Tweet text;time;impressions;retweets;replies;likes\r\n"


def test_two_posts_given_one_link_are_not_merged_into_one(tmp_path: Path) -> None:
    # a permalink pasted over the next row's: both rows' rounded ids were read from it, so the
    # second post overwrote the first, told 'nothing was lost'
    path = tmp_path / "tweet_activity_metrics.csv"
    path.write_text(
        HEADER
        + f"6,1E+17;{LINK}1600000000000000004;Gate code is 4411 today;2022-12-06 05:31 +0000;"
        "10;0;0;2\r\n"
        f"1,6E+18;{LINK}1600000000000000004;Vans leave from bay two;2022-12-06 05:31 +0000;"
        "10;0;0;3\r\n"
        # the same row twice is one post: kept, not told
        f"6,1E+17;{LINK}1600000000000000004;Gate code is 4411 today;2022-12-06 05:31 +0000;"
        "10;0;0;2\r\n",
        encoding="utf-8",
    )
    items = list(XAnalytics().read(path))
    posts = [r for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post)]
    assert [(p.id, p.text) for p in posts] == [
        ("1600000000000000004", "Gate code is 4411 today"),
        ("1600000000000000004", "Gate code is 4411 today"),
    ]
    (skipped,) = [i for i in items if isinstance(i, Problem)]
    assert skipped.line == 3
    assert "its link is the one of line 2 (post 1600000000000000004)" in skipped.message
    assert "export the file from X Analytics again" in skipped.message
