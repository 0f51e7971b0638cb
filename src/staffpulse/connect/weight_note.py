"""Why an account engaged less often can rank above one engaged more often.

The why column counts engagements ("you replied to them 5×", "you engaged them 16× (8 reposts,
5 mentions, 3 quotes)") but the score weighs them: a recent one more than an old one (half as
much for each half-life), a reply more than a quote, a mention or a repost
(:data:`~staffpulse.connect.graph.KIND_WEIGHTS`). Five replies of last week above sixteen
engagements spread over the year read as an arbitrary order to a marketer (QA s35), so when the
list holds such a pair, a note names it and says what weighs most.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence

from staffpulse.connect.graph import KIND_WEIGHTS, InteractionGraph
from staffpulse.connect.score_text import tie_key
from staffpulse.connect.suggestion import Suggestion
from staffpulse.report.counts import count_of

_KINDS_SAID = "a reply more than a quote, a mention or a repost"


def _engagements(graph: InteractionGraph, account_id: str, node: str) -> int:
    """Replies, quotes, mentions and reposts between the account and ``node``, either way, as
    of the ranking date (follows are no engagement)."""
    edges = (graph.edges.get((account_id, node)), graph.edges.get((node, account_id)))
    return sum(n for e in edges if e is not None for k, n in e.kinds.items() if k in KIND_WEIGHTS)


def weight_note(
    graph: InteractionGraph, account_id: str, found: Sequence[Suggestion], half_life_days: float
) -> str | None:
    """A note when an account ranks above one with more engagements with ``account_id`` (the
    one with the most such engagements, below the first that has fewer), saying what the score
    weighs most; None when the order follows the counts."""
    counts = [_engagements(graph, account_id, s.account_id) for s in found]
    scores = [tie_key(s.score) for s in found]  # tied accounts are in no order
    pair = _fewer_above_more(counts, scores)
    if pair is None:
        return None
    first, second = found[pair[0]], found[pair[1]]
    weighs = f"the score weighs {_KINDS_SAID}"
    if not math.isinf(half_life_days):
        weighs = (
            f"the score weighs recent engagements most (one {half_life_days:g} days old counts "
            f"half as much as one on the ranking date) and {_KINDS_SAID}"
        )
    fewer = counts[pair[0]]
    return (
        f"{first.label} ranks above {second.label} with {count_of(fewer, 'engagement')} "
        f"to its {counts[pair[1]]}: {weighs}"
    )


def _fewer_above_more(counts: Sequence[int], scores: Sequence[str]) -> tuple[int, int] | None:
    """``(above, low)``: of the rows ``low`` below a row with fewer engagements (at least one)
    and another score, the one with the most engagements (the first of equals), and the first
    such row above it; None when there is none. In n log n: a list of 10,000 compared every
    pair of rows (50 million checks)."""
    prefixes = _prefix_minima(counts, scores)
    pair: tuple[int, int] | None = None
    for low, (most, score) in enumerate(zip(counts, scores, strict=True)):
        if pair is not None and most <= counts[pair[1]]:
            continue  # only a row with more engagements replaces the pair found
        # the first row with fewer engagements and another score: the prefixes holding one
        # are all those from it on, so a binary search finds it
        above = bisect_left(range(low), True, key=lambda end: prefixes[end].holds(most, score))
        if above < low:
            pair = (above, low)
    return pair


class _Minima:
    """Of the rows with at least one engagement among the first ones: the fewest engagements
    (``fewest``) with the score of such a row (``score``), and the fewest among the rows of
    any other score (``other``): whether those rows hold one with fewer engagements than
    ``most`` and a score other than ``score`` follows from these three alone."""

    __slots__ = ("fewest", "other", "score")

    def __init__(self, fewest: float, score: str | None, other: float) -> None:
        self.fewest, self.score, self.other = fewest, score, other

    def holds(self, most: int, score: str) -> bool:
        return (self.fewest < most and self.score != score) or self.other < most

    def adding(self, count: int, score: str) -> _Minima:
        if count <= 0:
            return self
        if count < self.fewest:
            # the rows of another score than this one: the old fewest unless it had this score
            other = self.fewest if score != self.score else self.other
            return _Minima(count, score, other)
        if score != self.score:
            return _Minima(self.fewest, self.score, min(self.other, count))
        return self


def _prefix_minima(counts: Sequence[int], scores: Sequence[str]) -> list[_Minima]:
    """The :class:`_Minima` of the first 1, 2, ... n rows."""
    out: list[_Minima] = []
    now = _Minima(math.inf, None, math.inf)  # no row yet
    for count, score in zip(counts, scores, strict=True):
        now = now.adding(count, score)
        out.append(now)
    return out
