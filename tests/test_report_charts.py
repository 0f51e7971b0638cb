from __future__ import annotations

import html
import itertools
import json
import re
import xml.etree.ElementTree as ET

import pytest
import vl_convert

from staffpulse.report import chart_render, chart_strips, charts

SVG = "{http://www.w3.org/2000/svg}"
PILLARS = [("Face", 28), ("Mix", 0), ("Voice", 91), ("Conversation", 64)]


def _marks(svg: str) -> list[tuple[str | None, list[str]]]:
    """Each mark a reader can point at (not an axis or legend, which are groups): its
    aria-label and the text of each of its <title>s."""
    root = ET.fromstring(svg)
    return [
        (mark.get("aria-label"), ["".join(t.itertext()) for t in mark.findall(f"{SVG}title")])
        for mark in root.iter()
        if mark.get("role") == "graphics-symbol" and mark.tag != f"{SVG}g"
    ]


def _texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_pillar_bars_are_vega_lite_coloured_by_grade_band() -> None:
    spec = charts.pillar_bars_spec(PILLARS)
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
    json.dumps(spec)  # a plain spec an analyst can reuse elsewhere
    colours = {v["pillar"]: v["color"] for v in spec["data"]["values"]}
    assert colours["Voice"] == "#1a7f4b"  # A band
    assert colours["Face"] == colours["Mix"] == "#c0392b"  # F band


def test_pillar_bars_draw_every_pillar_and_score() -> None:
    svg = charts.pillar_bars(PILLARS)
    texts = _texts(svg)
    for label, score in PILLARS:
        assert label in texts and str(score) in texts
    assert re.search(r'<svg[^>]* width="100%"[^>]* role="img"', svg)
    assert 'aria-label="Pillar scores from 0 to 100"' in svg and "viewBox=" in svg


def test_labels_are_escaped_by_the_renderer() -> None:
    svg = charts.pillar_bars([("<script>alert(1)</script> & co", 50)])
    assert "<script" not in svg
    ET.fromstring(svg)  # still well-formed XML
    assert any("<script>" in t for t in _texts(svg))  # shown as text


def test_mix_timeline_stacks_series_in_month_order() -> None:
    rows = [
        {"month": "2026-06", "job_ads": 5, "other_posts": 2, "replies": 0, "reposts": 1},
        {"month": "2026-05", "job_ads": 3, "other_posts": 0, "replies": 4, "reposts": 0},
    ]
    spec = charts.mix_timeline_spec(rows)
    values = spec["data"]["values"]
    assert sum(v["posts"] for v in values) == 15
    assert all(v["posts"] > 0 for v in values)  # empty segments are not drawn
    assert spec["encoding"]["x"]["sort"] == ["May ’26", "Jun ’26"]
    texts = _texts(charts.mix_timeline(rows))
    assert texts.index("May ’26") < texts.index("Jun ’26")
    assert {"Job ads", "Other posts", "Replies to others", "Reposts"} <= set(texts)


def test_posts_not_in_english_get_their_own_series_only_when_there_are_some() -> None:
    row = {"month": "2026-06", "job_ads": 1, "other_posts": 2, "replies": 0, "reposts": 0}
    assert "Not in English (not read)" not in _texts(charts.mix_timeline([row]))
    texts = _texts(charts.mix_timeline([{**row, "not_english": 7}]))
    assert "Not in English (not read)" in texts  # never drawn as job ads or other posts


def test_mix_timeline_keeps_a_quiet_month_on_its_axis() -> None:
    # the audit's timeline fills a month without posts with zeros: it must stay a gap
    rows = [
        {"month": "2021-03", "job_ads": 2, "other_posts": 1, "replies": 0, "reposts": 0},
        {"month": "2021-04", "job_ads": 0, "other_posts": 0, "replies": 0, "reposts": 0},
        {"month": "2021-05", "job_ads": 1, "other_posts": 0, "replies": 0, "reposts": 0},
    ]
    texts = _texts(charts.mix_timeline(rows))
    months = [t for t in texts if t.endswith("’21")]
    assert months == ["Mar ’21", "Apr ’21", "May ’21"]


