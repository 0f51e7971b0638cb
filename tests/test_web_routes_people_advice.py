"""The Connect page's advice (routes_people) when accounts are left out: it names the page's
controls, never a terminal option, and following it brings the suggestions back."""

from __future__ import annotations

import re
import warnings
from datetime import timedelta
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from connect_page_helpers import (  # noqa: E402
    ACCOUNT,
    ADVICE,
    NOW,
    TERMINAL,
    connect_client,
    connect_report,
    connect_sample_db,
    result_card,
    serve_report,
    suggestion_at,
)
from staffpulse.connect.advice import (  # noqa: E402
    CONTACTS,
    INACTIVE,
    OTHER_ROLE,
    UNKNOWN_ROLE,
    UNSEEN,
    HeldBack,
)
from staffpulse.dates import format_day  # noqa: E402

sample_db = pytest.fixture(connect_sample_db, scope="module", name="sample_db")
client = pytest.fixture(connect_client, name="client")


def test_inactive_advice_names_the_controls_and_following_it_brings_suggestions_back(
    client: Any,
) -> None:
    late = client.get(f"/connect?account={ACCOUNT}&as_of=2030-01-01").text
    assert "0 suggestions" in late and 'name="as_of" value="2030-01-01"' in late
    advice = ADVICE.search(late)
    assert advice, late
    found = re.search(
        r"set “Rank as of” to (\d{4}-\d\d-\d\d) \(or “Counts as inactive after” to (\d+) days\)",
        advice.group(1),
    )
    assert found, advice.group(1)
    assert not TERMINAL.search(result_card(late))
    date, days = found.groups()
    # either control, set as the advice says, brings the accounts back
    by_date = client.get(f"/connect?account={ACCOUNT}&as_of={date}").text
    ranked_as_of = "Ranked as of " + format_day(date)  # "7 Nov 2022", as every page writes it
    assert "No account to suggest yet" not in by_date and ranked_as_of in by_date
    by_days = client.get(f"/connect?account={ACCOUNT}&as_of=2030-01-01&inactive_days={days}")
    assert "No account to suggest yet" not in by_days.text
    assert f'name="inactive_days" min="1" max="36500" value="{days}"' in by_days.text
    # the export buttons export that same list, and the file holds it
    assert f"as_of=2030-01-01&amp;inactive_days={days}" in by_days.text
    exported = client.get(
        f"/connect/export?account={ACCOUNT}&as_of=2030-01-01&inactive_days={days}&format=csv"
    )
    assert exported.status_code == 200 and len(exported.text.splitlines()) > 1


def _held(*groups: tuple[list[str], int], old: bool = True) -> HeldBack:
    held = HeldBack()
    for reasons, n in groups:
        for i in range(n):
            last = NOW - timedelta(days=200 + i) if old and INACTIVE in reasons else None
            held.add(reasons, last, "recruiter")
    return held


# every group of left-out accounts the library gives advice for, alone and mixed
NO_SUGGESTIONS = {
    "contacts only": (_held(([CONTACTS], 3)), None, ["Include people you already talk with"]),
    "inactive only": (_held(([INACTIVE], 4)), None, ["“Rank as of” to", "inactive after"]),
    "inactive, no last post": (
        _held(([INACTIVE], 2), old=False),
        None,
        ["a larger “Counts as inactive after”"],
    ),
    "role only": (_held(([OTHER_ROLE], 5)), "vendor", ["choose a wider role (or “Any role”)"]),
    "unseen only": (_held(([UNSEEN], 6)), None, ["Include accounts never seen", "Import"]),
    # nothing to read: no wider role but "Any role" shows them, and their posts would tell it
    "role unknown only": (
        _held(([UNKNOWN_ROLE], 2)),
        "vendor",
        ["2 accounts have too little to read to tell their role", "choose “Any role”", "Import"],
    ),
    "contacts never seen": (
        _held(([CONTACTS, UNSEEN], 2)),
        None,
        ["tick “Include people you already talk with” and “Include accounts never seen”"],
    ),
    "everything at once": (
        _held(([CONTACTS, UNSEEN, INACTIVE, OTHER_ROLE], 1), ([UNSEEN], 3), ([INACTIVE], 2)),
        "vendor",
        # the largest group's setting, then the rest counted, not every group's settings
        ["Include accounts never seen", "for 3 more left out, the other settings of this page"],
    ),
}


@pytest.mark.parametrize("state", sorted(NO_SUGGESTIONS))
def test_no_suggestions_advice_names_the_page_controls_not_terminal_options(
    client: Any, monkeypatch: pytest.MonkeyPatch, state: str
) -> None:
    held, role, expected = NO_SUGGESTIONS[state]
    report = connect_report(held, role)
    assert report.next_step and "--" in report.next_step  # the library speaks to a terminal
    serve_report(client, monkeypatch, report)
    page = client.get(f"/connect?account={ACCOUNT}" + (f"&role={role}" if role else ""))
    assert page.status_code == 200
    card = result_card(page.text)
    advice = ADVICE.search(card)
    assert advice, card
    for words in expected:
        assert words in advice.group(1), advice.group(1)
    assert not TERMINAL.search(card), card
    assert not re.search(r"--(?:include|as-of|inactive|role|export|limit)", page.text)


