"""The cohort's strips and their legend, for what the chart tests leave aside: a segment
named by the user is escaped in the legend and one without a colour of its own is grey, an
account without a name is "an account", and the same cohort always draws the same picture."""

from __future__ import annotations

from staffpulse.report.chart_strips import (
    MINE,
    percentile_strips_spec,
    segment_legend,
)


def test_a_users_segment_name_is_escaped_and_an_unknown_one_is_grey() -> None:
    legend = str(segment_legend([("vendor", "Vendors"), ("hr_tech", "<b>HR tech</b>")]))
    assert "&lt;b&gt;HR tech&lt;/b&gt;" in legend and "<b>" not in legend
    assert 'background:#7b8594"></span>&lt;b&gt;' in legend


def _dots(spec: dict[str, object]) -> list[dict[str, object]]:
    layers = spec["layer"]
    assert isinstance(layers, list)
    values = layers[1]["data"]["values"]
    assert isinstance(values, list)
    return values


def test_dots_are_named_on_each_strip_and_drawn_the_same_every_time() -> None:
    rows = [
        ("Overall", [(72.0, "vendor", "@a"), (72.0, "hr", ""), (40.4, "other", "@c")], 60.0),
        ("Face", [(64.0, "vendor", "@a")], None),
    ]
    spec = percentile_strips_spec(rows, "@me")
    labels = [d["label"] for d in _dots(spec)]
    assert labels == ["@a: 72", "an account: 72", "@c: 40", "@a, Face: 64"]
    assert _dots(spec) == _dots(percentile_strips_spec(rows, "@me"))
    tied = [d["offset"] for d in _dots(spec)[:2]]
    assert tied[0] != tied[1]  # two accounts at 72: two dots, not one
    mine = spec["layer"][2]["data"]["values"]
    assert mine == [{"pillar": "Overall", "score": 60.0, "label": f"@me {MINE}: 60"}]
