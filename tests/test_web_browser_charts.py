"""The dashboard's charts on a phone, in real headless Chromium (Debian's): at 390 x 844 the
text of every chart on the audit and benchmark pages is drawn at 10 px or more (shrunk to the
screen it would be about 5 px), the chart scrolls sideways in its own box with a hint above it,
and the page itself never scrolls sideways; a pillar's score ("28 / 100") keeps to one line."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from browser_helpers import NEEDS_CHROMIUM, launch_chromium  # noqa: E402
from chart_helpers import CHART_TEXT  # noqa: E402
from chart_views import MARKERS, PILLAR_SCORES  # noqa: E402
from web_helpers import live_sample_cohort  # noqa: E402

pytestmark = NEEDS_CHROMIUM


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from live_sample_cohort(tmp_path_factory.mktemp("charts"))


def test_chart_text_is_readable_on_a_phone_and_the_page_does_not_scroll(site: str) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    seen: dict[str, Any] = {}
    with sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844})
            for path in ("/audit/x/brightpathstaff", "/benchmark"):
                page.goto(site + path, wait_until="load")
                seen[path] = page.evaluate(CHART_TEXT)
                seen[path + " page"] = page.evaluate("document.documentElement.scrollWidth")
        finally:
            browser.close()
    audit, bench = seen["/audit/x/brightpathstaff"], seen["/benchmark"]
    assert {c["label"] for c in audit} >= {"Pillar scores from 0 to 100", "Posts per month by type"}
    assert [c["label"] for c in bench] == ["Each account's pillar scores in the cohort"]
    assert seen["/audit/x/brightpathstaff page"] <= 390 and seen["/benchmark page"] <= 390
    for chart in audit + bench:
        assert chart["texts"] > 0 and chart["smallest"] >= 10 and chart["lowest"] >= 10, chart
        assert chart["inside"], chart  # the box stays in the window: only the chart scrolls
        if chart["scrolls"]:
            assert chart["hint"].startswith("Scroll sideways to see the whole chart"), chart
        else:
            assert chart["hint"] == "", chart


@pytest.mark.parametrize("handle", ["brightpathstaff", "mia_recruits"])
def test_a_phone_shows_the_four_scores_and_the_accounts_own_marker(site: str, handle: str) -> None:
    """At 390 px the four pillars' scores show without scrolling, and the strips open on the
    account's Overall marker, wherever it lies (near 0 for one, near 100 for the other)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844})
            page.goto(f"{site}/audit/x/{handle}", wait_until="load")
            scores, markers = page.evaluate(PILLAR_SCORES), page.evaluate(MARKERS)
            width = page.evaluate("document.documentElement.scrollWidth")
        finally:
            browser.close()
    assert len(scores) == 4 and all(s["seen"] for s in scores), scores
    assert markers[0]["label"].startswith(f"@{handle} (this account): ")
    assert markers[0]["seen"], markers
    assert width <= 390


# each pillar's score ("45 / 100") and its height in lines of its own font (one line is under
# 2: the score's line-height is about 1.4 of it)
SCORE_LINES = """() => [...document.querySelectorAll('.pillar-head .big')].map(el => [
  el.innerText.trim(),
  el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).fontSize),
])"""


def test_a_pillars_score_stays_on_one_line_on_a_phone(site: str) -> None:
    """At 390 px a pillar's "28 / 100" sat beside a question that wraps, and its "/" and "100"
    fell onto lines of their own."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844})
            page.goto(f"{site}/audit/x/brightpathstaff", wait_until="load")
            scores = page.evaluate(SCORE_LINES)
        finally:
            browser.close()
    assert len(scores) == 4 and any("/ 100" in text for text, _lines in scores), scores
    assert [text for text, lines in scores if lines >= 2] == [], scores
