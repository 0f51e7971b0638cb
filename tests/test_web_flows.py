"""What QA found in the dashboard, as a user meets it: a dismissed conversation, the inbox's
true count and paging, terminal wording on web pages, slow pages (the cohort upload and the
other forms are in test_web_forms.py)."""

from __future__ import annotations

import threading
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from staffpulse.listen.window import DEFAULT_MAX_AGE  # noqa: E402
from staffpulse.sources.x_archive import LONE_PART  # noqa: E402
from staffpulse.store import open_store  # noqa: E402
from web_helpers import csrf_token, make_client, private_copy, sample_store  # noqa: E402


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("flows"))


@pytest.fixture
def fresh_db(sample_db: Path, tmp_path: Path) -> Path:
    """A private copy of the sample store, for tests that change it."""
    return private_copy(sample_db, tmp_path)


@pytest.fixture
def client(fresh_db: Path) -> Iterator[Any]:
    with make_client(fresh_db) as c:
        yield c


# -- 3. a dismissed conversation can be seen and reopened ------------------------------------
def _state(client: Any, item: Any, state: str) -> Any:
    token = csrf_token(client, "/inbox")
    return client.post(
        "/inbox/state",
        data={
            "csrf_token": token,
            "conversation_id": item.conversation_id,
            "platform": item.platform,
            "state": state,
            "back": "/inbox",
        },
    )


def test_dismissed_conversations_are_listed_and_can_be_reopened(client: Any) -> None:
    backend = client.app.state.web.backend
    item = backend.inbox(None, None, None, DEFAULT_MAX_AGE).items[0]
    assert _state(client, item, "dismissed").status_code == 303
    page = client.get("/inbox").text
    assert "Dismissed" in page and 'id="dismissed"' in page
    section = page.split('id="dismissed"', 1)[1]
    assert item.conversation_id in section and 'value="open"' in section
    assert _state(client, item, "open").status_code == 303
    assert item.conversation_id in {
        i.conversation_id for i in backend.inbox(None, None, None, DEFAULT_MAX_AGE).items
    }
    assert 'id="dismissed"' not in client.get("/inbox").text


def test_a_conversation_dismissed_in_an_earlier_run_comes_back_when_reopened(
    fresh_db: Path,
) -> None:
    with make_client(fresh_db) as first:
        item = first.app.state.web.backend.inbox(None, None, None, DEFAULT_MAX_AGE).items[0]
        _state(first, item, "dismissed")
    with make_client(fresh_db) as later:  # a restart: nothing of the dismissal is in memory
        backend = later.app.state.web.backend
        assert item.conversation_id not in {
            i.conversation_id for i in backend.inbox(None, None, None, DEFAULT_MAX_AGE).items
        }
        assert item.conversation_id in later.get("/inbox").text.split('id="dismissed"', 1)[1]
        _state(later, item, "open")
        reopened = backend.inbox(None, None, None, DEFAULT_MAX_AGE)
    assert item.conversation_id in {i.conversation_id for i in reopened.items}


# -- 6. web wording instead of terminal commands -------------------------------------------
def test_inbox_offers_the_age_window_and_reference_as_controls(client: Any) -> None:
    page = client.get("/inbox").text
    assert 'name="max_age"' in page and "No limit" in page
    assert 'name="as_of"' in page and "As of the newest post" in page
    for terminal in ("--max-age", "--as-of", "staffpulse inbox"):
        assert terminal not in page
    wide = client.get("/inbox?max_age=0&as_of=newest")
    assert wide.status_code == 200
    assert '<option value="0" selected>No limit</option>' in wide.text
    bad = client.get("/inbox?max_age=abc")
    assert bad.status_code == 400 and "cannot read the age" in bad.text
    assert 'href="/inbox"' in bad.text and "Back to the Inbox" in bad.text


def test_connect_offers_the_include_options_as_checkboxes(client: Any) -> None:
    page = client.get("/connect?account=x:brightpathstaff").text
    assert 'name="include" value="contacts"' in page and 'name="include" value="unseen"' in page
    assert "--include" not in page
    wider = client.get("/connect?account=@brightpathstaff (x)&include=contacts&include=unseen")
    assert wider.status_code == 200
    assert 'value="contacts" checked' in wider.text
    assert "include=contacts" in wider.text  # the export buttons export the same list


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


