"""The three most important actions of an audit: the advice that can win the most points."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from staffpulse.audit.types import PILLAR_TITLES, PillarResult

# Advice about data we could not check is worth less than advice about what we saw.
DEFERRED_PREFIXES = ("We could not check",)


def top_actions(
    pillars: Mapping[str, PillarResult], weights: Mapping[str, Any], limit: int = 3
) -> list[dict[str, Any]]:
    """First advice of the pillars with the most points to gain, then their second advice."""
    total = sum(float(w) for w in weights.values()) or 1.0
    # a pillar not scored has no score to raise: no points, and its advice comes last
    gain = {
        name: 0.0
        if pillar.score is None
        else float(weights.get(name, 0)) / total * (100 - pillar.score)
        for name, pillar in pillars.items()
    }
    order = sorted(pillars, key=lambda name: (-gain[name], pillars[name].score or 0))
    candidates: list[tuple[bool, int, int, str, str]] = []
    for rank in range(3):
        for position, name in enumerate(order):
            recs = pillars[name].recommendations
            if rank < len(recs) and (rank == 0 or gain[name] > 5):
                # unchecked data, or praise for a pillar with little to gain, goes last
                deferred = recs[rank].startswith(DEFERRED_PREFIXES) or gain[name] <= 5
                candidates.append((deferred, rank, position, name, recs[rank]))
    candidates.sort(key=lambda item: (item[0], item[1], item[2]))
    return [
        {
            "pillar": name,
            "title": PILLAR_TITLES[name],
            "action": text,
            "points": round(gain[name]),
        }
        for _deferred, _rank, _position, name, text in candidates[:limit]
    ]
