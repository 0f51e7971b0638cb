"""Fixtures for the dashboard tests: an app on a tmp store, CSRF tokens, a tiny X archive."""

from __future__ import annotations

import html
import io
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from audit_helpers import FakeScorer

__all__ = ["FakeScorer"]

HOSTILE = "<script>alert(1)</script> we are #hiring, apply now"
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def make_settings(db_path: Path, **overrides: Any) -> Any:
    from staffpulse.web import WebSettings

    options: dict[str, Any] = {
        "db_path": db_path,
        "scorer": FakeScorer(),
        # no segment guessed by the shipped role model: a test gives a fake one to see guesses
        "role_model": None,
        "allowed_hosts": ["testserver", "127.0.0.1", "localhost"],
        "upload_dir": db_path.parent / "uploads",
        # pages are awaited until ready (the progress page of slow ones has its own tests)
        "page_wait": 120.0,
    }
    options.update(overrides)
    return WebSettings(**options)


def make_client(db_path: Path, **overrides: Any) -> Any:
    from fastapi.testclient import TestClient

    from staffpulse.web import create_app

    return TestClient(create_app(make_settings(db_path, **overrides)), follow_redirects=False)


def csrf_token(client: Any, page: str = "/import") -> str:
    """Load a page (which sets the cookie) and read the token of its forms."""
    response = client.get(page)
    match = CSRF_RE.search(response.text)
    assert match, f"no CSRF field on {page}"
    return match.group(1)


def page_words(page: str) -> str:
    """A page's text as one line of words (tags dropped), so a phrase matches however the HTML
    wraps or marks it up."""
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def _ytd(name: str, items: list[dict[str, Any]]) -> str:
    return f"window.YTD.{name}.part0 = " + json.dumps(items, indent=1)


def tweet(i: int, text: str, day: int) -> dict[str, Any]:
    return {
        "tweet": {
            "id_str": str(1000 + i),
            "id": str(1000 + i),
            "created_at": f"Sun Mar {day:02d} 14:05:00 +0000 2026",
            "full_text": text,
            "favorite_count": "1",
            "retweet_count": "0",
            "entities": {"hashtags": [], "user_mentions": [], "urls": []},
            "lang": "en",
        }
    }


def x_archive_bytes(extra_members: dict[str, str] | None = None) -> bytes:
    """A small X archive: account, profile and a handful of tweets, one of them hostile."""
    texts = [
        HOSTILE,
        "Now hiring: warehouse associates in Dayton, apply today",
        "Honest question for recruiters: what made you love this job? My story in the thread",
        "We stopped posting salary ranges last year. Big mistake, lol. Here is what we learned",
        "Job alert: forklift operator, nights, apply now",
        "Proud of our team: 40 people placed this month!",
    ]
    tweets = [tweet(i, text, 1 + i) for i, text in enumerate(texts)]
    account = [
        {
            "account": {
                "username": "acmestaffing",
                "accountId": "9001",
                "createdAt": "2012-05-01T10:00:00.000Z",
                "accountDisplayName": "Acme <b>Staffing</b>",
            }
        }
    ]
    profile = [{"profile": {"description": {"bio": "We place people in great jobs."}}}]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("data/tweets.js", _ytd("tweets", tweets))
        archive.writestr("data/account.js", _ytd("account", account))
        archive.writestr("data/profile.js", _ytd("profile", profile))
        for name, text in (extra_members or {}).items():
            archive.writestr(name, text)
    return buffer.getvalue()


def upload_files(client: Any, files: list[tuple[str, bytes]]) -> Any:
    """Post files to the Import page's upload form (with a valid CSRF token)."""
    token = csrf_token(client)
    parts = [("file", (name, data, "application/octet-stream")) for name, data in files]
    return client.post("/import/upload", data={"csrf_token": token}, files=parts)


def import_job_page(db_path: Path, files: list[tuple[str, bytes]]) -> tuple[dict[str, Any], str]:
    """Upload ``files`` on a fresh dashboard over ``db_path``: the finished job's status and page."""
    with make_client(db_path) as client:
        status = finished_job(client, upload_files(client, files))
        page: str = client.get(f"/jobs/{status['id']}").text
    return status, page


def mark_conversation(
    client: Any, conversation: str, platform: str, state: str, as_: str = ""
) -> Any:
    """Press an Inbox button (Dismiss, Mark joined, Reopen: ``state``) for a conversation, as
    the page's form sends it (``as_``: the firm in "You post as", empty for none)."""
    return client.post(
        "/inbox/state",
        data={"csrf_token": csrf_token(client, "/inbox"), "conversation_id": conversation,
              "platform": platform, "state": state, "as": as_, "back": "/inbox"},
    )  # fmt: skip