def test_web_wording_replaces_terminal_advice() -> None:
    from staffpulse.web.wording import mentions_formats, web_text

    cases = {
        "import its posts first (staffpulse import FILE), or run: staffpulse accounts": (
            "Import page",
            "staffpulse",
        ),
        "3 open conversation(s) quiet for more than 30 days left out (--max-age to change)": (
            "Quiet for at most",
            "--max-age",
        ),
        "nothing in it was active in the last 30 days; --as-of now shows the live view": (
            "Rank as of",
            "--as-of",
        ),
        "2 accounts you already talk with were left out: --include-contacts shows them": (
            "Include people you already talk with",
            "--include",
        ),
        "everything fetched so far is stored; run the same command again to resume": (
            "start the same fetch again",
            "command",
        ),
        "posts of @a: Bluesky request failed (NetworkError)": ("could not be reached", "Error"),
        "posts of @a: Bluesky request to public.api.bsky.app failed (NetworkError)": (
            "could not be reached",
            "Error",
        ),
        "supported formats: X archive, staffpulse CSV (see docs/formats.md)": (
            "Supported formats",
            "docs/",
        ),
        "check your connection and [x] base_url; everything fetched so far is stored": (
            "check that this computer is online",
            "[x]",
        ),
        "check the handle and [bluesky] appview_url": ("the Bluesky address", "[bluesky]"),
        f"tweet.js: {LONE_PART}": ("choose it together with account.js", "data folder"),
    }
    for text, (present, absent) in cases.items():
        shown = web_text(text)
        assert present in shown and absent not in shown, shown
    assert mentions_formats(None, "(see docs/formats.md)") and not mentions_formats("x", None)


# -- 7. smaller things ---------------------------------------------------------------------
def test_head_is_answered_like_get(client: Any) -> None:
    response = client.head("/")
    assert response.status_code == 200 and response.content == b""
    assert client.head("/benchmark").status_code == 200


def test_cards_show_the_whole_name_on_hover(client: Any) -> None:
    page = client.get("/").text
    assert 'class="name" title="Mia Castellano"' in page
    assert 'title="@owenpark.bsky.social · Bluesky"' in page


def test_long_joined_list_says_how_many_more(client: Any, monkeypatch: Any) -> None:
    from staffpulse.web import routes_inbox

    monkeypatch.setattr(routes_inbox, "JOINED_SHOWN", 1)
    backend = client.app.state.web.backend
    first, second = backend.inbox(None, None, None, DEFAULT_MAX_AGE).items[:2]
    _state(client, first, "joined")
    _state(client, second, "joined")
    page = client.get("/inbox").text
    assert "and 1 more" in page and "joined=all" in page
    everything = client.get("/inbox?joined=all").text
    assert "and 1 more" not in everything
    assert everything.count('value="open">Reopen') == 2


def test_the_inbox_counts_every_open_conversation_and_shows_more(
    client: Any, monkeypatch: Any
) -> None:
    import re

    from staffpulse.listen.inbox import build_inbox
    from staffpulse.web import routes_inbox

    monkeypatch.setattr(routes_inbox, "PAGE", 2)
    with open_store(client.app.state.web.settings.db_path) as store:  # every one, unlimited
        open_total = len(build_inbox(store, max_age=DEFAULT_MAX_AGE, limit=10**6).items)
    assert open_total > 4
    page = client.get("/inbox").text
    assert f"{open_total} open (the top 2 shown)" in page
    assert page.count('class="conv"') == 2
    assert f"Showing the top 2 of {open_total} open conversations" in page
    more = re.search(r'href="(/inbox\?shown=4#more)">Show 2 more', page)
    assert more is not None
    assert client.get("/inbox?shown=4").text.count('class="conv"') == 4
    everything = client.get(f"/inbox?shown={open_total + 10}").text
    assert everything.count('class="conv"') == open_total and "Show 2 more" not in everything
    # "Mark joined" on the third card returns to the same longer page
    third = client.app.state.web.backend.inbox(None, None, None, DEFAULT_MAX_AGE).items[2]
    token = csrf_token(client, "/inbox?shown=4")
    form = {"conversation_id": third.conversation_id, "platform": third.platform}
    back = client.post(
        "/inbox/state",
        data={"csrf_token": token, "state": "joined", "back": "/inbox?shown=4", **form},
    )
    assert back.headers["location"] == "/inbox?shown=4&notice=joined"
    assert f"{open_total - 1} open (the top 2 shown) · 1 joined" in client.get("/inbox").text


def test_inbox_buttons_name_their_conversation_and_text_follows_its_direction(
    client: Any,
) -> None:
    import re

    page = client.get("/inbox").text
    buttons = re.findall(r'value="(?:joined|dismissed)">(.*?)</button>', page, re.S)
    assert buttons and len(set(buttons)) == len(buttons)  # each names its own conversation
    for button in buttons:
        assert re.fullmatch(
            r'(Mark joined|Dismiss)<span class="sr"> the conversation of @\S+: “.+”</span>', button
        )
    assert page.count('class="post" dir="auto"') == page.count('class="post"')


