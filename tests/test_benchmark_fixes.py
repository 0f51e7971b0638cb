"""The league table's "most important fix": about each competitor, never addressed to it."""

from __future__ import annotations

import re

import pytest

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


def test_no_advice_no_headline() -> None:
    assert fix_headline({"action": "", "title": "Face"}) == ""
