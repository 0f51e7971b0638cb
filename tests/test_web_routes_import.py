"""The Import page and its job pages (routes_import): the X budget shows only while X is
chosen (Chromium, with and without scripts); a file of no known format is explained in plain
words, with the formats page and none of the importer's names for its readers; a job (import,
fetch or refresh) the dashboard no longer knows is not found, and says where to see what it
imported and how to start it again; the Import and Settings pages open on the sample cohort, the file picker offering .tsv,
and the page reads only values its form can show. What the job page says of
an import: "and N more" accounts (the download of every skipped record:
test_web_routes_import_skipped.py), links after a re-import, new accounts, updated profiles and
follows, an archive's tweets.js alone or with account.js, a CSV with the wrong header, an
unknown format, a JSON file cut short, a gzipped file, a long file name, too many files; the
Handle's example fits a phone's box (Chromium)."""

from __future__ import annotations

import html
import json
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from web_helpers import field_value, selected_option

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from browser_helpers import CHROMIUM, launch_chromium, opened_page  # noqa: E402
from web_helpers import (  # noqa: E402
    LiveServer,
    _ytd,
    finished_job,
    make_client,
    make_settings,
    native_jsonl,
    page_words,
    private_copy,
    sample_store,
    tweet,
    upload_files,
    x_archive_bytes,
)

# how the importer names its readers, which mean nothing to a marketer
READER_NAMES = ("TWCS", "IBM", "v1.1", "JSONL", "twarc2 CSV")


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("import"))


@pytest.fixture
def client(sample_db: Path, tmp_path: Path) -> Iterator[Any]:
    with make_client(private_copy(sample_db, tmp_path)) as c:
        yield c


def test_a_job_the_dashboard_no_longer_knows_is_not_found(client: Any) -> None:
    # the address of a refresh or a fetch is the same as an import's: the page names no one kind
    page = client.get("/jobs/bb90b549b602")
    assert page.status_code == 404
    words = html.unescape(page_words(page.text))
    assert "This job is no longer known" in words and "This import" not in words
    assert "(an import, a live fetch or a refresh)" in words
    assert "the dashboard was restarted since, or the job ended long ago" in words
    assert "for what it imported or fetched: that is kept" in words
    assert "'Fetch what is new' on the Accounts page" in words
    assert client.get("/api/jobs/bb90b549b602").status_code == 404


def test_an_unsupported_file_is_explained_in_plain_words_with_the_formats_page(
    client: Any,
) -> None:
    status = finished_job(client, upload_files(client, [("picture.png", b"\x89PNG\r\n\x1a\n")]))
    page = client.get(f"/jobs/{status['id']}").text
    said = page.split('<section class="card job"', 1)[1].split("</section>", 1)[0]
    assert "X archive" in said and "CSV files with one post a line" in said
    assert '<a href="/help/formats">Supported formats</a>' in said
    assert not [name for name in READER_NAMES if name in said], said


def test_reader_names_are_what_the_hint_listed() -> None:
    # the list the library gives; if it stops naming them, this module's check means nothing
    from staffpulse.sources import REGISTRY

    labels = " ".join(source.label for source in REGISTRY)
    assert re.search("TWCS|IBM", labels)


@pytest.fixture(scope="module")
def site(sample_db: Path) -> Iterator[str]:
    pytest.importorskip("uvicorn")
    from staffpulse.web import create_app

    with LiveServer(create_app(make_settings(sample_db, allowed_hosts=[]))) as live:
        yield live.url


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's headless Chromium")
@pytest.mark.parametrize("scripts", [True, False])
def test_the_x_budget_shows_only_when_x_is_chosen(site: str, scripts: bool) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_context(java_script_enabled=scripts).new_page()
            page.goto(site + "/import", wait_until="load")
            assert not page.is_visible("#budget") and not page.is_visible("label[for=budget]")
            page.select_option("#platform", "x")
            assert page.is_visible("#budget") and page.is_visible("label[for=budget]")
            page.select_option("#platform", "mastodon")
            assert not page.is_visible("#budget")
        finally:
            browser.close()


def test_import_and_settings_pages(client: Any) -> None:
    page = client.get("/import")
    assert page.status_code == 200 and 'enctype="multipart/form-data"' in page.text
    assert "up to 200 MB" in page.text and "Fetch an account live" in page.text
    settings = client.get("/settings")
    assert settings.status_code == 200 and "X API bearer token" in settings.text


