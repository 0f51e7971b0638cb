"""A post that tells its writer's own day, plan or feeling makes no claim: its angle is a short,
friendly line, never "agree or push back with a data point" (QA: "Looking forward to
reconnecting with ..." and a friend's "hoping someone takes my Sunday shift" were given it)."""

from __future__ import annotations

import pytest

from staffpulse.listen.angles import suggest_angle
from staffpulse.listen.own_story import tells_own_story
from staffpulse.listen.questions import is_link_share


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Looking forward to seeing my old coworkers at the trade show next week", "the workplace"),
        ("Can't wait for Friday drinks with the colleagues from the depot", "the workplace"),
        ("That moment when your boss brings donuts and you already had breakfast", "managers"),
        ("Still trying to swap my night shift so I can make the wedding", "shifts"),
        ("My day off and I get called in again", "shifts"),
        ("My boss brought pizza for the whole crew today", "managers"),
        # a meme's frame tells a moment even when what it reports has a view's word in it
        (
            "That moment when your boss says you should never work late and then emails at 11pm",
            "managers",
        ),
    ],
)
def test_a_story_of_ones_own_gets_a_friendly_line_not_a_debate(text: str, subject: str) -> None:
    assert tells_own_story(text)
    angle = suggest_angle(text, {}, None, 0)
    assert angle == (
        f"Be the first to reply, and add a short, friendly line about {subject}: a story of your"
        " own or a question back; no debate, no pitch."
    )
    assert "push back" not in angle


@pytest.mark.parametrize(
    "text",
    [
        "I think night shift pay should be the first thing in every ad.",  # a view, in "I"
        "My rule of thumb: never let a candidate wait more than two days.",  # advice
        "In my town 1 in 4 coworkers drive an hour or more each way.",  # a figure
        "Better salaries alone will never fix a bad manager.",  # no writer in it: a statement
        # a view in the first person with none of the words above (review: each got "a short,
        # friendly line", no debate)
        "My take: cover letters are pointless for warehouse jobs.",
        "I'm convinced the four-day week would cut our turnover in half.",
        "I've seen too many nurses quit over mandatory overtime this year.",
        "My experience says interviews longer than an hour add nothing.",
        "I just read that warehouse wages rose faster than inflation.",
        "My manager says remote teams ship slower and honestly he has a point.",
        "I can't believe companies still ghost candidates after three interviews.",
        # a story's opening with a view in it is still a view
        "Can't wait for the day companies post salaries up front.",
        "When your recruiter says the salary is competitive, it means low.",
    ],
)
def test_a_claim_keeps_agree_or_push_back(text: str) -> None:
    assert not tells_own_story(text)
    assert "short, friendly line" not in suggest_angle(text, {}, None, 0)


def test_a_share_of_what_is_not_mine_tells_no_story_of_the_writer() -> None:
    # "not mine" disowns what it follows; "mine" alone is the writer's own
    shared = (
        "Found this shot of the harbour at dusk, not mine, but what a view https://t.example/p1"
    )
    assert not tells_own_story(shared)
    assert is_link_share(shared)
    assert tells_own_story("Mine finally arrived after three weeks of waiting")
