"""The interaction graph, recency decay and personalized PageRank."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from connect_fixtures import NOW, build_store
from staffpulse.connect.graph import (
    build_graph,
    circle_pagerank,
    decay,
    load_graph,
    personalized_pagerank,
    restart_vector,
    transition_matrix,
)
from staffpulse.models import Interaction


def _edge(src: str, dst: str, kind: str = "reply", count: int = 1, days: float = 0) -> Interaction:
    when = NOW - timedelta(days=days)
    return Interaction(
        platform="x",
        source_id=src,
        target_id=dst,
        kind=kind,  # type: ignore[arg-type]
        count=count,
        first_seen=when,
        last_seen=when,
    )


def test_decay_halves_every_half_life() -> None:
    assert decay(NOW, NOW, NOW, 30) == pytest.approx(1.0)
    month = NOW - timedelta(days=30)
    assert decay(month, month, NOW, 30) == pytest.approx(0.5)
    # spread evenly over the last 30 days: mean of 2^(-t/30) on [0, 30] = 30/ln2 * 0.5 / 30
    assert decay(month, NOW, NOW, 30) == pytest.approx(0.5 / math.log(2))
    assert decay(None, None, NOW, 30) == 0.5
    assert decay(month, month, NOW, math.inf) == 1.0


def test_graph_weights_kinds_counts_recency_and_follows() -> None:
    graph = build_graph(
        [_edge("a", "b", count=2), _edge("a", "b", "mention"), _edge("a", "c", days=30)],
        follows=[("c", "a")],
        now=NOW,
    )
    assert graph.nodes == ["a", "b", "c"]
    assert graph.out_neighbours("a") == pytest.approx({"b": 2 * 1.0 + 0.6, "c": 0.5})
    assert graph.edges[("a", "b")].kinds == {"reply": 2, "mention": 1}
    assert graph.edges[("c", "a")].kinds == {"follow": 1}
    assert graph.circle("a") == pytest.approx({"b": 2.6, "c": 1.0})


def test_pagerank_is_a_distribution_and_dangling_nodes_restart() -> None:
    graph = build_graph([_edge("a", "b"), _edge("b", "c")], now=NOW)
    walk = transition_matrix(graph, reverse_weight=0.0)
    restart = np.array([1.0, 0.0, 0.0])
    scores = personalized_pagerank(walk, restart)
    assert scores.sum() == pytest.approx(1.0)
    assert scores[0] > scores[1] > scores[2] > 0


def test_two_hops_away_beats_strangers() -> None:
    graph = build_graph(
        [_edge("firm", "rec"), _edge("rec", "hr"), _edge("x", "y"), _edge("y", "x")], now=NOW
    )
    scores = circle_pagerank(graph, ["firm"])
    idx = graph.index
    assert scores[idx["hr"]] > 0
    assert scores[idx["x"]] == 0 and scores[idx["y"]] == 0


def test_restart_vector_splits_self_and_circle() -> None:
    graph = build_graph([_edge("a", "b", count=3), _edge("c", "a")], now=NOW)
    vec = restart_vector(graph, ["a"], self_share=0.5)
    assert vec[graph.index["a"]] == pytest.approx(0.5)
    assert vec[graph.index["b"]] == pytest.approx(0.5 * 3 / 4)
    assert vec.sum() == pytest.approx(1.0)
    assert restart_vector(graph, ["missing"]).sum() == 0


def test_load_graph_reads_interactions_and_follows_from_the_store() -> None:
    with build_store() as store:
        graph = load_graph(store, "x", now=NOW)
    assert ("id_acme_staffing", "id_rita_recruits") in graph.edges
    assert graph.edges[("id_acme_staffing", "id_fred_follows")].kinds == {"follow": 1}
    assert datetime(2026, 1, 1, tzinfo=UTC) < NOW


def test_a_reply_that_names_its_target_weighs_as_one_reply() -> None:
    from staffpulse.connect.graph import KIND_WEIGHTS
    from staffpulse.models import Post, Provenance
    from staffpulse.store import open_store

    store = open_store(":memory:")
    reply = Post(
        platform="x",
        id="1",
        author_id="a",
        text="@bo agreed",
        created_at=NOW,
        kind="reply",
        reply_to_handle="bo",
        mentions=("bo",),  # X lists the replied-to account among the mentions
    )
    store.upsert([reply], Provenance("test", "here", "t", NOW))
    graph = load_graph(store, "x", now=NOW)
    edge = graph.edges[("a", "@bo")]
    assert edge.kinds == {"reply": 1}
    assert edge.weight == pytest.approx(KIND_WEIGHTS["reply"])


def test_the_graph_as_of_a_date_holds_only_what_had_happened_by_then() -> None:
    later = _edge("a", "late", days=-30)  # first and last seen a month after NOW
    span = Interaction(
        platform="x",
        source_id="a",
        target_id="b",
        kind="reply",
        count=4,
        first_seen=NOW - timedelta(days=30),
        last_seen=NOW + timedelta(days=30),
    )
    graph = build_graph([_edge("a", "c"), later, span], follows=[("a", "f")], now=NOW)
    assert ("a", "late") not in graph.edges and "late" not in graph.index
    # half of the span's replies fall by NOW: two of four, the last of them at NOW
    assert graph.edges[("a", "b")].kinds == {"reply": 2}
    assert graph.edges[("a", "b")].last_seen == NOW
    assert graph.edges[("a", "c")].weight == pytest.approx(1.0)
    # follows carry no date of their own: they stay whatever the date
    assert graph.edges[("a", "f")].kinds == {"follow": 1}
    # a month on, the later edge is there
    assert ("a", "late") in build_graph([later], now=NOW + timedelta(days=31)).edges
