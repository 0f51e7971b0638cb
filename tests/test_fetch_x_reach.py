"""``fetch x`` and X's own limit of the newest 3,200 posts of a timeline
(staffpulse.fetch.x_reach): the posts between two runs that X no longer serves are said, with
their days, not closed as read in silence. The limit is made 20 here, to keep the runs small."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer

from staffpulse.store import Store
from x_fetch_helpers import FakeX, november_snowflake, x_fetcher

LIMIT = 20


@pytest.fixture(autouse=True)
def _small_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("staffpulse.fetch.x.TIMELINE_CAP", LIMIT)
    monkeypatch.setattr("staffpulse.fetch.x_reach.TIMELINE_CAP", LIMIT)


def _fetched_on_the_12th(httpserver: HTTPServer, store: Store) -> tuple[FakeX, list[str]]:
    fake = FakeX(httpserver, n=0, m=0)
    fake.tweets = first = [november_snowflake(12, n) for n in range(9, -1, -1)]
    x_fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=0)
    return fake, first


def test_posts_x_no_longer_serves_are_said_with_their_days(
    httpserver: HTTPServer, store: Store
) -> None:
    fake, _first = _fetched_on_the_12th(httpserver, store)
    written = [november_snowflake(day, n) for day in (19, 15, 14) for n in range(9, -1, -1)]
    fake.tweets = written[:18]  # 30 written since; X serves 18 (deleted ones count to its 20)
    report = x_fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=0)
    assert report.new_posts == 18 and report.stopped is None
    assert report.notes == [
        "X serves only the newest 20 posts of an account, and @AcmeStaffing wrote more since"
        " the last fetch: any of its posts before those, the ones from 12 Nov 2025 to 15 Nov"
        " 2025, are beyond what X serves, so no fetch can get them; import its X archive for"
        " them (staffpulse import FILE)"
    ]


def test_a_run_cut_at_x_s_limit_says_the_rest_is_out_of_reach_and_asks_for_it_no_more(
    httpserver: HTTPServer, store: Store
) -> None:
    fake, first = _fetched_on_the_12th(httpserver, store)
    written = [november_snowflake(day, n) for day in (19, 15, 14) for n in range(9, -1, -1)]
    fake.tweets = written + first  # a fake X that would serve them all: the cap stops at 20
    report = x_fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=0)
    assert report.new_posts == LIMIT
    assert [n.split(":")[0] for n in report.notes] == [
        "X serves only the newest 20 posts of an account, and @AcmeStaffing wrote more since"
        " the last fetch"
    ]
    assert "fetch again to get them" not in report.notes[0]
    again = x_fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=0)
    asked = [a for p, a in fake.requests if p.endswith("/tweets")][-1]
    assert "until_id" not in asked and asked["since_id"] == written[0]  # no gap left to fill
    assert again.new_posts == 0 and not again.notes


def test_a_few_new_posts_read_to_the_last_run_s_say_nothing(
    httpserver: HTTPServer, store: Store
) -> None:
    fake, first = _fetched_on_the_12th(httpserver, store)
    fake.tweets = [november_snowflake(19, n) for n in range(4, -1, -1)] + first
    report = x_fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=0)
    assert report.new_posts == 5 and not report.notes
