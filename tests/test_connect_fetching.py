"""The default fetcher of add-handles, and how a run tells a network outage from an answer."""

from __future__ import annotations

import errno
import socket
from datetime import UTC, datetime

import pytest

from connect_fixtures import build_store
from staffpulse.connect import fetching
from staffpulse.connect.fetching import (
    ReachabilityGuard,
    connection_failure,
    fetch_into_store,
)
from staffpulse.connect.handles import HandleEntry, add_handles
from staffpulse.errors import AuthError, FetchError, NotFoundError
from staffpulse.models import Account, Provenance
from staffpulse.store import Store


def _wrapped(inner: BaseException) -> FetchError:
    """``inner`` re-raised as the fetchers do: a FetchError ``from None`` (context kept)."""
    try:
        try:
            raise inner
        except BaseException:
            raise FetchError("request failed") from None
    except FetchError as error:
        return error


class ConnectError(Exception):
    """Named like httpx's and httpcore's "could not connect" errors."""


class ReadTimeout(Exception):
    """Named like httpx's: the host answered too slowly, it was reached."""


def test_the_importers_fetch_account_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def fetch_account(store: Store, handle: str, report: object) -> Account:
        calls.append(handle)
        account = Account(platform="bluesky", id="did:plc:abc", handle=handle)
        store.upsert([account], Provenance("test", "here", "t", datetime.now(UTC)))
        return account

    monkeypatch.setattr("staffpulse.fetch.bluesky.fetch_account", fetch_account)
    store = build_store()
    fetched = fetch_into_store(store, "bluesky", "ann.bsky.social")
    assert fetched is not None and fetched.account.id == "did:plc:abc" and fetched.notes == ()
    assert calls == ["ann.bsky.social"]
    with pytest.raises(AuthError):
        fetch_into_store(store, "x", "someone")  # no X_BEARER_TOKEN in tests


def test_a_failing_fetcher_keeps_the_handle_pending_and_stops_the_instance(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []

    def broken(store: Store, handle: str, report: object) -> Account:
        calls.append(handle)
        raise OSError(errno.ENETUNREACH, "Network is unreachable")  # an SDK's raw error

    monkeypatch.setattr("staffpulse.fetch.mastodon.fetch_account", broken)
    store = build_store()
    entries = [HandleEntry("mastodon", f"{u}@fosstodon.org", f"f:{u}") for u in ("ann", "bo")]
    report = add_handles(store, entries, fetcher=fetch_into_store)
    assert calls == ["ann@fosstodon.org"]
    first, second = report.added
    assert first.status == second.status == "pending"
    assert "Network is unreachable" in (first.message or "")
    assert (second.message or "").startswith("not tried: fosstodon.org could not be reached")


def test_an_sdk_error_keeps_the_handle_pending_with_the_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from mastodon import MastodonServerError

    def flaky(store: Store, handle: str, report: object) -> Account:
        raise MastodonServerError("503 Service Unavailable")

    monkeypatch.setattr(fetching, "fetch_function", lambda platform: flaky)
    store = build_store()
    entries = [HandleEntry("mastodon", "ann@hr.social", "f:1")]
    (entry,) = add_handles(store, entries, fetcher=fetch_into_store).added
    assert entry.status == "pending"
    assert entry.message == "fetching ann@hr.social from mastodon failed: 503 Service Unavailable"


def test_a_bug_in_a_fetcher_is_not_taken_for_a_failed_fetch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A KeyError in our own code must surface, not leave the handle pending forever."""

    def buggy(store: Store, handle: str, report: object) -> Account:
        payload: dict[str, Account] = {}
        return payload["account"]  # the planted bug: a key the payload does not have

    monkeypatch.setattr(fetching, "fetch_function", lambda platform: buggy)
    with pytest.raises(KeyError):
        add_handles(
            build_store(),
            [HandleEntry("mastodon", "ann@hr.social", "f:1")],
            fetcher=fetch_into_store,
        )


@pytest.mark.parametrize(
    ("inner", "reason"),
    [
        (socket.gaierror(-2, "Name or service not known"), "Name or service not known"),
        (ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"), "Connection refused"),
        (OSError(errno.EHOSTUNREACH, "No route to host"), "No route to host"),
        (ConnectError("[Errno -3] Temporary failure in name resolution"), "connection failed"),
    ],
)
def test_connection_failures_are_recognised_through_the_chain(
    inner: BaseException, reason: str
) -> None:
    assert connection_failure(_wrapped(inner)) == reason


@pytest.mark.parametrize(
    "error",
    [
        FetchError("X answered HTTP 503"),
        NotFoundError("not found on this instance"),
        _wrapped(ReadTimeout("read timed out")),
        _wrapped(TimeoutError("timed out")),  # may be a read: the host was reached
        _wrapped(ValueError("bad JSON")),
    ],
)
def test_answers_and_slow_hosts_are_not_outages(error: Exception) -> None:
    assert connection_failure(error) is None


def test_the_guard_stops_per_service_then_the_whole_network() -> None:
    guard = ReachabilityGuard()
    down = _wrapped(socket.gaierror(-2, "Name or service not known"))
    assert guard.record("x", "acme", AuthError("no X credentials")) is None  # no request made
    assert guard.blocked("bluesky", "a.bsky.social") is None
    bluesky = guard.record("bluesky", "a.bsky.social", down)
    assert bluesky is not None and bluesky.label == "Bluesky"
    assert guard.blocked("bluesky", "b.bsky.social") is bluesky and bluesky.skipped == 1
    assert guard.blocked("mastodon", "ann@hr.social") is None  # another service: try it
    guard.record("mastodon", "ann@hr.social", down)
    network = guard.blocked("x", "acme")
    assert network is not None and network.label == "the network"
    assert network.reason == "Bluesky and hr.social failed to connect and nothing answered"
    assert network.as_dict() == {
        "platform": None,
        "host": None,
        "reason": network.reason,
        "skipped": 1,
    }


def test_an_answer_keeps_the_network_up() -> None:
    guard = ReachabilityGuard()
    down = _wrapped(ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"))
    guard.record("mastodon", "ann@fosstodon.org", NotFoundError("not found"))  # answered
    guard.record("mastodon", "val@typo.social", down)
    guard.record("mastodon", "zed@typo2.social", down)
    assert guard.blocked("mastodon", "bo@hr.social") is None
    assert guard.blocked("mastodon", "joe@typo.social") is not None
    assert [u.label for u in guard.outages] == ["typo.social", "typo2.social"]
