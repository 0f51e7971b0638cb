"""The text-signal training script's CV report: the F1 at a threshold chosen without the test
fold, next to the pooled threshold's (which is picked on the scores it is measured on)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest


@pytest.fixture
def train() -> Iterator[ModuleType]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    try:
        import train_text_signals

        yield train_text_signals
    finally:
        sys.path.pop(0)


def test_each_fold_is_judged_at_the_threshold_of_the_other_folds(train: ModuleType) -> None:
    y = np.array([1, 0, 1, 0])
    # one repeat of two folds; the second fold's scores sit lower than the first's
    probs = np.array([[0.9, 0.1, 0.3, 0.2]])
    splits = [(np.array([2, 3]), np.array([0, 1])), (np.array([0, 1]), np.array([2, 3]))]
    outside = train.f1_threshold_outside_fold(y, probs, splits, folds=2)
    # the first fold, at the second's cut (0.21), is right; the second, at the first's (0.11),
    # calls its negative a positive
    assert outside == pytest.approx([1.0, 2 / 3])
    # the pooled cut fits both folds at once: the optimistic figure the report sets it beside
    pooled = train.best_threshold(y, probs[0])
    assert all((probs[0][te] >= pooled).tolist() == y[te].astype(bool).tolist() for _, te in splits)
