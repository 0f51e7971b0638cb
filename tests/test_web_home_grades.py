"""What the Accounts page's progress card says it grades (:func:`plan_grading`): the accounts
with enough posts of their own to be ranked, or all of them when none or every one has."""

from __future__ import annotations

import pytest

from staffpulse.benchmark.members import DEFAULT_MIN_POSTS
from staffpulse.models import Account
from staffpulse.store.reads import AccountSummary
from staffpulse.web.home_grades import GradingPlan, plan_grading


def _with(*posts: int) -> list[AccountSummary]:
    return [
        AccountSummary(
            account=Account(platform="x", id=str(i), handle=f"shop{i}"),
            posts=n,
            first_post=None,
            last_post=None,
        )
        for i, n in enumerate(posts)
    ]


def test_a_store_of_busy_firms_and_passers_by_grades_the_firms_from_the_fewest_posts() -> None:
    busy, once = DEFAULT_MIN_POSTS, 1
    assert plan_grading(_with(busy, busy + 40, once, once, once)) == GradingPlan(
        2, DEFAULT_MIN_POSTS
    )


@pytest.mark.parametrize("posts", [(1, 2, 3), (DEFAULT_MIN_POSTS, DEFAULT_MIN_POSTS + 1)])
def test_a_store_whose_accounts_are_all_ranked_alike_grades_every_one(
    posts: tuple[int, ...],
) -> None:
    # none with enough (the benchmark then ranks all) or all with enough: "Grading N accounts"
    assert plan_grading(_with(*posts)) == GradingPlan(len(posts), None)