def test_mix_timeline_without_posts_says_so() -> None:
    assert "No dated posts" in charts.mix_timeline([])


def test_percentile_strips_mark_the_audited_account() -> None:
    rows = [
        ("Overall", [(10.0, "staffing_firm", "@acme"), (80.0, "recruiter", "@mia")], 10.0),
        ("Face", [(30.0, "staffing_firm", "@acme"), (90.0, "recruiter", "@mia")], 30.0),
    ]
    spec = chart_strips.percentile_strips_spec(rows, "@acme")
    dots, mine = spec["layer"][1]["data"]["values"], spec["layer"][2]["data"]["values"]
    assert len(dots) == 4 and mine == [
        {"pillar": "Overall", "score": 10.0, "label": "@acme (this account): 10"},
        {"pillar": "Face", "score": 30.0, "label": "@acme (this account), Face: 30"},
    ]
    assert chart_strips.percentile_strips_spec(rows, "@acme") == spec  # the same picture every time
    without_me = chart_strips.percentile_strips_spec([(p, d, None) for p, d, _m in rows])
    assert len(without_me["layer"]) == 2
    root = _strips_drawn(chart_strips.percentile_strips(rows), "wide")
    circles = [p for p in root.iter(f"{SVG}path") if 'fill="#1f2a3d"' in ET.tostring(p, "unicode")]
    assert len(circles) == 2  # one dark marker per strip


def test_every_dot_is_named_on_hover_and_for_screen_readers() -> None:
    rows = [
        ("Overall", [(77.0, "vendor", "@hireloop"), (12.4, "other", "@a<b>&co")], None),
        ("Face", [(64.0, "vendor", "@hireloop")], None),
    ]
    svg = chart_strips.percentile_strips(rows)
    root = _strips_drawn(svg, "narrow")  # still well-formed with a handle full of markup
    marks = [p for p in root.iter(f"{SVG}path") if p.get("role") == "graphics-symbol"]
    titles = [p.find(f"{SVG}title") for p in marks]
    labels = [
        (p.get("aria-label"), "".join(t.itertext()) if t is not None else "")
        for p, t in zip(marks, titles, strict=True)
    ]
    assert labels == [
        ("@hireloop: 77", "@hireloop: 77"),  # the browser's tooltip is the <title>
        ("@a<b>&co: 12", "@a<b>&co: 12"),
        ("@hireloop, Face: 64", "@hireloop, Face: 64"),
    ]
    assert "jitter" not in svg and "offset" not in svg and "segment:" not in svg
    assert "<b>" not in svg  # the handle stays text


def test_bars_are_labelled_by_pillar_and_score_only() -> None:
    svg = charts.pillar_bars(PILLARS)
    assert [label for label, _title in _marks(svg)] == [
        "Face: 28",
        "Mix: 0",
        "Voice: 91",
        "Conversation: 64",
    ]
    assert "color:" not in svg and "shown:" not in svg


def test_accounts_tied_on_a_score_are_stacked_apart_not_drawn_as_one_dot() -> None:
    tied = [(72.0, seg, f"@firm{i}") for i, seg in enumerate(["vendor"] * 3 + ["recruiter"] * 3)]
    rows = [("Overall", [*tied, (40.0, "staffing_firm", "@alone")], None)]
    spec = chart_strips.percentile_strips_spec(rows)
    dots = spec["layer"][1]["data"]["values"]
    at_72 = sorted(d["offset"] for d in dots if d["score"] == 72.0)
    # six dots, each a dot's width (10 px) apart, inside the strip
    half = spec["height"]["step"] / 2
    gaps = [b - a for a, b in itertools.pairwise(at_72)]
    assert len(set(at_72)) == 6 and min(gaps) >= 10 and -half < at_72[0] < at_72[-1] < half
    assert chart_strips.percentile_strips_spec(rows) == spec  # still the same picture every time


