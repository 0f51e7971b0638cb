"""Moving role scores, the step the rules after the heads share: each row still sums to 1."""

from __future__ import annotations

import numpy as np
import pytest

from staffpulse.models import ROLES
from staffpulse.signals.role_score_moves import move_role_scores, persons_tagged, roles_but

OTHER, RECRUITER, HR = ROLES.index("other"), ROLES.index("recruiter"), ROLES.index("hr_pro")


def test_the_moved_roles_scores_go_to_the_target_and_the_rest_stay() -> None:
    scores = np.full((2, len(ROLES)), 1 / len(ROLES))
    out = move_role_scores(scores, [1], [RECRUITER, HR], OTHER)
    assert out[1, RECRUITER] == 0.0 and out[1, HR] == 0.0
    assert out[1, OTHER] == pytest.approx(3 / len(ROLES))
    assert out.sum(axis=1) == pytest.approx([1.0, 1.0])
    assert out[0].tolist() == scores[0].tolist()  # a row not named is left alone
    assert scores[1, RECRUITER] == 1 / len(ROLES)  # the input is not changed


def test_a_rule_that_makes_a_role_keeps_the_roles_it_leaves_out() -> None:
    scores = np.full((1, len(ROLES)), 1 / len(ROLES))
    out = move_role_scores(scores, [0], roles_but("vendor"), RECRUITER)
    assert out[0, RECRUITER] == pytest.approx(1 - 1 / len(ROLES))
    assert out[0, ROLES.index("vendor")] == 1 / len(ROLES)
    assert roles_but(*ROLES) == []


def test_no_rows_leave_the_scores_as_they_are() -> None:
    scores = np.eye(len(ROLES))
    assert move_role_scores(scores, [], [RECRUITER], OTHER) is scores


def test_a_rule_reads_only_the_persons_tagged_with_its_roles() -> None:
    # rows: a person tagged other, an organization tagged other, a person tagged recruiter,
    # a person tagged hr_pro, and one at the person's bound itself (read as an organization)
    scores = np.eye(len(ROLES))[[OTHER, OTHER, RECRUITER, HR, OTHER]]
    p_org = np.array([0.2, 0.8, 0.1, 0.3, 0.5])
    assert persons_tagged(scores, p_org, [OTHER]) == [0]
    assert persons_tagged(scores, p_org, [OTHER, RECRUITER]) == [0, 2]
