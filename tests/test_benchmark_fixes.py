"""The league table's "most important fix" (staffpulse.benchmark.fixes): about each
competitor, never addressed to it, and in the singular for one reply or one account, as the
audit's own advice says it (an audit saved before that wording reads the same)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from staffpulse.audit.config import audit_settings
from staffpulse.audit.conversation import _advice
from staffpulse.benchmark.fixes import fix_headline

YOU = re.compile(r"\byou(r|rs)?\b", re.IGNORECASE)


@pytest.mark.parametrize(
    ("advice", "headline"),
    [
        (
            "89 of 158 mentions of you got no answer. Check your notifications every morning.",
            "Answer mentions: 89 of 158 got no answer",
        ),
        (
            "Only 3 of your 40 posts are replies to others. Spend 10 minutes a day answering.",
            "Reply to others: only 3 of 40 posts are replies",
        ),
        (
            "You talked with 2 different accounts in the last 90 days. Pick 5 people a week.",
            "Talk with more people: 2 accounts in 90 days",
        ),
        (
            "4 of 6 replies to your posts got no answer from you. People took the time.",
            "Answer replies: 4 of 6 replies to its posts got no answer",
        ),
        (
            "9 of your last 10 posts were job ads (80% overall). Alternate each job post.",
            "Post fewer job ads: 9 of the last 10 posts were job ads (80% overall)",
        ),
        (
            "100% of your posts are near-copies of the same few templates. Rewrite each one.",
            "Stop posting templates: 100% of posts are near-copies",
        ),
        (
            "Only 2 of 30 posts (7%) sound like a person. This week, post one story.",
            "Sound like a person: only 2 of 30 posts do",
        ),
        (
            "Your one post does not sound like a person. This week, post one story.",
            "Sound like a person: its one post does not",
        ),
        (
            "We found few posts that read as light or funny (0 of 30 posts; our humor detector misses"
            " some, so read this as a hint). Once a week, share.",
            "Add some humor: 0 of 30 posts read as funny",
        ),
        (
            "Your picture is a logo, and people don't talk to logos. Use a photo.",
            "Show a person, not a logo, in the picture",
        ),
        (
            'Add a person to your display name, e.g. "Rosa at Acme", so people know.',
            "Put a person's name in the display name",
        ),
        (
            'Your display name "🌻" has no name in it. Use a person\'s name, alone or with '
            'the firm\'s ("Rosa Lund" or "Rosa at YourFirm"), so people know.',
            "Put a person's name in the display name",
        ),
        (
            "You have no display name. Use a person's name, alone or with the firm's.",
            "Put a person's name in the display name",
        ),
    ],
)
def test_each_known_piece_of_advice_becomes_a_headline(advice: str, headline: str) -> None:
    assert fix_headline({"action": advice, "title": "Any"}) == headline


def test_advice_in_a_new_shape_is_told_in_the_third_person() -> None:
    said = fix_headline(
        {"title": "Voice", "action": "Your posts read like ads you copied. Write as you speak."}
    )
    assert said == "Voice: Its posts read like ads it copied"
    assert not YOU.search(said)


def test_one_post_that_sounds_like_a_person_is_said_in_the_singular() -> None:
    from staffpulse.audit.voice import _voice_advice

    ev = {
        "posts_scored": 22,
        "personality_posts": 1,
        "personality_share": 1 / 22,
        "humor_posts": 0,
        "humor_share": 0.0,
        "templated_share": 0.0,
        "template_families": [],
    }
    advice = _voice_advice(ev, audit_settings({}))
    assert advice[0].startswith("Only 1 of 22 posts (5%) sounds like a person.")
    assert fix_headline({"action": advice[0]}) == "Sound like a person: only 1 of 22 posts does"
    two = _voice_advice(
        ev | {"personality_posts": 2, "personality_share": 2 / 22}, audit_settings({})
    )
    assert two[0].startswith("Only 2 of 22 posts (9%) sound like a person.")
    assert fix_headline({"action": two[0]}) == "Sound like a person: only 2 of 22 posts do"
    # an audit saved before this wording still reads well in a league table
    old = "Only 1 of 22 posts (5%) sound like a person. This week, post one story."
    assert fix_headline({"action": old}) == "Sound like a person: only 1 of 22 posts does"


def test_an_account_that_only_reposts_is_told_to_write_its_own_posts() -> None:
    from staffpulse.audit.voice import _only_reposts

    # the fallback said "Voice: All 3 of its posts are reposts of others: write its own"
    assert (
        fix_headline({"action": _only_reposts(3), "title": "Voice"})
        == "Write its own posts: all 3 of its posts are reposts"
    )
    assert (
        fix_headline({"action": _only_reposts(1), "title": "Voice"})
        == "Write its own posts: its one post is a repost"
    )


def test_no_advice_no_headline() -> None:
    assert fix_headline({"action": "", "title": "Face"}) == ""


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
    assert advice[0].startswith("Only 1 of your 13 posts is a reply to others (8%; aim for")
    assert advice[1].startswith("You talked with 1 different account in the last 90 days")
    headlines = [fix_headline({"action": a, "title": "Conversation"}) for a in advice]
    assert headlines == [
        "Reply to others: only 1 of 13 posts is a reply",
        "Talk with more people: 1 account in 90 days",
    ]
    # more than one stays plural, in the audit and the league table
    more = _advice(_evidence(replies=2, accounts_engaged_90d=3), audit_settings({}))
    assert more[0].startswith("Only 2 of your 13 posts are replies to others (")
    assert [fix_headline({"action": a}) for a in more] == [
        "Reply to others: only 2 of 13 posts are replies",
        "Talk with more people: 3 accounts in 90 days",
    ]
    # an audit saved before this wording still reads well in a league table
    old = "Only 1 of your 13 posts are replies to others. Spend 10 minutes a day."
    assert fix_headline({"action": old}) == "Reply to others: only 1 of 13 posts is a reply"
