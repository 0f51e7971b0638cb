"""What X reads cost: rates from the config (checked), money shown in cents, the budget guard."""

from __future__ import annotations

import pytest

from staffpulse.config import Config
from staffpulse.errors import ConfigError, InputError
from staffpulse.fetch.common import FetchReport
from staffpulse.fetch.x_costs import Budget, Rates, check_budget, lost_answers_note, money


@pytest.mark.parametrize(
    ("amount", "shown"),
    [(0.5, "$0.50"), (0.0, "$0.00"), (16.01, "$16.01"), (1234.5, "$1,234.50"),
     (0.005, "$0.005"), (0.195 + 1e-12, "$0.195")],
)  # fmt: skip
def test_money_has_two_decimals_and_keeps_fractions_of_a_cent(amount: float, shown: str) -> None:
    assert money(amount) == shown


def test_rates_come_from_the_config_and_are_checked() -> None:
    assert Rates.from_config({}) == Rates(post=0.005, user=0.010)
    assert Rates.from_config({"x": {"cost_per_post_read": 1}}).post == 1.0
    config = Config({"x": {"cost_per_user_read": "cheap"}}, source=None)
    with pytest.raises(ConfigError, match=r'\[x\] cost_per_user_read = "cheap" is text'):
        Rates.from_config(config)
    with pytest.raises(ConfigError, match="must be at least 0"):
        Rates.from_config({"x": {"cost_per_post_read": -0.1}})


@pytest.mark.parametrize("budget", [0.0, -5.0, float("inf"), float("nan")])
def test_a_budget_must_be_more_than_zero(budget: float) -> None:
    with pytest.raises(InputError, match=r"--budget .*must be more than 0") as caught:
        check_budget(budget)
    assert caught.value.hint and caught.value.exit_code == 65


def test_no_budget_and_positive_budgets_pass() -> None:
    check_budget(None)
    check_budget(0.01)


def test_answers_lost_to_a_timeout_take_room_in_the_budget_and_are_said() -> None:
    report = FetchReport(platform="x", target="a", cost_usd=0.20)
    budget = Budget(1.0, Rates(post=0.005, user=0.010), report)
    room = budget.affordable(0.005)
    assert lost_answers_note(report) is None
    report.lost_answers, report.lost_answers_usd = 2, 0.5
    assert budget.affordable(0.005) == room - 100  # $0.50 of half-cent reads
    note = lost_answers_note(report)
    assert note is not None and "up to $0.50 for 2 answers that were lost to a timeout" in note


def test_free_reads_do_not_divide_by_zero() -> None:
    budget = Budget(1.0, Rates(post=0.0, user=0.0), FetchReport(platform="x", target="a"))
    assert budget.affordable(0.0) == 100


def test_no_number_of_posts_is_estimated_as_the_fetchers_default() -> None:
    from staffpulse.fetch.x_costs import (
        SEARCH_POSTS,
        TIMELINE_CAP,
        estimate_cost,
        estimate_search_cost,
    )

    rates = Rates(post=0.005, user=0.010)
    assert estimate_cost(rates, None, 0) == estimate_cost(rates, TIMELINE_CAP, 0)
    assert estimate_cost(rates, None, 0)["timeline"] == 16.0  # 3,200 posts at half a cent
    assert estimate_search_cost(rates, None) == estimate_search_cost(rates, SEARCH_POSTS)