def test_brands_left_out_by_default_are_counted_with_the_control_that_shows_them(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from staffpulse.connect.advice import OUTSIDE_HIRING

    report = connect_report(HeldBack(), None, [suggestion_at(1, 100.0)])
    report.excluded = {OUTSIDE_HIRING: 3}
    serve_report(client, monkeypatch, report)
    page = client.get(f"/connect?account={ACCOUNT}").text
    assert "Left out: 3 others outside hiring (choose “Any role” to see them)." in result_card(page)
    assert not TERMINAL.search(result_card(page))
    # the default is named for what it leaves out, and "Any role" is a choice of its own
    assert '<option value="" selected>All but brands and public figures</option>' in page
    assert '<option value="any">Any role</option>' in page
    chosen = client.get(f"/connect?account={ACCOUNT}&role=any").text
    assert '<option value="any" selected>Any role</option>' in chosen


def test_accounts_of_unknown_role_are_counted_apart_with_the_control_that_shows_them(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under a role, accounts with nothing to read were counted "of another role"."""
    report = connect_report(HeldBack(), "vendor", [suggestion_at(1, 100.0)])
    report.excluded = {OTHER_ROLE: 1, UNKNOWN_ROLE: 2}
    serve_report(client, monkeypatch, report)
    card = result_card(client.get(f"/connect?account={ACCOUNT}&role=vendor").text)
    assert "1 of another role, 2 with too little to read to tell their role" in card
    assert "accounts with too little to read to tell their role: choose Role “Any role”" in card
    assert not TERMINAL.search(card)


def test_connect_wording_rewrites_every_option_the_advice_names() -> None:
    from staffpulse.web.wording import web_text

    cases = {
        "use --as-of 2022-11-07 (or --inactive-days 1365)": (
            "set “Rank as of” to 2022-11-07 (or “Counts as inactive after” to 1365 days)"
        ),
        "use a larger --inactive-days": "set a larger “Counts as inactive after”",
        # the advice offers only what it checked: sometimes one of the two
        "use --inactive-days 301": "set “Counts as inactive after” to 301 days",
        # the groups after the three largest, in short
        "for 17 more accounts use --role any, for 4 use --include-unseen": (
            "for 17 more accounts choose “Any role”, for 4 tick “Include accounts never seen”"
        ),
        "show them with --role any and --as-of 2022-11-08": (
            "choose “Any role” and set “Rank as of” to 2022-11-08 to see them"
        ),
        "use a wider --role (or none)": "choose a wider role (or “Any role”)",
        "use a wider --role (or --role any)": "choose a wider role (or “Any role”)",
        "use --role any": "choose “Any role”",
        "show them with --include-contacts and --role any": (
            "tick “Include people you already talk with” and choose “Any role” to see them"
        ),
        "show them with --include-contacts and --include-unseen": (
            "tick “Include people you already talk with” and “Include accounts never seen” "
            "to see them"
        ),
        "show it with --include-contacts, --as-of 2022-11-07 (or --inactive-days 9) and a "
        "wider --role (or none)": (
            "tick “Include people you already talk with”, set “Rank as of” to 2022-11-07 (or "
            "“Counts as inactive after” to 9 days) and choose a wider role (or “Any role”) to "
            "see it"
        ),
    }
    for text, shown in cases.items():
        assert web_text(text) == shown


def test_advice_to_rank_as_of_another_date_comes_with_a_link_that_sets_its_fields(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An archive told to rank as of its busiest stretch with two tick boxes: one link fills
    the date and ticks both, keeping the role and the number asked for."""
    from datetime import UTC, datetime

    from staffpulse.connect.advice import Remedy

    report = connect_report(_held(([CONTACTS, UNSEEN], 4)), "recruiter")
    report.advice = (
        "@brightpathstaff's conversations are mostly older than 20 Nov 2026, the newest post "
        "of it or the people it talks with: rank as of its busiest stretch of conversations "
        "to see its circle then: use --as-of 2019-05-02, --include-contacts and --include-unseen"
    )
    day = datetime(2019, 5, 2, tzinfo=UTC)
    report.retry = Remedy(include_contacts=True, include_unseen=True, as_of=day)
    serve_report(client, monkeypatch, report)
    page = client.get(f"/connect?account={ACCOUNT}&role=recruiter&limit=30").text
    card = result_card(page)
    advice = ADVICE.search(card)
    assert advice and "set “Rank as of” to 2019-05-02" in advice.group(1), card
    link = re.search(r'<a class="btn small" id="retry" href="([^"]+)">Rank with these', card)
    assert link, card
    assert link.group(1) == (
        "/connect?account=x%3Abrightpathstaff&amp;limit=30&amp;role=recruiter"
        "&amp;include=contacts&amp;include=unseen&amp;as_of=2019-05-02"
    )
    assert not TERMINAL.search(card), card
    # following it shows the form with those fields set
    filled = client.get(link.group(1).replace("&amp;", "&")).text
    assert 'name="as_of" value="2019-05-02"' in filled
    assert 'value="contacts" checked' in filled and 'value="unseen" checked' in filled
    # with no such set of options, no link
    report.retry = None
    assert 'id="retry"' not in client.get(f"/connect?account={ACCOUNT}").text
