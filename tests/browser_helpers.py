"""Headless Chromium for the browser tests: where Debian puts it, how it is launched, and the
skip when it is missing (``.ci/run`` installs it; a developer machine may not have it).

Starting Playwright's driver and a Chromium costs a few seconds, once per test it was; so every
browser test of a test process (an xdist worker) shares one. Importing this module makes
``playwright.sync_api.sync_playwright()`` hand out that shared Playwright, whichever way a test
spells it, and ``launch_chromium`` lend that shared browser: a test still gets fresh, isolated
contexts and pages (no cookies, storage or cache of another test), and its ``browser.close()``
closes only what it opened. A running sync Playwright keeps an event loop running in the main
thread, where ``asyncio.run`` would then refuse to start: so ``tests/conftest.py`` stops the
shared one as soon as the next test is not marked ``browser`` (see ``stop_shared_chromium``).
"""

from __future__ import annotations

import contextlib
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


class _Shared:
    """The test process's one Playwright driver and Chromium, started on first use."""

    start_playwright: Any = None  # Playwright's own sync_playwright, before it was replaced
    playwright: Any = None
    browser: Any = None


class BrowserLease:
    """The shared Chromium as one test sees it: what it opens, ``close()`` closes; the browser
    itself stays up for the next test."""

    def __init__(self, browser: Any) -> None:
        self._browser = browser
        self._contexts: list[Any] = []

    def new_context(self, **options: Any) -> Any:
        context = self._browser.new_context(**options)
        self._contexts.append(context)
        return context

    def new_page(self, **options: Any) -> Any:
        # as Browser.new_page: a page in a context of its own
        return self.new_context(**options).new_page()

    def close(self) -> None:
        for context in self._contexts:
            with contextlib.suppress(Exception):  # closed already, by the test or a crash
                context.close()
        self._contexts.clear()


@contextmanager
def shared_playwright() -> Iterator[Any]:
    """Stands in for ``sync_playwright()``: yields the process's Playwright, started on first
    use and left running on leaving (``stop_shared_chromium`` stops it)."""
    if _Shared.playwright is None:
        _Shared.playwright = _Shared.start_playwright().start()
    yield _Shared.playwright


def launch_chromium(playwright: Any) -> Any:
    """A headless Chromium browser from a ``sync_playwright()`` context: the shared one, lent
    (``BrowserLease``), when ``playwright`` is the shared driver."""
    if playwright is not _Shared.playwright:
        return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    if _Shared.browser is None or not _Shared.browser.is_connected():
        _Shared.browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
    return BrowserLease(_Shared.browser)


def stop_shared_chromium() -> None:
    """Close the shared Chromium and stop its driver, if they run (the next test may need
    ``asyncio``)."""
    browser, playwright = _Shared.browser, _Shared.playwright
    _Shared.browser = _Shared.playwright = None
    if browser is not None:
        with contextlib.suppress(Exception):  # it crashed or was closed: nothing to close
            browser.close()
    if playwright is not None:
        playwright.stop()


def _share_one_playwright() -> None:
    """Make ``sync_playwright()`` (looked up on ``playwright.sync_api`` by every test, at call
    time) hand out the shared driver."""
    try:
        import playwright.sync_api as sync_api
    except ImportError:  # the browser tests skip themselves (importorskip)
        return
    if _Shared.start_playwright is None:
        _Shared.start_playwright = sync_api.sync_playwright
        sync_api.sync_playwright = shared_playwright


_share_one_playwright()


@contextmanager
def opened_page(
    url: str, width: int, height: int, errors: list[str] | None = None
) -> Iterator[Any]:
    """A page of a fresh context of headless Chromium, in a window ``width`` × ``height``,
    loaded at ``url``; the context is closed after, whatever the test found. ``errors``, when
    given, collects what the console and the page's script report as errors, from the first
    load on."""
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
