"""Benchmark a cohort of accounts: leaderboard, percentiles, segments and the essay's claims."""

from staffpulse.benchmark.cohort import CohortEntry, CohortProblem, parse_cohort, read_cohort
from staffpulse.benchmark.engine import BenchmarkResult, run_benchmark

__all__ = [
    "BenchmarkResult",
    "CohortEntry",
    "CohortProblem",
    "parse_cohort",
    "read_cohort",
    "run_benchmark",
]
