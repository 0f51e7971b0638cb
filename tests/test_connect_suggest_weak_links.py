"""Candidates the circle barely reaches (staffpulse.connect.suggest): left out as weakly linked,
unless the account talked with them itself long ago (a stale contact) or one of its circle
engages them."""

from __future__ import annotations

import pytest

from connect_fixtures import (
    add_posts,
    build_store,
    make_post,
    rank_with_fakes,
    reply_post,
)
from staffpulse.connect import SuggestOptions
from staffpulse.models import Account
from staffpulse.store import Store

store = pytest.fixture(build_store, name="store")


def _far_stranger(store: Store) -> None:
    """kim_far posts today but is linked to the network only by a reply to val_vendor (whom
    no one in acme_staffing's circle engages back) two years ago: a negligible path."""
    add_posts(
        store,
        Account(platform="x", id="id_kim_far", handle="kim_far"),
        reply_post(900, "kim_far", "val_vendor", 730),
        make_post("k2", "kim_far", 1, "I think Monday is fine"),
    )


def test_a_candidate_the_circle_barely_reaches_is_left_out_as_weak(store: Store) -> None:
    _far_stranger(store)
    # "any": the fake role model calls kim_far "other"
    report = rank_with_fakes(store, platform="x", role="any")
    handles = [s.handle for s in report.suggestions]
    assert "kim_far" not in handles and handles[0] == "hannah_hr"
    assert report.excluded["weak link"] == 1
    assert "1 too weakly linked to your circle" in report.left_out_line
    # alone, it would have been the best left and read 100: now nothing is suggested
    alone = rank_with_fakes(store, role="other")
    assert alone.suggestions == [] and alone.excluded["weak link"] == 1


def test_a_contact_talked_with_long_ago_is_not_called_weakly_linked(store: Store) -> None:
    """--include-contacts on an archive of years: the people the account itself replied to
    long ago read "too weakly linked to your circle", as if strangers."""
    add_posts(
        store,
        Account(platform="x", id="id_old_pal", handle="old_pal"),
        reply_post(901, "acme_staffing", "old_pal", 730),
        make_post("o2", "old_pal", 1, "I think Monday is fine"),
    )
    report = rank_with_fakes(store, role="any", options=SuggestOptions(include_contacts=True))
    assert "old_pal" not in [s.handle for s in report.suggestions]
    assert report.excluded.get("stale contact") == 1 and "weak link" not in report.excluded
    assert "1 contact talked with too rarely or long ago" in report.left_out_line
    assert {"reason": "stale_contact", "count": 1} in [
        {k: r[k] for k in ("reason", "count")} for r in report.as_dict()["excluded_reasons"]
    ]


def test_a_candidate_one_circle_member_engages_is_never_weak(store: Store) -> None:
    # val_vendor gets little mass (rita's reply is one among many) but rita engages it
    found = rank_with_fakes(store).suggestions
    vendor = [s for s in found if s.handle == "val_vendor"]
    assert vendor and vendor[0].via == ("@rita_recruits",)
