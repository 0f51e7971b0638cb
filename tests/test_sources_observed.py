"""When a payload's rows were observed: a file's own date wins, else the newest post dates a
response, and a date a file gives unreadably leaves the rows undated rather than failing."""

from __future__ import annotations

from datetime import UTC, datetime

from staffpulse.models import Account, Follow, Post
from staffpulse.sources.observed import observed_by_newest_post, twarc_retrieved_at, with_observed

MARCH = datetime(2026, 3, 1, tzinfo=UTC)
APRIL = datetime(2026, 4, 1, tzinfo=UTC)


def test_twarcs_retrieval_date_is_read_and_a_bad_one_is_no_date() -> None:
    assert twarc_retrieved_at({"__twarc": {"retrieved_at": "2026-04-01T00:00:00+00:00"}}) == APRIL
    assert twarc_retrieved_at({"__twarc": {"retrieved_at": "last tuesday"}}) is None
    assert twarc_retrieved_at({"__twarc": "2026-04-01"}) is None
    assert twarc_retrieved_at({}) is None


def test_a_response_is_dated_by_its_newest_post_and_keeps_dates_it_has() -> None:
    rows: list[Account | Post | Follow] = [
        Account(platform="x", id="1", handle="acme"),
        Account(platform="x", id="2", handle="jane", observed_at=MARCH),
        Post(platform="x", id="10", author_id="1", created_at=MARCH),
        Post(platform="x", id="11", author_id="1", created_at=APRIL),
        Follow(platform="x", follower_id="2", followee_id="1"),
    ]
    dated = observed_by_newest_post(rows)
    assert [getattr(r, "observed_at", "follow") for r in dated] == [
        APRIL,
        MARCH,  # observed before: kept
        APRIL,
        APRIL,
        "follow",
    ]
    assert with_observed(rows, None) == rows
