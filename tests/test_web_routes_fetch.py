"""Import › Fetch an account live (routes_fetch): a fetch that cannot reach its server (X,
Bluesky or Mastodon, offline or a wrong address) gives its advice once on the job page, in a marketer's words, and says
what was kept, and its "Back to Import" has the fetch filled in to start again; a refused
fetch comes back with the platform, handle and posts typed, and the X estimate's "Change or
cancel" keeps the fetch as chosen."""

from __future__ import annotations

import html
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import (  # noqa: E402
    csrf_token,
    field_value,
    finished_job,
    make_client,
    page_words,
    private_copy,
    sample_store,
    selected_option,
)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("fetch"))


@pytest.fixture
def client(sample_db: Path, tmp_path: Path) -> Iterator[Any]:
    with make_client(private_copy(sample_db, tmp_path)) as c:
        yield c


@pytest.mark.parametrize(
    ("platform", "name", "handle"),
    [("bluesky", "Bluesky", "acme.bsky.social"), ("mastodon", "Mastodon", "acme@example.social")],
)
def test_an_offline_fetch_gives_its_advice_once(
    client: Any, monkeypatch: Any, platform: str, name: str, handle: str
) -> None:
    from staffpulse.errors import FetchError
    from staffpulse.fetch.common import FetchReport
    from staffpulse.fetch.resume import resume_hint

    def offline(store: Any, handle: str, **kwargs: Any) -> Any:
        raise FetchError(
            f"@{handle}: {name} request to https://example.invalid failed (NetworkError)",
            hint=f"check your connection; {resume_hint(FetchReport(platform, handle, posts=3))}",
        )

    monkeypatch.setattr(f"staffpulse.fetch.{platform}.fetch_{platform}", offline)
    form = {"platform": platform, "handle": handle, "csrf_token": csrf_token(client)}
    status = finished_job(client, client.post("/import/fetch", data=form))
    page = client.get(f"/jobs/{status['id']}").text
    assert f"{name} could not be reached: check that this computer is online" in page
    assert page.count("online") == 1 and "check your connection" not in page
    assert "What to do:</strong> the 3 posts fetched so far are stored" in page
    # "start the same fetch again": Back to Import has it filled in, not a blank form
    back = re.search(r'<a class="btn" href="([^"]+)">Back to Import</a>', page)
    assert back, "no Back to Import"
    form = client.get(html.unescape(back.group(1))).text
    assert selected_option(form, "platform") == platform
    assert field_value(form, "handle") == handle and field_value(form, "max_posts") == "200"


def test_a_server_name_not_found_reads_as_offline_or_a_wrong_address(
    client: Any, monkeypatch: Any
) -> None:
    # offline, some name servers answer "no such name": the page said "the name
    # public.api.bsky.app could not be found", network jargon to a marketer
    import socket

    from staffpulse.fetch.common import FetchReport
    from staffpulse.fetch.hostname import unresolved_error

    def offline(store: Any, handle: str, **kwargs: Any) -> Any:
        lookup = socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        report = FetchReport("bluesky", handle)
        check = "check [bluesky] appview_url in config.toml"
        error = unresolved_error(
            lookup, f"@{handle}", "public.api.bsky.app", check, report, service="Bluesky"
        )
        assert error is not None
        raise error

    monkeypatch.setattr("staffpulse.fetch.bluesky.fetch_bluesky", offline)
    form = {"platform": "bluesky", "handle": "acme.bsky.social", "csrf_token": csrf_token(client)}
    status = finished_job(client, client.post("/import/fetch", data=form))
    page = page_words(client.get(f"/jobs/{status['id']}").text)
    assert "could not reach Bluesky: no internet connection, or a wrong address" in page
    assert "could not be found" not in page
    assert "check that this computer is online first (does a website open?)" in page
    assert "whoever set up staffpulse can check it" in page and "[bluesky]" not in page


