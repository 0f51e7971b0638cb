"""``fetch x`` runs the real tweepy client against a local server speaking X API v2."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from _fake_api import FakeApi
from staffpulse.errors import (
    BudgetExceededError,
    FetchError,
    PaymentRequiredError,
    RateLimitError,
)
from staffpulse.fetch.avatars import is_default_avatar, larger_x_avatar
from staffpulse.fetch.x import XFetcher
from staffpulse.fetch.x_client import make_client
from staffpulse.fetch.x_costs import Rates, estimate_cost
from staffpulse.store import Store, open_store

PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 64
USER_ID = "500"


class FakeX(FakeApi):
    """A tiny X API v2: one user, ``n`` tweets (newest first) and ``m`` mentions."""

    def __init__(self, server: HTTPServer, n: int = 23, m: int = 6) -> None:
        self.server = server
        self.tweets = [str(10_000 + i) for i in range(n, 0, -1)]
        self.mentions = [str(20_000 + i) for i in range(m, 0, -1)]
        super().__init__()
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
        return {"title": "error"}

    def handle(self, request: Request) -> Response:
        args, failure = self.intercept(request)
        if failure is not None:
            return failure
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


def _fetcher(server: HTTPServer, store: Store, sleeps: list[float], **kw: Any) -> XFetcher:
    config = {
        "x": {"cost_per_post_read": 0.005, "cost_per_user_read": 0.010, "max_wait_seconds": 5},
        "fetch": {"timeout_seconds": 1.0, "avatar_max_bytes": 10_000},
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
    before = len(fake.requests)
    report = _fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=0)
    assert _post_count(store) == 250 and report.new_posts == 150 and report.post_reads == 150
    # the resumed run's first timeline page (a loaded machine may retry a request)
    resumed = next(a for path, a in fake.requests[before:] if path.endswith("/tweets"))
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


# -- recent search ------------------------------------------------------------------------

QUERY = "hiring nurses -is:retweet"


def _snowflake(ms_ago: int) -> str:
    """An X post id (snowflake) created ``ms_ago`` milliseconds ago."""
    now_ms = int(time.time() * 1000)
    return str((now_ms - ms_ago - 1288834974657) << 22)


class FakeSearch:
    """GET /2/tweets/search/recent in the documented v2 shape: ``data`` newest first,
    ``includes.users`` (authors, expanded) and ``includes.tweets`` (referenced posts),
    ``meta`` with ``newest_id``, ``oldest_id``, ``result_count`` and ``next_token``."""

    def __init__(self, server: HTTPServer, n: int = 25) -> None:
        self.posts: list[str] = []
        self.quoted = _snowflake(3_600_000 * 30)  # a post every fifth result quotes
        self.requests: list[dict[str, str]] = []
        self.fail: dict[int, tuple[int, dict[str, str]]] = {}
        self.reads: list[tuple[int, int]] = []  # (posts, users) each answer carried
        self.add(n)
        server.expect_request("/2/tweets/search/recent").respond_with_handler(self.handle)

    def add(self, n: int) -> None:
        """``n`` newer posts (one millisecond apart), newest first like X lists them."""
        newest = _snowflake(0) if not self.posts else str(int(self.posts[0]) + (1 << 22))
        fresh = [str(int(newest) + i * (1 << 22)) for i in range(n, 0, -1)]
        self.posts = fresh + self.posts

    def _tweet(self, post_id: str, author: str) -> dict[str, Any]:
        return {
            "id": post_id, "text": f"we are hiring nurses {post_id}", "author_id": author,
            "conversation_id": post_id, "created_at": "2026-11-25T10:00:00.000Z", "lang": "en",
            "edit_history_tweet_ids": [post_id],
            "public_metrics": {"retweet_count": 0, "reply_count": 1, "like_count": 2,
                               "quote_count": 0, "bookmark_count": 0, "impression_count": 40},
            "entities": {"hashtags": [{"start": 0, "end": 7, "tag": "hiring"}]},
        }  # fmt: skip

    def handle(self, request: Request) -> Response:
        args = dict(request.args)
        self.requests.append(args)
        if len(self.requests) in self.fail:
            status, headers = self.fail[len(self.requests)]
            return Response(json.dumps({"title": "error"}), status=status, headers=headers)
        assert args["query"] == QUERY
        assert args["expansions"] == "author_id,referenced_tweets.id,referenced_tweets.id.author_id"
        assert "conversation_id" in args["tweet.fields"] and "description" in args["user.fields"]
        size = int(args["max_results"])
        assert 10 <= size <= 100
        chosen = [
            i for i in self.posts
            if (not args.get("since_id") or int(i) > int(args["since_id"]))
            and (not args.get("until_id") or int(i) < int(args["until_id"]))
        ]  # fmt: skip
        start = int(args.get("next_token", "0"))
        page = chosen[start : start + size]
        data = []
        for number, post_id in enumerate(page):
            tweet = self._tweet(post_id, str(700 + number % 3))
            if int(post_id) % 5 == 0:
                tweet["referenced_tweets"] = [{"type": "quoted", "id": self.quoted}]
            data.append(tweet)
        meta: dict[str, Any] = {"result_count": len(page)}
        body: dict[str, Any] = {"meta": meta}
        if page:
            authors = sorted({t["author_id"] for t in data})
            quoting = any("referenced_tweets" in t for t in data)
            body["data"] = data
            body["includes"] = {
                "users": [
                    {"id": a, "username": f"user{a}", "name": f"User {a}", "description": "RN",
                     "profile_image_url": "https://pbs.twimg.com/profile_images/1/a_normal.jpg",
                     "public_metrics": {"followers_count": 3, "following_count": 4,
                                        "tweet_count": 5, "listed_count": 0}}
                    for a in authors + (["800"] if quoting else [])
                ],
                "tweets": [self._tweet(self.quoted, "800")] if quoting else [],
            }  # fmt: skip
            meta.update(newest_id=page[0], oldest_id=page[-1])
        if start + size < len(chosen):
            meta["next_token"] = str(start + size)
        includes = body.get("includes", {})
        self.reads.append(
            (
                len(body.get("data", [])) + len(includes.get("tweets", [])),
                len(includes.get("users", [])),
            )
        )
        return Response(json.dumps(body), content_type="application/json")


def _stored(store: Store, ids: list[str]) -> int:
    marks = ",".join("?" * len(ids))
    sql = f"SELECT COUNT(*) FROM posts WHERE platform = 'x' AND id IN ({marks})"
    return int(store.conn.execute(sql, ids).fetchone()[0])


def test_search_paginates_with_next_token(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeSearch(httpserver, n=130)
    report = _fetcher(httpserver, store, []).search(QUERY, max_posts=500)
    assert report.stopped is None and report.target == f"search:{QUERY}"
    assert [(a["max_results"], a.get("next_token")) for a in fake.requests] == [
        ("100", None),
        ("100", "100"),
    ]
    assert _stored(store, fake.posts) == 130 and _stored(store, [fake.quoted]) == 1
    quoting = sum(1 for p in fake.posts if int(p) % 5 == 0)
    assert report.post_reads == 130 + (quoting > 0) * 2  # each page brings the quoted post
    assert report.cost_usd == pytest.approx(report.post_reads * 0.005 + report.user_reads * 0.010)
    row = store.conn.execute(
        "SELECT state FROM fetch_cursors WHERE platform = 'x' AND stream = ?", (f"search:{QUERY}",)
    ).fetchone()
    assert json.loads(row[0])["since_id"] == fake.posts[0]
    authors = store.conn.execute("SELECT COUNT(*) FROM accounts WHERE id IN ('700','701','702')")
    assert authors.fetchone()[0] == 3


def test_search_budget_is_never_exceeded(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeSearch(httpserver, n=300)
    worst = 3 * 0.005 + 3 * 0.010  # a result, two referenced posts, three authors
    report = _fetcher(httpserver, store, [], budget=2.0).search(QUERY, max_posts=300)
    assert report.stopped == "budget" and report.cost_usd <= 2.0 + 1e-9
    spent = 0.0
    for args, (posts, users) in zip(fake.requests, fake.reads, strict=True):
        # every page, at its worst, still fitted what was left when it was asked for
        assert (
            int(args["max_results"]) >= 10
            and spent + int(args["max_results"]) * worst <= 2.0 + 1e-9
        )
        spent += posts * 0.005 + users * 0.010
    assert spent == pytest.approx(report.cost_usd) and len(fake.requests) >= 2
    assert 2.0 - spent < 10 * worst  # it stopped only when a page of 10 no longer fitted
    run = store.conn.execute("SELECT status FROM runs ORDER BY id DESC").fetchone()[0]
    assert run == "partial"
    with pytest.raises(BudgetExceededError):
        _fetcher(httpserver, store, [], budget=0.40).search(QUERY)  # < one page of 10


def test_search_resumes_with_since_id_without_duplicates(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = FakeSearch(httpserver, n=25)
    first = _fetcher(httpserver, store, []).search(QUERY, max_posts=100)
    assert first.new_posts >= 25 and "since_id" not in fake.requests[0]
    newest = fake.posts[0]
    fake.add(7)
    again = _fetcher(httpserver, store, []).search(f"  {QUERY} ", max_posts=100)
    assert fake.requests[-1]["since_id"] == newest
    assert again.post_reads - (1 if any(int(p) % 5 == 0 for p in fake.posts[:7]) else 0) == 7
    assert _stored(store, fake.posts) == 32
    total = store.conn.execute("SELECT COUNT(*) FROM posts").fetchone()[0]
    assert total == 32 + 1  # and the quoted post, once
    # a cursor older than the seven-day window is dropped rather than sent to X
    week_old = _snowflake(8 * 24 * 3_600_000)
    store.conn.execute(
        "UPDATE fetch_cursors SET state = ? WHERE stream = ?",
        (json.dumps({"since_id": week_old}), f"search:{QUERY}"),
    )
    _fetcher(httpserver, store, []).search(QUERY, max_posts=10)
    assert "since_id" not in fake.requests[-1]


def test_search_rate_limit_and_payment(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeSearch(httpserver, n=150)
    fake.fail[1] = (429, {"x-rate-limit-reset": str(int(time.time()) + 2)})
    fake.fail[3] = (402, {})
    sleeps: list[float] = []
    with pytest.raises(PaymentRequiredError):
        _fetcher(httpserver, store, sleeps).search(QUERY, max_posts=150)
    assert len(sleeps) == 1 and 0 < sleeps[0] <= 2
    assert _stored(store, fake.posts) == 100
    status = store.conn.execute("SELECT status FROM runs ORDER BY id DESC").fetchone()[0]
    assert status == "partial"
    before = len(fake.requests)
    report = _fetcher(httpserver, store, []).search(QUERY, max_posts=150)  # fills the gap
    assert _stored(store, fake.posts) == 150 and report.new_posts >= 50
    assert fake.requests[before]["until_id"] == fake.posts[99]


def _cli_env(server: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        f'[x]\nbase_url = "{server.url_for("").rstrip("/")}"\nmax_wait_seconds = 1\n'
        "[fetch]\ntimeout_seconds = 2\n"
    )
    monkeypatch.setenv("STAFFPULSE_CONFIG", str(config))
    monkeypatch.setenv("X_BEARER_TOKEN", "token-from-env")


def test_cli_fetch_x_search_json(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from staffpulse.cli import app

    _cli_env(httpserver, tmp_path, monkeypatch)
    fake = FakeSearch(httpserver, n=40)
    db = str(tmp_path / "db.sqlite")
    args = ["fetch", "x", "--search", QUERY, "--max-posts", "30", "--json", "--db", db]
    args += ["--since", "2000-01-01"]  # older than the search window: searched from its start
    result = CliRunner().invoke(app, [*args, "--budget", "5"])
    assert result.exit_code == 0, result.output
    assert "Estimated cost at most $1.35" in result.stderr  # 90 post + 90 user reads
    report = json.loads(result.stdout)
    assert report["target"] == f"search:{QUERY}" and report["stopped"] is None
    assert report["cost_usd"] <= 5 and report["post_reads"] >= 30
    assert [a["max_results"] for a in fake.requests] == ["30"]
    assert "start_time" not in fake.requests[0]
    assert "token-from-env" not in result.output
    with open_store(db) as saved:
        assert _stored(saved, fake.posts[:30]) == 30


def test_cli_fetch_x_needs_handle_or_search(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from staffpulse.cli import app

    db = str(tmp_path / "db.sqlite")
    for args in (["fetch", "x"], ["fetch", "x", "@acme", "--search", "nurses"]):
        result = CliRunner().invoke(app, [*args, "--db", db])
        assert result.exit_code == 65, result.output
        assert "give a HANDLE or --search QUERY" in result.stderr
