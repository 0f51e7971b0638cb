"""Imports and a store bigger than one page: true counts, search and paging on the Accounts
page, pickers that take any typed handle, specific import messages, links after a re-import."""

from __future__ import annotations

import html
import json
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import (  # noqa: E402
    _ytd,
    csrf_token,
    finished_job,
    make_client,
    native_jsonl,
    tweet,
    upload_files,
    x_archive_bytes,
)

# 45 accounts on x and 25 on mastodon with posts (one of them busy), 5 known only by name
ACCOUNTS = (
    [("x", "busyfirm", 1200)]
    + [("x", f"xfirm{i:02d}", 2) for i in range(44)]
    + [("mastodon", f"recruiter{i:02d}@hr.example", 1) for i in range(25)]
    + [("x", f"quiet{i}", 0) for i in range(5)]
)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    folder = tmp_path_factory.mktemp("big")
    with make_client(folder / "big.db", home_page_size=20, home_limit=10) as client:
        status = finished_job(
            client, upload_files(client, [("firms.jsonl", native_jsonl(ACCOUNTS))])
        )
        assert status["state"] == "done", status
        yield client


def test_home_counts_every_account_and_its_platforms(big: Any) -> None:
    page = big.get("/").text
    assert "70 accounts with posts" in page
    assert "· 25 on Mastodon" in page and "· 45 on X" in page
    assert "· 5 more known only by name" in page
    assert "1,200 posts" in page  # numbers are formatted as everywhere else


def test_home_pages_through_every_account(big: Any) -> None:
    first = big.get("/").text
    assert first.count('class="card acct"') == 20
    assert "Page 1 of 4" in first and 'href="/?page=2"' in first
    last = big.get("/?page=4").text
    assert last.count('class="card acct"') == 10
    assert 'rel="prev"' in last and 'rel="next"' not in last
    seen = set()
    for n in range(1, 5):
        page = big.get(f"/?page={n}").text
        seen.update(part.split('"', 1)[0] for part in page.split('href="/audit/')[1:])
    assert len(seen) == 70  # every account with posts can be reached
    assert big.get("/?page=99").status_code == 200  # past the end: the last page


def test_home_search_finds_an_account_by_handle_or_name(big: Any) -> None:
    page = big.get("/?q=recruiter07").text
    assert page.count('class="card acct"') == 1 and "recruiter07@hr.example" in page
    assert "1 account matches" in page
    by_name = big.get("/?q=firm 3").text  # display names are "Firm {i}"
    assert 'class="card acct"' in by_name
    none = big.get("/?q=zzz").text
    assert "No account with posts matches" in none
    paged = big.get("/?q=xfirm&page=2").text
    assert "Page 2 of 3" in paged and "q=xfirm" in paged


def test_pickers_accept_any_typed_handle(big: Any, monkeypatch: Any) -> None:
    from staffpulse.web import pickers

    monkeypatch.setattr(pickers, "SUGGESTED", 3)  # far fewer suggestions than accounts
    audit = big.get("/audit/x/busyfirm").text
    assert 'list="pick-list"' in audit and audit.count("<option value=") == 3
    assert "1,200 posts" in audit
    go = big.get("/audit-go", params={"account": "@recruiter24@hr.example (mastodon)"})
    assert go.status_code == 303
    assert go.headers["location"] == "/audit/mastodon/recruiter24%40hr.example"
    assert (
        big.get("/audit-go", params={"account": "xfirm43"})
        .headers["location"]
        .endswith("/x/xfirm43")
    )
    # the platform as people spell it, in either form a picker reads
    for typed in ("@xfirm43 (Twitter)", "twitter:xfirm43"):
        go = big.get("/audit-go", params={"account": typed})
        assert go.headers["location"].endswith("/x/xfirm43"), typed
    unknown = big.get("/audit-go", params={"account": "@nobody"})
    assert unknown.status_code == 404 and "no account" in unknown.text
    connect = big.get("/connect", params={"account": "@xfirm40 (x)"})
    assert connect.status_code == 200 and "Who @xfirm40 should follow" in connect.text
    assert 'value="@xfirm40 (x)"' in connect.text
    inbox = big.get("/inbox", params={"as": "@xfirm41 (x)"})
    assert inbox.status_code == 200 and 'value="@xfirm41 (x)"' in inbox.text
    # the inbox's platform as the command line reads it: twitter is X, facebook is refused
    inbox = big.get("/inbox", params={"platform": "twitter"})
    assert '<option value="x" selected>' in inbox.text
    refused = big.get("/inbox", params={"platform": "facebook"})
    assert refused.status_code == 400 and "unknown platform" in refused.text


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
    assert "tweets.js: a file of an X archive needs the archive&#39;s account.js" in page
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


