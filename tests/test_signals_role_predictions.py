"""The ``roles`` output record: the printed p_org is on the same side of the cut as the kind
printed next to it (kind is decided on the unrounded probability)."""

from __future__ import annotations

import numpy as np
import pytest

from staffpulse.models import ROLES
from staffpulse.signals.role_predictions import RolePredictions, round_to_side


def _predictions(p_org: list[float], threshold: float = 0.5) -> RolePredictions:
    kind = ["org" if p >= threshold else "person" for p in p_org]
    scores = np.full((len(p_org), len(ROLES)), 1.0 / len(ROLES))
    return RolePredictions(
        p_org=np.array(p_org),
        kind=kind,
        role=["other"] * len(p_org),
        role_scores=scores,
        org_threshold=threshold,
    )


def test_a_person_just_under_the_cut_is_not_printed_at_it() -> None:
    out = _predictions([0.49996, 0.49995, 0.5, 0.500004])
    records = [out.record(i) for i in range(len(out))]
    assert [(r["kind"], r["p_org"]) for r in records] == [
        ("person", 0.4999),
        ("person", 0.4999),
        ("org", 0.5),
        ("org", 0.5),
    ]


def test_values_away_from_the_cut_are_rounded_as_usual() -> None:
    out = _predictions([0.12345678, 0.98765, 0.0, 1.0])
    assert [out.record(i)["p_org"] for i in range(4)] == [0.1235, 0.9877, 0.0, 1.0]


@pytest.mark.parametrize("threshold", [0.5, 0.35, 0.123456])
def test_printed_p_org_and_kind_always_agree(threshold: float) -> None:
    """Around any cut, on or off the grid of printed decimals."""
    p = np.concatenate(
        [threshold + np.linspace(-3e-4, 3e-4, 601), np.random.default_rng(0).random(2000)]
    )
    out = _predictions(p.clip(0, 1).tolist(), threshold)
    for i in range(len(out)):
        rec = out.record(i)
        assert (rec["p_org"] >= threshold) == (rec["kind"] == "org"), (p[i], rec)
        assert abs(rec["p_org"] - p[i]) <= 1e-4 + 1e-12


def test_round_to_side_only_moves_a_value_that_would_cross_the_cut() -> None:
    assert round_to_side(0.49996, 0.5, above=False) == 0.4999
    assert round_to_side(0.49996, 0.4, above=True) == 0.5  # far from this cut: plain rounding
    assert round_to_side(0.12342, 0.12341, above=True) == 0.1235
