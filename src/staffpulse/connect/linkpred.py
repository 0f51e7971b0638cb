"""Link prediction: how well the who-to-follow ranking predicts the interactions that came next.

Protocol (``docs/connect.md``, "Evaluation"):

* interactions are **events** ``(source, target, kind, time)``; the most recent ``test_share``
  (20%) of the dated events are hidden, undated ones (e.g. Mastodon boosts) always stay in
  training (:func:`split_events`; :func:`split_per_source` hides the newest 20% of each
  active account's own events instead);
* a **query** is a source account that has at least one training edge and, in the hidden part,
  interacts with at least one account that is in the training graph. In the ``new`` setting
  its targets are accounts it had no training edge to, and the accounts it already engaged are
  not candidates (as in who-to-follow); in the ``all`` setting repeats count too;
* each method scores every training node; the source itself (and, in ``new``, its existing
  contacts) are removed; a target's rank is ``1 + #higher + #tied / 2`` (ties are split
  evenly, so constant scores earn no luck);
* **recall@k** is the share of a query's targets ranked within ``k``, averaged over queries;
  **MRR** is the mean over queries of ``1 / rank`` of the best-ranked target.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from staffpulse.connect.graph import (
    HALF_LIFE_DAYS,
    FloatArray,
    InteractionGraph,
    build_graph,
    circle_pagerank,
)
from staffpulse.models import Interaction, InteractionKind

Scorer = Callable[[InteractionGraph, str], FloatArray]


@dataclass(frozen=True, slots=True)
class Event:
    source: str
    target: str
    kind: InteractionKind
    time: datetime | None


@dataclass(frozen=True, slots=True)
class Metrics:
    recall_at_k: float
    mrr: float
    queries: int
    targets: int
    candidates: float  # mean candidate-list size per query (random recall@k = k / this)
    per_query: tuple[tuple[float, float], ...] = ()  # (recall@k, reciprocal rank) per query


def _event_time(event: Event) -> datetime:
    assert event.time is not None
    return event.time


def split_events(
    events: Sequence[Event], test_share: float = 0.2
) -> tuple[list[Event], list[Event]]:
    """Train and hidden test events: the newest ``test_share`` of the dated events is hidden.

    Events at the cut time all go to the hidden side, so one post's reply and mentions are
    never split between training and test.
    """
    dated = sorted((e for e in events if e.time is not None), key=_event_time)
    undated = [e for e in events if e.time is None]
    n_test = round(len(dated) * test_share)
    if n_test == 0:
        return undated + dated, []
    cut_time = _event_time(dated[len(dated) - n_test])
    train = [e for e in dated if _event_time(e) < cut_time]
    test = [e for e in dated if _event_time(e) >= cut_time]
    return undated + train, test


def split_per_source(
    events: Sequence[Event], test_share: float = 0.2, min_posts: int = 3
) -> tuple[list[Event], list[Event]]:
    """Per-account holdout: each source active at ``min_posts`` distinct times hides its newest
    ``test_share`` of those times (at least one) with every event made then.

    Gives many more queries than the global split on small samples, at the price of a mild
    leak: other accounts' later events stay in training.
    """
    by_source: dict[str, list[Event]] = {}
    train: list[Event] = []
    for e in events:
        if e.time is None:
            train.append(e)
        else:
            by_source.setdefault(e.source, []).append(e)
    test: list[Event] = []
    for group in by_source.values():
        times = sorted({_event_time(e) for e in group})
        if len(times) < min_posts:
            train.extend(group)
            continue
        cut_time = times[-max(1, round(len(times) * test_share))]
        train.extend(e for e in group if _event_time(e) < cut_time)
        test.extend(e for e in group if _event_time(e) >= cut_time)
    return train, test


def to_interactions(events: Iterable[Event], platform: str = "bench") -> list[Interaction]:
    """Aggregate events into store-style interaction edges (count, first and last seen)."""
    grouped: dict[tuple[str, str, str], list[Event]] = {}
    for e in events:
        if e.source != e.target:
            grouped.setdefault((e.source, e.target, e.kind), []).append(e)
    out: list[Interaction] = []
    for (src, dst, _), group in grouped.items():
        times = [e.time for e in group if e.time is not None]
        out.append(
            Interaction(
                platform=platform,
                source_id=src,
                target_id=dst,
                kind=group[0].kind,
                count=len(group),
                first_seen=min(times) if times else None,
                last_seen=max(times) if times else None,
            )
        )
    return out


def ppr_scorer(
    reverse_weight: float = 0.5, self_share: float = 0.5, damping: float = 0.85
) -> Scorer:
    def score(graph: InteractionGraph, source: str) -> FloatArray:
        return circle_pagerank(
            graph, [source], reverse_weight=reverse_weight, self_share=self_share, damping=damping
        )

    return score


def most_interacted(graph: InteractionGraph, source: str) -> FloatArray:
    """Popularity: how many interactions each node received (unweighted in-degree by count)."""
    counts = np.zeros(len(graph), dtype=np.float64)
    for (_, dst), edge in graph.edges.items():
        counts[graph.index[dst]] += sum(edge.kinds.values())
    return counts


def most_followed(followers: Mapping[str, int]) -> Scorer:
    """Popularity by follower count where the platform reported it (0 when unknown)."""

    def score(graph: InteractionGraph, source: str) -> FloatArray:
        return np.array([float(followers.get(n, 0)) for n in graph.nodes], dtype=np.float64)

    return score


def common_neighbours(graph: InteractionGraph, source: str) -> FloatArray:
    """How many neighbours (either direction) each node shares with the source."""
    adj = graph.matrix + graph.matrix.T
    adj.data[:] = 1.0
    i = graph.index[source]
    return np.asarray((adj @ adj.getrow(i).T).toarray(), dtype=np.float64).ravel()


def _rank(scores: FloatArray, candidates: np.ndarray, target: int) -> float:
    values = scores[candidates]
    mine = scores[target]
    higher = int((values > mine).sum())
    tied = int((values == mine).sum()) - 1  # the target itself is a candidate
    return 1.0 + higher + tied / 2.0


def evaluate(
    train: Sequence[Event],
    test: Sequence[Event],
    scorers: Mapping[str, Scorer],
    *,
    k: int = 10,
    new_only: bool = True,
    half_life_days: float = HALF_LIFE_DAYS,
    now: datetime | None = None,
) -> dict[str, Metrics]:
    """Recall@k and MRR of each scorer on the hidden events (see the module docstring)."""
    dated = [e.time for e in train if e.time is not None]
    as_of = now or (max(dated) if dated else None)
    graph = build_graph(to_interactions(train), now=as_of, half_life_days=half_life_days)
    wanted: dict[str, set[str]] = {}
    for e in test:
        if e.source == e.target or e.source not in graph.index or e.target not in graph.index:
            continue
        if new_only and (e.source, e.target) in graph.edges:
            continue
        wanted.setdefault(e.source, set()).add(e.target)
    results: dict[str, Metrics] = {}
    for name, scorer in scorers.items():
        recalls: list[float] = []
        reciprocal: list[float] = []
        sizes: list[int] = []
        n_targets = 0
        for source, targets in sorted(wanted.items()):
            s = graph.index[source]
            excluded = {s}
            if new_only:
                excluded |= {graph.index[t] for t in graph.out_neighbours(source)}
            mask = np.ones(len(graph), dtype=bool)
            mask[list(excluded)] = False
            candidates = np.flatnonzero(mask)
            scores = scorer(graph, source)
            ranks = [_rank(scores, candidates, graph.index[t]) for t in targets]
            recalls.append(sum(r <= k for r in ranks) / len(ranks))
            reciprocal.append(1.0 / min(ranks))
            sizes.append(len(candidates))
            n_targets += len(targets)
        results[name] = Metrics(
            recall_at_k=float(np.mean(recalls)) if recalls else math.nan,
            mrr=float(np.mean(reciprocal)) if reciprocal else math.nan,
            queries=len(recalls),
            targets=n_targets,
            candidates=float(np.mean(sizes)) if sizes else math.nan,
            per_query=tuple(zip(recalls, reciprocal, strict=True)),
        )
    return results


def random_expectation(metrics: Metrics, k: int = 10) -> float:
    """Expected recall@k of a random order with the same candidate lists (approximate)."""
    if not metrics.candidates or math.isnan(metrics.candidates):
        return math.nan
    return min(1.0, k / metrics.candidates)


def bootstrap_ci(
    metrics: Metrics, n: int = 2000, seed: int = 0, level: float = 0.95
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Percentile bootstrap intervals over queries for recall@k and MRR."""
    if not metrics.per_query:
        return (math.nan, math.nan), (math.nan, math.nan)
    values = np.array(metrics.per_query, dtype=np.float64)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(values), size=(n, len(values)))
    means = values[picks].mean(axis=1)  # (n, 2)
    lo, hi = (1 - level) / 2 * 100, (1 + level) / 2 * 100
    recall = np.percentile(means[:, 0], [lo, hi])
    mrr = np.percentile(means[:, 1], [lo, hi])
    return (float(recall[0]), float(recall[1])), (float(mrr[0]), float(mrr[1]))
