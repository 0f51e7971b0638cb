"""The audit page's "Where you stand": the benchmark the account is part of, and the page's
context with it. Among a big cohort the strips are not drawn in the page: an audit among
1,764 accounts was a page of 2.6 MB that took 1.5 s to draw at every visit. They load when
scrolled to, from ``/audit/{platform}/{handle}/strips`` (as the Benchmark page's do,
web/bench_board.py); the standing in words and the legend stay in the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from staffpulse.errors import InputError, NotFoundError
from staffpulse.report.cohort_place import place_in_cohort
from staffpulse.report.html import audit_context
from staffpulse.web import bench_board
from staffpulse.web.jobs import Job
from staffpulse.web.links import audit_url

if TYPE_CHECKING:
    from fastapi import Request

    from staffpulse.audit.types import AuditResult
    from staffpulse.benchmark.engine import BenchmarkResult


def audit_benchmark(
    request: Request, platform: str, handle: str, wait: float | None = None
) -> BenchmarkResult | None:
    """The benchmark the account is part of, for its percentile strips (None when it is not,
    or while it is still being computed after ``wait`` seconds)."""
    from staffpulse.web.routes_bench import benchmark_data

    try:
        bench = benchmark_data(request, wait)
    except (InputError, NotFoundError):
        # a cohort that no longer works (its file gone or unreadable, none of its accounts
        # stored): the audit shows without strips and the Benchmark page says why. A store or
        # model failure is not hidden here: the page reports it.
        return None
    if isinstance(bench, Job):
        return None
    if len(bench.audits) < 3:  # percentiles among one or two accounts say nothing
        return None
    found = any(r["handle"] == handle and r["platform"] == platform for r in bench.leaderboard)
    return bench if found else None


def audit_page_context(
    result: AuditResult, benchmark: BenchmarkResult | None, *, sample: bool
) -> dict[str, Any]:
    """What the audit page renders: the report's context, the strips of a big cohort left for
    later (a link where they go, which the page's script replaces with them)."""
    if benchmark is None or len(benchmark.leaderboard) <= bench_board.STRIPS_INLINE:
        return audit_context(result, benchmark, sample=sample)
    context = audit_context(result, None, sample=sample)
    context.update(
        place_in_cohort(result, benchmark, draw=False), cohort_problems=benchmark.problems
    )
    account = result.account
    context["strips"] = bench_board.strips_later(
        audit_url(account.platform, account.handle, "/strips"),
        len(benchmark.leaderboard),
        audit_url(account.platform, account.handle, "/report.html"),  # its strips, whole
    )
    return context
