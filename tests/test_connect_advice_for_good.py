"""Accounts connect holds back for good, whatever the options (connect/advice.py next_step):
anonymized customers no one can follow, and an account held back by several lasting reasons,
told by the one that says most (connect/reasons.py strongest_permanent)."""

from __future__ import annotations

from datetime import timedelta

from connect_fixtures import NOW, add_posts, rank_with_fakes
from staffpulse.connect import SuggestOptions
from staffpulse.connect.advice import INACTIVE, HeldBack, Ranking, next_step
from staffpulse.models import Account, Post
from staffpulse.store import Store, open_store


def _with_anonymized_customers() -> Store:
    """acme_staffing talks only with two customers an anonymized dataset names by number."""
    store = open_store(":memory:")
    firm = Account(platform="x", id="id_acme_staffing", handle="acme_staffing")
    rows: list[Account | Post] = [firm]
    for n, customer in enumerate(("twcs:101", "twcs:102")):
        rows.append(
            Post(
                platform="x",
                id=f"twcs:{n}1",
                author_id=customer,
                text="@acme_staffing I think my payslip is wrong",
                created_at=NOW - timedelta(days=1 + n),
                mentions=("acme_staffing",),
            )
        )
        rows.append(
            Post(
                platform="x",
                id=f"twcs:{n}2",
                author_id="id_acme_staffing",
                author_handle="acme_staffing",
                text="Sorry to hear that, send us a DM",
                created_at=NOW - timedelta(days=n),
                kind="reply",
                reply_to_post_id=f"twcs:{n}1",
                reply_to_account_id=customer,
            )
        )
    add_posts(store, *rows)
    return store


def test_anonymized_customers_are_never_suggested_and_get_no_fetch_advice() -> None:
    store = _with_anonymized_customers()
    for options in (SuggestOptions(), SuggestOptions(include_contacts=True, include_unseen=True)):
        report = rank_with_fakes(store, options=options)
        assert report.suggestions == []
        assert report.excluded == {"anonymized (no handle)": 2}
        step = report.next_step or ""
        assert step.startswith("2 anonymized accounts without a handle were left out")
        assert "cannot be followed" in step
        assert "add-handles" not in step and "--include" not in step


def test_an_account_held_back_for_good_by_several_reasons_is_told_by_the_strongest() -> None:
    """An inactive job-ad bot that also only broadcasts was told as "1 broadcast-only account"
    (the reasons' first by the alphabet): what it is, a bot, says more; and the order the
    reasons were found in does not change it."""
    from staffpulse.connect.advice import BROADCAST, JOB_FEED, STALE, WEAK

    run = Ranking("@acme_staffing", "x", NOW, True, 90, None)
    for also in ([BROADCAST, JOB_FEED], [JOB_FEED, WEAK, BROADCAST], [WEAK, BROADCAST, JOB_FEED]):
        held = HeldBack()
        for reasons in ([INACTIVE], [INACTIVE], [INACTIVE, *also]):
            held.add(reasons, NOW - timedelta(days=200))
        step = next_step(held, run)
        assert step.endswith(
            "the other 1 of the 3 inactive is held back for another reason too"
            " (1 automated job feed)."
        ), step
    # a contact gone quiet says more than a stranger's weak link
    held = HeldBack()
    for reasons in ([INACTIVE], [INACTIVE], [INACTIVE, WEAK, STALE]):
        held.add(reasons, NOW - timedelta(days=200))
    assert next_step(held, run).endswith("(1 contact talked with too rarely or long ago).")
