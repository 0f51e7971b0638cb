"""Harassment at work told without the word (staffpulse.listen.harassment): answered straight,
while a touch, a remark or a shrug that is no report keeps its light angle (our own texts)."""

from __future__ import annotations

import pytest

from staffpulse.listen.angles import suggest_angle
from staffpulse.listen.tone import tells_of_rights

SERIOUS = "acknowledge what they are going through"


@pytest.mark.parametrize(
    "text",
    [
        "A customer grabbed my waist at the till and my manager laughed it off",
        "Coworker groped me at the warehouse party and management did nothing lol",
        "My boss won't stop hugging me and it makes me so uncomfortable",
        "Told my manager about the texts he sends me at 2am and she laughed it off lol",
        "Shift lead kept touching my hair after I asked him to stop lol",
    ],
)
def test_harassment_told_with_a_laugh_is_answered_seriously(text: str) -> None:
    assert tells_of_rights(text)
    assert SERIOUS in suggest_angle(text, {}, None, 0, 0.95)


@pytest.mark.parametrize(
    "text",
    [
        # no one at work touches: a masseur, a toddler, a grandma
        "The massage place by the office rubbed my back so hard I fell asleep lol",
        "My toddler won't stop grabbing my hair during standup calls",
        "Grandma made comments about my weight again, so I brought her to the office party",
        # a shrug with no report nor touch, a hug that is welcome
        "My boss did nothing all day and still took credit for the launch lol",
        "HR laughed it off when I asked for a nap pod in the break room",
        "Our regulars keep hugging me at the bakery, best job ever",
    ],
)
def test_a_touch_or_a_shrug_that_is_no_report_keeps_its_light_angle(text: str) -> None:
    assert not tells_of_rights(text)
    assert SERIOUS not in suggest_angle(text, {}, None, 0, 0.95)
