"""Reading a cohort file from disk (benchmark/cohort.py read_cohort): what is refused with
what to do instead (data to import given as the cohort, QA s20 F10; a web page; binary data;
a folder) and the encodings a spreadsheet saves it in (Excel's Unicode text, Windows-1252)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from staffpulse.benchmark.cohort import read_cohort, refuse_import_data
from staffpulse.errors import InputError

# A twarc2 search result (docs/formats.md: one X API v2 page a line) and a TWCS CSV: data to
# import, which people give to the benchmark in place of a cohort of handles.
TWARC2_PAGE = {
    "data": [
        {
            "id": "1590000000000000001",
            "text": "We're hiring forklift drivers in Tacoma",
            "author_id": "2244994945",
            "created_at": "2022-11-08T10:00:00.000Z",
            "edit_history_tweet_ids": ["1590000000000000001"],
        }
    ],
    "includes": {"users": [{"id": "2244994945", "username": "acmestaffing", "name": "Acme"}]},
}


TWCS = (
    "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
    '1,AcmeSupport,False,Tue Oct 31 22:10:47 +0000 2017,"@115712 Sorry, which shift?",,2\n'
    "2,115712,True,Tue Oct 31 22:08:27 +0000 2017,@AcmeSupport my shift app fails,1,\n"
)


IMPORT_HINT = (
    "import it first (staffpulse import {file}), then run staffpulse benchmark with a cohort file"
    " of handles (handle,platform,segment), or without one to rank the store's accounts"
)


@pytest.mark.parametrize(
    ("name", "text", "reader"),
    [
        ("brexit.jsonl", json.dumps(TWARC2_PAGE) + "\n", "twarc2 / X API v2 JSON"),
        ("sample.csv", TWCS, "Customer Support on Twitter (TWCS) CSV"),
        ("saved.json", '[{"note": "not a format staffpulse reads"}]', "JSON"),
    ],
)
def test_data_to_import_given_as_a_cohort_is_told_to_import_it(
    tmp_path: Path, name: str, text: str, reader: str
) -> None:
    data = tmp_path / name
    data.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as refused:
        read_cohort(data)
    # not "too many fields" line by line: the file is told for what it is, and where it goes
    assert (
        refused.value.message == f"{data} looks like data to import ({reader}), not a cohort file"
    )
    assert refused.value.hint == IMPORT_HINT.format(file=data)


@pytest.mark.parametrize(
    "text",
    [
        "handle,platform\nacmestaffing,x\n",  # the staffpulse CSV reads it as accounts
        "handle;platform;segment\nacmestaffing;x;vendor\n",
        "@acmestaffing x staffing_firm\n",
    ],
)
def test_a_cohort_the_import_could_also_read_is_still_a_cohort(tmp_path: Path, text: str) -> None:
    cohort = tmp_path / "cohort.csv"
    cohort.write_text(text, encoding="utf-8")
    entries, problems = read_cohort(cohort)
    assert [e.handle for e in entries] == ["acmestaffing"] and not problems


def test_a_folder_is_not_a_cohort_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder, not a cohort file"):
        read_cohort(tmp_path)


def test_a_cohort_saved_as_excel_unicode_text_or_windows_1252_is_read(tmp_path: Path) -> None:
    utf16 = tmp_path / "cohort.txt"
    utf16.write_bytes("handle\tplatform\tsegment\r\nacme\tx\tstaffing firm\r\n".encode("utf-16"))
    entries, problems = read_cohort(utf16)
    assert [(e.handle, e.platform, e.segment) for e in entries] == [("acme", "x", "staffing_firm")]
    assert problems == []
    latin = tmp_path / "cohort.csv"
    latin.write_bytes("handle,segment\ncafé_staff,vendor\n".encode("cp1252"))
    entries, problems = read_cohort(latin)
    assert [e.handle for e in entries] == ["café_staff"]
    assert [p.line for p in problems] == [None] and "Windows-1252" in problems[0].message


def test_a_web_page_given_as_a_cohort_is_refused_with_what_a_cohort_looks_like(
    tmp_path: Path,
) -> None:
    # the benchmark's own report given back as its cohort: "<!doctype" and "<html" were each
    # told as an account missing from the store
    page = tmp_path / "benchmark.html"
    page.write_text("<!doctype html>\n<html lang='en'>\n<head><title>t</title></head>\n")
    with pytest.raises(InputError) as refused:
        read_cohort(page)
    assert refused.value.message == f"{page} is a web page (HTML), not a cohort file"
    assert (refused.value.hint or "").startswith("write one account a line: @handle")
    # an upload on the dashboard is refused the same way
    uploaded = refuse_import_data(page.read_text(), "upload.html")
    assert uploaded is not None and uploaded.message.startswith("upload.html is a web page")


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(0xA0, 0x100)) + bytes(range(0x80, 0xA0)) * 3,  # read as Latin-1
        b"\xff\xfe" + bytes(range(0x20, 0x100)) * 2,  # a UTF-16 byte order mark, then bytes
    ],
    ids=["latin-1", "utf-16"],
)
def test_a_binary_file_with_no_known_header_is_not_read_as_unknown_accounts(
    tmp_path: Path, data: bytes
) -> None:
    # QA: binary data no magic names and with no ASCII control character was read line by
    # line as handles: "no account '¢Áþó...' in the store"
    path = tmp_path / "export.dat"
    path.write_bytes(data)
    with pytest.raises(InputError) as raised:
        read_cohort(path)
    said = raised.value.message
    assert said.startswith(f"{path}: not a text file, so not a cohort file (it holds binary")
    assert "no account" not in said and "@handle" in (raised.value.hint or "")


def test_a_cohort_in_windows_1252_with_accents_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "cohort.csv"
    path.write_bytes(
        "handle,platform,segment\n@acme,x,caf\u00e9 staffing\n@brightjobs,x,r\u00e9gie\n".encode(
            "cp1252"
        )
    )
    # accented letters make no binary data: the file is read, its accents as written
    entries, problems = read_cohort(path)
    assert [e.handle for e in entries] == ["acme", "brightjobs"]
    assert "caf\u00e9 staffing" in " ".join(str(p) for p in problems)
