"""Headless Chromium for the browser tests: where Debian puts it, how it is launched, and the
skip when it is missing (``.ci/run`` installs it; a developer machine may not have it)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: ``pytestmark`` of a module whose every test drives the browser
NEEDS_CHROMIUM = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's headless Chromium at /usr/bin/chromium (apt-get install chromium)",
    ),
]


def launch_chromium(playwright: Any) -> Any:
    """A headless Chromium browser from a ``sync_playwright()`` context."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


@contextmanager
def opened_page(
    url: str, width: int, height: int, errors: list[str] | None = None
) -> Iterator[Any]:
    """A page of a fresh headless Chromium, in a window ``width`` × ``height``, loaded at
    ``url``; the browser is closed after, whatever the test found. ``errors``, when given,
    collects what the console and the page's script report as errors, from the first load on."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            if errors is not None:
                page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
                page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(url, wait_until="load")
            yield page
        finally:
            browser.close()
