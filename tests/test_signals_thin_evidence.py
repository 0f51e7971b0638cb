"""Scores that rest on too few known words are pulled back toward "no evidence"."""

from __future__ import annotations

import numpy as np
import pytest

from staffpulse.signals.text import TextSignals, load_text_signals
from staffpulse.signals.thin_evidence import JOB_MIN_WORDS, discount_thin_evidence


@pytest.fixture(scope="module")
def model() -> TextSignals:
    return load_text_signals()


def test_thin_evidence_is_discounted_in_proportion_to_the_words() -> None:
    logits = np.array([3.0, 3.0, 3.0, 3.0, -4.0])
    words = np.array([0, 1, 2, 5, 1])
    laughs = np.array([False, False, False, False, False])
    out = discount_thin_evidence(logits, -0.5, words, laughs)
    # no word: the model's no-evidence score; one word: a third of the evidence; enough: all
    np.testing.assert_allclose(out, [-0.5, -0.5 + 3.5 / 3, -0.5 + 7 / 3, 3.0, -0.5 - 3.5 / 3])
    laughing = discount_thin_evidence(logits, -0.5, words, ~laughs)
    np.testing.assert_allclose(laughing, logits)


def test_the_number_of_words_needed_is_per_signal() -> None:
    logits = np.array([3.0, 3.0, 3.0])
    words = np.array([0, 1, 2])
    out = discount_thin_evidence(logits, -0.5, words, np.zeros(3, dtype=bool), JOB_MIN_WORDS)
    np.testing.assert_allclose(out, [-0.5, -0.5 + 3.5 / 2, 3.0])


def test_a_link_with_no_known_word_is_no_job_ad(model: TextSignals) -> None:
    # a quote tweet or a shared link: the link alone made the model call it an ad
    shared = ["Okey-dokey! https://t.co/abc123", "? https://t.co/xyz", "https://t.co/only"]
    scores = model.score(shared, signals=("job_opening",))["job_opening"]
    assert (scores < model.thresholds_["job_opening"]).all()


def test_short_job_ads_with_a_telling_word_stay_job_ads(model: TextSignals) -> None:
    ads = ["#jobs https://t.co/a", "#hiring https://t.co/b", "Apply now https://t.co/c"]
    scores = model.score(ads, signals=("job_opening",))["job_opening"]
    assert (scores >= model.thresholds_["job_opening"]).all()
