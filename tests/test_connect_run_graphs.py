"""The graphs of one connect run (staffpulse.connect.run_graphs): the rankings that check
connect's advice read the store's edges once and share one graph per ranking date, and each
graph is the one the store gives as of that date."""

from __future__ import annotations

from datetime import timedelta

import pytest

import staffpulse.connect.graph as graph_module
import staffpulse.connect.run_graphs as run_graphs
from connect_fixtures import NOW, FakeRoleModel, FakeScorer, add_posts, reply_post
from staffpulse.connect import suggest_report
from staffpulse.connect.graph import InteractionGraph, PlatformEdges, load_graph
from staffpulse.connect.run_graphs import RunGraphs
from staffpulse.models import Account
from staffpulse.store import Store, open_store


def _archive() -> Store:
    """@firm replied to twenty accounts (none of whose posts is stored) on twenty days about
    700 days ago, and to one more the day before NOW: ranked as of its newest post it has
    nothing to suggest, and the advice ranks again as of its busy stretch to check it."""
    store = open_store(":memory:")
    firm = Account(platform="x", id="id_firm", handle="firm")
    days = (1, *(700 + n for n in range(20)))
    add_posts(store, firm, *(reply_post(n, "firm", f"contact{n}", d) for n, d in enumerate(days)))
    return store


def test_the_advice_checks_read_the_edges_once_and_build_one_graph_per_date(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reads: list[str] = []
    dates: list[object] = []
    read, build = run_graphs.read_platform_edges, run_graphs.graph_from_edges

    def counted_read(store: Store, platform: str) -> PlatformEdges:
        reads.append(platform)
        return read(store, platform)

    def counted_build(edges: PlatformEdges, **kwargs: object) -> InteractionGraph:
        dates.append(kwargs["now"])
        return build(edges, **kwargs)  # type: ignore[arg-type]

    walks: list[str] = []
    walk = graph_module.circle_pagerank
    monkeypatch.setattr(run_graphs, "read_platform_edges", counted_read)
    monkeypatch.setattr(run_graphs, "graph_from_edges", counted_build)
    monkeypatch.setattr(
        graph_module, "circle_pagerank", lambda g, seeds: walks.append(seeds[0]) or walk(g, seeds)
    )
    report = suggest_report(_archive(), "firm", role_model=FakeRoleModel(), scorer=FakeScorer())
    # the advice was checked by ranking again as of the busy date, with two sets of options
    assert (report.next_step or "").startswith("@firm's conversations are mostly older than")
    assert "--include-contacts and --include-unseen" in (report.next_step or "")
    assert reads == ["x"]
    assert len(dates) == len(set(dates)) == 2  # the newest post's date, and the busy date
    assert walks == ["id_firm", "id_firm"]  # one PageRank walk per graph


def test_a_graph_of_the_run_is_the_store_graph_as_of_its_date() -> None:
    store = _archive()
    graphs = RunGraphs(store)
    for now in (NOW, NOW - timedelta(days=705)):
        shared = graphs.graph("x", now, 30.0)
        assert graphs.graph("x", now, 30.0) is shared
        fresh = load_graph(store, "x", now=now)
        assert shared.nodes == fresh.nodes
        assert shared.edges == fresh.edges
    # 705 days back, only the replies of the busy stretch's first five days had happened
    assert len(graphs.graph("x", NOW - timedelta(days=705), 30.0).edges) == 15
