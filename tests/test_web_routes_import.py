"""The import job page (routes_import): an import the dashboard no longer knows (it was
restarted) is not found, and says where to see what was imported."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import make_client, page_words, private_copy, sample_store  # noqa: E402


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("import"))


@pytest.fixture
def client(sample_db: Path, tmp_path: Path) -> Iterator[Any]:
    with make_client(private_copy(sample_db, tmp_path)) as c:
        yield c


def test_an_import_the_dashboard_no_longer_knows_is_not_found(client: Any) -> None:
    page = client.get("/jobs/bb90b549b602")
    assert page.status_code == 404
    words = page_words(page.text)
    assert "This import is no longer known (the dashboard was restarted)" in words
    assert "see the Accounts page (Your accounts) for what was imported" in words
    assert client.get("/api/jobs/bb90b549b602").status_code == 404
