"""Figures rounded for people: halves go up (40.5 -> 41), as a reader rounds by hand.

A share is written by :func:`pct`, whose "0%" and "100%" are said only when exact.

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


def pct(value: float | None) -> str:
    """A share as people write it, halves up; "0%" only for none and "100%" only for all: the
    league table said 0% job ads for an account whose audit counted 3 of 746 ("<1%")."""
    if value is None:
        return "n/a"
    text = f"{whole(100 * value)}%"
    if text == "0%" and value > 0:
        return "<1%"
    if text == "100%" and value < 1:
        return ">99%"
    return text
