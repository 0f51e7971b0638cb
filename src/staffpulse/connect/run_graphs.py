"""The interaction graphs of one connect run, each read and built once.

With nothing to suggest, connect ranks again with the options its advice would name, to check
that they bring someone back (:mod:`staffpulse.connect.advice`,
:mod:`staffpulse.connect.busy_stretch`): up to a dozen rankings in one run. Each read every
interaction, follow and reply name of the platform from the store again and rebuilt the graph,
though only a ranking date changes it (an ``--as-of`` drops what came later and decays the rest
to that date): on a personal X archive that was half of a run. So a run reads the platform's
edges once and builds one graph per ranking date, which every ranking at that date shares
(with its PageRank walk: :func:`~staffpulse.connect.graph.account_pagerank`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from staffpulse.connect.graph import (
    InteractionGraph,
    PlatformEdges,
    graph_from_edges,
    read_platform_edges,
)
from staffpulse.store import Store


@dataclass
class RunGraphs:
    """The graphs of one run, by platform, ranking date and half-life."""

    store: Store
    _edges: dict[str, PlatformEdges] = field(default_factory=dict)
    _graphs: dict[tuple[str, datetime, float], InteractionGraph] = field(default_factory=dict)

    def graph(self, platform: str, now: datetime, half_life_days: float) -> InteractionGraph:
        """The platform's graph as of ``now``: built on first need, then the same one."""
        key = (platform, now, half_life_days)
        graph = self._graphs.get(key)
        if graph is None:
            edges = self._edges.get(platform)
            if edges is None:
                edges = self._edges[platform] = read_platform_edges(self.store, platform)
            graph = graph_from_edges(edges, now=now, half_life_days=half_life_days)
            self._graphs[key] = graph
        return graph
