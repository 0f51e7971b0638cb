"""The Accounts page, the dashboard's home (routes_core): it says in plain words what each
pillar's grade looks at (a faceless account shows a logo instead of a person's face)."""

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
    return sample_store(tmp_path_factory.mktemp("core"))


@pytest.fixture
def client(sample_db: Path, tmp_path: Path) -> Iterator[Any]:
    with make_client(private_copy(sample_db, tmp_path)) as c:
        yield c


def test_the_home_page_says_what_a_faceless_account_shows(client: Any) -> None:
    home = page_words(client.get("/").text)
    assert "faceless face" not in home
    assert "a logo instead of a person’s face ( face )" in home
