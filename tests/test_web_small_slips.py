"""Small things a marketer noticed: upload limits in whole MB, the unsupported-file advice in
plain words, a form's address opened as a page, a hint that repeated the message, a "token" of
markup, the X budget shown for Bluesky, a cut-off placeholder and an "Open" that said nothing."""

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
from staffpulse.web.uploads import human_bytes  # noqa: E402
from staffpulse.web.wording import web_hint  # noqa: E402
from web_helpers import (  # noqa: E402
    LiveServer,
    csrf_token,
    finished_job,
    make_client,
    make_settings,
    sample_store,
    upload_files,
)

# how the importer names its readers, which mean nothing to a marketer
READER_NAMES = ("TWCS", "IBM", "v1.1", "JSONL", "twarc2 CSV")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("slips"))


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[Any]:
    with make_client(db) as c:
        yield c


def test_upload_limits_are_whole_megabytes(tmp_path: Path) -> None:
    assert [human_bytes(n) for n in (200 * 2**20, 2**20, 1024, int(2.6 * 2**20))] == [
        "200 MB",
        "1 MB",
        "1 KB",
        "2.6 MB",
    ]
    with make_client(tmp_path / "s.db", max_upload_bytes=2**20) as small:
        assert "Choose a file (up to 1 MB)" in small.get("/import").text
        assert "1 MB" in small.get("/settings").text and "1.0 MB" not in small.get("/settings").text


def test_an_unsupported_file_is_explained_in_plain_words_with_the_formats_page(
    client: Any,
) -> None:
    status = finished_job(client, upload_files(client, [("picture.png", b"\x89PNG\r\n\x1a\n")]))
    page = client.get(f"/jobs/{status['id']}").text
    said = page.split('<section class="card job"', 1)[1].split("</section>", 1)[0]
    assert "X archive" in said and "CSV files with one post a line" in said
    assert '<a href="/help/formats">Supported formats</a>' in said
    assert not [name for name in READER_NAMES if name in said], said


@pytest.mark.parametrize(
    ("address", "page"),
    [
        ("/inbox/state", "/inbox"),
        ("/settings/tokens", "/settings"),
        ("/import/upload", "/import"),
        ("/import/fetch", "/import"),
        ("/benchmark/cohort", "/benchmark"),
        ("/audit/x/brightpathstaff/record", "/audit/x/brightpathstaff"),
        ("/sample/leave", "/"),
    ],
)
def test_a_forms_address_opened_as_a_page_leads_to_its_page(
    client: Any, address: str, page: str
) -> None:
    response = client.get(address)
    assert response.status_code == 303 and response.headers["location"] == page
    assert "Method Not Allowed" not in response.text


def test_another_method_gets_a_plain_message(client: Any) -> None:
    response = client.put("/inbox/state")
    assert response.status_code == 405
    assert "Method Not Allowed" not in response.text and "has no page of its own" in response.text


def test_a_hint_does_not_repeat_what_the_message_says() -> None:
    message = "@acme: X could not be reached at api.x.com (no connection)"
    hint = (
        "check your connection and [x] base_url; everything fetched so far is stored; "
        "run the same command again to resume"
    )
    shown = web_hint(message, hint)
    assert "online" not in shown
    assert shown == (
        "everything fetched so far is stored; start the same fetch again on the Import page "
        "to resume"
    )
    assert web_hint("no account 'x' in the store", "check the handle") == "check the handle"
    assert web_hint("X could not be reached: check that this computer is online", None) == ""


def test_a_failed_fetch_page_says_the_advice_once(client: Any, monkeypatch: Any) -> None:
    from staffpulse.errors import FetchError

    def offline(store: Any, handle: str, **kwargs: Any) -> Any:
        raise FetchError(
            f"@{handle}: X could not be reached at api.x.com (no connection)",
            hint="check your connection and [x] base_url; everything fetched so far is "
            "stored; run the same command again to resume",
        )

    monkeypatch.setattr("staffpulse.fetch.x.fetch_x", offline)
    monkeypatch.setenv("X_BEARER_TOKEN", "test-token-not-real")
    form = {"platform": "x", "handle": "acmestaffing", "confirmed": "yes"}
    status = finished_job(
        client, client.post("/import/fetch", data={"csrf_token": csrf_token(client), **form})
    )
    page = client.get(f"/jobs/{status['id']}").text
    assert page.count("check that this computer is online") == 1
    assert "What to do:</strong> everything fetched so far is stored" in page


@pytest.mark.parametrize("value", ["<script>alert(1)</script>", '"AAAA"', "tok;en", "naïve"])
def test_a_token_of_other_characters_is_refused(
    tmp_path: Path, monkeypatch: Any, value: str
) -> None:
    monkeypatch.setenv("STAFFPULSE_HOME", str(tmp_path))
    with make_client(tmp_path / "t.db") as c:
        token = csrf_token(c, "/settings")
        form = {"name": "x_bearer_token", "value": value, "csrf_token": token}
        page = c.get(c.post("/settings/tokens", data=form).headers["location"]).text
        assert "The X API bearer token was not saved:" in page
        assert "letters, digits and the signs" in page
        ok = c.post("/settings/tokens", data={**form, "value": "AAAA%2Bb-c_d.e~f+g/h=="})
        assert ok.headers["location"].startswith("/settings?flash=")
        assert "Saved the X API bearer token." in c.get(ok.headers["location"]).text


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
def site(db: Path) -> Iterator[str]:
    pytest.importorskip("uvicorn")
    from staffpulse.web import create_app

    with LiveServer(create_app(make_settings(db, allowed_hosts=[]))) as live:
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


def test_reader_names_are_what_the_hint_listed() -> None:
    # the list the library gives; if it stops naming them, this module's check means nothing
    from staffpulse.sources import REGISTRY

    labels = " ".join(source.label for source in REGISTRY)
    assert re.search("TWCS|IBM", labels)