def test_an_import_of_many_accounts_says_how_many_more(tmp_path: Path) -> None:
    with make_client(tmp_path / "many.db") as client:
        data = native_jsonl([("x", f"firm{i:02d}", 1) for i in range(25)])
        status = finished_job(client, upload_files(client, [("many.jsonl", data)]))
        page = client.get(f"/jobs/{status['id']}").text
    assert len(status["result"]["accounts"]) == 20 and status["result"]["more_accounts"] == 5
    assert "and 5 more accounts" in page and "see them all on the Accounts page" in page
    assert "Read 25 posts and 25 accounts: 25 new accounts and 25 new posts." in page


def test_a_reimport_keeps_the_audit_links(tmp_path: Path) -> None:
    with make_client(tmp_path / "again.db") as client:
        finished_job(client, upload_files(client, [("archive.zip", x_archive_bytes())]))
        status = finished_job(client, upload_files(client, [("archive.zip", x_archive_bytes())]))
        page = client.get(f"/jobs/{status['id']}").text
    assert "already in the store, nothing changed" in page
    assert 'href="/audit/x/acmestaffing"' in page and "6 posts" in page


def test_an_archive_file_alone_says_what_is_missing(tmp_path: Path) -> None:
    tweets = _ytd("tweets", [tweet(1, "Hiring nurses in Dayton", 2)]).encode()
    with make_client(tmp_path / "alone.db") as client:
        status = finished_job(client, upload_files(client, [("tweets.js", tweets)]))
        page = client.get(f"/jobs/{status['id']}").text
    assert status["state"] == "done" and status["result"]["nothing"]
    assert "Nothing was imported" in page
    # what to do, in the page's terms, not the library's question
    assert "tweets.js: a file of an X archive without the archive&#39;s account.js" in page
    assert "so its 1 post was not read" in page  # the count the CLI's summary gives
    assert "choose it together with account.js" in page and "archive ZIP" in page
    assert "whose archive is this?" not in page
    assert "not a format staffpulse can import" not in page
    assert 'href="/help/formats"' in page


def test_an_archive_file_with_its_account_file_imports(tmp_path: Path) -> None:
    account = _ytd("account", [{"account": {"username": "acmestaffing", "accountId": "9001"}}])
    tweets = _ytd("tweets", [tweet(1, "Hiring nurses in Dayton", 2)])
    with make_client(tmp_path / "pair.db") as client:
        status = finished_job(
            client,
            upload_files(
                client, [("tweets.js", tweets.encode()), ("account.js", account.encode())]
            ),
        )
    assert status["state"] == "done", status
    assert status["result"]["imported"]["posts"] == 1
    assert status["result"]["accounts"][0]["handle"] == "acmestaffing"


def test_a_csv_with_wrong_columns_names_its_header(tmp_path: Path) -> None:
    csv = b"author,text\nacme,We are hiring\n"
    with make_client(tmp_path / "csv.db") as client:
        status = finished_job(client, upload_files(client, [("posts.csv", csv)]))
        page = client.get(f"/jobs/{status['id']}").text
    assert "Nothing was imported" in page
    assert "posts.csv" in page and "needs the columns id, author and text" in page


def test_an_unknown_format_links_to_the_formats_page(tmp_path: Path) -> None:
    with make_client(tmp_path / "odd.db") as client:
        status = finished_job(client, upload_files(client, [("people.csv", b"name,age\nbob,3\n")]))
        page = client.get(f"/jobs/{status['id']}").text
        formats = client.get("/help/formats")
    assert status["state"] == "error"
    assert "people.csv: not a format staffpulse can import" in page
    assert "docs/formats.md" not in page and 'href="/help/formats"' in page
    assert formats.status_code == 200
    assert "id,author,created_at,text" in formats.text and "account.js" in formats.text
    assert "https://" not in formats.text and "http://" not in formats.text


def test_a_long_file_name_is_kept_whole(tmp_path: Path) -> None:
    name = "twitter-archive-of-our-very-long-company-name-" + "x" * 60 + ".zip"
    with make_client(tmp_path / "long.db") as client:
        status = finished_job(client, upload_files(client, [(name, x_archive_bytes())]))
    assert status["label"] == f"Import of {name}"


