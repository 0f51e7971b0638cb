"""The web boundary (staffpulse.web.app): a domain error answers with the HTTP status that
says whose failure it is, so a script can tell a refused token or a rate limit from a bug; an
error page leads back to the page the request came from, and offers the accounts an audit's
misspelt address may mean; a form's address opened as a page leads to the form's page, and
another method gets a plain message; HEAD is answered like GET; the static files are served
from the dashboard itself; every page of an empty store says to import data first."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
from web_helpers import csrf_token, make_client, private_copy, sample_store  # noqa: E402


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("app"))


@pytest.fixture
def client(sample_db: Path, tmp_path: Path) -> Iterator[Any]:
    with make_client(private_copy(sample_db, tmp_path)) as c:
        yield c


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


def test_an_error_page_leads_back_to_the_page_it_came_from(client: Any) -> None:
    token = csrf_token(client, "/inbox")
    response = client.post(
        "/inbox/state", data={"csrf_token": token, "state": "bogus", "conversation_id": "1"}
    )
    assert response.status_code == 400
    assert 'href="/inbox"' in response.text and "Back to the Inbox" in response.text
    missing = client.get("/audit/x/nobody_here")
    assert missing.status_code == 404
    assert "staffpulse import FILE" not in missing.text and "Import page" in missing.text


def test_an_audits_address_of_a_misspelt_or_misplaced_handle_opens_the_one_it_means(
    client: Any,
) -> None:
    # a bookmark with a typo, or the platform wrong: the account the message offers is one
    # click away, not a handle to retype in a picker this page does not have
    typo = client.get("/audit/x/brightpathstaf")
    assert typo.status_code == 404 and "did you mean @brightpathstaff" in typo.text
    assert 'href="/audit/x/brightpathstaff">Open @brightpathstaff on X</a>' in typo.text
    assert "check the spelling" in typo.text  # it may be another account, not yet imported
    elsewhere = client.get("/audit/bluesky/brightpathstaff")
    assert elsewhere.status_code == 404 and "is on X, not Bluesky" in elsewhere.text
    assert 'href="/audit/x/brightpathstaff">Open @brightpathstaff on X</a>' in elsewhere.text
    assert "in the list" not in elsewhere.text  # "choose the account on X in the list": none
    assert 'id="did-you-mean"' not in client.get("/audit/x/zzqqxxvv").text  # nothing close


@pytest.mark.parametrize(
    ("address", "page"),
    [
        ("/inbox/state", "/inbox"),
        ("/settings/tokens", "/settings"),
        ("/import/upload", "/import"),
        ("/import/fetch", "/import"),
        ("/benchmark/cohort", "/benchmark"),
        ("/audit/x/brightpathstaff/record", "/audit/x/brightpathstaff"),
        ("/sample/leave", "/"),
    ],
)
def test_a_forms_address_opened_as_a_page_leads_to_its_page(
    client: Any, address: str, page: str
) -> None:
    response = client.get(address)
    assert response.status_code == 303 and response.headers["location"] == page
    assert "Method Not Allowed" not in response.text


def test_another_method_gets_a_plain_message(client: Any) -> None:
    response = client.put("/inbox/state")
    assert response.status_code == 405
    assert "Method Not Allowed" not in response.text and "has no page of its own" in response.text


def test_head_is_answered_like_get(client: Any) -> None:
    response = client.head("/")
    assert response.status_code == 200 and response.content == b""
    assert client.head("/benchmark").status_code == 200


def test_static_assets_are_served_locally(client: Any) -> None:
    page = client.get("/").text
    assert "http://" not in page.split("<body>")[0] and "https://" not in page.split("<body>")[0]
    for asset in ("/static/app.css", "/static/app.js", "/static/favicon.svg", "/assets/report.css"):
        assert client.get(asset).status_code == 200
    assert ".summary" in client.get("/assets/report.css").text


@pytest.mark.parametrize("url", ["/", "/benchmark", "/inbox", "/connect", "/audit/x/someone"])
def test_empty_store_says_import_first(tmp_path: Path, url: str) -> None:
    with make_client(tmp_path / "empty.db") as empty:
        page = empty.get(url)
    assert page.status_code == 200
    assert "Import data first" in page.text and 'href="/import"' in page.text
