"""Small slips a consultant found: a refused token names which token, an old job page is not
found (not a bad request), the home page says what a faceless account is in plain words, a
failed Bluesky or Mastodon fetch gives its advice once, and a cohort file of handles alone is
told to add a segment column."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import (  # noqa: E402
    csrf_token,
    finished_job,
    make_client,
    private_copy,
    sample_store,
)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("qa"))


@pytest.fixture
def client(sample_db: Path, tmp_path: Path) -> Iterator[Any]:
    with make_client(private_copy(sample_db, tmp_path)) as c:
        yield c


def _words(page: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def test_a_refused_token_names_which_token(client: Any, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("STAFFPULSE_HOME", str(tmp_path))
    form = {"name": "mastodon_access_token", "value": "abc def<script>"}
    sent = client.post("/settings/tokens", data={**form, "csrf_token": csrf_token(client)})
    page = _words(client.get(sent.headers["location"]).text)
    assert "The Mastodon access token was not saved: that does not look like a token" in page


def test_an_import_the_dashboard_no_longer_knows_is_not_found(client: Any) -> None:
    page = client.get("/jobs/bb90b549b602")
    assert page.status_code == 404
    words = _words(page.text)
    assert "This import is no longer known (the dashboard was restarted)" in words
    assert "see the Accounts page (Your accounts) for what was imported" in words
    assert client.get("/api/jobs/bb90b549b602").status_code == 404


def test_the_home_page_says_what_a_faceless_account_shows(client: Any) -> None:
    home = _words(client.get("/").text)
    assert "faceless face" not in home
    assert "a logo instead of a person’s face ( face )" in home


@pytest.mark.parametrize(
    ("platform", "name", "handle"),
    [("bluesky", "Bluesky", "acme.bsky.social"), ("mastodon", "Mastodon", "acme@example.social")],
)
def test_an_offline_fetch_gives_its_advice_once(
    client: Any, monkeypatch: Any, platform: str, name: str, handle: str
) -> None:
    from staffpulse.errors import FetchError
    from staffpulse.fetch.common import RESUME_HINT

    def offline(store: Any, handle: str, **kwargs: Any) -> Any:
        raise FetchError(
            f"@{handle}: {name} request to https://example.invalid failed (NetworkError)",
            hint=f"check your connection; {RESUME_HINT}",
        )

    monkeypatch.setattr(f"staffpulse.fetch.{platform}.fetch_{platform}", offline)
    form = {"platform": platform, "handle": handle, "csrf_token": csrf_token(client)}
    status = finished_job(client, client.post("/import/fetch", data=form))
    page = client.get(f"/jobs/{status['id']}").text
    assert f"{name} could not be reached: check that this computer is online" in page
    assert page.count("online") == 1 and "check your connection" not in page
    assert "What to do:</strong> everything fetched so far is stored" in page


def test_a_cohort_of_handles_alone_is_told_to_add_a_segment_column(client: Any) -> None:
    sent = client.post(
        "/benchmark/cohort",
        data={"csrf_token": csrf_token(client, "/benchmark")},
        files={"cohort": ("handles.csv", b"handle\nbrightpathstaff\nhireloop\n", "text/csv")},
    )
    page = _words(client.get(sent.headers["location"]).text)
    assert "add a segment column (staffing firm, vendor, recruiter, HR or other)" in page
    assert "third column" not in page
