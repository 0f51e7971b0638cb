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
    assert check_reason("all") is None
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
