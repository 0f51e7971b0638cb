"""The look every report chart shares: fonts, colours, axes and legends, and the Vega-Lite
spec they start from (:func:`vega_spec`)."""

from __future__ import annotations

from typing import Any

FONT = "Inter, 'Segoe UI', system-ui, sans-serif"
INK, MUTED, GRID = "#1f2a3d", "#8a94a6", "#e4e8ee"
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


def vega_spec(**parts: Any) -> dict[str, Any]:
    """A Vega-Lite spec in the reports' look, made of ``parts`` (data, mark, encoding...)."""
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "background": None,
        "config": CONFIG,
        **parts,
    }
