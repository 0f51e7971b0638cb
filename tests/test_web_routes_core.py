"""The Accounts page, the dashboard's home, and the audit pages (routes_core): the home page
says in plain words what each pillar's grade looks at (a faceless account shows a logo instead
of a person's face), lists the sample's accounts with their grades and bars, and its cards show
the whole name on hover; the audit's "Open" with an empty field says what to type, and its
picker's placeholder fits the field (Chromium). The audit page itself:
tests/test_web_routes_core_audit.py."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from browser_helpers import CHROMIUM, launch_chromium  # noqa: E402
from web_helpers import (  # noqa: E402
    LiveServer,
    make_client,
    make_settings,
    page_words,
    private_copy,
    sample_store,
)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("core"))


@pytest.fixture
def client(sample_db: Path, tmp_path: Path) -> Iterator[Any]:
    with make_client(private_copy(sample_db, tmp_path)) as c:
        yield c


def test_the_home_page_says_what_a_faceless_account_shows(client: Any) -> None:
    home = page_words(client.get("/").text)
    assert "faceless face" not in home
    assert "a logo instead of a person’s face ( face )" in home


def test_cards_show_the_whole_name_on_hover(client: Any) -> None:
    page = client.get("/").text
    assert 'class="name" title="Mia Castellano"' in page
    assert 'title="@owenpark.bsky.social · Bluesky"' in page


def test_open_with_an_empty_field_says_what_to_type(client: Any) -> None:
    audit = client.get("/audit/x/brightpathstaff").text
    assert 'name="from" value="/audit/x/brightpathstaff"' in audit
    went = client.get("/audit-go", params={"account": " ", "from": "/audit/x/brightpathstaff"})
    assert went.status_code == 303
    assert went.headers["location"].startswith("/audit/x/brightpathstaff?flash=")
    page = client.get(went.headers["location"]).text
    assert "Type an account to open first:" in page and "type a handle (such as @" in page
    elsewhere = client.get("/audit-go", params={"account": "", "from": "https://evil.example/"})
    assert elsewhere.headers["location"].startswith("/?flash=")  # only back to an audit


@pytest.fixture(scope="module")
def site(sample_db: Path) -> Iterator[str]:
    pytest.importorskip("uvicorn")
    from staffpulse.web import create_app

    with LiveServer(create_app(make_settings(sample_db, allowed_hosts=[]))) as live:
        yield live.url


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's headless Chromium")
def test_the_audit_pickers_placeholder_fits_its_field(site: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(site + "/audit/x/brightpathstaff", wait_until="load")
            room, needed = page.evaluate(
                """() => {
                  const el = document.querySelector('#pick');
                  const style = getComputedStyle(el);
                  const ctx = document.createElement('canvas').getContext('2d');
                  ctx.font = style.font;
                  const inner = el.clientWidth - parseFloat(style.paddingLeft)
                    - parseFloat(style.paddingRight);
                  return [inner, ctx.measureText(el.placeholder).width];
                }"""
            )
            assert needed <= room, (needed, room)
        finally:
            browser.close()


def test_home_lists_accounts_with_grades_and_bars(client: Any) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "Your accounts" in page.text and "Sample data" in page.text
    assert page.text.count('class="card acct"') == 12
    assert page.text.count('class="gradebadge"') == 12
    assert 'href="/audit/x/brightpathstaff"' in page.text
    assert "Conversation" in page.text and 'class="fill"' in page.text
