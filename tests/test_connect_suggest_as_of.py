"""Ranking as of a date (staffpulse.connect.suggest): nothing written after it is read, an
account that posted only later is inactive then, and a date before every interaction is
advised a later one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from connect_fixtures import (
    NOW,
    add_posts,
    build_store,
    make_post,
    rank_with_fakes,
    reply_post,
)
from staffpulse.dates import format_day
from staffpulse.models import Account
from staffpulse.store import Store

store = pytest.fixture(build_store, name="store")


def test_ranking_as_of_a_date_reads_nothing_written_after_it(store: Store) -> None:
    before = rank_with_fakes(store)
    (hannah,) = [s for s in before.suggestions if s.handle == "hannah_hr"]
    # ten days after NOW: rita first replies to lara, whose only post is from then, and
    # hannah writes posts that would change her voice and conversation figures
    add_posts(
        store,
        Account(platform="x", id="id_lara_later", handle="lara_later"),
        reply_post(1, "rita_recruits", "lara_later", -10),
        make_post("l1", "lara_later", -10, "I think so, haha"),
        *(reply_post(10 + n, "hannah_hr", "val_vendor", -10) for n in range(6)),
    )
    as_of_now = rank_with_fakes(store)
    assert "lara_later" not in [s.handle for s in as_of_now.suggestions]
    (same,) = [s for s in as_of_now.suggestions if s.handle == "hannah_hr"]
    assert (same.voice, same.conversation) == (hannah.voice, hannah.conversation)
    assert "this month" in same.explanation  # rita's replies before NOW still count
    # twenty days on, the later reply and post are there: lara is suggested
    later = rank_with_fakes(store, now=NOW + timedelta(days=20))
    assert "lara_later" in [s.handle for s in later.suggestions]
    (moved,) = [s for s in later.suggestions if s.handle == "hannah_hr"]
    assert moved.conversation != hannah.conversation


def test_an_account_that_posted_only_after_the_date_is_inactive_then(store: Store) -> None:
    add_posts(
        store,
        Account(platform="x", id="id_lara_later", handle="lara_later"),
        reply_post(1, "rita_recruits", "lara_later", 1),  # the edge is before NOW
        make_post("l1", "lara_later", -10),
    )
    report = rank_with_fakes(store)
    assert "lara_later" not in [s.handle for s in report.suggestions]
    assert report.excluded.get("inactive", 0) >= 1 and "never seen" not in report.excluded


def test_an_as_of_before_every_interaction_advises_a_later_date(store: Store) -> None:
    """As of a year before its first conversation, the account was told it had "no
    interactions in the store yet" and to import more, though they were all there."""
    from staffpulse.connect.suggestion import first_interaction_time

    first = first_interaction_time(store, "x", "id_acme_staffing")
    assert first is not None
    report = rank_with_fakes(store, now=first - timedelta(days=365))
    assert report.suggestions == []
    day_after = (first + timedelta(days=1)).date().isoformat()
    assert report.next_step is not None
    assert report.next_step.startswith(f"rank as of a later date: use --as-of {day_after} or")
    assert report.notes[-1].endswith(f"the first stored one is from {format_day(first)}")
    # an account with no conversation at all is still told to import them
    quiet_firm = Account(platform="x", id="id_quiet_firm", handle="quiet_firm")
    add_posts(store, quiet_firm, make_post("q1", "quiet_firm", 3, "We are hiring"))
    quiet = rank_with_fakes(store, "quiet_firm")
    assert quiet.notes[-1] == "@quiet_firm has no interactions in the store yet"
    assert (quiet.next_step or "").startswith("import posts that mention or reply to @quiet_firm")


def test_an_account_whose_conversations_are_long_past_is_told_the_date_they_were_busiest(
    store: Store,
) -> None:
    """A personal archive's last post came years after its conversations: ranked as of that
    post, every contact was long ago, and the advice said no option would bring anyone back."""
    from connect_fixtures import FakeRoleModel, FakeScorer
    from staffpulse.connect import suggest_report

    add_posts(store, make_post("late", "acme_staffing", -200, "Back after a long break"))
    report = suggest_report(store, "acme_staffing", role_model=FakeRoleModel(), scorer=FakeScorer())
    assert report.suggestions == []
    advice = report.next_step or ""
    assert advice.startswith("@acme_staffing's conversations are mostly older than ")
    day = advice.rsplit("--as-of ", 1)[1]
    # ranked as of the day it names, the account has suggestions again
    again = rank_with_fakes(store, now=datetime.fromisoformat(day).replace(tzinfo=UTC))
    assert again.suggestions
    # a date given by the user is kept: the advice is about the options then
    given = rank_with_fakes(store, now=NOW + timedelta(days=200))
    assert "busiest" not in (given.next_step or "")
