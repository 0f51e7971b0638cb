"""The dashboard's "Fetch what is new" (routes_refresh): from the Accounts page, it says which
accounts it will fetch and what X may cost before anything is read, runs as a job with
progress, and ends with the command's summary and notes in a marketer's words. Driven in real
headless Chromium against local stand-ins for the Bluesky AppView and a Mastodon instance
(the real atproto and Mastodon.py clients), as ``staffpulse refresh``'s own tests are."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from browser_helpers import NEEDS_CHROMIUM, launch_chromium  # noqa: E402
from mastodon_fetch_helpers import INSTANCE, FakeMastodon  # noqa: E402
from staffpulse.cli import app  # noqa: E402
from test_cli_commands_refresh import point_at_local_platforms, x_api  # noqa: E402, F401 (x_api: a fixture)
from web_helpers import (  # noqa: E402
    LiveServer,
    csrf_token,
    finished_job,
    make_client,
    make_settings,
    page_words,
)

runner = CliRunner()


@pytest.fixture
def instance(httpserver: HTTPServer) -> FakeMastodon:
    return FakeMastodon(httpserver, n=30)


@pytest.fixture
def served(
    httpserver: HTTPServer, instance: FakeMastodon, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """The local AppView and Mastodon instance, the config pointing there, and a store in which
    both accounts of the firm were fetched once (by the command). Returns the store's path."""
    point_at_local_platforms(httpserver, tmp_path, monkeypatch)
    db = tmp_path / "store.db"
    cohort = tmp_path / "firm.csv"
    cohort.write_text(f"acme.bsky.social,bluesky\n@acme@{INSTANCE},mastodon\n")
    seeded = runner.invoke(app, ["refresh", str(cohort), "--db", str(db)])
    assert seeded.exit_code == 0, seeded.output
    return db


@pytest.fixture
def client(served: Path) -> Iterator[Any]:
    with make_client(served) as c:
        yield c


@NEEDS_CHROMIUM[0]
@NEEDS_CHROMIUM[1]
def test_a_marketer_fetches_what_is_new_from_the_accounts_page(
    served: Path, instance: FakeMastodon
) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    pytest.importorskip("uvicorn")
    from staffpulse.web import create_app

    # a week later: three new statuses, and the account has moved
    instance.ids = [str(1_000_000 + i) for i in range(33, 30, -1)] + instance.ids
    instance.account["moved"] = {"id": "9", "username": "acme", "acct": "acme@new.example"}
    dashboard = create_app(make_settings(served, allowed_hosts=[]))
    with LiveServer(dashboard) as live, sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(live.url + "/", wait_until="load")
            page.get_by_role("link", name="Fetch what is new").click()
            page.wait_for_url(re.compile(r"/refresh$"))
            text = page.inner_text("body")
            page.get_by_role("button", name="Start the refresh").click()
            page.wait_for_selector("[data-done]", timeout=60_000)
            done = page.inner_text("body")
        finally:
            browser.close()
    headline = "Refreshing 2 accounts (1 Bluesky, 1 Mastodon): every account fetched live before."
    assert headline in text
    assert "Nothing has been read yet" in text and "X is pay-per-use" not in text
    assert "Refreshed 2 of 2 accounts: 3 new posts." in done
    row = re.search(rf"@acme@{re.escape(INSTANCE)}\s+Mastodon\s+3\s+refreshed[^\n]*", done)
    assert row is not None and "see below" in row.group(0)
    # what the instance said, in full and worded for the page: no command to type
    assert f"@acme@{INSTANCE} has moved to @acme@new.example" in done
    assert "staffpulse fetch" not in done and "--" not in done
    assert "open the audit" in done.lower()  # the refreshed accounts' audits, one click away


