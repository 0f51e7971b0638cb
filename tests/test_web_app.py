"""The web boundary (staffpulse.web.app): a domain error answers with the HTTP status that
says whose failure it is, so a script can tell a refused token or a rate limit from a bug."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from staffpulse.errors import (  # noqa: E402
    AuthError,
    BudgetExceededError,
    FetchError,
    InputError,
    NotFoundError,
    PaymentRequiredError,
    RateLimitError,
    StaffpulseError,
    StoreError,
)
from web_helpers import make_client  # noqa: E402


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (AuthError("X refused the bearer token (HTTP 401)", hint="check the token"), 401),
        (PaymentRequiredError("X answered 402 Payment Required"), 402),
        (RateLimitError("rate-limited for longer than 900 s"), 429),
        (FetchError("the AppView answered HTTP 500 twice"), 502),
        (BudgetExceededError("the next page would pass the budget"), 400),
        (StoreError("the store cannot be opened"), 503),
        (InputError("not a handle"), 400),
        (NotFoundError("no account @nobody"), 404),
        (StaffpulseError("a job of the dashboard was lost"), 500),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, Exception) else str(value),
)
def test_a_domain_error_answers_with_the_status_of_whose_failure_it_is(
    tmp_path: Path, error: StaffpulseError, status: int
) -> None:
    with make_client(tmp_path / "status.db") as client:

        def fail() -> None:
            raise error

        client.app.add_api_route("/api/test-failure", fail)
        client.app.add_api_route("/test-failure", fail)
        answer = client.get("/api/test-failure")
        page = client.get("/test-failure")
    assert answer.status_code == status and page.status_code == status
    assert error.message in answer.text and error.message in page.text
