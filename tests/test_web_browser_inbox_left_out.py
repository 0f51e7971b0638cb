"""The Inbox's list of the conversations it left out, in real headless Chromium (Debian's):
the count note's "See which" opens the list at its place, each post is shown as text with its
reason, it fits a phone's width, and "Mark joined" on one left out by mistake counts it."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from browser_helpers import NEEDS_CHROMIUM, opened_page  # noqa: E402
from test_web_inbox_left_out import HOSTILE, JOB_AD, QUESTION, _post, store_of  # noqa: E402
from web_helpers import LiveServer, make_settings  # noqa: E402

pytestmark = NEEDS_CHROMIUM


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    pytest.importorskip("uvicorn")
    db: Path = store_of(
        tmp_path_factory.mktemp("left-out"),
        _post("801", "ana", QUESTION),
        _post("802", "depotjobs", JOB_AD),
        _post("803", "rantybob", HOSTILE),
    )
    from staffpulse.web import create_app

    with LiveServer(create_app(make_settings(db, allowed_hosts=[]))) as live:
        yield live.url


@pytest.mark.parametrize("width", [390, 1280])
def test_see_which_opens_the_list_and_it_fits(site: str, width: int) -> None:
    errors: list[str] = []
    with opened_page(site + "/inbox", width, 900, errors) as page:
        section = page.locator("#left-out")
        assert not section.locator("table").is_visible()  # folded at first
        page.get_by_role("link", name="See which").click()
        page.wait_for_load_state("load")
        assert section.locator("table").is_visible()
        rows = section.locator("tbody tr")
        assert rows.count() == 2
        hostile = rows.nth(0).inner_text()
        assert "hostile" in hostile and "@rantybob" in hostile
        assert "<b>never</b>" in hostile  # the post's words as text, never as markup
        assert section.locator("b").count() == 0
        assert "a job ad" in rows.nth(1).inner_text()
        # nothing wider than the window: no sideways scrolling on a phone
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        box = section.get_by_role("button", name="Dismiss").first.bounding_box()
        assert box is not None and box["x"] + box["width"] <= width
    assert not errors


def test_marked_joined_from_the_list_counts_as_joined(site: str) -> None:
    with opened_page(site + "/inbox?left_out=job_ad#left-out", 1280, 900) as page:
        row = page.locator("#left-out tbody tr", has_text="@depotjobs")
        row.get_by_role("button", name="Mark joined").click()
        page.wait_for_load_state("load")
        header = page.locator("header.top .faint").first.inner_text()
        assert "1 joined" in header
        assert page.locator("#left-out tbody tr", has_text="@depotjobs").count() == 0
        assert "@depotjobs" in page.locator("#joined").inner_text()


def test_on_a_phone_the_buttons_sit_under_the_post_which_keeps_the_width(site: str) -> None:
    # beside the post they squeezed its author's handle to a few letters a line, broken
    # mid-word (a Threads handle on Mastodon, QA s35)
    with opened_page(site + "/inbox?left_out=all#left-out", 390, 900) as page:
        row = page.locator("#left-out tbody tr").first
        words = row.locator(".post").bounding_box()
        button = row.get_by_role("button", name="Dismiss").bounding_box()
        table = page.locator("#left-out table").bounding_box()
    assert words is not None and button is not None and table is not None
    assert button["y"] >= words["y"] + words["height"]
    assert words["width"] >= 0.9 * table["width"]
