"""Why connect's advice brings back fewer accounts than the "Left out" line counts under the
same reason (connect/advice_words.py, through connect/advice.py next_step)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

from staffpulse.connect.advice import BROADCAST, INACTIVE, JOB_FEED, HeldBack, Ranking, next_step
from staffpulse.connect.advice_words import others_held_too

NOW = datetime(2030, 1, 1, tzinfo=UTC)


def test_inactive_accounts_also_held_for_good_are_counted_and_named() -> None:
    held = HeldBack()
    for day in (100, 120, 130, 140):
        held.add([INACTIVE], NOW - timedelta(days=day))
    held.add([INACTIVE, JOB_FEED], NOW - timedelta(days=110))
    held.add([INACTIVE, BROADCAST], NOW - timedelta(days=105))
    step = next_step(held, Ranking("@firm", "x", NOW, True, 90, None))
    assert step.startswith("4 accounts posted nothing in the 90 days before 1 Jan 2030")
    assert step.endswith(
        "; the other 2 of the 6 inactive are held back for another reason too "
        "(1 broadcast-only account, 1 automated job feed)."
    )


def test_advice_for_every_account_of_its_reason_adds_nothing() -> None:
    held = HeldBack()
    for day in (100, 120):
        held.add([INACTIVE], NOW - timedelta(days=day))
    step = next_step(held, Ranking("@firm", "x", NOW, True, 90, None))
    assert "other" not in step and step.startswith("2 accounts posted nothing")


def test_others_held_by_options_too_are_counted_without_a_list() -> None:
    # 3 of the others are of another role (another option brings them back), 1 a job feed
    said = others_held_too(INACTIVE, 2, 6, Counter({JOB_FEED: 1}))
    assert said == "the other 4 of the 6 inactive are held back for another reason too"
    assert others_held_too(INACTIVE, 5, 6) == (
        "the other 1 of the 6 inactive is held back for another reason too"
    )