def test_x_is_estimated_before_anything_is_read_and_a_new_budget_is_shown_first(
    served: Path,
    tmp_path: Path,
    x_api: list[str],  # noqa: F811  (the fixture imported above)
) -> None:
    # the cohort staffpulse serve --cohort was given: an X account and a bare handle read as X
    cohort = tmp_path / "weekly.csv"
    cohort.write_text(
        "handle,platform,segment\nacmestaffing,x,staffing firm\nbetastaffing,,vendor\n"
    )
    with make_client(served, cohort_file=cohort) as client:
        # the Benchmark page leads there too, beside the cohort it ranks
        assert 'id="refresh-button"' in client.get("/benchmark").text
        assert 'id="refresh-hint"' in client.get("/import").text  # beside "Fetch an account"
        words = page_words(client.get("/refresh").text)
        token = csrf_token(client, "/refresh")
        # the budget typed in the form, not the one the estimate was for: its estimate first
        typed = client.post(
            "/refresh",
            data={"csrf_token": token, "which": "cohort", "budget": "5", "shown_budget": ""},
        )
        assert typed.status_code == 303 and "budget=5.00" in typed.headers["location"]
        again = page_words(client.get(typed.headers["location"]).text)
    assert "Refreshing 2 accounts (2 X): weekly.csv." in words
    one = re.search(r"estimated cost at most \$([\d.]+) for 1 X account\b", words)
    assert one is not None  # the bare handle is not paid for without a budget
    assert "weekly.csv:3: betastaffing: no platform written" in words
    assert "fetched only with a budget" in words and "--budget" not in words
    assert "Budget for X" in words
    assert "config.toml" not in words and "whoever set up staffpulse can change them" in words
    assert x_api == []  # nothing read, nothing paid
    both = f"estimated cost at most ${2 * float(one.group(1)):.2f} for 2 X accounts"
    assert both in again
    assert "budget cap $5.00 for all of them" in again


def test_without_an_x_token_the_page_says_to_add_it_in_settings(
    served: Path, tmp_path: Path
) -> None:
    cohort = tmp_path / "weekly.csv"
    cohort.write_text("acmestaffing,x\nacme.bsky.social,bluesky\n")
    with make_client(served, cohort_file=cohort) as client:
        raw_plan = client.get("/refresh").text
    words = page_words(raw_plan)
    assert (
        "X: 1 account skipped, no X bearer token. To refresh it, add the X token on the"
        " Settings page" in words
    )
    assert "X_BEARER_TOKEN" not in words
    assert "Budget for X" not in words  # no X account is fetched: nothing to cap

    # and where the run ends, as the command says it before its run
    with make_client(served, cohort_file=cohort) as client:
        token = csrf_token(client, "/refresh")
        ended = finished_job(
            client,
            client.post("/refresh", data={"csrf_token": token, "budget": "", "shown_budget": ""}),
        )
        raw = client.get(f"/jobs/{ended['id']}").text
        page = page_words(raw)
    assert (
        "Done, but not for every account Refreshed 1 of 2 accounts: 0 new posts, 1 skipped." in page
    )
    # the page that starts it again, with the same accounts, once the token is added
    assert re.search(r'href="/refresh\?which=cohort" id="refresh-again">Back to Refresh<', raw)
    assert (
        "X: 1 account skipped, no X bearer token. To refresh it, add the X token on the Settings"
        " page, then start again." in page
    )  # a refresh, not "the fetch", is what starts again

    # with only X accounts, "Start the refresh" would only skip them all: the page offers
    # the token's place in Settings instead (QA s30); a run sent all the same is told
    assert ">Start the refresh</button>" in raw_plan
    cohort.write_text("acmestaffing,x\n")
    with make_client(served, cohort_file=cohort) as client:
        plan = client.get("/refresh").text
        assert ">Start the refresh</button>" not in plan
        assert re.search(r'<a class="btn big" href="/settings#token-x_bearer_token"[^>]*>Add the X'
                         r" token in Settings</a>", plan)  # fmt: skip
        assert 'id="token-x_bearer_token"' in client.get("/settings").text
        token = csrf_token(client, "/refresh")
        ended = finished_job(
            client,
            client.post("/refresh", data={"csrf_token": token, "budget": "", "shown_budget": ""}),
        )
        page = page_words(client.get(f"/jobs/{ended['id']}").text)
        recent = page_words(client.get("/import").text)
    assert "Nothing was refreshed Refreshed 0 of 1 account: 0 new posts, 1 skipped." in page
    assert "Refresh of 1 account nothing refreshed Refreshed 0 of 1 account" in recent


def test_a_store_never_fetched_live_has_no_button_and_the_page_says_why(tmp_path: Path) -> None:
    from web_helpers import finished_job, native_jsonl, upload_files

    db = tmp_path / "imported.db"
    with make_client(db) as client:
        finished_job(
            client, upload_files(client, [("firm.jsonl", native_jsonl([("x", "acme", 6)]))])
        )
        assert "Fetch what is new" not in client.get("/").text
        assert "Fetch what is new" not in client.get("/import").text
        page = client.get("/refresh").text
        words = page_words(page)
    # where everyone starts, not an error: what a refresh needs, and a link to where it starts
    assert "No account fetched live yet" in words and "error-title" not in page
    assert "Accounts imported from a file (an archive, a CSV) are not fetched again" in words
    assert re.search(r'<a href="/import#fetch">fetch an account live</a>', page)
    assert "upload a list of the accounts to fetch below" in words
    assert "Fetch the accounts of a list" in words


