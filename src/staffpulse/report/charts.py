"""Inline SVG charts drawn on the server: no script, no network, print-friendly.

Every piece of text that goes into an SVG passes through ``markupsafe.escape``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markupsafe import Markup, escape

from staffpulse.report.audit_view import GRADE_COLORS, band

FONT = "font-family=\"Inter, 'Segoe UI', system-ui, sans-serif\""
MIX_SERIES = (
    ("job_ads", "Job ads", "#d9622b"),
    ("other_posts", "Other posts", "#2f6fdf"),
    ("replies", "Replies", "#1a9c8c"),
    ("reposts", "Reposts", "#a3adbd"),
)
SEGMENT_COLORS = {
    "staffing_firm": "#d9622b",
    "vendor": "#2f6fdf",
    "recruiter": "#1a9c8c",
    "hr": "#8e5bd6",
    "other": "#7b8594",
    "unknown": "#7b8594",
}


def _svg(width: int, height: int, body: list[str], label: str) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="{escape(label)}" {FONT}>' + "".join(body) + "</svg>"
    )


def pillar_bars(rows: Sequence[tuple[str, int]], width: int = 520) -> Markup:
    """Horizontal bars, one per pillar, 0-100, coloured by band."""
    left, bar_h, gap = 120, 26, 14
    height = len(rows) * (bar_h + gap) + 26
    span = width - left - 50
    body: list[str] = []
    for tick in (0, 25, 50, 75, 100):
        x = left + span * tick / 100
        body.append(
            f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height - 20}" '
            'stroke="#e4e8ee" stroke-width="1"/>'
        )
        body.append(
            f'<text x="{x:.1f}" y="{height - 4}" font-size="11" fill="#8a94a6" '
            f'text-anchor="middle">{tick}</text>'
        )
    for i, (label, score) in enumerate(rows):
        y = i * (bar_h + gap) + 4
        color = GRADE_COLORS[band(score)]
        w = max(span * score / 100, 2)
        body.append(
            f'<text x="{left - 12}" y="{y + bar_h / 2 + 5}" font-size="14" '
            f'font-weight="600" fill="#1f2a3d" text-anchor="end">{escape(label)}</text>'
        )
        body.append(
            f'<rect x="{left}" y="{y}" width="{span}" height="{bar_h}" rx="6" fill="#f1f4f8"/>'
        )
        body.append(
            f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar_h}" rx="6" fill="{color}"/>'
        )
        body.append(
            f'<text x="{left + w + 8:.1f}" y="{y + bar_h / 2 + 5}" font-size="14" '
            f'font-weight="700" fill="{color}">{score}</text>'
        )
    return _svg(width, height, body, "Pillar scores from 0 to 100")


def mix_timeline(rows: Sequence[dict[str, Any]], width: int = 960, height: int = 260) -> Markup:
    """Stacked monthly bars: job ads, other posts, replies, reposts."""
    if not rows:
        return Markup('<p class="muted">No dated posts to chart.</p>')
    left, top, bottom, legend_h = 44, 30, 40, 0
    plot_h = height - top - bottom - legend_h
    plot_w = width - left - 10
    totals = [sum(int(r.get(key, 0)) for key, _l, _c in MIX_SERIES) for r in rows]
    peak = max(max(totals), 1)
    step = _nice_step(peak)
    ymax = step * -(-peak // step)
    slot = plot_w / len(rows)
    bar_w = max(min(slot * 0.7, 42), 3)
    body: list[str] = []
    for k in range(0, int(ymax) + 1, int(step)):
        y = top + plot_h - plot_h * k / ymax
        body.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}" stroke="#e4e8ee"/>'
        )
        body.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" fill="#8a94a6" '
            f'text-anchor="end">{k}</text>'
        )
    label_every = max(1, round(len(rows) / 12))
    for i, row in enumerate(rows):
        x = left + slot * i + (slot - bar_w) / 2
        y = top + plot_h
        for key, name, color in MIX_SERIES:
            value = int(row.get(key, 0))
            if not value:
                continue
            h = plot_h * value / ymax
            y -= h
            body.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                f'fill="{color}"><title>{escape(row["month"])}: {value} '
                f"{escape(name.lower())}</title></rect>"
            )
        if i % label_every == 0:
            body.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{top + plot_h + 16}" font-size="11" '
                f'fill="#5b6578" text-anchor="middle">{escape(_month(row["month"]))}</text>'
            )
    lx = left
    for _key, name, color in MIX_SERIES:
        body.append(f'<rect x="{lx}" y="6" width="12" height="12" rx="3" fill="{color}"/>')
        body.append(
            f'<text x="{lx + 17}" y="16" font-size="12" fill="#1f2a3d">{escape(name)}</text>'
        )
        lx += 30 + 8 * len(name)
    return _svg(width, height, body, "Posts per month by type")


def _nice_step(peak: float) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if peak / step <= 5:
            return step
    return 10000


def _month(value: str) -> str:
    names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    try:
        year, month = value.split("-")[:2]
        return f"{names[int(month) - 1]} ’{year[2:]}"
    except (ValueError, IndexError):
        return value


def percentile_strips(
    rows: Sequence[tuple[str, Sequence[tuple[float, str]], float | None]], width: int = 960
) -> Markup:
    """One strip per pillar: every account a dot on 0-100 (coloured by segment); the audited
    account, when given, as a large dark marker with its percentile."""
    left, strip_h = 130, 44
    height = len(rows) * strip_h + 30
    span = width - left - 70
    body: list[str] = []
    for tick in (0, 25, 50, 75, 100):
        x = left + span * tick / 100
        body.append(f'<line x1="{x:.1f}" y1="4" x2="{x:.1f}" y2="{height - 22}" stroke="#eef1f5"/>')
        body.append(
            f'<text x="{x:.1f}" y="{height - 6}" font-size="11" fill="#8a94a6" '
            f'text-anchor="middle">{tick}</text>'
        )
    for i, (label, dots, mine) in enumerate(rows):
        y = i * strip_h + strip_h / 2
        body.append(
            f'<text x="{left - 14}" y="{y + 5:.1f}" font-size="14" font-weight="600" '
            f'fill="#1f2a3d" text-anchor="end">{escape(label)}</text>'
        )
        body.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + span}" y2="{y:.1f}" '
            'stroke="#d5dbe4" stroke-width="2"/>'
        )
        for j, (value, segment) in enumerate(dots):
            jitter = ((j * 7919) % 11 - 5) * 1.4
            color = SEGMENT_COLORS.get(segment, "#7b8594")
            body.append(
                f'<circle cx="{left + span * value / 100:.1f}" cy="{y + jitter:.1f}" '
                f'r="5" fill="{color}" fill-opacity="0.55"/>'
            )
        if mine is not None:
            x = left + span * mine / 100
            body.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="9" fill="#1f2a3d" '
                'stroke="#fff" stroke-width="2"/>'
            )
    return _svg(width, height, body, "Each account's pillar scores in the cohort")


def segment_legend(segments: Sequence[tuple[str, str]]) -> Markup:
    items = "".join(
        f'<span class="legend-item"><span class="dot" style="background:'
        f'{SEGMENT_COLORS.get(key, "#7b8594")}"></span>{escape(label)}</span>'
        for key, label in segments
    )
    return Markup(f'<div class="legend">{items}</div>')
