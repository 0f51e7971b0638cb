"""What the role tagger returns for a batch of accounts, and its ``roles`` output record."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from staffpulse.models import ROLES

__all__ = ["RECORD_DIGITS", "RolePredictions", "round_to_side"]

# decimals of the probabilities in a ``roles`` output record
RECORD_DIGITS = 4


@dataclass(frozen=True)
class RolePredictions:
    """Batch output: one entry per account, in input order."""

    p_org: np.ndarray
    kind: list[str]
    role: list[str]
    role_scores: np.ndarray
    org_threshold: float = 0.5  # the cut that decided ``kind``

    def __len__(self) -> int:
        return len(self.kind)

    def record(self, i: int) -> dict[str, Any]:
        """The i-th prediction as a JSON-ready dict (without the id)."""
        scores = zip(ROLES, self.role_scores[i], strict=True)
        is_org = self.kind[i] == "org"
        return {
            "kind": self.kind[i],
            "p_org": round_to_side(float(self.p_org[i]), self.org_threshold, above=is_org),
            "role": self.role[i],
            "role_scores": {r: round(float(s), RECORD_DIGITS) for r, s in scores},
        }


def round_to_side(p: float, threshold: float, *, above: bool) -> float:
    """``p`` to ``RECORD_DIGITS`` decimals, on the side of ``threshold`` that ``kind`` says.

    ``kind`` is decided on the unrounded probability, so plain rounding could print p_org 0.5
    next to kind "person" (0.49996): a reader, or a script that applies the 0.5 cut itself,
    would see the two disagree. Such a value is rounded toward its side instead (0.4999)."""
    scale = 10.0**RECORD_DIGITS
    value = round(p, RECORD_DIGITS)
    if above and value < threshold:
        value = math.ceil(p * scale) / scale
    elif not above and value >= threshold:
        value = math.floor(p * scale) / scale
    return value
