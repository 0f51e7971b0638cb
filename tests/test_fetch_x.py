"""``fetch x`` runs the real tweepy client against a local server speaking X API v2."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
import requests
from pytest_httpserver import HTTPServer

from _fake_api import interrupted_after, seconds_from_answer
from staffpulse.errors import (
    BudgetExceededError,
    FetchError,
    PaymentRequiredError,
    RateLimitError,
)
from staffpulse.fetch.avatars import larger_x_avatar
from staffpulse.fetch.x import XFetcher
from staffpulse.fetch.x_costs import Rates, estimate_cost
from staffpulse.store import Store
from x_fetch_helpers import LONG_POST, PNG, FakeX, november_snowflake, post_count, x_fetcher


def test_timeline_mentions_pagination_and_avatar(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeX(httpserver)
    report = x_fetcher(httpserver, store, []).fetch("@AcmeStaffing", max_mentions=10)
    assert (report.posts, report.new_posts, report.stopped) == (29, 29, None)
    assert report.post_reads == 29 and report.user_reads == 2  # lookup + the mention author
    assert report.cost_usd == pytest.approx(29 * 0.005 + 2 * 0.010)
    assert report.avatar_path and Path(report.avatar_path).read_bytes() == PNG
    tweets = [a for p, a in fake.requests if p.endswith("/tweets")]
    assert [a.get("pagination_token") for a in tweets] == [None]  # 23 fit one 100-page
    run = store.conn.execute("SELECT status, counts FROM runs WHERE kind = 'fetch'").fetchone()
    assert run["status"] == "ok" and json.loads(run["counts"])["posts"] == 29
    # a second run asks only for newer posts and stores nothing twice
    again = x_fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=10)
    assert again.new_posts == 0 and post_count(store) == 29
    assert fake.requests[-2][1]["since_id"] == fake.tweets[0]


def test_a_post_over_280_characters_is_stored_whole(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeX(httpserver, n=3, m=0)
    x_fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=0)
    newest = store.get_posts("x", [fake.tweets[0]])[fake.tweets[0]]
    assert newest.text == LONG_POST


def test_budget_is_never_exceeded(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeX(httpserver, n=120)
    report = x_fetcher(httpserver, store, [], budget=0.30).fetch("AcmeStaffing")
    assert report.stopped == "budget" and report.cost_usd <= 0.30 + 1e-9
    spent = 0.010
    for _path, args in fake.requests[1:]:
        assert spent + int(args["max_results"]) * 0.005 <= 0.30 + 1e-9
        spent += int(args["max_results"]) * 0.005
    assert post_count(store) == 58
    with pytest.raises(BudgetExceededError):
        x_fetcher(httpserver, store, [], budget=0.001).fetch("AcmeStaffing")


def _lose_a_page(fetcher: XFetcher, error: Exception, number: int = 2) -> list[int]:
    """The timeline's request ``number`` fails with ``error``; returns the page sizes asked."""
    real, asked = fetcher.client.get_users_tweets, []

    def flaky(**params: Any) -> Any:
        asked.append(int(params["max_results"]))
        if len(asked) == number:
            raise error
        return real(**params)

    fetcher.client.get_users_tweets = flaky  # type: ignore[method-assign]
    return asked


@pytest.mark.parametrize(
    ("error", "billable"),
    [(requests.ReadTimeout("read timed out"), True),  # X had the request: it may have answered
     (requests.exceptions.ChunkedEncodingError("answer cut off"), True),
     (requests.ConnectionError("connection refused"), False),  # X never had it
     (requests.ConnectTimeout("connect timed out"), False)],
)  # fmt: skip
def test_an_answer_lost_after_reaching_x_is_counted_as_maybe_billed(
    httpserver: HTTPServer, store: Store, error: Exception, billable: bool
) -> None:
    FakeX(httpserver, n=250)
    fetcher = x_fetcher(httpserver, store, [], retries=1)
    asked = _lose_a_page(fetcher, error)
    report = fetcher.fetch("AcmeStaffing", max_mentions=0)
    assert post_count(store) == 250 and report.post_reads == 250  # the retry read it all
    # X bills what it sent, so the page it may have sent is counted apart, at its worst case
    assert report.lost_answers == int(billable)
    assert report.lost_answers_usd == pytest.approx(asked[1] * 0.005 if billable else 0.0)
    assert report.as_dict()["lost_answers_usd"] == pytest.approx(report.lost_answers_usd)


