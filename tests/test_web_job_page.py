"""The import job page tells what the CLI tells: the import's notices (nothing skipped, but the
user must hear them) in the page's words, records skipped apart from files left out as of no
known format, and upload-limit advice that can be followed for an X archive ZIP. Its layout in
Chromium: ``test_web_job_page_layout.py``; an X archive chosen as its files:
``test_web_job_page_archive.py``."""

from __future__ import annotations

import html
import io
import json
import warnings
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import (  # noqa: E402
    csrf_token,
    finished_job,
    import_job_page,
    make_client,
    page_words,
    upload_files,
)

FEED_RECORD = {
    "uri": "at://did:plc:abc/app.bsky.feed.generator/hr",
    "cid": "bafy",
    "value": {"$type": "app.bsky.feed.generator", "displayName": "HR jobs", "did": "did:web:x"},
}


def _job_page(tmp_path: Path, files: list[tuple[str, bytes]]) -> tuple[dict[str, object], str]:
    return import_job_page(tmp_path / "job.db", files)


def test_posts_named_only_by_author_id_are_told_in_plain_words(tmp_path: Path) -> None:
    csv = b"id,author_id,created_at,text\n1,acme,2026-03-01T10:00:00Z,hi\n2,acme,2026-03-02,yo\n"
    status, page = _job_page(tmp_path, [("people.csv", csv)])
    assert status["state"] == "done"
    text = page_words(page)
    assert "Please note" in page
    assert "people.csv: 2 posts name their author only by author_id, so no account was made" in (
        text
    )
    assert "rename its header to author and upload the file again" in text
    assert "name it author and import the file again" not in text


def test_a_guessed_encoding_is_told(tmp_path: Path) -> None:
    csv = "id,author,created_at,text\n1,cafefirm,2026-03-01T10:00:00Z,Café señor\n"
    status, page = _job_page(tmp_path, [("latin.csv", csv.encode("cp1252"))])
    assert status["state"] == "done"
    text = page_words(page)
    assert "latin.csv: the file is not saved as UTF-8 (first at line 2)" in text
    assert "read as Windows-1252" in text and "“CSV UTF-8”" in text
    assert "/tmp" not in text and "upload-" not in text  # the user's name, not the temp copy


def test_a_bluesky_record_that_is_not_a_post_says_so(tmp_path: Path) -> None:
    status, page = _job_page(tmp_path, [("feed.json", json.dumps(FEED_RECORD).encode())])
    assert status["state"] == "error"
    text = page_words(page)
    assert "nothing to import: feed.json: a Bluesky custom feed&#39;s description, not a post" in (
        text
    )
    assert "holds no accounts, posts or follows" not in text and "app.bsky" not in text


def test_the_cli_names_the_record_too(tmp_path: Path) -> None:
    from staffpulse.errors import EmptyInputError
    from staffpulse.ingest import import_paths
    from staffpulse.store import open_store

    path = tmp_path / "feed.json"
    path.write_text(json.dumps(FEED_RECORD), encoding="utf-8")
    with open_store(tmp_path / "cli.db") as store, pytest.raises(EmptyInputError) as caught:
        import_paths(store, [path])
    assert caught.value.message == (
        f"nothing to import: {path}: an app.bsky.feed.generator record, not a post"
    )


