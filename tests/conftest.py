"""Shared fixtures: a temporary store and the optional ../shared/data folder; and, for the
`staffpulse listen` and `staffpulse inbox` tests, a local Jetstream replay server.

Every test runs offline: a connection to anything but this machine (127.0.0.1, ::1,
localhost, a Unix socket) is refused with an OSError naming the address, so a test that
forgets to inject its fake client fails instead of calling a real API. The tests that use
the real datasets (the ``shared_data`` fixture) carry the ``shared_data`` marker, so a run
can select them (``-m shared_data``) and the summary says how many were skipped for want of
the folder.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import os
import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from pytest_httpserver import HTTPServer

from staffpulse.config import SECRET_ENV
from staffpulse.store import Store, open_store

if TYPE_CHECKING:
    from staffpulse.listen.replay import ReplayServer

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("STAFFPULSE_SHARED_DATA", REPO_ROOT.parent / "shared" / "data"))
# The firm's account in the replayed Jetstream streams.
FIRM = "did:plc:firm0000000000000000000"
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})
# The dashboard renders with StrictUndefined here (staffpulse.web.render), so a misspelt
# template variable fails a test instead of printing nothing; servers started by tests inherit it.
os.environ.setdefault("STAFFPULSE_STRICT_TEMPLATES", "1")


def is_loopback(address: object) -> bool:
    """Whether a socket address is on this machine: a loopback IP or name, or a Unix socket
    (a path). A host name is never resolved: only the loopback names pass."""
    if isinstance(address, str | bytes):  # AF_UNIX: a file on this machine
        return True
    if not isinstance(address, tuple) or not address:
        return False
    host = address[0]
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    host = host.strip("[]").split("%")[0].lower()  # [::1], fe80::1%eth0
    if host in LOOPBACK_NAMES:
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    mapped = ip.ipv4_mapped if isinstance(ip, ipaddress.IPv6Address) else None
    return ip.is_loopback or (mapped is not None and mapped.is_loopback)


def refuse_remote(address: object) -> None:
    """Raise an OSError naming ``address`` unless it is on this machine."""
    if not is_loopback(address):
        raise OSError(
            f"tests run offline: a connection to {address!r} was refused (tests/conftest.py "
            "allows only 127.0.0.1, ::1 and localhost; inject a fake client or a local server)"
        )


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse every connection that would leave this machine (see the module docstring)."""
    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex
    create_connection = socket.create_connection

    def guarded_connect(self: socket.socket, address: Any) -> None:
        refuse_remote(address)
        connect(self, address)

    def guarded_connect_ex(self: socket.socket, address: Any) -> int:
        refuse_remote(address)
        return connect_ex(self, address)

    def guarded_create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        refuse_remote(address)  # before the name is looked up: no DNS query either
        return create_connection(address, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)
    monkeypatch.setattr(socket, "create_connection", guarded_create_connection)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that asks for the real datasets (however it gets the fixture)."""
    for item in items:
        if "shared_data" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.shared_data)


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist's own, which reads -n and --dist
def pytest_cmdline_main(config: pytest.Config) -> None:
    """The suite on every core when pytest-xdist is installed (the dev extra): ``-n auto
    --dist loadfile``, one worker per core, each taking whole test files (so a module's
    fixtures, its live dashboard say, start once). Set here, not in pyproject's addopts, where
    a pytest without xdist stopped on "unrecognized arguments: -n". A ``-n`` typed (``-n 0``:
    this process alone) is kept; a worker starts no workers of its own."""
    if not config.pluginmanager.hasplugin("xdist") or hasattr(config, "workerinput"):
        return
    if config.option.numprocesses is None:
        config.option.numprocesses = "auto"
        if config.option.dist == "no":
            config.option.dist = "loadfile"


# A run of a few named test files stays in this process: starting workers, each importing
# what the tests need, costs more than sharing so few tests saves.
FEW_TEST_FILES = 4


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook: absent without it
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """How many workers ``-n auto`` (:func:`pytest_cmdline_main`) starts: none for a run of at most
    FEW_TEST_FILES named test files (``pytest tests/test_x.py``), else xdist's own count (one
    per core, or PYTEST_XDIST_AUTO_NUM_WORKERS)."""
    named = [Path(str(arg).split("::")[0]) for arg in config.args]
    if named and len(set(named)) <= FEW_TEST_FILES and all(path.is_file() for path in named):
        return 0
    return None


@pytest.hookimpl(trylast=True)  # after the test's fixtures are torn down
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """Keep the shared Chromium (tests/browser_helpers.py) up while the tests that follow need
    it, and stop it before any other: its driver keeps an event loop running in this thread,
    where ``asyncio.run`` would refuse to start."""
    helpers = sys.modules.get("browser_helpers")
    if helpers is not None and (nextitem is None or nextitem.get_closest_marker("browser") is None):
        helpers.stop_shared_chromium()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Say how many tests skipped because ../shared/data is absent, not only "N skipped"."""
    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if "shared_data" in getattr(report, "keywords", {})
    ]
    if skipped:
        terminalreporter.write_line(
            f"{len(skipped)} shared_data tests skipped: the real data folder {SHARED_DATA} "
            "is absent (set STAFFPULSE_SHARED_DATA to run them)"
        )


