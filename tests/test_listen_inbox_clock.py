"""A replay is ranked as of the newest conversation it would offer: job ads posted after it
do not set the clock, and conversations marked done or undated are passed over; the newest
open ones are judged in growing batches until one would be offered."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from staffpulse.listen import inbox_clock, inbox_rank
from staffpulse.listen.inbox_clock import newest_offered
from staffpulse.listen.inbox_steps import FirmStates, key_of
from staffpulse.listen.threads import Conversation
from staffpulse.models import Post
from staffpulse.store import Store

START = datetime(2026, 1, 5, 9, tzinfo=UTC)
AD = "Now hiring CNAs in Fresno, nights, $22/hr. Apply: https://jobs.example/cna"
QUESTION = "How do you keep candidates warm during a long interview loop?"


def _conv(cid: str, text: str, hours: float | None) -> Conversation:
    when = None if hours is None else START + timedelta(hours=hours)
    post = Post(platform="x", id=cid, author_id=f"u{cid}", text=text, created_at=when)
    return Conversation("x", cid, (post,))


def _states(convs: list[Conversation], **marked: str) -> FirmStates:
    return FirmStates({key_of(c): marked.get(c.id, "open") for c in convs}, {}, {})


def test_the_newest_offered_not_the_newest_posted_sets_the_clock(store: Store) -> None:
    convs = [_conv("q", QUESTION, 1), _conv("ad1", AD, 5), _conv("ad2", AD.replace("CNA", "RN"), 6)]
    assert newest_offered(store, convs, _states(convs), Counter(), None) == START + timedelta(
        hours=1
    )


def test_done_and_undated_conversations_are_passed_over(store: Store) -> None:
    convs = [
        _conv("old", QUESTION, 1),
        _conv("joined", QUESTION + " (nurses)", 8),
        _conv("undated", QUESTION + " (drivers)", None),
    ]
    found = newest_offered(store, convs, _states(convs, joined="joined"), Counter(), None)
    assert found == START + timedelta(hours=1)
    only_ads = [_conv("ad", AD, 3)]
    assert newest_offered(store, only_ads, _states(only_ads), Counter(), None) is None


def test_the_newest_are_judged_in_growing_batches(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    judged: list[int] = []
    real = inbox_rank.left_out_of

    def counting(*args: object, **kw: object) -> dict[tuple[str, str], str | None]:
        judged.append(len(args[1]))  # type: ignore[arg-type]
        return real(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(inbox_clock, "left_out_of", counting)
    monkeypatch.setattr(inbox_clock, "FIRST_BATCH", 2)
    ads = [_conv(f"ad{n}", AD.replace("Fresno", f"town {n}"), 10 + n) for n in range(6)]
    convs = [_conv("q", QUESTION, 1), *ads]
    assert newest_offered(store, convs, _states(convs), Counter(), None) == START + timedelta(
        hours=1
    )
    assert judged == [2, 5]  # 2, then up to 8 more: the rest
