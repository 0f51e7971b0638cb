"""What the live fetches say (a missing or refused token, the network down, answers they
cannot use), produced by the real fetchers against a local server or a port nobody listens
on: offline, and fast (no retries, no waits)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from connect_fixtures import NOW
from library_messages import Said, free_port, said_by
from staffpulse.store import open_store


def credential_messages(httpserver: HTTPServer) -> list[Said]:
    """No X token, and a token X refuses."""
    from staffpulse.fetch.x import XFetcher
    from staffpulse.fetch.x_client import make_client as make_x_client

    store = open_store(":memory:")
    httpserver.expect_request(re.compile(r"^/2/.*")).respond_with_json(
        {"title": "Unauthorized", "status": 401}, status=401
    )
    refused = make_x_client("wrong-token", httpserver.url_for(""), 0.3)
    return [
        said_by("no token", lambda: XFetcher(store, config={})),
        said_by(
            "refused", lambda: XFetcher(store, config={}, client=refused, retries=0).fetch("@acme")
        ),
    ]


def network_messages(monkeypatch: pytest.MonkeyPatch) -> list[Said]:
    """Bluesky, Mastodon and X when the network is down (a local port nobody listens on)."""
    from staffpulse.fetch.bluesky import BlueskyFetcher
    from staffpulse.fetch.mastodon import MastodonFetcher
    from staffpulse.fetch.x import XFetcher

    down = f"http://127.0.0.1:{free_port()}"
    fetch = {"timeout_seconds": 2}
    monkeypatch.setenv("X_BEARER_TOKEN", "token-from-env")
    bluesky_config = {"bluesky": {"appview_url": down}, "fetch": fetch}
    with open_store(":memory:") as store:
        bluesky = BlueskyFetcher(store, config=bluesky_config, retries=0)
        mastodon = MastodonFetcher(store, config={"fetch": fetch}, base_url=down, retries=0)
        x = XFetcher(store, config={"x": {"base_url": down}, "fetch": fetch}, retries=0)
        return [
            said_by("bluesky", lambda: bluesky.fetch("acme.bsky.social")),
            said_by("mastodon", lambda: mastodon.fetch("@acme@staffing.example")),
            said_by("x", lambda: x.fetch("@acme")),
        ]


def answer_messages(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> list[Said]:
    """What each platform's fetch says of an answer it cannot use (a refusal, a server error,
    a page that is not JSON, a long rate limit), of a budget too small for one request, and of
    a handle of another platform."""
    from staffpulse.fetch.bluesky import BlueskyFetcher
    from staffpulse.fetch.bluesky import make_client as make_bluesky_client
    from staffpulse.fetch.handles import x_handle
    from staffpulse.fetch.mastodon import MastodonFetcher
    from staffpulse.fetch.x import XFetcher
    from staffpulse.fetch.x_client import make_client as make_x_client

    monkeypatch.setenv("X_BEARER_TOKEN", "token-from-env")
    said: list[Said] = []

    def answer(status: int, body: object = None, **kw: Any) -> str:
        """The local server answers every request so from now on; its address."""
        httpserver.clear()
        handler = httpserver.expect_request(re.compile(".*"))
        if isinstance(body, str):
            handler.respond_with_data(body, status=status, content_type="text/html", **kw)
        else:
            handler.respond_with_json(body or {"error": "Oops", "message": "no"}, status, **kw)
        return httpserver.url_for("").rstrip("/")

    def bluesky(url: str) -> BlueskyFetcher:
        return BlueskyFetcher(store, config={}, client=make_bluesky_client(url, 1.0), retries=0)

    def x(url: str, **kw: Any) -> XFetcher:
        return XFetcher(store, config={}, client=make_x_client("t", url, 1.0), retries=0, **kw)

    with open_store(":memory:") as store:
        for case, status in (("bluesky 401", 401), ("bluesky 404", 404), ("bluesky 500", 500)):
            said.append(said_by(case, bluesky(answer(status)).fetch, "acme.bsky.social"))
        # a profile of another shape than Bluesky's (a proxy, another service at that address)
        odd = bluesky(answer(200, {"unexpected": True}))
        said.append(said_by("bluesky odd answer", odd.fetch, "acme.bsky.social"))
        for case, status, body in (
            ("mastodon 422", 422, {"error": "Unprocessable"}),
            ("mastodon 500", 500, None),
            ("mastodon not json", 200, "<html>a login page</html>"),
        ):
            mastodon = MastodonFetcher(store, config={}, base_url=answer(status, body), retries=0)
            said.append(said_by(case, mastodon.fetch, "@acme@staffing.example"))
        later = {"x-rate-limit-reset": str(int(NOW.timestamp()) + 10**9)}  # far beyond any wait
        for case, status, body, headers in (
            ("x 400", 400, {"detail": "bad query"}, None),
            ("x 402", 402, {"title": "Payment Required"}, None),
            ("x 429", 429, {"title": "Too Many Requests"}, later),
            ("x not json", 200, "<html>a proxy's page</html>", None),
        ):
            said.append(said_by(case, x(answer(status, body, headers=headers)).fetch, "@acme"))
        said.append(said_by("budget", x(answer(200), budget=0.0001).fetch, "@acme"))
        said.append(said_by("x halfway", x(_halfway(httpserver, 429, later)).fetch, "@acme"))
        said.append(said_by("x 402 halfway", x(_halfway(httpserver, 402, {})).fetch, "@acme"))
    said.append(said_by("bluesky handle", x_handle, "acme.bsky.social"))
    return said


def _halfway(httpserver: HTTPServer, status: int, headers: dict[str, str]) -> str:
    """An X that gives the profile and one page of tweets, then refuses (a long rate limit,
    credits used up): a fetch stopped after storing something, told it can resume."""
    from werkzeug import Request, Response

    user = {"id": "500", "username": "acme", "name": "Acme"}
    tweet = {"id": "9001", "text": "We're hiring", "author_id": "500"}
    tweet["created_at"] = "2026-03-01T14:05:00.000Z"

    def handle(request: Request) -> Response:
        if "/users/by/username/" in request.path:
            return Response(json.dumps({"data": user}), content_type="application/json")
        if request.path.endswith("/tweets") and "pagination_token" not in request.args:
            page = {"data": [tweet], "meta": {"result_count": 1, "next_token": "more"}}
            return Response(json.dumps(page), content_type="application/json")
        body = json.dumps({"title": "Refused"})
        return Response(body, status, headers, content_type="application/json")

    httpserver.clear()
    httpserver.expect_request(re.compile(".*")).respond_with_handler(handle)
    return httpserver.url_for("").rstrip("/")
