"""The bars of "Content mix over time" (staffpulse.report.timeline_periods): a month each up
to three years, else quarters, else years, so every post the grades read is charted."""

from __future__ import annotations

from typing import Any

from staffpulse.report import charts
from staffpulse.report.timeline_periods import (
    month_label,
    period_unit,
    span_caption,
    timeline_periods,
)


def _months(first_year: int, count: int, busy_until: int) -> list[dict[str, Any]]:
    """``count`` monthly rows from January of ``first_year``: 20 posts a month in the first
    ``busy_until`` months, one a month after (a feed gone nearly quiet)."""
    rows = []
    for i in range(count):
        month = f"{first_year + i // 12}-{i % 12 + 1:02d}"
        posts = 20 if i < busy_until else 1
        rows.append(
            {"month": month, "job_ads": 0, "other_posts": posts, "replies": 0, "reposts": 0}
        )
    return rows


def test_a_month_is_labelled_as_the_axis_shows_it() -> None:
    assert month_label("2026-11") == "Nov ’26"
    assert month_label("sometime") == "sometime"


def test_a_dormant_feed_is_charted_whole_by_year() -> None:
    # 16 years, busy for the first 8: its chart held only the last 24 quiet months
    rows = _months(2007, 192, busy_until=96)
    unit, bars = timeline_periods(rows, ["other_posts"])
    assert unit == "year"
    assert [b.label for b in bars] == [str(y) for y in range(2007, 2023)]
    assert bars[0].counts["other_posts"] == 240 and bars[-1].counts["other_posts"] == 12
    assert sum(b.counts["other_posts"] for b in bars) == 96 * 20 + 96
    html = str(charts.mix_timeline(rows))
    assert ">2007<" in html and ">2022<" in html  # the busy years are on the axis
    assert "Each bar is a year: the chart covers every dated post the grades" in html


def test_a_few_years_are_charted_by_quarter_and_up_to_three_by_month() -> None:
    assert [period_unit(n) for n in (1, 36, 37, 180, 181)] == [
        "month",
        "month",
        "quarter",
        "quarter",
        "year",
    ]
    unit, bars = timeline_periods(_months(2020, 40, busy_until=3)[1:], ["other_posts"])
    assert unit == "quarter"
    assert bars[0].key == "2020-01" and bars[0].label == "Q1 ’20"
    assert bars[0].counts["other_posts"] == 40  # February and March only
    assert bars[-1].label == "Q2 ’23"
    assert span_caption(unit, bars) == (
        "Each bar is a quarter: the chart covers every dated post the grades are based on "
        "(Q1 ’20 to Q2 ’23)."
    )
    unit, bars = timeline_periods(_months(2020, 36, busy_until=3), ["other_posts"])
    assert unit == "month" and len(bars) == 36 and span_caption(unit, bars) is None
    assert "Each bar is" not in str(charts.mix_timeline(_months(2020, 36, busy_until=3)))


def test_many_quarters_are_labelled_once_a_year() -> None:
    # every quarter named ran "Q4 ’10Q2 ’11Q4 ’11" together on the axis
    spec = charts.mix_timeline_spec(_months(2011, 144, busy_until=72))
    assert spec["encoding"]["x"]["axis"]["values"] == [
        f"Q1 ’{y % 100:02d}" for y in range(2011, 2023)
    ]
    few = charts.mix_timeline_spec(_months(2020, 40, busy_until=3))
    assert "values" not in few["encoding"]["x"]["axis"]  # 14 quarters: each has room
