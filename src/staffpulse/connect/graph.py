"""The interaction graph and personalized PageRank from an account's "circle of trust".

Edges
    Interactions derived from posts (reply, mention, repost, quote) plus follows where the
    platform told us. An edge ``a -> b`` means ``a`` replied to, mentioned, reposted, quoted or
    follows ``b``. Its weight is::

        kind_weight[kind] * count * recency

    ``recency`` is an exponential decay with a half-life (:data:`HALF_LIFE_DAYS`, 30 days by
    default): an interaction one half-life old counts half as much as one made today. Store
    edges keep only ``count``, ``first_seen`` and ``last_seen``, so the ``count`` events are taken
    as spread evenly between the two dates and the decay is averaged over that span (closed
    form below). Undated edges count as one half-life old. Follows have no date and weigh
    :data:`FOLLOW_WEIGHT`.

As of a date
    The graph as of ``now`` holds only what had happened by then: an edge first seen after
    ``now`` is left out, and one whose span runs past it keeps the share of its ``count``
    that falls up to ``now`` (the same even spread), last seen at ``now``. Follows keep their
    weight whatever the date: the store knows when a follow was *imported*, not when it was
    made, so they cannot be placed in time.

Walk
    The random walk follows edges forward (from a person to whom they engage) and, with
    ``reverse_weight``, backward (to the people who engage them), so that both "whom my circle
    talks to" and "who talks to my circle" get mass.

Personalized PageRank
    The restart distribution is the account itself (``self_share`` of the mass) plus its circle
    (the accounts it interacts with either way, or follows), in proportion to edge weight. This
    is the "circle of trust" of Twitter's Who-To-Follow (Gupta et al., WWW 2013). Scores come
    from power iteration on a scipy sparse matrix; dangling nodes restart.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from staffpulse.connect.reply_names import merge_named_nodes, read_reply_names
from staffpulse.models import Interaction
from staffpulse.store import Store

FloatArray = npt.NDArray[np.float64]

HALF_LIFE_DAYS = 30.0
"""Recency half-life: a month-old interaction counts half as much as one made today."""

KIND_WEIGHTS: Mapping[str, float] = {"reply": 1.0, "quote": 0.8, "mention": 0.6, "repost": 0.4}
"""A reply is a conversation; a quote adds words; a mention points; a repost only amplifies."""
TALK_KINDS = frozenset({"reply", "mention", "quote"})
"""What counts as talking with an account, as the audit's Conversation counts it: a bare repost
only amplifies, a follow says nothing."""

FOLLOW_WEIGHT = 0.5
"""A follow is a standing signal of interest, about half a recent reply."""

REVERSE_WEIGHT = 0.5
"""How much the walk also moves against edge direction (to those who engage a node)."""

DAMPING = 0.85
SELF_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Edge:
    """One directed, weighted edge with the facts the explanations need."""

    source: str
    target: str
    weight: float
    kinds: dict[str, int]  # interaction kind -> count ("follow" -> 1 for a follow)
    last_seen: datetime | None


@dataclass
class InteractionGraph:
    """A directed weighted graph over account ids (or ``"@handle"`` for unknown accounts)."""

    nodes: list[str]
    index: dict[str, int]
    matrix: sp.csr_matrix  # matrix[i, j] = weight of edge i -> j
    edges: dict[tuple[str, str], Edge] = field(default_factory=dict)
    # the handles of nodes known only by an id that replies answer (connect.reply_names)
    names: dict[str, str] = field(default_factory=dict)
    # each account's circle PageRank, walked once per graph (:func:`account_pagerank`)
    ranks: dict[str, FloatArray] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.nodes)

    def out_neighbours(self, node: str) -> dict[str, float]:
        i = self.index.get(node)
        if i is None:
            return {}
        row = self.matrix.getrow(i)
        return {self.nodes[j]: float(w) for j, w in zip(row.indices, row.data, strict=True)}

    def in_neighbours(self, node: str) -> dict[str, float]:
        j = self.index.get(node)
        if j is None:
            return {}
        col = self.matrix.getcol(j).tocoo()
        return {self.nodes[i]: float(w) for i, w in zip(col.row, col.data, strict=True)}

    def talked_with(self, node: str) -> set[str]:
        """The accounts ``node`` replied to, mentioned or quoted (:data:`TALK_KINDS`)."""
        return {
            other
            for other in self.out_neighbours(node)
            if TALK_KINDS & self.edges[(node, other)].kinds.keys()
        }

    def circle(self, node: str) -> dict[str, float]:
        """Accounts the node engages or is engaged by, with the summed edge weight."""
        weights = dict(self.out_neighbours(node))
        for other, weight in self.in_neighbours(node).items():
            weights[other] = weights.get(other, 0.0) + weight
        weights.pop(node, None)
        return weights


def decay(
    first_seen: datetime | None,
    last_seen: datetime | None,
    now: datetime,
    half_life_days: float = HALF_LIFE_DAYS,
) -> float:
    """Mean of ``2 ** (-age / half_life)`` for events spread evenly from first to last seen.

    With ages ``a1 <= a2`` (days) the mean is ``h / ln 2 * (2**(-a1/h) - 2**(-a2/h)) / (a2 - a1)``;
    it is ``2**(-a1/h)`` when both dates are the same. Future dates count as today
    (:func:`build_graph` caps edges at ``now`` first, so none reach here from it). An
    infinite half-life switches recency off (always 1).
    """
    if math.isinf(half_life_days):
        return 1.0
    if last_seen is None:
        return 0.5
    first = first_seen or last_seen
    a1 = max(0.0, _days(now - last_seen))
    a2 = max(a1, _days(now - first))
    h = half_life_days
    if a2 - a1 < 1e-9:
        return float(2.0 ** (-a1 / h))
    return float(h / math.log(2) * (2.0 ** (-a1 / h) - 2.0 ** (-a2 / h)) / (a2 - a1))


def _days(delta: timedelta) -> float:
    return delta.total_seconds() / 86400.0


def build_graph(
    interactions: Iterable[Interaction],
    follows: Iterable[tuple[str, str]] = (),
    *,
    now: datetime | None = None,
    half_life_days: float = HALF_LIFE_DAYS,
) -> InteractionGraph:
    """The weighted graph of interactions up to ``now``, decayed to it (see "As of a date"
    above), and follows (``(a, b)``: a follows b)."""
    items = list(interactions)
    if now is None:
        dated = [i.last_seen for i in items if i.last_seen is not None]
        now = max(dated) if dated else datetime.now(UTC)
    edges: dict[tuple[str, str], Edge] = {}
    for whole in items:
        item = cap_interaction(whole, now)
        if item is None or item.source_id == item.target_id:
            continue
        weight = (
            KIND_WEIGHTS.get(item.kind, 0.0)
            * item.count
            * decay(item.first_seen, item.last_seen, now, half_life_days)
        )
        _add(edges, item.source_id, item.target_id, weight, item.kind, item.count, item.last_seen)
    for follower, followee in follows:
        if follower != followee:
            _add(edges, follower, followee, FOLLOW_WEIGHT, "follow", 1, None)
    nodes = sorted({n for pair in edges for n in pair})
    index = {node: i for i, node in enumerate(nodes)}
    rows = np.fromiter((index[s] for s, _ in edges), dtype=np.int64, count=len(edges))
    cols = np.fromiter((index[t] for _, t in edges), dtype=np.int64, count=len(edges))
    data = np.fromiter((e.weight for e in edges.values()), dtype=np.float64, count=len(edges))
    matrix = sp.csr_matrix((data, (rows, cols)), shape=(len(nodes), len(nodes)))
    return InteractionGraph(nodes=nodes, index=index, matrix=matrix, edges=edges)


def cap_interaction(item: Interaction, now: datetime) -> Interaction | None:
    """The part of an edge that had happened by ``now``: None when it was first seen later;
    for a span running past ``now``, the share of its count up to ``now`` (at least one, since
    one event was on or before it), last seen at ``now``. Undated edges stay as they are."""
    if item.last_seen is None or item.last_seen <= now:
        return item
    first = item.first_seen or item.last_seen
    if first > now:
        return None
    share = (now - first) / (item.last_seen - first)
    count = max(1, round(item.count * share))
    return replace(item, count=min(count, item.count), last_seen=now)


def _add(
    edges: dict[tuple[str, str], Edge],
    source: str,
    target: str,
    weight: float,
    kind: str,
    count: int,
    last_seen: datetime | None,
) -> None:
    key = (source, target)
    old = edges.get(key)
    if old is None:
        edges[key] = Edge(source, target, weight, {kind: count}, last_seen)
        return
    kinds = dict(old.kinds)
    kinds[kind] = kinds.get(kind, 0) + count
    latest = old.last_seen
    if last_seen is not None and (latest is None or last_seen > latest):
        latest = last_seen
    edges[key] = Edge(source, target, old.weight + weight, kinds, latest)


def transition_matrix(
    graph: InteractionGraph, reverse_weight: float = REVERSE_WEIGHT
) -> sp.csr_matrix:
    """Row-stochastic walk matrix over forward edges plus ``reverse_weight`` times reversed ones.

    Rows of nodes with no edge stay zero (dangling: their mass restarts).
    """
    walk = graph.matrix + reverse_weight * graph.matrix.T if reverse_weight else graph.matrix
    walk = sp.csr_matrix(walk)
    sums = np.asarray(walk.sum(axis=1)).ravel()
    inv = np.divide(1.0, sums, out=np.zeros_like(sums), where=sums > 0)
    return sp.csr_matrix(sp.diags(inv) @ walk)


def personalized_pagerank(
    walk: sp.csr_matrix,
    restart: FloatArray,
    *,
    damping: float = DAMPING,
    tol: float = 1e-10,
    max_iter: int = 200,
) -> FloatArray:
    """Power iteration for ``r = d * P^T r + (d * dangling(r) + 1 - d) * restart``; sums to 1."""
    n = walk.shape[0]
    total = float(restart.sum())
    if n == 0 or total <= 0:
        return np.zeros(n, dtype=np.float64)
    s = restart / total
    dangling = np.asarray(walk.sum(axis=1)).ravel() == 0
    transposed = sp.csr_matrix(walk.T)
    r = s.copy()
    for _ in range(max_iter):
        nxt = damping * (transposed @ r)
        nxt += (damping * float(r[dangling].sum()) + (1.0 - damping)) * s
        if float(np.abs(nxt - r).sum()) < tol:
            return np.asarray(nxt, dtype=np.float64)
        r = nxt
    return np.asarray(r, dtype=np.float64)


def restart_vector(
    graph: InteractionGraph,
    seeds: Sequence[str],
    *,
    self_share: float = SELF_SHARE,
    circle: Mapping[str, float] | None = None,
) -> FloatArray:
    """``self_share`` on the seed accounts, the rest on their circle in proportion to weight."""
    vec = np.zeros(len(graph), dtype=np.float64)
    present = [s for s in seeds if s in graph.index]
    if not present:
        return vec
    if circle is None:
        merged: dict[str, float] = {}
        for seed in present:
            for other, weight in graph.circle(seed).items():
                merged[other] = merged.get(other, 0.0) + weight
        circle = merged
    circle = {k: v for k, v in circle.items() if k in graph.index and k not in present and v > 0}
    own = self_share if circle else 1.0
    for seed in present:
        vec[graph.index[seed]] += own / len(present)
    total = sum(circle.values())
    for other, weight in circle.items():
        vec[graph.index[other]] += (1.0 - own) * weight / total
    return vec


def circle_pagerank(
    graph: InteractionGraph,
    seeds: Sequence[str],
    *,
    damping: float = DAMPING,
    reverse_weight: float = REVERSE_WEIGHT,
    self_share: float = SELF_SHARE,
) -> FloatArray:
    """Personalized PageRank of every node from ``seeds`` and their circle of trust."""
    restart = restart_vector(graph, seeds, self_share=self_share)
    return personalized_pagerank(transition_matrix(graph, reverse_weight), restart, damping=damping)


def account_pagerank(graph: InteractionGraph, account_id: str) -> FloatArray:
    """:func:`circle_pagerank` from one account with the default walk, walked once per graph:
    the rankings that check connect's advice at the same date share the graph, and the walk."""
    scores = graph.ranks.get(account_id)
    if scores is None:
        scores = graph.ranks[account_id] = circle_pagerank(graph, [account_id])
        scores.setflags(write=False)  # shared by every ranking of the run
    return scores


