"""The link-prediction protocol: splits, ranks with ties, metrics, baselines."""

from __future__ import annotations

import math
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from staffpulse.connect.linkpred import (
    Event,
    bootstrap_ci,
    common_neighbours,
    evaluate,
    most_followed,
    most_interacted,
    ppr_scorer,
    split_events,
    split_per_source,
    to_interactions,
)

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def _e(src: str, dst: str, day: int | None) -> Event:
    return Event(src, dst, "reply", None if day is None else T0 + timedelta(days=day))


def test_global_split_hides_the_newest_fifth_and_keeps_undated_in_training() -> None:
    events = [_e("a", "b", d) for d in range(10)] + [_e("c", "d", None)]
    train, test = split_events(events)
    assert [e.time.day for e in test if e.time] == [9, 10]
    assert _e("c", "d", None) in train and len(train) == 9


def test_per_source_split_needs_enough_history() -> None:
    events = [_e("a", "b", d) for d in range(5)] + [_e("c", "d", 1), _e("c", "e", 2)]
    train, test = split_per_source(events, min_posts=3)
    assert test == [_e("a", "b", 4)]
    assert len(train) == 6


def test_splits_keep_one_posts_events_together() -> None:
    # one post = a reply and two mentions at the same time: never split across the cut
    post = [_e("p", "root", 3), Event("p", "x", "mention", T0 + timedelta(days=3))]
    events = [_e("p", "q", 1), _e("p", "r", 2), *post]
    _, test = split_per_source(events, min_posts=3)
    assert sorted(test, key=str) == sorted(post, key=str)
    only_one_post = [_e("s", "t", 1), Event("s", "u", "mention", T0 + timedelta(days=1))]
    _, test = split_per_source(only_one_post, min_posts=1)
    assert test == only_one_post  # a single post: hidden whole, never half
    _, test = split_events([*events, *only_one_post])
    assert {e.time for e in test} == {T0 + timedelta(days=3)}


def test_to_interactions_aggregates_counts_and_dates() -> None:
    edges = to_interactions([_e("a", "b", 1), _e("a", "b", 3), _e("a", "a", 2)])
    assert len(edges) == 1 and edges[0].count == 2
    assert edges[0].first_seen == T0 + timedelta(days=1)
    assert edges[0].last_seen == T0 + timedelta(days=3)


def test_evaluate_ranks_a_friend_of_a_friend_first() -> None:
    # a talks with b; b talks with c; the hidden future: a talks with c.
    train = [_e("a", "b", 1), _e("b", "c", 2), _e("x", "y", 1), _e("z", "y", 1), _e("w", "y", 1)]
    test = [_e("a", "c", 5)]
    scorers = {"ppr": ppr_scorer(), "pop": most_interacted, "cn": common_neighbours}
    results = evaluate(train, test, scorers, k=1)
    assert results["ppr"].recall_at_k == 1.0 and results["ppr"].mrr == 1.0
    assert results["cn"].mrr == 1.0
    assert results["pop"].recall_at_k == 0.0  # y is the most popular
    assert results["ppr"].queries == 1 and results["ppr"].targets == 1
    # existing contacts are not candidates in the "new" setting: 7 nodes minus a and b
    assert results["ppr"].candidates == 5


def test_ties_split_evenly_so_constant_scores_earn_nothing() -> None:
    train = [_e("a", "b", 1), _e("b", "c", 2), _e("d", "e", 1)]
    test = [_e("a", "c", 5)]
    results = evaluate(train, test, {"flat": most_followed({})}, k=1)
    # candidates c, d, e all score 0: the target's rank is 1 + 2 / 2 = 2
    assert results["flat"].mrr == pytest.approx(0.5)
    assert results["flat"].recall_at_k == 0.0


def test_no_queries_gives_nan_and_bootstrap_handles_it() -> None:
    results = evaluate([_e("a", "b", 1)], [_e("q", "r", 2)], {"ppr": ppr_scorer()})
    assert results["ppr"].queries == 0 and math.isnan(results["ppr"].mrr)
    (lo, hi), _ = bootstrap_ci(results["ppr"])
    assert math.isnan(lo) and math.isnan(hi)


def test_benchmark_runs_on_the_real_samples(shared_data: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    try:
        import bench_connect
    finally:
        sys.path.pop(0)
    rows = bench_connect.run(shared_data)
    names = {str(r["dataset"]) for r in rows}
    assert any("twarc2" in n for n in names) and any("customer care" in n for n in names)
    care = [
        r
        for r in rows
        if "customer care" in str(r["dataset"])
        and r["setting"] == "per-account split, new links"
        and r["method"] == "PPR circle of trust"
    ]
    assert care and int(care[0]["queries"]) > 10  # type: ignore[call-overload]
