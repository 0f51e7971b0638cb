"""A frustrated complaint is no joke; one that laughs or mocks as it complains still is."""

from __future__ import annotations

import numpy as np
import pytest

from staffpulse.signals import pattern_bounds
from staffpulse.signals.exasperation import EXASPERATION_HUMOR, find_exasperated_complaints
from staffpulse.signals.text import load_text_signals

COMPLAINTS = [
    "am I tripping or did the agency just ghost me after the second interview..??",
    "how many times is this careers site going to log me out mid application? fourth time now",
    "Am I crazy or did my bank just charge me twice for the same coffee",
    "am i trippin or has the landlord still not fixed the heat",
    "Am I losing my mind or did the airline cancel my flight again",
    "how many more times are you going to reschedule this interview",
    "am I tripping or does this app keep logging me out every hour",
    "Am I imagining things or did HR never send my contract",
    "how many times is my phone company gonna overcharge me this year",
    "Am I going crazy or is the payroll portal down again??",
]

NOT_COMPLAINTS = [
    # a laughter word or face: the writer jokes as they complain
    "am I tripping or did the agency just ghost me lol",
    "Am I losing it or did the bank just move my money to savings, haha",
    "How many times is the printer going to jam before it becomes sentient \U0001f602",
    # sarcasm is humor by the guidelines
    "am i tripping or did my landlord just raise rent again, love that for me",
    "How many times is my boss going to say synergy today? #sarcasm",
    "How many times are we going to watch this team choke? thanks a lot guys",
    # the frame with no wrong done to the writer, or no frame at all
    "Am I crazy or does my cat look like a tiny accountant",
    "am I tripping or is this the best taco in the city",
    "Am I crazy or is this new season actually good",
    "am i dreaming or is it finally Friday",
    "how many times have you watched that trailer today",
    "how many cups of coffee is too many, asking for a friend",
    "I lost count of how many times I laughed at that movie",
    "Am I the only one who thinks Mondays should be illegal",
    "my manager booked a 7am call and then did not show up, living the dream",
]


@pytest.mark.parametrize("text", COMPLAINTS)
def test_a_frustrated_complaint_is_found(text: str) -> None:
    assert find_exasperated_complaints([text])[0]


@pytest.mark.parametrize("text", NOT_COMPLAINTS)
def test_a_joke_sarcasm_or_a_plain_question_is_left_to_the_model(text: str) -> None:
    assert not find_exasperated_complaints([text])[0]


def test_a_batch_marks_only_its_complaints() -> None:
    batch = [NOT_COMPLAINTS[0], COMPLAINTS[0], "", NOT_COMPLAINTS[6], COMPLAINTS[1]]
    assert find_exasperated_complaints(batch).tolist() == [False, True, False, False, True]


def test_the_model_no_longer_reads_a_job_seekers_complaint_as_a_sure_joke(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = load_text_signals()
    complaint = COMPLAINTS[0]
    joke = NOT_COMPLAINTS[0]
    scores = model.score([complaint, joke])
    assert scores["humor"][0] <= EXASPERATION_HUMOR + 1e-6
    assert scores["humor"][0] < model.thresholds_["humor"]
    assert scores["humor"][1] >= model.thresholds_["humor"]  # the joking one keeps its score
    # without the rule the model is sure the complaint jokes; the rule bounds humor only
    monkeypatch.setattr(
        pattern_bounds,
        "find_exasperated_complaints",
        lambda texts: np.zeros(len(texts), dtype=bool),
    )
    unbounded = model.score([complaint, joke])
    assert unbounded["humor"][0] >= model.thresholds_["humor"]
    for signal in ("personality", "job_opening", "work_topic"):
        assert scores[signal][0] == pytest.approx(unbounded[signal][0])
