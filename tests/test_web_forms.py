"""The cohort upload and the other forms of the dashboard, as a user meets them: a bad cohort
file never breaks the Benchmark page, unusable lines are named at the top, and every form
answers with a redirect (a reload sends nothing again; the page it leads to says why)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import csrf_token, make_client, private_copy, sample_store  # noqa: E402


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("forms"))


@pytest.fixture
def client(sample_db: Path, tmp_path: Path) -> Iterator[Any]:
    """The dashboard on a private copy of the sample store (the tests change it)."""
    with make_client(private_copy(sample_db, tmp_path)) as c:
        yield c


def _post_cohort(client: Any, name: str, data: bytes) -> Any:
    token = csrf_token(client, "/benchmark")
    return client.post(
        "/benchmark/cohort",
        data={"csrf_token": token},
        files={"cohort": (name, data, "text/csv")},
    )


def _followed(client: Any, response: Any) -> str:
    """The page a form's redirect leads to (POST, redirect, GET: reload sends nothing)."""
    assert response.status_code == 303, response.text
    page = client.get(response.headers["location"])
    assert page.status_code == 200
    return str(page.text)


def test_a_cohort_without_known_accounts_is_refused_and_not_saved(client: Any) -> None:
    response = _post_cohort(client, "bad.csv", b"handle;platform\nfoo;x\nbar;bluesky\n")
    assert response.headers["location"].startswith("/benchmark?flash=")
    page = _followed(client, response)
    assert "That cohort file was not used" in page
    assert "none of the accounts in bad.csv has posts in this store" in page
    assert "Cohort saved" not in page and "Error 400" not in page
    assert "Use this cohort" in page and "Leaderboard" in page  # the page is still there
    assert "staffpulse import" not in page
    assert not client.app.state.web.settings.saved_cohort().exists()
    again = client.get("/benchmark")
    assert again.status_code == 200 and "Leaderboard" in again.text


def test_an_empty_cohort_file_is_refused_on_the_page(client: Any) -> None:
    page = _followed(client, _post_cohort(client, "empty.csv", b"\n"))
    assert "no cohort file was attached, or the file is empty" in page
    assert "Use this cohort" in page


def test_a_file_that_is_no_text_is_called_so(client: Any) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
    page = _followed(client, _post_cohort(client, "image.png", png))
    assert "image.png is not a CSV or text file: it is a PNG image" in page
    assert "has posts" not in page and "CSV UTF-8" in page
    xlsx = _followed(client, _post_cohort(client, "firms.xlsx", b"PK\x03\x04rest"))
    assert "an Excel workbook (.xlsx)" in xlsx
    assert not client.app.state.web.settings.saved_cohort().exists()


def test_a_cohort_with_unusable_lines_says_so_at_the_top(client: Any) -> None:
    cohort = (
        b"handle,platform,segment\nbrightpathstaff,x,staffing_firm\nghost_firm,x,vendor\n"
        b"hireloop,x,vendorr\n"
    )
    page = _followed(client, _post_cohort(client, "firms.csv", cohort))
    top = page.split('class="flash warn" role="alert">', 1)[1].split("</div>\n", 1)[0]
    assert "Cohort saved, but 2 lines of it could not be used as written" in top
    assert "line 3: no account &#39;ghost_firm&#39; on x in the store" in top
    # a typo in the segment keeps the account, without a segment
    assert "unknown segment &#39;vendorr&#39;" in top and "@hireloop is kept" in top
    assert "ranks the 2 accounts of firms.csv with posts in the store, compared by segment" in top
    assert "@hireloop" in page.split("Leaderboard", 1)[1]
    # handles only: no promise of segments
    plain = _followed(client, _post_cohort(client, "handles.txt", b"brightpathstaff\nhireloop\n"))
    assert 'class="flash ok" role="status"><strong>Cohort saved:</strong>' in plain
    assert "The file names no segments" in plain and "compared by segment" not in plain
    assert "This cohort file names no segments" in plain


def test_forms_answer_with_a_redirect_so_a_reload_sends_nothing(client: Any) -> None:
    token = csrf_token(client, "/settings")
    empty = client.post(
        "/settings/tokens", data={"name": "x_bearer_token", "value": "", "csrf_token": token}
    )
    assert empty.headers["location"].startswith("/settings?flash=")
    page = _followed(client, empty)
    assert "The X API bearer token was not saved:" in page and "field was empty" in page
    assert client.get(empty.headers["location"]).text == page  # a reload shows it again
    fetch = client.post(
        "/import/fetch",
        data={"csrf_token": token, "platform": "mastodon", "handle": "not a handle"},
    )
    assert fetch.headers["location"].startswith("/import?platform=mastodon&handle=not+a+handle")
    shown = _followed(client, fetch)
    assert "The fetch was not started:" in shown and "e.g. @you@mastodon.social" in shown
    assert "bsky" not in shown.split("The fetch was not started:", 1)[1].split("</div>", 1)[0]
    # scripts asking for JSON still get the error with its status
    as_json = client.post(
        "/settings/tokens",
        data={"name": "x_bearer_token", "value": "", "csrf_token": token},
        headers={"accept": "application/json"},
    )
    assert as_json.status_code == 400 and "field was empty" in as_json.json()["error"]
    # a key nobody was given shows nothing
    assert "flash" not in client.get("/settings?flash=made-up").text.split("<main", 1)[1][:300]


