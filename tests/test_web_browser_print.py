"""The dashboard printed, in real headless Chromium (Debian's): on paper nothing can be clicked,
typed or uploaded, so the menu bar, the toolbars, the upload forms and the buttons are left off
every page, while what the page says (its title, its cards, the cohort it ranks) is printed."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from browser_helpers import NEEDS_CHROMIUM, opened_page  # noqa: E402
from web_helpers import live_sample_cohort  # noqa: E402

pytestmark = NEEDS_CHROMIUM

# what does nothing on paper: the menu bar, a toolbar, an upload form, a search box, a button
CONTROLS = (
    ".appbar, .toolbar, form[enctype='multipart/form-data'], input[type=file],"
    " input[type=search], button, .btn"
)
SHOWN = "sel => [...document.querySelectorAll(sel)].filter(e => e.getClientRects().length).length"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from live_sample_cohort(tmp_path_factory.mktemp("print"))


def shown(page: Any, selector: str) -> int:
    """How many of the elements ``selector`` finds take room on the page (or the paper)."""
    return int(page.evaluate(SHOWN, selector))


@pytest.mark.parametrize(
    ("path", "content"),
    [
        ("/", ".card.acct"),  # the accounts' cards
        ("/benchmark", ".toolbar-card h2"),  # the cohort it ranks, without its upload form
        ("/audit/x/harborline", "main h2"),  # the audit's parts
        ("/import", "main h1"),
    ],
)
def test_a_printed_page_leaves_off_the_menu_bar_forms_and_buttons(
    site: str, path: str, content: str
) -> None:
    with opened_page(site + path, 1280, 900) as page:
        on_screen = shown(page, CONTROLS)
        page.emulate_media(media="print")
        on_paper = shown(page, CONTROLS)
        printed = shown(page, content)
        title = page.locator("main h1").first.is_visible()
    assert on_screen > 0  # the page has controls on screen...
    assert on_paper == 0  # ...and none of them on paper
    assert printed > 0 and title


# fields a printout would show empty, and forms that send something: nothing to do on paper
EMPTY_FIELDS = (
    "sel => [...document.querySelectorAll(sel)]"
    ".filter(e => e.getClientRects().length && !e.value).map(e => e.name || e.id)"
)


@pytest.mark.parametrize("path", ["/import", "/settings", "/refresh", "/connect", "/inbox"])
def test_a_printed_page_leaves_off_the_forms_that_send_and_the_empty_fields(
    site: str, path: str
) -> None:
    with opened_page(site + path, 1280, 900) as page:
        on_screen = shown(page, "form[method=post]")
        page.emulate_media(media="print")
        on_paper = shown(page, "form[method=post]")
        empty = page.evaluate(EMPTY_FIELDS, "input:not([type=hidden]), textarea")
        title = page.locator("main h1").first.is_visible()
    assert on_screen > 0 or path in ("/connect", "/inbox")
    assert on_paper == 0 and empty == [] and title


def test_the_printed_import_page_has_no_fetch_form_and_connect_keeps_its_choices(
    site: str,
) -> None:
    with opened_page(site + "/import", 1280, 900) as page:
        assert page.get_by_role("heading", name="Fetch an account live").is_visible()
        page.emulate_media(media="print")
        assert not page.get_by_role("heading", name="Fetch an account live").is_visible()
        assert page.get_by_role("heading", name="Upload a file").is_visible()  # what it takes
    with opened_page(site + "/connect", 1280, 900) as page:
        page.emulate_media(media="print")
        # the choices the list was ranked with are what the printout is of; an empty date is not
        assert page.locator("input[name=account]").input_value()
        assert page.locator("input[name=account]").is_visible()
        assert page.locator("select[name=role]").is_visible()
        assert not page.locator("input[name=as_of]").is_visible()


def test_the_printed_accounts_search_leaves_its_count_but_no_empty_frame(site: str) -> None:
    frame = "e => [getComputedStyle(e).borderTopWidth, getComputedStyle(e).boxShadow]"
    with opened_page(site + "/?q=harbor", 1280, 900) as page:
        search = page.locator("form[role=search]")
        assert search.evaluate(frame)[0] != "0px"  # a card on screen...
        page.emulate_media(media="print")
        # ...on paper only the line saying what it found: no frame around nothing
        assert search.evaluate(frame) == ["0px", "none"]
        assert "harbor" in search.inner_text() and search.is_visible()
