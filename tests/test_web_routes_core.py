"""The Accounts page, the dashboard's home, and the audit pages (routes_core): the home page
says in plain words what each pillar's grade looks at (a faceless account shows a logo instead
of a person's face), lists the sample's accounts with their grades and bars, and its cards show
the whole name on hover; the audit's "Open" with an empty field says what to type, and its
picker's placeholder fits the field (Chromium). A store of 70 accounts over several pages:
true counts, paging and search (also by a pasted profile address, or an account as the pickers
write it), pickers that take any typed handle (``/audit-go``, Connect, the Inbox; part of a
name lists the accounts that match), and every listed account opening whatever its handle
(``a/b``, ``..``). What a card left ungraded or quiet says: tests/test_web_routes_core_cards.py;
the audit page itself: tests/test_web_routes_core_audit.py."""

from __future__ import annotations

import html
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from browser_helpers import CHROMIUM, launch_chromium  # noqa: E402
from web_helpers import (  # noqa: E402
    LiveServer,
    csrf_token,
    finished_job,
    make_client,
    make_settings,
    native_jsonl,
    page_words,
    private_copy,
    sample_store,
    upload_files,
)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("core"))


@pytest.fixture
def client(sample_db: Path, tmp_path: Path) -> Iterator[Any]:
    with make_client(private_copy(sample_db, tmp_path)) as c:
        yield c


def test_the_home_page_says_what_a_faceless_account_shows(client: Any) -> None:
    home = page_words(client.get("/").text)
    assert "faceless face" not in home
    assert "a logo instead of a person’s face ( face )" in home


def test_cards_show_the_whole_name_on_hover(client: Any) -> None:
    page = client.get("/").text
    assert 'class="name" title="Mia Castellano"' in page
    assert 'title="@owenpark.bsky.social · Bluesky"' in page


def test_open_with_an_empty_field_says_what_to_type(client: Any) -> None:
    audit = client.get("/audit/x/brightpathstaff").text
    assert 'name="from" value="/audit/x/brightpathstaff"' in audit
    went = client.get("/audit-go", params={"account": " ", "from": "/audit/x/brightpathstaff"})
    assert went.status_code == 303
    assert went.headers["location"].startswith("/audit/x/brightpathstaff?flash=")
    page = client.get(went.headers["location"]).text
    assert "Type an account to open first:" in page and "type a handle (such as @" in page
    elsewhere = client.get("/audit-go", params={"account": "", "from": "https://evil.example/"})
    assert elsewhere.headers["location"].startswith("/?flash=")  # only back to an audit


def test_open_with_an_account_not_in_the_store_says_so_on_the_audit_it_was_typed_on(
    client: Any,
) -> None:
    typed = {"account": "Acme <b>Staffing</b>", "from": "/audit/x/brightpathstaff"}
    went = client.get("/audit-go", params=typed)
    assert went.status_code == 303
    assert went.headers["location"].startswith("/audit/x/brightpathstaff?account=")
    page = client.get(went.headers["location"]).text
    words = html.unescape(page_words(page))
    # not an error page that leaves the audit: the reason and what to do, above it
    assert "That account could not be opened: no account 'Acme <b>Staffing</b>'" in words
    assert "<b>Staffing</b>" not in page  # what was typed is shown as text
    assert "What to do: import its posts on the Import page" in words
    assert "Bright" in words and 'name="from" value="/audit/x/brightpathstaff"' in page
    # what was typed is still in the field, to correct rather than type again
    assert (
        'id="pick" name="account" list="pick-list" value="Acme &lt;b&gt;Staffing&lt;/b&gt;"' in page
    )
    fresh = client.get("/audit/x/brightpathstaff").text
    assert 'id="pick" name="account" list="pick-list" value=""' in fresh


