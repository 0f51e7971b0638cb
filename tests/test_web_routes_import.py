"""The Import page and its job pages (routes_import): the X budget shows only while X is
chosen (Chromium, with and without scripts); a file of no known format is explained in plain
words, with the formats page and none of the importer's names for its readers; an import the
dashboard no longer knows (it was restarted) is not found, and says where to see what was
imported; the Import and Settings pages open on the sample cohort."""

from __future__ import annotations

import re
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
    finished_job,
    make_client,
    make_settings,
    page_words,
    private_copy,
    sample_store,
    upload_files,
)

# how the importer names its readers, which mean nothing to a marketer
READER_NAMES = ("TWCS", "IBM", "v1.1", "JSONL", "twarc2 CSV")


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("import"))


@pytest.fixture
def client(sample_db: Path, tmp_path: Path) -> Iterator[Any]:
    with make_client(private_copy(sample_db, tmp_path)) as c:
        yield c


def test_an_import_the_dashboard_no_longer_knows_is_not_found(client: Any) -> None:
    page = client.get("/jobs/bb90b549b602")
    assert page.status_code == 404
    words = page_words(page.text)
    assert "This import is no longer known (the dashboard was restarted)" in words
    assert "see the Accounts page (Your accounts) for what was imported" in words
    assert client.get("/api/jobs/bb90b549b602").status_code == 404


def test_an_unsupported_file_is_explained_in_plain_words_with_the_formats_page(
    client: Any,
) -> None:
    status = finished_job(client, upload_files(client, [("picture.png", b"\x89PNG\r\n\x1a\n")]))
    page = client.get(f"/jobs/{status['id']}").text
    said = page.split('<section class="card job"', 1)[1].split("</section>", 1)[0]
    assert "X archive" in said and "CSV files with one post a line" in said
    assert '<a href="/help/formats">Supported formats</a>' in said
    assert not [name for name in READER_NAMES if name in said], said


def test_reader_names_are_what_the_hint_listed() -> None:
    # the list the library gives; if it stops naming them, this module's check means nothing
    from staffpulse.sources import REGISTRY

    labels = " ".join(source.label for source in REGISTRY)
    assert re.search("TWCS|IBM", labels)


@pytest.fixture(scope="module")
def site(sample_db: Path) -> Iterator[str]:
    pytest.importorskip("uvicorn")
    from staffpulse.web import create_app

    with LiveServer(create_app(make_settings(sample_db, allowed_hosts=[]))) as live:
        yield live.url


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's headless Chromium")
@pytest.mark.parametrize("scripts", [True, False])
def test_the_x_budget_shows_only_when_x_is_chosen(site: str, scripts: bool) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_context(java_script_enabled=scripts).new_page()
            page.goto(site + "/import", wait_until="load")
            assert not page.is_visible("#budget") and not page.is_visible("label[for=budget]")
            page.select_option("#platform", "x")
            assert page.is_visible("#budget") and page.is_visible("label[for=budget]")
            page.select_option("#platform", "mastodon")
            assert not page.is_visible("#budget")
        finally:
            browser.close()


def test_import_and_settings_pages(client: Any) -> None:
    page = client.get("/import")
    assert page.status_code == 200 and 'enctype="multipart/form-data"' in page.text
    assert "up to 200 MB" in page.text and "Fetch an account live" in page.text
    settings = client.get("/settings")
    assert settings.status_code == 200 and "X API bearer token" in settings.text
