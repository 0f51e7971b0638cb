"""``fetch bluesky``'s failures against a local AppView (the real atproto SDK): a 429 waited
for as long as the AppView or a proxy says, a rejected, refused or unshown account told as
such, a lasting server error, an answer of the wrong shape, an unreachable host and wrong
settings, each a message in a line with what to do (:mod:`staffpulse.fetch.bluesky_errors`)."""

from __future__ import annotations

import socket
import time

import pytest
from pytest_httpserver import HTTPServer

from _fake_api import seconds_from_answer
from staffpulse.errors import (
    AuthError,
    ConfigError,
    FetchError,
    InputError,
    NotFoundError,
    RateLimitError,
)
from staffpulse.fetch.bluesky import BlueskyFetcher
from staffpulse.next_steps import shown_config_path
from staffpulse.store import Store
from test_fetch_bluesky import FakeAppView, _count, _fetcher


def test_rate_limit_and_server_error(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeAppView(httpserver, n=3, followers=0)
    fake.fail[2] = (429, {"ratelimit-reset": seconds_from_answer(3)})
    fake.fail[3] = (503, {})
    sleeps: list[float] = []
    _fetcher(httpserver, store, sleeps).fetch("acme.bsky.social")
    assert _count(store, "posts") == 3 and len(sleeps) == 2 and 0 < sleeps[0] <= 3
    fake.fail[len(fake.requests) + 2] = (429, {"ratelimit-reset": str(int(time.time()) + 3600)})
    with pytest.raises(RateLimitError):
        _fetcher(httpserver, store, sleeps).fetch("acme.bsky.social")


def test_a_rate_limit_told_only_by_retry_after_is_waited_that_long(
    httpserver: HTTPServer, store: Store
) -> None:
    """A 429 with no ratelimit-reset (a proxy's, say) but a Retry-After: waited for as told,
    not a minute by default, which passed the 5 s allowed here and stopped the fetch."""
    fake = FakeAppView(httpserver, n=3, followers=0)
    fake.fail[2] = (429, {"retry-after": "2"})
    sleeps: list[float] = []
    report = _fetcher(httpserver, store, sleeps).fetch("acme.bsky.social")
    assert _count(store, "posts") == 3 and report.stopped is None
    assert len(sleeps) == 1 and 0 < sleeps[0] <= 2


def test_rejected_and_refused_requests(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeAppView(httpserver)
    fake.error_body = lambda status: {"error": "InvalidRequest", "message": "limit too large"}  # type: ignore[method-assign]
    fake.fail[1] = (400, {})
    with pytest.raises(InputError) as caught:
        _fetcher(httpserver, store, []).fetch("acme.bsky.social")
    assert caught.value.message == (
        "Bluesky rejected the request for @acme.bsky.social (HTTP 400):"
        " InvalidRequest: limit too large"
    )
    assert "run the same command" not in str(caught.value) and len(fake.requests) == 1
    fake.fail[2] = (401, {})
    with pytest.raises(AuthError, match=r"refused the request \(HTTP 401\)"):
        _fetcher(httpserver, store, []).fetch("acme.bsky.social")


@pytest.mark.parametrize(
    ("error", "message", "request_number"),
    [("AccountTakedown", "Account has been suspended", 1),
     ("AccountDeactivated", "Account is deactivated", 1),
     ("BlockedActor", "Requester has blocked actor: did:plc:acme", 2)],  # on the feed
)  # fmt: skip
def test_an_account_that_shows_nothing_is_not_found_not_a_typo(
    httpserver: HTTPServer, store: Store, error: str, message: str, request_number: int
) -> None:
    # the AppView's HTTP 400 for these was "rejected the request ... check the handle" (exit
    # 65), though the handle is right
    fake = FakeAppView(httpserver)
    fake.error_body = lambda status: {"error": error, "message": message}  # type: ignore[method-assign]
    fake.fail[request_number] = (400, {})
    with pytest.raises(NotFoundError) as caught:
        _fetcher(httpserver, store, []).fetch("acme.bsky.social")
    what = "@acme.bsky.social" + (" feed" if request_number == 2 else "")
    assert (
        caught.value.message == f"{what}: Bluesky does not show this account ({error}: {message})"
    )
    assert "check the handle" not in str(caught.value.hint) and len(fake.requests) == request_number


def test_a_server_error_that_lasts_says_try_later_not_check_the_connection(
    httpserver: HTTPServer, store: Store
) -> None:
    # the AppView (or a proxy before it) answered: this computer is online
    fake = FakeAppView(httpserver)
    fake.error_body = lambda status: {"error": "UpstreamFailure", "message": "Upstream Failure"}  # type: ignore[method-assign]
    for n in (1, 2, 3):
        fake.fail[n] = (502, {})
    with pytest.raises(FetchError) as caught:
        _fetcher(httpserver, store, []).fetch("acme.bsky.social")
    assert caught.value.message.endswith(
        "(NetworkError, HTTP 502): UpstreamFailure: Upstream Failure"
    )
    assert caught.value.hint == "nothing was fetched; try again later"


@pytest.mark.parametrize(
    ("body", "content_type", "said"),
    [("{}", "application/json", "(did: Field required; handle: Field required)"),
     ("<html>Sign in to the Wi-Fi</html>", "text/html", "(not JSON: a web page, perhaps a proxy's)")],
)  # fmt: skip
def test_an_answer_of_the_wrong_shape_is_said_in_a_line(
    httpserver: HTTPServer, store: Store, body: str, content_type: str, said: str
) -> None:
    # the SDK's own words were pydantic's dump: 7 lines, and a link to its documentation
    httpserver.expect_request("/xrpc/app.bsky.actor.getProfile").respond_with_data(
        body, content_type=content_type
    )
    with pytest.raises(FetchError) as caught:
        _fetcher(httpserver, store, []).fetch("acme.bsky.social")
    message = caught.value.message
    assert message.endswith(said) and "\n" not in message and "pydantic" not in message
    assert caught.value.hint == f"check [bluesky] appview_url in {shown_config_path()}"


def test_network_errors_name_the_host(store: Store) -> None:
    with socket.socket() as probe:  # a port nobody listens on: connection refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = {"bluesky": {"appview_url": f"http://127.0.0.1:{port}"}}
    with pytest.raises(FetchError) as caught:
        BlueskyFetcher(store, config=config, retries=0).fetch("acme.bsky.social")
    assert f"Bluesky request to 127.0.0.1:{port} failed" in caught.value.message


def test_wrong_settings_are_config_errors(store: Store) -> None:
    with pytest.raises(ConfigError, match=r'\[fetch\] timeout_seconds = "twenty" is text'):
        BlueskyFetcher(store, config={"fetch": {"timeout_seconds": "twenty"}})
    with pytest.raises(ConfigError, match=r"\[bluesky\] appview_url = 1 is a number"):
        BlueskyFetcher(store, config={"bluesky": {"appview_url": 1}})
