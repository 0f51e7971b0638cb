"""A post that names a party or a politician takes sides; the same letters in everyday words
do not (hand-written posts)."""

from __future__ import annotations

import pytest

from staffpulse.listen.moderation import moderate
from staffpulse.listen.partisan import PARTISAN_RE


@pytest.mark.parametrize(
    "text",
    [
        "Trump's new visa rule will hit our H-1B candidates",
        "trumps presidency was a mess for hiring",
        "Say what you like about #Trump2024, our clients are nervous",
        "The GOP plan for overtime pay",
        "never trump, never again",  # a movement, though "never" can come before the verb
        "it is always trump's fault, say our clients",
    ],
)
def test_a_politician_or_party_named_takes_sides(text: str) -> None:
    assert PARTISAN_RE.search(text)
    assert moderate(text).politics


@pytest.mark.parametrize(
    "text",
    [
        "Culture trumps strategy every time. What do you see in your teams?",
        "A good attitude trumped a perfect CV in our last three hires",
        "Listening is trumping talking in interviews this year",
        "Attitude will always trump experience in a first hire",
        "Play your trump card in the interview: a portfolio",
        "Our new hire plays the trumpet at lunch",
    ],
)
def test_the_verb_and_the_trumpet_are_no_politics(text: str) -> None:
    assert not PARTISAN_RE.search(text)
    assert not moderate(text).politics
