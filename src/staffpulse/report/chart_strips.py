"""The cohort's picture: one strip per pillar, every account a dot on 0-100 coloured by its
segment, the audited account a large dark marker (the benchmark report, and the audit's
"Where you stand"), and the segment legend drawn beside it in HTML."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup, escape

from staffpulse.report.chart_render import render
from staffpulse.report.chart_theme import INK, PILLAR_AXIS, vega_spec

# one colour per segment, "no segment" the neutral grey: "Other" shared that grey, so a
# cohort with both showed two legend entries, and dots, no reader could tell apart
SEGMENT_COLORS = {
    "staffing_firm": "#d9622b",
    "vendor": "#2f6fdf",
    "job_board": "#c2417a",
    "recruiter": "#1a9c8c",
    "hr": "#8e5bd6",
    "other": "#a67c00",
    "unknown": "#7b8594",
}
MINE = "(this account)"  # how the audited account's marker is named (its label, on hover)
Dot = tuple[float, str, str]  # (score, segment key, the account's name as shown: "@hireloop")
Strip = tuple[str, Sequence[Dot], float | None]  # (pillar, every account's dot, the audited one)


def percentile_strips_spec(
    rows: Sequence[Strip], mine_name: str = "", width: int = 800
) -> dict[str, Any]:
    """One strip per pillar: every account a dot on 0-100 (coloured by segment, named on
    hover: ``@hireloop: 77``); the audited account, when given, as a large dark marker
    (``mine_name``: how it is named). ``width``: of the strips, in px, beside their names."""
    order = [label for label, _dots, _mine in rows]
    strip = _strip_height(rows)
    dots = [
        {
            "pillar": label,
            "score": value,
            "segment": segment,
            "offset": offset,
            "label": _dot_label(name, label, value),
        }
        for label, points, _mine in rows
        for (value, segment, name), offset in zip(points, _dot_offsets(points, strip), strict=True)
    ]
    mine = [
        {
            "pillar": label,
            "score": m,
            "label": _dot_label(f"{mine_name} {MINE}".strip(), label, m),
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
                    "scale": {"domain": [-strip / 2, strip / 2]},
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
    return vega_spec(width=width, height={"step": strip}, layer=layers)


# a dot is about 10 px across; a strip is 44 px high, or taller for a big stack of tied
# accounts, up to 110 px; its stacks keep a 24 px band clear (14 px between dots) from the
# next strip's
_DOT_STEP = 10.0
_STRIP_MIN, _STRIP_MAX, _STRIP_GAP = 44.0, 110.0, 24.0


def _strip_height(rows: Sequence[Strip]) -> float:
    """The height of every strip: enough for the biggest stack of tied accounts a dot's
    width apart. A fixed 44 px let the five firms tied at 0 on Mix (small accounts often
    are) run into the Voice strip's five below them: one column no reader could split."""
    most = max(
        (max(Counter(v for v, _s, _n in dots).values(), default=1) for _l, dots, _m in rows),
        default=1,
    )
    return min(_STRIP_MAX, max(_STRIP_MIN, _STRIP_GAP + _DOT_STEP * (most - 1)))


def _dot_offsets(points: Sequence[Dot], strip: float = _STRIP_MIN) -> list[float]:
    """Each dot's vertical offset in its strip (``strip`` px high), fixed (not random) so the
    same cohort always draws the same picture: a small jitter, and accounts tied on a score
    stacked apart across the strip, so six firms at 72 show six dots (a segment's dot is
    never hidden under another's), closer together only when the tallest strip cannot hold
    them a dot's width apart."""
    ties = Counter(value for value, _segment, _name in points)
    half = (strip - _STRIP_GAP) / 2
    seen: dict[float, int] = {}
    offsets: list[float] = []
    for j, (value, _segment, _name) in enumerate(points):
        count, k = ties[value], seen.get(value, 0)
        seen[value] = k + 1
        if count == 1:
            offsets.append(float((j * 7919) % 11 - 5))
            continue
        step = min(_DOT_STEP, 2 * half / (count - 1))
        offsets.append(round((k - (count - 1) / 2) * step, 2))
    return offsets


def _dot_label(name: str, pillar: str, score: float) -> str:
    """``@hireloop: 77`` on the Overall strip, ``@hireloop, Face: 64`` on a pillar's."""
    who = name or "an account"
    return f"{who}{'' if pillar == 'Overall' else ', ' + pillar}: {round(score)}"


# the strips of a phone's chart: with their names, about 300 px at a readable text size (the
# 800 px strips needed 890 px, so a phone showed the scores 0 to 25 and most dots off-screen)
NARROW_WIDTH = 180


def percentile_strips(rows: Sequence[Strip], mine_name: str = "") -> Markup:
    """The strips twice: 800 px wide, and narrow for a phone, where the stylesheet shows it
    instead (``.strips-narrow`` in report.css), so every dot is on the screen at once. Wider
    than its box (a narrow window, a long name), a chart scrolls, opening on the account's
    own marker."""
    label = "Each account's pillar scores in the cohort"
    wide = render(percentile_strips_spec(rows, mine_name), label, focus=MINE)
    narrow = render(
        percentile_strips_spec(rows, mine_name, NARROW_WIDTH), label, focus=MINE, max_scale=1.6
    )
    return Markup(
        f'<div class="strips"><div class="strips-wide">{wide}</div>'
        f'<div class="strips-narrow">{narrow}</div></div>'
    )


def segment_legend(segments: Sequence[tuple[str, str]]) -> Markup:
    items = "".join(
        f'<span class="legend-item"><span class="dot" style="background:'
        f'{SEGMENT_COLORS.get(key, "#7b8594")}"></span>{escape(label)}</span>'
        for key, label in segments
    )
    return Markup(f'<div class="legend">{items}</div>')
