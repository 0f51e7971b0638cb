"""The HTML benchmark fits every window and the printed page, in real headless Chromium
(Debian's): at 1280 px, 1920 px, on a 390 px phone and printed on A4, no table is wider than its
card and the page never scrolls sideways, so the leaderboard's "most important fix" is never cut
off (QA16 finding 7: a bluesky handle pushed the last column out of the card)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from audit_helpers import FakeScorer, FeedBuilder, store_with
from browser_helpers import NEEDS_CHROMIUM, launch_chromium
from chart_helpers import CHART_TEXT
from chart_views import MARKERS, PILLAR_SCORES
from staffpulse.audit import audit_account
from staffpulse.benchmark import run_benchmark
from staffpulse.report.html import write_audit_html, write_benchmark_html

pytestmark = NEEDS_CHROMIUM

LONG_BSKY = "ridgewaystaffing.bsky.social"
LONG_MASTODON = "averyveryverylongrecruitername@a-really-long-instance-name.example"

# Every box that is wider inside than it shows (a table cut by its card, a page that scrolls
# sideways), named for the failure message.
OVERFLOWS = """() => {
  const found = [];
  const d = document.documentElement;
  if (d.scrollWidth > d.clientWidth) found.push(`page ${d.scrollWidth} > ${d.clientWidth}`);
  for (const el of document.querySelectorAll('.card, .table-wrap, table')) {
    if (el.scrollWidth > el.clientWidth + 1)
      found.push(`${el.tagName}.${el.className} ${el.scrollWidth} > ${el.clientWidth}`);
  }
  return found;
}"""

# Each account's fix: shown (not hidden, not zero-sized) and inside its card.
FIXES = """() => [...document.querySelectorAll('.leaderboard .fix')].map(fix => {
  const box = fix.getBoundingClientRect();
  const card = fix.closest('.card').getBoundingClientRect();
  return {text: fix.innerText, shown: box.width > 0 && box.height > 0,
          inside: box.left >= card.left - 1 && box.right <= card.right + 1};
})"""

# (label, viewport width, media): an A4 page less Chromium's default margins is ~718 px wide.
VIEWS = [
    ("laptop", 1280, "screen"),
    ("wide screen", 1920, "screen"),
    ("phone", 390, "screen"),
    ("small phone", 320, "screen"),
    ("print from a laptop", 1280, "print"),
    ("A4 page", 718, "print"),
]


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """The benchmark of a cohort with long handles and names, and the audit of one of its
    accounts, posting over several months (so the audit charts a timeline)."""
    folder = tmp_path_factory.mktemp("bench")
    ridgeway = FeedBuilder(LONG_BSKY, platform="bluesky", display_name="Ridgeway Staffing")
    for _month in range(6):
        ridgeway.job(2)
        ridgeway.chat(1)
        ridgeway.clock += timedelta(days=30)
    recruiter = FeedBuilder(
        LONG_MASTODON,
        platform="mastodon",
        display_name="A Very Long Recruiter Name | Talent Partner at A Very Long Company",
    )
    recruiter.chat(4)
    recruiter.job(3)
    feeds = [ridgeway, recruiter]
    for i, name in enumerate(("brightside_talent", "sunbeltcare", "kelso_hr", "hirewire")):
        feed = FeedBuilder(name, display_name=f"{name.title()} | Staffing and more {i}")
        feed.job(3 + i)
        feed.chat(i)
        feed.mention_by(f"fan{i}", answered=i % 2 == 0)
        feeds.append(feed)
    cohort = folder / "cohort.csv"
    cohort.write_text(
        "handle,platform,segment\n"
        f"{LONG_BSKY},bluesky,staffing_firm\n{LONG_MASTODON},mastodon,recruiter\n"
        "brightside_talent,x,staffing_firm\nsunbeltcare,x,staffing_firm\n"
        "kelso_hr,x,hr\nhirewire,x,vendor\n",
        encoding="utf-8",
    )
    store = store_with(folder, *feeds)
    try:
        bench = run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
        audit = audit_account(store, LONG_BSKY, platform="bluesky", scorer=FakeScorer())
    finally:
        store.close()
    assert len(bench.leaderboard) == 6 and all(r["top_action"] for r in bench.leaderboard)
    yield {
        "benchmark": write_benchmark_html(bench, folder / "bench.html"),
        "audit": write_audit_html(audit, folder / "audit.html", bench),
    }


@pytest.fixture(scope="module")
def report(reports: dict[str, Path]) -> Path:
    return reports["benchmark"]


def _check(page: Any, label: str) -> list[str]:
    problems = [f"{label}: {box}" for box in page.evaluate(OVERFLOWS)]
    fixes = page.evaluate(FIXES)
    if len(fixes) != 6:
        problems.append(f"{label}: {len(fixes)} fixes shown, not 6")
    problems += [f"{label}: fix cut off: {f['text']}" for f in fixes if not f["inside"]]
    problems += [f"{label}: fix hidden: {f['text']}" for f in fixes if not f["shown"]]
    return problems


def test_the_leaderboard_fits_every_window_and_the_printed_page(report: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    problems: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            for label, width, media in VIEWS:
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.emulate_media(media=media)
                page.goto(report.as_uri(), wait_until="load")
                problems += _check(page, label)
                if label == "phone":  # a row is a block whose numbers say what they are
                    assert page.locator("table.leaderboard thead").is_hidden()
                    labels = page.eval_on_selector(
                        ".leaderboard td[data-label='Conversation']",
                        "el => getComputedStyle(el, '::before').content",
                    )
                    assert labels == '"Conversation"'
                page.close()
        finally:
            browser.close()
    assert problems == []


# The lines a handle in the leaderboard is shown on, as the page lays it out.
HANDLE_LINES = """(part) => {
  const el = [...document.querySelectorAll('.leaderboard td.account strong')]
    .find(s => s.textContent.includes(part));
  const range = document.createRange(), lines = new Map();
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i); range.setEnd(node, i + 1);
      const top = Math.round(range.getBoundingClientRect().top);
      lines.set(top, (lines.get(top) || '') + node.data[i]);
    }
  }
  return [...lines.values()];
}"""


def test_a_handle_breaks_at_its_dots_not_before_its_last_letter(report: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    shown: dict[str, list[str]] = {}
    with sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            for label, width, media in [*VIEWS, ("tablet", 840, "screen")]:
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.emulate_media(media=media)
                page.goto(report.as_uri(), wait_until="load")
                for handle in (LONG_BSKY, LONG_MASTODON):
                    shown[f"{label} @{handle}"] = page.evaluate(HANDLE_LINES, handle[:12])
                page.close()
        finally:
            browser.close()
    for where, lines in shown.items():
        assert "".join(lines) == "@" + where.split("@", 1)[1], where
        assert all(len(line) > 3 for line in lines), (where, lines)  # never "soci" / "al"


# The lines the file and line of each unusable cohort line are laid out on, as the page shows.
WHERE_LINES = """() => [...document.querySelectorAll('.problems td.where .file-line')].map(el => {
  const range = document.createRange(), lines = new Map();
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i); range.setEnd(node, i + 1);
      const top = Math.round(range.getBoundingClientRect().top);
      lines.set(top, (lines.get(top) || '') + node.data[i]);
    }
  }
  return [...lines.values()];
})"""


def test_an_unusable_cohort_lines_file_name_is_never_broken_mid_word(tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    feed = FeedBuilder("acme")
    feed.job(3)
    cohort = tmp_path / "consultant_cohort_for_the_q3_pitch.csv"
    lines = ["acme,x,staffing_firm", "ghost,x,vendor", "@", "acme,x,vendor"]
    cohort.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = store_with(tmp_path, feed)
    try:
        bench = run_benchmark(store, cohort, scorer=FakeScorer())  # type: ignore[arg-type]
    finally:
        store.close()
    report = write_benchmark_html(bench, tmp_path / "bench.html")
    shown: dict[str, list[list[str]]] = {}
    with sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            for label, width, media in VIEWS:
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.emulate_media(media=media)
                page.goto(report.as_uri(), wait_until="load")
                shown[label] = page.evaluate(WHERE_LINES)
                page.close()
        finally:
            browser.close()
    for label, cells in shown.items():
        assert [cell[-1][-2:] for cell in cells] == [":2", ":3", ":4"], label
        if label in ("laptop", "wide screen"):  # room enough: on one line
            assert all(len(cell) == 1 for cell in cells), (label, cells)
        for cell in cells:  # each line but the last ends between words: "…/", "consultant_"
            assert all(line[-1] in "/_-" for line in cell[:-1]), (label, cell)
            assert cell[-1].endswith(".csv:" + cell[-1][-1]), (label, cell)  # never "c" / "sv:7"


@pytest.mark.parametrize("name", ["audit", "benchmark"])
def test_chart_text_is_readable_on_a_phone_and_the_page_does_not_scroll(
    reports: dict[str, Path], name: str
) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    seen: dict[str, Any] = {}
    with sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            for width, height in ((390, 844), (1280, 900)):
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(reports[name].as_uri(), wait_until="load")
                seen[f"{width} charts"] = page.evaluate(CHART_TEXT)
                seen[f"{width} page"] = page.evaluate("document.documentElement.scrollWidth")
                page.close()
        finally:
            browser.close()
    expected = {"audit": 3, "benchmark": 1}[name]  # pillars, timeline, strips / strips
    phone, laptop = seen["390 charts"], seen["1280 charts"]
    assert len(phone) == len(laptop) == expected
    assert seen["390 page"] <= 390 and seen["1280 page"] <= 1280  # the page never scrolls
    for chart in phone:  # the text keeps a readable size; the chart scrolls in its own box
        assert chart["texts"] > 0 and chart["smallest"] >= 10 and chart["lowest"] >= 10, chart
        assert chart["inside"], chart
        if chart["scrolls"]:
            assert chart["hint"].startswith("Scroll sideways to see the whole chart"), chart
        else:
            assert chart["hint"] == "", chart
    # the audit's timeline is wider than a phone; the strips are drawn narrow for it, whole
    assert [chart["scrolls"] for chart in phone if "cohort" in chart["label"]] == [False]
    assert any(chart["scrolls"] for chart in phone) == (name == "audit")
    for chart in laptop:  # room enough: nothing scrolls, no hint
        assert not chart["scrolls"] and chart["hint"] == "" and chart["smallest"] >= 10, chart


def test_a_phone_shows_the_four_scores_and_the_accounts_own_marker(
    reports: dict[str, Path],
) -> None:
    """At 390 px, as the report opens (it has no script): the four pillars' scores are all in
    view, the chart needing no scrolling, and the strips' box is scrolled to the account's
    Overall marker."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844})
            page.goto(reports["audit"].as_uri(), wait_until="load")
            scores, markers = page.evaluate(PILLAR_SCORES), page.evaluate(MARKERS)
        finally:
            browser.close()
    assert len(scores) == 4 and all(s["seen"] for s in scores), scores
    assert markers and markers[0]["label"].startswith(f"@{LONG_BSKY} (this account): ")
    assert markers[0]["seen"], markers


