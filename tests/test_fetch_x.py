"""``fetch x`` runs the real tweepy client against a local server speaking X API v2."""

from __future__ import annotations

import json
import re
import socket
import time
from pathlib import Path
from typing import Any

import pytest
import requests
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from _fake_api import FakeApi
from staffpulse.errors import (
    BudgetExceededError,
    ConfigError,
    FetchError,
    InputError,
    NotFoundError,
    PaymentRequiredError,
    RateLimitError,
)
from staffpulse.fetch.avatars import larger_x_avatar
from staffpulse.fetch.x import XFetcher
from staffpulse.fetch.x_client import make_client
from staffpulse.fetch.x_costs import Rates, estimate_cost
from staffpulse.store import Store

LONG_POST = "We are growing our Denver team this spring. " * 10  # 440 characters
PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 64
USER_ID = "500"


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


def _fetcher(server: HTTPServer, store: Store, sleeps: list[float], **kw: Any) -> XFetcher:
    config = {
        "x": {"cost_per_post_read": 0.005, "cost_per_user_read": 0.010, "max_wait_seconds": 5},
        "fetch": {"timeout_seconds": 10.0, "avatar_max_bytes": 10_000},
    }
    # generous timeouts, never waited for: a short one ran out on a loaded machine, and the
    # retry added a request and a sleep tests count (a timeout is raised by _lose_a_page)
    client = make_client("secret-token", server.url_for(""), 10.0)
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


def test_a_post_over_280_characters_is_stored_whole(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeX(httpserver, n=3, m=0)
    _fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=0)
    newest = store.get_posts("x", [fake.tweets[0]])[fake.tweets[0]]
    assert newest.text == LONG_POST


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


def _lose_a_page(fetcher: XFetcher, error: Exception, number: int = 2) -> list[int]:
    """The timeline's request ``number`` fails with ``error``; returns the page sizes asked."""
    real, asked = fetcher.client.get_users_tweets, []

    def flaky(**params: Any) -> Any:
        asked.append(int(params["max_results"]))
        if len(asked) == number:
            raise error
        return real(**params)

    fetcher.client.get_users_tweets = flaky  # type: ignore[method-assign]
    return asked


@pytest.mark.parametrize(
    ("error", "billable"),
    [(requests.ReadTimeout("read timed out"), True),  # X had the request: it may have answered
     (requests.exceptions.ChunkedEncodingError("answer cut off"), True),
     (requests.ConnectionError("connection refused"), False),  # X never had it
     (requests.ConnectTimeout("connect timed out"), False)],
)  # fmt: skip
def test_an_answer_lost_after_reaching_x_is_counted_as_maybe_billed(
    httpserver: HTTPServer, store: Store, error: Exception, billable: bool
) -> None:
    FakeX(httpserver, n=250)
    fetcher = _fetcher(httpserver, store, [], retries=1)
    asked = _lose_a_page(fetcher, error)
    report = fetcher.fetch("AcmeStaffing", max_mentions=0)
    assert _post_count(store) == 250 and report.post_reads == 250  # the retry read it all
    # X bills what it sent, so the page it may have sent is counted apart, at its worst case
    assert report.lost_answers == int(billable)
    assert report.lost_answers_usd == pytest.approx(asked[1] * 0.005 if billable else 0.0)
    assert report.as_dict()["lost_answers_usd"] == pytest.approx(report.lost_answers_usd)


