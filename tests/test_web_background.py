"""Slow pages prepared in the background (staffpulse.web.background): a page whose
computation fails shows its error, and the next visit tries again rather than showing the
old failure. (Each slow page's progress is tested beside its route: the Inbox in
test_web_routes_inbox.py, Connect in test_web_routes_people.py, the Benchmark in
test_web_routes_bench.py.)"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import make_client, private_copy, sample_store  # noqa: E402


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("background"))


@pytest.fixture
def fresh_db(sample_db: Path, tmp_path: Path) -> Path:
    """A private copy of the sample store, for a test whose app is set up otherwise."""
    return private_copy(sample_db, tmp_path)


def test_a_failing_background_page_shows_its_error_once_then_retries(
    fresh_db: Path, monkeypatch: Any
) -> None:
    from staffpulse.errors import InputError

    calls: list[int] = []

    def broken(self: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        raise InputError("the inbox broke", hint="try again")

    with make_client(fresh_db, page_wait=5.0) as client:
        monkeypatch.setattr(type(client.app.state.web.backend), "inbox", broken)
        page = client.get("/inbox")
        assert page.status_code == 400 and "the inbox broke" in page.text
        assert client.get("/inbox").status_code == 400
    assert len(calls) == 2  # each visit after a failure tries again
