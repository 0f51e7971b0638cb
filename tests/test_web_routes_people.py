"""The Connect page (routes_people) as a user meets it: the "Rank as of" and "Counts as
inactive after" controls and the include options as checkboxes, advice that names those
controls (never a terminal option), scores far below the best that stay visible, exports of the
same list as the page, and a slow ranking shown with its progress, then the suggestions."""

from __future__ import annotations

import csv
import io
import re
import threading
import warnings
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from staffpulse.connect.advice import (  # noqa: E402
    CONTACTS,
    INACTIVE,
    OTHER_ROLE,
    UNSEEN,
    HeldBack,
    Ranking,
)
from staffpulse.connect.suggest import Suggestion, SuggestOptions, SuggestReport  # noqa: E402
from staffpulse.dates import format_day  # noqa: E402
from staffpulse.models import Account  # noqa: E402
from web_helpers import make_client, private_copy, reader_words, sample_store  # noqa: E402

ACCOUNT = "x:brightpathstaff"
NOW = datetime(2026, 11, 20, tzinfo=UTC)
# a terminal option or command on a page: "--as-of", "--role", "staffpulse add-handles"
TERMINAL = re.compile(r"--[a-z]|staffpulse [a-z-]+ ")
# the advice sentence of a page with nothing to suggest
ADVICE = re.compile(r"No account to suggest yet\. What to do: (.*?)</p>", re.S)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("connect"))


@pytest.fixture
def client(sample_db: Path) -> Iterator[Any]:
    with make_client(sample_db) as c:
        yield c


@pytest.fixture
def fresh_db(sample_db: Path, tmp_path: Path) -> Path:
    """A private copy of the sample store, for a test whose app is set up otherwise."""
    return private_copy(sample_db, tmp_path)


def _card(page: str) -> str:
    """The result card: what the ranking said (the page's brand and footer name staffpulse)."""
    return page.split('<section class="card">', 1)[1].split("</section>", 1)[0]


def _report(held: HeldBack, role: str | None = None, suggestions: Any = ()) -> SuggestReport:
    run = Ranking("@brightpathstaff", "x", NOW, False, 90, role)
    return SuggestReport(
        account=Account(platform="x", id="1", handle="brightpathstaff"),
        as_of=NOW,
        suggestions=list(suggestions),
        circle_size=9,
        held_back=held,
        ranking=run,
    )


def _serving(client: Any, monkeypatch: pytest.MonkeyPatch, report: SuggestReport) -> None:
    backend = type(client.app.state.web.backend)
    monkeypatch.setattr(backend, "suggestions", lambda self, *args, **kwargs: report)


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
    assert not TERMINAL.search(_card(late))
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


def test_the_default_ranking_and_a_dated_one_are_not_mixed_up(client: Any) -> None:
    """Each date has its own cached ranking: the page after a dated one is not the dated one."""
    assert (
        "No account to suggest yet"
        in client.get(f"/connect?account={ACCOUNT}&as_of=2030-01-01").text
    )
    assert "No account to suggest yet" not in client.get(f"/connect?account={ACCOUNT}").text
    refused = client.get(f"/connect/export?account={ACCOUNT}&as_of=2030-01-01&format=csv")
    assert refused.status_code == 400 and not TERMINAL.search(refused.text.split("<footer")[0])


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
    "contacts never seen": (
        _held(([CONTACTS, UNSEEN], 2)),
        None,
        ["tick “Include people you already talk with” and “Include accounts never seen”"],
    ),
    "everything at once": (
        _held(([CONTACTS, UNSEEN, INACTIVE, OTHER_ROLE], 1), ([UNSEEN], 3), ([INACTIVE], 2)),
        "vendor",
        ["choose a wider role", "“Rank as of” to", "Include accounts never seen"],
    ),
}


@pytest.mark.parametrize("state", sorted(NO_SUGGESTIONS))
def test_no_suggestions_advice_names_the_page_controls_not_terminal_options(
    client: Any, monkeypatch: pytest.MonkeyPatch, state: str
) -> None:
    held, role, expected = NO_SUGGESTIONS[state]
    report = _report(held, role)
    assert report.next_step and "--" in report.next_step  # the library speaks to a terminal
    _serving(client, monkeypatch, report)
    page = client.get(f"/connect?account={ACCOUNT}" + (f"&role={role}" if role else ""))
    assert page.status_code == 200
    card = _card(page.text)
    advice = ADVICE.search(card)
    assert advice, card
    for words in expected:
        assert words in advice.group(1), advice.group(1)
    assert not TERMINAL.search(card), card
    assert not re.search(r"--(?:include|as-of|inactive|role|export|limit)", page.text)


def _suggestion(rank: int, score: float) -> Suggestion:
    return Suggestion(
        rank=rank,
        platform="x",
        account_id=str(rank),
        handle=f"firm{rank}",
        display_name=f"Firm {rank}",
        url=None,
        role="recruiter",
        score=score,
        pagerank=score / 1000,
        voice=None,
        conversation=None,
        via=(),
        explanation="replied to you 1×",
    )


