"""Connect's form (routes_people, /connect) comes back with what was typed and why, on its own
page: an unknown account, a bad "Rank as of", a negative number of days; with fine choices it
ranks, and a list cut short by "How many" says how many it shows of how many, in the form's
words."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from connect_fixtures import WHEN, make_suggestion  # noqa: E402
from connect_page_helpers import result_card  # noqa: E402
from staffpulse.connect.suggestion import SuggestReport  # noqa: E402
from staffpulse.models import Account  # noqa: E402
from staffpulse.web.routes_people import INACTIVE_DAYS, _shown_line  # noqa: E402
from web_helpers import field_value, make_client, sample_store, selected_option  # noqa: E402

# a terminal option or command on a page (as test_web_routes_people checks)
TERMINAL = re.compile(r"--[a-z]|staffpulse [a-z-]+ ")


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


def test_the_firms_name_typed_for_its_handle_finds_its_account(client: Any) -> None:
    """ "Mia Castellano" (the name the suggestions show beside "@mia_recruits (x)") typed in
    Connect's "Your account" was "no account 'Mia Castellano' in the store", and in the
    Inbox's "You post as" a warning that @Mia Castellano is not in the store."""
    connect = client.get("/connect", params={"account": "mia  castellano", "limit": "3"})
    assert "Who @mia_recruits should follow" in connect.text
    inbox = client.get("/inbox", params={"as": "Mia Castellano"}).text
    assert field_value(inbox, "as") == "@mia_recruits (x)"
    assert "is not in the store" not in inbox and "names no account" not in inbox
    unknown = client.get("/connect", params={"account": "Nobody Atall"}).text
    assert "no account &#39;Nobody Atall&#39; in the store" in unknown


def test_a_list_cut_short_says_how_many_of_how_many_in_the_forms_words(client: Any) -> None:
    account = "@harborline (x)"
    short = client.get("/connect", params={"account": account, "limit": "2"}).text
    card = short.split('<section class="card">', 1)[1].split("</section>", 1)[0]
    said = re.search(r'<p class="shown-of">(.*?)</p>', card)
    assert said, card
    # (the sample's broadcast-only firm is left out, named below the list)
    assert said.group(1) == "Showing 2 of 7 suggestions: “How many” at 7 shows them all."
    assert not TERMINAL.search(card)  # a page has no --limit
    whole = client.get("/connect", params={"account": account, "limit": "7"}).text
    assert "shown-of" not in whole


def test_more_than_the_page_can_show_names_its_largest_how_many() -> None:
    report = SuggestReport(
        account=Account(platform="x", id="1", handle="acme_staffing"),
        as_of=WHEN,
        suggestions=[make_suggestion(1, "hannah_hr", "hannah_hr")],
        circle_size=3,
        candidates=150,
    )
    assert _shown_line(report) == (
        "Showing 1 of 150 suggestions: “How many” at 100, the most a page shows, shows more"
    )


def test_an_address_without_the_inactive_days_comes_back_with_the_default(client: Any) -> None:
    # a handle typed in the address bar: the form must still be sendable once it is corrected
    page = client.get("/connect", params={"account": "nobody_zz"})
    assert page.status_code == 404 and "Your choices are kept above" in page.text
    assert field_value(page.text, "inactive_days") == str(INACTIVE_DAYS)


def test_the_cohort_files_roles_are_a_box_to_tick_as_connect_cohort_gives_them(
    client: Any,
) -> None:
    """connect --cohort on the page: the Benchmark page's cohort file (here the sample's) is
    offered by name, and ticked, each account it names shows the role it gives."""
    query = {"account": "x:harborline"}
    plain = client.get("/connect", params=query).text
    assert "Use the roles your cohort file gives (cohort.csv)" in plain
    assert "staffing firm (your cohort file)" not in plain
    ticked = client.get("/connect", params={**query, "include": "cohort"}).text
    assert "staffing firm (your cohort file)" in ticked
    assert 'value="cohort" checked' in ticked
    assert not TERMINAL.search(result_card(ticked))


def test_a_name_two_accounts_share_is_answered_with_their_handles(tmp_path: Any) -> None:
    """The pickers said "no account 'Quill Hire Partners'" (Connect) and "@Quill Hire Partners
    is not in the store" (Inbox) for a name two accounts have: the handles to give instead."""
    from audit_helpers import FeedBuilder, store_with

    feeds = [FeedBuilder("quillhire", display_name="Quill Hire Partners"),
             FeedBuilder("quillhire.bsky.social", "bluesky", "Quill Hire Partners")]  # fmt: skip
    for feed in feeds:
        feed.chat(6)
    store_with(tmp_path, *feeds).close()
    shared = "&#39;Quill Hire Partners&#39; is the display name of 2 accounts: @quillhire (x)"
    with make_client(tmp_path / "test.db") as c:
        connect = c.get("/connect", params={"account": "Quill Hire Partners"})
        inbox = " ".join(c.get("/inbox", params={"as": "Quill  Hire Partners"}).text.split())
    assert connect.status_code == 404 and shared in connect.text
    assert f"“You post as” names no account in the store:</strong> {shared}" in inbox
    assert "give the handle of the one you mean instead, e.g. @quillhire" in inbox
