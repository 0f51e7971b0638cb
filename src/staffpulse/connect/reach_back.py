"""Ways to reach back in time to accounts left out as inactive: the ``--as-of`` or
``--inactive-days`` that would bring them back, for :mod:`staffpulse.connect.advice`."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from staffpulse.next_steps import AS_OF_DAY, INACTIVE_DAYS, LARGER_INACTIVE_DAYS, REACH_BACK

MOST_INACTIVE_DAYS = 36_500  # a century reaches back before any stored post
# Silent this many days before the ranking date, an account is left out as inactive: one
# default that connect, its advice, its commands to copy and the dashboard all read
DEFAULT_INACTIVE_DAYS = 90


def reach_back(
    last_posts: list[datetime], next_posts: list[datetime], ranked_as_of: datetime
) -> list[tuple[str, list[tuple[int | None, datetime | None]]]]:
    """Ways to reach the group's posts, best first: each is the option as said and the
    ``(inactive days, as-of)`` of every remedy it names. ``--as-of`` the day after the newest
    of their last posts ranks the circle as it was then; the ``--inactive-days`` that keeps
    all of them leaves the graph as it is; for accounts that posted only after the ranking
    date, ``--as-of`` the day after their first post. ``ranked_as_of``: the ranking's date."""
    ways: list[tuple[str, list[tuple[int | None, datetime | None]]]] = []
    if last_posts:
        oldest = min(last_posts)
        day, as_of = _day_after(max(last_posts))
        when = AS_OF_DAY.say(day=day)
        days = math.floor((ranked_as_of - oldest).total_seconds() / 86400) + 1
        if days <= MOST_INACTIVE_DAYS:
            either = REACH_BACK.say(day=day, days=days)
            ways.append((either, [(None, as_of), (days, None)]))
            ways.append((INACTIVE_DAYS.say(days=days), [(days, None)]))
        ways.append((when, [(None, as_of)]))
    if next_posts:
        when, as_of = as_of_after(min(next_posts))
        ways.append((when, [(None, as_of)]))
    if not ways:
        ways.append((LARGER_INACTIVE_DAYS.say(), [(MOST_INACTIVE_DAYS, None)]))
    return ways


def as_of_after(post: datetime) -> tuple[str, datetime]:
    """``--as-of`` the day after a post, and that date: the CLI reads a date as its
    midnight, which would leave the post itself out."""
    day, at = _day_after(post)
    return AS_OF_DAY.say(day=day), at


def _day_after(post: datetime) -> tuple[str, datetime]:
    at = datetime(post.year, post.month, post.day, tzinfo=post.tzinfo or UTC)
    at += timedelta(days=1)
    return f"{at:%Y-%m-%d}", at