def test_many_files_are_titled_by_the_first_two_and_how_many_more(tmp_path: Path) -> None:
    """Six saved Bluesky responses made a heading of five lines, every name in it (QA s21)."""
    posts = [
        (
            f"feed-{n}.csv",
            f"id,author,created_at,text\n{n},acme,2026-03-0{n}T10:00:00Z,hi\n".encode(),
        )
        for n in range(1, 7)
    ]
    with make_client(tmp_path / "many.db") as client:
        six = finished_job(client, upload_files(client, posts))
        three = finished_job(client, upload_files(client, posts[:3]))
        page = client.get(f"/jobs/{six['id']}").text
    assert six["label"] == "Import of 6 files: feed-1.csv, feed-2.csv and 4 more"
    assert '<h1 class="wrap">Import of 6 files: feed-1.csv, feed-2.csv and 4 more</h1>' in page
    assert three["label"] == "Import of feed-1.csv, feed-2.csv, feed-3.csv"
    assert six["state"] == "done" and "6 new posts" in six["result"]["summary"]


def _summary(client: Any, name: str, data: bytes) -> str:
    status = finished_job(client, upload_files(client, [(name, data)]))
    assert status["state"] == "done", status
    summary: str = status["result"]["summary"]
    return summary


def test_the_summary_tells_new_accounts_updated_profiles_and_follows(tmp_path: Path) -> None:
    followers = native_jsonl([("x", f"fan{i:02d}", 0) for i in range(35)])
    follows = "\n".join(
        json.dumps({"type": "follow", "platform": "x", "follower": "acme", "followee": f"fan{i}"})
        for i in range(3)
    ).encode()
    renamed = native_jsonl([("x", "fan00", 0)], display="A new name")
    with make_client(tmp_path / "changes.db") as client:
        # an empty store: 35 accounts without posts are new, not "already in the store"
        first = finished_job(client, upload_files(client, [("followers.jsonl", followers)]))
        page = client.get(f"/jobs/{first['id']}").text
        assert first["result"]["summary"] == "Read 35 accounts: 35 new accounts."
        assert "nothing changed" not in page and "have no posts yet" in page
        assert _summary(client, "followers.jsonl", followers) == (
            "Read 35 accounts: all of it was already in the store, nothing changed."
        )
        assert _summary(client, "renamed.jsonl", renamed) == "Read 1 account: 1 profile updated."
        assert _summary(client, "follows.jsonl", follows) == "Read 3 follows: 3 new follows."
        assert _summary(client, "follows.jsonl", follows).endswith("nothing changed.")


def test_the_summary_tells_a_post_whose_text_changed_as_updated(tmp_path: Path) -> None:
    first = "id,author,text,platform\n1,acme,Temps \u2013 hiring,x\n".encode()
    resaved = "id,author,text,platform\n1,acme,Temps - hiring,x\n".encode("cp1252")
    with make_client(tmp_path / "edits.db") as client:
        _summary(client, "posts.csv", first)
        assert _summary(client, "posts.csv", resaved) == (
            "Read 1 post and 1 account: 1 post updated (text, reply or quote target, or address"
            " changed)."
        )
        assert _summary(client, "posts.csv", resaved).endswith("nothing changed.")


def test_a_gzipped_file_is_offered_and_imported(tmp_path: Path) -> None:
    import gzip

    data = gzip.compress(native_jsonl([("x", "gzfirm", 2)]))
    with make_client(tmp_path / "gz.db") as client:
        accept = re.search(r'id="file"[^>]*accept="([^"]+)"', client.get("/import").text, re.S)
        status = finished_job(client, upload_files(client, [("firms.jsonl.gz", data)]))
    assert accept and ".gz" in accept.group(1).split(",")
    assert status["state"] == "done", status
    assert status["result"]["imported"]["posts"] == 2


def test_a_json_file_cut_short_says_where_once_and_what_to_do(tmp_path: Path) -> None:
    feed = {"feed": [{"post": {"uri": f"at://did:plc:a/app.bsky.feed.post/{n}", "cid": "c",
                               "author": {"did": "did:plc:a", "handle": "a.bsky.social"},
                               "record": {"text": "hi", "createdAt": "2026-03-01T00:00:00Z"}}}
                     for n in range(3)]}  # fmt: skip
    text = json.dumps(feed, indent=1)
    cut = text[: len(text) // 5].encode()  # in its first post: nothing whole to import
    with make_client(tmp_path / "cut.db") as client:
        status = finished_job(client, upload_files(client, [("cut.json", cut)]))
        page = client.get(f"/jobs/{status['id']}").text
    words = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())
    assert "Nothing was imported" in words
    why = words.split("Why:", 1)[1].strip()
    last_line = len(cut.splitlines())
    assert why.startswith(f"cut.json, line {last_line}: the file looks cut short")
    assert why.count("line ") == 1
    assert "What to do: download or export the file again" in why


