"""Dashboard security: CSRF, upload caps, zip slip, escaping, secrets, hosts, headers."""

from __future__ import annotations

import html
import io
import logging
import stat
import warnings
import zipfile
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from staffpulse.config import config_path  # noqa: E402
from staffpulse.store import open_store  # noqa: E402
from web_helpers import (  # noqa: E402
    csrf_token,
    make_client,
    page_words,
    sample_store,
    x_archive_bytes,
)

POST_FORMS = [
    ("/settings/tokens", {"name": "x_bearer_token", "value": "abc"}),
    ("/settings/account", {"account": "acme", "action": "save"}),
    ("/inbox/state", {"conversation_id": "1", "state": "joined"}),
    ("/import/fetch", {"platform": "bluesky", "handle": "someone"}),
    ("/benchmark/cohort", {"action": "remove"}),
    ("/audit/x/acmestaffing/record", {}),
    ("/sample/load", {}),
    ("/sample/leave", {}),
    ("/refresh", {"which": "fetched", "budget": "", "shown_budget": ""}),
    ("/refresh/list", {}),
]


@pytest.fixture
def client(tmp_path: Path) -> Any:
    with make_client(tmp_path / "web.db") as c:
        yield c


def _upload(client: Any, data: bytes, name: str = "archive.zip", token: str | None = None) -> Any:
    fields = {"csrf_token": token} if token is not None else {}
    return client.post(
        "/import/upload", data=fields, files={"file": (name, data, "application/zip")}
    )


def _import_archive(client: Any) -> dict[str, Any]:
    response = _upload(client, x_archive_bytes(), token=csrf_token(client))
    assert response.status_code == 303, response.text
    job_id = response.headers["location"].rsplit("/", 1)[-1]
    client.app.state.web.jobs.wait(job_id)
    status: dict[str, Any] = client.get(f"/api/jobs/{job_id}").json()
    assert status["state"] == "done", status
    return status


@pytest.mark.parametrize(("path", "fields"), POST_FORMS)
def test_post_without_csrf_token_is_refused(client: Any, path: str, fields: dict[str, str]) -> None:
    csrf_token(client)  # the browser has the cookie but the form lacks the field
    response = client.post(path, data=fields)
    assert response.status_code == 403
    assert "security token" in response.text and "Go back to the page" in response.text


@pytest.mark.parametrize(("path", "fields"), POST_FORMS)
def test_post_with_bad_csrf_token_is_refused(
    client: Any, path: str, fields: dict[str, str]
) -> None:
    token = csrf_token(client)
    nonce, signature = token.split(".")
    forged = f"{nonce}.{'f' if signature[0] != 'f' else 'e'}{signature[1:]}"
    response = client.post(path, data={**fields, "csrf_token": forged})
    assert response.status_code == 403
    assert "does not match" in response.text


def test_token_signed_by_another_process_is_refused(tmp_path: Path) -> None:
    with make_client(tmp_path / "a.db") as first, make_client(tmp_path / "a.db") as second:
        stale = csrf_token(first)
        second.cookies.set("staffpulse_csrf", stale)
        response = second.post("/benchmark/cohort", data={"action": "remove", "csrf_token": stale})
    assert response.status_code == 403
    words = page_words(html.unescape(response.text))
    assert "the page was opened before the dashboard was restarted" in words
    # reloading re-sends the refused form: the advice is to go back to the page instead
    assert "Reload the page" not in words and "Go back to the page" in words
    assert "Nothing was changed." in words


def test_every_post_route_is_csrf_protected() -> None:
    import importlib
    import pkgutil

    import staffpulse.web

    routers = [  # every page module, so a new one cannot be missed
        importlib.import_module(f"staffpulse.web.{m.name}")
        for m in pkgutil.iter_modules(staffpulse.web.__path__)
        if m.name.startswith("routes_")
    ]
    posts = {
        r.path.replace("{platform}/{handle:path}", "x/acmestaffing")
        for module in routers
        for r in module.router.routes
        if "POST" in getattr(r, "methods", set())
    }
    assert posts == {p for p, _ in POST_FORMS} | {"/import/upload"}


