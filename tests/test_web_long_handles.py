"""A handle longer than its platform allows (a 250-character X author cell, as long as an
import lets through: a longer one is skipped, ``staffpulse.handle_lengths``): the import says
so, the pages wrap it (in Chromium, at 1280 and 390 px) and download names stay short, safe
and distinct (``links.download_name``)."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from browser_helpers import CHROMIUM, launch_chromium  # noqa: E402
from staffpulse.web.links import download_name  # noqa: E402
from web_helpers import (  # noqa: E402
    LiveServer,
    finished_job,
    make_client,
    make_settings,
    sample_store,
    upload_files,
)

HUGE = "x" * 250  # past X's 15, short of the 253 past which the import skips the record


def _huge_csv(handle: str = HUGE, posts: int = 12) -> bytes:
    """Posts by ``handle``: enough of them for the benchmark to rank it (the audit then has
    its "Where you stand" strip, whose caption names the handle)."""
    lines = ["id,author,created_at,text,platform"]
    lines += [
        f"h{i},{handle},2026-11-{1 + i:02d}T10:00:00Z,long handle post number {i},x"
        for i in range(posts)
    ]
    return "\n".join(lines).encode()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("long"))


@pytest.fixture(scope="module")
def imported(db: Path) -> Iterator[tuple[Any, dict[str, Any]]]:
    with make_client(db) as client:
        status = finished_job(client, upload_files(client, [("hugehandle.csv", _huge_csv())]))
        yield client, status


@pytest.mark.parametrize(
    ("handle", "name"),
    [
        ("acmestaffing", "audit-acmestaffing.html"),
        ("acme.bsky.social", "audit-acme.bsky.social.html"),
        ("ada@mastodon.social", "audit-ada@mastodon.social.html"),
    ],
)
def test_a_plain_handle_names_its_download_as_it_is(handle: str, name: str) -> None:
    assert download_name("audit", handle, ".html") == name


def test_odd_and_long_handles_get_short_safe_and_distinct_names() -> None:
    names = [
        download_name("audit", handle, ".html")
        for handle in (HUGE, HUGE[:-1] + "y", "a/b", "a-b", "שלום", "..", "a b")
    ]
    assert len(set(names)) == len(names)  # two accounts never share a file name
    for name in names:
        assert len(name) <= 90 and name.isascii(), name
        assert re.fullmatch(r"audit-[A-Za-z0-9._@-]+\.html", name), name
        assert "/" not in name and " " not in name and ".." not in name
    assert names[0].startswith("audit-" + "x" * 60 + "-")


def test_the_import_says_the_handle_is_longer_than_the_platform_allows(
    imported: tuple[Any, dict[str, Any]],
) -> None:
    client, status = imported
    assert status["state"] == "done"
    [said] = status["result"]["overlong"]
    assert said["length"] == 250 and said["limit"] == 15 and said["platform"] == "x"
    page = client.get(f"/jobs/{status['id']}").text
    assert "Check the file’s author column:" in page
    assert "250 characters, longer than an X handle can be (15 at most)" in page
    shown = re.findall(r'<a class="btn" href="[^"]+">@(x+)', page)
    assert shown and max(len(s) for s in shown) <= 60  # the button names it shortly


def test_the_import_of_plain_handles_says_nothing_about_them(db: Path, tmp_path: Path) -> None:
    with make_client(tmp_path / "plain.db") as client:
        status = finished_job(client, upload_files(client, [("a.csv", _huge_csv("acme"))]))
    assert status["result"]["overlong"] == []


def test_the_downloads_of_a_huge_handle_have_short_names(
    imported: tuple[Any, dict[str, Any]],
) -> None:
    client, _status = imported
    report = client.get(f"/audit/x/{HUGE}/report.html")
    assert report.status_code == 200
    name = re.search(r'filename="([^"]+)"', report.headers["content-disposition"])
    assert name and len(name.group(1)) <= 90 and name.group(1).endswith(".html")


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's headless Chromium")
def test_no_page_of_a_huge_handle_scrolls_sideways(
    imported: tuple[Any, dict[str, Any]], db: Path, tmp_path: Path
) -> None:
    pytest.importorskip("uvicorn")
    from playwright.sync_api import sync_playwright

    from staffpulse.web import create_app

    client, status = imported
    report = tmp_path / "report.html"
    report.write_text(client.get(f"/audit/x/{HUGE}/report.html").text, encoding="utf-8")
    pages = [f"/jobs/{status['id']}", f"/audit/x/{quote(HUGE)}"]
    app = create_app(make_settings(db, allowed_hosts=[]))
    app.state.web.jobs = client.app.state.web.jobs  # the finished import's page
    with LiveServer(app) as live, sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            for width in (1280, 390):
                page = browser.new_page(viewport={"width": width, "height": 900})
                for url in [live.url + path for path in pages] + [report.as_uri()]:
                    page.goto(url, wait_until="load")
                    if "/audit/" in url or url.endswith(".html"):
                        assert page.get_by_text("the dark marker is").count() == 1, url[:80]
                    wide = page.evaluate("document.documentElement.scrollWidth")
                    assert wide <= width, (url[:80], width, wide)
                page.close()
        finally:
            browser.close()


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's headless Chromium")
def test_advice_quoting_a_display_name_of_one_long_word_wraps(tmp_path: Path) -> None:
    # the audit's advice quotes the display name ("a full name ("WWW…W Lund")"): a name of
    # 300 letters without a space made the audit page and its report 4,000 px wide
    pytest.importorskip("uvicorn")
    import json

    from playwright.sync_api import sync_playwright

    from staffpulse.web import create_app

    name = "W" * 300
    records = [
        {
            "type": "account",
            "platform": "x",
            "handle": "longname",
            "id": "longname",
            "display_name": name,
            "bio": "Staffing.",
        }
    ]
    records += [{"type": "post", "platform": "x", "id": f"n{i}", "author": "longname",
                 "created_at": f"2026-11-{1 + i:02d}T10:00:00Z", "text": f"Post number {i} of ours"}
                for i in range(12)]  # fmt: skip
    db = tmp_path / "longname.db"
    with make_client(db) as client:
        data = "\n".join(json.dumps(record) for record in records).encode()
        finished_job(client, upload_files(client, [("longname.jsonl", data)]))
        audit = client.get("/audit/x/longname")
        assert audit.status_code == 200 and name in audit.text
        report = tmp_path / "report.html"
        report.write_text(client.get("/audit/x/longname/report.html").text, encoding="utf-8")
    with (
        LiveServer(create_app(make_settings(db, allowed_hosts=[]))) as live,
        sync_playwright() as p,
    ):
        browser = launch_chromium(p)
        try:
            for width in (1280, 390):
                page = browser.new_page(viewport={"width": width, "height": 900})
                for url in (live.url + "/audit/x/longname", report.as_uri()):
                    page.goto(url, wait_until="load")
                    assert page.get_by_text("Do this next").count() >= 1, url
                    wide = page.evaluate("document.documentElement.scrollWidth")
                    assert wide <= width, (url, width, wide)
                page.close()
        finally:
            browser.close()
