"""What a refresh says before and after its run (the command and the Refresh page say it
alike): the accounts by platform, what X may cost or why it is skipped, and how it went."""

from __future__ import annotations

from staffpulse.fetch import refresh_wording as say
from staffpulse.fetch.refresh import AccountResult, RefreshReport
from staffpulse.fetch.refresh_limits import XCost
from staffpulse.fetch.refresh_targets import RefreshPlan, RefreshTarget

X = RefreshTarget("x", "acme")
BLUESKY = RefreshTarget("bluesky", "acme.bsky.social")


def _report(*results: AccountResult, budget: float | None = None) -> RefreshReport:
    plan = RefreshPlan([r.target for r in results], "cohort.csv")
    return RefreshReport(plan, list(results), estimate_usd=2.02, budget_usd=budget)


def test_the_headline_counts_the_accounts_by_platform_and_names_where_they_come_from() -> None:
    plan = RefreshPlan([BLUESKY, X, RefreshTarget("bluesky", "b.bsky.social")], "weekly.csv")
    assert say.plan_headline(plan) == "Refreshing 3 accounts (2 Bluesky, 1 X): weekly.csv."


def test_a_styler_escapes_user_text_and_marks_the_figures() -> None:
    plan = RefreshPlan([BLUESKY], "[team].csv")
    loud = say.Styler(text=lambda t: t.replace("[", "\\["), strong=lambda t: f"*{t}*")
    assert say.plan_headline(plan, loud).endswith(": \\[team].csv.")
    report = _report(AccountResult(BLUESKY, "ok", new_posts=4))
    assert say.summary_line(report, loud) == "Refreshed 1 of 1 account: *4 new posts*."


def test_x_is_either_estimated_with_its_cap_or_said_skipped_for_want_of_a_token() -> None:
    with_token = XCost(accounts=2, estimate_usd=2.02, has_token=True, budget_usd=0.2)
    note = say.x_estimate_note(with_token) or ""
    assert "estimated cost at most $2.02 for 2 X accounts" in note
    assert "budget cap $0.20 for all of them" in note
    assert say.x_skipped_note(with_token) is None

    without = XCost(accounts=1, estimate_usd=1.01, has_token=False, budget_usd=None)
    assert say.x_skipped_note(without) == "X: 1 account skipped, no X bearer token."
    assert say.x_estimate_note(without) is None
    assert say.x_estimate_note(XCost(0, None, True, None)) is None  # no X account: nothing


def test_what_x_spent_says_what_is_left_of_the_budget() -> None:
    spent = AccountResult(X, "ok", new_posts=3, cost_usd=0.25)
    assert say.spent_line(_report(spent, budget=1.0)) == (
        "X: spent about $0.25 of the $1.00 budget, $0.75 left."
    )
    assert say.spent_line(_report(spent)) == "X: spent about $0.25."
    # no X account fetched (skipped), or none at all: nothing said of X
    assert say.spent_line(_report(AccountResult(X, "skipped", message="no token"))) is None


def test_the_summary_counts_what_went_wrong_and_each_hint_is_said_once() -> None:
    report = _report(
        AccountResult(BLUESKY, "ok", new_posts=1),
        AccountResult(RefreshTarget("bluesky", "gone.bsky.social"), "failed", hint="check it"),
        AccountResult(RefreshTarget("bluesky", "old.bsky.social"), "failed", hint="check it"),
    )
    assert say.summary_line(report) == "Refreshed 1 of 3 accounts: 1 new post, 2 failed."
    assert say.grouped_hints(report) == [(["@gone.bsky.social", "@old.bsky.social"], "check it")]


def test_guessed_platforms_are_named_up_to_five_then_counted() -> None:
    guessed = [RefreshTarget("bluesky", f"n{i}.bsky.social", guessed=True) for i in range(7)]
    note = say.guessed_note(RefreshPlan(guessed, "c.csv")) or ""
    assert "@n4.bsky.social (Bluesky) and 2 more;" in note and "@n5" not in note
    assert say.guessed_note(RefreshPlan([BLUESKY], "c.csv")) is None