def test_too_many_files_says_how_many_and_what_to_do(tmp_path: Path) -> None:
    with make_client(tmp_path / "few.sqlite") as client:
        page = client.get("/import").text
        assert "Up to 10 files at a time; for more, put them in one ZIP." in page
        files = [(f"part{i}.jsonl", b"{}\n") for i in range(35)]
        response = upload_files(client, files)
    shown = html.unescape(response.text)
    assert response.status_code == 400
    assert "<h1>Too many files at once</h1>" in shown
    assert (
        "You chose 35 files; choose at most 10 at a time, or put them in one ZIP file and "
        "upload that." in shown
    )
    assert "could not be read" not in shown
    assert not list((tmp_path / "uploads").glob("upload-*"))  # nothing left on disk


def test_the_import_page_offers_tsv_files(client: Any) -> None:
    page = client.get("/import").text
    accept = re.search(r'id="file"[^>]*accept="([^"]+)"', page, re.S)
    assert accept and ".tsv" in accept.group(1).split(",")


def test_the_import_page_reads_only_values_its_form_can_show(client: Any) -> None:
    page = client.get(
        "/import", params={"platform": "facebook", "max_posts": "99999", "budget": "lots"}
    ).text
    assert selected_option(page, "platform") == "bluesky"
    assert field_value(page, "max_posts") == "3200" and field_value(page, "budget") == "1.00"
    assert field_value(page, "handle") == ""


def _zipped_archive(folder: Path, tweets: list[dict[str, object]]) -> bytes:
    """The archive of ``tweets`` (export_gap_helpers) as the ZIP X sends."""
    import io
    import zipfile

    from export_gap_helpers import archive_of

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for file in sorted((archive_of(folder, tweets) / "data").iterdir()):
            archive.write(file, f"data/{file.name}")
    return buffer.getvalue()


def test_the_import_page_offers_to_remove_posts_deleted_on_the_platform(tmp_path: Path) -> None:
    from export_gap_helpers import APRIL, MARCH
    from web_helpers import csrf_token

    march = _zipped_archive(tmp_path / "march", MARCH)
    april = _zipped_archive(tmp_path / "april", APRIL)
    with make_client(tmp_path / "gaps.db") as client:
        assert "Remove posts deleted on the platform" in client.get("/import").text
        finished_job(client, upload_files(client, [("twitter-march.zip", march)]))
        # not ticked: told, with how to remove them from the page, not the terminal
        told = finished_job(client, upload_files(client, [("twitter-april.zip", april)]))
        page = page_words(client.get(f"/jobs/{told['id']}").text)
        assert "2 posts of @AcmeStaffing stored earlier are not in this export" in page
        assert "upload it again with “Remove posts deleted on the platform” ticked" in page
        assert "--remove-deleted" not in page
        ticked = client.post(
            "/import/upload",
            data={"csrf_token": csrf_token(client), "remove_deleted": "1"},
            files=[("file", ("twitter-april.zip", april, "application/zip"))],
        )
        removed = finished_job(client, ticked)
        assert removed["result"]["summary"].endswith(
            "Removed 2 posts the export no longer holds (deleted on the platform)."
        )
        page = page_words(client.get(f"/jobs/{removed['id']}").text)
        assert "removed from the store (as “Remove posts deleted on the platform” asked)" in page


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's headless Chromium")
def test_the_handle_example_fits_a_phone(site: str) -> None:
    # three examples in the placeholder ran past the box at 390 px: said under it instead
    with opened_page(site + "/import", 360, 800) as page:
        text, room = page.evaluate(
            """() => { const el = document.querySelector('#handle');
            const s = getComputedStyle(el), c = document.createElement('canvas').getContext('2d');
            c.font = s.font;
            return [c.measureText(el.placeholder).width,
                    el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight)]; }"""
        )
        examples = page.inner_text("#" + page.get_attribute("#handle", "aria-describedby"))
    assert 0 < text <= room
    assert "you@mastodon.social" in examples and "yourfirm.bsky.social" in examples
