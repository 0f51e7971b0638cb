"""Connect's page and its downloads (web/routes_people.py, /connect and /connect/export) on
the sample cohort: the spreadsheet and the X list, no export buttons without suggestions, and a
format that fits none of the accounts refused with a page that says why."""

from __future__ import annotations

import warnings
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import sample_cohort_client, sample_db_of_module  # noqa: E402

sample_db = pytest.fixture(sample_db_of_module, scope="module", name="sample_db")
client = pytest.fixture(sample_cohort_client, scope="module", name="client")


def test_connect_page_and_exports(client: Any) -> None:
    page = client.get("/connect?account=x:brightpathstaff")
    assert page.status_code == 200
    assert "Who @brightpathstaff should follow" in page.text
    assert "Spreadsheet (CSV)" in page.text and "X list" in page.text
    csv = client.get("/connect/export?account=x:brightpathstaff&format=csv")
    # the file Excel reads as UTF-8 (byte order mark), with each account's address
    assert csv.status_code == 200 and csv.content.startswith(b"\xef\xbb\xbfrank,platform,handle")
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
