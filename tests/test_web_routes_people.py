"""The Connect page (routes_people) as a user meets it: the "Rank as of" and "Counts as
inactive after" controls and the include options as checkboxes, a date or number it cannot use
explained, and a slow ranking shown with its progress, then the suggestions. Its advice is
in test_web_routes_people_advice.py, each suggestion's line in
test_web_routes_people_suggestions.py."""

from __future__ import annotations

import re
import threading
import warnings
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from connect_page_helpers import (  # noqa: E402
    ACCOUNT,
    TERMINAL,
    connect_client,
    connect_fresh_db,
    connect_sample_db,
)
from staffpulse.connect.suggest import SuggestOptions  # noqa: E402
from web_helpers import make_client, reader_words  # noqa: E402

sample_db = pytest.fixture(connect_sample_db, scope="module", name="sample_db")
client = pytest.fixture(connect_client, name="client")
fresh_db = pytest.fixture(connect_fresh_db, name="fresh_db")


def test_the_form_offers_the_date_and_the_inactive_days_with_the_librarys_defaults(
    client: Any,
) -> None:
    page = client.get(f"/connect?account={ACCOUNT}").text
    assert re.search(r'<input type="date" name="as_of" value=""', page)
    default = SuggestOptions().inactive_days
    assert re.search(rf'name="inactive_days" min="1" max="36500" value="{default}"', page)
    assert (
        "Counts as inactive after" in page
        and "(the newest post of the account or the people it talks with)" in page
    )


def test_the_default_ranking_and_a_dated_one_are_not_mixed_up(client: Any) -> None:
    """Each date has its own cached ranking: the page after a dated one is not the dated one."""
    assert (
        "No account to suggest yet"
        in client.get(f"/connect?account={ACCOUNT}&as_of=2030-01-01").text
    )
    assert "No account to suggest yet" not in client.get(f"/connect?account={ACCOUNT}").text
    refused = client.get(f"/connect/export?account={ACCOUNT}&as_of=2030-01-01&format=csv")
    assert refused.status_code == 400 and not TERMINAL.search(refused.text.split("<footer")[0])


@pytest.mark.parametrize(
    ("query", "control"),
    [
        ("as_of=yesterday", "Rank as of"),
        ("as_of=0001-01-01", "Rank as of"),
        ("inactive_days=0", "Counts as inactive after"),
        ("inactive_days=ninety", "Counts as inactive after"),
        ("inactive_days=99999999", "Counts as inactive after"),
    ],
)
def test_a_date_or_number_that_cannot_be_used_is_explained(
    client: Any, query: str, control: str
) -> None:
    page = client.get(f"/connect?account={ACCOUNT}&{query}")
    assert page.status_code == 400 and control in page.text
    assert "--" not in page.text.split("<footer")[0]


def test_connect_offers_the_include_options_as_checkboxes(client: Any) -> None:
    page = client.get("/connect?account=x:brightpathstaff").text
    assert 'name="include" value="contacts"' in page and 'name="include" value="unseen"' in page
    assert "--include" not in page
    wider = client.get("/connect?account=@brightpathstaff (x)&include=contacts&include=unseen")
    assert wider.status_code == 200
    assert 'value="contacts" checked' in wider.text
    assert "include=contacts" in wider.text  # the export buttons export the same list


def test_a_slow_connect_shows_progress_then_the_suggestions(
    fresh_db: Path, monkeypatch: Any
) -> None:
    with make_client(fresh_db, page_wait=0.0) as client:
        backend = client.app.state.web.backend
        release = threading.Event()
        real = type(backend).suggestions

        def slow(self: Any, *args: Any, **kwargs: Any) -> Any:
            release.wait(30)
            return real(self, *args, **kwargs)

        monkeypatch.setattr(type(backend), "suggestions", slow)
        first = client.get("/connect?account=x:brightpathstaff")
        assert (
            first.status_code == 200 and "Ranking who @brightpathstaff should follow" in first.text
        )
        assert 'data-job="' in first.text and 'aria-current="page">Connect' in first.text
        job_id = first.text.split('data-job="', 1)[1].split('"', 1)[0]
        assert client.get("/connect?account=x:brightpathstaff").text.count("data-job=") == 1
        release.set()
        client.app.state.web.jobs.wait(job_id)
        ready = client.get("/connect?account=x:brightpathstaff")
        assert "Who @brightpathstaff should follow" in ready.text and "data-job=" not in ready.text
        assert client.app.state.web.jobs.recent() == []  # not listed as an import


def test_the_ranking_date_reads_as_on_every_other_page(client: Any) -> None:
    # the Connect page said "Ranked as of 2026-11-19" where the Inbox says "19 Nov 2026"
    words = reader_words(client.get(f"/connect?account={ACCOUNT}").text)
    assert re.search(r"Ranked as of \d\d [A-Z][a-z]{2} \d{4} \(the newest post", words), words
    assert not re.search(r"\b\d{4}-\d\d-\d\d\b", words)
    asked = reader_words(client.get(f"/connect?account={ACCOUNT}&as_of=2026-11-01").text)
    assert "Ranked as of 1 Nov 2026;" in asked