def test_the_budget_keeps_room_for_an_answer_lost_to_a_timeout(
    httpserver: HTTPServer, store: Store
) -> None:
    # the first page's answer is lost: X may have billed its 100 posts ($0.50). Its retry reads
    # the same posts, which X bills once a day; but no further page is asked that could pass
    # the budget with the lost one (58 more posts would fit without it)
    FakeX(httpserver, n=250)
    fetcher = _fetcher(httpserver, store, [], retries=1, budget=0.80)
    asked = _lose_a_page(fetcher, requests.ReadTimeout("read timed out"), number=1)
    report = fetcher.fetch("AcmeStaffing", max_mentions=0)
    assert report.stopped == "budget" and report.lost_answers == 1
    assert asked == [100, 100] and report.post_reads == 100  # the page, then its retry
    assert report.lost_answers_usd == pytest.approx(0.5)


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
    with pytest.raises(PaymentRequiredError) as stopped:
        _fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=0)
    assert stopped.value.exit_code == 69  # add credits: not a network failure (75)
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
    fetcher = _fetcher(httpserver, store, [], retries=0)
    _lose_a_page(fetcher, requests.ReadTimeout("Read timed out."))  # the second timeline page
    with pytest.raises(FetchError, match="no answer in time") as caught:
        fetcher.fetch("AcmeStaffing", max_mentions=0)
    assert _post_count(store) == 100
    # the hint says what was kept, and that the same command resumes
    assert (caught.value.hint or "").endswith(
        "the 100 posts fetched so far are stored; run the same command again to resume"
    )
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
    assert larger_x_avatar("https://p/x_normal.jpg") == "https://p/x_400x400.jpg"


# -- checked before any request ------------------------------------------------------------


@pytest.mark.parametrize(
    ("handle", "expected"),
    [
        ("@@bad handle!!", "is not a valid X handle"),
        ("acme.bsky.social", "looks like a Bluesky one"),
        ("acme@mastodon.social", "looks like a Mastodon one"),
        ("sixteen_letters_", "is not a valid X handle"),
    ],
)
def test_bad_handles_never_reach_x(
    httpserver: HTTPServer, store: Store, handle: str, expected: str
) -> None:
    fake = FakeX(httpserver)
    with pytest.raises(InputError, match=expected) as caught:
        _fetcher(httpserver, store, []).fetch(handle)
    assert caught.value.exit_code == 65 and caught.value.hint
    assert fake.requests == []


def test_profile_urls_are_handles(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeX(httpserver)
    report = _fetcher(httpserver, store, []).fetch(
        "https://x.com/AcmeStaffing/status/1", max_posts=5, max_mentions=0
    )
    assert fake.requests[0][0] == "/2/users/by/username/acmestaffing"
    assert report.target == "acmestaffing" and report.posts == 5
    kept = _fetcher(httpserver, store, []).fetch("@AcmeStaffing", max_posts=5, max_mentions=0)
    assert kept.target == "AcmeStaffing"  # the case typed is kept


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [({"max_posts": 0}, "--max-posts 0"), ({"max_posts": -3}, "--max-posts -3"),
     ({"max_mentions": -1}, "--max-mentions -1")],
)  # fmt: skip
def test_counts_are_checked(
    httpserver: HTTPServer, store: Store, kwargs: dict[str, int], expected: str
) -> None:
    fake = FakeX(httpserver)
    with pytest.raises(InputError, match=expected):
        _fetcher(httpserver, store, []).fetch("acme", **kwargs)
    assert fake.requests == []


@pytest.mark.parametrize("budget", [0.0, -5.0, float("nan")])
def test_budget_must_be_positive(httpserver: HTTPServer, store: Store, budget: float) -> None:
    with pytest.raises(InputError, match="must be more than 0") as caught:
        _fetcher(httpserver, store, [], budget=budget)
    assert caught.value.exit_code == 65


def test_budget_messages_use_cents(httpserver: HTTPServer, store: Store) -> None:
    FakeX(httpserver)
    with pytest.raises(BudgetExceededError) as caught:
        _fetcher(httpserver, store, [], budget=0.005).fetch("acme")
    assert "a budget of $0.005 does not cover even the user lookup ($0.01)" in str(caught.value)


def test_budget_stop_is_in_the_report_not_a_notice(httpserver: HTTPServer, store: Store) -> None:
    FakeX(httpserver, n=120)
    notices: list[str] = []
    report = _fetcher(httpserver, store, [], budget=0.5, notify=notices.append).fetch("acme")
    assert report.stopped == "budget" and report.budget_usd == 0.5
    assert notices == []  # the CLI says it once (stderr, or in the JSON)


