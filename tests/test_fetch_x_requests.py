"""One X request and what its failures mean, for the cases the fetch tests do not reach: an
answer lost after reaching X when the budget cannot pay for asking again, and which network
failures may have reached X (and been billed)."""

from __future__ import annotations

from typing import Any

import pytest
import requests
from urllib3.exceptions import ReadTimeoutError

from staffpulse.errors import BudgetExceededError
from staffpulse.fetch.common import FetchReport
from staffpulse.fetch.x_costs import Budget, PageCost, Rates
from staffpulse.fetch.x_requests import call_x, reached_x


def _lost(**_: Any) -> dict[str, Any]:
    raise requests.ReadTimeout("read timed out")


def test_an_answer_lost_when_no_retry_fits_the_budget_stops_the_fetch() -> None:
    report = FetchReport(platform="x", target="@acme")
    report.cost_usd = 0.90
    cost = PageCost(items=100, per_item=0.005, budget=Budget(1.0, Rates(0.005, 0.01), report))
    waits: list[float] = []
    with pytest.raises(BudgetExceededError) as raised:
        call_x(
            "@acme timeline",
            _lost,
            report,
            {"max_results": 100},
            host="api.x.com",
            retries=3,
            max_wait=60,
            sleep=waits.append,
            notify=lambda _message: None,
            cost=cost,
        )
    message = str(raised.value)
    assert message.startswith("@acme timeline: X's answer was lost on the way")
    assert "$0.50" in message and "$1.00" in message  # what X may have billed, the budget
    assert (report.stopped, report.lost_answers, report.requests) == ("budget", 1, 1)
    assert waits == []  # not asked again


def _answer(body: bytes) -> requests.Response:
    response = requests.Response()
    response.status_code = 200
    response._content = body
    return response


def test_an_answer_lost_is_asked_again_for_a_page_the_budget_still_pays() -> None:
    report = FetchReport(platform="x", target="@acme")
    cost = PageCost(items=100, per_item=0.005, budget=Budget(0.80, Rates(0.005, 0.01), report))
    asked: list[int] = []

    def once_lost(max_results: int) -> requests.Response:
        asked.append(max_results)
        if len(asked) == 1:
            raise requests.ReadTimeout("read timed out")
        return _answer(b'{"data": []}')

    answer = call_x(
        "@acme timeline",
        once_lost,
        report,
        {"max_results": 100},
        host="api.x.com",
        retries=3,
        max_wait=60,
        sleep=lambda _s: None,
        notify=lambda _message: None,
        cost=cost,
    )
    assert answer == {"data": []}
    # $0.50 may be billed for the lost answer: $0.30 left pays for 60 posts
    assert asked == [100, 60]


def test_only_a_failure_after_the_request_was_sent_may_have_reached_x() -> None:
    assert reached_x(requests.ReadTimeout())
    assert reached_x(requests.exceptions.ChunkedEncodingError())
    pool: Any = None  # the pool the answer came through: not read
    assert reached_x(requests.ConnectionError(ReadTimeoutError(pool, "/2/tweets", "slow")))
    assert not reached_x(requests.ConnectTimeout())
    assert not reached_x(requests.ConnectionError("connection refused"))