@pytest.mark.parametrize("tied", [2, 5, 8, 40])
def test_a_stack_of_tied_accounts_stays_clear_of_the_next_strip(tied: int) -> None:
    # small firms often all score 0 on Mix, Voice and Conversation: each strip's stack must
    # read as its own, not as one column running from Mix down to Conversation
    zeros = [(0.0, "staffing_firm", f"@firm{i}") for i in range(tied)]
    rows = [(pillar, zeros, None) for pillar in ("Mix", "Voice", "Conversation")]
    spec = chart_strips.percentile_strips_spec(rows)
    strip = spec["height"]["step"]
    offsets = [d["offset"] for d in spec["layer"][1]["data"]["values"] if d["pillar"] == "Voice"]
    assert len(set(offsets)) == tied  # every account its own dot
    dot = 10  # px across
    # the stacks of two strips side by side keep more than a dot's width of white between them
    assert strip - (max(offsets) - min(offsets)) - dot > dot
    axis = spec["layer"][1]["encoding"]["yOffset"]["scale"]["domain"]
    assert axis == [-strip / 2, strip / 2]  # an offset is in pixels of its own strip


def test_each_bar_shows_its_label_on_hover_escaped_as_text() -> None:
    tricky = """Fit <"A&B"> it's"""
    svg = charts.pillar_bars([(tricky, 50), ("Voice", 91)])
    expected = [f"{tricky}: 50", "Voice: 91"]
    assert _marks(svg) == [(label, [label]) for label in expected]  # one <title> per mark
    raw_titles = re.findall(r"<title>(.*?)</title>", svg)
    assert [html.unescape(t) for t in raw_titles] == expected
    assert "<" not in raw_titles[0] and "&amp;" in raw_titles[0]  # markup stays text
    axes = [
        g for g in ET.fromstring(svg).iter(f"{SVG}g") if g.get("aria-roledescription") == "axis"
    ]
    assert axes and not any(g.find(f"{SVG}title") is not None for g in axes)  # no axis tooltip


def test_the_chart_fills_its_container_and_keeps_vegas_proportions() -> None:
    spec = charts.mix_timeline_spec(
        [{"month": "2026-05", "job_ads": 3, "other_posts": 1, "replies": 0, "reposts": 2}]
    )
    drawn = ET.fromstring(vl_convert.vegalite_to_svg(spec))  # Vega's own size, in pixels
    svg = chart_render.draw(spec, "Posts per month by type")
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and "ns0:" not in svg
    root = ET.fromstring(svg)
    assert root.get("width") == "100%" and root.get("height") is None
    assert root.get("viewBox") == f"0 0 {drawn.get('width')} {drawn.get('height')}"
    assert root.get("role") == "img" and root.get("aria-label") == "Posts per month by type"


def test_on_a_narrow_screen_a_chart_scrolls_rather_than_shrink_its_text_below_10_px() -> None:
    rows = [("Overall", [(50.0, "vendor", "@a"), (70.0, "hr", "@b")], 60.0)]
    strips = chart_strips.percentile_strips(rows, "@me")
    for box in (ET.fromstring(charts.pillar_bars(PILLARS)), _strips_drawn(strips, "wide")):
        assert box.get("class") == "chart"
        style = re.match(r"--chart-min:(\d+)px", box.get("style", ""))
        assert style is not None
        min_width = int(style.group(1))
        svg = box.find(f"div[@class='chart-scroll']//{SVG}svg")
        assert svg is not None and svg.get("width") == "100%"
        drawn = float(svg.get("viewBox", "").split()[2])
        sizes = [float(t.get("font-size", "").removesuffix("px")) for t in svg.iter(f"{SVG}text")]
        # at its narrowest, the chart's smallest text (the 11 px axis labels) stays readable
        assert min(sizes) == 11 and 10 <= min(sizes) * min_width / drawn <= 11
        hint = box.find("p[@class='chart-hint faint']")
        assert hint is not None and "".join(hint.itertext()).startswith("Scroll sideways")


