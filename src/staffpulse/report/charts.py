"""Report charts: Vega-Lite specs, rendered to static SVG on our side.

Each chart is a Vega-Lite spec (``*_spec`` functions: plain dicts, easy to test and to reuse).
``render`` turns a spec into SVG with ``vl-convert``, which carries its own copy of Vega and
Vega-Lite, so charts are drawn offline and the reports need no script and no network: the
standalone reports keep their ``default-src 'none'`` policy and print well. ``render`` reads
Vega's SVG as an XML tree and changes it there (not with text patterns, which a new vl-convert
writing its attributes in another order would silently stop matching); the tree is written out
escaped, so a label full of markup stays text.

Every mark a reader may point at says what it is in words: a ``description`` encoding becomes
its ``aria-label`` (without one, Vega lists the spec's fields, "jitter: -5" and all), and
``render`` repeats it as the mark's ``<title>``, which browsers show on hover ("@hireloop: 77").
Decorations (tracks, value labels) are hidden from screen readers (``aria: false``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup, escape

from staffpulse.report.audit_view import GRADE_COLORS, band

FONT = "Inter, 'Segoe UI', system-ui, sans-serif"
INK, MUTED, GRID = "#1f2a3d", "#8a94a6", "#e4e8ee"
MIX_SERIES = (
    ("job_ads", "Job ads", "#d9622b"),
    ("other_posts", "Other posts", "#2f6fdf"),
    ("replies", "Replies to others", "#1a9c8c"),
    ("reposts", "Reposts", "#a3adbd"),
    ("not_english", "Not in English (not read)", "#d5dae3"),
)
SEGMENT_COLORS = {
    "staffing_firm": "#d9622b",
    "vendor": "#2f6fdf",
    "recruiter": "#1a9c8c",
    "hr": "#8e5bd6",
    "other": "#7b8594",
    "unknown": "#7b8594",
}
CONFIG: dict[str, Any] = {
    "font": FONT,
    "view": {"stroke": None},
    "axis": {
        "domain": False,
        "ticks": False,
        "gridColor": GRID,
        "labelColor": MUTED,
        "labelFontSize": 11,
        "title": None,
    },
    "legend": {
        "labelColor": INK,
        "labelFontSize": 12,
        "symbolType": "square",
        "symbolSize": 120,
        "columnPadding": 18,
        "title": None,
    },
}
# Pillar names on the y axis: room reserved up front, because the browser may draw them in a
# wider font than the one Vega measured them with.
PILLAR_AXIS = {
    "labelColor": INK,
    "labelFontSize": 14,
    "labelFontWeight": 600,
    "labelPadding": 14,
    "minExtent": 120,
}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SVG_NS = "http://www.w3.org/2000/svg"
# written back as the default namespace (<svg><path>, not <ns0:svg>), and xlink, which Vega
# declares, with its usual prefix (ElementTree's registry is global; these are the standard names)
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
_GROUP, _TITLE = f"{{{SVG_NS}}}g", f"{{{SVG_NS}}}title"


def _spec(**parts: Any) -> dict[str, Any]:
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "background": None,
        "config": CONFIG,
        **parts,
    }


def render(spec: dict[str, Any], label: str) -> Markup:
    """The spec as an inline SVG that scales to its container, labelled for screen readers."""
    import vl_convert  # imported here: it starts a JavaScript engine, which most commands never need

    root = ET.fromstring(vl_convert.vegalite_to_svg(spec))
    _fit_to_container(root, label)
    _add_mark_titles(root)
    return Markup(ET.tostring(root, encoding="unicode"))


def _fit_to_container(root: ET.Element, label: str) -> None:
    """Vega's fixed pixel size becomes the container's width (the viewBox keeps the height in
    proportion), and the chart is one image named ``label`` for screen readers."""
    root.attrib.pop("height", None)
    root.attrib.update({"width": "100%", "role": "img", "aria-label": label})


def _add_mark_titles(root: ET.Element) -> None:
    """Each mark Vega labelled (a ``description`` encoding, its ``aria-label``) gets the label
    again as its ``<title>``, the tooltip a browser shows on hover. Axes and legends, labelled
    for screen readers too, are groups (``<g>``): no tooltip over a whole axis."""
    shapes = [m for m in root.iter() if m.tag != _GROUP]  # a list: the loop adds to the tree
    for mark in shapes:
        label = mark.get("aria-label")
        if mark.get("role") == "graphics-symbol" and label and mark.find(_TITLE) is None:
            title = ET.Element(_TITLE)
            title.text = label
            mark.insert(0, title)  # SVG wants the title as the element's first child


def pillar_bars_spec(rows: Sequence[tuple[str, int]]) -> dict[str, Any]:
    """Horizontal bars, one per pillar, 0-100 on a light track, coloured by grade band."""
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
    return _spec(
        width=300,
        height={"step": 40},
        data={"values": values},
        encoding={
            "y": {
                "field": "pillar",
                "type": "nominal",
                "sort": None,
                "axis": PILLAR_AXIS,
            }
        },
        layer=[
            {
                "mark": {
                    "type": "bar",
                    "color": "#f1f4f8",
                    "cornerRadius": 6,
                    "size": 26,
                    "aria": False,
                },
                "encoding": {"x": {"datum": 100, "type": "quantitative"}},
            },
            {
                "mark": {"type": "bar", "cornerRadius": 6, "size": 26},
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
    return render(pillar_bars_spec(rows), "Pillar scores from 0 to 100")


def mix_timeline_spec(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Stacked monthly bars: job ads, other posts, replies, reposts (and posts not in English,
    which the text model cannot sort, when there are any)."""
    shown = [s for s in MIX_SERIES if s[0] != "not_english" or any(r.get(s[0]) for r in rows)]
    values = [
        {
            "month": str(row["month"]),
            "label": month_label(str(row["month"])),
            "series": name,
            "order": k,
            "posts": int(row.get(key, 0)),
            "description": f"{month_label(str(row['month']))}, {name}: {int(row.get(key, 0))}",
        }
        for row in rows
        for k, (key, name, _color) in enumerate(shown)
        if int(row.get(key, 0))
    ]
    months = [month_label(m) for m in sorted({str(row["month"]) for row in rows})]
    return _spec(
        width=880,
        height=200,
        data={"values": values},
        mark={"type": "bar", "width": {"band": 0.7}},
        encoding={
            "x": {
                "field": "label",
                "type": "ordinal",
                "sort": months,
                # every month of the timeline, quiet ones too (they have no bar to draw): a
                # gap in activity shows as a gap, not as a month that never was
                "scale": {"domain": months},
                "axis": {"labelAngle": 0, "labelColor": "#5b6578", "labelOverlap": True},
            },
            "y": {
                "aggregate": "sum",
                "field": "posts",
                "type": "quantitative",
                "axis": {"tickMinStep": 1, "grid": True, "tickCount": 5},
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
    if not rows:
        return Markup('<p class="muted">No dated posts to chart.</p>')
    return render(mix_timeline_spec(rows), "Posts per month by type")


def month_label(value: str) -> str:
    """``2026-05`` → ``May ’26``; anything else is shown as it is."""
    try:
        year, month = value.split("-")[:2]
        return f"{_MONTHS[int(month) - 1]} ’{year[2:]}"
    except (ValueError, IndexError):
        return value


Dot = tuple[float, str, str]  # (score, segment key, the account's name as shown: "@hireloop")
Strip = tuple[str, Sequence[Dot], float | None]  # (pillar, every account's dot, the audited one)


def percentile_strips_spec(rows: Sequence[Strip], mine_name: str = "") -> dict[str, Any]:
    """One strip per pillar: every account a dot on 0-100 (coloured by segment, named on
    hover: ``@hireloop: 77``); the audited account, when given, as a large dark marker
    (``mine_name``: how it is named)."""
    order = [label for label, _dots, _mine in rows]
    dots = [
        {
            "pillar": label,
            "score": value,
            "segment": segment,
            "offset": offset,
            "label": _dot_label(name, label, value),
        }
        for label, points, _mine in rows
        for (value, segment, name), offset in zip(points, _dot_offsets(points), strict=True)
    ]
    mine = [
        {
            "pillar": label,
            "score": m,
            "label": _dot_label(f"{mine_name} (this account)".strip(), label, m),
        }
        for label, _d, m in rows
        if m is not None
    ]
    y = {
        "field": "pillar",
        "type": "nominal",
        "sort": order,
        "axis": PILLAR_AXIS,
    }
    x = {
        "field": "score",
        "type": "quantitative",
        "scale": {"domain": [0, 100]},
        "axis": {"values": [0, 25, 50, 75, 100], "grid": True, "gridColor": "#eef1f5"},
    }
    named = {"description": {"field": "label"}, "tooltip": {"field": "label"}}
    layers: list[dict[str, Any]] = [
        {
            "data": {"values": [{"pillar": label} for label in order]},
            "mark": {"type": "rule", "color": "#d5dbe4", "strokeWidth": 2, "aria": False},
            "encoding": {
                "y": y,
                "x": {"datum": 0, "type": "quantitative"},
                "x2": {"datum": 100},
            },
        },
        {
            "data": {"values": dots},
            "mark": {"type": "circle", "size": 80, "opacity": 0.55},
            "encoding": {
                "y": y,
                "x": x,
                "yOffset": {
                    "field": "offset",
                    "type": "quantitative",
                    "scale": {"domain": [-22, 22]},
                },
                "color": {
                    "field": "segment",
                    "type": "nominal",
                    "scale": {
                        "domain": list(SEGMENT_COLORS),
                        "range": list(SEGMENT_COLORS.values()),
                    },
                    "legend": None,
                },
                **named,
            },
        },
    ]
    if mine:
        layers.append(
            {
                "data": {"values": mine},
                "mark": {
                    "type": "circle",
                    "size": 300,
                    "color": INK,
                    "opacity": 1,
                    "stroke": "#ffffff",
                    "strokeWidth": 2,
                },
                "encoding": {"y": y, "x": x, **named},
            }
        )
    return _spec(width=800, height={"step": 44}, layer=layers)


# a dot is about 10 px across and a strip 44 px high (the offset scale's -22..22)
_DOT_STEP = 10.0
_STACK_HALF = 18.0


def _dot_offsets(points: Sequence[tuple[float, str, str]]) -> list[float]:
    """Each dot's vertical offset in its strip, fixed (not random) so the same cohort always
    draws the same picture: a small jitter, and accounts tied on a score stacked apart across
    the strip, so six firms at 72 show six dots (a segment's dot is never hidden under
    another's)."""
    ties: dict[float, int] = {}
    for value, _segment, _name in points:
        ties[value] = ties.get(value, 0) + 1
    seen: dict[float, int] = {}
    offsets: list[float] = []
    for j, (value, _segment, _name) in enumerate(points):
        count, k = ties[value], seen.get(value, 0)
        seen[value] = k + 1
        if count == 1:
            offsets.append(float((j * 7919) % 11 - 5))
            continue
        step = min(_DOT_STEP, 2 * _STACK_HALF / (count - 1))
        offsets.append(round((k - (count - 1) / 2) * step, 2))
    return offsets


def _dot_label(name: str, pillar: str, score: float) -> str:
    """``@hireloop: 77`` on the Overall strip, ``@hireloop, Face: 64`` on a pillar's."""
    who = name or "an account"
    return f"{who}{'' if pillar == 'Overall' else ', ' + pillar}: {round(score)}"


def percentile_strips(rows: Sequence[Strip], mine_name: str = "") -> Markup:
    return render(
        percentile_strips_spec(rows, mine_name), "Each account's pillar scores in the cohort"
    )


def segment_legend(segments: Sequence[tuple[str, str]]) -> Markup:
    items = "".join(
        f'<span class="legend-item"><span class="dot" style="background:'
        f'{SEGMENT_COLORS.get(key, "#7b8594")}"></span>{escape(label)}</span>'
        for key, label in segments
    )
    return Markup(f'<div class="legend">{items}</div>')
