"""``fetch mastodon``'s limits against a local stand-in: a 429 that gives no
``X-RateLimit-Reset`` but a ``Retry-After`` (a proxy in front of the instance), waited for as
long as it says; a run cut by ``--max-posts``, whose gap the next run fills."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from email.utils import formatdate

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from staffpulse.fetch.common import retry_after_epoch
from staffpulse.fetch.mastodon import MastodonFetcher
from staffpulse.store import Store
from test_fetch_mastodon import FakeMastodon, _fetcher


@pytest.mark.parametrize("as_date", [False, True])
def test_a_429_told_only_by_retry_after_is_waited_that_long(
    httpserver: HTTPServer, store: Store, as_date: bool
) -> None:
    retry_after = formatdate(time.time() + 3, usegmt=True) if as_date else "2"
    asked: list[str] = []

    def answer(request: Request) -> Response:
        asked.append(request.path)
        if len(asked) == 1:
            return Response("Too Many Requests", status=429, headers={"Retry-After": retry_after})
        return Response(json.dumps([]), content_type="application/json")

    httpserver.expect_request("/api/v1/timelines/tag/hiring").respond_with_handler(answer)
    sleeps: list[float] = []
    config = {"fetch": {"timeout_seconds": 10.0, "max_wait_seconds": 5}}
    base = httpserver.url_for("").rstrip("/")
    fetcher = MastodonFetcher(store, config=config, base_url=base, sleep=sleeps.append)
    report = fetcher.fetch_hashtag("hiring", "staffing.example")
    assert report.stopped is None and len(asked) == 2
    # as told (an HTTP date is to the second), not the 5 s a 429 that says nothing waits
    assert len(sleeps) == 1 and 0 < sleeps[0] <= 3 and sleeps[0] != 5.0


def test_retry_after_is_read_as_seconds_or_a_date_and_nothing_else() -> None:
    now = time.time()
    assert retry_after_epoch("30") == pytest.approx(now + 30, abs=2)
    assert retry_after_epoch(formatdate(now + 60, usegmt=True)) == pytest.approx(now + 60, abs=2)
    for unusable in (None, "", "soon", "0", "-5", "nan"):
        assert retry_after_epoch(unusable) is None


def test_a_run_capped_over_new_statuses_says_what_it_left_and_the_next_reads_it(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = FakeMastodon(httpserver, n=50)
    _fetcher(httpserver, store, []).fetch("@acme@staffing.example")
    fake.ids[:0] = [str(1_000_080 - i) for i in range(30)]  # 30 statuses written since
    capped = _fetcher(httpserver, store, []).fetch("@acme@staffing.example", max_posts=10)
    assert capped.new_posts == 10
    assert capped.notes == [
        "Stopped at the 10-post cap (--max-posts) before reaching the posts fetched last time:"
        f" the ones of {_day(1)} are not fetched yet; fetch again to get them (the next run"
        " reads them first)"
    ]
    rest = _fetcher(httpserver, store, []).fetch("@acme@staffing.example", max_posts=400)
    # the 20 between are read first, then only what is newer than the newest stored
    assert rest.new_posts == 20 and not rest.notes
    assert int(store.conn.execute("SELECT COUNT(*) FROM posts").fetchone()[0]) == 80
    assert fake.requests[-1][1]["since_id"] == "1000080"


def _day(day: int) -> str:
    """1 March 2026, the stand-in's date of every status, as a note says it."""
    return f"{day} Mar" + ("" if datetime.now(UTC).year == 2026 else " 2026")
