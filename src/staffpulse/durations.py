"""Durations typed as options (``listen --duration 1h30m``, ``inbox --max-age 12h``), and a
span written back for people (``3 h``, ``12 days``, ``5 months``, ``12 years``).

A module of its own, with no heavy imports, so a command can check a typo before it loads the
listening stack and its models.
"""

from __future__ import annotations

from staffpulse.errors import InputError
from staffpulse.report.counts import count_of

# Whole months from which a span is told in months, then in years: "quiet for 4,707 days" is
# read faster as "quiet for 12 years"
MONTHS_FROM = 2
YEARS_FROM_MONTHS = 24
_DAYS_A_MONTH = 365.25 / 12
_UNITS = {"s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0, "w": 7 * 86400.0}  # no month: 28-31 days


def parse_duration(text: str) -> float | None:
    """``"90s"``, ``"10m"``, ``"1h30m"``, ``"2d"``, ``"2w"`` or bare seconds; ``"0"`` means no
    limit."""
    value = text.strip().lower()
    if value in ("", "0", "forever", "none"):
        return None
    if value.replace(".", "", 1).isdigit():
        return float(value)
    total, number = 0.0, ""
    for char in value:
        if char.isdigit() or char == ".":
            number += char
        elif char in _UNITS and number:
            total += float(number) * _UNITS[char]
            number = ""
        else:
            raise InputError(f"cannot read the duration {text!r}", hint="use e.g. 90s, 10m, 1h30m")
    if number:
        raise InputError(
            f"cannot read the duration {text!r}", hint="end with a unit: s, m, h, d, w"
        )
    return total


def format_span(hours: float) -> str:
    """``5 min``, ``3 h``, ``12 days``, ``5 months``, ``12 years``: a span (never negative) as
    "active ... ago" and "quiet for ..." say it. Months and years are whole ones, rounded down:
    "12 years" for 12 years and 11 months, never more than has passed."""
    if hours < 1:
        return f"{max(int(hours * 60), 1)} min"
    if round(hours) < 48:
        return f"{round(hours)} h"
    days = hours / 24
    months = int(days // _DAYS_A_MONTH)
    if months < MONTHS_FROM:
        return count_of(round(days), "day")
    if months < YEARS_FROM_MONTHS:
        return count_of(months, "month")
    return count_of(months // 12, "year")
