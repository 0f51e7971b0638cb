"""``fetch mastodon`` runs the real Mastodon.py client against a local Mastodon-like server."""

from __future__ import annotations

import json
import socket
import time
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from _fake_api import TimeoutsOn, interrupted_after
from mastodon_fetch_helpers import (
    INSTANCE,
    STOPPED_AT,
    FakeMastodon,
    count_posts,
    make_fetcher,
    stopped_clock,  # noqa: F401 (a fixture)
)
from staffpulse.errors import (
    AuthError,
    ConfigError,
    FetchError,
    InputError,
    NotFoundError,
    RateLimitError,
)
from staffpulse.fetch.handles import mastodon_account
from staffpulse.fetch.mastodon import MastodonFetcher
from staffpulse.store import Store


def test_account_statuses_paginated_and_resumed(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeMastodon(httpserver)
    report = make_fetcher(httpserver, store, []).fetch("@acme@staffing.example", max_posts=70)
    assert count_posts(store) == 70 and report.new_posts == 70
    assert [a.get("limit") for p, a in fake.requests[1:]] == ["40", "30"]
    assert report.avatar_path is None  # missing.png is the default avatar
    post = store.get_posts("mastodon", ["staffing.example:1000090"])["staffing.example:1000090"]
    assert post.author_handle == "acme@staffing.example" and post.text == "status 1000090 #hiring"
    fake.ids.insert(0, "1000091")
    again = make_fetcher(httpserver, store, []).fetch("acme@staffing.example", max_posts=70)
    assert again.new_posts == 1 and fake.requests[-2][1]["since_id"] == "1000090"


def test_timeout_halfway_then_resume_and_errors(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeMastodon(httpserver)
    with pytest.raises(FetchError, match="MastodonNetworkError"):
        # the second page of statuses times out (the account lookup is the first request)
        make_fetcher(httpserver, store, [], TimeoutsOn(3), retries=0).fetch(
            "@acme@staffing.example"
        )
    assert count_posts(store) == 40
    before = len(fake.requests)
    report = make_fetcher(httpserver, store, []).fetch("@acme@staffing.example")
    assert count_posts(store) == 90 and report.new_posts == 50 and report.post_reads == 50
    # the resumed run's first page of statuses (a loaded machine may retry a request)
    resumed = next(a for p, a in fake.requests[before:] if p.endswith("/statuses"))
    assert resumed["max_id"] == "1000051"
    with pytest.raises(NotFoundError):
        make_fetcher(httpserver, store, []).fetch("@nobody@staffing.example")
    with pytest.raises(InputError):
        mastodon_account("not a handle @@", INSTANCE)


@pytest.mark.usefixtures("stopped_clock")
def test_hashtag_rate_limit_and_server_error(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeMastodon(httpserver, n=5)
    reset = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(STOPPED_AT + 2))
    fake.fail[1] = (429, {"X-RateLimit-Reset": reset, "X-RateLimit-Remaining": "0"})
    fake.fail[2] = (503, {})
    sleeps: list[float] = []
    report = make_fetcher(httpserver, store, sleeps).fetch_hashtag("#hiring", INSTANCE)
    assert report.posts == 5 and len(sleeps) == 2 and 0 < sleeps[0] <= 3
    assert fake.requests[-1][0] == "/api/v1/timelines/tag/hiring"
    far = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(STOPPED_AT + 3600))
    fake.fail[len(fake.requests) + 1] = (429, {"X-RateLimit-Reset": far})
    with pytest.raises(RateLimitError):
        make_fetcher(httpserver, store, sleeps).fetch_hashtag("hiring", INSTANCE)


def test_accounts_tags_and_limits_are_checked_first(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeMastodon(httpserver, n=3)
    fetcher = make_fetcher(httpserver, store, [])
    for bad in ("acme.bsky.social", "@@bad handle!!"):
        with pytest.raises(InputError):
            fetcher.fetch(bad)
    with pytest.raises(InputError, match="'#bad tag' is not a hashtag"):
        fetcher.fetch_hashtag("#bad tag", INSTANCE)
    with pytest.raises(InputError, match="--max-posts -1"):
        fetcher.fetch("@acme@staffing.example", max_posts=-1)
    assert fake.requests == []
    assert mastodon_account("acme", "staffing.example") == ("acme", "staffing.example")
    report = fetcher.fetch_hashtag("hiring", f"https://{INSTANCE}/")  # pasted as a URL
    assert report.target == f"#hiring@{INSTANCE}" and report.posts == 3
    report = fetcher.fetch_hashtag("hiring", f"@{INSTANCE}")  # typed as in an account's name
    assert report.target == f"#hiring@{INSTANCE}"  # the same instance, its posts known now
    assert fake.requests[-1][0] == "/api/v1/timelines/tag/hiring"


def test_rejected_requests_are_input_errors(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeMastodon(httpserver)
    fake.error_body = lambda status: {"error": "Validation failed: limit is invalid"}  # type: ignore[method-assign]
    fake.fail[1] = (422, {})
    with pytest.raises(InputError) as caught:
        make_fetcher(httpserver, store, []).fetch("@acme@staffing.example")
    assert "rejected the request for @acme@staffing.example (HTTP 422)" in caught.value.message
    assert "Validation failed: limit is invalid" in caught.value.message
    assert "run the same command" not in str(caught.value)
    fake.fail[2] = (401, {})
    with pytest.raises(AuthError, match="wants a login"):
        make_fetcher(httpserver, store, []).fetch("@acme@staffing.example")


CLOUDFLARE = "<!DOCTYPE html><html><head><title>Just a moment...</title></head></html>"


def test_an_instance_that_is_not_mastodon_is_not_an_unknown_account(
    httpserver: HTTPServer, store: Store
) -> None:
    # Misskey answers the Mastodon API's path with a 404 of its own: that was "not found on
    # this instance", as if the account did not exist
    fake = FakeMastodon(httpserver)
    fake.error_body = lambda status: {
        "error": {"message": "Unknown API endpoint.", "code": "UNKNOWN_API_ENDPOINT"}
    }  # type: ignore[method-assign]
    fake.fail[1] = (404, {})
    with pytest.raises(FetchError) as caught:
        make_fetcher(httpserver, store, []).fetch("@acme@staffing.example")
    assert caught.value.message.endswith("has no Mastodon API (HTTP 404)")
    assert "not Misskey" in str(caught.value.hint)
    with pytest.raises(NotFoundError, match=r"not found on this instance \(Record not found\)"):
        make_fetcher(httpserver, store, []).fetch("@nobody@staffing.example")  # Mastodon's 404


def test_a_firewall_page_is_not_a_rejected_request(httpserver: HTTPServer, store: Store) -> None:
    # a bot check before the instance answers 403 with a web page: that was "rejected the
    # request ... check the handle, the hashtag and --instance"
    httpserver.expect_request("/api/v1/accounts/lookup").respond_with_data(
        CLOUDFLARE, status=403, content_type="text/html"
    )
    FakeMastodon(httpserver)
    with pytest.raises(FetchError) as caught:
        make_fetcher(httpserver, store, []).fetch("@acme@staffing.example")
    assert "refused the request (HTTP 403) without a Mastodon answer" in caught.value.message
    assert "check the handle" not in str(caught.value.hint)


def test_gone_and_down_instances_say_what_to_do(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeMastodon(httpserver)
    fake.error_body = lambda status: {"error": "Gone"} if status == 410 else {}  # type: ignore[method-assign]
    fake.fail[2] = (410, {})  # the statuses of an account deleted since
    with pytest.raises(NotFoundError, match=r"says this is gone \(HTTP 410\)") as caught:
        make_fetcher(httpserver, store, []).fetch("@acme@staffing.example")
    assert "deleted or suspended" in str(caught.value.hint)
    for n in range(3, 6):
        fake.fail[n] = (503, {})  # the next lookup; it answered: this computer is online
    with pytest.raises(FetchError) as failed:
        make_fetcher(httpserver, store, []).fetch("@acme@staffing.example")
    assert failed.value.hint == "nothing was fetched; try again later"  # the lookup failed


def test_a_login_wall_says_how_to_sign_in(httpserver: HTTPServer, store: Store) -> None:
    # instances that show accounts to signed-in users only ("authorized fetch" and the like)
    fake = FakeMastodon(httpserver)
    fake.error_body = lambda status: {"error": "This API requires an authenticated user"}  # type: ignore[method-assign]
    fake.fail[1] = (401, {})
    fetcher = make_fetcher(httpserver, store, [])
    with pytest.raises(AuthError) as caught:
        fetcher.fetch("@acme@staffing.example")
    host = fetcher._host()
    assert f'set [mastodon] default_instance = "{host}" and save its access token' in str(
        caught.value.hint
    )


@pytest.mark.parametrize(
    ("extra", "note"),
    [({"moved": {"id": "9", "username": "acme", "acct": "acme@new.example"}},
      "@acme@staffing.example has moved to @acme@new.example: its new posts are there"
      " (staffpulse fetch mastodon @acme@new.example)"),
     ({"moved": {"id": "9", "username": "acme2", "acct": "acme2"}},  # on the same instance
      "@acme@staffing.example has moved to @acme2@staffing.example"),
     ({"suspended": True}, "@acme@staffing.example is suspended on staffing.example")],
)  # fmt: skip
def test_a_moved_or_suspended_account_is_said_with_the_report(
    httpserver: HTTPServer, store: Store, extra: dict[str, Any], note: str
) -> None:
    fake = FakeMastodon(httpserver, n=0)  # an account that moved stops posting
    fake.account.update(extra)
    report = make_fetcher(httpserver, store, []).fetch("@acme@staffing.example")
    assert len(report.notes) == 1 and report.notes[0].startswith(note)
    assert report.as_dict()["notes"] == report.notes
    assert (
        not make_fetcher(httpserver, store, [])
        .fetch("@acme@staffing.example", max_posts=1)
        .notes[1:]
    )


def test_network_errors_name_the_host(store: Store) -> None:
    with socket.socket() as probe:  # a port nobody listens on: connection refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    fetcher = MastodonFetcher(store, config={}, base_url=f"http://127.0.0.1:{port}", retries=0)
    with pytest.raises(FetchError) as caught:
        fetcher.fetch("@acme@staffing.example")
    assert f"Mastodon request to 127.0.0.1:{port} failed" in caught.value.message


def test_wrong_settings_are_config_errors(store: Store) -> None:
    with pytest.raises(ConfigError, match=r"\[mastodon\] default_instance = \[\] is a list"):
        MastodonFetcher(store, config={"mastodon": {"default_instance": []}})


def test_a_status_that_cannot_be_read_is_counted_and_its_page_kept(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = FakeMastodon(httpserver, n=2)
    good, broken = fake.ids
    fake.authorless.add(broken)
    report = make_fetcher(httpserver, store, []).fetch("acme@staffing.example")
    assert report.skipped == 1 and report.stopped is None
    assert report.skipped_messages[0].startswith(f"item 1: status {broken} has no 'account'")
    assert [r[0] for r in store.conn.execute("SELECT id FROM posts")] == [f"{INSTANCE}:{good}"]
    pages = store.conn.execute(
        "SELECT payload FROM raw_payloads WHERE location = ?", (f"mastodon:{INSTANCE}/statuses",)
    ).fetchall()
    assert broken in {str(s["id"]) for p in pages for s in json.loads(p[0])}


def test_an_error_object_for_a_page_stops_the_run_resumably(
    httpserver: HTTPServer, store: Store
) -> None:
    # an instance half up may answer 200 with {"error": ...}: taken as the last page, the
    # run ended quietly and the statuses were marked read whole
    fake = FakeMastodon(httpserver)
    fake.fail[3] = (200, {})  # the second page of statuses
    with pytest.raises(FetchError) as caught:
        make_fetcher(httpserver, store, []).fetch("@acme@staffing.example")
    host = httpserver.url_for("").split("//")[1].rstrip("/")
    assert caught.value.message == (
        f"acme@staffing.example statuses: {host} answered with an error (nope) (HTTP 200)"
    )
    assert "the 40 posts fetched so far are stored" in str(caught.value.hint)
    assert caught.value.exit_code == 75 and count_posts(store) == 40
    report = make_fetcher(httpserver, store, []).fetch("@acme@staffing.example")
    assert count_posts(store) == 90 and report.new_posts == 50


def test_ctrl_c_as_statuses_are_shown_resumes_below(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeMastodon(httpserver)

    with pytest.raises(KeyboardInterrupt):  # as the first page of statuses is shown
        make_fetcher(httpserver, store, [], progress=interrupted_after(1)).fetch(
            "@acme@staffing.example"
        )
    (status,) = store.conn.execute("SELECT status FROM runs").fetchone()
    assert count_posts(store) == 40 and status == "interrupted"
    before = len(fake.requests)
    report = make_fetcher(httpserver, store, []).fetch("@acme@staffing.example")
    assert count_posts(store) == 90 and report.post_reads == 50  # no page read twice
    resumed = next(a for p, a in fake.requests[before:] if p.endswith("/statuses"))
    assert resumed["max_id"] == "1000051"
