"""The last rule of the role tagger: no account's role is one its kind cannot play (stop 34)."""

from __future__ import annotations

import numpy as np

from staffpulse.models import ROLES
from staffpulse.signals.role_rules import fit_kinds_and_roles


def _row(**scores: float) -> list[float]:
    return [scores.get(role, 0.0) for role in ROLES]


def test_an_unsure_person_with_a_sure_employer_role_becomes_an_organization() -> None:
    p_org, scores = np.array([0.43]), np.array([_row(employer=0.75, other=0.25)])
    p, s = fit_kinds_and_roles(p_org, scores, 0.5)
    assert ROLES[int(s[0].argmax())] == "employer"
    # p_org is the org reading's share of the two heads' joint evidence, not a bare 0.5
    # that reads "unsure" beside the kind it chose: 0.43 * 0.75 against 0.57 * 0.25
    assert abs(p[0] - 0.43 * 0.75 / (0.43 * 0.75 + 0.57 * 0.25)) < 1e-9


def test_a_fitted_p_org_stays_on_the_side_of_the_threshold_its_kind_is() -> None:
    # with a threshold of 0.8 the org reading wins at a share of 0.69: p_org says org
    p_org, scores = np.array([0.43]), np.array([_row(employer=0.75, other=0.25)])
    p, _ = fit_kinds_and_roles(p_org, scores, 0.8)
    assert p[0] == 0.8


def test_a_person_tagged_employer_by_a_hair_keeps_the_kind_and_takes_its_best_role() -> None:
    # a campaign's account: p_org 0.29, employer 0.60, other 0.39 came out a person employer
    p_org, scores = np.array([0.29]), np.array([_row(employer=0.60, other=0.39, recruiter=0.01)])
    p, s = fit_kinds_and_roles(p_org, scores, 0.5)
    assert ROLES[int(s[0].argmax())] == "other"
    assert abs(p[0] - 0.29 * 0.60 / (0.29 * 0.60 + 0.71 * 0.39)) < 1e-9  # about 0.39
    assert s[0, ROLES.index("employer")] == 0.0 and abs(s[0].sum() - 1.0) < 1e-9


def test_an_organization_tagged_recruiter_is_fitted_too_and_fitting_rows_are_untouched() -> None:
    p_org = np.array([0.52, 0.9, 0.1])
    scores = np.array(
        [_row(recruiter=0.9, other=0.1), _row(employer=0.8, other=0.2), _row(recruiter=1.0)]
    )
    p, s = fit_kinds_and_roles(p_org, scores, 0.5)
    assert p[0] < 0.5 and ROLES[int(s[0].argmax())] == "recruiter"  # the kind follows
    assert p[1:].tolist() == [0.9, 0.1] and (s[1:] == scores[1:]).all()
