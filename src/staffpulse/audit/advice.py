"""The three most important actions of an audit: the advice that can win the most points."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from staffpulse.audit.types import PILLAR_TITLES, PillarResult


def top_actions(
    pillars: Mapping[str, PillarResult], weights: Mapping[str, Any], limit: int = 3
) -> list[dict[str, str]]:
    """First advice of the pillars with the most points to gain, then their second advice."""
    total = sum(float(w) for w in weights.values()) or 1.0
    gain = {
        name: float(weights.get(name, 0)) / total * (100 - pillar.score)
        for name, pillar in pillars.items()
    }
    order = sorted(pillars, key=lambda name: (-gain[name], pillars[name].score))
    actions: list[dict[str, str]] = []
    for rank in range(3):
        for name in order:
            recs = pillars[name].recommendations
            if rank < len(recs) and len(actions) < limit and (rank == 0 or gain[name] > 5):
                actions.append(
                    {
                        "pillar": name,
                        "title": PILLAR_TITLES[name],
                        "action": recs[rank],
                        "points": f"{gain[name]:.0f}",
                    }
                )
        if len(actions) >= limit:
            break
    return actions