def test_a_saved_cohort_that_stopped_working_keeps_the_toolbar(client: Any) -> None:
    settings = client.app.state.web.settings
    settings.saved_cohort().write_text("nobody_here,x,vendor\n", encoding="utf-8")
    settings.saved_cohort_name().write_text("old.csv\n", encoding="utf-8")
    client.app.state.web.backend.invalidate()
    page = client.get("/benchmark")
    assert page.status_code == 200
    assert "The benchmark cannot be shown" in page.text
    assert "no account &#39;nobody_here&#39;" in page.text
    assert "Use this cohort" in page.text and "Stop using the uploaded cohort" in page.text
    assert "old.csv" in page.text and str(settings.saved_cohort()) not in page.text
    token = csrf_token(client, "/benchmark")
    removed = client.post("/benchmark/cohort", data={"csrf_token": token, "action": "remove"})
    assert removed.status_code == 303
    assert "Leaderboard" in client.get("/benchmark").text
    assert not settings.saved_cohort_name().exists()


def test_a_handle_on_two_platforms_asks_for_the_platform_on_its_line(client: Any) -> None:
    from datetime import UTC, datetime

    from staffpulse.models import Account, Post, Provenance
    from staffpulse.store import open_store

    when = datetime(2026, 3, 1, tzinfo=UTC)
    account = Account(platform="bluesky", id="did:b", handle="brightpathstaff")
    post = Post(platform="bluesky", id="at://b/1", author_id="did:b", text="hi", created_at=when)
    with open_store(client.app.state.web.settings.db_path) as store:  # the same handle on bsky
        store.upsert([account, post], Provenance("test", "here", "t", when))
    client.app.state.web.backend.invalidate()
    refused = _followed(client, _post_cohort(client, "one.csv", b"brightpathstaff\n"))
    assert "no line of one.csv names a single account in the store" in refused
    assert "write the platform on each line" in refused and "brightpathstaff,x" in refused
    assert "import the accounts" not in refused and "--platform" not in refused
    cohort = b"brightpathstaff\nghost_firm,x\n"
    refused = _followed(client, _post_cohort(client, "two.csv", cohort))
    assert "import the accounts&#39; posts first on the Import page; write the platform" in refused
    cohort += b"brightpathstaff,x\n"
    saved = _followed(client, _post_cohort(client, "three.csv", cohort))
    assert "Cohort saved, but 2 lines of it could not be used" in saved
    assert "line 1: &#39;brightpathstaff&#39; exists on several platforms (bluesky, x): write " in (
        saved
    )
    assert "write the platform on this line, e.g. brightpathstaff,bluesky or brightpathstaff,x" in (
        saved
    )
    assert "Cohort lines we could not use as written" in saved and "--platform" not in saved


def test_the_benchmark_names_the_users_cohort_file(client: Any) -> None:
    cohort = b"handle,platform,segment\nbrightpathstaff,x,staffing_firm\nghost_firm,x,vendor\n"
    page = _followed(client, _post_cohort(client, "My firms 2026.csv", cohort))
    assert "Cohort saved" in page
    assert "My firms 2026.csv" in page
    assert (
        "-cohort.csv" not in page and str(client.app.state.web.settings.db_path.parent) not in page
    )
    assert "Cohort lines we could not use as written" in page and "ghost_firm" in page
    assert "staffpulse import FILE" not in page and "staffpulse accounts" not in page


def test_text_fields_named_like_the_upload_do_not_pass_for_a_file(client: Any) -> None:
    """A client can post any field name: one called like the upload's parts is a field, so a
    form without a file is refused as one, and nothing is saved."""
    cohort = "handle,platform,segment\nbrightpathstaff,x,staffing_firm\n"
    fields = {
        "csrf_token": csrf_token(client, "/benchmark"),
        "__file__": cohort,
        "__filename__": "spoofed.csv",
        "__encoding_note__": "read as windows-1252",
    }
    page = _followed(client, client.post("/benchmark/cohort", data=fields))
    assert "no cohort file was attached, or the file is empty" in page
    assert "spoofed.csv" not in page and "Cohort saved" not in page
    assert not client.app.state.web.settings.saved_cohort().exists()
