"""Figures rounded for people: halves go up (40.5 -> 41), as a reader rounds by hand.

Python's ``round`` (and Jinja's ``round`` filter, which calls it) rounds half to even, so a
median of 40.5 printed "40" beside a segment whose scores were 40 and 41: a reader checking
the sum thinks the report is wrong. Every figure the benchmark rounds for display goes through
:func:`round_half_up` or :func:`whole` instead.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal


def round_half_up(value: float, digits: int = 0) -> float:
    """``value`` rounded to ``digits`` decimals, halves away from zero (0.25 -> 0.3,
    -0.5 -> -1). The decimal digits a float prints as are the ones rounded: 0.125 is a half."""
    if not math.isfinite(value):
        return value
    quantum = Decimal(1).scaleb(-digits)
    return float(Decimal(str(float(value))).quantize(quantum, rounding=ROUND_HALF_UP))


def whole(value: float) -> int:
    """``value`` as a whole number, halves up: ``whole(40.5) == 41``."""
    return int(round_half_up(value))
