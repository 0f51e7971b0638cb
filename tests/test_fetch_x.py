"""``fetch x`` runs the real tweepy client against a local server speaking X API v2."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from staffpulse.errors import (
    BudgetExceededError,
    FetchError,
    PaymentRequiredError,
    RateLimitError,
)
from staffpulse.fetch.avatars import is_default_avatar, larger_x_avatar
from staffpulse.fetch.x import Rates, XFetcher, estimate_cost, make_client
from staffpulse.store import Store, open_store

PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 64
USER_ID = "500"


class FakeX:
    """A tiny X API v2: one user, ``n`` tweets (newest first) and ``m`` mentions."""

    def __init__(self, server: HTTPServer, n: int = 23, m: int = 6) -> None:
        self.server = server
        self.tweets = [str(10_000 + i) for i in range(n, 0, -1)]
        self.mentions = [str(20_000 + i) for i in range(m, 0, -1)]
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.fail: dict[int, tuple[int, dict[str, str]]] = {}  # request number -> (status, headers)
        self.delay_on: set[int] = set()
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

    def handle(self, request: Request) -> Response:
        args = dict(request.args)
        self.requests.append((request.path, args))
        number = len(self.requests)
        if number in self.delay_on:
            time.sleep(0.6)
        if number in self.fail:
            status, headers = self.fail[number]
            return Response(json.dumps({"title": "error"}), status=status, headers=headers)
        if request.path.startswith("/2/users/by/username/"):
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
                 "created_at": "2026-03-01T10:00:00.000Z", "edit_history_tweet_ids": [i]}
                for i in page
            ],
            "meta": {"result_count": len(page)},
        }  # fmt: skip
        if mention:
            body["includes"] = {"users": [{"id": "600", "username": "janedoe", "name": "Jane"}]}
        if start + size < len(chosen):
            body["meta"]["next_token"] = str(start + size)
        if not page:
            body.pop("data")
        return self._json(body)

    @staticmethod
    def _json(body: dict[str, Any]) -> Response:
        return Response(json.dumps(body), content_type="application/json")


@pytest.fixture
def store() -> Iterator[Store]:
    with open_store(":memory:") as db:
        yield db


def _fetcher(server: HTTPServer, store: Store, sleeps: list[float], **kw: Any) -> XFetcher:
    config = {
        "x": {"cost_per_post_read": 0.005, "cost_per_user_read": 0.010, "max_wait_seconds": 5},
        "fetch": {"timeout_seconds": 0.3, "avatar_max_bytes": 10_000},
    }
    client = make_client("secret-token", server.url_for(""), 0.3)
    return XFetcher(store, config=config, client=client, sleep=sleeps.append, **kw)


def _post_count(store: Store) -> int:
    return int(store.conn.execute("SELECT COUNT(*) FROM posts").fetchone()[0])


def test_timeline_mentions_pagination_and_avatar(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeX(httpserver)
    report = _fetcher(httpserver, store, []).fetch("@AcmeStaffing", max_mentions=10)
    assert (report.posts, report.new_posts, report.stopped) == (29, 29, None)
    assert report.post_reads == 29 and report.user_reads == 2  # lookup + the mention author
    assert report.cost_usd == pytest.approx(29 * 0.005 + 2 * 0.010)
    assert report.avatar_path and Path(report.avatar_path).read_bytes() == PNG
    tweets = [a for p, a in fake.requests if p.endswith("/tweets")]
    assert [a.get("pagination_token") for a in tweets] == [None]  # 23 fit one 100-page
    run = store.conn.execute("SELECT status, counts FROM runs WHERE kind = 'fetch'").fetchone()
    assert run["status"] == "ok" and json.loads(run["counts"])["posts"] == 29
    # a second run asks only for newer posts and stores nothing twice
    again = _fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=10)
    assert again.new_posts == 0 and _post_count(store) == 29
    assert fake.requests[-2][1]["since_id"] == fake.tweets[0]


def test_budget_is_never_exceeded(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeX(httpserver, n=120)
    report = _fetcher(httpserver, store, [], budget=0.30).fetch("AcmeStaffing")
    assert report.stopped == "budget" and report.cost_usd <= 0.30 + 1e-9
    spent = 0.010
    for _path, args in fake.requests[1:]:
        assert spent + int(args["max_results"]) * 0.005 <= 0.30 + 1e-9
        spent += int(args["max_results"]) * 0.005
    assert _post_count(store) == 58
    with pytest.raises(BudgetExceededError):
        _fetcher(httpserver, store, [], budget=0.001).fetch("AcmeStaffing")


def test_rate_limit_waits_until_reset(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeX(httpserver)
    fake.fail[2] = (429, {"x-rate-limit-reset": str(int(time.time()) + 2)})
    sleeps: list[float] = []
    report = _fetcher(httpserver, store, sleeps).fetch("AcmeStaffing", max_mentions=0)
    assert report.posts == 23 and len(sleeps) == 1 and 0 < sleeps[0] <= 2
    fake.fail[len(fake.requests) + 2] = (429, {"x-rate-limit-reset": str(int(time.time()) + 3600)})
    with pytest.raises(RateLimitError):
        _fetcher(httpserver, store, sleeps).fetch("AcmeStaffing", max_mentions=0)


def test_payment_required_keeps_what_was_fetched(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeX(httpserver, n=150)
    fake.fail[3] = (402, {})  # the second timeline page
    with pytest.raises(PaymentRequiredError):
        _fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=0)
    assert _post_count(store) == 100
    status = store.conn.execute("SELECT status FROM runs ORDER BY id DESC").fetchone()[0]
    assert status == "partial"


def test_server_errors_retry_then_fail(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeX(httpserver)
    fake.fail[2] = (503, {})
    sleeps: list[float] = []
    assert _fetcher(httpserver, store, sleeps).fetch("AcmeStaffing", max_mentions=0).posts == 23
    assert len(sleeps) == 1
    base = len(fake.requests)
    for n in range(base + 2, base + 6):
        fake.fail[n] = (500, {})
    with pytest.raises(FetchError):
        _fetcher(httpserver, store, sleeps).fetch("AcmeStaffing", max_mentions=0)


def test_network_error_halfway_then_resume(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeX(httpserver, n=250)
    fake.delay_on = {3}  # the second timeline page times out
    with pytest.raises(FetchError):
        _fetcher(httpserver, store, [], retries=0).fetch("AcmeStaffing", max_mentions=0)
    assert _post_count(store) == 100
    fake.delay_on = set()
    report = _fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=0)
    assert _post_count(store) == 250 and report.new_posts == 150 and report.post_reads == 150
    resumed = fake.requests[4][1]
    assert resumed["until_id"] == fake.tweets[99] and "pagination_token" not in resumed


def test_estimate_and_defaults() -> None:
    estimate = estimate_cost(Rates(post=0.005, user=0.010), max_posts=5000, max_mentions=100)
    assert estimate["timeline"] == pytest.approx(3200 * 0.005)
    assert estimate["total"] == pytest.approx(0.010 + 16.0 + 100 * 0.015)
    assert is_default_avatar(
        "x", "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png"
    )
    assert not is_default_avatar("x", "https://pbs.twimg.com/profile_images/1/a_normal.jpg")
    assert larger_x_avatar("https://p/x_normal.jpg") == "https://p/x_400x400.jpg"
