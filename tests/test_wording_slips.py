"""Wording a client reads in reports: one reply and one account said in the singular, an
address that is no profile named once."""

from __future__ import annotations

from typing import Any

import pytest

from staffpulse.account_refs import read_account_ref
from staffpulse.audit.config import audit_settings
from staffpulse.audit.conversation import _advice
from staffpulse.benchmark.fixes import fix_headline
from staffpulse.errors import InputError


def _evidence(**changes: Any) -> dict[str, Any]:
    ev: dict[str, Any] = {
        "posts": 13,
        "replies": 1,
        "reply_share": 1 / 13,
        "mentions_known": 0,
        "mentions_answered": 0,
        "accounts_engaged_90d": 1,
        "replies_received": 0,
        "replies_received_answered": 0,
        "share_share": 1.0,
    }
    return ev | changes


def test_one_reply_and_one_account_are_said_in_the_singular() -> None:
    advice = _advice(_evidence(), audit_settings({}))
    assert advice[0].startswith("Only 1 of your 13 posts is a reply to others.")
    assert advice[1].startswith("You talked with 1 different account in the last 90 days")
    headlines = [fix_headline({"action": a, "title": "Conversation"}) for a in advice]
    assert headlines == [
        "Reply to others: only 1 of 13 posts is a reply",
        "Talk with more people: 1 account in 90 days",
    ]
    # more than one stays plural, in the audit and the league table
    more = _advice(_evidence(replies=2, accounts_engaged_90d=3), audit_settings({}))
    assert more[0].startswith("Only 2 of your 13 posts are replies to others.")
    assert [fix_headline({"action": a}) for a in more] == [
        "Reply to others: only 2 of 13 posts are replies",
        "Talk with more people: 3 accounts in 90 days",
    ]
    # an audit saved before this wording still reads well in a league table
    old = "Only 1 of your 13 posts are replies to others. Spend 10 minutes a day."
    assert fix_headline({"action": old}) == "Reply to others: only 1 of 13 posts is a reply"


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("https://www.linkedin.com/in/foo", ""),
        ("https://x.com/home", ": it is not an X profile URL (x.com/name)"),
    ],
)
def test_an_address_of_no_profile_is_named_once(typed: str, reason: str) -> None:
    with pytest.raises(InputError) as refused:
        read_account_ref(typed)
    message = str(refused.value.args[0])
    assert message == f"'{typed}' is not a profile URL staffpulse reads{reason}"
    assert message.count(typed) == 1
    assert "x.com, bsky.app or a Mastodon instance" in (refused.value.hint or "")
