"""The Accounts page and an audit check a store for an account to grade the same way, and say
the same thing when there is none, in real headless Chromium at phone and desktop widths:
"Import data first" on an empty store, and "No posts yet" with what it holds on a store of
accounts known only by name (where the audit opened a "Not found" error page), each leading to
the Import page; on the demo's store both show their grades. The posts-only store (a recording of posts, no profile): test_web_browser_posts_only."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from browser_helpers import NEEDS_CHROMIUM, opened_page  # noqa: E402
from staffpulse.models import Account  # noqa: E402
from staffpulse.sources.base import provenance  # noqa: E402
from staffpulse.store import open_store  # noqa: E402
from web_helpers import LiveServer, make_settings, sample_store  # noqa: E402

pytestmark = NEEDS_CHROMIUM
PAGES = ("/", "/audit/x/quietagency")


def _served(db: Path) -> Iterator[str]:
    pytest.importorskip("uvicorn")
    from staffpulse.web import create_app

    with LiveServer(create_app(make_settings(db, allowed_hosts=[]))) as live:
        yield live.url


@pytest.fixture(scope="module")
def empty_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _served(tmp_path_factory.mktemp("empty") / "empty.db")


@pytest.fixture(scope="module")
def names_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("names") / "names.db"
    with open_store(db) as store:  # as a follows list or a mention names them: no posts
        named = [Account(platform="x", id="71", handle="quietagency")]
        store.upsert(named, provenance("test", "t"))
    yield from _served(db)


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _served(sample_store(tmp_path_factory.mktemp("demo")))


def _seen(site: str, width: int) -> dict[str, tuple[str, str, str, int]]:
    """Each page's heading, its words, where its main button goes, and how far it scrolls
    sideways, in one browser."""
    seen = {}
    with opened_page(site + PAGES[0], width, 900) as tab:
        for page in PAGES:
            if page != PAGES[0]:
                tab.goto(site + page, wait_until="load")
            button = tab.locator("a.btn.big")
            seen[page] = (
                tab.locator("h1").first.inner_text(),
                " ".join(tab.locator("main").inner_text().split()),
                button.first.get_attribute("href") if button.count() else "",
                tab.evaluate("document.documentElement.scrollWidth - innerWidth"),
            )
    return seen


@pytest.mark.parametrize("width", [390, 1280])
def test_an_empty_store_says_the_same_on_both_pages(empty_site: str, width: int) -> None:
    for page, (heading, words, button, overflow) in _seen(empty_site, width).items():
        assert heading == "Import data first", page
        assert "staffpulse needs some posts to look at" in words, page
        assert button == "/import", page
        assert "Load the sample data" in words, page
        assert overflow <= 0, (page, width)


@pytest.mark.parametrize("width", [390, 1280])
def test_accounts_known_only_by_name_are_said_on_both_pages(names_site: str, width: int) -> None:
    for page, (heading, words, button, overflow) in _seen(names_site, width).items():
        assert heading == "No posts yet", page
        assert "This store holds 1 account known only by name, but no posts" in words, page
        assert "Not found" not in words and button == "/import", page
        assert overflow <= 0, (page, width)


@pytest.mark.parametrize("width", [390, 1280])
def test_the_demo_store_shows_its_grades_on_both_pages(demo_site: str, width: int) -> None:
    with opened_page(demo_site + "/", width, 900) as tab:
        cards = tab.locator(".card.acct").count()
        graded = tab.locator(".card.acct .gradebadge").count()
        tab.goto(demo_site + "/audit/x/brightpathstaff", wait_until="load")
        audit = " ".join(tab.locator("main").inner_text().split())
        title = tab.locator("h1").first.inner_text()
    assert cards >= 12 and graded >= 12  # the sample's firms and people, each graded
    assert "@brightpathstaff" in title and "No account to grade yet" not in audit
