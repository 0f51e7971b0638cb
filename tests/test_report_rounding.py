"""Figures rounded for people round halves up, as a reader checking them by hand does."""

from __future__ import annotations

import math

import numpy as np

from staffpulse.report.rounding import round_half_up, whole


def test_halves_go_up_not_to_the_even_neighbour() -> None:
    # Python's round gives 40, 2 and 0.2 here
    assert [whole(40.5), whole(2.5), whole(np.float64(85.5))] == [41, 3, 86]
    assert round_half_up(0.25, 1) == 0.3 and round_half_up(0.125, 2) == 0.13


def test_other_figures_round_to_the_nearest_and_nan_stays_nan() -> None:
    assert [whole(40.49), whole(40.51), whole(-0.5)] == [40, 41, -1]
    assert round_half_up(71.04, 1) == 71.0
    assert math.isnan(round_half_up(float("nan"), 1))
