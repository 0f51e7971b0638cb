"""The Benchmark page of a big cohort in real headless Chromium (Debian's): its strips, left
out of the page, are drawn once scrolled to, with no error in the console (the Content Security
Policy allows the page's script to fetch them); on a phone the leaderboard's search fits the
screen and finds a firm from the keyboard; printed, the page says which accounts it holds and
where every account is. Big is made small here: the sample's 12 accounts."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from browser_helpers import NEEDS_CHROMIUM, opened_page  # noqa: E402
from staffpulse.web import bench_board  # noqa: E402
from web_helpers import live_sample_cohort  # noqa: E402

pytestmark = NEEDS_CHROMIUM


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bench_board, "BOARD_PAGE", 5)
        patch.setattr(bench_board, "STRIPS_INLINE", 5)
        yield from live_sample_cohort(tmp_path_factory.mktemp("board"))


def drawn_strips(page: Any) -> None:
    """Scroll to the strips left out of ``page`` and wait until its script has drawn them."""
    assert page.locator(".strips-later svg").count() == 0
    page.locator(".strips-later").scroll_into_view_if_needed()
    page.wait_for_selector(".strips-later[data-loaded] svg")


def test_the_strips_are_drawn_when_scrolled_to(site: str) -> None:
    errors: list[str] = []
    with opened_page(site + "/benchmark", 1280, 600, errors) as page:
        drawn_strips(page)
        dots = page.locator(".strips-later svg [aria-roledescription='circle']").count()
    assert dots >= 12  # every account, a dot on each strip
    assert errors == []


def test_a_firm_is_found_from_the_keyboard_on_a_phone(site: str) -> None:
    with opened_page(site + "/benchmark", 390, 844) as page:
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
    assert said.startswith("1 account of 12 matches") and ranks == 1
    assert wide <= 390 and form_right <= 390


def test_an_audits_strips_among_a_big_cohort_are_drawn_with_its_marker(site: str) -> None:
    """On a phone, once scrolled to, with the account's own marker in its box's view."""
    errors: list[str] = []
    with opened_page(site + "/audit/x/harborline", 390, 844, errors) as page:
        drawn_strips(page)
        marker_seen = page.evaluate(
            """() => {
              const point = document.querySelector('.strips-later .chart-focus');
              const box = point.closest('.chart-scroll').getBoundingClientRect();
              const at = point.getBoundingClientRect().left;
              return at >= box.left && at <= box.right;
            }"""
        )
    assert marker_seen
    assert errors == []


def test_a_printed_page_says_which_accounts_it_holds_and_where_every_account_is(
    site: str,
) -> None:
    """Printed, a page of the leaderboard would pass for the whole cohort, and the strips not
    scrolled to would say "scroll to it" on paper."""
    with opened_page(site + "/benchmark", 1280, 900) as page:
        # the strips are near the top: kept from loading, they stay the note they are at first
        page.route("**/benchmark/strips", lambda route: route.abort())
        page.goto(site + "/benchmark?page=2", wait_until="load")
        on_screen = page.locator("#printed-part").is_visible()
        page.emulate_media(media="print")
        said = page.locator("#printed-part:visible").inner_text()
        link = page.locator("#printed-part a").get_attribute("href")
        strips = " ".join(page.locator(".strips-later p:visible").all_inner_texts())
        search_printed = page.locator(".board-find").is_visible()
        rows = page.locator("#leaderboard td.rank").all_inner_texts()
    assert not on_screen
    assert said.startswith("This printout holds accounts 6–10 of the 12 ranked.")
    assert "For every account, download the HTML report" in said
    assert link == "/benchmark/report.html"
    assert strips.startswith("The chart of the 12 accounts is not in this printout")
    assert "scroll" not in strips
    assert not search_printed and len(rows) == 5
