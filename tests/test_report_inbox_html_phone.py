"""The inbox HTML file on a phone, in real headless Chromium: nothing makes the page scroll
sideways, not even a Bluesky conversation id, which is one long word."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser_helpers import NEEDS_CHROMIUM, launch_chromium
from inbox_helpers import item, make
from staffpulse.report.inbox_html import write_inbox_html

pytestmark = NEEDS_CHROMIUM

# as real Bluesky ids are: a DID of 24 characters, then the post's key
LONG_ID = "at://did:plc:q4m2tbx7wlkrd5npz3ysvhca/app.bsky.feed.post/3kq7fzw2ab4xm"


def test_a_bluesky_conversation_id_wraps_on_a_phone(tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    report = write_inbox_html(make([item(LONG_ID)], counts={"open": 1}), tmp_path / "inbox.html")
    with sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844})
            page.goto(report.as_uri(), wait_until="load")
            width = page.evaluate("document.documentElement.scrollWidth")
            shown = page.inner_text(".conv-id")
        finally:
            browser.close()
    assert width <= 390  # the id wraps inside its card
    assert "".join(shown.split()) == f"id:{LONG_ID}"  # and is still there whole, to copy


def test_the_list_left_out_opens_and_fits_a_phone(tmp_path: Path) -> None:
    from staffpulse.listen.inbox_left_out import LeftOutItem

    sync_api = pytest.importorskip("playwright.sync_api")
    ad = LeftOutItem("bluesky", LONG_ID, None, "job_ad", "Hiring welders, nights", "weldco", "d", 1)
    inbox = make([item()], left_out={"job_ad": 1}, left_out_items=[ad])
    report = write_inbox_html(inbox, tmp_path / "inbox.html")
    with sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844})
            page.goto(report.as_uri(), wait_until="load")
            folded = page.locator("#left-out table").is_visible()
            page.locator("#left-out summary").click()  # the reader unfolds it
            row = page.locator("#left-out tr").inner_text()
            width = page.evaluate("document.documentElement.scrollWidth")
        finally:
            browser.close()
    assert not folded  # the open conversations come first; the list is a click away
    assert "a job ad" in row.lower() and "@weldco" in row and "Hiring welders" in row
    assert width <= 390
