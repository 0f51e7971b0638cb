"""A cohort file is read on the Benchmark page as the Import page and the CLI read files: UTF-16
with its mark (Excel's "Unicode text"), Windows-1252 with a note, tab-separated; and the file
pickers offer every kind of file the formats guide promises (.tsv too)."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import csrf_token, make_client, private_copy, sample_store  # noqa: E402

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


def test_the_import_page_offers_tsv_files(client: Any) -> None:
    page = client.get("/import").text
    accept = re.search(r'id="file"[^>]*accept="([^"]+)"', page, re.S)
    assert accept and ".tsv" in accept.group(1).split(",")


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
    assert "use one of: staffing firm, vendor, recruiter, HR or other" in page
    assert "staffing_firm" not in page and " hr," not in page
    assert "3 accounts ranked" in page  # still the good cohort


def test_a_cohort_with_a_few_bad_lines_is_still_saved_in_the_forms_words(client: Any) -> None:
    cohort = COHORT + "mia_recruits,x,wizard\n"
    page = _saved(client, "firms.csv", cohort.encode())
    assert "Cohort saved, but 1 line of it could not be used as written" in page
    assert "use one of: staffing firm, vendor, recruiter, HR or other" in page
