"""The CV error listing of ``scripts/cv_errors.py``: which posts it calls false positives and
false negatives, surest first, and how steady each error is over the CV repeats."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest


@pytest.fixture
def cv_errors() -> Iterator[ModuleType]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    try:
        import cv_errors

        yield cv_errors
    finally:
        sys.path.pop(0)


def test_errors_are_read_on_the_mean_over_repeats_surest_first(cv_errors: ModuleType) -> None:
    y = np.array([1, 1, 0, 0, 0, 1])
    # three repeats (rows) of out-of-fold probabilities for six posts
    probs = np.array(
        [
            [0.9, 0.2, 0.8, 0.6, 0.1, 0.6],
            [0.8, 0.1, 0.9, 0.4, 0.2, 0.4],
            [0.9, 0.3, 0.7, 0.4, 0.1, 0.45],
        ]
    )
    fp, fn, mean, wrong = cv_errors.find_errors(y, probs, threshold=0.5)
    assert fp == [2]  # post 3 is wrong once, but right on average
    assert fn == [1, 5]  # the surest miss first
    assert wrong.tolist() == [0, 3, 3, 1, 0, 2]
    assert mean[5] == pytest.approx(0.4833, abs=1e-3)


def test_the_listing_names_each_error_with_its_text(
    cv_errors: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    y = np.array([1, 0])
    probs = np.array([[0.2, 0.7], [0.3, 0.9]])
    cv_errors.print_errors(
        "job_opening", ["a:1", "b:2"], ["We're hiring!", "Good  job\nteam"], y, probs, 0.5
    )
    out = capsys.readouterr().out
    assert "1 false positives, 1 false negatives" in out
    assert "FP p=0.80 wrong 2/2 b:2: Good job team" in out  # one line a post
    assert "FN p=0.25 wrong 2/2 a:1: We're hiring!" in out
