"""The Accounts page's grades: how many accounts it grades itself, the grades it shows (its own,
or the Benchmark's for a store too big to grade here), the fewest posts a graded account had,
and the first step each graded card names. The routes are in :mod:`staffpulse.web.routes_core`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fastapi import Request

from staffpulse.errors import StaffpulseError
from staffpulse.web.app import web
from staffpulse.web.background import job_progress
from staffpulse.web.data import ALL_ACCOUNTS
from staffpulse.web.jobs import Job

if TYPE_CHECKING:
    from staffpulse.benchmark.engine import BenchmarkResult
    from staffpulse.store import AccountSummary


def first_step_of(row: dict[str, Any] | None) -> str:
    """What the card says to do next: the league table's first fix of the account, which for
    an account gone quiet starts with "Post again" as its audit does
    (:func:`~staffpulse.audit.quiet.first_fix`), so the card, the Benchmark and the audit
    name the same first fix."""
    return "" if row is None else str(row.get("top_action") or "")


@dataclass(frozen=True, slots=True)
class GradingPlan:
    """What grading every account takes on: how many accounts it audits at most
    (``accounts``), and the fewest posts of its own one needs to be graded, as the Benchmark
    ranks, when that leaves some out (``fewest_posts``; None: every account with posts). The
    progress card says what it grades, not "Grading 1,687 accounts" on a store whose grading
    ranks 25."""

    accounts: int
    fewest_posts: int | None


def plan_grading(with_posts: list[AccountSummary]) -> GradingPlan:
    """Those with enough posts to be ranked (their posts count reposts too, so never fewer
    than it ranks), else all of them, as the benchmark ranks every account when none has
    enough. A file of search results holds hundreds of accounts seen once beside the firm's
    few: those few are graded here."""
    from staffpulse.benchmark.members import DEFAULT_MIN_POSTS

    busy = sum(1 for s in with_posts if s.posts >= DEFAULT_MIN_POSTS)
    if 0 < busy < len(with_posts):
        return GradingPlan(busy, DEFAULT_MIN_POSTS)
    return GradingPlan(len(with_posts), None)


def find_grades(
    request: Request, accounts: int
) -> tuple[dict[tuple[str, str], dict[str, Any]], int | None, Job | None, StaffpulseError | None]:
    """The home page's grades and the fewest posts of its own a graded account needed (None
    when none is graded), the job computing them when that takes a while, or the error.

    Grading hundreds of accounts takes a while, so above ``home_limit`` accounts to grade
    (:func:`plan_grading`) the page grades nothing itself; grades computed for the Benchmark
    page are shown all the same.
    """
    ctx = web(request)
    found, bench = ctx.backend.peek(ALL_ACCOUNTS)
    if not found and accounts and accounts <= ctx.settings.home_limit:
        try:
            bench = ctx.slow.get(
                ALL_ACCOUNTS,
                "Grading the accounts",
                lambda job: ctx.backend.all_accounts_benchmark(job_progress(job)),
                ctx.settings.page_wait,
            )
        except StaffpulseError as exc:
            return {}, None, None, exc
        if isinstance(bench, Job):
            return {}, None, bench, None
    elif not found:
        return {}, None, None, None
    # the fewest from the ranking the grades are of, not from a second look at the cache
    # (an import ending in between would drop it)
    rows = _by_account(bench)
    fewest: int | None = bench.min_posts if rows else None
    return rows, fewest, None, None


def find_cohort_grades(request: Request) -> tuple[dict[tuple[str, str], dict[str, Any]], bool]:
    """The grades the Benchmark ranked (a store too big to grade every account here): the home
    page shows them on those accounts' cards, and whether they are from before the last import.

    An import drops the cached benchmark; ranking again takes a while, so until the Benchmark
    is opened the cards keep the earlier grades, marked as such, rather than losing them."""
    backend = web(request).backend
    key = backend.benchmark_key()
    found, bench = backend.peek(key)
    if found and key == ALL_ACCOUNTS:  # find_grades showed it already: it graded none
        return {}, False
    earlier = not found
    if earlier:
        bench = backend.previous_benchmark(key)
        if bench is None:
            return {}, False
    return _by_account(bench), earlier


def _by_account(bench: BenchmarkResult) -> dict[tuple[str, str], dict[str, Any]]:
    """A ranking's rows by (platform, handle), as the cards look them up."""
    return {(row["platform"], row["handle"]): row for row in bench.leaderboard}
