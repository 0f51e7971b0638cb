"""Shared fixtures: a temporary store and the optional ../shared/data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from staffpulse.store import Store, open_store

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("STAFFPULSE_SHARED_DATA", REPO_ROOT.parent / "shared" / "data"))


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
    monkeypatch.delenv("X_BEARER_TOKEN", raising=False)
    yield