def store_follows(store: Store, platform: str) -> list[tuple[str, str]]:
    """Every known follow edge ``(follower_id, followee_id)`` of a platform."""
    rows = store.conn.execute(
        "SELECT follower_id, followee_id FROM follows WHERE platform = ?", (platform,)
    )
    return [(str(a), str(b)) for a, b in rows]


@dataclass(frozen=True, slots=True)
class PlatformEdges:
    """What one platform's graph is built from, as the store holds it: the interactions (each
    ``@handle`` node of an account named by its replies made that account's node), the follows
    and those names (:mod:`~staffpulse.connect.reply_names`)."""

    interactions: list[Interaction]
    follows: list[tuple[str, str]]
    names: dict[str, str]


def read_platform_edges(store: Store, platform: str) -> PlatformEdges:
    """The edges of one platform from the store, its interaction edges first brought up to
    date with posts written since the last refresh (a listener's, say)."""
    store.refresh_interactions()
    names = read_reply_names(store, platform)
    interactions = merge_named_nodes(store.interactions(platform), names)
    return PlatformEdges(interactions, store_follows(store, platform), names)


def graph_from_edges(
    edges: PlatformEdges, *, now: datetime | None = None, half_life_days: float = HALF_LIFE_DAYS
) -> InteractionGraph:
    """The graph of :func:`build_graph` as of ``now``, each account known only by the id
    replies answer named by their handle."""
    graph = build_graph(edges.interactions, edges.follows, now=now, half_life_days=half_life_days)
    graph.names = {node: handle for node, handle in edges.names.items() if node in graph.index}
    return graph


def load_graph(
    store: Store,
    platform: str,
    *,
    now: datetime | None = None,
    half_life_days: float = HALF_LIFE_DAYS,
) -> InteractionGraph:
    """The graph of one platform from the store as of ``now`` (:func:`read_platform_edges`,
    then :func:`graph_from_edges`)."""
    edges = read_platform_edges(store, platform)
    return graph_from_edges(edges, now=now, half_life_days=half_life_days)
