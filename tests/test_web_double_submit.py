"""A form sent twice starts its work once: a double click on "Start the refresh" (or a second
click while a busy dashboard is slow to answer) sends one request (app.js), and the same
refresh or live fetch sent again while it is queued or running, from a second tab, is shown
the job already under way (JobManager's key) instead of fetching, and paying X, twice."""

from __future__ import annotations

import threading
import time
import warnings
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from browser_helpers import NEEDS_CHROMIUM, launch_chromium  # noqa: E402
from test_cli_commands_refresh import point_at_local_platforms  # noqa: E402
from web_helpers import LiveServer, csrf_token, make_client, make_settings  # noqa: E402

LIST = b"handle,platform\nacme.bsky.social,bluesky\n"


def _hold_the_write_lane(app: Any) -> threading.Event:
    """A job that keeps the write lane busy until the returned event is set: what is sent
    meanwhile waits in the queue, as behind a long import."""
    release = threading.Event()
    app.state.web.jobs.submit("import", "A long import", lambda _job: release.wait(30) and {})
    return release


def test_the_same_refresh_or_fetch_sent_twice_while_queued_is_one_job(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    point_at_local_platforms(httpserver, tmp_path, monkeypatch)
    with make_client(tmp_path / "store.db") as client:
        token = csrf_token(client, "/refresh")
        kept = client.post(
            "/refresh/list",
            data={"csrf_token": token},
            files={"list": ("firms.csv", LIST, "text/csv")},
        )
        assert kept.status_code == 303
        release = _hold_the_write_lane(client.app)
        try:
            start = {"csrf_token": token, "which": "list", "budget": "", "shown_budget": ""}
            first, second = (client.post("/refresh", data=start) for _ in range(2))
            fetch = {"csrf_token": token, "platform": "bluesky", "max_posts": "5"}
            one, again, other = (
                client.post("/import/fetch", data={**fetch, "handle": handle})
                for handle in ("acme.bsky.social", "acme.bsky.social", "beta.bsky.social")
            )
        finally:
            release.set()
        jobs = client.app.state.web.jobs
        for sent in (first, one, other):
            jobs.wait(sent.headers["location"].rsplit("/", 1)[1])
    assert first.status_code == second.status_code == 303
    assert first.headers["location"] == second.headers["location"]  # the same job page
    assert one.headers["location"] == again.headers["location"]
    assert other.headers["location"] != one.headers["location"]  # another account: its own
    assert [job.kind for job in jobs.recent(10)].count("refresh") == 1


@NEEDS_CHROMIUM[0]
@NEEDS_CHROMIUM[1]
def test_a_double_click_on_start_the_refresh_sends_it_once(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    pytest.importorskip("uvicorn")
    from staffpulse.web import create_app

    point_at_local_platforms(httpserver, tmp_path, monkeypatch)
    firms = tmp_path / "firms.csv"
    firms.write_bytes(LIST)
    dashboard = create_app(make_settings(tmp_path / "store.db", allowed_hosts=[]))
    sent: list[str] = []
    with LiveServer(dashboard) as live, sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844})
            page.goto(live.url + "/refresh", wait_until="load")
            page.set_input_files("#refresh-list", str(firms))
            page.get_by_role("button", name="Use this list").click()
            page.wait_for_selector("#refresh-headline")
            # a dashboard slow to answer (a busy computer): the second click comes before
            # the first one's answer, as a marketer clicks again when nothing seems to happen
            cdp = page.context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send(
                "Network.emulateNetworkConditions",
                {"offline": False, "latency": 800, "downloadThroughput": -1,
                 "uploadThroughput": -1},
            )  # fmt: skip
            page.on("request", lambda r: sent.append(r.url) if r.method == "POST" else None)
            button = page.get_by_role("button", name="Start the refresh")
            button.scroll_into_view_if_needed()
            box = button.bounding_box()
            assert box is not None
            x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
            page.mouse.click(x, y)
            time.sleep(0.3)
            page.mouse.click(x, y)
            page.wait_for_selector("[data-done]", timeout=60_000)
            done = page.inner_text("body")
        finally:
            browser.close()
    assert [url.rsplit("/", 1)[1] for url in sent] == ["refresh"]
    assert "Refreshed 1 of 1 account" in done