def test_upload_without_csrf_writes_nothing(client: Any, tmp_path: Path) -> None:
    csrf_token(client)
    response = _upload(client, x_archive_bytes())
    assert response.status_code == 403
    assert not any((tmp_path / "uploads").glob("upload-*"))


def test_oversized_upload_is_refused(tmp_path: Path) -> None:
    with make_client(tmp_path / "web.db", max_upload_bytes=1024) as small:
        token = csrf_token(small)
        response = _upload(small, b"x" * 200_000, name="big.jsonl", token=token)
        assert response.status_code == 413
        assert "larger than the 1 KB limit" in response.text
        # what to do in the dashboard; the command is marked as the admin's, for a terminal
        assert "upload them one by one" in response.text
        assert "whoever runs it restarts it" in response.text
        assert "in a terminal: staffpulse serve --max-upload-mb" in response.text
        # under the Content-Length pre-check (which allows for multipart overhead) but over the cap
        response = _upload(small, x_archive_bytes() * 2, token=token)
        assert response.status_code == 413
        # chunked, with no Content-Length at all: counted while streaming
        boundary = "b0undary"
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{token}\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jsonl"'
            "\r\n\r\n"
        ).encode()

        def chunks() -> Any:
            yield head
            for _ in range(100):
                yield b"y" * 10_000

        response = small.post(
            "/import/upload",
            content=chunks(),
            headers={"content-type": f"multipart/form-data; boundary={boundary}"},
        )
        assert response.status_code == 413
    assert not any((tmp_path / "uploads").glob("upload-*/*"))


def test_zip_slip_archive_is_refused(client: Any, tmp_path: Path) -> None:
    evil = x_archive_bytes({"../../evil.js": "window.YTD.tweets.part1 = []"})
    response = _upload(client, evil, token=csrf_token(client))
    # back to the Import page, which says why: a reload there uploads nothing again
    assert response.status_code == 303
    assert response.headers["location"].startswith("/import?flash=")
    page = client.get(response.headers["location"]).text
    assert "This archive was refused:" in page and "Nothing was imported." in page
    assert "zip slip" in page and "../../evil.js" in page
    assert "Download the archive again from X" in page  # an X archive: fetch it again
    assert not (tmp_path / "evil.js").exists()
    assert not any((tmp_path / "uploads").glob("upload-*"))
    absolute = x_archive_bytes({"/etc/evil.js": "x"})
    response = _upload(client, absolute, token=csrf_token(client))
    assert "/etc/evil.js" in client.get(response.headers["location"]).text
    assert "Import data first" in client.get("/").text  # nothing was imported


def test_a_zip_cut_short_is_checked_on_the_files_before_the_cut(client: Any) -> None:
    # the import reads the whole files of a ZIP whose download stopped, so the upload's
    # safety check must see them too, though the ZIP lost its list of files
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../evil.jsonl", "{}")
        archive.writestr("posts.csv", "author,text\nann,hello\n" * 200)
    cut = buffer.getvalue()[:-300]  # the list of files and the end of posts.csv are lost
    assert not zipfile.is_zipfile(io.BytesIO(cut))
    response = _upload(client, cut, name="cut.zip", token=csrf_token(client))
    page = client.get(response.headers["location"]).text
    assert "This archive was refused:" in page and "../../evil.jsonl" in page