# -- 8. slow pages are prepared in the background, with progress -----------------------------
def test_a_slow_inbox_shows_progress_then_the_result(fresh_db: Path, monkeypatch: Any) -> None:
    with make_client(fresh_db, page_wait=0.0) as client:
        backend = client.app.state.web.backend
        release = threading.Event()
        real = type(backend).inbox

        def slow_inbox(self: Any, *args: Any, **kwargs: Any) -> Any:
            release.wait(30)
            return real(self, *args, **kwargs)

        monkeypatch.setattr(type(backend), "inbox", slow_inbox)
        first = client.get("/inbox")
        assert first.status_code == 200
        assert "Finding the conversations worth joining" in first.text
        assert 'data-job="' in first.text and 'http-equiv="refresh"' in first.text
        job_id = first.text.split('data-job="', 1)[1].split('"', 1)[0]
        assert client.get(f"/api/jobs/{job_id}").json()["state"] in ("queued", "running")
        assert client.get("/inbox").text.count("data-job=") == 1  # the same job, not another
        release.set()
        client.app.state.web.jobs.wait(job_id)
        ready = client.get("/inbox")
        assert "Mark joined" in ready.text and "data-job=" not in ready.text
        assert client.app.state.web.jobs.recent() == []  # not listed as an import


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


def test_a_slow_benchmark_keeps_its_toolbar_while_it_is_prepared(
    fresh_db: Path, monkeypatch: Any
) -> None:
    with make_client(fresh_db, page_wait=0.0) as client:
        backend = client.app.state.web.backend
        release = threading.Event()
        real = type(backend).benchmark

        def slow(self: Any, progress: Any = None) -> Any:
            if progress is not None:
                progress("Scoring posts", 5, 10)
            release.wait(30)
            return real(self, progress)

        monkeypatch.setattr(type(backend), "benchmark", slow)
        page = client.get("/benchmark")
        assert "Ranking the cohort" in page.text and "Use this cohort" in page.text
        job_id = page.text.split('data-job="', 1)[1].split('"', 1)[0]
        status = client.get(f"/api/jobs/{job_id}").json()
        assert status["phase"] == "Scoring posts" and status["percent"] == 50
        release.set()
        client.app.state.web.jobs.wait(job_id)
        assert "Leaderboard" in client.get("/benchmark").text


def test_a_failing_background_page_shows_its_error_once_then_retries(
    fresh_db: Path, monkeypatch: Any
) -> None:
    from staffpulse.errors import InputError

    calls: list[int] = []

    def broken(self: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        raise InputError("the inbox broke", hint="try again")

    with make_client(fresh_db, page_wait=5.0) as client:
        monkeypatch.setattr(type(client.app.state.web.backend), "inbox", broken)
        page = client.get("/inbox")
        assert page.status_code == 400 and "the inbox broke" in page.text
        assert client.get("/inbox").status_code == 400
    assert len(calls) == 2  # each visit after a failure tries again


def test_the_librarys_own_messages_reach_the_page_without_terminal_advice(tmp_path: Path) -> None:
    """The messages as the library really writes them today, not copies: a change of wording
    there that the web's rewrites miss fails here."""
    from datetime import UTC, datetime, timedelta

    from staffpulse.connect.suggest import SuggestReport
    from staffpulse.errors import InputError, NotFoundError
    from staffpulse.fetch.common import RESUME_HINT
    from staffpulse.listen.window import window_notes
    from staffpulse.models import Account
    from staffpulse.web.wording import web_text

    messages = [RESUME_HINT]
    with open_store(tmp_path / "s.db") as store:
        try:
            store.find_account("nobody")
        except NotFoundError as exc:
            messages.append(exc.hint or "")
    now = datetime(2026, 11, 1, tzinfo=UTC)
    tally = {"open": 3, "joined": 0, "dismissed": 0, "older": 2, "undated": 1}
    messages += window_notes(tally, timedelta(days=30), [], now, any_items=False)
    report = SuggestReport(
        account=Account(platform="x", id="1", handle="acme"),
        as_of=now,
        suggestions=[],
        circle_size=3,
        excluded={"never seen": 2, "already talking with": 1},
    )
    messages.append(report.next_step or "")
    from staffpulse.connect.export import check_exportable, export_suggestions
    from staffpulse.fetch.handles import x_handle

    try:
        x_handle("acme.bsky.social")  # a Bluesky handle typed for X
    except InputError as exc:
        messages.append(exc.hint or "")
    try:  # X accounts exported as a Bluesky list: the formats that fit are named
        check_exportable(export_suggestions([], "bluesky-list"), "x")
    except InputError as exc:
        messages.append(exc.hint or "")
    assert all(messages)
    for message in messages:
        shown = web_text(message)
        assert "staffpulse " not in shown and " --" not in shown, shown
