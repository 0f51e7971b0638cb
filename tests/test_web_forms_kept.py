"""A form that could not be used comes back with what was typed and why, on its own page:
Connect (an unknown account, a bad "Rank as of", a negative number of days), "Fetch an account
live" (an invalid or blank handle) and the X cost estimate's "Change or cancel"."""

from __future__ import annotations

import html
import re
import warnings
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import csrf_token, make_client, sample_store  # noqa: E402


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with make_client(sample_store(tmp_path_factory.mktemp("kept"))) as c:
        yield c


def _value(page: str, name: str) -> str:
    """The value a text field of the page is filled in with."""
    found = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', page)
    if found is None:
        found = re.search(rf'<input[^>]*value="([^"]*)"[^>]*name="{name}"', page)
    assert found, f"no field {name}"
    return html.unescape(found.group(1))


def _selected(page: str, name: str) -> str:
    select = page.split(f'name="{name}"', 1)[1].split("</select>", 1)[0]
    found = re.search(r'<option value="([^"]*)" selected>', select)
    assert found, f"nothing chosen in {name}"
    return found.group(1)


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
    assert _value(text, "account") == chosen["account"]
    assert _selected(text, "role") == "recruiter"
    assert _value(text, "limit") == "7"
    assert _value(text, "as_of") == chosen["as_of"]
    assert _value(text, "inactive_days") == chosen["inactive_days"]
    assert 'value="contacts" checked' in text and 'value="unseen" checked' not in text


def test_a_refused_fetch_comes_back_with_the_platform_handle_and_posts(client: Any) -> None:
    token = csrf_token(client)
    form = {"platform": "bluesky", "handle": "<script>alert(1)</script>", "max_posts": "50"}
    refused = client.post("/import/fetch", data={"csrf_token": token, **form})
    assert refused.status_code == 303
    page = client.get(refused.headers["location"]).text
    assert "The fetch was not started:" in page and "is not a valid Bluesky handle" in page
    assert _value(page, "handle") == "<script>alert(1)</script>"
    assert "<script>alert(1)</script>" not in page  # shown as text, never as markup
    assert _selected(page, "platform") == "bluesky" and _value(page, "max_posts") == "50"
    blank = client.post(
        "/import/fetch",
        data={"csrf_token": token, "platform": "mastodon", "handle": "", "max_posts": "80"},
    )
    page = client.get(blank.headers["location"]).text
    assert "enter the handle of the Mastodon account" in page
    assert _selected(page, "platform") == "mastodon" and _value(page, "max_posts") == "80"


def test_the_x_estimates_change_or_cancel_keeps_the_fetch_as_chosen(client: Any) -> None:
    estimate = client.get(
        "/import/fetch/x", params={"handle": "acmestaffing", "max_posts": "50", "budget": "0.3"}
    ).text
    change = re.search(r'<a class="btn ghost" href="([^"]+)">Change or cancel</a>', estimate)
    assert change, "no Change or cancel"
    page = client.get(html.unescape(change.group(1))).text
    assert _selected(page, "platform") == "x"
    assert _value(page, "handle") == "acmestaffing"
    assert _value(page, "max_posts") == "50" and _value(page, "budget") == "0.30"


def test_the_import_page_reads_only_values_its_form_can_show(client: Any) -> None:
    page = client.get(
        "/import", params={"platform": "facebook", "max_posts": "99999", "budget": "lots"}
    ).text
    assert _selected(page, "platform") == "bluesky"
    assert _value(page, "max_posts") == "3200" and _value(page, "budget") == "1.00"
    assert _value(page, "handle") == ""


def test_connect_still_ranks_when_the_choices_are_fine(client: Any) -> None:
    page = client.get("/connect", params={"account": "@brightpathstaff (x)", "limit": "3"})
    assert page.status_code == 200 and "Who @brightpathstaff should follow" in page.text
    assert "Your choices are kept above" not in page.text
