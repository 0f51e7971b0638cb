"""The import job page's layout in Chromium: on a phone a skipped record's file takes a line of
its own above the reason, and a file's or job's name beside a long reason keeps a readable
column (the page's words: ``test_web_job_page.py``)."""

from __future__ import annotations

import io
import json
import warnings
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from browser_helpers import CHROMIUM, launch_chromium  # noqa: E402
from web_helpers import LiveServer, finished_job, make_settings, upload_files  # noqa: E402


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's headless Chromium")
def test_on_a_phone_a_skipped_records_file_gets_a_line_of_its_own(tmp_path: Path) -> None:
    """An archive's path was squeezed into a column a few letters wide beside the reason, one
    fragment a line ("person_rita / lindqvist.zip!p / ...") (QA s21)."""
    pytest.importorskip("uvicorn")
    from fastapi.testclient import TestClient
    from playwright.sync_api import sync_playwright

    from staffpulse.web import create_app

    buffer = io.BytesIO()
    post = {"type": "post", "platform": "x", "id": "1", "author": "acme", "text": "hi",
            "created_at": "2026-03-01T10:00:00Z"}  # fmt: skip
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("person_someone/data/posts.jsonl", json.dumps(post) + "\n{not json\n")
    hosts = ["testserver", "127.0.0.1"]  # the upload's test client, then the browser
    app = create_app(make_settings(tmp_path / "phone.db", allowed_hosts=hosts))
    with TestClient(app, follow_redirects=False) as client:
        status = finished_job(
            client, upload_files(client, [("archive_of_2026.zip", buffer.getvalue())])
        )
    with LiveServer(app) as live, sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(viewport={"width": 390, "height": 800})
            page.goto(f"{live.url}/jobs/{status['id']}", wait_until="load")
            where = page.locator("table.skipped-records td.record-file").first
            why = page.locator("table.skipped-records td.record-reason").first
            assert "archive_of_2026.zip › person_someone/data/posts.jsonl, line 2" in (
                where.inner_text()
            )
            place, reason = where.bounding_box(), why.bounding_box()
            assert place is not None and reason is not None
            assert place["width"] > 250  # the row's width, not a sliver of it
            assert reason["y"] >= place["y"] + place["height"] - 1  # the reason under it
            wide = page.evaluate("document.documentElement.scrollWidth")
            assert wide <= 390
            # the reason reads as the table's text, not as a faint footnote
            size = "el => getComputedStyle(el).fontSize"
            assert why.evaluate(size) == where.evaluate(size)
            # a screen reader hears what each cell is; seen, the column names take no room
            head = page.locator("table.skipped-records thead")
            assert head.locator("th").all_text_contents() == ["Where", "What to change"]
            assert head.evaluate("h => h.getBoundingClientRect().height") == 0
        finally:
            browser.close()


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's headless Chromium")
def test_a_file_name_beside_a_long_reason_keeps_a_readable_column(tmp_path: Path) -> None:
    """At 1280 px a missing file's name ("follower.js") and the Import page's recent jobs
    ("Import of survey.csv") were squeezed by the long text beside them into a column a few
    letters wide, one fragment a line ("follo / wer.j / s") (QA s30, on real archives)."""
    pytest.importorskip("uvicorn")
    from fastapi.testclient import TestClient
    from playwright.sync_api import sync_playwright

    from staffpulse.web import create_app

    data = Path(__file__).parent / "fixtures" / "x_archive" / "data"
    config = {
        "userInfo": {"accountId": "9001", "userName": "acmestaffing"},
        "dataTypes": {"follower": {"files": [{"fileName": "data/follower.js", "count": "3"}]}},
    }
    chosen = [(name, (data / name).read_bytes()) for name in ("account.js", "tweets.js")]
    chosen.append(("manifest.js", b"window.__THAR_CONFIG = " + json.dumps(config).encode()))
    # a CSV of no known format: its error, naming every column, is the long outcome
    survey = ",".join(f"answer_to_question_{n}" for n in range(30)) + "\n" + "yes," * 29 + "no\n"
    hosts = ["testserver", "127.0.0.1"]  # the uploads' test client, then the browser
    app = create_app(make_settings(tmp_path / "wide.db", allowed_hosts=hosts))
    with TestClient(app, follow_redirects=False) as client:
        status = finished_job(client, upload_files(client, chosen))
        finished_job(client, upload_files(client, [("survey.csv", survey.encode())]))
    width = "el => el.getBoundingClientRect().width"
    with LiveServer(app) as live, sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(f"{live.url}/jobs/{status['id']}", wait_until="load")
            name = page.locator("table.missing-files td.record-file").first
            assert name.inner_text() == "follower.js"
            assert name.evaluate(width) >= 100
            for viewport in ({"width": 1280, "height": 800}, {"width": 390, "height": 800}):
                page.set_viewport_size(viewport)
                page.goto(f"{live.url}/import", wait_until="load")
                job = page.locator("table.recent-jobs td.job-name").first
                assert job.inner_text() == "Import of survey.csv"
                names = page.locator("table.recent-jobs th").all_text_contents()
                assert names == ["Import", "State", "Outcome"]
                assert job.evaluate(width) >= 120, viewport
                assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        finally:
            browser.close()
