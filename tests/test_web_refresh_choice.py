"""The Refresh page's choice (web.refresh_choice): the X budget is read as a marketer types
it, a comma for the cents included, and one that cannot be used sends the page back with the
same accounts and the budget as typed, to be corrected."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from staffpulse.errors import InputError  # noqa: E402
from staffpulse.web.refresh_choice import MAX_BUDGET, read_budget  # noqa: E402
from web_helpers import (  # noqa: E402
    csrf_token,
    field_value,
    finished_job,
    make_client,
    native_jsonl,
    page_words,
    upload_files,
)


@pytest.mark.parametrize(
    ("typed", "budget"),
    [
        ("", None),
        ("5", 5.0),
        (" $5 ", 5.0),
        ("5.50", 5.5),
        ("5,50", 5.5),  # a comma for the cents: five and a half, not 550
        ("5,5", 5.5),
        ("1,000", 1000.0),  # a comma that groups the thousands
        ("1,000.00", 1000.0),
    ],
)
def test_a_budget_is_read_as_a_marketer_types_it(typed: str, budget: float | None) -> None:
    assert read_budget(typed) == budget


@pytest.mark.parametrize("typed", ["five", "0", "-5", "1e9", "nan", "inf", "5,5,0", "1.000,50"])
def test_a_budget_that_is_no_amount_or_out_of_range_is_refused(typed: str) -> None:
    with pytest.raises(InputError) as caught:
        read_budget(typed)
    assert f"“{typed}” is not a budget" in caught.value.message
    assert f"{MAX_BUDGET:,.0f}" in str(caught.value.hint)


def test_a_refused_budget_keeps_the_list_chosen_and_the_budget_as_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # with a cohort in use too, a refused budget sent the page back to the cohort's accounts,
    # with the field empty: corrected and started, it refreshed the cohort, not the list
    monkeypatch.setenv("X_BEARER_TOKEN", "AAAA" + "x" * 100)  # the budget field is shown
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("handle,platform,segment\nme,x,staffing firm\n")
    with make_client(tmp_path / "store.db", cohort_file=cohort) as client:
        finished_job(client, upload_files(client, [("own.jsonl", native_jsonl([("x", "me", 12)]))]))
        token = csrf_token(client, "/refresh")
        client.post(
            "/refresh/list",
            data={"csrf_token": token},
            files={"list": ("firms.csv", b"acmestaffing,x\n", "text/csv")},
        )
        refused = client.post(
            "/refresh",
            data={"csrf_token": token, "which": "list", "budget": "5,5,0", "shown_budget": ""},
        )
        assert refused.status_code == 303
        page = client.get(refused.headers["location"]).text
    words = page_words(page)
    assert "The refresh was not started:" in words and "“5,5,0” is not a budget" in words
    assert 'value="list" checked' in page and "firms.csv" in words
    assert field_value(page, "budget") == "5,5,0"