def test_the_budget_keeps_room_for_an_answer_lost_to_a_timeout(
    httpserver: HTTPServer, store: Store
) -> None:
    # the first page's answer is lost: X may have billed its 100 posts ($0.50), and it bills
    # the retry too. So the retry asks only for what the rest of the budget covers: $0.80 less
    # the lookup and the lost page is 58 posts, and no page after it
    FakeX(httpserver, n=250)
    fetcher = x_fetcher(httpserver, store, [], retries=1, budget=0.80)
    asked = _lose_a_page(fetcher, requests.ReadTimeout("read timed out"), number=1)
    report = fetcher.fetch("AcmeStaffing", max_mentions=0)
    assert report.stopped == "budget" and report.lost_answers == 1
    assert asked == [100, 58] and report.post_reads == 58 == post_count(store)
    assert report.lost_answers_usd == pytest.approx(0.5)
    assert report.cost_usd + report.lost_answers_usd <= 0.80 + 1e-9  # even if X billed both


def test_a_lost_answer_is_not_asked_again_when_the_budget_has_no_room_left(
    httpserver: HTTPServer, store: Store
) -> None:
    # $0.53: the lookup ($0.01) and a page of 100 ($0.50) whose answer is lost leave $0.02,
    # less than X's smallest page (5 posts): the run stops on its budget, and resumes later
    fake = FakeX(httpserver, n=250)
    fetcher = x_fetcher(httpserver, store, [], retries=1, budget=0.53)
    asked = _lose_a_page(fetcher, requests.ReadTimeout("read timed out"), number=1)
    report = fetcher.fetch("AcmeStaffing", max_mentions=0)
    assert asked == [100] and report.stopped == "budget" and report.post_reads == 0
    assert report.cost_usd + report.lost_answers_usd <= 0.53 + 1e-9
    report = x_fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=0)
    assert report.stopped is None and post_count(store) == 250
    assert len(fake.requests) == 1 + 1 + 3  # lookup, lost page; lookup, 3 pages


def test_a_lost_lookup_is_not_asked_again_past_the_budget(
    httpserver: HTTPServer, store: Store
) -> None:
    FakeX(httpserver)
    fetcher = x_fetcher(httpserver, store, [], retries=1, budget=0.015)
    asked: list[str] = []

    def lost(**params: Any) -> Any:
        asked.append(params["username"])
        raise requests.ReadTimeout("read timed out")

    fetcher.client.get_user = lost  # type: ignore[method-assign]
    with pytest.raises(BudgetExceededError) as caught:
        fetcher.fetch("AcmeStaffing")
    assert asked == ["AcmeStaffing"]  # not asked again: $0.02 if X billed both
    assert "asking again could pass the budget of $0.015" in caught.value.message
    assert "raise --budget" in str(caught.value.hint)