def test_files_left_out_are_counted_apart_from_records_skipped(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    lines = [
        {"type": "post", "platform": "x", "id": str(i), "author": "acme", "text": f"post {i}",
         "created_at": "2026-03-01T10:00:00Z"}
        for i in range(3)
    ]  # fmt: skip
    body = "\n".join(json.dumps(line) for line in lines) + "\n{not json\n"
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("data/posts.jsonl", body)
        for name in ("LICENSE", "README.md", "PROVENANCE.txt"):
            archive.writestr(f"data/{name}", "nothing to see here\n")
        archive.writestr("data/more.jsonl", "")
    status, page = _job_page(tmp_path, [("export.zip", buffer.getvalue())])
    assert status["state"] == "done"
    text = page_words(page)
    assert "Records we skipped (1)" in text
    assert "export.zip › data/posts.jsonl, line 4" in text
    assert "Files we left out (4)" in text
    for name in ("LICENSE", "README.md", "PROVENANCE.txt"):
        assert f"export.zip › data/{name}" in text
    assert "export.zip › data/more.jsonl (empty)" in text
    assert "export.zip!" not in text  # a programmer's notation for a member (QA s22)
    records = text.split("Records we skipped")[1].split("Files we left out")[0]
    assert "file skipped" not in records  # no file is counted as a skipped record
    assert 'href="/help/formats"' in page.split("Files we left out")[1]


def test_a_file_the_archive_lacks_is_told_apart_from_the_records_skipped(tmp_path: Path) -> None:
    """An archive whose manifest.js lists follower.js the ZIP does not hold, and one tweet more
    than tweets.js has: the missing file has a section of its own, "Files missing from the
    archive", and is no skipped record; the tweet cut off is one, told without a line (the
    page said "Each line names the file and the line in it" all the same, QA s21)."""
    from web_helpers import x_archive_bytes

    config = {
        "userInfo": {"accountId": "9001", "userName": "acmestaffing"},
        "dataTypes": {
            "tweets": {"files": [{"fileName": "data/tweets.js", "count": "7"}]},
            "follower": {"files": [{"fileName": "data/follower.js", "count": "3"}]},
        },
    }
    manifest = "window.__THAR_CONFIG = " + json.dumps(config)
    archive = x_archive_bytes({"data/manifest.js": manifest})
    status, page = _job_page(tmp_path, [("twitter-2026.zip", archive)])
    assert status["state"] == "done", status
    text = page_words(page)
    missing = text.split("Files missing from the archive (1)")[1].split("Records we skipped")[0]
    assert "twitter-2026.zip › data/follower.js" in missing
    assert "with 3 followers, but not in the ZIP" in missing
    assert "download the archive from X again" in missing  # what to do
    assert "Everything else was imported." in missing
    skipped = text.split("Records we skipped (1)")[1]
    assert "only 6 of the 7 tweets manifest.js lists were read" in skipped
    assert "follower.js" not in skipped
    assert "Each line names the file, and the line in it where there is one." in text
    assert "Each line names the file and the line in it." not in text
    assert status["result"]["skipped"] == 1  # the missing followers are not counted


def test_files_chosen_together_with_a_licence_import_the_data_and_tell_why_a_table_is_not(
    tmp_path: Path,
) -> None:
    posts = b"id,author,created_at,text\n1,acme,2026-03-01T10:00:00Z,We are hiring\n"
    status, page = _job_page(
        tmp_path,
        [
            ("posts.csv", posts),
            ("LICENSE", b"MIT License\n"),
            ("tweets.csv", b"tweet_id,screen_name,body\n1,acme,hi\n"),
        ],
    )
    assert status["state"] == "done", status
    text = page_words(page)
    assert "Files we left out (1)" in text and "LICENSE" in text
    # a table whose header was read is data that could not be imported, not a read-me
    failed = text.split("Files we could not import (1)")[1].split("Files we left out")[0]
    assert "This file is a table of data that staffpulse could not import as it is" in failed
    assert "tweets.csv could not be imported: the header (line 1) has tweet_id, screen_name" in (
        failed
    )
    assert 'rename the columns "tweet_id" to "id" and "body" to "text"' in html.unescape(failed)
    assert "Everything else was imported." in failed
    assert "Records we skipped" not in text


def test_an_uploaded_file_of_accounts_a_spreadsheet_rounded_is_a_problem_with_its_fixes(
    tmp_path: Path,
) -> None:
    """QA s35: a data CSV of accounts, its tweet ids rounded by a spreadsheet, was told "This
    file holds nothing staffpulse reads (a licence or a read-me beside the data, say...)"."""
    posts = b"id,author,created_at,text\n1,acme,2026-03-01T10:00:00Z,We are hiring\n"
    people = (
        b"_unit_id,name,description,text,tweet_id\n"
        b"9,dana_w,Recruiter for nurses in Leeds,Open shifts this week,6.58E+17\n"
    )
    status, page = _job_page(tmp_path, [("posts.csv", posts), ("people.csv", people)])
    assert status["state"] == "done", status
    text = page_words(page)
    assert "Files we left out" not in text and "a licence or a read-me" not in text
    failed = text.split("Files we could not import (1)")[1]
    assert "people.csv could not be imported: the header (line 1) has _unit_id" in failed
    assert "tweet_id holds ids rounded by a spreadsheet" in failed
    assert "Whoever set up staffpulse can tag these accounts by role" in failed
    assert "staffpulse roles" not in text  # a terminal command means nothing on the page


def test_the_upload_limit_page_says_how_to_send_an_x_archive(tmp_path: Path) -> None:
    with make_client(tmp_path / "limit.db", max_upload_bytes=1024) as client:
        token = csrf_token(client)
        response = client.post(
            "/import/upload",
            data={"csrf_token": token},
            files=[("file", ("twitter-2026.zip", b"PK" + b"x" * 4096, "application/zip"))],
        )
    assert response.status_code == 413
    text = page_words(response.text)
    assert "An X archive ZIP cannot be split" in text
    # manifest.js among them: a tweets part left out is told (the test below), not lost
    assert (
        "unzip it and choose manifest.js, account.js, profile.js and every tweets file "
        "(tweets.js, tweets-part1.js and so on) from its data folder together"
    ) in text


def test_an_upload_whose_every_post_was_skipped_is_a_warning_not_done(tmp_path: Path) -> None:
    first = b"id,user,text,date\n1,acme,hello world,2026-11-01\n"
    second = b"id;author;created_at;text\n1;acmesemi;2026-11-02;hi there\n"
    with make_client(tmp_path / "job.db") as client:
        kept = finished_job(client, upload_files(client, [("nearheader.csv", first)]))
        kept_page = client.get(f"/jobs/{kept['id']}").text
        status = finished_job(client, upload_files(client, [("semicolon.csv", second)]))
        page = client.get(f"/jobs/{status['id']}").text
        home = page_words(client.get("/").text)
        audit = page_words(client.get("/audit/csv/acme").text)
        recent = page_words(client.get("/import").text).split("Recent imports")[1]
    # the first upload: done, its account "from a CSV (no platform)", not on a network "csv"
    # (no display name in the file: the line starts at the platform, no "·" after nothing)
    assert ">Done<" in kept_page and "@acme CSV (no platform) · 1 post" in page_words(kept_page)
    assert "· 1 from a CSV (no platform)" in home and "on csv" not in home
    assert "@acme · CSV (no platform) · 1 post" in home
    assert "@acme CSV (no platform) · 1 post" in audit  # the audit's header
    # the second: its only post was skipped, so no green "Done"
    assert status["state"] == "done" and status["result"]["every_post_skipped"]
    assert ">Done<" not in page and "No post was imported" in page
    # and the Import page's recent imports say it too, not "done" (QA s30)
    assert "Import of semicolon.csv nothing imported No post could be imported" in recent
    assert "Import of nearheader.csv done Read 1 post" in recent
    text = page_words(page)
    assert "No post could be imported from semicolon.csv: the one post read was skipped." in text
    assert "Records we skipped (1)" in text and "Everything else was imported" not in text
    assert "post id 1 is already used by a post of @acme" in text


def test_a_benchmark_cohort_among_the_uploads_is_left_out_with_where_it_belongs(
    tmp_path: Path,
) -> None:
    posts = b"id,author,created_at,text\n1,acme,2026-03-01T10:00:00Z,We are hiring\n"
    cohort = b"handle,platform,segment\nacme,x,staffing_firm\n"
    status, page = _job_page(tmp_path, [("posts.csv", posts), ("firms.csv", cohort)])
    assert status["state"] == "done" and not status["result"]["every_post_skipped"]
    text = page_words(page)
    assert "Files we left out (1)" in text and "Records we skipped" not in text
    assert "firms.csv: looks like a benchmark cohort (handle, platform, segment)" in text
    assert "not accounts or posts to import: upload it on the Benchmark page" in text
    assert "If it holds your data, see" in text  # one file: not "one of them"
    assert "staffpulse benchmark" not in text  # no command on the server's copy of the upload


def test_a_cohort_uploaded_alone_is_sent_to_the_benchmark_page_not_to_a_command(
    tmp_path: Path,
) -> None:
    """QA s40: the page said "compare them with staffpulse benchmark" and the path of the
    server's temporary copy of the upload, a file the user never made."""
    cohort = b"handle,platform,segment\nacme,x,staffing_firm\n"
    _status, page = _job_page(tmp_path, [("firms.csv", cohort)])
    text = page_words(page)
    assert "then upload this file on the Benchmark page" in text
    assert "staffpulse benchmark" not in text and "upload-" not in text


def _cli_import(tmp_path: Path, files: list[tuple[str, bytes]]) -> str:
    """What `staffpulse import` says of the same files, as one line of words."""
    from typer.testing import CliRunner

    from staffpulse.cli import app

    folder = tmp_path / "cli"
    folder.mkdir()
    for name, data in files:
        (folder / name).write_bytes(data)
    paths = [str(folder / name) for name, _ in files]
    result = CliRunner().invoke(app, ["import", *paths, "--db", str(tmp_path / "cli.db")])
    return " ".join(result.output.split())


def test_a_lone_archive_file_says_how_many_posts_were_not_read_as_the_cli_counts(
    tmp_path: Path,
) -> None:
    data = Path(__file__).parent / "fixtures" / "x_archive" / "data"
    tweets = [("tweets.js", (data / "tweets.js").read_bytes())]
    status, page = _job_page(tmp_path, tweets)
    text = page_words(page)
    # the page's only word on it: it holds the count the terminal's summary gives
    assert "Nothing was imported" in text
    assert "tweets.js: a file of an X archive without the archive&#39;s account.js" in text
    assert "so its 3 posts were not read: choose it together with account.js" in text
    assert "Skipped 3 records" in _cli_import(tmp_path, tweets)

    # with profile.js (no account.js either): one line each, the heading their sum, as the
    # terminal counts them
    both = [*tweets, ("profile.js", (data / "profile.js").read_bytes())]
    status, page = _job_page(tmp_path / "both", both)
    text = page_words(page)
    assert status["result"]["skipped"] == 4
    assert "Records we skipped (4)" in text
    assert "so its 3 posts were not read" in text and "so its 1 profile was not read" in text
    assert "Skipped 4 records" in _cli_import(tmp_path / "both", both)


def test_the_page_says_what_each_file_was_read_as_as_the_cli_does(tmp_path: Path) -> None:
    """An upload of several files of different formats, a ZIP among them: the page names
    each file read with its format ("read FILE as FORMAT" on the CLI), the ZIP's members by
    the user's names, and not the files left out."""
    csv = "\ufeffid;author;created_at;text\n1;acme;2026-03-01T10:00:00Z;We are hiring\n"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("more.csv", csv.replace("1;", "2;").encode())
        archive.writestr("notes.txt", "call the client on Monday\n")
    status, page = _job_page(
        tmp_path, [("posts.csv", csv.encode()), ("export.zip", buffer.getvalue())]
    )
    assert status["state"] == "done"
    text = page_words(page)
    assert "Read posts.csv, export.zip › more.csv as staffpulse CSV." in text
    assert "notes.txt as" not in text
    assert "export.zip › notes.txt" in text.split("Files we left out")[1]


def test_a_file_chosen_twice_is_read_once_and_said(tmp_path: Path) -> None:
    """``staffpulse import a.csv a.csv`` notes "given twice: read once"; the page read both
    copies and said nothing. Another file under the same name (other bytes) is still read."""
    csv = b"id,author,created_at,text\n1,acme,2026-03-01T10:00:00Z,We are hiring\n"
    other = csv.replace(b"1,acme", b"2,acme")
    status, page = _job_page(
        tmp_path, [("posts.csv", csv), ("posts.csv", csv), ("posts.csv", other)]
    )
    assert status["state"] == "done"
    text = page_words(page)
    assert "posts.csv: chosen twice: read once" in text.split("Please note")[1]
    assert "Read 2 posts and 1 account: 1 new account and 2 new posts." in text
    assert "Import of posts.csv, posts.csv" in text  # the two files of other bytes
    assert "Read posts.csv, posts.csv as staffpulse CSV." in text  # both were read
