"""The Inbox page's "Snooze a week" (routes_inbox, web/data_inbox.py): next to Dismiss on each
conversation, it hides the conversation for 7 days, as `staffpulse inbox snooze ID` does; the
message says until when, the header counts it and a Snoozed list shows it with its date and
a Reopen button; the cached inbox changed in place agrees with one ranked again from the store;
a snooze made for a firm is that firm's. A reply whose parent was deleted says so on the page,
and an Inbox with nothing left to join says why: worked through, or every conversation too old
(with the age advice only where it helps)."""

from __future__ import annotations

import html
import re
import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from staffpulse.dates import format_day  # noqa: E402
from staffpulse.listen.schema import RelevanceRow, save_relevance  # noqa: E402
from staffpulse.listen.window import DEFAULT_MAX_AGE  # noqa: E402
from staffpulse.models import Account, Post  # noqa: E402
from staffpulse.sources.base import provenance  # noqa: E402
from staffpulse.store import open_store  # noqa: E402
from web_helpers import make_client, mark_conversation, page_words  # noqa: E402

NOW = datetime.now(UTC)
QUESTIONS = {
    "601": "What is the one interview question you always ask?",
    "602": "Recruiters, how do you handle counteroffers from candidates?",
}


def two_questions(tmp_path: Path) -> Path:
    """Two questions to join, judged about work already (the test needs no model), and the
    firms ana and acme."""
    posts = [
        Post(platform="x", id=pid, author_id="u1", author_handle="ana", text=text,
             created_at=NOW - timedelta(hours=1))
        for pid, text in QUESTIONS.items()
    ]  # fmt: skip
    db = tmp_path / "two.db"
    with open_store(db) as store:
        accounts = [Account(platform="x", id="u1", handle="ana"),
                    Account(platform="x", id="f1", handle="acme")]  # fmt: skip
        store.upsert([*accounts, *posts], provenance("t", "f"))
        with store.transaction() as conn:
            save_relevance(conn, [RelevanceRow("x", pid, 0.9, (), "test") for pid in QUESTIONS])
    return db


def _open_ids(client: Any, as_handle: str | None = None) -> set[str]:
    inbox = client.app.state.web.backend.inbox(as_handle, None, None, DEFAULT_MAX_AGE)
    return {i.conversation_id for i in inbox.items}


def test_snooze_a_week_hides_it_lists_it_and_reopen_brings_it_back(tmp_path: Path) -> None:
    with make_client(two_questions(tmp_path)) as c:
        page = c.get("/inbox").text
        card = next(a for a in page.split('<article class="conv"') if QUESTIONS["601"] in a)
        # next to Dismiss, naming its conversation for screen readers
        assert re.search(
            r'value="dismissed">Dismiss.*?value="snoozed"[^>]*>Snooze a week', card, re.S
        )
        assert 'Snooze a week<span class="sr"> the conversation of @ana' in card
        response = mark_conversation(c, "601", "x", "snoozed")
        # the request's week, not the module's NOW: a run crossing midnight UTC moves the day
        week = datetime.now(UTC) + timedelta(days=7)
        assert response.status_code == 303 and "flash=" in response.headers["location"]
        told = page_words(html.unescape(c.get(response.headers["location"]).text))
        # the moment the week ends, to the minute (the request's, not NOW's: no exact time)
        assert re.search(rf"Snoozed until {format_day(week)}, \d\d:\d\d UTC\.", told)
        assert "It comes back to the Inbox then, or sooner if someone posts in it." in told
        flash = told.split("Snoozed until", 1)[1].split("bring it back now", 1)[0]
        assert flash.count(f"{format_day(week)}") == 1  # the day said once (QA s22)
        assert _open_ids(c) == {"602"}  # the cached inbox, changed in place
        words = page_words(html.unescape(c.get("/inbox").text))
        assert "1 open · 0 joined · 0 dismissed · 1 snoozed ·" in words
        listed = words.split("Snoozed 1", 1)[1]
        assert QUESTIONS["601"] in listed and f"back {format_day(week)}" in listed
        c.app.state.web.backend.invalidate()  # a ranking from the store agrees
        assert _open_ids(c) == {"602"}
        assert "· 1 snoozed ·" in page_words(html.unescape(c.get("/inbox").text))
        # Reopen from the Snoozed list: back in the inbox, in the cache and in the store
        c.get("/inbox")
        assert mark_conversation(c, "601", "x", "open").status_code == 303
        assert _open_ids(c) == {"601", "602"}
        assert 'id="snoozed"' not in c.get("/inbox").text
        c.app.state.web.backend.invalidate()
        assert _open_ids(c) == {"601", "602"}


def test_a_snooze_for_a_firm_is_that_firms(tmp_path: Path) -> None:
    with make_client(two_questions(tmp_path)) as c:
        c.get("/inbox?as=acme")
        c.get("/inbox")  # the inbox of no firm is cached too
        response = mark_conversation(c, "602", "x", "snoozed", "acme")
        told = page_words(html.unescape(c.get(response.headers["location"]).text))
        assert "Snoozed for @acme until" in told and "It is kept for @acme" in told
        assert _open_ids(c, "acme") == {"601"}
        assert _open_ids(c) == {"601", "602"}  # not the inbox of no firm


