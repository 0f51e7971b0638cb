"""The replay server the `staffpulse listen` tests run in a thread (tests/conftest.py): on
127.0.0.1 at a port of its own, so two at once never collide; stopped on leaving ``with``, with
its port closed and its event loop closed; and a server that cannot start says so at once."""

from __future__ import annotations

import socket

import pytest

from conftest import ServerThread


def _port(url: str) -> int:
    return int(url.rsplit(":", 1)[1].split("/", 1)[0])


def _refused(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def test_two_servers_at_once_listen_on_their_own_local_port() -> None:
    with ServerThread(["{}"]) as one, ServerThread(["{}"]) as two:
        assert one.url.startswith("ws://127.0.0.1:") and two.url.startswith("ws://127.0.0.1:")
        assert _port(one.url) != _port(two.url)
        assert not _refused(_port(one.url)) and not _refused(_port(two.url))


def test_leaving_with_stops_the_server_and_closes_its_loop() -> None:
    thread = ServerThread(["{}"])
    with thread as server:
        port = _port(server.url)
    assert not thread.thread.is_alive() and thread.loop.is_closed()
    assert _refused(port)


def test_a_server_that_cannot_start_says_so_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    thread = ServerThread(["{}"])

    async def cannot_listen() -> None:
        raise OSError("address already in use")

    monkeypatch.setattr(type(thread.server), "__aenter__", lambda self: cannot_listen())
    with pytest.raises(RuntimeError, match="did not start: address already in use"):
        thread.__enter__()
    assert not thread.thread.is_alive() and thread.loop.is_closed()
