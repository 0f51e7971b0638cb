"""``fetch x`` on the answers X gives: a rejected request, a refused token or app, not found,
an answer that is not JSON, a suspended or protected account, no connection, and a tweet or
profile that cannot be read."""

from __future__ import annotations

import json
import socket

import pytest
from pytest_httpserver import HTTPServer

from staffpulse.errors import (
    AuthError,
    FetchError,
    InputError,
    NotFoundError,
)
from staffpulse.fetch.x import XFetcher
from staffpulse.fetch.x_client import make_client
from staffpulse.store import Store
from x_fetch_helpers import USER_ID, FakeX, x_fetcher


def test_http_400_is_a_rejected_request_not_a_network_error(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = FakeX(httpserver)
    fake.fail[1] = (400, {})
    sleeps: list[float] = []
    with pytest.raises(InputError) as caught:
        x_fetcher(httpserver, store, sleeps).fetch("acme")
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
        x_fetcher(httpserver, store, sleeps).fetch("acme")
    assert caught.value.message == "@AcmeStaffing timeline: not found on X"
    assert len(fake.requests) == 2 and sleeps == []


NOT_ENROLLED = {  # X's answer to an app outside a Project, or on too low an access level
    "client_id": "123", "title": "Client Forbidden", "reason": "client-not-enrolled",
    "required_enrollment": "Appropriate Level of API Access",
    "detail": "When authenticating requests to the Twitter API v2 endpoints, you must use keys"
    " and tokens from a Twitter developer App that is attached to a Project. You can create a"
    " project via the developer portal.",
    "type": "https://api.twitter.com/2/problems/client-forbidden",
}  # fmt: skip


@pytest.mark.parametrize(
    ("status", "body", "said"),
    [(403, NOT_ENROLLED, "(HTTP 403): When authenticating requests to the Twitter API v2"
      " endpoints, you must use keys and tokens from a Twitter developer App that is attached"
      " to a Project."),  # whole sentences, cut before 200 characters
     (401, {"title": "Unauthorized", "detail": "Unauthorized", "status": 401}, "(HTTP 401)")],
)  # fmt: skip
def test_a_refused_token_or_app_says_xs_reason(
    httpserver: HTTPServer, store: Store, status: int, body: dict[str, object], said: str
) -> None:
    fake = FakeX(httpserver)
    fake.error_body = lambda _status: body  # type: ignore[method-assign]
    fake.fail[1] = (status, {})
    with pytest.raises(AuthError) as caught:
        x_fetcher(httpserver, store, []).fetch("acme")
    assert caught.value.message.endswith(said) and len(fake.requests) == 1
    assert "the app's access level" in str(caught.value.hint)


@pytest.mark.parametrize(
    ("body", "said"),
    [({"errors": [{"message": "Over capacity", "code": 130}]}, "X answered HTTP 503 (Over capacity)"),
     ({"title": "Service Unavailable", "detail": "Service Unavailable"}, "X answered HTTP 503")],
)  # fmt: skip
def test_a_server_error_says_xs_reason_when_it_gives_one(
    httpserver: HTTPServer, store: Store, body: dict[str, object], said: str
) -> None:
    fake = FakeX(httpserver)
    fake.error_body = lambda _status: body  # type: ignore[method-assign]
    for n in (1, 2, 3):
        fake.fail[n] = (503, {})
    with pytest.raises(FetchError) as caught:
        x_fetcher(httpserver, store, []).fetch("acme")
    assert caught.value.message == f"@acme: {said}"  # X is busy: not this computer offline
    assert caught.value.hint == "nothing was fetched; try again later"


def test_a_protected_timeline_is_said_not_fetched_as_empty(
    httpserver: HTTPServer, store: Store
) -> None:
    # X answers 200 with only "errors" for the timeline of a protected account: that was
    # "Fetched 0 posts", exit 0, and the stream marked done
    fake = FakeX(httpserver)
    refused = {"errors": [{
        "resource_id": USER_ID, "parameter": "id", "resource_type": "user", "section": "data",
        "title": "Authorization Error", "value": USER_ID,
        "detail": f"Sorry, you are not authorized to see the user with id: [{USER_ID}].",
        "type": "https://api.twitter.com/2/problems/not-authorized-for-resource",
    }], "meta": {}}  # fmt: skip
    fake.fail[2] = (200, {})
    fake.error_body = lambda _status: refused  # type: ignore[method-assign]
    with pytest.raises(NotFoundError) as caught:
        x_fetcher(httpserver, store, []).fetch("acme")
    assert caught.value.message == (
        "@AcmeStaffing timeline: X does not show these posts (Sorry, you are not authorized"
        f" to see the user with id: [{USER_ID}].)"
    )
    assert str(caught.value.hint).startswith("only the profile was fetched; a protected")
    # not marked done: once the account lets staffpulse see it, the timeline is read whole
    report = x_fetcher(httpserver, store, []).fetch("acme", max_mentions=0)
    assert report.posts == 23


def test_an_answer_that_is_not_json(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeX(httpserver)
    fake.html_on = {1}
    with pytest.raises(FetchError) as caught:
        x_fetcher(httpserver, store, []).fetch("acme")
    assert "X answered with something that is not JSON (HTTP 200, text/html)" in str(caught.value)
    assert "JSONDecodeError" not in str(caught.value) and len(fake.requests) == 1


def test_suspended_account_says_why(httpserver: HTTPServer, store: Store) -> None:
    FakeX(httpserver)
    with pytest.raises(NotFoundError, match=r"no X account @gone1 \(User has been suspended"):
        x_fetcher(httpserver, store, []).fetch("gone1")


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
    report = x_fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=0)
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
        x_fetcher(httpserver, store, []).fetch("AcmeStaffing")
    (location,) = [r[0] for r in store.conn.execute("SELECT location FROM raw_payloads")]
    assert location == "x:users/by/username/AcmeStaffing"