def test_a_budget_that_is_not_an_amount_is_refused_before_the_run(client: Any) -> None:
    token = csrf_token(client, "/refresh")
    refused = client.post(
        "/refresh", data={"csrf_token": token, "budget": "five", "shown_budget": ""}
    )
    assert refused.status_code == 303
    words = page_words(client.get(refused.headers["location"]).text)
    assert "The refresh was not started:" in words and "“five” is not a budget" in words


@NEEDS_CHROMIUM[0]
@NEEDS_CHROMIUM[1]
def test_a_list_of_accounts_never_fetched_is_fetched_from_the_import_page(
    served: Path, tmp_path: Path
) -> None:
    """A marketer with a list of the firms to watch and nothing in the store yet: the Import
    page leads to the Refresh page, which takes the list, says what it will fetch, and does."""
    sync_api = pytest.importorskip("playwright.sync_api")
    pytest.importorskip("uvicorn")
    from staffpulse.web import create_app

    firms = tmp_path / "firms to watch.csv"
    firms.write_text(
        f"handle,platform\nacme.bsky.social,bluesky\n@acme@{INSTANCE},mastodon\nAcme Staffing,x\n"
    )
    dashboard = create_app(make_settings(tmp_path / "new.db", allowed_hosts=[]))
    with LiveServer(dashboard) as live, sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
            page.goto(live.url + "/import", wait_until="load")
            page.get_by_role("link", name="Fetch a list of accounts").click()
            page.set_input_files("#refresh-list", str(firms))
            page.get_by_role("button", name="Use this list").click()
            page.wait_for_selector("#refresh-headline")
            planned = page.inner_text("#refresh-headline")
            # the heading is in capitals; the file's name keeps its own case
            problems = page.inner_text("#refresh-problems-title")
            page.get_by_role("button", name="Start the refresh").click()
            page.wait_for_selector("[data-done]", timeout=60_000)
            done = page.inner_text("body")
            # on a phone the rows stack: the count of new posts is named, not a bare number
            named = page.eval_on_selector(
                "table.refreshed td.num", "td => getComputedStyle(td, '::before').content"
            )
        finally:
            browser.close()
    assert named == '"New posts"'
    assert planned == "Refreshing 2 accounts (1 Bluesky, 1 Mastodon): firms to watch.csv."
    assert "firms to watch.csv" in problems and problems.startswith("LINES OF")
    assert "Refreshed 2 of 2 accounts: 42 new posts." in done  # 12 posts and 30 statuses


def test_a_cohort_of_accounts_not_in_the_store_is_pointed_to_fetching_them(tmp_path: Path) -> None:
    from web_helpers import native_jsonl, upload_files

    with make_client(tmp_path / "store.db") as client:
        finished_job(client, upload_files(client, [("own.jsonl", native_jsonl([("x", "me", 12)]))]))
        token = csrf_token(client, "/benchmark")
        refused = client.post(
            "/benchmark/cohort",
            data={"csrf_token": token},
            files={"cohort": ("rivals.csv", b"acme.bsky.social,bluesky\n", "text/csv")},
        )
        words = page_words(client.get(refused.headers["location"]).text)
    assert "That cohort file was not used:" in words
    assert "use “Fetch a list of accounts” on the Import page with the same file" in words


def test_a_list_s_unusable_lines_are_named_after_the_list_with_what_each_account_reads(
    client: Any,
) -> None:
    from staffpulse.fetch.refresh_limits import DEFAULT_MAX_POSTS

    token = csrf_token(client, "/refresh")
    kept = client.post(
        "/refresh/list",
        data={"csrf_token": token},
        files={"list": ("firms.csv", b"acme.bsky.social,bluesky\nacme staffing,x\n", "text/csv")},
    )
    assert kept.status_code == 303
    words = page_words(client.get(kept.headers["location"]).text)
    # the marketer's own list, not a "cohort" they never uploaded
    assert "Lines of firms.csv not used as written" in words and "Cohort lines" not in words
    # the limits the page does not ask for, said for the platforms the list holds
    bluesky = f"{DEFAULT_MAX_POSTS['bluesky']:,} on Bluesky"
    assert f"New posts read at most per account: {bluesky} (the newest since" in words
    assert " on X" not in words.split("New posts read at most")[1].split(".")[0]


