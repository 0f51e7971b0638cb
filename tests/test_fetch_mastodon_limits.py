"""``fetch mastodon``'s limits against a local stand-in: a 429 that gives no
``X-RateLimit-Reset`` but a ``Retry-After`` (a proxy in front of the instance), waited for as
long as it says; one whose reset time Mastodon.py cannot read; a run cut by ``--max-posts``,
whose gap the next run fills, or whose older statuses a higher cap reads."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from email.utils import formatdate

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from mastodon_fetch_helpers import (
    STOPPED_AT,
    FakeMastodon,
    account_json,
    make_fetcher,
    stopped_clock,  # noqa: F401 (a fixture)
)
from staffpulse.fetch.common import retry_after_epoch
from staffpulse.fetch.mastodon import MastodonFetcher
from staffpulse.fetch.mastodon_client import readable_time
from staffpulse.store import Store


@pytest.mark.usefixtures("stopped_clock")
@pytest.mark.parametrize("as_date", [False, True])
def test_a_429_told_only_by_retry_after_is_waited_that_long(
    httpserver: HTTPServer, store: Store, as_date: bool
) -> None:
    retry_after = formatdate(STOPPED_AT + 60, usegmt=True) if as_date else "45"
    asked: list[str] = []

    def answer(request: Request) -> Response:
        asked.append(request.path)
        if len(asked) == 1:
            return Response("Too Many Requests", status=429, headers={"Retry-After": retry_after})
        return Response(json.dumps([]), content_type="application/json")

    httpserver.expect_request("/api/v1/timelines/tag/hiring").respond_with_handler(answer)
    sleeps: list[float] = []
    config = {"fetch": {"timeout_seconds": 10.0, "max_wait_seconds": 120}}
    base = httpserver.url_for("").rstrip("/")
    fetcher = MastodonFetcher(store, config=config, base_url=base, sleep=sleeps.append)
    report = fetcher.fetch_hashtag("hiring", "staffing.example")
    assert report.stopped is None and len(asked) == 2
    # as told (an HTTP date is to the second), not the 5 s a 429 that says nothing waits
    assert sleeps == [60 if as_date else 45]


@pytest.mark.usefixtures("stopped_clock")
def test_retry_after_is_read_as_seconds_or_a_date_and_nothing_else() -> None:
    assert retry_after_epoch("30") == STOPPED_AT + 30
    assert retry_after_epoch(formatdate(STOPPED_AT + 60, usegmt=True)) == STOPPED_AT + 60
    for unusable in (None, "", "soon", "0", "-5", "nan"):
        assert retry_after_epoch(unusable) is None


def test_a_run_capped_over_new_statuses_says_what_it_left_and_the_next_reads_it(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = FakeMastodon(httpserver, n=50)
    make_fetcher(httpserver, store, []).fetch("@acme@staffing.example")
    fake.ids[:0] = [str(1_000_080 - i) for i in range(30)]  # 30 statuses written since
    capped = make_fetcher(httpserver, store, []).fetch("@acme@staffing.example", max_posts=10)
    assert capped.new_posts == 10
    assert capped.notes == [
        "Stopped at the 10-post cap (--max-posts) before reaching the posts fetched last time:"
        f" the ones of {_day(1)} are not fetched yet; fetch again to get them (the next run"
        " reads them first)"
    ]
    rest = make_fetcher(httpserver, store, []).fetch("@acme@staffing.example", max_posts=400)
    # the 20 between are read first, then only what is newer than the newest stored
    assert rest.new_posts == 20 and not rest.notes
    assert int(store.conn.execute("SELECT COUNT(*) FROM posts").fetchone()[0]) == 80
    assert fake.requests[-1][1]["since_id"] == "1000080"


def test_a_first_run_cut_by_its_cap_says_so_and_a_higher_cap_reads_older_statuses(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = FakeMastodon(httpserver, n=50)
    first = make_fetcher(httpserver, store, []).fetch("@acme@staffing.example", max_posts=20)
    assert first.new_posts == 20 and first.capped[0]["left"] == "older"
    assert "the newest 20 posts are fetched, and any older ones" in first.notes[0]
    higher = make_fetcher(httpserver, store, []).fetch("@acme@staffing.example", max_posts=40)
    assert higher.new_posts == 20  # the next 20, below the oldest the first run read
    assert fake.requests[-1][1]["max_id"] == fake.ids[19]
    same = make_fetcher(httpserver, store, []).fetch("@acme@staffing.example", max_posts=40)
    # nothing new and nothing older read: the run says why, as a Bluesky one does
    assert same.new_posts == 0 and same.capped[0]["left"] == "older"
    assert same.notes == [
        "No new posts under the 40-post cap (--max-posts): the newest 40 posts are stored"
        f" already, and any older ones (before {_day(1)}) are not; to get them, fetch again"
        " with a higher cap, e.g. --max-posts 80"
    ]


def _day(day: int) -> str:
    """1 March 2026, the stand-in's date of every status, as a note says it."""
    return f"{day} Mar" + ("" if datetime.now(UTC).year == 2026 else " 2026")


def test_an_answer_whose_reset_time_cannot_be_read_is_read_not_waited_for(
    httpserver: HTTPServer, store: Store
) -> None:
    """Mastodon.py raises its rate-limit error for any answer whose X-RateLimit-Reset it cannot
    read: a page of posts was asked for three times, then the run said to check the clock."""
    asked: list[str] = []

    def answer(request: Request) -> Response:
        asked.append(request.path)
        headers = {"X-RateLimit-Reset": "in a while", "X-RateLimit-Remaining": "299"}
        if len(asked) == 1:  # a 429 with a reset no one can read: its Retry-After is waited
            headers["Retry-After"] = "2"
            return Response("Too Many Requests", status=429, headers=headers)
        status = {"id": "1000001", "created_at": "2026-03-01T10:00:00.000Z", "content": "<p>hi</p>"}
        status |= {"account": account_json(httpserver), "uri": "https://staffing.example/s/1"}
        page = [] if request.args.get("max_id") else [status]
        return Response(json.dumps(page), content_type="application/json", headers=headers)

    httpserver.expect_request("/api/v1/timelines/tag/hiring").respond_with_handler(answer)
    sleeps: list[float] = []
    report = make_fetcher(httpserver, store, sleeps).fetch_hashtag("hiring", "staffing.example")
    assert report.stopped is None and report.new_posts == 1 and len(asked) == 3
    assert len(sleeps) == 1 and 0 < sleeps[0] <= 2


def test_a_time_is_readable_as_mastodon_py_reads_it() -> None:
    for readable in ("1732780000", "2026-11-28T09:00:00.000Z", "Sat, 28 Nov 2026 09:00:00 GMT"):
        assert readable_time(readable)
    for unreadable in ("", "soon", "in a while", "12:99:99"):
        assert not readable_time(unreadable)
