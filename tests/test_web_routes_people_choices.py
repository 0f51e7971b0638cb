"""Connect's form (routes_people, /connect) comes back with what was typed and why, on its own
page: an unknown account, a bad "Rank as of", a negative number of days; with fine choices it
ranks."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import field_value, make_client, sample_store, selected_option  # noqa: E402


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with make_client(sample_store(tmp_path_factory.mktemp("kept"))) as c:
        yield c


@pytest.mark.parametrize(
    ("query", "status", "said"),
    [
        ({"account": "nobody_zz"}, 404, "no account &#39;nobody_zz&#39; in the store"),
        ({"as_of": "1900-01-01"}, 400, "cannot read “Rank as of” &#39;1900-01-01&#39;"),
        ({"inactive_days": "-5"}, 400, "“Counts as inactive after” takes a number of days"),
    ],
)
def test_connect_keeps_every_choice_and_says_what_is_wrong_on_its_own_page(
    client: Any, query: dict[str, str], status: int, said: str
) -> None:
    chosen = {
        "account": "@brightpathstaff (x)",
        "role": "recruiter",
        "limit": "7",
        "as_of": "2026-11-01",
        "inactive_days": "120",
        "include": "contacts",
        **query,
    }
    page = client.get("/connect", params=chosen)
    assert page.status_code == status
    text = page.text
    assert 'action="/connect"' in text and "Error " not in text  # the form, not an error page
    assert said in text and "Your choices are kept above" in text
    assert field_value(text, "account") == chosen["account"]
    assert selected_option(text, "role") == "recruiter"
    assert field_value(text, "limit") == "7"
    assert field_value(text, "as_of") == chosen["as_of"]
    assert field_value(text, "inactive_days") == chosen["inactive_days"]
    assert 'value="contacts" checked' in text and 'value="unseen" checked' not in text


def test_connect_still_ranks_when_the_choices_are_fine(client: Any) -> None:
    page = client.get("/connect", params={"account": "@brightpathstaff (x)", "limit": "3"})
    assert page.status_code == 200 and "Who @brightpathstaff should follow" in page.text
    assert "Your choices are kept above" not in page.text
