"""A local server speaking X API v2 (:class:`FakeX`) and an ``XFetcher`` using the real tweepy
client against it, shared by the ``fetch x`` tests."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from _fake_api import FakeApi
from staffpulse.fetch.x import XFetcher
from staffpulse.fetch.x_client import make_client
from staffpulse.sources.x_ids import TWITTER_EPOCH_MS
from staffpulse.store import Store

LONG_POST = "We are growing our Denver team this spring. " * 10  # 440 characters
PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 64
USER_ID = "500"


def november_snowflake(day: int, n: int) -> str:
    """The id X gives the ``n``th post of ``day`` November 2025 (ids say when they were made)."""
    written = datetime(2025, 11, day, 9, n, tzinfo=UTC).timestamp() * 1000
    return str(int(written - TWITTER_EPOCH_MS) << 22)


class FakeX(FakeApi):
    """A tiny X API v2: one user, ``n`` tweets (newest first) and ``m`` mentions."""

    def __init__(self, server: HTTPServer, n: int = 23, m: int = 6) -> None:
        self.server = server
        self.tweets = [str(10_000 + i) for i in range(n, 0, -1)]
        self.mentions = [str(20_000 + i) for i in range(m, 0, -1)]
        super().__init__()
        self.html_on: set[int] = set()
        self.bad_dates: set[str] = set()  # tweets sent with a date no reader can take
        avatar = server.url_for("/img/face_normal.png")
        self.user = {
            "id": USER_ID, "username": "AcmeStaffing", "name": "Acme", "description": "We place people",
            "profile_image_url": avatar, "created_at": "2012-05-01T00:00:00.000Z",
            "public_metrics": {"followers_count": 10, "following_count": 5, "tweet_count": n},
        }  # fmt: skip
        server.expect_request("/img/face_400x400.png").respond_with_data(
            PNG, content_type="image/png"
        )
        server.expect_request(re.compile(r"^/2/.*")).respond_with_handler(self.handle)

    def error_body(self, status: int) -> dict[str, Any]:
        if status == 400:  # the shape X gives a request it cannot take
            return {
                "errors": [{"parameters": {"username": ["b@d"]},
                            "message": "The `username` query parameter value [b@d] is not valid"}],
                "title": "Invalid Request", "detail": "One or more parameters to your request was invalid.",
            }  # fmt: skip
        return {"title": "error"}

    def handle(self, request: Request) -> Response:
        args, failure = self.intercept(request)
        if failure is not None:
            return failure
        if len(self.requests) in self.html_on:  # a proxy or captive portal answering for X
            return Response("<html>Sign in to the Wi-Fi</html>", content_type="text/html")
        if request.path.startswith("/2/users/by/username/"):
            name = request.path.rsplit("/", 1)[-1]
            if name.startswith("gone"):  # X answers 200 with "errors" for unknown users
                detail = f"User has been suspended: [{name}]."
                return self._json({"errors": [{"title": "Forbidden", "detail": detail}]})
            return self._json({"data": self.user})
        ids = self.tweets if request.path.endswith("/tweets") else self.mentions
        mention = not request.path.endswith("/tweets")
        chosen = [
            i for i in ids
            if (not args.get("since_id") or int(i) > int(args["since_id"]))
            and (not args.get("until_id") or int(i) < int(args["until_id"]))
        ]  # fmt: skip
        start = int(args.get("pagination_token", "0"))
        size = int(args["max_results"])
        assert 5 <= size <= 100
        page = chosen[start : start + size]
        body: dict[str, Any] = {
            "data": [
                {"id": i, "text": f"post {i}", "author_id": "600" if mention else USER_ID,
                 "created_at": "soon" if i in self.bad_dates else "2026-03-01T10:00:00.000Z",
                 "edit_history_tweet_ids": [i]}
                for i in page
            ],
            "meta": {"result_count": len(page)},
        }  # fmt: skip
        if "note_tweet" in args.get("tweet.fields", "") and page:  # X's long-post field
            body["data"][0]["note_tweet"] = {"text": LONG_POST}
        if mention:
            body["includes"] = {"users": [{"id": "600", "username": "janedoe", "name": "Jane"}]}
        if start + size < len(chosen):
            body["meta"]["next_token"] = str(start + size)
        if not page:
            body.pop("data")
        return self._json(body)


def x_fetcher(server: HTTPServer, store: Store, sleeps: list[float], **kw: Any) -> XFetcher:
    config = {
        "x": {"cost_per_post_read": 0.005, "cost_per_user_read": 0.010, "max_wait_seconds": 5},
        "fetch": {"timeout_seconds": 10.0, "avatar_max_bytes": 10_000},
    }
    # generous timeouts, never waited for: a short one ran out on a loaded machine, and the
    # retry added a request and a sleep tests count (a timeout is raised by _lose_a_page)
    client = make_client("secret-token", server.url_for(""), 10.0)
    return XFetcher(store, config=config, client=client, sleep=sleeps.append, **kw)


def post_count(store: Store) -> int:
    return int(store.conn.execute("SELECT COUNT(*) FROM posts").fetchone()[0])
