"""A support agent's reply that asks what went wrong is no joke: its humor score is capped
below the threshold, unless it holds a joke's cue. All posts written for these tests."""

from __future__ import annotations

import numpy as np
import pytest

from staffpulse.signals import pattern_bounds
from staffpulse.signals.support_replies import SUPPORT_REPLY_HUMOR, find_support_replies
from staffpulse.signals.text import load_text_signals

SUPPORT_REPLIES = [
    "Hmm, that's odd. Does the error still appear when you open a private window?",
    "@dana_k Sorry about that! Does the issue still occur when you sign in on the app? ^Lee",
    "Does it happen with every file you open, or only the big ones?",
    "Are you still getting the same error message after the update? -Sam",
    "Have you tried clearing your cache and signing in again?",
    "Which browser are you using? We'd like to take a look.",
    "Could you try reinstalling the app and let us know?",
    "Can you DM us your order number and email? We'll sort this out.",
    "Please send us a PM with your booking reference and we'll check.",
    "Were you seeing this error before the update too?",
    "Thanks for flagging. We're glad to look into it for you.",
    "When you try to log in, does it show an error?",
    "Have you tried using another browser, or the desktop app?",
]

NOT_SUPPORT_REPLIES = [
    # a joke's cue: the model keeps its say
    "Have you tried clearing your cache? lol jk nothing helps",
    "Have you tried turning it off and on again?",
    "Does the error still occur when you yell at it? \U0001f602",
    # rhetorical questions ask no one to check anything
    "How did that happen? My coffee is gone again",
    "Why does this happen every time I board a plane?",
    "What is happening to this team?!",
    "Is this happening in your office too?",
    # a support reply's words put to a person: no device is tried, no firm offers help
    "Have you tried using your inside voice, Kevin?",
    "Have you tried checking under the couch for the remote?",
    "Can you try updating your attitude first?",
    "I'll look into that for you later, mum",
    # a "when you" joke that asks nothing
    "When you finally fix the printer and it jams on the first page",
]


@pytest.mark.parametrize("text", SUPPORT_REPLIES)
def test_a_troubleshooting_reply_is_found(text: str) -> None:
    assert find_support_replies([text])[0]


@pytest.mark.parametrize("text", NOT_SUPPORT_REPLIES)
def test_a_joke_or_a_rhetorical_question_is_left_to_the_model(text: str) -> None:
    assert not find_support_replies([text])[0]


def test_a_batch_marks_only_its_support_replies() -> None:
    batch = [NOT_SUPPORT_REPLIES[3], SUPPORT_REPLIES[0], NOT_SUPPORT_REPLIES[0], SUPPORT_REPLIES[4]]
    assert find_support_replies(batch).tolist() == [False, True, False, True]


def test_the_model_scores_a_troubleshooting_reply_as_no_joke(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = load_text_signals()
    reply = (
        "That's definitely not right. Does the same error show when you try logging in "
        "from your phone?"
    )
    joke = "lol when you finally fix the printer and it jams on the first page \U0001f602"
    scores = model.score([reply, joke])
    assert scores["humor"][0] <= SUPPORT_REPLY_HUMOR + 1e-6
    assert scores["humor"][0] < model.thresholds_["humor"]
    assert scores["humor"][1] >= model.thresholds_["humor"]  # a joke keeps its score
    # without the rule the model calls the reply a joke ("definitely", "when you", a "?"),
    # and the rule bounds humor only: a support reply is still a human voice
    monkeypatch.setattr(
        pattern_bounds, "find_support_replies", lambda texts: np.zeros(len(texts), dtype=bool)
    )
    unbounded = model.score([reply, joke])
    assert unbounded["humor"][0] >= model.thresholds_["humor"]
    for signal in ("personality", "job_opening", "work_topic"):
        assert scores[signal][0] == pytest.approx(unbounded[signal][0])
    assert scores["personality"][0] >= model.thresholds_["personality"]
