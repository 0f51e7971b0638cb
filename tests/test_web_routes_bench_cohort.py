"""A cohort file uploaded on the Benchmark page (routes_bench, POST /benchmark/cohort): read as
the Import page and the CLI read files (UTF-16 with its mark, Excel's "Unicode text";
Windows-1252 with a note; tab-separated); a bad one refused with the page intact and the
reason on it, unusable lines named at the top, a saved cohort that stopped working, a handle on
two platforms, and the user's own file name."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import csrf_token, followed_page, make_client, private_copy, sample_store  # noqa: E402

COHORT = "handle,platform,segment\nbrightpathstaff,x,staffing_firm\nhireloop,x,vendor\n"


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("cohort"))


@pytest.fixture
def client(sample_db: Path, tmp_path: Path) -> Iterator[Any]:
    with make_client(private_copy(sample_db, tmp_path)) as c:
        yield c


def _saved(client: Any, name: str, data: bytes) -> str:
    token = csrf_token(client, "/benchmark")
    response = client.post(
        "/benchmark/cohort",
        data={"csrf_token": token},
        files={"cohort": (name, data, "text/csv")},
    )
    assert response.status_code == 303, response.text
    page = client.get(response.headers["location"])
    assert page.status_code == 200
    return " ".join(re.sub(r"<[^>]+>", " ", page.text).split())


def test_a_utf16_cohort_with_its_mark_is_read(client: Any) -> None:
    data = COHORT.encode("utf-16")  # with its byte order mark, as Excel saves "Unicode text"
    page = _saved(client, "excel.csv", data)
    assert "Cohort saved: the benchmark now ranks the 2 accounts of excel.csv" in page
    assert "not a CSV or text file" not in page


def test_a_windows_1252_cohort_is_kept_with_a_note(client: Any) -> None:
    data = (COHORT + "caf\u00e9firm,x,other\n").encode("cp1252")
    page = _saved(client, "accents.csv", data)
    assert "Cohort saved" in page
    assert "accents.csv: the file is not saved as UTF-8 (first at line 4)" in page
    assert "read as Windows-1252" in page
    assert "café" in page  # the line not found is named with its accent intact, no "caf�"


def test_utf16_without_its_mark_is_still_refused(client: Any) -> None:
    page = _saved(client, "nomark.csv", COHORT.encode("utf-16-le"))
    assert "That cohort file was not used" in page
    assert "nomark.csv is not a CSV or text file: it is binary data (or UTF-16 text saved" in page


def test_a_tab_separated_cohort_is_offered_and_read(client: Any) -> None:
    bench = client.get("/benchmark").text
    accept = re.search(r'id="cohort-file"[^>]*accept="([^"]+)"', bench)
    assert accept and accept.group(1).split(",") == [".csv", ".tsv", ".txt"]
    page = _saved(client, "firms.tsv", COHORT.replace(",", "\t").encode())
    assert "Cohort saved: the benchmark now ranks the 2 accounts of firms.tsv" in page


def test_a_mostly_broken_cohort_keeps_the_one_that_worked(client: Any) -> None:
    good = "handle,platform,segment\n" + "".join(
        f"{h},x,{s}\n"
        for h, s in [("brightpathstaff", "staffing firm"), ("hireloop", "vendor"),
                     ("mia_recruits", "recruiter")]
    )  # fmt: skip
    assert "Cohort saved: the benchmark now ranks the 3 accounts" in _saved(
        client, "good.csv", good.encode()
    )
    page = _saved(client, "bad.csv", b"mia_recruits,x,wizard\n,,\nfoo\n")
    assert "That cohort file was not used:" in page and "3 lines of bad.csv could not" in page
    assert "Nothing was changed: the benchmark is the one you had." in page
    # the form's words for the segments, not the code's
    assert "use one of: staffing firm, vendor, job board, recruiter, HR or other" in page
    assert "staffing_firm" not in page and " hr," not in page
    assert "3 accounts ranked" in page  # still the good cohort


def test_a_cohort_with_a_few_bad_lines_is_still_saved_in_the_forms_words(client: Any) -> None:
    cohort = COHORT + "mia_recruits,x,wizard\n"
    page = _saved(client, "firms.csv", cohort.encode())
    assert "Cohort saved, but 1 line of it could not be used as written" in page
    assert "use one of: staffing firm, vendor, job board, recruiter, HR or other" in page


def _post_cohort(client: Any, name: str, data: bytes) -> Any:
    token = csrf_token(client, "/benchmark")
    return client.post(
        "/benchmark/cohort",
        data={"csrf_token": token},
        files={"cohort": (name, data, "text/csv")},
    )


def test_a_cohort_without_known_accounts_is_refused_and_not_saved(client: Any) -> None:
    response = _post_cohort(client, "bad.csv", b"handle;platform\nfoo;x\nbar;bluesky\n")
    assert response.headers["location"].startswith("/benchmark?flash=")
    page = followed_page(client, response)
    assert "That cohort file was not used" in page
    assert "none of the accounts in bad.csv has posts in this store" in page
    assert "Cohort saved" not in page and "Error 400" not in page
    assert "Use this cohort" in page and "Leaderboard" in page  # the page is still there
    assert "staffpulse import" not in page
    assert not client.app.state.web.settings.saved_cohort().exists()
    again = client.get("/benchmark")
    assert again.status_code == 200 and "Leaderboard" in again.text


def test_an_empty_cohort_file_is_refused_on_the_page(client: Any) -> None:
    page = followed_page(client, _post_cohort(client, "empty.csv", b"\n"))
    assert "no cohort file was attached, or the file is empty" in page
    assert "Use this cohort" in page


def test_a_file_that_is_no_text_is_called_so(client: Any) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
    page = followed_page(client, _post_cohort(client, "image.png", png))
    assert "image.png is not a CSV or text file: it is a PNG image" in page
    assert "has posts" not in page and "CSV UTF-8" in page
    xlsx = followed_page(client, _post_cohort(client, "firms.xlsx", b"PK\x03\x04rest"))
    assert "an Excel workbook (.xlsx)" in xlsx
    assert not client.app.state.web.settings.saved_cohort().exists()
    # nothing in it is an account: no "fetch its accounts with the same file" (QA s30)
    for refused in (page, xlsx):
        assert "Nothing was changed" in refused and "with the same file" not in refused


def test_a_cohort_with_unusable_lines_says_so_at_the_top(client: Any) -> None:
    cohort = (
        b"handle,platform,segment\nbrightpathstaff,x,staffing_firm\nghost_firm,x,vendor\n"
        b"hireloop,x,vendorr\n"
    )
    page = followed_page(client, _post_cohort(client, "firms.csv", cohort))
    top = page.split('class="flash warn" role="alert">', 1)[1].split("</div>\n", 1)[0]
    assert "Cohort saved, but 2 lines of it could not be used as written" in top
    assert "line 3: no account &#39;ghost_firm&#39; on x in the store" in top
    # a typo in the segment keeps the account, without a segment
    assert "unknown segment &#39;vendorr&#39;" in top and "@hireloop is kept" in top
    assert "ranks the 2 accounts of firms.csv with posts in the store, compared by segment" in top
    assert "@hireloop" in page.split("Leaderboard", 1)[1]
    # handles only: no promise of segments
    plain = followed_page(
        client, _post_cohort(client, "handles.txt", b"brightpathstaff\nhireloop\n")
    )
    assert 'class="flash ok" role="status"><strong>Cohort saved:</strong>' in plain
    assert "The file names no segments" in plain and "compared by segment" not in plain
    assert "This cohort file names no segments" in plain


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
    refused = followed_page(client, _post_cohort(client, "one.csv", b"brightpathstaff\n"))
    assert "no line of one.csv names a single account in the store" in refused
    assert "write the platform on each line" in refused and "brightpathstaff,x" in refused
    assert "import the accounts" not in refused and "--platform" not in refused
    cohort = b"brightpathstaff\nghost_firm,x\n"
    refused = followed_page(client, _post_cohort(client, "two.csv", cohort))
    assert "import the accounts&#39; posts first on the Import page; write the platform" in refused
    cohort += b"brightpathstaff,x\n"
    saved = followed_page(client, _post_cohort(client, "three.csv", cohort))
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
    page = followed_page(client, _post_cohort(client, "My firms 2026.csv", cohort))
    assert "Cohort saved" in page
    assert "My firms 2026.csv" in page
    assert (
        "-cohort.csv" not in page and str(client.app.state.web.settings.db_path.parent) not in page
    )
    assert "Cohort lines we could not use as written" in page and "ghost_firm" in page
    assert "staffpulse import FILE" not in page and "staffpulse accounts" not in page


def test_the_form_says_a_plain_list_of_handles_is_a_cohort_and_reads_one(client: Any) -> None:
    form = " ".join(re.sub(r"<[^>]+>", " ", client.get("/benchmark").text).split())
    assert "Cohort CSV" not in form  # as benchmark COHORT's help: a text file is read too
    assert "a plain list of handles or profile URLs works too" in form
    page = _saved(client, "firms.txt", b"brightpathstaff\nhttps://x.com/hireloop\n")
    assert "Cohort saved: the benchmark now ranks the 2 accounts of firms.txt" in page


def test_an_uploaded_files_segments_are_kept_under_its_own_name(client: Any) -> None:
    """The page keeps an upload as <store>-cohort.csv; the segments it gives are kept in the
    store under the name the user gave it, which a later run without a file then names."""
    from staffpulse.store import open_store
    from staffpulse.store.segments import segment_origins

    followed_page(client, _post_cohort(client, "Our peers.csv", COHORT.encode()))
    with open_store(client.app.state.web.settings.db_path) as store:
        names = {name for name, _at in segment_origins(store).values()}
    assert (
        "Our peers.csv" in names and client.app.state.web.settings.saved_cohort().name not in names
    )
