"""Whether a refresh is offline: the server each account's fetch connects to, a bounded TCP
probe, and the decision, which any one server answering (or the proxy) settles as online."""

from __future__ import annotations

import socket

import pytest

from staffpulse.fetch.refresh_offline import MAX_PROBES, can_connect, is_offline, server_of
from staffpulse.fetch.refresh_targets import RefreshTarget


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


def test_each_platform_is_asked_where_its_fetch_connects() -> None:
    config = {"x": {"base_url": "http://127.0.0.1:8080"}}
    assert server_of(RefreshTarget("x", "acme"), config) == ("127.0.0.1", 8080)
    assert server_of(RefreshTarget("bluesky", "a.bsky.social"), {}) == ("public.api.bsky.app", 443)
    assert server_of(RefreshTarget("mastodon", "acme@m.example"), {}) == ("m.example", 443)


def test_a_listening_port_connects_and_a_refused_one_does_not() -> None:
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        assert can_connect(listening.getsockname(), timeout=2)
    with socket.socket() as closed:  # bound, never listening: connection refused
        closed.bind(("127.0.0.1", 0))
        assert not can_connect(closed.getsockname(), timeout=2)


def test_one_server_answering_is_online_and_at_most_a_few_are_asked() -> None:
    later = [RefreshTarget("mastodon", f"a@m{n}.example") for n in range(10)]
    asked: list[tuple[str, int]] = []

    def nobody(server: tuple[str, int]) -> bool:
        asked.append(server)
        return False

    failed = RefreshTarget("mastodon", "a@down.example")
    assert is_offline(failed, later, {}, nobody)
    assert asked[0] == ("down.example", 443) and len(asked) == MAX_PROBES
    assert not is_offline(failed, later, {}, lambda server: server[0] == "m3.example")


def test_behind_a_proxy_only_the_proxy_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.corp.example:3128")
    asked: list[tuple[str, int]] = []
    target = RefreshTarget("bluesky", "a.bsky.social")
    assert not is_offline(target, [target], {}, lambda server: asked.append(server) is None)
    assert asked == [("proxy.corp.example", 3128)]
