"""``fetch x --search``: the X API v2 recent search through the real tweepy client, against a
local server speaking its documented shape (the timeline is in test_fetch_x.py)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from _fake_api import answered_headers, seconds_from_answer
from staffpulse.errors import BudgetExceededError, PaymentRequiredError
from staffpulse.fetch.x import XFetcher
from staffpulse.fetch.x_client import make_client
from staffpulse.store import Store, open_store


def _fetcher(server: HTTPServer, store: Store, sleeps: list[float], **kw: Any) -> XFetcher:
    config = {
        "x": {"cost_per_post_read": 0.005, "cost_per_user_read": 0.010, "max_wait_seconds": 5},
        "fetch": {"timeout_seconds": 10.0, "avatar_max_bytes": 10_000},
    }
    # generous timeouts, never waited for (the server answers at once): a 0.3 s one ran out on a
    # loaded machine, and the retried page was served twice but paid once (budget test)
    client = make_client("secret-token", server.url_for(""), 10.0)
    return XFetcher(store, config=config, client=client, sleep=sleeps.append, **kw)


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
        self.fail: dict[int, tuple[int, dict[str, str | seconds_from_answer]]] = {}
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
            status, planned = self.fail[len(self.requests)]
            headers = answered_headers(planned)
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
    fake.fail[1] = (429, {"x-rate-limit-reset": seconds_from_answer(3)})
    fake.fail[3] = (402, {})
    sleeps: list[float] = []
    with pytest.raises(PaymentRequiredError):
        _fetcher(httpserver, store, sleeps).search(QUERY, max_posts=150)
    assert len(sleeps) == 1 and 0 < sleeps[0] <= 3
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
