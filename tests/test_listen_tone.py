"""The tone of a post as the inbox's angle reads it: a win or boredom is no hardship."""

from __future__ import annotations

import pytest

from staffpulse.listen.angles import suggest_angle
from staffpulse.listen.tone import judge_tone

CONSOLE = "acknowledge what they are going through"


WINS = [
    "Crushed the presentation this morning! Treating myself to tacos tonight",
    "Killed the interview at the bakery!! Fingers crossed for Friday",
]
BOREDOM = (
    "Zero tickets in the queue and my manager won't let me go home early. So bored I'm"
    " alphabetising the stapler drawer"
)


@pytest.mark.parametrize("text", [*WINS, BOREDOM])
def test_a_win_or_boredom_at_work_reads_light_not_negative(text: str) -> None:
    tone = judge_tone([text])[0]
    assert not tone.negative and tone.light


@pytest.mark.parametrize("text", WINS)
def test_a_win_told_in_a_violent_word_is_cheered_on_not_consoled(text: str) -> None:
    angle = suggest_angle(text, {"question": False}, None, 0)
    assert CONSOLE not in angle
    assert "cheer them on" in angle


def test_boredom_at_work_is_met_in_a_light_tone_not_consoled() -> None:
    angle = suggest_angle(BOREDOM, {"question": False}, None, 0, humor=0.7)
    assert CONSOLE not in angle
    assert "match the light tone" in angle


def test_letting_someone_go_home_early_is_no_firing() -> None:
    assert not judge_tone(["Our lead let me go home early since the shop was empty"])[0].serious
    assert judge_tone(["Our lead let me go after nine years without a reason"])[0].serious


def test_boredom_beside_a_worry_is_still_a_hardship() -> None:
    text = "They let me go on Monday. So bored at home already and scared about rent"
    tone = judge_tone([text])[0]
    assert tone.serious and not tone.light
    assert CONSOLE in suggest_angle(text, {"question": False}, None, 0, humor=0.7)


def test_an_entry_to_a_hashtag_game_is_a_joke_not_a_firing_to_console() -> None:
    text = "#GotFiredBecause I put oat milk in the CEO's espresso and called it a latte"
    tone = judge_tone([text])[0]
    assert tone.light and not tone.negative
    angle = suggest_angle(text, {"question": False}, None, 0, humor=0.8)
    assert CONSOLE not in angle
    assert "match the light tone" in angle