def test_a_reply_whose_parent_was_deleted_says_so_on_the_page(tmp_path: Path) -> None:
    lone = Post(platform="x", id="801", author_id="u2", author_handle="bo", kind="reply",
                text="@jane_hr How do you keep candidates warm after an offer?",
                reply_to_account_id="42", reply_to_handle="jane_hr",
                created_at=NOW - timedelta(hours=1))  # fmt: skip
    db = tmp_path / "lone.db"
    with open_store(db) as store:
        store.upsert([Account(platform="x", id="u2", handle="bo"), lone], provenance("t", "f"))
        with store.transaction() as conn:
            save_relevance(conn, [RelevanceRow("x", "801", 0.9, (), "test")])
    with make_client(db) as c:
        words = page_words(html.unescape(c.get("/inbox").text))
    assert "reply to a post by @jane_hr that was deleted or isn't stored: @jane_hr How" in words
    assert "at least 1 reply" in words and "no replies yet" not in words
    assert "addressed to @jane_hr" in words


def test_a_snooze_whose_date_has_come_is_back_on_the_next_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page keeps its ranked inbox until new data comes in; a conversation due back from
    its snooze is not left hidden by it."""
    import staffpulse.web.data_inbox as data_inbox

    db = two_questions(tmp_path)
    with make_client(db) as c:
        c.get("/inbox")
        mark_conversation(c, "601", "x", "snoozed")
        assert "602" in c.get("/inbox").text and _open_ids(c) == {"602"}
        # a week and a day later: the store's snooze has ended, and the clock says so
        with open_store(db) as store:
            store.conn.execute("UPDATE listen_inbox_state SET until = '2020-01-01T00:00:00Z'")

        class Later(datetime):
            @classmethod
            def now(cls, tz: Any = None) -> datetime:  # type: ignore[override]
                return datetime.now(tz) + timedelta(days=8)

        monkeypatch.setattr(data_inbox, "datetime", Later)
        page = c.get("/inbox").text
    words = page_words(html.unescape(page))
    assert "2 open" in words and "back from snooze: you snoozed it until 1 Jan 2020" in words
    assert 'id="snoozed"' not in page


def test_an_inbox_worked_through_says_so_instead_of_a_longer_age(tmp_path: Path) -> None:
    """With every conversation snoozed or dismissed, the empty Inbox said "No open
    conversation matches. Try a longer “Quiet for at most”", even at No limit: now it says
    the user has been through them all, and the age advice only where it can help."""
    with make_client(two_questions(tmp_path)) as c:
        none = page_words(html.unescape(c.get("/inbox?max_age=0&platform=bluesky").text))
        no_topic = page_words(
            html.unescape(c.get("/inbox?max_age=0&platform=bluesky&topic=payroll").text)
        )
        mark_conversation(c, "601", "x", "snoozed")
        mark_conversation(c, "602", "x", "dismissed")
        done = page_words(html.unescape(c.get("/inbox?max_age=0").text))
        also_done = page_words(html.unescape(c.get("/inbox").text))
    # at No limit already, and on a platform with no conversation: said so, no age advice
    assert "No Bluesky conversations in the store (it has " in none
    assert "choose All under Platform to see them. Import more posts by others" in none
    assert "Try a longer" not in none
    assert "nor on any other topic right now: see every topic" in no_topic
    said = "You have been through every conversation on offer: 1 dismissed, 1 snoozed"
    assert said in done and said in also_done
    assert "New ones come with new posts by others" in done
    assert "No open conversation matches" not in done + also_done
    assert "Try a longer" not in done + also_done


def test_an_inbox_of_old_conversations_says_so_and_what_to_change(tmp_path: Path) -> None:
    """Every conversation quiet for longer than "Quiet for at most": the page says it as the
    terminal does, with the age advice; at No limit the conversation is there."""
    old = Post(platform="x", id="701", author_id="u1", author_handle="ana",
               text="What is the one interview question you always ask?",
               created_at=NOW - timedelta(days=60))  # fmt: skip
    db = tmp_path / "old.db"
    with open_store(db) as store:
        store.upsert([Account(platform="x", id="u1", handle="ana"), old], provenance("t", "f"))
        with store.transaction() as conn:
            save_relevance(conn, [RelevanceRow("x", "701", 0.9, (), "test")])
    with make_client(db) as c:
        week = page_words(html.unescape(c.get("/inbox?max_age=7d&as_of=now").text))
        ever = page_words(html.unescape(c.get("/inbox?max_age=0&as_of=now").text))
    assert "Nothing to join right now No open conversation was active in the last 7 days." in week
    assert "Try a longer “Quiet for at most” above, or import more posts by others" in week
    assert "1 open" in ever and "Nothing to join" not in ever
