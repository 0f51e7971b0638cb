"""What X reads cost: per-item rates from the config, run estimates, and the budget guard.

X's API v2 is pay-per-use. Every fetch prints an upper-bound estimate before it starts, and
``Budget`` counts reads as they happen so that no page is requested that could pass the cap.

X bills each resource in a successful answer it sent (docs.x.com, "Usage and Billing"), even
one that never arrived: a request that timed out after reaching X may have been billed, and
its retry reads the same page again. X does not bill the same post twice in a UTC day, but
only as "a soft guarantee" (outages, the time timeouts happen, are its exception). So an
answer lost that way is counted apart, at its page's worst case: the budget keeps room for it,
and the cost line says what X may have billed on top of the reads received.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from staffpulse.config import setting_float
from staffpulse.errors import InputError
from staffpulse.fetch.common import FetchReport
from staffpulse.report.counts import count_of

TIMELINE_CAP = 3200  # X serves no more of a timeline: also the default of a timeline fetch
SEARCH_POSTS = 100  # results of a recent search when no number is given
# an account's mentions read when no number is given (fetch x, refresh): each costs a post
# and a user read
DEFAULT_MAX_MENTIONS = 100
MENTIONS_CAP = 800  # X serves no more of an account's mentions than its newest 800
MAX_PAGE = 100
# Worst case per search result: the post, up to two referenced posts (replied to and quoted),
# and the authors of all three. Pages are sized with this so that even a full page of quote
# replies cannot pass the budget; the actual reads returned are what is charged.
SEARCH_POSTS_PER_RESULT = SEARCH_USERS_PER_RESULT = 3


def money(amount: float) -> str:
    """USD with two decimals (``$0.50``, ``$16.01``); more only for fractions of a cent, so
    that a per-read rate of ``$0.005`` is not shown as ``$0.01``."""
    text = f"{amount:,.2f}"
    if abs(amount - round(amount, 2)) > 1e-9:
        text = f"{amount:,.4f}".rstrip("0")
        if text.endswith("."):  # under $0.00005: too small to show
            return "under $0.0001"
    return f"${text}"


def lost_answers_note(report: FetchReport) -> str | None:
    """What X may have billed beyond the reads received, for answers that timed out after
    reaching it ("X may also have billed up to $0.50 for 1 answer that ..."), or None."""
    if not report.lost_answers:
        return None
    lost = count_of(report.lost_answers, "answer")
    verb = "was" if report.lost_answers == 1 else "were"
    return (
        f"X may also have billed up to {money(report.lost_answers_usd)} for {lost} that"
        f" {verb} lost to a timeout: X bills what it sends, though a post read again the same"
        " day is usually billed once"
    )


def check_budget(budget: float | None) -> None:
    """A budget (USD) must be a number above 0; None means no cap."""
    if budget is not None and not (math.isfinite(budget) and budget > 0):
        raise InputError(
            f"--budget {budget:g}: must be more than 0 (USD)",
            hint="give the most the run may spend, e.g. --budget 2.50, or leave --budget out",
        )


@dataclass(frozen=True, slots=True)
class Rates:
    post: float
    user: float

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Rates:
        return cls(
            post=setting_float(config, "x", "cost_per_post_read", minimum=0),
            user=setting_float(config, "x", "cost_per_user_read", minimum=0),
        )


def estimate_cost(rates: Rates, max_posts: int | None, max_mentions: int) -> dict[str, float]:
    """Upper bound of a run: the user lookup, the timeline, mentions (each with its author),
    as many as X serves at most (:data:`TIMELINE_CAP` posts, :data:`MENTIONS_CAP` mentions).

    ``max_posts`` None is the fetcher's default: the whole timeline X serves."""
    timeline = min(TIMELINE_CAP if max_posts is None else max_posts, TIMELINE_CAP) * rates.post
    mentions = min(max_mentions, MENTIONS_CAP) * (rates.post + rates.user)
    return {
        "user_lookup": rates.user,
        "timeline": round(timeline, 6),
        "mentions": round(mentions, 6),
        "total": round(rates.user + timeline + mentions, 6),
    }


def estimate_search_cost(rates: Rates, max_posts: int | None) -> dict[str, float]:
    """Upper bound of a recent search: each result may bring two referenced posts and 3 authors.

    ``max_posts`` None is the fetcher's default, :data:`SEARCH_POSTS` results."""
    results = SEARCH_POSTS if max_posts is None else max_posts
    posts = results * SEARCH_POSTS_PER_RESULT
    users = results * SEARCH_USERS_PER_RESULT
    return {
        "post_reads": posts,
        "user_reads": users,
        "posts": round(posts * rates.post, 6),
        "users": round(users * rates.user, 6),
        "total": round(posts * rates.post + users * rates.user, 6),
    }


class Budget:
    """Reads counted as they happen; ``affordable`` says how many more items fit the cap."""

    def __init__(self, limit: float | None, rates: Rates, report: FetchReport) -> None:
        self.limit, self.rates, self.report = limit, rates, report

    def affordable(self, per_item: float) -> int:
        if self.limit is None or per_item <= 0:  # a rate of 0 (set in config.toml) costs nothing
            return MAX_PAGE
        left = self.limit - self.report.cost_usd - self.report.lost_answers_usd
        return max(0, math.floor(left / per_item + 1e-9))

    def charge(self, posts: int, users: int) -> None:
        self.report.post_reads += posts
        self.report.user_reads += users
        self.report.cost_usd += posts * self.rates.post + users * self.rates.user


@dataclass(frozen=True, slots=True)
class PageCost:
    """The most X can bill for one answer: ``items`` (a page's ``max_results``, 1 for a user
    lookup) at up to ``per_item`` USD each, within ``budget``; ``minimum`` is the smallest
    page X takes."""

    items: int
    per_item: float
    budget: Budget
    minimum: int = 1

    @property
    def usd(self) -> float:
        return self.items * self.per_item

    def refit(self) -> PageCost | None:
        """The request asked again after its answer was lost on the way: X may have billed
        that answer and bills the retry too, so the retry asks only for what the budget still
        covers with the lost answer counted (never more than before); None when not even
        ``minimum`` items fit."""
        size = min(self.items, self.budget.affordable(self.per_item))
        return replace(self, items=size) if size >= self.minimum else None
