"""Shared fixtures: a temporary store and the optional ../shared/data folder; and, for the
`staffpulse listen` and `staffpulse inbox` tests, a local Jetstream replay server."""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

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


@pytest.fixture(scope="session")
def make_httpserver() -> Iterator[HTTPServer]:
    """pytest-httpserver's server, threaded: a request the fakes stall on purpose (to make the
    client time out) must not hold up the client's next request."""
    server = HTTPServer(host="localhost", port=0, threaded=True)
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
    """A ReplayServer on its own event loop, for a synchronous CLI call."""

    def __init__(self, frames: list[str], drop_after: int | None = None) -> None:
        from staffpulse.listen.replay import (
            ReplayServer,  # on use: staffpulse.listen is slow to load
        )

        self.server = ReplayServer(frames, drop_after=drop_after)
        self.loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._stop: asyncio.Future[None] | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_until_complete(self._serve())

    async def _serve(self) -> None:
        self._stop = self.loop.create_future()
        async with self.server:
            self._ready.set()
            await self._stop

    def __enter__(self) -> ReplayServer:
        self.thread.start()
        self._ready.wait(10)
        return self.server

    def __exit__(self, *exc: object) -> None:
        assert self._stop is not None
        self.loop.call_soon_threadsafe(self._stop.set_result, None)
        self.thread.join(10)