def finished_job(client: Any, response: Any, timeout: float = 120.0) -> dict[str, Any]:
    """Wait for the job a form started (its 303 names the job page) and return its status.

    A job still running after ``timeout`` seconds fails the test here, saying so, rather than
    handing a "running" status to an assertion about the result: on a starved machine that
    read as a wrong result (a flaky test) instead of a slow one."""
    assert response.status_code == 303, response.text
    job_id = response.headers["location"].rsplit("/", 1)[-1]
    client.app.state.web.jobs.wait(job_id, timeout=timeout)
    status: dict[str, Any] = client.get(f"/api/jobs/{job_id}").json()
    assert status.get("finished"), f"job {job_id} still {status.get('state')} after {timeout:.0f} s"
    return status


def native_jsonl(accounts: list[tuple[str, str, int]], display: str = "Firm {i}") -> bytes:
    """A staffpulse JSONL of accounts ``(platform, handle, posts)``, each with its posts."""
    lines = []
    for i, (platform, handle, posts) in enumerate(accounts):
        name = display.format(i=i, handle=handle)
        lines.append(
            {"type": "account", "platform": platform, "handle": handle, "display_name": name}
        )
        for n in range(posts):
            lines.append(
                {
                    "type": "post",
                    "platform": platform,
                    "id": f"{handle}-{n}",
                    "author": handle,
                    "text": f"Post {n} of {handle}: what do you ask in interviews?",
                    "created_at": f"2026-03-{1 + n % 28:02d}T10:00:00Z",
                }
            )
    return "\n".join(json.dumps(line) for line in lines).encode()


class LiveServer:
    """The dashboard served by uvicorn on a free loopback port, in a thread (browser tests)."""

    def __init__(self, app: Any) -> None:
        import socket

        import uvicorn

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port: int = probe.getsockname()[1]
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        import threading
        import time

        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.time() + 15
        while not self.server.started:
            if time.time() > deadline or not self.thread.is_alive():
                raise RuntimeError("the dashboard server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def sample_store(folder: Path) -> Path:
    """A store in ``folder`` holding the bundled sample cohort (the demo's data)."""
    from staffpulse.demo import SAMPLE_DIR
    from staffpulse.ingest import import_paths
    from staffpulse.store import open_store

    db = folder / "sample.db"
    with open_store(db) as store:
        import_paths(store, [SAMPLE_DIR / "cohort.jsonl"])
    return db


def live_sample_cohort(folder: Path) -> Iterator[str]:
    """The dashboard served live on a sample store made in ``folder``, with the sample's cohort
    file given (``serve --cohort``); yields its URL (browser tests: wrap in a fixture)."""
    import pytest

    pytest.importorskip("uvicorn")
    from staffpulse.demo import SAMPLE_DIR
    from staffpulse.web import create_app

    settings = make_settings(
        sample_store(folder), allowed_hosts=[], cohort_file=SAMPLE_DIR / "cohort.csv"
    )
    with LiveServer(create_app(settings)) as live:
        yield live.url


def private_copy(store: Path, folder: Path, name: str = "sample.db") -> Path:
    """A copy of ``store`` in ``folder``, for a test that changes it (the original is shared)."""
    import shutil

    db = folder / name
    shutil.copy(store, db)
    return db


def sample_db_of_module(tmp_path_factory: Any) -> Path:
    """The sample store of a test module: ``sample_db = pytest.fixture(sample_db_of_module,
    scope="module", name="sample_db")``."""
    return sample_store(tmp_path_factory.mktemp("web"))


def sample_cohort_client(sample_db: Path) -> Iterator[Any]:
    """The dashboard on the sample store with its cohort file given (``serve --cohort``),
    shared by a module's tests: ``client = pytest.fixture(sample_cohort_client,
    scope="module", name="client")``."""
    from staffpulse.demo import SAMPLE_DIR

    with make_client(sample_db, cohort_file=SAMPLE_DIR / "cohort.csv") as c:
        yield c


def sample_copy_client(sample_db: Path, tmp_path: Path) -> Iterator[Any]:
    """The dashboard on a private copy of the sample store, for tests that change it:
    ``client = pytest.fixture(sample_copy_client, name="client")``."""
    with make_client(private_copy(sample_db, tmp_path)) as c:
        yield c


def followed_page(client: Any, response: Any) -> str:
    """The page a form's redirect leads to (POST, redirect, GET: reload sends nothing)."""
    assert response.status_code == 303, response.text
    page = client.get(response.headers["location"])
    assert page.status_code == 200
    return str(page.text)


def field_value(page: str, name: str) -> str:
    """The value a text field of the page is filled in with."""
    found = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', page)
    if found is None:
        found = re.search(rf'<input[^>]*value="([^"]*)"[^>]*name="{name}"', page)
    assert found, f"no field {name}"
    return html.unescape(found.group(1))


def selected_option(page: str, name: str) -> str:
    select = page.split(f'name="{name}"', 1)[1].split("</select>", 1)[0]
    found = re.search(r'<option value="([^"]*)" selected>', select)
    assert found, f"nothing chosen in {name}"
    return found.group(1)


def reader_words(page: str) -> str:
    """The page's words, as a reader sees them (tags dropped, entities read)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())