# the chart's box on a 390 px phone: the page's and the card's padding taken off
PHONE_BOX = 390 - 2 * 12 - 2 * 16


def test_the_four_pillars_fit_a_phone_with_their_names_above_the_bars() -> None:
    """Every score shows on a 390 px screen at 10 px text or more, without scrolling: the
    names are above the bars (an axis beside them made the chart about 450 px wide)."""
    box = ET.fromstring(charts.pillar_bars(PILLARS))
    svg = box.find(f"div[@class='chart-scroll']/{SVG}svg")
    assert svg is not None
    min_width = chart_render.readable_width(svg)
    assert 0 < min_width <= PHONE_BOX
    style = box.get("style", "")
    assert f"--chart-min:{min_width}px" in style
    # never drawn more than a fifth larger, in a wide column
    wide = re.search(r"--chart-max:(\d+)px", style)
    drawn = float(svg.get("viewBox", "").split()[2])
    assert wide is not None and drawn < int(wide.group(1)) <= 1.2 * drawn + 1
    axes = svg.findall(f".//{SVG}g[@class='mark-text role-axis-label']")
    on_axes = {"".join(t.itertext()) for axis in axes for t in axis.iter(f"{SVG}text")}
    assert on_axes == {"0", "25", "50", "75", "100"}  # the names are no axis beside the bars
    texts = _texts(ET.tostring(svg, encoding="unicode"))
    assert [t for t in texts if t in dict(PILLARS)] == [label for label, _ in PILLARS]


def test_the_strips_open_on_the_audited_accounts_marker() -> None:
    rows = [
        ("Overall", [(10.0, "vendor", "@a"), (20.0, "hr", "@b")], 85.0),
        ("Face", [(30.0, "vendor", "@a")], 40.0),
    ]
    box = _strips_drawn(chart_strips.percentile_strips(rows, "@me"), "wide")
    canvas = box.find("div[@class='chart-scroll']/div[@class='chart-canvas']")
    assert canvas is not None
    svg, point = canvas.find(f"{SVG}svg"), canvas.find("span[@class='chart-focus']")
    assert svg is not None and point is not None
    width = float(svg.get("viewBox", "").split()[2])
    marker = next(m for m in svg.iter() if "(this account): 85" in (m.get("aria-label") or ""))
    # the point is where the Overall marker is drawn: its translate and its groups'
    left = re.fullmatch(r"left:([\d.]+)%", point.get("style", ""))
    assert left is not None and marker is not None
    share = float(left.group(1))
    assert 0.5 < share / 100 < 1
    found = chart_render._mark_x(svg, "(this account)")
    assert found is not None and abs(share - 100 * found / width) < 0.1
    # the benchmark's strips mark no account: nothing to open on
    plain = ET.fromstring(chart_strips.percentile_strips([(r[0], r[1], None) for r in rows]))
    assert plain.find(".//span[@class='chart-focus']") is None


def _strips_drawn(strips: str, which: str) -> ET.Element:
    """The chart of the strips drawn ``which`` way ("wide", or "narrow" for a phone)."""
    box = ET.fromstring(strips).find(f"div[@class='strips-{which}']/div[@class='chart']")
    assert box is not None
    return box


