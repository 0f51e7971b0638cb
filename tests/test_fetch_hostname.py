"""A server name that does not exist (a mistyped instance or address): each platform's real
client says it could not reach the platform, offline or a wrong address (the server's name as
the detail), and where the address was written, once, and does not retry."""

from __future__ import annotations

import socket
from typing import Any

import pytest
import requests

from staffpulse.errors import FetchError
from staffpulse.fetch.bluesky import BlueskyFetcher
from staffpulse.fetch.hostname import unknown_host
from staffpulse.fetch.mastodon import MastodonFetcher
from staffpulse.fetch.x import XFetcher
from staffpulse.fetch.x_client import make_client
from staffpulse.next_steps import shown_config_path
from staffpulse.store import Store

HOST = "mastodon.nonexistent.invalid"  # RFC 2606: never resolves


@pytest.fixture(autouse=True)
def no_such_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """The name server's answer for an .invalid name, given at once: the tests stay offline
    and do not wait on a slow resolver."""
    lookup, connect = socket.getaddrinfo, socket.create_connection  # the latter tests' guard

    def no_such(host: object) -> None:
        if str(host).endswith(".invalid"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    def fake_lookup(host: Any, *args: Any, **kwargs: Any) -> Any:
        no_such(host)
        return lookup(host, *args, **kwargs)

    def fake_connect(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        no_such(address[0])  # httpx connects by name: the lookup is inside
        return connect(address, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake_lookup)
    monkeypatch.setattr(socket, "create_connection", fake_connect)


def _check(error: FetchError, sleeps: list[float], where: str, service: str) -> None:
    # in a marketer's words, offline first; the server's name only as the detail in brackets
    # ("the name ... could not be found" read as network jargon)
    assert f": could not reach {service}: no internet connection, or " in error.message
    assert error.message.endswith(f" ({HOST} was not found)"), error.message
    assert "could not be found" not in error.message
    assert str(error.hint).startswith(
        "check your connection first (does a website open?); if it works, " + where
    )
    assert str(error.hint).endswith("; nothing was fetched; then try again"), error.hint
    assert sleeps == []  # not retried: the name will not exist on the next try either
    assert error.exit_code == 75


def test_mastodon(store: Store) -> None:
    sleeps: list[float] = []
    fetcher = MastodonFetcher(store, config={}, sleep=sleeps.append)
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(f"@acme@{HOST}")
    _check(
        caught.value,
        sleeps,
        "check the spelling of the instance (--instance, or the part after",
        "Mastodon",
    )
    assert "a misspelt server name" in caught.value.message
    assert caught.value.message.startswith(f"@acme@{HOST}")


def test_bluesky(store: Store) -> None:
    sleeps: list[float] = []
    config = {"bluesky": {"appview_url": f"https://{HOST}"}}
    with pytest.raises(FetchError) as caught:
        BlueskyFetcher(store, config=config, sleep=sleeps.append).fetch("acme.bsky.social")
    where = f"check [bluesky] appview_url in {shown_config_path()}"
    _check(caught.value, sleeps, where, "Bluesky")
    assert "a wrong address in the settings" in caught.value.message


def test_x(store: Store) -> None:
    sleeps: list[float] = []
    client = make_client("secret-token", f"https://{HOST}", 10.0)
    fetcher = XFetcher(store, config={}, client=client, sleep=sleeps.append)
    with pytest.raises(FetchError) as caught:
        fetcher.fetch("acme")
    _check(caught.value, sleeps, f"check [x] base_url in {shown_config_path()} ({HOST})", "X")
    assert "secret-token" not in f"{caught.value.message} {caught.value.hint}"


def test_being_offline_is_not_taken_for_a_wrong_name() -> None:
    # the name server not answering (EAI_AGAIN) is the network, where retrying helps
    offline = requests.ConnectionError(socket.gaierror(socket.EAI_AGAIN, "Temporary failure"))
    assert not unknown_host(offline)
    refused = requests.ConnectionError(ConnectionRefusedError(111, "Connection refused"))
    assert not unknown_host(refused)
    assert unknown_host(requests.ConnectionError(socket.gaierror(socket.EAI_NONAME, "no")))