@pytest.fixture(scope="module")
def site(sample_db: Path) -> Iterator[str]:
    pytest.importorskip("uvicorn")
    from staffpulse.web import create_app

    with LiveServer(create_app(make_settings(sample_db, allowed_hosts=[]))) as live:
        yield live.url


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's headless Chromium")
def test_the_audit_pickers_placeholder_fits_its_field(site: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(site + "/audit/x/brightpathstaff", wait_until="load")
            room, needed = page.evaluate(
                """() => {
                  const el = document.querySelector('#pick');
                  const style = getComputedStyle(el);
                  const ctx = document.createElement('canvas').getContext('2d');
                  ctx.font = style.font;
                  const inner = el.clientWidth - parseFloat(style.paddingLeft)
                    - parseFloat(style.paddingRight);
                  return [inner, ctx.measureText(el.placeholder).width];
                }"""
            )
            assert needed <= room, (needed, room)
        finally:
            browser.close()


def test_home_lists_accounts_with_grades_and_bars(client: Any) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "Your accounts" in page.text and "Sample data" in page.text
    # the sample's twelve firms and people of the cohort file, and four accounts its first
    # account's circle follows (the demo's who-to-follow list)
    assert page.text.count('class="card acct"') == 16
    assert page.text.count('class="gradebadge"') == 16
    assert 'href="/audit/x/brightpathstaff"' in page.text
    assert "Conversation" in page.text and 'class="fill"' in page.text


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
    # a page number int() refuses ("²" is a digit to Python, 5,000 digits too many) is the
    # first or the last page, not "Something went wrong"
    assert "Page 1 of 4" in big.get("/?page=²").text
    assert "Page 4 of 4" in big.get("/?page=" + "9" * 5000).text


def test_home_search_finds_an_account_by_handle_or_name(big: Any) -> None:
    page = big.get("/?q=recruiter07").text
    assert page.count('class="card acct"') == 1 and "recruiter07@hr.example" in page
    assert "1 account matches" in page
    by_name = big.get("/?q=firm 3").text  # display names are "Firm {i}"
    assert 'class="card acct"' in by_name
    none = page_words(big.get("/?q=zzz").text)
    assert "No account with posts matches “zzz”. Search by handle or by name" in none
    # the @ is read ("without the @" was advice the search no longer needs), and the next step
    assert "without the @" not in none and "import or fetch them on the Import page" in none
    # an @ alone is no handle: it matched every account, said as "70 accounts match “@”"
    for typed in ("@", "@@ @"):
        page = big.get("/", params={"q": typed}).text
        assert "No account with posts matches" in page and 'class="card acct"' not in page
    assert 'class="card acct"' in big.get("/?q=@firm 3").text  # each word without its @
    paged = big.get("/?q=xfirm&page=2").text
    assert "Page 2 of 3" in paged and "q=xfirm" in paged


def test_home_search_reads_a_pasted_profile_address_or_a_pickers_account(big: Any) -> None:
    # what people paste from the browser, or copy from a picker: the account, not its words
    for typed in (
        "https://x.com/xfirm07",
        "x.com/XFIRM07/status/1",
        "@xfirm07 (x)",
        "https://hr.example/@recruiter07",
        "@recruiter07@hr.example (mastodon)",
    ):
        page = big.get("/", params={"q": typed}).text
        assert page.count('class="card acct"') == 1, typed
        assert "1 account matches" in page, typed
    # the platform a picker names is kept: no X account is recruiter07@hr.example
    assert "No account with posts matches" in big.get("/?q=@recruiter07@hr.example (x)").text
    # an address of no stored account finds nothing, and one of no profile is words again
    assert "No account with posts matches" in big.get("/?q=https://x.com/nobody").text
    assert "No account with posts matches" in big.get("/?q=https://example.com/a").text


def test_open_with_part_of_a_name_lists_the_accounts_that_match(big: Any) -> None:
    go = big.get("/audit-go", params={"account": "firm4", "from": "/audit/x/busyfirm"})
    assert go.status_code == 303 and go.headers["location"].startswith("/?q=firm4&flash=")
    page = big.get(go.headers["location"]).text
    words = page_words(page)
    assert "No account has the handle “firm4”: these accounts have it in their handle" in words
    assert page.count('class="card acct"') == 4  # xfirm40 to xfirm43
    # typed markup is shown as text, in the notice and in the search field
    hostile = big.get("/audit-go", params={"account": "<b>firm4</b>"})
    assert hostile.status_code == 404 and "<b>firm4</b>" not in hostile.text
    # "@" alone was sent to the Accounts page as "these accounts have it in their handle"
    assert big.get("/audit-go", params={"account": "@@"}).status_code == 404
    # a part of a handle only one account has opens its audit, as its handle would
    only = big.get("/audit-go", params={"account": "firm43"})
    assert only.status_code == 303 and only.headers["location"].endswith("/x/xfirm43")


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


def test_open_with_an_address_of_no_profile_says_so_on_the_audit_it_was_typed_on(
    client: Any,
) -> None:
    # a LinkedIn page pasted for the firm: the audit it was typed on says what to give instead,
    # as for a handle not in the store, rather than an error page that leaves it
    typed = {"account": "https://www.linkedin.com/in/acme", "from": "/audit/x/brightpathstaff"}
    went = client.get("/audit-go", params=typed)
    assert went.status_code == 303
    assert went.headers["location"].startswith("/audit/x/brightpathstaff?account=")
    page = client.get(went.headers["location"]).text
    words = html.unescape(page_words(page))
    assert "That account could not be opened: 'https://www.linkedin.com/in/acme'" in words
    assert 'list="pick-list" value="https://www.linkedin.com/in/acme"' in page  # kept as typed
    assert "What to do: give the handle" in words
    # with no audit to go back to, it is still the error page that says so
    elsewhere = client.get("/audit-go", params={"account": typed["account"]})
    assert elsewhere.status_code == 400 and "is not a profile URL" in elsewhere.text
