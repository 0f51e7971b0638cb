"""What a refresh says before and after its run, for ``staffpulse refresh`` and the dashboard's
Refresh page alike: which accounts, what X may cost, and how the run went.

Both say the same sentences. The command prints them with Rich, so user text (a cohort's path,
a handle) is escaped and the figures stand out; the page shows them as plain text, which the
templates escape. A :class:`Styler` is that difference, and nothing else is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from staffpulse.fetch.refresh import NO_CONNECTION, NO_X_TOKEN, RefreshReport
from staffpulse.fetch.refresh_limits import XCost
from staffpulse.fetch.refresh_targets import RefreshPlan
from staffpulse.fetch.x_costs import money
from staffpulse.models import platform_name
from staffpulse.next_steps import SET_X_TOKEN, X_RATES_SET
from staffpulse.report.counts import count_of

MAX_GUESSED_SHOWN = 5


def _same(text: str) -> str:
    return text


@dataclass(frozen=True, slots=True)
class Styler:
    """How user text is made safe (``text``) and a figure made to stand out (``strong``)."""

    text: Callable[[str], str] = _same
    strong: Callable[[str], str] = _same


PLAIN = Styler()


def plan_headline(plan: RefreshPlan, style: Styler = PLAIN) -> str:
    """'Refreshing 3 accounts (2 Bluesky, 1 X): cohort.csv.'"""
    by_platform = Counter(target.platform for target in plan.targets)  # in the plan's order
    parts = ", ".join(f"{n} {platform_name(p)}" for p, n in by_platform.items())
    return (
        f"Refreshing {count_of(len(plan.targets), 'account')} ({parts}): {style.text(plan.source)}."
    )


def guessed_note(plan: RefreshPlan, style: Styler = PLAIN) -> str | None:
    """The accounts whose platform was read from their handle's shape (X ones are among the
    plan's problems: they are paid for)."""
    guessed = [t for t in plan.targets if t.guessed and t.platform != "x"]
    if not guessed:
        return None
    shown = ", ".join(
        f"{style.text(t.shown)} ({platform_name(t.platform)})" for t in guessed[:MAX_GUESSED_SHOWN]
    )
    more = len(guessed) - MAX_GUESSED_SHOWN
    return (
        f"No platform written and not in the store, read from the handle: {shown}"
        + (f" and {more} more" if more > 0 else "")
        + "; write handle,platform on a line if it is another."
    )


def x_skipped_note(cost: XCost) -> str | None:
    """'X: 2 accounts skipped, no X bearer token.' when the X accounts cannot be fetched."""
    if not cost.accounts or cost.has_token:
        return None
    return no_token_line(cost.accounts)


def no_token_line(accounts: int) -> str:
    return f"X: {count_of(accounts, 'account')} skipped, no X bearer token."


def set_token_advice(accounts: int) -> str:
    """'To refresh them, set X_BEARER_TOKEN ...' (a front end words the step its own way)."""
    return f"To refresh {'it' if accounts == 1 else 'them'}, {SET_X_TOKEN.say()}"


def x_estimate_note(cost: XCost, style: Styler = PLAIN) -> str | None:
    """What the X accounts may cost at most, and the cap, before anything is fetched."""
    if not cost.accounts or not cost.has_token:
        return None
    cap = (
        f"; budget cap {money(cost.budget_usd)} for all of them"
        if cost.budget_usd is not None
        else ""
    )
    return (
        f"X is pay-per-use: estimated cost at most {style.strong(money(cost.estimate_usd or 0))}"
        f" for {count_of(cost.accounts, 'X account')} (each at most a user lookup, its posts and"
        f" mentions){cap}. {style.text(X_RATES_SET.say())}"
    )


def summary_line(report: RefreshReport, style: Styler = PLAIN) -> str:
    """'Refreshed 3 of 4 accounts: 12 new posts, 1 failed.'"""
    done = report.count("ok") + report.count("partial")
    others = "".join(
        f", {report.count(s):,} {s}" for s in ("partial", "failed", "skipped") if report.count(s)
    )
    return (
        f"Refreshed {done:,} of {count_of(len(report.results), 'account')}:"
        f" {style.strong(count_of(report.new_posts, 'new post'))}{others}."
    )


def spent_line(report: RefreshReport, style: Styler = PLAIN) -> str | None:
    """What X cost, and what is left of the budget, when an X account was fetched."""
    fetched_x = any(r.target.platform == "x" and r.status != "skipped" for r in report.results)
    if report.estimate_usd is None or not fetched_x:
        return None
    spent = f"X: spent about {style.strong(money(report.cost_usd))}"
    if report.budget_usd is None:
        return spent + "."
    left = max(0.0, report.budget_usd - report.cost_usd)
    return f"{spent} of the {money(report.budget_usd)} budget, {money(left)} left."


def notes(report: RefreshReport) -> list[str]:
    """What the platforms said of the accounts (moved, suspended), in full, in run order."""
    return [note for result in report.results for note in result.notes]


def grouped_hints(report: RefreshReport) -> list[tuple[list[str], str]]:
    """Each piece of advice once, with the accounts it is for (``@a, @b: check the handle``).
    The missing X token is said once, before the run, not here."""
    hints: dict[str, list[str]] = {}
    for result in report.results:
        if result.status != "ok" and result.hint and result.message != NO_X_TOKEN:
            hints.setdefault(result.hint, []).append(result.target.shown)
    return [(shown, hint) for hint, shown in hints.items()]


def untried_count(report: RefreshReport) -> int:
    """The accounts not tried because no server answered (:attr:`RefreshReport.offline`)."""
    return sum(result.message == NO_CONNECTION for result in report.results)


def no_connection_what(report: RefreshReport) -> str:
    """What a run stopped for want of a connection left undone: "39 accounts not tried", or,
    when the account it reached for was its last, "the server could not be reached" ("0
    accounts not tried" read as a fault of its own)."""
    untried = untried_count(report)
    return (
        f"{count_of(untried, 'account')} not tried"
        if untried
        else "the server could not be reached"
    )
