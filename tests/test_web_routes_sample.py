"""The empty store's "Load the sample data" button (routes_sample): the sample goes into a store
of its own beside the user's, every page says it is the sample, an import goes to the user's own
store, and "Back to your own data" returns to it. No page asks a marketer for a terminal."""

from __future__ import annotations

import json
import re
import sqlite3
import warnings
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import csrf_token, finished_job, make_client, upload_files, x_archive_bytes  # noqa: E402

# a command for a terminal, shown on a page
TERMINAL = re.compile(r"<code>staffpulse |staffpulse (?:demo|listen)\b|in a terminal")


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Any]:
    with make_client(tmp_path / "mine.db") as c:
        yield c


def _posts(db: Path) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM posts").fetchone()[0])


def _main(page: str) -> str:
    return page.split('<main class="page"', 1)[1].split("<footer", 1)[0]


@pytest.mark.parametrize("url", ["/", "/benchmark", "/inbox", "/connect"])
def test_the_empty_store_offers_the_sample_as_a_button_not_a_command(client: Any, url: str) -> None:
    page = client.get(url).text
    assert 'action="/sample/load"' in page and "Load the sample data" in page
    form = page.split('action="/sample/load"', 1)[1].split("</form>", 1)[0]
    assert 'name="csrf_token"' in form
    assert not TERMINAL.search(_main(page)), _main(page)


def test_loading_the_sample_shows_it_apart_from_the_users_store(
    client: Any, tmp_path: Path
) -> None:
    token = csrf_token(client, "/")
    loaded = client.post("/sample/load", data={"csrf_token": token})
    assert loaded.status_code == 303 and loaded.headers["location"] == "/"
    home = client.get("/").text
    assert "@brightpathstaff" in home and "Import data first" not in home
    assert "Sample data" in home and "Back to your own data" in home
    # said once, in the bar: not again as a badge and a note under the page's title
    assert home.count("Sample data") == 1 and "You are looking at the bundled" not in home
    for url in ("/benchmark", "/import", "/audit/x/brightpathstaff"):
        assert 'action="/sample/leave"' in client.get(url).text, url  # the bar on every page
    assert "compared by segment" in client.get("/benchmark").text  # the sample's cohort file
    # the user's own store holds nothing of it; the sample has a store of its own beside it
    assert _posts(tmp_path / "mine.db") == 0 and _posts(tmp_path / "mine-sample.db") > 2000
    # pressing the button again (an old tab) changes nothing
    again = client.post("/sample/load", data={"csrf_token": token})
    assert again.status_code == 303 and _posts(tmp_path / "mine.db") == 0
    left = client.post("/sample/leave", data={"csrf_token": token})
    page = client.get(left.headers["location"]).text
    assert "Back to your own data." in page and "Import data first" in page
    assert "Sample data" not in page


def test_an_import_while_the_sample_is_shown_goes_to_the_users_store(
    client: Any, tmp_path: Path
) -> None:
    client.post("/sample/load", data={"csrf_token": csrf_token(client, "/")})
    assert "what you import goes there" in client.get("/import").text
    status = finished_job(client, upload_files(client, [("archive.zip", x_archive_bytes())]))
    assert status["state"] == "done"
    home = client.get("/").text
    assert "@acmestaffing" in home and "@brightpathstaff" not in home
    assert "Back to your own data" not in home
    assert _posts(tmp_path / "mine.db") == 6


def test_a_sample_store_left_behind_is_used_again_and_a_spoiled_one_made_afresh(
    tmp_path: Path,
) -> None:
    with make_client(tmp_path / "mine.db") as client:
        token = csrf_token(client, "/")
        client.post("/sample/load", data={"csrf_token": token})
        client.post("/sample/leave", data={"csrf_token": token})
    sample = tmp_path / "mine-sample.db"
    with closing(sqlite3.connect(sample)) as conn, conn:
        conn.execute("UPDATE raw_payloads SET location = 'elsewhere.jsonl'")  # not the sample
    with make_client(tmp_path / "mine.db") as client:
        client.post("/sample/load", data={"csrf_token": csrf_token(client, "/")})
        assert "Sample data" in client.get("/").text  # the bundled sample again, whole


def test_the_inbox_with_nothing_to_join_names_no_terminal_command(tmp_path: Path) -> None:
    from staffpulse.web.wording import web_text

    said = web_text(
        "No conversations to join yet. Listen first (staffpulse listen bluesky) or import "
        "posts (staffpulse import FILE)."
    )
    assert "Import page" in said and "staffpulse listen" not in said
    ads = "\n".join(
        json.dumps(
            {"type": "post", "platform": "x", "id": f"ad{i}", "author": "jobsonly",
             "text": f"Now hiring: forklift operator #{i} in Dayton, apply today",
             "created_at": f"2026-03-0{i + 1}T10:00:00Z"}
        )
        for i in range(3)
    )  # fmt: skip
    with make_client(tmp_path / "one.db") as client:
        finished_job(client, upload_files(client, [("ads.jsonl", ads.encode())]))
        page = client.get("/inbox").text
    # why, as `staffpulse inbox` says it: job ads are not conversations to join
    # only the kind it left out, not every kind it may leave out
    assert "<p>Every open conversation left is a job ad. " in page
    assert "not public" not in page.split('class="card hero"', 1)[1].split("</section>", 1)[0]
    assert "Nothing to join now:" not in page  # the heading says it once
    assert "Try a longer" not in page  # no conversation is older: a longer age adds none
    assert not TERMINAL.search(_main(page)), _main(page)