def test_every_listed_account_opens_whatever_its_handle(tmp_path: Path) -> None:
    rows = ["id,author,created_at,text"] + [
        f'w{i},"{author}",2026-03-0{i}T10:00:00Z,hello {i}'
        for i, author in enumerate(["a/b", "..", ".", "q?x", "hash#tag", "acme staffing"], 1)
    ]
    with make_client(tmp_path / "odd.db") as client:
        status = finished_job(client, upload_files(client, [("odd.csv", "\n".join(rows).encode())]))
        links = {a["handle"]: a["audit_url"] for a in status["result"]["accounts"]}
        # "/" encoded, and a handle of dots (a step up the path to a browser) behind an @
        assert links["a/b"] == "/audit/csv/a%2Fb" and links[".."] == "/audit/csv/@.."
        assert links["."] == "/audit/csv/@."
        for handle, href in links.items():
            page = client.get(href)
            assert page.status_code == 200, (handle, href)
            assert f"@{handle}" in html.unescape(page.text)
            assert f'href="{href}/report.html"' in page.text  # the toolbar's links too
        home = client.get("/").text
        assert all(f'href="{href}"' in home for href in links.values())
        saved = client.post(
            "/audit/csv/a%2Fb/record", data={"csrf_token": csrf_token(client, "/audit/csv/a%2Fb")}
        )
        assert saved.headers["location"] == "/audit/csv/a%2Fb?notice=recorded"
        assert client.get("/audit/csv/a%2Fb/report.html").status_code == 200
        missing = client.get("/audit/csv/nobody/else")
        # a page that does not exist leads to the accounts, not back to itself
        assert missing.status_code == 404 and "Back to the audit" not in missing.text
        assert 'href="/">Back to your accounts' in missing.text


def test_import_progress_counts_files_and_bytes_read(tmp_path: Path) -> None:
    from staffpulse.web.import_progress import ImportProgress

    first, second = tmp_path / "a.jsonl", tmp_path / "b.zip"
    first.write_bytes(b"x" * 3000)
    second.write_bytes(b"y" * 1000)
    seen: list[tuple[str, int, int | None, str]] = []
    progress = ImportProgress(
        lambda *args: seen.append(args),
        [first, second],
        lambda text: text.replace(f"{tmp_path}/", ""),
    )
    progress.start()
    assert seen[-1] == ("Reading the files", 0, 4000, "3.9 KB to read · 0 files of 2 done")
    with second.open("rb", buffering=0) as reading:  # unbuffered: the offset is exact
        reading.read(400)
        progress(f"{second}!data/tweets.js", 2000)
    phase, read, total, detail = seen[-1]
    assert phase == "Importing b.zip!data/tweets.js (file 2 of 2)" and total == 4000
    assert "1 file of 2 done · 2,000 records so far" in detail
    if Path("/proc/self/fdinfo").is_dir():  # the offset read is seen where the system shows it
        assert read == 3400 and detail.startswith("3.3 KB of 3.9 KB read")
    else:
        assert read == 3000
    assert progress.read_all() == "3.9 KB read · 2,000 records"


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
    cut = text[: len(text) // 2].encode()
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
