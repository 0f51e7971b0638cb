"""The Benchmark page of a big cohort in real headless Chromium (Debian's): its strips, left
out of the page, are drawn once scrolled to, with no error in the console (the Content Security
Policy allows the page's script to fetch them); on a phone the leaderboard's search fits the
screen and finds a firm from the keyboard. Big is made small here: the sample's 12 accounts."""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Iterator

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from browser_helpers import NEEDS_CHROMIUM, launch_chromium  # noqa: E402
from staffpulse.demo import SAMPLE_DIR  # noqa: E402
from staffpulse.ingest import import_paths  # noqa: E402
from staffpulse.store import open_store  # noqa: E402
from staffpulse.web import bench_board  # noqa: E402
from web_helpers import LiveServer, make_settings  # noqa: E402

pytestmark = NEEDS_CHROMIUM


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    pytest.importorskip("uvicorn")
    folder = tmp_path_factory.mktemp("board")
    db = folder / "sample.db"
    with open_store(db) as store:
        import_paths(store, [SAMPLE_DIR / "cohort.jsonl"])
    shutil.copy(SAMPLE_DIR / "cohort.csv", folder / "cohort.csv")
    from staffpulse.web import create_app

    app = create_app(make_settings(db, allowed_hosts=[], cohort_file=folder / "cohort.csv"))
    with pytest.MonkeyPatch.context() as patch, LiveServer(app) as live:
        patch.setattr(bench_board, "BOARD_PAGE", 5)
        patch.setattr(bench_board, "STRIPS_INLINE", 5)
        yield live.url


def test_the_strips_are_drawn_when_scrolled_to(site: str) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 600})
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(site + "/benchmark", wait_until="load")
            assert page.locator(".strips-later svg").count() == 0  # not in the page itself
            page.locator(".strips-later").scroll_into_view_if_needed()
            page.wait_for_selector(".strips-later[data-loaded] svg")
            dots = page.locator(".strips-later svg [aria-roledescription='circle']").count()
        finally:
            browser.close()
    assert dots >= 12  # every account, a dot on each strip
    assert errors == []


def test_a_firm_is_found_from_the_keyboard_on_a_phone(site: str) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844})
            page.goto(site + "/benchmark", wait_until="load")
            box = page.get_by_role("searchbox", name="Find an account")
            box.focus()
            page.keyboard.type("hireloop")
            with page.expect_navigation():
                page.keyboard.press("Enter")
            said = page.locator(".board-count").inner_text()
            ranks = page.locator("#leaderboard td.rank").count()
            wide = page.evaluate("document.documentElement.scrollWidth")
            form_right = page.evaluate(
                "document.querySelector('.board-find').getBoundingClientRect().right"
            )
        finally:
            browser.close()
    assert said.startswith("1 account of 12 matches") and ranks == 1
    assert wide <= 390 and form_right <= 390


def test_an_audits_strips_among_a_big_cohort_are_drawn_with_its_marker(site: str) -> None:
    """On a phone, once scrolled to, with the account's own marker in its box's view."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844})
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(site + "/audit/x/harborline", wait_until="load")
            assert page.locator(".strips-later svg").count() == 0
            page.locator(".strips-later").scroll_into_view_if_needed()
            page.wait_for_selector(".strips-later[data-loaded] svg")
            marker_seen = page.evaluate(
                """() => {
                  const point = document.querySelector('.strips-later .chart-focus');
                  const box = point.closest('.chart-scroll').getBoundingClientRect();
                  const at = point.getBoundingClientRect().left;
                  return at >= box.left && at <= box.right;
                }"""
            )
        finally:
            browser.close()
    assert marker_seen
    assert errors == []
