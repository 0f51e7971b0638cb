"""A submitted form (staffpulse.web.forms, staffpulse.web.flash): every form answers with a
redirect, so a reload sends nothing again, and the page it leads to says why (a script asking
for JSON still gets the error with its status; a key nobody was given shows nothing); a text
field named like the upload's parts does not pass for a file, so a form without a file is
refused as one and nothing is saved."""

from __future__ import annotations

import warnings
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import (  # noqa: E402
    csrf_token,
    followed_page,
    sample_copy_client,
    sample_db_of_module,
)

sample_db = pytest.fixture(sample_db_of_module, scope="module", name="sample_db")
client = pytest.fixture(sample_copy_client, name="client")


def test_forms_answer_with_a_redirect_so_a_reload_sends_nothing(client: Any) -> None:
    token = csrf_token(client, "/settings")
    empty = client.post(
        "/settings/tokens", data={"name": "x_bearer_token", "value": "", "csrf_token": token}
    )
    assert empty.headers["location"].startswith("/settings?flash=")
    page = followed_page(client, empty)
    assert "The X API bearer token was not saved:" in page and "field was empty" in page
    assert client.get(empty.headers["location"]).text == page  # a reload shows it again
    fetch = client.post(
        "/import/fetch",
        data={"csrf_token": token, "platform": "mastodon", "handle": "not a handle"},
    )
    assert fetch.headers["location"].startswith("/import?platform=mastodon&handle=not+a+handle")
    shown = followed_page(client, fetch)
    assert "The fetch was not started:" in shown and "e.g. @you@mastodon.social" in shown
    assert "bsky" not in shown.split("The fetch was not started:", 1)[1].split("</div>", 1)[0]
    # scripts asking for JSON still get the error with its status
    as_json = client.post(
        "/settings/tokens",
        data={"name": "x_bearer_token", "value": "", "csrf_token": token},
        headers={"accept": "application/json"},
    )
    assert as_json.status_code == 400 and "field was empty" in as_json.json()["error"]
    # a key nobody was given shows nothing
    assert "flash" not in client.get("/settings?flash=made-up").text.split("<main", 1)[1][:300]


def test_text_fields_named_like_the_upload_do_not_pass_for_a_file(client: Any) -> None:
    """A client can post any field name: one called like the upload's parts is a field, so a
    form without a file is refused as one, and nothing is saved."""
    cohort = "handle,platform,segment\nbrightpathstaff,x,staffing_firm\n"
    fields = {
        "csrf_token": csrf_token(client, "/benchmark"),
        "__file__": cohort,
        "__filename__": "spoofed.csv",
        "__encoding_note__": "read as windows-1252",
    }
    page = followed_page(client, client.post("/benchmark/cohort", data=fields))
    assert "no cohort file was attached, or the file is empty" in page
    assert "spoofed.csv" not in page and "Cohort saved" not in page
    assert not client.app.state.web.settings.saved_cohort().exists()