@pytest.fixture(scope="session")
def make_httpserver() -> Iterator[HTTPServer]:
    """pytest-httpserver's server for the session, on 127.0.0.1 at a port the system picks (no
    name to resolve: "localhost" may be tried as ::1 first), threaded: a client's request (an
    avatar download, say) never waits behind another still being answered. The ``httpserver``
    fixture clears what a test asked of it when the test ends, so tests never see each other's."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


@pytest.fixture
def store() -> Iterator[Store]:
    """An empty, migrated in-memory store (modules may define their own ``store``)."""
    with open_store(":memory:") as db:
        yield db


@pytest.fixture
def shared_data() -> Path:
    """The real datasets beside the checkout; tests using them skip on a user's machine."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real data folder {SHARED_DATA} is absent")
    return SHARED_DATA


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Never let a test touch the developer's real data or config directories."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("STAFFPULSE_HOME", str(home))
    monkeypatch.delenv("STAFFPULSE_DB", raising=False)
    monkeypatch.delenv("STAFFPULSE_CONFIG", raising=False)
    for secret in SECRET_ENV.values():  # a developer's own tokens never reach a test server
        monkeypatch.delenv(secret, raising=False)
    yield


class ServerThread:
    """A ReplayServer on its own event loop in a thread, for a synchronous CLI call.

    It listens on 127.0.0.1 at a port the system picks, so tests running at the same time never
    share one. Leaving the ``with`` stops it, closes its connections and its event loop (one
    left open per test leaked its file descriptors), and fails the test if it did not stop; a
    server that could not start fails ``with`` at once, saying why, rather than leaving a test
    to connect to nothing."""

    START_STOP_SECONDS = 10.0

    def __init__(self, frames: list[str], drop_after: int | None = None) -> None:
        from staffpulse.listen.replay import (
            ReplayServer,  # on use: staffpulse.listen is slow to load
        )

        self.server = ReplayServer(frames, drop_after=drop_after)
        # a Runner, as asyncio.run: on closing, the tasks left (a connection still in its
        # handshake) are cancelled and awaited before the loop closes, not dropped half-run;
        # with a loop factory, it never makes its loop the test thread's current one
        self._runner = asyncio.Runner(loop_factory=asyncio.new_event_loop)
        self.loop = self._runner.get_loop()
        self._ready = threading.Event()
        self._stop: asyncio.Future[None] | None = None
        self._failed: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        try:
            self._runner.run(self._serve())
        except BaseException as exc:  # told by __enter__, not lost in the thread
            self._failed = exc
        finally:
            self._ready.set()
            self._runner.close()

    async def _serve(self) -> None:
        self._stop = self.loop.create_future()
        async with self.server:
            self._ready.set()
            await self._stop

    def __enter__(self) -> ReplayServer:
        self.thread.start()
        started = self._ready.wait(self.START_STOP_SECONDS)
        if self._failed is not None or not started:
            self.__exit__()
            raise RuntimeError(
                f"the replay server did not start: {self._failed or 'no answer in 10 s'}"
            ) from self._failed
        return self.server

    def __exit__(self, *exc: object) -> None:
        stop = self._stop
        if stop is not None and self.thread.is_alive():
            # a loop closed meanwhile (RuntimeError) means the server is gone already
            with contextlib.suppress(RuntimeError):
                self.loop.call_soon_threadsafe(lambda: stop.done() or stop.set_result(None))
        self.thread.join(self.START_STOP_SECONDS)
        if self.thread.is_alive():
            raise RuntimeError("the replay server did not stop within 10 s")
