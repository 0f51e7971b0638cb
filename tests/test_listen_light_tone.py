"""One light-tone verdict for the angle and the "worn down" caution
(staffpulse.listen.light_tone): a card never says "match the light tone" beside "lead with a
kind line", and a worn-down post the humor signal cannot call funny keeps its caution."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from staffpulse.listen.angles import suggest_angle
from staffpulse.listen.light_tone import matches_light_tone
from staffpulse.listen.rank_reasons import WORN_DOWN, explain
from staffpulse.listen.threads import Conversation
from staffpulse.listen.tone import judge_tone
from staffpulse.models import Post

FLAGS = {name: False for name in ("question", "work", "job_ad", "greeting", "hostile",
                                  "nsfw", "partisan", "politics", "spam")}  # fmt: skip
# our own texts: a laugh at a spreadsheet, and a job seeker at the end of their rope
JOKE = "I give up 😂 the payroll spreadsheet beat me again, every single month lol"
WORN = "Another position filled email after the final round. I give up."


def _cautions(text: str, humor: float | None) -> tuple[str, ...]:
    post = Post(platform="x", id="1", author_id="a", text=text, created_at=datetime.now(UTC))
    comp = {"recency": 0.9, "question": 0.0}
    _, cautions = explain(Conversation("x", "1", (post,)), comp, FLAGS, None, 2.0, 0, None,
                          humor=humor)  # fmt: skip
    return cautions


def test_a_laugh_at_giving_up_gets_the_light_angle_and_no_worn_down_caution() -> None:
    angle = suggest_angle(JOKE, FLAGS, None, 0, 0.95)
    assert "match the light tone" in angle
    assert WORN_DOWN not in _cautions(JOKE, 0.95)


def test_the_same_words_the_humor_signal_finds_unfunny_keep_the_caution() -> None:
    # humor not read (or low): nothing says it is a joke, so the kind word comes first
    assert WORN_DOWN in _cautions(JOKE, None)
    assert WORN_DOWN in _cautions(JOKE, 0.2)


@pytest.mark.parametrize("humor", [0.1, 0.95])
def test_a_job_seeker_worn_down_keeps_the_caution_however_funny_the_signal_finds_it(
    humor: float,
) -> None:
    # its tone is not light: the angle does not joke along, so the caution stands
    assert not matches_light_tone(WORN, judge_tone([WORN])[0], humor, question=False)
    assert WORN_DOWN in _cautions(WORN, humor)
