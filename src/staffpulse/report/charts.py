"""The audit's charts: the four pillars as bars and the content mix month by month.

Each chart is a Vega-Lite spec (``*_spec`` functions: plain dicts, easy to test and to reuse),
drawn as static SVG by :func:`staffpulse.report.chart_render.render`; the cohort's strips are
in :mod:`staffpulse.report.chart_strips`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from staffpulse.report.audit_view import GRADE_COLORS, band
from staffpulse.report.chart_render import render
from staffpulse.report.chart_theme import PILLAR_AXIS, vega_spec
from staffpulse.report.timeline_periods import span_caption, timeline_periods

MIX_SERIES = (
    ("job_ads", "Job ads", "#d9622b"),
    ("other_posts", "Other posts", "#2f6fdf"),
    ("replies", "Replies to others", "#1a9c8c"),
    ("reposts", "Reposts", "#a3adbd"),
    ("not_english", "Not in English (not read)", "#d5dae3"),
)
# the bars' length at 100: with the score after the longest, the chart is about 310 px wide
_PILLAR_BARS_WIDTH = 260


def pillar_bars_spec(rows: Sequence[tuple[str, int]]) -> dict[str, Any]:
    """Horizontal bars, one per pillar, 0-100 on a light track, coloured by grade band, each
    pillar's name above its bar and its score after it.

    The names sit above the bars, not in an axis beside them, so the chart is narrow enough
    (about 310 px) to show every score on a phone at a readable size without scrolling: with
    the names beside the bars it needed about 450 px, and a 390 px screen cut it at about 70.
    """
    values = [
        {
            "pillar": label,
            "score": score,
            "shown": max(score, 0.6),
            "color": GRADE_COLORS[band(score)],
            "label": f"{label}: {score}",
        }
        for label, score in rows
    ]
    x_axis = {"values": [0, 25, 50, 75, 100], "grid": True, "labelPadding": 6}
    bar = {"cornerRadius": 5, "size": 20}
    return vega_spec(
        width=_PILLAR_BARS_WIDTH,
        height={"step": 58},
        data={"values": values},
        encoding={"y": {"field": "pillar", "type": "nominal", "sort": None, "axis": None}},
        layer=[
            {
                "mark": {"type": "bar", "color": "#f1f4f8", "aria": False, **bar},
                "encoding": {"x": {"datum": 100, "type": "quantitative"}},
            },
            {
                "mark": {"type": "bar", **bar},
                "encoding": {
                    "description": {"field": "label"},
                    "x": {
                        "field": "shown",
                        "type": "quantitative",
                        "scale": {"domain": [0, 100]},
                        "axis": x_axis,
                    },
                    "color": {"field": "color", "type": "nominal", "scale": None},
                },
            },
            {  # the pillar's name, above the left end of its bar
                "mark": {
                    "type": "text",
                    "align": "left",
                    "baseline": "bottom",
                    "dy": -13,
                    "fontSize": PILLAR_AXIS["labelFontSize"],
                    "fontWeight": PILLAR_AXIS["labelFontWeight"],
                    "color": PILLAR_AXIS["labelColor"],
                    "aria": False,
                },
                "encoding": {
                    "x": {"datum": 0, "type": "quantitative"},
                    "text": {"field": "pillar"},
                },
            },
            {
                "mark": {
                    "type": "text",
                    "align": "left",
                    "dx": 8,
                    "fontSize": 14,
                    "fontWeight": 700,
                    "aria": False,
                },
                "encoding": {
                    "x": {"field": "shown", "type": "quantitative"},
                    "text": {"field": "score"},
                    "color": {"field": "color", "type": "nominal", "scale": None},
                },
            },
        ],
    )


def pillar_bars(rows: Sequence[tuple[str, int]]) -> Markup:
    # drawn at most a fifth larger than its size: in a wide column its text would be huge
    return render(pillar_bars_spec(rows), "Pillar scores from 0 to 100", max_scale=1.2)


TIMELINE_WIDTH = 880
MAX_BAR = 48.0  # px: the width of a month's bar when only a few months are charted
LABELLED_QUARTERS = 16  # quarters that each get a label; more are labelled once a year


def mix_timeline_spec(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Stacked bars: job ads, other posts, replies, reposts (and posts not in English, which
    the text model cannot sort, when there are any), a bar a month, or a quarter or a year
    when the timeline is longer (:mod:`~staffpulse.report.timeline_periods`): every dated post
    the grades read is charted."""
    shown = [s for s in MIX_SERIES if s[0] != "not_english" or any(r.get(s[0]) for r in rows)]
    unit, bars = timeline_periods(rows, [key for key, _n, _c in shown])
    values = [
        {
            "month": bar.key,
            "label": bar.label,
            "series": name,
            "order": k,
            "posts": bar.counts[key],
            "description": f"{bar.label}, {name}: {bar.counts[key]}",
        }
        for bar in bars
        for k, (key, name, _color) in enumerate(shown)
        if bar.counts[key]
    ]
    months = [bar.label for bar in bars]
    # a bar is 70% of its period's band, but no wider than MAX_BAR: a one-month account's
    # single bar filled two thirds of the chart, a slab rather than a month
    bar_width = min(0.7 * TIMELINE_WIDTH / max(len(months), 1), MAX_BAR)
    x_axis: dict[str, Any] = {"labelAngle": 0, "labelColor": "#5b6578", "labelOverlap": True}
    if unit == "quarter" and len(bars) > LABELLED_QUARTERS:
        # every quarter named ran "Q4 ’10Q2 ’11Q4 ’11" together: one label a year
        x_axis["values"] = [bar.label for bar in bars if bar.label.startswith("Q1")]
    y_axis: dict[str, Any] = {"tickMinStep": 1, "grid": True, "tickCount": 5, "format": ",d"}
    peak = max((sum(bar.counts.values()) for bar in bars), default=0)
    if peak < 3:
        # Vega splits a count of 1 or 2 into halves ("0.0 0.5 1.0" posts) whatever tickMinStep
        # says: a one-post account's chart read as if half a post could be written
        y_axis["values"] = list(range(peak + 1))
    return vega_spec(
        width=TIMELINE_WIDTH,
        height=200,
        data={"values": values},
        mark={"type": "bar", "width": round(bar_width, 1)},
        encoding={
            "x": {
                "field": "label",
                "type": "ordinal",
                "sort": months,
                # every month of the timeline, quiet ones too (they have no bar to draw): a
                # gap in activity shows as a gap, not as a month that never was
                "scale": {"domain": months},
                "axis": x_axis,
            },
            "y": {
                "aggregate": "sum",
                "field": "posts",
                "type": "quantitative",
                "axis": y_axis,
            },
            "color": {
                "field": "series",
                "type": "nominal",
                "scale": {
                    "domain": [name for _k, name, _c in shown],
                    "range": [color for _k, _n, color in shown],
                },
                "legend": {"orient": "top", "direction": "horizontal"},
            },
            "order": {"field": "order"},
            "description": {"field": "description"},
        },
    )


def mix_timeline(rows: Sequence[dict[str, Any]]) -> Markup:
    """The chart, with a line under it when its bars are quarters or years."""
    if not rows:
        return Markup('<p class="muted">No dated posts to chart.</p>')
    unit, bars = timeline_periods(rows, [key for key, _n, _c in MIX_SERIES])
    chart = render(mix_timeline_spec(rows), f"Posts per {unit} by type")
    caption = span_caption(unit, bars)
    return chart if caption is None else chart + Markup('<p class="faint">{}</p>').format(caption)
