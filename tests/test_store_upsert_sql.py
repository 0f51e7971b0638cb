"""The store's upsert of a post whose kind a later read corrects (store/upsert_sql.py): a reply
whose parent was deleted, stored as an original by an earlier build, becomes a reply when its
file is imported again, and a reply never turns back into an original; of two profiles
observed at the same time, the fuller is kept whatever the order, and so are a post's larger
counts."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from staffpulse.models import Account, Post, Provenance
from staffpulse.store import open_store

WHEN = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
PROV = Provenance(source="test", location="mem", tool_version="t", retrieved_at=WHEN)
COLUMNS = "kind, reply_to_post_id, reply_to_account_id, reply_to_handle, conversation_id"


def _post(**fields: Any) -> Post:
    return Post(platform="x", id="401", author_id="9001", text="@JaneDoe thanks", **fields)


def _stored(rows: list[Post]) -> tuple[Any, ...]:
    store = open_store(":memory:")
    for row in rows:
        store.upsert([row], PROV)
    return tuple(store.conn.execute(f"SELECT {COLUMNS} FROM posts WHERE id = '401'").fetchone())


ORPHAN = _post(kind="reply", reply_to_account_id="42", reply_to_handle="janedoe")


def test_an_original_read_again_as_a_reply_takes_its_target_and_starts_no_conversation() -> None:
    old = _post(conversation_id="401")  # as an earlier build read the archive's tweet
    assert _stored([old, ORPHAN]) == ("reply", None, "42", "janedoe", None)
    # where the new read names the conversation (X's API), that one is kept
    named = _stored([old, _post(kind="reply", reply_to_account_id="42", conversation_id="350")])
    assert named[0] == "reply" and named[4] == "350"


def test_a_reply_stays_one_and_keeps_the_conversation_its_source_gave() -> None:
    # X's API gives a tweet addressed to an account (no parent) its own conversation id
    api = _post(kind="reply", reply_to_account_id="42", conversation_id="401")
    assert _stored([api, ORPHAN]) == ("reply", None, "42", "janedoe", "401")
    assert _stored([ORPHAN, _post(conversation_id="401")])[0] == "reply"  # never undone


def _account_stored(rows: list[Account]) -> tuple[Any, ...]:
    store = open_store(":memory:")
    for row in rows:
        store.upsert([row], PROV)
    return tuple(store.conn.execute("SELECT followers, post_count, bio FROM accounts").fetchone())


def test_of_two_profiles_observed_at_the_same_time_the_fuller_is_kept_in_either_order() -> None:
    """Two saved responses dated alike held different counts: the last imported won, so two
    stores of the same files differed by the order they were given in."""
    profile = Account(platform="mastodon", id="https://hr.example/@rosa", handle="rosa@hr.example",
                      observed_at=WHEN)  # fmt: skip
    fewer = replace(profile, followers=0, post_count=0, bio="Recruiter")
    fuller = replace(profile, followers=12, post_count=7, bio="Recruiter in Leeds")
    assert (
        _account_stored([fewer, fuller])
        == _account_stored([fuller, fewer])
        == (
            12,
            7,
            "Recruiter in Leeds",
        )
    )
    # a newer observation still wins, fuller or not
    newer = replace(fewer, observed_at=datetime(2026, 3, 2, tzinfo=UTC))
    assert _account_stored([fuller, newer])[:2] == _account_stored([newer, fuller])[:2] == (0, 0)


def _counts_stored(rows: list[Post]) -> tuple[Any, ...]:
    store = open_store(":memory:")
    for row in rows:
        store.upsert([row], PROV)
    return tuple(store.conn.execute("SELECT likes, reposts FROM posts").fetchone())


def test_of_two_copies_of_a_post_observed_at_the_same_time_the_larger_counts_are_kept() -> None:
    """Two twarc2 pages retrieved at the same moment held different likes: the last imported
    won, so two stores of the same files differed by the order they were given in."""
    fewer = _post(likes=5, reposts=1, observed_at=WHEN)
    more = replace(fewer, likes=9)
    assert _counts_stored([fewer, more]) == _counts_stored([more, fewer]) == (9, 1)
    # a newer observation still wins, larger or not
    newer = replace(fewer, observed_at=datetime(2026, 3, 2, tzinfo=UTC))
    assert _counts_stored([more, newer]) == _counts_stored([newer, more]) == (5, 1)
