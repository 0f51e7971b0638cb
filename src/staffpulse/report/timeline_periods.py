"""The bars of the audit's "Content mix over time": the audit's monthly timeline (every month
from the first dated post to the last) summed into months, quarters or years, so the chart
covers the whole span the grades are based on at a width that stays readable.

A dormant account's chart showed only its last 24 months, a trickle of 0 to 7 posts a month,
while the years it was active, and every post its grades read, were left off.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

MONTHLY_UP_TO = 36  # months charted one bar each; a longer span is charted by quarter
QUARTERLY_UP_TO = 60  # quarters (15 years); a longer span still is charted by year
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, slots=True)
class Period:
    """One bar: its key (the first month it holds, "2015-04"), its axis label ("Q2 ’15"),
    and the posts of each series in it."""

    key: str
    label: str
    counts: dict[str, int]


def month_label(value: str) -> str:
    """``2026-05`` → ``May ’26``; anything else is shown as it is."""
    try:
        year, month = value.split("-")[:2]
        return f"{_MONTHS[int(month) - 1]} ’{year[2:]}"
    except (ValueError, IndexError):
        return value


def period_unit(months: int) -> str:
    """The bar's span for a timeline of ``months`` months: "month", "quarter" or "year"."""
    if months <= MONTHLY_UP_TO:
        return "month"
    return "quarter" if months <= 3 * QUARTERLY_UP_TO else "year"


def _period_of(month: str, unit: str) -> tuple[str, str]:
    """The key and label of the bar ``month`` ("2015-05") falls in."""
    if unit == "month":
        return month, month_label(month)
    try:
        year, number = month.split("-")[:2]
        first = (int(number) - 1) // 3 * 3 + 1 if unit == "quarter" else 1
    except ValueError:
        return month, month
    if unit == "year":
        return f"{year}-01", year
    return f"{year}-{first:02d}", f"Q{(first - 1) // 3 + 1} ’{year[2:]}"


def timeline_periods(
    rows: Sequence[dict[str, Any]], series: Sequence[str]
) -> tuple[str, list[Period]]:
    """The timeline's ``rows`` (one a month, quiet months too) as bars of one unit
    (:func:`period_unit`), oldest first, each with the sum of each of ``series``."""
    unit = period_unit(len(rows))
    bars: dict[str, Period] = {}
    for row in sorted(rows, key=lambda r: str(r["month"])):
        key, label = _period_of(str(row["month"]), unit)
        bar = bars.setdefault(key, Period(key, label, dict.fromkeys(series, 0)))
        for name in series:
            bar.counts[name] += int(row.get(name, 0))
    return unit, list(bars.values())


def span_caption(unit: str, bars: Sequence[Period]) -> str | None:
    """The line under a chart whose bars are quarters or years: what a bar is, and that the
    chart holds every dated post the grades read (None under monthly bars)."""
    if unit == "month" or not bars:
        return None
    span = f"{bars[0].label} to {bars[-1].label}" if len(bars) > 1 else bars[0].label
    return (
        f"Each bar is a {unit}: the chart covers every dated post the grades are based on ({span})."
    )
