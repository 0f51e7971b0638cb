"""The tests run offline (tests/conftest.py): a connection to another machine is refused with
an OSError naming the address; this machine (loopback addresses, localhost, Unix sockets) is
reachable as before; and the tests that use the real datasets carry the shared_data marker."""

from __future__ import annotations

import re
import socket
import socketserver
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import is_loopback


@pytest.fixture
def local_server() -> Iterator[int]:
    """A TCP server on 127.0.0.1 that answers every connection with b"ok"."""

    class Answer(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            self.request.sendall(b"ok")

    with socketserver.TCPServer(("127.0.0.1", 0), Answer) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield server.server_address[1]
        server.shutdown()


@pytest.mark.parametrize(
    "address",
    [("127.0.0.1", 80), ("127.8.0.1", 80), ("::1", 80, 0, 0), ("localhost", 80), "/tmp/s.sock"],
)
def test_this_machine_is_allowed(address: object) -> None:
    assert is_loopback(address)


@pytest.mark.parametrize(
    "address",
    [("93.184.216.34", 443), ("2001:db8::1", 443, 0, 0), ("example.com", 443), ("0.0.0.0", 80)],
)
def test_other_machines_are_not(address: object) -> None:
    assert not is_loopback(address)


def test_a_remote_connection_is_refused_naming_the_address() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        with pytest.raises(OSError, match=r"tests run offline: .*'93\.184\.216\.34', 443"):
            sock.connect(("93.184.216.34", 443))
        with pytest.raises(OSError, match=re.escape("93.184.216.34")):
            sock.connect_ex(("93.184.216.34", 443))
    with pytest.raises(OSError, match=re.escape("example.com")):  # refused before any DNS look-up
        socket.create_connection(("example.com", 443), timeout=1)
    with pytest.raises(OSError, match=re.escape("example.invalid")):
        urllib.request.urlopen("http://example.invalid/", timeout=1)


def test_a_local_server_is_reachable(local_server: int) -> None:
    with socket.create_connection(("127.0.0.1", local_server), timeout=5) as sock:
        assert sock.recv(2) == b"ok"
    with socket.create_connection(("localhost", local_server), timeout=5) as sock:
        assert sock.recv(2) == b"ok"


def test_the_marker_is_registered_and_only_on_tests_using_the_data(
    request: pytest.FixtureRequest,
) -> None:
    assert request.node.get_closest_marker("shared_data") is None  # this one does not use it
    assert any(line.startswith("shared_data:") for line in request.config.getini("markers"))


def test_the_real_data_tests_are_marked(shared_data: Path, request: pytest.FixtureRequest) -> None:
    assert request.node.get_closest_marker("shared_data") is not None
    assert shared_data.is_dir()