def test_wrong_config_types_are_config_errors(httpserver: HTTPServer, store: Store) -> None:
    client = make_client("secret-token", httpserver.url_for(""), 0.3)
    for config, expected in [
        ({"x": {"cost_per_post_read": "cheap"}}, '[x] cost_per_post_read = "cheap" is text'),
        ({"x": 5}, "x = 5 is a number; expected a table [x]"),
        ({"x": {"base_url": 8080}}, "[x] base_url = 8080 is a number; expected text"),
    ]:
        with pytest.raises(ConfigError, match=re.escape(expected)):
            XFetcher(store, config=config, client=client)
    # a rate of 0 is allowed (a plan without per-read fees) and does not divide by zero
    free = XFetcher(store, config={"x": {"cost_per_post_read": 0}}, client=client, budget=1)
    assert free.rates.post == 0.0


# -- answers X gives ---------------------------------------------------------------------------


def test_http_400_is_a_rejected_request_not_a_network_error(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = FakeX(httpserver)
    fake.fail[1] = (400, {})
    sleeps: list[float] = []
    with pytest.raises(InputError) as caught:
        _fetcher(httpserver, store, sleeps).fetch("acme")
    error = caught.value
    assert error.exit_code == 65 and not isinstance(error, FetchError)
    assert error.message.startswith("X rejected the request for @acme (HTTP 400): The `username`")
    assert "run the same command" not in str(error)
    assert len(fake.requests) == 1 and sleeps == []  # not retried: it would fail the same way


def test_http_404_says_what_was_not_found_and_is_not_retried(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = FakeX(httpserver)
    fake.fail[2] = (404, {})  # the timeline, after the profile was found
    sleeps: list[float] = []
    with pytest.raises(NotFoundError) as caught:
        _fetcher(httpserver, store, sleeps).fetch("acme")
    assert caught.value.message == "@AcmeStaffing timeline: not found on X"
    assert len(fake.requests) == 2 and sleeps == []


def test_an_answer_that_is_not_json(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeX(httpserver)
    fake.html_on = {1}
    with pytest.raises(FetchError) as caught:
        _fetcher(httpserver, store, []).fetch("acme")
    assert "X answered with something that is not JSON (HTTP 200, text/html)" in str(caught.value)
    assert "JSONDecodeError" not in str(caught.value) and len(fake.requests) == 1


def test_suspended_account_says_why(httpserver: HTTPServer, store: Store) -> None:
    FakeX(httpserver)
    with pytest.raises(NotFoundError, match=r"no X account @gone1 \(User has been suspended"):
        _fetcher(httpserver, store, []).fetch("gone1")


def test_network_errors_name_the_host(store: Store) -> None:
    with socket.socket() as probe:  # a port nobody listens on: connection refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = make_client("secret-token", f"http://127.0.0.1:{port}", 0.5)
    fetcher = XFetcher(store, config={}, client=client, retries=0)
    with pytest.raises(FetchError) as caught:
        fetcher.fetch("acme")
    assert f"X could not be reached at 127.0.0.1:{port} (no connection)" in caught.value.message
    assert caught.value.exit_code == 75
    # offline from the first request: nothing was stored, so nothing is said to be
    assert caught.value.hint == (
        "check your connection and [x] base_url; nothing was fetched; try again once this "
        "computer is online"
    )


def test_a_tweet_that_cannot_be_read_is_counted_and_its_page_kept(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = FakeX(httpserver, n=2, m=0)
    good, broken = fake.tweets
    fake.bad_dates.add(broken)
    report = _fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=0)
    assert report.skipped == 1 and report.stopped is None
    assert f"(tweet {broken})" in report.skipped_messages[0]
    assert [r[0] for r in store.conn.execute("SELECT id FROM posts")] == [good]
    pages = store.conn.execute(
        "SELECT payload FROM raw_payloads WHERE location = ?", (f"x:users/{USER_ID}/timeline",)
    ).fetchall()
    assert broken in {t["id"] for p in pages for t in json.loads(p[0]).get("data", [])}
    assert report.as_dict()["skipped_messages"] == report.skipped_messages


def test_a_profile_that_cannot_be_read_is_a_clear_error_and_kept(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = FakeX(httpserver)
    fake.user["created_at"] = "someday"
    with pytest.raises(FetchError, match="@AcmeStaffing: the platform's answer could not be read"):
        _fetcher(httpserver, store, []).fetch("AcmeStaffing")
    (location,) = [r[0] for r in store.conn.execute("SELECT location FROM raw_payloads")]
    assert location == "x:users/by/username/AcmeStaffing"