def test_on_a_phone_the_strips_are_drawn_whole_in_the_box() -> None:
    """At 390 px the strips showed the scores 0 to 25 of 0 to 100 and scrolled for the rest
    (QA s40): a phone's drawing fits its box at 10 px text, and the wide one is as it was."""
    rows = [("Overall", [(0.0, "vendor", "@a"), (100.0, "hr", "@b")], 60.0),
            ("Conversation", [(50.0, "vendor", "@a")], 40.0)]  # fmt: skip
    strips = chart_strips.percentile_strips(rows, "@me")
    narrow, wide = _strips_drawn(strips, "narrow"), _strips_drawn(strips, "wide")
    drawn = narrow.find(f"div[@class='chart-scroll']//{SVG}svg")
    assert drawn is not None and 0 < chart_render.readable_width(drawn) <= PHONE_BOX
    every = wide.find(f"div[@class='chart-scroll']//{SVG}svg")
    assert every is not None and chart_render.readable_width(every) > 800
    # the same dots, named alike, in both
    assert sorted(label for label, _t in _marks(ET.tostring(drawn, "unicode"))) == sorted(
        label for label, _t in _marks(ET.tostring(every, "unicode"))
    )


def test_each_segment_in_the_legend_has_a_colour_of_its_own() -> None:
    # a real cohort with an "other" account and one without a segment showed two grey
    # legend entries and grey dots no reader could tell apart
    segments = [
        ("staffing_firm", "Staffing firms"),
        ("vendor", "Vendors"),
        ("recruiter", "Recruiters"),
        ("hr", "HR people"),
        ("other", "Other"),
        ("unknown", "No segment"),
    ]
    legend = str(chart_strips.segment_legend(segments))
    colours = re.findall(r"background:(#[0-9a-f]{6})", legend)
    assert len(colours) == len(segments) == len(set(colours))
    rows = [("Overall", [(20.0, "other", "@a"), (70.0, "unknown", "@b")], None)]
    svg = chart_strips.percentile_strips(rows)
    fills = {
        dict(zip(colours, (key for key, _label in segments), strict=True)).get(fill)
        for fill in re.findall(r'fill="(#[0-9a-f]{6})"', svg)
    }
    assert {"other", "unknown"} <= fills  # the dots drawn in the legend's colours


def test_a_month_alone_is_drawn_as_a_bar_not_a_slab() -> None:
    # a real one-day account: its single month's bar filled two thirds of the chart
    one = charts.mix_timeline_spec([{"month": "2021-09", "other_posts": 2, "not_english": 8}])
    assert one["mark"]["width"] <= charts.MAX_BAR
    year = [{"month": f"2021-{m:02d}", "other_posts": 3} for m in range(1, 13)]
    many = [{"month": f"{2020 + m // 12}-{m % 12 + 1:02d}", "other_posts": 3} for m in range(24)]
    assert charts.mix_timeline_spec(year)["mark"]["width"] <= charts.MAX_BAR
    # two years of months: each bar keeps 70% of its month's share of the width
    width = charts.mix_timeline_spec(many)["mark"]["width"]
    assert width == pytest.approx(0.7 * charts.TIMELINE_WIDTH / 24, abs=0.1)
    svg = charts.mix_timeline([{"month": "2021-09", "other_posts": 2}])
    bars = re.findall(r'<path[^>]*aria-roledescription="bar"[^>]*d="M([\d.]+),[\d.]+h([\d.]+)', svg)
    assert bars and all(float(w) <= charts.MAX_BAR + 0.5 for _x, w in bars)


@pytest.mark.parametrize("peak", [1, 2])
def test_mix_timeline_counts_whole_posts_on_a_small_account(peak: int) -> None:
    # Vega split an axis of 1 post into "0.0 0.5 1.0": half a post, on a new account's report
    row = {"month": "2026-11", "job_ads": 0, "other_posts": peak, "replies": 0, "reposts": 0}
    texts = _texts(charts.mix_timeline([row]))
    ticks = [t for t in texts if t[0].isdigit()]
    assert ticks == [str(n) for n in range(peak + 1)]


def test_mix_timeline_writes_thousands_as_whole_numbers() -> None:
    row = {"month": "2026-11", "job_ads": 1500, "other_posts": 0, "replies": 0, "reposts": 0}
    assert "1,000" in _texts(charts.mix_timeline([row]))
