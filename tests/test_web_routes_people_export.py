"""Connect's page and its downloads (web/routes_people.py, /connect and /connect/export) on
the sample cohort: the spreadsheet and the X list, no export buttons without suggestions, and a
format that fits none of the accounts refused with a page that says why."""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import make_client, sample_cohort_client, sample_db_of_module  # noqa: E402

sample_db = pytest.fixture(sample_db_of_module, scope="module", name="sample_db")
client = pytest.fixture(sample_cohort_client, scope="module", name="client")


def test_connect_page_and_exports(client: Any) -> None:
    page = client.get("/connect?account=x:brightpathstaff")
    assert page.status_code == 200
    assert "Who @brightpathstaff should follow" in page.text
    assert "Spreadsheet (CSV)" in page.text and "X list" in page.text
    csv = client.get("/connect/export?account=x:brightpathstaff&format=csv")
    # the file Excel reads as UTF-8 (byte order mark), with each account's address
    assert csv.status_code == 200 and csv.content.startswith(
        b"\xef\xbb\xbfrank,tied_with,platform,handle"
    )
    assert ",https://x.com/" in csv.text
    assert "attachment" in csv.headers["content-disposition"]
    xlist = client.get("/connect/export?account=x:brightpathstaff&format=x-list")
    assert xlist.text.splitlines() and all(line.startswith("@") for line in xlist.text.splitlines())
    # no suggestion, no export buttons that could only fail
    lonely = client.get("/connect?account=bluesky:adabrightwell.bsky.social").text
    assert "0 suggestions" in lonely and "Export:" not in lonely
    # X accounts make no Bluesky list: no empty download, a page that says why
    bluesky = client.get("/connect/export?account=x:brightpathstaff&format=bluesky-list")
    assert bluesky.status_code == 400 and "nothing to export" in bluesky.text
    assert "attachment" not in bluesky.headers.get("content-disposition", "")


def test_connect_page_says_what_the_x_list_leaves_out(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import timedelta

    from connect_fixtures import NOW, add_posts, connect_db
    from staffpulse.models import Post
    from staffpulse.store import open_store
    from web_helpers import make_client

    db = connect_db(tmp_path, monkeypatch)
    unseen = "1357924680135792468"  # known only by its id, as in an X archive's follower.js
    with open_store(db) as store:
        add_posts(
            store,
            Post(
                platform="x",
                id="r1",
                author_id="id_rita_recruits",
                author_handle="rita_recruits",
                text="I think so",
                created_at=NOW - timedelta(days=1),
                kind="reply",
                reply_to_account_id=unseen,
            ),
        )
    page = (
        make_client(db)
        .get("/connect?account=x:acme_staffing&include=unseen&include=contacts&role=")
        .text
    )
    assert f"account id {unseen}" in page and f"https://x.com/i/user/{unseen}" in page
    assert "known only by its account id" in page
    assert "The X list leaves out 1 of the" in page and "no handle stored" in page


def test_an_export_that_would_hold_no_account_is_not_offered(tmp_path: Path) -> None:
    # an X archive's followers are known by id only: the X list (handles only) would be
    # empty, and its button downloaded the refusal page as "export.html"
    from datetime import UTC, datetime

    from staffpulse.models import Account, Follow, Post
    from staffpulse.sources.base import provenance
    from staffpulse.store import open_store

    db = tmp_path / "ids.db"
    when = datetime(2026, 3, 1, tzinfo=UTC)
    with open_store(db) as store:
        store.upsert(
            [
                Account(platform="x", id="1", handle="acme"),
                Post(platform="x", id="p1", author_id="1", text="Hello team", created_at=when),
                *(Follow(platform="x", follower_id=f, followee_id="1") for f in ("71", "72")),
            ],
            provenance("x_archive", tmp_path / "follower.js"),
        )
    with make_client(db) as ids_only:
        page = ids_only.get("/connect?account=x:acme&include=unseen&role=any").text
    assert "account id 71" in page and "Spreadsheet (CSV)" in page
    assert "format=x-list" not in page  # no button for a file that would hold no account
    assert "The X list leaves out 2 of the 2 suggestions" in page


def test_an_export_from_an_empty_store_says_what_to_do(tmp_path: Path) -> None:
    with make_client(tmp_path / "empty.db") as empty:
        response = empty.get("/connect/export?format=csv")
    assert response.status_code == 400
    assert "no account with posts to suggest follows for" in response.text
    assert "Import page" in response.text


def test_connect_downloads_are_named_after_the_account_and_format_once(client: Any) -> None:
    """ "follow-brightpathstaff.csv", not "follow-brightpathstaff-csv.csv"."""
    names = {}
    for fmt in ("csv", "x-list"):
        exported = client.get(f"/connect/export?account=x:brightpathstaff&format={fmt}")
        assert exported.status_code == 200
        found = re.search(r'filename="([^"]+)"', exported.headers["content-disposition"])
        assert found
        names[fmt] = found.group(1)
    assert names == {
        "csv": "follow-brightpathstaff.csv",
        "x-list": "follow-brightpathstaff-x-list.txt",
    }
