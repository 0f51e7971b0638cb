"""A chart drawn as SVG for a page, on hand-written SVG standing in for Vega's: the focus point
sits where the marked account is drawn (its groups' moves added up), a mark already titled is
not titled twice, and a chart without text or viewBox sets no minimum width."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from staffpulse.report import chart_render

vl_convert = pytest.importorskip("vl_convert")

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100" viewBox="0 0 400 100">'
    '<g transform="translate(50,10)"><g transform="translate(150, 0)">'
    '<path role="graphics-symbol" aria-label="@hireloop (this account): 77" transform="translate(100,5)"/>'
    "</g>"
    '<path role="graphics-symbol" aria-label="@other: 40"><title>kept</title></path>'
    '<text font-size="8px">Overall</text></g></svg>'
)


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vl_convert, "vegalite_to_svg", lambda _spec: SVG)


@pytest.mark.usefixtures("drawn")
def test_the_box_opens_on_the_marked_account_where_it_is_drawn() -> None:
    page = chart_render.render({}, "Where you stand", focus="(this account)", max_scale=1.5)
    # 50 + 150 + 100 px across a 400 px chart
    assert '<span class="chart-focus" style="left:75.0%" aria-hidden="true">' in page
    # 8 px text stays 10.5 px high down to 525 px; never drawn wider than 1.5 times 400 px
    assert 'style="--chart-min:525px;--chart-max:600px"' in page


@pytest.mark.usefixtures("drawn")
def test_a_focus_on_no_mark_adds_no_point_and_each_mark_has_one_title() -> None:
    page = chart_render.render({}, "Where you stand", focus="@nobody")
    assert "chart-focus" not in page
    root = ET.fromstring(chart_render.draw({}, "Where you stand"))
    titles = ["".join(t.itertext()) for t in root.iter(f"{{{chart_render.SVG_NS}}}title")]
    assert titles == ["@hireloop (this account): 77", "kept"]


def test_a_chart_without_text_or_viewbox_has_no_minimum_width() -> None:
    bare = ET.fromstring('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>')
    assert chart_render.readable_width(bare) == 0
    no_box = ET.fromstring(
        '<svg xmlns="http://www.w3.org/2000/svg"><text font-size="11">a</text></svg>'
    )
    assert chart_render.readable_width(no_box) == 0
