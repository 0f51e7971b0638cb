"""Background jobs (staffpulse.web.jobs): a failed fetch shows the library's own message and
hint, worded for the page, so a Bluesky refusal is not turned into advice about a token; a
page read while its job ends shows the job as of one moment."""

from __future__ import annotations

import re
import threading
import time
import warnings
from collections.abc import Iterator, KeysView
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import csrf_token, finished_job, make_client, page_words  # noqa: E402


def test_a_bluesky_fetch_refused_with_401_gives_the_appview_advice_not_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/xrpc/app.bsky.actor.getProfile").respond_with_json(
        {"error": "AuthMissing", "message": "Authentication Required"}, status=401
    )
    config = tmp_path / "config.toml"
    config.write_text(f'[bluesky]\nappview_url = "{httpserver.url_for("").rstrip("/")}"\n')
    monkeypatch.setenv("STAFFPULSE_CONFIG", str(config))
    form = {"platform": "bluesky", "handle": "acme.bsky.social", "max_posts": "5"}
    with make_client(tmp_path / "refused.db") as client:
        status = finished_job(
            client, client.post("/import/fetch", data={"csrf_token": csrf_token(client), **form})
        )
        page = page_words(client.get(f"/jobs/{status['id']}").text)
    assert status["state"] == "error"
    assert "refused the request (HTTP 401)" in page
    hint = page.split("What to do:")[1].split("Back to")[0]
    assert "the public AppView needs no login" in hint
    assert "Settings" not in hint and "token" not in hint


class _SlowCopy(dict[str, object]):
    """A job's result whose copy takes a while: the page reading it is caught mid-read."""

    def __init__(self, reading: threading.Event) -> None:
        super().__init__()
        self.reading = reading

    def __iter__(self) -> Iterator[str]:  # overridden: dict(self) then copies through keys()
        return super().__iter__()

    def keys(self) -> KeysView[str]:
        self.reading.set()
        time.sleep(0.3)
        return super().keys()


def test_a_job_page_read_while_its_job_ends_is_either_running_or_done_with_its_result() -> None:
    # CI once showed "Done" and "None" in place of the import's summary: the page had copied
    # the empty result of the running job, the job ended, and the page then read "done", so
    # it never reloaded. A page now reads the job as of one moment.
    from staffpulse.web.jobs import Job

    reading = threading.Event()
    job = Job(id="j1", kind="import", label="Import of x.zip", state="running")
    job.result = _SlowCopy(reading)
    seen: list[Job] = []
    page = threading.Thread(target=lambda: seen.append(job.snapshot()))
    page.start()
    assert reading.wait(5)
    job.end("done", {"summary": "Read 6 posts: 6 new posts."})  # while the page reads
    page.join(5)
    (shown,) = seen
    assert (shown.state, shown.result) in [
        ("running", {}),
        ("done", {"summary": "Read 6 posts: 6 new posts."}),
    ]
    assert job.snapshot().result == {"summary": "Read 6 posts: 6 new posts."}


def test_only_a_job_that_brings_new_data_drops_the_pages_data_and_is_listed() -> None:
    # saving an audit to the history dropped every page's data: the benchmark of a store of
    # 300,000 posts took minutes to compute again for nothing
    from staffpulse.web.jobs import JobManager

    finished: list[str] = []
    jobs = JobManager(on_finish=lambda job: finished.append(job.kind))
    try:
        saved = jobs.submit("record", "Saving", lambda _job: {}, drops_caches=False)
        imported = jobs.submit("import", "Import of a.csv", lambda _job: {})
        assert jobs.wait(saved.id) and jobs.wait(imported.id)
        assert saved.state == imported.state == "done"
        assert finished == ["import"]
        assert [job.kind for job in jobs.recent()] == ["import"]
    finally:
        jobs.shutdown()


def test_a_running_job_s_phase_is_read_out_as_it_changes(tmp_path: Path) -> None:
    # a screen reader heard nothing between "Upload and import" and the finished page: the
    # phase under the bar ("Reading tweets.js", "Refreshing @acme on X (2 of 5)") is a live
    # region, read out when app.js changes it
    release = threading.Event()
    with make_client(tmp_path / "store.db") as client:
        jobs = client.app.state.web.jobs
        held = jobs.submit("import", "A long import", lambda _job: release.wait(30) and {})
        try:
            page = client.get(f"/jobs/{held.id}").text
        finally:
            release.set()
        jobs.wait(held.id)
    assert re.search(r'<p class="phase" data-phase aria-live="polite">[^<]+&hellip;</p>', page)
