"""The --as-of and --inactive-days that advice offers for accounts left out as inactive."""

from __future__ import annotations

from datetime import UTC, datetime

from staffpulse.connect.reach_back import MOST_INACTIVE_DAYS, reach_back

RANKED = datetime(2026, 11, 1, 12, tzinfo=UTC)


def test_silent_accounts_are_reached_by_the_day_after_their_newest_post_or_enough_days() -> None:
    last = [datetime(2026, 5, 3, 9, tzinfo=UTC), datetime(2026, 6, 10, 18, tzinfo=UTC)]
    ways = reach_back(last, [], RANKED)
    said = [text for text, _ in ways]
    # the day after, not the day itself: a date is read as its midnight
    assert said[0] == "--as-of 2026-06-11 (or --inactive-days 183)"
    assert said[1:] == ["--inactive-days 183", "--as-of 2026-06-11"]
    assert ways[1][1] == [(183, None)]


def test_accounts_posting_only_after_the_ranking_date_are_reached_by_a_later_as_of() -> None:
    ways = reach_back([], [datetime(2026, 12, 24, tzinfo=UTC)], RANKED)
    assert ways == [("--as-of 2026-12-25", [(None, datetime(2026, 12, 25, tzinfo=UTC))])]


def test_no_known_post_leaves_only_a_larger_inactive_days() -> None:
    assert reach_back([], [], RANKED) == [
        ("a larger --inactive-days", [(MOST_INACTIVE_DAYS, None)])
    ]
