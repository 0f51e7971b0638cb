"""One X API v2 tweet or user to a row (staffpulse.sources.x_v2_objects): kinds from the
references, a reply to a deleted tweet still names the account answered, a missing date is
read from the tweet's id."""

from __future__ import annotations

import pytest

from staffpulse.sources.x_v2_objects import account_from_v2_user, post_from_v2_tweet


def test_a_reply_whose_parent_is_gone_names_the_account_and_is_dated_by_its_id() -> None:
    post = post_from_v2_tweet(
        {
            "id": "1600000000000000001",
            "author_id": "10",
            "text": "@acme thanks for the tip",
            "in_reply_to_user_id": "11",
        },
        handles={"10": "janedoe", "11": "AcmeStaffing"},
    )
    assert (post.kind, post.reply_to_post_id, post.reply_to_handle) == (
        "reply",
        None,
        "acmestaffing",
    )
    assert post.author_handle == "janedoe" and post.created_at is not None
    assert post.created_at.year == 2022  # from the id: X ids carry their time


def test_a_user_without_a_username_is_refused_with_why() -> None:
    with pytest.raises(ValueError, match="user object without 'username'"):
        account_from_v2_user({"id": "10", "name": "Jane"})
    account = account_from_v2_user({"id": "10", "username": "janedoe", "verified_type": "blue"})
    assert (account.handle, account.url, account.verified) == (
        "janedoe",
        "https://x.com/janedoe",
        True,
    )