def test_a_live_fetch_that_failed_offers_no_refresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, httpserver: HTTPServer
) -> None:
    from web_helpers import native_jsonl, upload_files

    # the AppView refuses: the fetch is recorded, failed, and brought no account in
    httpserver.expect_request("/xrpc/app.bsky.actor.getProfile").respond_with_json(
        {"error": "AuthMissing", "message": "Authentication Required"}, status=401
    )
    config = tmp_path / "config.toml"
    # a request timeout never reached: on a starved machine a slow local answer must not pass
    # for a timeout, whose retries (sleeps, more requests) would stand in for the refusal
    appview = httpserver.url_for("").rstrip("/")
    config.write_text(f'[bluesky]\nappview_url = "{appview}"\n[fetch]\ntimeout_seconds = 600\n')
    monkeypatch.setenv("STAFFPULSE_CONFIG", str(config))
    fetch = {"platform": "bluesky", "handle": "acme.bsky.social", "max_posts": "5"}
    with make_client(tmp_path / "store.db") as client:
        finished_job(client, upload_files(client, [("own.jsonl", native_jsonl([("x", "me", 12)]))]))
        sent = client.post("/import/fetch", data={"csrf_token": csrf_token(client), **fetch})
        # the fetch job loads the atproto client first: starved of CPU (load 9 on 2 cores) it
        # outlasted the usual 30 s wait, and the test read it still "running"
        failed = finished_job(client, sent, timeout=600)
        assert failed["state"] == "error" and "refused the request (HTTP 401)" in failed["message"]
        home = client.get("/").text
        words = page_words(client.get("/refresh").text)
    # a button that leads to "nothing to refresh" is not offered
    assert "Fetch what is new" not in home
    assert "No account fetched live yet" in words


def test_a_refused_list_leaves_the_list_kept_before(tmp_path: Path) -> None:
    """A wrong file chosen by mistake is refused; the list uploaded before is still offered."""
    db = tmp_path / "store.db"
    with make_client(db) as client:
        token = csrf_token(client, "/refresh")
        for name, text in (("firms.csv", b"acme.bsky.social,bluesky\n"), ("notes.txt", b"???\n")):
            sent = client.post(
                "/refresh/list",
                data={"csrf_token": token},
                files={"list": (name, text, "text/csv")},
            )
        refused = page_words(client.get(sent.headers["location"]).text)
        kept = page_words(client.get("/refresh?which=list").text)
    assert "That list was not used:" in refused
    assert "The accounts of your list" in kept and "firms.csv" in kept


def test_a_failed_accounts_row_names_the_account_once() -> None:
    """The job page's row already names the account: its outcome read "failed: @acme.bsky.social:
    could not reach Bluesky: ..." (QA s30)."""
    from staffpulse.fetch.refresh import AccountResult, RefreshReport
    from staffpulse.fetch.refresh_targets import RefreshPlan, RefreshTarget
    from staffpulse.web.routes_refresh import summary

    target = RefreshTarget("bluesky", "acme.bsky.social")
    failed = AccountResult(
        target,
        "failed",
        message="@acme.bsky.social: could not reach Bluesky: no internet connection, or a wrong"
        " address in the settings (public.api.bsky.app was not found)",
    )
    (row,) = summary(RefreshReport(RefreshPlan([target], "list.csv"), [failed]))["refreshed"]
    assert row["account"] == "@acme.bsky.social"
    assert row["message"].startswith("could not reach Bluesky: no internet connection")


def test_offline_with_no_account_left_to_try_the_page_says_no_server_answered() -> None:
    """The last account failing offline behind X accounts skipped for want of a token: the page
    read 'No connection: 0 accounts not tried', as the command did before it."""
    from staffpulse.fetch.refresh import NO_X_TOKEN, AccountResult, RefreshReport
    from staffpulse.fetch.refresh_targets import RefreshPlan, RefreshTarget
    from staffpulse.web.routes_refresh import summary

    x, bluesky = RefreshTarget("x", "acme"), RefreshTarget("bluesky", "a.bsky.social")
    report = RefreshReport(
        RefreshPlan([x, bluesky], "list.csv"),
        [AccountResult(x, "skipped", message=NO_X_TOKEN), AccountResult(bluesky, "failed")],
        offline=True,
    )
    said = [notice["message"] for notice in summary(report)["notices"]]
    assert (
        "No connection: the server could not be reached; check that this computer is online,"
        " then start the refresh again." in said
    )
    assert not any("0 accounts not tried" in message for message in said)
