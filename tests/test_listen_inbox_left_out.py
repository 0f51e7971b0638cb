"""The conversations the inbox left out, one by one (``listen/inbox_left_out.py``): a post
that is not public is listed but never quoted; the reasons a user may name; their order."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from staffpulse.errors import InputError
from staffpulse.listen.inbox_left_out import check_reason, left_out_item, list_left_out


def entry(cid: str, reason: str, score: float = 0.1) -> Any:
    opening = SimpleNamespace(
        text="Anyone else's payroll run late this week?", author_handle="dana", author_id="u1"
    )
    conv = SimpleNamespace(platform="mastodon", id=cid, url=None, opening=opening)
    return SimpleNamespace(conversation=conv, left_out=reason, score=score)


def test_a_post_that_is_not_public_is_listed_without_its_text() -> None:
    hidden = left_out_item(entry("7", "followers_only")).as_dict()
    assert hidden["text"] is None and hidden["reason"] == "followers_only"
    shown = left_out_item(entry("8", "off_work")).as_dict()
    assert shown["text"] == "Anyone else's payroll run late this week?"


def test_reasons_are_read_in_any_spelling_and_all_means_every_one() -> None:
    assert check_reason("Hashtag-Game") == "hashtag_game"
    # the words the inbox prints of a reason: "2 job ads", "· a job ad ·", "not about work"
    for said in ("job ad", "Job Ads", "job-ad", "a job ad", "job_ad"):
        assert check_reason(said) == "job_ad"
    assert check_reason("not about work") == "off_work"
    assert check_reason("customer care") == "customer_care"
    assert check_reason("jokes") == "joke" and check_reason("a hashtag-game joke") == "hashtag_game"
    assert check_reason("all") is None
    assert check_reason("") is None and check_reason("  ") is None  # --left-out= : every one
    with pytest.raises(InputError) as caught:
        check_reason("ads")
    assert "no such reason" in caught.value.message and "job_ad" in (caught.value.hint or "")


def test_the_list_follows_the_count_note_order_then_the_score() -> None:
    items = [
        left_out_item(entry("a", "off_work", 0.3)),
        left_out_item(entry("b", "job_ad", 0.1)),
        left_out_item(entry("c", "job_ad", 0.2)),
    ]
    assert [i.conversation_id for i in list_left_out(items)] == ["c", "b", "a"]
    assert [i.conversation_id for i in list_left_out(items, "off_work")] == ["a"]


def test_the_conversations_that_never_mention_work_are_counted_apart(tmp_path: Any) -> None:
    """``inbox --left-out`` counted only the conversations read as about work, so a store's
    support threads were nowhere: they are counted apart, for the line under the note."""
    from datetime import UTC, datetime, timedelta

    from rich.console import Console

    from _listen_fakes import FakeScorer
    from staffpulse.listen.inbox import build_inbox
    from staffpulse.models import Post
    from staffpulse.report.terminal_left_out import render_left_out
    from staffpulse.sources.base import provenance
    from staffpulse.store import open_store

    now = datetime.now(UTC) - timedelta(hours=1)
    texts = {
        "1": "How do you keep candidates warm during long interview loops?",
        "2": "My parcel is three days late, can someone check the tracking?",
        "3": "Which pizza place downtown stays open after midnight?",
    }
    posts = [Post(platform="x", id=k, author_id=f"u{k}", author_handle=f"u{k}", text=t,
                  created_at=now) for k, t in texts.items()]  # fmt: skip
    scorer: Any = FakeScorer()
    with open_store(tmp_path / "n.db") as store:
        store.upsert(posts, provenance("test", tmp_path / "t"))
        plain = build_inbox(store, text_model=scorer, role_model=None)
        asked = build_inbox(store, text_model=scorer, role_model=None, count_never_work=True)
    assert plain.never_work is None  # it reads every stored post: only when asked
    assert asked.never_work == 2 and asked.counts["conversations"] == 1
    console = Console(record=True, width=200)
    render_left_out(console, [], 20, None, never_work=asked.never_work)
    said = console.export_text()
    assert "No open conversation is left out." in said
    assert "2 other conversations never mention work (not counted above)." in said
