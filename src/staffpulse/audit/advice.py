""" "Do this next": the audit's most important actions, with the points each could win.

* **Only real actions.** Praise (a pillar's "keep it up" when it has nothing to fix, marked
  :class:`~staffpulse.audit.types.Praise`) stays in its pillar's advice but is no action to
  take next. When fewer than three actions are needed, fewer are listed.
* **Points that add up.** A pillar can add at most its share of the overall score it is
  missing: ``weight / sum of weights × (100 − score)`` (``pillar_points``). Its advice shares
  that gap evenly (``points``, rounded so a pillar's shares add up to its gap), so following
  every action of a pillar wins at most what the pillar is missing, and the points of the
  listed actions never add up to more than ``100 − overall``. A pillar not scored has no score
  to raise: its advice is worth 0 points and comes after the scored pillars'.
* **Order.** The actions worth the most points first (ties: a pillar's first advice before
  its second, the pillar with the most to gain first). Only a pillar with more than
  ``MANY_POINTS`` to gain may place its second and third advice. Advice about data that could
  not be checked, and advice of a pillar with little to gain, go last.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from staffpulse.audit.types import PILLAR_TITLES, PillarResult, Praise

# Advice about data we could not check is worth less than advice about what we saw.
DEFERRED_PREFIXES = ("We could not check",)
# a pillar with no more than this to gain gets one action at most, after the others
MANY_POINTS = 5.0


def is_praise(text: str) -> bool:
    """Whether a piece of advice only says "keep it up" (no action to take next): every
    pillar marks such advice with :class:`Praise`, so its wording never decides."""
    return isinstance(text, Praise)


def pillar_gaps(
    pillars: Mapping[str, PillarResult], weights: Mapping[str, Any]
) -> dict[str, float]:
    """The most each pillar can add to the overall score (0 for a pillar not scored)."""
    total = sum(float(w) for w in weights.values()) or 1.0
    return {
        name: 0.0
        if pillar.score is None
        else float(weights.get(name, 0)) / total * (100 - pillar.score)
        for name, pillar in pillars.items()
    }


def split_points(gap: float, parts: int) -> list[int]:
    """``gap`` shared by ``parts`` actions in whole points that add up to ``round(gap)``."""
    if parts <= 0:
        return []
    whole = round(gap)
    base, extra = divmod(whole, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def top_actions(
    pillars: Mapping[str, PillarResult], weights: Mapping[str, Any], limit: int = 3
) -> list[dict[str, Any]]:
    """Up to ``limit`` actions, most points first (see the module docstring)."""
    gap = pillar_gaps(pillars, weights)
    actions = {
        name: [text for text in pillar.recommendations if not is_praise(text)]
        for name, pillar in pillars.items()
    }
    points = {name: split_points(gap[name], len(texts)) for name, texts in actions.items()}
    order = sorted(pillars, key=lambda name: (-gap[name], pillars[name].score or 0))
    candidates: list[tuple[bool, int, int, int, str]] = []
    for rank in range(3):
        for position, name in enumerate(order):
            if rank < len(actions[name]) and (rank == 0 or gap[name] > MANY_POINTS):
                text = actions[name][rank]
                deferred = text.startswith(DEFERRED_PREFIXES) or gap[name] <= MANY_POINTS
                candidates.append((deferred, -points[name][rank], rank, position, name))
    candidates.sort()
    return [
        _action(name, actions[name][rank], points[name][rank], gap[name])
        for _deferred, _points, rank, _position, name in candidates[:limit]
    ]


def _action(name: str, text: str, points: int, gap: float) -> dict[str, Any]:
    return {
        "pillar": name,
        "title": PILLAR_TITLES[name],
        "action": str(text),
        "points": points,
        "pillar_points": round(gap),
    }
