"""Background jobs (staffpulse.web.jobs): a failed fetch shows the library's own message and
hint, worded for the page, so a Bluesky refusal is not turned into advice about a token."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import csrf_token, finished_job, make_client  # noqa: E402


def _text(page: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


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
        page = _text(client.get(f"/jobs/{status['id']}").text)
    assert status["state"] == "error"
    assert "refused the request (HTTP 401)" in page
    hint = page.split("What to do:")[1].split("Back to")[0]
    assert "the public AppView needs no login" in hint
    assert "Settings" not in hint and "token" not in hint