def test_a_refused_zip_of_other_files_is_not_sent_to_x(client: Any) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../evil.jsonl", "{}")
        archive.writestr("posts.csv", "author,text\nann,hello\n")
    response = _upload(client, buffer.getvalue(), name="slip.zip", token=csrf_token(client))
    page = client.get(response.headers["location"]).text
    assert "../../evil.jsonl" in page and "Download the archive again from X" not in page
    assert "Make the ZIP again from the original files" in page
    scripted = client.post(
        "/import/upload",
        data={"csrf_token": csrf_token(client)},
        files={"file": ("slip.zip", buffer.getvalue(), "application/zip")},
        headers={"accept": "application/json"},
    )
    assert scripted.status_code == 400 and "evil.jsonl" in scripted.json()["error"]


def test_upload_imports_and_hostile_post_is_escaped(client: Any) -> None:
    status = _import_archive(client)
    result = status["result"]
    assert result["imported"]["posts"] == 6
    assert result["accounts"][0]["audit_url"] == "/audit/x/acmestaffing"
    page = client.get("/audit/x/acmestaffing")
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert "Acme &lt;b&gt;Staffing&lt;/b&gt;" in page.text
    job_page = client.get(f"/jobs/{status['id']}")
    assert "Done" in job_page.text and "/audit/x/acmestaffing" in job_page.text
    home = client.get("/")
    assert "<b>Staffing</b>" not in home.text and "Acme &lt;b&gt;Staffing" in home.text


def test_a_script_address_from_an_import_is_never_a_link(tmp_path: Path) -> None:
    db = sample_store(tmp_path)
    with open_store(db) as store:  # as if every imported post and profile named a script
        store.conn.execute("UPDATE posts SET url = 'javascript:alert(1)'")
        store.conn.execute("UPDATE accounts SET url = 'javascript:alert(1)'")
        store.conn.commit()
    pages = {
        "/audit/x/brightpathstaff": "Posts that hold you back",
        "/audit/x/brightpathstaff/report.html": "Posts that hold you back",
        "/inbox": "Mark joined",
        "/connect?account=x:brightpathstaff": "Who @brightpathstaff should follow",
    }
    with make_client(db) as client:
        for path, content in pages.items():
            page = client.get(path)
            assert page.status_code == 200 and content in page.text, path
            assert "javascript:" not in page.text, path


def test_settings_masks_tokens_and_file_is_private(client: Any) -> None:
    secret = "AAAAsecretBearerToken0123456789wxyz"
    token = csrf_token(client, "/settings")
    response = client.post(
        "/settings/tokens", data={"name": "x_bearer_token", "value": secret, "csrf_token": token}
    )
    assert response.status_code == 303
    assert stat.S_IMODE(config_path().stat().st_mode) == 0o600
    assert secret in config_path().read_text()
    page = client.get("/settings").text
    assert secret not in page and secret[:-4] not in page
    assert "••••••••wxyz" in page and "permissions 600" in page
    assert 'value=""' in page  # the field is never filled back in
    for url in ("/", "/import", "/benchmark", "/api/jobs/none"):
        assert secret not in client.get(url).text
    cleared = client.post(
        "/settings/tokens", data={"name": "x_bearer_token", "action": "clear", "csrf_token": token}
    )
    assert cleared.status_code == 303
    assert "not set" in client.get("/settings").text


def test_secret_never_logged(client: Any, caplog: pytest.LogCaptureFixture) -> None:
    secret = "BBBBanotherSecretToken9876543210"
    token = csrf_token(client, "/settings")
    client.post(
        "/settings/tokens", data={"name": "x_bearer_token", "value": secret, "csrf_token": token}
    )
    import logging

    logging.getLogger("staffpulse.web").warning("leak test %s", secret)
    assert secret not in caplog.text


def test_unknown_host_header_is_refused(client: Any) -> None:
    response = client.get("/", headers={"host": "evil.example"})
    # refused before any page is made (DNS rebinding): none of the dashboard is sent
    assert (response.status_code, response.text) == (400, "Invalid host header")


def test_security_headers(client: Any) -> None:
    response = client.get("/")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie


def test_default_bind_is_loopback() -> None:
    import inspect

    from staffpulse.web import serve_app
    from staffpulse.web.settings import WebSettings

    assert inspect.signature(serve_app).parameters["host"].default == "127.0.0.1"
    assert WebSettings(db_path=Path("x.db")).hosts() == ["127.0.0.1", "localhost", "[::1]", "::1"]


def test_unknown_file_is_reported_with_its_own_name(client: Any) -> None:
    token = csrf_token(client)
    response = _upload(client, b"just some words\n", name="notes.txt", token=token)
    job_id = response.headers["location"].rsplit("/", 1)[-1]
    client.app.state.web.jobs.wait(job_id)
    status = client.get(f"/api/jobs/{job_id}").json()
    assert status["state"] == "error"
    assert "notes.txt" in status["message"] and "upload-" not in status["message"]
    assert "This did not work" in client.get(f"/jobs/{job_id}").text


@pytest.mark.parametrize(
    ("first", "advice"),
    [("data/tweets.js", "Download the archive again from X"), ("posts.csv", "let it finish")],
)
def test_a_zip_cut_inside_its_first_file_says_its_download_stopped(
    client: Any, first: str, advice: str
) -> None:
    """A download that stopped inside the ZIP's first file was "the ZIP file cannot be read (no
    whole file before the cut)", with advice to make the ZIP again "with no folder above them";
    now the page says it is cut short and to download it again (from X, for an X archive)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(first, "x" * 5000)
    cut = buffer.getvalue()[:2000]
    response = _upload(client, cut, name="twitter-2026-11-01.zip", token=csrf_token(client))
    words = page_words(html.unescape(client.get(response.headers["location"]).text))
    assert "This archive was refused: the ZIP file is cut short inside its first file" in words
    assert advice in words and "no whole file" not in words and "no folder above" not in words


def test_a_secret_in_a_failed_jobs_traceback_is_not_logged(
    client: Any, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The terminal running the dashboard prints the traceback of a job that fails
    unexpectedly: a library error quoting the request (its token in the header it echoes) was
    printed whole there, as only the log line itself was masked."""
    secret = "CCCCtokenEchoedByAProxy13579"
    monkeypatch.setenv("MASTODON_ACCESS_TOKEN", secret)
    jobs = client.app.state.web.jobs

    def fail(_job: Any) -> None:
        raise RuntimeError(f"proxy answered: Authorization: Bearer {secret}")

    job = jobs.submit("fetch", "a failing fetch", fail)
    jobs.wait(job.id)
    assert "RuntimeError: proxy answered" in caplog.text  # the details are still there
    assert secret not in caplog.text


def test_a_secret_the_dashboard_logs_is_masked_by_handlers_set_up_after_it_started(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``serve`` sets up its log handlers (uvicorn's log config) after the app is made: a job
    failing with the token in its error printed it whole there, message and traceback."""
    from staffpulse.web.security import SecretMaskFilter, install_log_filter

    secret = "DDDDtokenInAJobError24680"
    monkeypatch.setenv("MASTODON_ACCESS_TOKEN", secret)
    mask = SecretMaskFilter()
    install_log_filter(mask)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)  # added later, as uvicorn's log config does
    parent = logging.getLogger("staffpulse")
    parent.addHandler(handler)
    try:
        try:
            raise RuntimeError(f"proxy answered: Authorization: Bearer {secret}")
        except RuntimeError:
            logging.getLogger("staffpulse.web").exception("job failed: %s", secret)
    finally:
        parent.removeHandler(handler)
        for name in ("", "uvicorn", "uvicorn.error", "uvicorn.access", "staffpulse",
                     "staffpulse.web"):  # fmt: skip
            logging.getLogger(name).removeFilter(mask)
            for each in logging.getLogger(name).handlers:
                each.removeFilter(mask)
    assert "RuntimeError: proxy answered" in stream.getvalue()  # the details are still there
    assert secret not in stream.getvalue()