def test_a_failed_fetch_page_says_the_advice_once(client: Any, monkeypatch: Any) -> None:
    from staffpulse.errors import FetchError

    def offline(store: Any, handle: str, **kwargs: Any) -> Any:
        raise FetchError(
            f"@{handle}: X could not be reached at api.x.com (no connection)",
            hint="check your connection and [x] base_url; everything fetched so far is "
            "stored; run the same command again to resume",
        )

    monkeypatch.setattr("staffpulse.fetch.x.fetch_x", offline)
    monkeypatch.setenv("X_BEARER_TOKEN", "test-token-not-real")
    form = {"platform": "x", "handle": "acmestaffing", "confirmed": "yes"}
    status = finished_job(
        client, client.post("/import/fetch", data={"csrf_token": csrf_token(client), **form})
    )
    page = client.get(f"/jobs/{status['id']}").text
    assert page.count("check that this computer is online") == 1
    assert "What to do:</strong> everything fetched so far is stored" in page
    back = re.search(r'<a class="btn" href="([^"]+)">Back to Import</a>', page)
    assert back, "no Back to Import"
    form_again = client.get(html.unescape(back.group(1))).text
    assert selected_option(form_again, "platform") == "x"
    assert field_value(form_again, "handle") == "acmestaffing"
    assert field_value(form_again, "budget") == "1.00"  # the budget it was confirmed with


def test_a_refused_fetch_comes_back_with_the_platform_handle_and_posts(client: Any) -> None:
    token = csrf_token(client)
    form = {"platform": "bluesky", "handle": "<script>alert(1)</script>", "max_posts": "50"}
    refused = client.post("/import/fetch", data={"csrf_token": token, **form})
    assert refused.status_code == 303
    page = client.get(refused.headers["location"]).text
    assert "The fetch was not started:" in page and "is not a valid Bluesky handle" in page
    assert field_value(page, "handle") == "<script>alert(1)</script>"
    assert "<script>alert(1)</script>" not in page  # shown as text, never as markup
    assert selected_option(page, "platform") == "bluesky" and field_value(page, "max_posts") == "50"
    blank = client.post(
        "/import/fetch",
        data={"csrf_token": token, "platform": "mastodon", "handle": "", "max_posts": "80"},
    )
    page = client.get(blank.headers["location"]).text
    assert "enter the handle of the Mastodon account" in page
    assert (
        selected_option(page, "platform") == "mastodon" and field_value(page, "max_posts") == "80"
    )


def test_a_firm_name_typed_for_its_handle_is_told_it_is_not_a_handle(client: Any) -> None:
    """ "Acme Staffing & Co" in the handle field was told to "enter the handle", as if the field
    were blank: now the page quotes what was typed and says a handle has no spaces."""
    form = {"platform": "x", "handle": "Acme Staffing & Co", "max_posts": "50"}
    refused = client.post("/import/fetch", data={"csrf_token": csrf_token(client), **form})
    page = client.get(refused.headers["location"]).text
    words = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert "“Acme Staffing & Co” is not a handle: a handle has no spaces" in words
    assert "as the profile shows it (e.g. @yourfirm)" in words
    assert "enter the handle" not in words
    assert "Acme Staffing &amp; Co" in page  # escaped, and kept in the field to correct
    assert field_value(page, "handle") == "Acme Staffing & Co"


def test_the_x_estimates_change_or_cancel_keeps_the_fetch_as_chosen(client: Any) -> None:
    estimate = client.get(
        "/import/fetch/x", params={"handle": "acmestaffing", "max_posts": "50", "budget": "0.3"}
    ).text
    change = re.search(r'<a class="btn ghost" href="([^"]+)">Change or cancel</a>', estimate)
    assert change, "no Change or cancel"
    page = client.get(html.unescape(change.group(1))).text
    assert selected_option(page, "platform") == "x"
    assert field_value(page, "handle") == "acmestaffing"
    assert field_value(page, "max_posts") == "50" and field_value(page, "budget") == "0.30"


