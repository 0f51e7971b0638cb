"""The text signals an audit reads (staffpulse.audit.signals): one batch per audit or
benchmark, each distinct text scored once and its scores given to every post that has it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pytest

from staffpulse.audit.signals import score_texts
from staffpulse.errors import ModelError


class LengthScorer:
    """Scores a text by its length, and remembers what it was asked to score."""

    def __init__(self) -> None:
        self.thresholds_ = {"job_opening": 0.5, "personality": 0.5, "humor": 0.5}
        self.seen: list[str] = []

    def score(self, texts: Sequence[str]) -> Mapping[str, Any]:
        self.seen.extend(texts)
        length = np.array([min(len(t) / 40, 1.0) for t in texts])
        return {"job_opening": length, "personality": 1 - length, "humor": length / 2}


def test_a_text_posted_again_is_scored_once_and_each_post_gets_its_scores() -> None:
    ad = "We're hiring a forklift operator in Dayton! Apply now"
    texts = [ad, "Tacos on Friday lol", ad, "", ad, "Tacos on Friday lol"]
    scorer = LengthScorer()
    signals = score_texts(texts, scorer, detect_templates=False)
    assert scorer.seen == [ad, "Tacos on Friday lol", ""]
    alone = {t: score_texts([t], LengthScorer(), detect_templates=False) for t in set(texts)}
    for name in ("job_opening", "personality", "humor"):
        assert signals.scores[name].tolist() == [alone[t].scores[name][0] for t in texts]
        assert signals.labels[name].tolist() == [alone[t].labels[name][0] for t in texts]


def test_different_texts_are_scored_in_their_order() -> None:
    scorer = LengthScorer()
    signals = score_texts(["a", "bb", "ccc"], scorer, detect_templates=False)
    assert scorer.seen == ["a", "bb", "ccc"]
    assert signals.scores["job_opening"].tolist() == [1 / 40, 2 / 40, 3 / 40]


class ShortScorer(LengthScorer):
    def score(self, texts: Sequence[str]) -> Mapping[str, Any]:
        return {name: values[:-1] for name, values in super().score(texts).items()}


def test_a_scorer_that_loses_a_score_is_a_model_error() -> None:
    with pytest.raises(ModelError, match="returned"):
        score_texts(["one", "two", "one"], ShortScorer(), detect_templates=False)
