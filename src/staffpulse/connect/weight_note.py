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
from collections.abc import Sequence

from staffpulse.connect.graph import KIND_WEIGHTS, InteractionGraph
from staffpulse.connect.score_text import given_score
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
    scores = [given_score(s.score) for s in found]  # tied accounts are in no order
    pair: tuple[int, int] | None = None
    for low in range(len(found)):
        above = next(
            (i for i in range(low) if 0 < counts[i] < counts[low] and scores[i] != scores[low]),
            None,
        )
        if above is not None and (pair is None or counts[low] > counts[pair[1]]):
            pair = (above, low)
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