def test_rate_limit_waits_until_reset(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeX(httpserver)
    fake.fail[2] = (429, {"x-rate-limit-reset": seconds_from_answer(3)})
    sleeps: list[float] = []
    report = x_fetcher(httpserver, store, sleeps).fetch("AcmeStaffing", max_mentions=0)
    assert report.posts == 23 and len(sleeps) == 1 and 0 < sleeps[0] <= 3
    fake.fail[len(fake.requests) + 2] = (429, {"x-rate-limit-reset": str(int(time.time()) + 3600)})
    with pytest.raises(RateLimitError):
        x_fetcher(httpserver, store, sleeps).fetch("AcmeStaffing", max_mentions=0)


def test_a_rate_limit_told_only_by_retry_after_is_waited_that_long(
    httpserver: HTTPServer, store: Store
) -> None:
    # a proxy in front of X refuses with no x-rate-limit-reset: waited as told, not the
    # minute a 429 that says nothing waits, which passed the 5 s allowed and stopped the fetch
    fake = FakeX(httpserver)
    fake.fail[2] = (429, {"retry-after": "3"})
    sleeps: list[float] = []
    report = x_fetcher(httpserver, store, sleeps).fetch("AcmeStaffing", max_mentions=0)
    assert report.posts == 23 and report.stopped is None
    assert len(sleeps) == 1 and 2 < sleeps[0] <= 3


def test_a_rate_limit_reset_already_past_is_not_asked_again_at_once(
    httpserver: HTTPServer, store: Store
) -> None:
    # a clock 20 minutes ahead: X's reset time looks past. Asking again at once was refused
    # again, thousands of times a second; now it waits a window (60s, over the 5s allowed)
    fake = FakeX(httpserver)
    for n in range(2, 50):
        fake.fail[n] = (429, {"x-rate-limit-reset": str(int(time.time()) - 1200)})
    sleeps: list[float] = []
    with pytest.raises(RateLimitError, match="rate limited for 60s"):
        x_fetcher(httpserver, store, sleeps).fetch("AcmeStaffing", max_mentions=0)
    assert len(fake.requests) == 2 and sleeps == []


def test_a_24_hour_limit_used_up_is_not_waited_for_15_minutes_at_a_time(
    httpserver: HTTPServer, store: Store
) -> None:
    # the 15-minute window resets in 2 s, but the app's 24-hour limit is used up for hours:
    # waiting for the window only met the next refusal
    fake = FakeX(httpserver)
    now = int(time.time())
    fake.fail[2] = (429, {"x-rate-limit-remaining": "12", "x-rate-limit-reset": str(now + 2),
                          "x-app-limit-24hour-remaining": "0",
                          "x-app-limit-24hour-reset": str(now + 5 * 3600)})  # fmt: skip
    sleeps: list[float] = []
    with pytest.raises(RateLimitError, match=r"rate limited for 1\d{4}s, more than the 5s"):
        x_fetcher(httpserver, store, sleeps).fetch("AcmeStaffing", max_mentions=0)
    assert sleeps == [] and len(fake.requests) == 2


def test_the_usage_cap_stops_at_once_with_xs_words(httpserver: HTTPServer, store: Store) -> None:
    # X answers 429 for its monthly usage cap too, with a reset minutes away: waiting for it
    # was refused again and again, the whole month
    fake = FakeX(httpserver)
    fake.error_body = lambda status: {  # type: ignore[method-assign]
        "title": "UsageCapExceeded", "period": "Monthly", "scope": "Product",
        "detail": "Usage cap exceeded: Monthly product cap",
        "type": "https://api.twitter.com/2/problems/usage-capped",
    }  # fmt: skip
    fake.fail[2] = (429, {"x-rate-limit-remaining": "39999",
                          "x-rate-limit-reset": seconds_from_answer(3)})  # fmt: skip
    sleeps: list[float] = []
    with pytest.raises(RateLimitError) as caught:
        x_fetcher(httpserver, store, sleeps).fetch("AcmeStaffing", max_mentions=0)
    assert len(fake.requests) == 2 and sleeps == []
    assert caught.value.message == (
        "@AcmeStaffing timeline: X's usage cap for this app is reached"
        " (Usage cap exceeded: Monthly product cap)"
    )
    assert "usage cap in the X developer console" in str(caught.value.hint)


def test_payment_required_keeps_what_was_fetched(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeX(httpserver, n=150)
    fake.fail[3] = (402, {})  # the second timeline page
    with pytest.raises(PaymentRequiredError) as stopped:
        x_fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=0)
    assert stopped.value.exit_code == 69  # add credits: not a network failure (75)
    assert post_count(store) == 100
    status = store.conn.execute("SELECT status FROM runs ORDER BY id DESC").fetchone()[0]
    assert status == "partial"


def test_server_errors_retry_then_fail(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeX(httpserver)
    fake.fail[2] = (503, {})
    sleeps: list[float] = []
    assert x_fetcher(httpserver, store, sleeps).fetch("AcmeStaffing", max_mentions=0).posts == 23
    assert len(sleeps) == 1
    base = len(fake.requests)
    for n in range(base + 2, base + 6):
        fake.fail[n] = (500, {})
    with pytest.raises(FetchError):
        x_fetcher(httpserver, store, sleeps).fetch("AcmeStaffing", max_mentions=0)


def test_network_error_halfway_then_resume(httpserver: HTTPServer, store: Store) -> None:
    fake = FakeX(httpserver, n=250)
    fetcher = x_fetcher(httpserver, store, [], retries=0)
    _lose_a_page(fetcher, requests.ReadTimeout("Read timed out."))  # the second timeline page
    with pytest.raises(FetchError, match="no answer in time") as caught:
        fetcher.fetch("AcmeStaffing", max_mentions=0)
    assert post_count(store) == 100
    # the hint says what was kept, and that the same command resumes
    assert (caught.value.hint or "").endswith(
        "the 100 posts fetched so far are stored; run the same command again to resume"
    )
    before = len(fake.requests)
    report = x_fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=0)
    assert post_count(store) == 250 and report.new_posts == 150 and report.post_reads == 150
    # the resumed run's first timeline page (a loaded machine may retry a request)
    resumed = next(a for path, a in fake.requests[before:] if path.endswith("/tweets"))
    assert resumed["until_id"] == fake.tweets[99] and "pagination_token" not in resumed


def test_estimate_and_defaults() -> None:
    estimate = estimate_cost(Rates(post=0.005, user=0.010), max_posts=5000, max_mentions=100)
    assert estimate["timeline"] == pytest.approx(3200 * 0.005)
    assert estimate["total"] == pytest.approx(0.010 + 16.0 + 100 * 0.015)
    assert larger_x_avatar("https://p/x_normal.jpg") == "https://p/x_400x400.jpg"


def test_ctrl_c_as_a_timeline_page_is_shown_resumes_below_it(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = FakeX(httpserver, n=250)

    with pytest.raises(KeyboardInterrupt):
        x_fetcher(httpserver, store, [], progress=interrupted_after(1)).fetch(
            "AcmeStaffing", max_mentions=0
        )
    assert post_count(store) == 100
    assert store.conn.execute("SELECT status FROM runs").fetchone()[0] == "interrupted"
    before = len(fake.requests)
    report = x_fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=0)
    assert post_count(store) == 250 and report.post_reads == 150  # no page read twice
    resumed = next(a for path, a in fake.requests[before:] if path.endswith("/tweets"))
    assert resumed["until_id"] == fake.tweets[99]


def test_a_capped_run_over_new_posts_says_the_days_it_left_and_the_next_fills_them(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = FakeX(httpserver, n=0, m=0)
    fake.tweets = first = [november_snowflake(12, n) for n in range(9, -1, -1)]
    x_fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=0)
    written = [november_snowflake(day, n) for day in (19, 15) for n in range(9, -1, -1)]
    fake.tweets = written + first  # 20 posts since, newest first
    capped = x_fetcher(httpserver, store, []).fetch("AcmeStaffing", max_posts=5, max_mentions=0)
    assert capped.new_posts == 5 and capped.notes == [
        "Stopped at the 5-post cap (--max-posts) before reaching the posts fetched last time:"
        " the ones from 12 Nov 2025 to 19 Nov 2025 are not fetched yet; fetch again to get"
        " them (the next run reads them first)"
    ]
    rest = x_fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=0)
    assert rest.new_posts == 15 and not rest.notes and post_count(store) == 30
    asked = [a for p, a in fake.requests if p.endswith("/tweets")][-2:]
    assert asked[0]["until_id"] == written[4] and asked[0]["since_id"] == first[0]
    assert asked[1]["since_id"] == written[0]  # then only what is newer than the newest