# Each standing under a pillar's score ("tied for best", "beats 88%") and the lines it takes.
STANDING_LINES = """() => [...document.querySelectorAll('.leaderboard .beats')].map(el => ({
  text: el.textContent,
  lines: Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)),
}))"""


def test_a_printed_leaderboard_says_each_standing_on_one_line(report: Path) -> None:
    """Printed, the pillar columns were so narrow that "tied for best" took a line a word and
    read as a list; each standing keeps its line, the account's fix wrapping instead."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            shown = {}
            for label, width, media in VIEWS:
                if media != "print":
                    continue
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.emulate_media(media=media)
                page.goto(report.as_uri(), wait_until="load")
                shown[label] = page.evaluate(STANDING_LINES)
                page.close()
        finally:
            browser.close()
    for label, standings in shown.items():
        assert any("tied" in s["text"] for s in standings), label  # the long ones are there
        assert [s for s in standings if s["lines"] != 1] == [], label


def _printed_pages(page: Any) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format="A4")))


def test_the_printed_leaderboard_starts_under_the_strips_not_on_a_new_page(
    tmp_path: Path,
) -> None:
    """Kept whole like the other cards, a leaderboard longer than what was left of the page
    moved to the next one, leaving the page under the strips blank, and then broke anyway.
    It breaks between its rows instead (its header repeated): a cohort of any size prints on
    no more pages than with the card kept whole, and some on fewer."""
    reports = []
    for size in (6, 12, 20, 30):
        feeds = []
        for i in range(size):
            feed = FeedBuilder(f"firm{i:02d}", display_name=f"Firm {i} Staffing")
            feed.job(2 + i % 5)
            feed.chat(3 + i % 4)
            feeds.append(feed)
        store = store_with(tmp_path / str(size), *feeds)
        try:
            bench = run_benchmark(store, scorer=FakeScorer())  # type: ignore[arg-type]
        finally:
            store.close()
        reports.append(write_benchmark_html(bench, tmp_path / f"bench{size}.html"))
    sync_api = pytest.importorskip("playwright.sync_api")
    counted = []
    with sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            for report in reports:
                page = browser.new_page(viewport={"width": 718, "height": 1000})
                page.emulate_media(media="print")
                page.goto(report.as_uri(), wait_until="load")
                pages = _printed_pages(page)
                page.add_style_tag(content="@media print { .card.breaks { break-inside:avoid; } }")
                counted.append((pages, _printed_pages(page)))
                page.close()
        finally:
            browser.close()
    assert all(pages <= whole for pages, whole in counted), counted
    assert any(pages < whole for pages, whole in counted), counted
