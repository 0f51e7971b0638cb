"""A server whose certificate is not trusted (what a proxy that inspects HTTPS looks like to
the fetchers): each platform's real client says so once, with what to do, and asks no more."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from pytest_httpserver import HTTPServer

from staffpulse.errors import FetchError
from staffpulse.fetch.bluesky import BlueskyFetcher
from staffpulse.fetch.mastodon import MastodonFetcher
from staffpulse.fetch.tls import untrusted_certificate
from staffpulse.fetch.x import XFetcher
from staffpulse.fetch.x_client import make_client
from staffpulse.store import Store
from tls_helpers import self_signed

# OpenSSL 1.1 says "self signed certificate", 3.x "self-signed certificate"
SAID = re.compile(r"the secure connection to 127\.0\.0\.1:\d+ failed: its certificate is not"
                  r" trusted \(self.signed certificate\)$")  # fmt: skip


@pytest.fixture
def untrusted(tmp_path: Path) -> Iterator[str]:
    """The https address of a server whose certificate no one trusts."""
    server = HTTPServer(host="127.0.0.1", port=0, ssl_context=self_signed(tmp_path))
    server.expect_request("/").respond_with_json({})
    server.start()
    try:
        yield server.url_for("").rstrip("/")
    finally:
        server.clear()
        server.stop()


def _check(error: FetchError, sleeps: list[float]) -> None:
    assert SAID.search(error.message), error.message
    assert "REQUESTS_CA_BUNDLE and SSL_CERT_FILE" in str(error.hint)
    assert "online" not in str(error.hint)  # it is: "try again once online" changed nothing
    assert sleeps == []  # not retried: asking again would fail the same way


def test_x(untrusted: str, store: Store) -> None:
    sleeps: list[float] = []
    client = make_client("secret-token", untrusted, 10.0)
    fetcher = XFetcher(store, config={}, client=client, sleep=sleeps.append)
    with pytest.raises(FetchError) as caught:
        fetcher.fetch("acme")
    _check(caught.value, sleeps)
    assert caught.value.exit_code == 75


def test_bluesky(untrusted: str, store: Store) -> None:
    sleeps: list[float] = []
    config = {"bluesky": {"appview_url": untrusted}}
    with pytest.raises(FetchError) as caught:
        BlueskyFetcher(store, config=config, sleep=sleeps.append).fetch("acme.bsky.social")
    _check(caught.value, sleeps)


def test_mastodon(untrusted: str, store: Store) -> None:
    sleeps: list[float] = []
    fetcher = MastodonFetcher(store, config={}, base_url=untrusted, sleep=sleeps.append)
    with pytest.raises(FetchError) as caught:
        fetcher.fetch("@acme@staffing.example")
    _check(caught.value, sleeps)


def test_other_network_failures_are_not_taken_for_a_certificate() -> None:
    refused = requests.ConnectionError(ConnectionRefusedError(111, "Connection refused"))
    assert untrusted_certificate(refused) is None
    assert untrusted_certificate(requests.ReadTimeout("read timed out")) is None
