"""'Save to history' on the audit page (web/routes_core.py, /audit/.../record): the audit
shown is saved as shown, without grading it again nor dropping the other pages' data; a slow
save shows its progress; after new data came in, an audit of that data is saved."""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from browser_helpers import CHROMIUM, launch_chromium  # noqa: E402
from staffpulse.store import open_store  # noqa: E402
from web_helpers import (  # noqa: E402
    FakeScorer,
    LiveServer,
    csrf_token,
    make_client,
    make_settings,
    private_copy,
    sample_db_of_module,
)

sample_db = pytest.fixture(sample_db_of_module, scope="module", name="sample_db")


def _saved_audits(db: Path, handle: str) -> list[dict[str, Any]]:
    from staffpulse.audit import audit_history

    with open_store(db) as store:
        account = store.find_account(handle, "x")
        return audit_history(store, "x", account.id)


def test_save_to_history_keeps_the_audit_shown_without_grading_it_again(
    sample_db: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    """ "Save to history" graded the account again (16 s on an account of 170,000 posts, no
    progress shown) and dropped every page's data: it saves the audit shown, as shown."""
    import staffpulse.audit.engine as audit_engine

    db = private_copy(sample_db, tmp_path)
    with make_client(db) as c:
        backend = c.app.state.web.backend
        shown = c.get("/audit/x/mia_recruits").text
        c.get("/")  # the accounts graded: kept below
        assert backend.peek(backend.benchmark_key())[0]
        real = audit_engine.audit_account

        def graded_again(*args: Any, **kwargs: Any) -> Any:
            raise AssertionError("the audit shown was graded again")

        monkeypatch.setattr(audit_engine, "audit_account", graded_again)
        token = csrf_token(c, "/audit/x/mia_recruits")
        saved = c.post("/audit/x/mia_recruits/record", data={"csrf_token": token})
        assert saved.status_code == 303
        assert saved.headers["location"] == "/audit/x/mia_recruits?notice=recorded"
        after = c.get(saved.headers["location"]).text
        assert "Audit saved to the history" in after
        grade = re.search(r'<div class="letter">(\w)</div>', shown)
        assert grade and grade.group(0) in after
        assert backend.peek(backend.benchmark_key())[0]  # the grades were not dropped
        assert c.app.state.web.jobs.recent() == []  # not listed as an import
    history = _saved_audits(db, "mia_recruits")
    assert [row["grade"] for row in history] == [grade.group(1)]
    # saved with the key of the data it read: the same data audited again replaces it
    with open_store(db) as store:
        real(store, "mia_recruits", "x", scorer=FakeScorer())
    assert len(_saved_audits(db, "mia_recruits")) == 1


def test_a_slow_save_shows_its_progress_then_the_audit_saved(
    sample_db: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    import threading

    db = private_copy(sample_db, tmp_path)
    with make_client(db, page_wait=0.0) as c:
        backend = c.app.state.web.backend
        release = threading.Event()
        real = type(backend).record_audit

        def slow(self: Any, *args: Any, **kwargs: Any) -> Any:
            release.wait(30)
            return real(self, *args, **kwargs)

        monkeypatch.setattr(type(backend), "record_audit", slow)
        token = csrf_token(c)
        posted = c.post("/audit/x/brightpathstaff/record", data={"csrf_token": token})
        address = posted.headers["location"]
        # a GET: the page reloading itself when the job ends sends no form again
        assert posted.status_code == 303 and address.startswith(
            "/audit/x/brightpathstaff/record?job="
        )
        running = c.get(address)
        assert running.status_code == 200 and "Saving the audit of @brightpathstaff" in running.text
        assert 'data-job="' in running.text and 'role="progressbar"' in running.text
        release.set()
        c.app.state.web.jobs.wait(address.split("job=")[1])
        done = c.get(address)
        assert done.status_code == 303
        assert done.headers["location"] == "/audit/x/brightpathstaff?notice=recorded"
        assert c.get(address).headers["location"] == "/audit/x/brightpathstaff"  # told once
    assert len(_saved_audits(db, "brightpathstaff")) == 1


def test_saving_after_new_data_came_in_saves_an_audit_of_the_new_data(
    sample_db: Path, tmp_path: Path
) -> None:
    db = private_copy(sample_db, tmp_path)
    with make_client(db) as c:
        token = csrf_token(c, "/audit/x/hireloop")
        c.app.state.web.backend.invalidate()  # as an import that ended meanwhile does
        saved = c.post("/audit/x/hireloop/record", data={"csrf_token": token})
        assert saved.headers["location"] == "/audit/x/hireloop?notice=recorded"
        assert "Audit saved to the history" in c.get(saved.headers["location"]).text
    assert len(_saved_audits(db, "hireloop")) == 1


def _past_the_bar(app: Any, page: Any) -> None:
    """Wait until the page shows what its progress bar prepares: for the job behind the bar in
    the server itself (an audit loads the model and ranks the cohort first, which a machine
    running two suites at once took over 30 s to do), then for the page's own reload. A wait on
    the page alone timed out on a loaded machine however long it was."""
    while (job := _shown_job(page)) is not None:
        app.state.web.jobs.wait(job, timeout=600)  # returns as soon as the job ends
        # the page asks every 0.6 s, then reloads itself
        page.wait_for_selector(f"[data-job='{job}']", state="detached")
        page.wait_for_load_state("load")


def _shown_job(page: Any) -> str | None:
    """The id of the job whose bar the page shows; None when it shows none."""
    from playwright.sync_api import Error

    while True:
        try:
            found = page.evaluate("() => document.querySelector('[data-job]')?.dataset.job")
            return str(found) if found else None
        except Error:  # the page was reloading itself meanwhile
            page.wait_for_load_state("load")


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's headless Chromium")
def test_in_the_browser_a_slow_save_shows_its_bar_then_the_audit_saved(
    sample_db: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    pytest.importorskip("uvicorn")
    import threading

    from playwright.sync_api import sync_playwright

    from staffpulse.web import create_app
    from staffpulse.web.data import Backend

    release = threading.Event()
    real = Backend.record_audit

    def slow(self: Any, *args: Any, **kwargs: Any) -> Any:
        release.wait()  # until the test has seen the bar (set in ``finally`` whatever happens)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Backend, "record_audit", slow)
    db = private_copy(sample_db, tmp_path)
    app = create_app(make_settings(db, allowed_hosts=[], page_wait=0.0))
    with LiveServer(app) as live, sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(live.url + "/audit/x/harborline", wait_until="load")
            _past_the_bar(app, page)
            assert page.locator("text=Do this next").count() >= 1
            page.get_by_role("button", name="Save to history").click()
            page.wait_for_selector("text=Saving the audit of @harborline")
            assert page.locator('[role="progressbar"]').count() == 1
            assert "/audit/x/harborline/record?job=" in page.url
            release.set()  # the page reloads itself when the job ends
            _past_the_bar(app, page)
            page.wait_for_selector("text=Audit saved to the history")
            assert page.url == live.url + "/audit/x/harborline?notice=recorded"
        finally:
            release.set()
            browser.close()
    assert len(_saved_audits(db, "harborline")) == 1


def test_saving_an_account_that_is_gone_leads_back_to_the_accounts(
    sample_db: Path, tmp_path: Path
) -> None:
    """The 404's "Back to the audit" led to the missing account's audit: another 404."""
    with make_client(private_copy(sample_db, tmp_path)) as c:
        token = csrf_token(c, "/audit/x/mia_recruits")
        gone = c.post("/audit/x/nobody_here/record", data={"csrf_token": token})
        assert gone.status_code == 404
        assert 'href="/">Back to your accounts' in gone.text
        assert "Back to the audit" not in gone.text
