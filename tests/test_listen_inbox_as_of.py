"""The inbox as of a date the user gives: ages from it, nothing posted later read."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from _listen_fakes import FakeScorer
from staffpulse.listen.inbox import build_inbox
from staffpulse.models import Post
from staffpulse.sources.base import provenance
from staffpulse.store import open_store

DAY = datetime(2025, 6, 10, tzinfo=UTC)


def post(pid: str, text: str, when: datetime, reply_to: str | None = None) -> Post:
    return Post(
        platform="x", id=pid, author_id=f"u{pid}", text=text, created_at=when,
        reply_to_post_id=reply_to, conversation_id=reply_to or pid,
        kind="reply" if reply_to else "original",
    )  # fmt: skip


def test_an_inbox_as_of_a_date_reads_nothing_posted_after_it(tmp_path: Path) -> None:
    posts = [
        post("q", "Recruiters, how do you keep candidates warm?", DAY - timedelta(hours=5)),
        post("r", "We call every candidate weekly.", DAY + timedelta(days=2), reply_to="q"),
        post(
            "later",
            "HR folks: how do you run onboarding for remote hires?",
            DAY + timedelta(days=3),
        ),
    ]
    scorer: Any = FakeScorer()
    with open_store(tmp_path / "asof.db") as store:
        store.upsert(posts, provenance("twarc2", tmp_path / "search.jsonl"))
        result = build_inbox(store, text_model=scorer, role_model=None, as_of="2025-06-10")
    assert result.ranked_as_of == DAY
    assert [i.conversation_id for i in result.items] == ["q"]  # "later" had not been posted
    (item,) = result.items
    assert item.replies == 0  # the reply two days later is not read
    assert "active 5 h ago" in item.reasons
    assert any("ranked as of 10 Jun 2025, 00:00 UTC (--as-of)" in n for n in result.notes)
    assert result.as_dict()["ranked_as_of"].startswith("2025-06-10T00:00")


def test_a_date_before_every_conversation_says_so_not_that_the_store_is_empty(
    tmp_path: Path,
) -> None:
    from rich.console import Console

    from staffpulse.report.inbox_html import render_inbox_html
    from staffpulse.report.terminal_inbox import render_inbox

    posts = [
        post("q", "Recruiters, how do you keep candidates warm?", DAY),
        post("p", "How do you handle salary negotiation with a counteroffer?", DAY),
    ]
    scorer: Any = FakeScorer()
    with open_store(tmp_path / "asof.db") as store:
        store.upsert(posts, provenance("twarc2", tmp_path / "search.jsonl"))
        result = build_inbox(store, text_model=scorer, role_model=None, as_of="1999-01-01")
    assert result.items == [] and result.counts["after_as_of"] == 2
    assert (
        "nothing in the store was posted by 1 Jan 1999, 00:00 UTC: its first conversation"
        " begins 10 Jun 2025, 00:00 UTC (--as-of to change)"
    ) in result.notes
    console = Console(record=True, width=200)
    render_inbox(console, result)
    text = console.export_text()
    # it said "No open conversations. Listen first ... or import posts", of a full store
    assert "Listen first" not in text and "import posts" not in text
    assert "Nothing to join as of that date: every conversation began later." in text
    page = render_inbox_html(result)
    assert "--as-of" not in page and "an inbox made as of a later date would hold some" in page


def test_a_date_after_everything_is_measured_from_that_date_not_now(tmp_path: Path) -> None:
    # a date later than today (a typo, 2062 for 2026) is not a replay: its note said "nothing
    # was active in the last 30 days", of the real clock, and how to replay the store
    later = datetime.now(UTC).replace(microsecond=0) + timedelta(days=400)
    scorer: Any = FakeScorer()
    with open_store(tmp_path / "asof.db") as store:
        store.upsert(
            [post("q", "Recruiters, how do you keep candidates warm?", DAY)],
            provenance("twarc2", tmp_path / "search.jsonl"),
        )
        result = build_inbox(
            store, text_model=scorer, role_model=None, as_of=later.strftime("%Y-%m-%dT%H:%M")
        )
    assert result.items == []
    said = " ".join(result.notes)
    assert "in the last 30 days" not in said and "--as-of newest" not in said
    assert "nothing in the store was active in the 30 days before" in said


def test_nothing_left_to_join_as_of_a_date_says_how_many_began_later(tmp_path: Path) -> None:
    """QA: ``inbox --as-of`` a date whose one conversation was dismissed said "Nothing left
    to join" and nothing of the 59 conversations begun after the date, which it never read."""
    from staffpulse.listen.states import set_state

    posts = [
        post("q", "Recruiters, how do you keep candidates warm?", DAY - timedelta(hours=5)),
        post("later", "HR folks: how do you run onboarding for remote hires?", DAY + timedelta(3)),
    ]
    scorer: Any = FakeScorer()
    with open_store(tmp_path / "asof.db") as store:
        store.upsert(posts, provenance("twarc2", tmp_path / "search.jsonl"))
        build_inbox(store, text_model=scorer, role_model=None)  # judged, as a user's look does
        set_state(store, "q", "dismissed", "x")
        result = build_inbox(store, text_model=scorer, role_model=None, as_of="2025-06-10")
    assert result.items == []
    assert (
        "1 conversation began after 10 Jun 2025, 00:00 UTC and is not read (--as-of to change)"
        in result.notes
    )
