"""What a ``staffpulse refresh`` run may read and spend (:mod:`staffpulse.fetch.refresh`): the
posts, mentions and follows each account's fetch may read, and the X accounts' worst-case cost,
worked out once before the run so that the opening line and the report say the same figure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from staffpulse.config import get_secret
from staffpulse.fetch.common import DEFAULT_MAX_FOLLOWS, check_count
from staffpulse.fetch.refresh_targets import RefreshPlan, RefreshTarget
from staffpulse.fetch.x_costs import DEFAULT_MAX_MENTIONS, Rates, check_budget, estimate_cost

# posts at most per account and run. A week of even a busy account fits; an account never
# fetched gets its newest ones, and only a run with a higher cap goes back past them (an
# archive import does too); a run capped before the posts of the last leaves the gap for the
# next (RangeCursor.walk)
DEFAULT_MAX_POSTS = {"x": 200, "bluesky": 1000, "mastodon": 400}


@dataclass(frozen=True, slots=True)
class RefreshLimits:
    """What each account's fetch may read (None: the platform's default)."""

    max_posts: int | None = None
    max_mentions: int = DEFAULT_MAX_MENTIONS  # X only
    max_follows: int = DEFAULT_MAX_FOLLOWS  # Bluesky only
    budget: float | None = None  # X only: USD for all the X accounts of the run together

    def check(self) -> None:
        if self.max_posts is not None:
            check_count("max_posts", self.max_posts, 1)
        check_count("max_mentions", self.max_mentions, 0)
        check_count("max_follows", self.max_follows, 0)
        check_budget(self.budget)

    def posts_for(self, platform: str) -> int:
        return self.max_posts if self.max_posts is not None else DEFAULT_MAX_POSTS[platform]


def pays_for(target: RefreshTarget, limits: RefreshLimits) -> bool:
    """Whether the run may spend on ``target``: an X account, and written as one or with a
    --budget. A bare handle not in the store is read as X; paying for that guess (perhaps
    someone else's account, or a Mastodon user meant) takes a cap the user set."""
    return target.platform == "x" and (not target.guessed or limits.budget is not None)


def estimate_x(plan: RefreshPlan, limits: RefreshLimits, config: Mapping[str, Any]) -> float | None:
    """The most the plan's X accounts can cost together (None when it has none to pay for):
    each account at ``fetch x``'s estimate, before the budget caps it."""
    count = sum(pays_for(target, limits) for target in plan.targets)
    if not count:
        return None
    one = estimate_cost(Rates.from_config(config), limits.posts_for("x"), limits.max_mentions)
    return round(count * one["total"], 6)


def has_x_token(config: Mapping[str, Any]) -> bool:
    return bool(get_secret("x_bearer_token", config))


@dataclass(frozen=True, slots=True)
class XCost:
    """What a plan's X accounts may cost, worked out once: the opening line (the command's, the
    dashboard's confirmation) says it, and the run's report carries the same figure."""

    accounts: int  # the X accounts the run may pay for (pays_for)
    estimate_usd: float | None  # their worst case together; None without any
    has_token: bool
    budget_usd: float | None


def x_cost(plan: RefreshPlan, limits: RefreshLimits, config: Mapping[str, Any]) -> XCost:
    return XCost(
        accounts=sum(pays_for(target, limits) for target in plan.targets),
        estimate_usd=estimate_x(plan, limits, config),
        has_token=has_x_token(config),
        budget_usd=limits.budget,
    )