def test_a_score_far_below_the_best_stays_visible(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    scores = [100.0, 17.4, 0.3, 0.004]
    _serving(client, monkeypatch, _report(HeldBack(), None, map(_suggestion, (1, 2, 3, 4), scores)))
    card = _card(client.get(f"/connect?account={ACCOUNT}").text)
    shown = re.findall(r'width:(\d+)%"></div></div><span class="faint">([^<]+)</span>', card)
    assert shown == [("100", "100"), ("17", "17"), ("0", "0.3"), ("0", "&lt;0.1")]


def test_each_suggestion_names_its_role_as_people_write_it(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The card read "hr pro" (the internal ``hr_pro`` with its underscore taken out) (QA17 F6)."""
    from dataclasses import replace

    picks = [replace(_suggestion(1, 100.0), role="hr_pro"),
             replace(_suggestion(2, 50.0), role="staffing_firm")]  # fmt: skip
    _serving(client, monkeypatch, _report(HeldBack(), None, picks))
    card = _card(client.get(f"/connect?account={ACCOUNT}").text)
    assert "Firm 1</span> · HR pro</div>" in card
    assert "Firm 2</span> · staffing firm</div>" in card
    assert "hr pro" not in card and "_" not in re.sub(r"<[^>]+>", "", card)


def test_an_account_without_a_name_shows_its_role_without_a_stray_dot(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A suggestion with no display name read "· other" under its handle (QA s21)."""
    from dataclasses import replace

    picks = [replace(_suggestion(1, 100.0), display_name="", role="vendor"),
             replace(_suggestion(2, 50.0), display_name="", role=None)]  # fmt: skip
    _serving(client, monkeypatch, _report(HeldBack(), None, picks))
    card = _card(client.get(f"/connect?account={ACCOUNT}").text)
    assert '<div class="faint">vendor</div>' in card
    assert "· vendor" not in card
    assert '<div class="faint"></div>' not in card  # nothing to say: no empty line


def test_the_role_is_said_once_beside_the_name_not_again_in_why(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The library's line starts with the role, so the card read "maybe staffing firm" under
    the name and again at the start of Why (QA s21)."""
    from dataclasses import replace

    picks = [replace(_suggestion(1, 100.0), role="vendor",
                     explanation="vendor · 2 people you talk with reply to them"),
             replace(_suggestion(2, 50.0), role="vendor",
                     explanation="vendors you talk with reply to them")]  # fmt: skip
    _serving(client, monkeypatch, _report(HeldBack(), None, picks))
    card = _card(client.get(f"/connect?account={ACCOUNT}").text)
    why = re.findall(r'<td class="explain" data-label="Why">([^<]*)', card)
    assert why == ["2 people you talk with reply to them", "vendors you talk with reply to them"]
    assert card.count("Firm 1</span> · vendor</div>") == 1


def test_the_real_ranking_shows_each_score_as_the_library_writes_it(client: Any) -> None:
    from staffpulse.connect.suggest import format_score

    card = _card(client.get(f"/connect?account={ACCOUNT}").text)
    numbers = re.findall(r'<span class="faint">([0-9.]+)</span></td>', card)
    assert numbers and all(format_score(float(n)) == n for n in numbers)
    assert any("." in n for n in numbers)  # the weakest is 1.8 on the sample, not "2"


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


def test_brands_left_out_by_default_are_counted_with_the_control_that_shows_them(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from staffpulse.connect.advice import OUTSIDE_HIRING

    report = _report(HeldBack(), None, [_suggestion(1, 100.0)])
    report.excluded = {OUTSIDE_HIRING: 3}
    _serving(client, monkeypatch, report)
    page = client.get(f"/connect?account={ACCOUNT}").text
    assert "Left out: 3 others outside hiring (choose “Any role” to see them)." in _card(page)
    assert not TERMINAL.search(_card(page))
    # the default is named for what it leaves out, and "Any role" is a choice of its own
    assert '<option value="" selected>Any role but other (brands, public figures)</option>' in page
    assert '<option value="any">Any role</option>' in page
    chosen = client.get(f"/connect?account={ACCOUNT}&role=any").text
    assert '<option value="any" selected>Any role</option>' in chosen


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


def test_a_bluesky_account_gets_a_people_to_follow_export_it_can_use(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    jane = replace(_suggestion(1, 100.0), platform="bluesky", handle="jane.bsky.social")
    report = replace(
        _report(HeldBack(), None, [jane]),
        account=Account(platform="bluesky", id="did:plc:owen", handle="owenpark.bsky.social"),
    )
    _serving(client, monkeypatch, report)
    account = "bluesky:owenpark.bsky.social"
    page = client.get(f"/connect?account={account}").text
    assert "Bluesky people to follow (CSV)" in page
    # the list file needs DIDs, and jane has none stored: no button that could only download
    # a refusal, but the line that says why
    assert "format=bluesky-list" not in page
    assert "The Bluesky list file leaves out 1 of the 1 suggestions" in page
    assert "no DID known" in page
    exported = client.get(f"/connect/export?account={account}&format=bluesky-handles")
    assert exported.status_code == 200 and exported.headers["content-type"].startswith("text/csv")
    (row,) = csv.DictReader(io.StringIO(exported.content.decode("utf-8-sig")))
    assert row["profile_link"] == "https://bsky.app/profile/jane.bsky.social"
    assert row["why"] == "replied to you 1×"


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