def test_the_x_estimate_says_a_fetch_past_an_earlier_cap_also_reads_the_older_posts(
    client: Any,
) -> None:
    from staffpulse.fetch.cursors import save_cursor_state
    from staffpulse.models import Account
    from staffpulse.sources.base import provenance
    from staffpulse.store import Record, open_store

    # an earlier fetch of @acmestaffing stopped at its 50-post cap, with older posts left
    with open_store(client.app.state.web.settings.db_path) as store:
        firm = Account(platform="x", id="7001", handle="acmestaffing")
        store.write_records([Record(rows=(firm,), provenance=provenance("test", "by hand"))])
        older = {"older": {"until_id": "9100", "depth": 50}}
        save_cursor_state(store, "x", "7001", "timeline", older)

    def estimate(max_posts: str) -> str:
        query = {"handle": "acmestaffing", "max_posts": max_posts, "budget": "20"}
        return html.unescape(page_words(client.get("/import/fetch/x", params=query).text))

    assert (
        "@acmestaffing: an earlier run stopped at its cap (50 posts), so this one also reads"
        " the older ones it left: up to 3,150 posts, at most $15.75 of the estimate; to fetch"
        " only what is new, set “Most recent posts to fetch” to 50 with “Change or cancel”"
    ) in estimate("3200")
    assert "earlier run" not in estimate("50")  # only what is new: nothing older to say


def test_what_the_instance_says_of_a_moved_account_is_on_the_fetch_page(
    client: Any, monkeypatch: Any
) -> None:
    """A Mastodon account that moved (or is suspended) fetched 0 posts: the page said only that,
    while `staffpulse fetch` says where its new posts are. The notes come from the server, so
    they are shown as text, never as markup."""
    from staffpulse.fetch.common import FetchReport
    from staffpulse.fetch.mastodon import account_notes

    def moved(store: Any, handle: str, **kwargs: Any) -> FetchReport:
        raw = {"moved": {"acct": "acme<b>new</b>@new.example"}, "suspended": True}
        notes = account_notes(raw, f"@{handle}", "old.example")
        return FetchReport("mastodon", handle, posts=0, notes=notes)

    monkeypatch.setattr("staffpulse.fetch.mastodon.fetch_mastodon", moved)
    form = {"platform": "mastodon", "handle": "@acme@old.example", "csrf_token": csrf_token(client)}
    status = finished_job(client, client.post("/import/fetch", data=form))
    assert status["state"] == "done"
    page = client.get(f"/jobs/{status['id']}").text
    words = html.unescape(page_words(page))
    summary = words.index("Fetched 0 posts of @acme@old.example.")
    note = words.index("Please note @acme@old.example has moved to @acme<b>new</b>@new.example:")
    assert summary < note and words.count("has moved to") == 1
    assert "@acme@old.example is suspended on old.example: it shows no posts" in words
    assert "<b>new</b>" not in page and "&lt;b&gt;new&lt;/b&gt;" in page


def test_a_moved_account_note_says_where_to_fetch_it_on_the_page(
    client: Any, monkeypatch: Any
) -> None:
    """The note's own step was the terminal's ("staffpulse fetch mastodon @acme@new.example")
    on a page whose Import form fetches it; the page says it in its own words."""
    from staffpulse.fetch.common import FetchReport
    from staffpulse.fetch.mastodon import account_notes

    def moved(store: Any, handle: str, **kwargs: Any) -> FetchReport:
        notes = account_notes({"moved": {"acct": "acme@new.example"}}, f"@{handle}", "old.example")
        return FetchReport("mastodon", handle, posts=0, notes=notes)

    monkeypatch.setattr("staffpulse.fetch.mastodon.fetch_mastodon", moved)
    form = {"platform": "mastodon", "handle": "@acme@old.example", "csrf_token": csrf_token(client)}
    status = finished_job(client, client.post("/import/fetch", data=form))
    words = html.unescape(page_words(client.get(f"/jobs/{status['id']}").text))
    assert (
        "has moved to @acme@new.example: its new posts are there (on the Import page, choose"
        " Mastodon as the platform and fetch acme@new.example)" in words
    )
    assert "staffpulse fetch" not in words
