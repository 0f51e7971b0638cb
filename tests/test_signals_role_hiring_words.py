"""A recruiter, an HR person or a staffing firm says some word of hiring (issue #8, stop 32):
without one anywhere, those roles go to other. Hand-written accounts."""

from __future__ import annotations

import numpy as np
import pytest

from role_helpers import rules_off
from staffpulse.models import ROLES
from staffpulse.signals.role_hiring_words import (
    drop_roles_without_hiring_words,
    says_a_hiring_word,
)
from staffpulse.signals.roles import load_role_model


@pytest.mark.parametrize(
    ("name", "bio", "posts"),
    [
        ("ann_recruits", "Dog mom.", None),
        ("Jane Smith", "Talent partner at Acme.", None),
        ("Jane Smith", "HR generalist in Leeds.", None),
        ("Acme", "Nurses for hospitals across Ohio.", ["Now placing ICU nurses in Columbus."]),
        ("Jane Smith", "Mom of two.", ["My client is hiring a CFO."]),
        ("Priya", "Head of People at a bakery.", None),
    ],
)
def test_an_account_of_the_hiring_world_says_a_hiring_word(
    name: str, bio: str, posts: list[str] | None
) -> None:
    assert says_a_hiring_word(name, bio, posts)


@pytest.mark.parametrize(
    "bio",
    [
        "Senior Pastor at Grace Chapel and inventory control manager at a pickle company.",
        "Historian of 1970s pop science. Research fellow. #histodons",
        "Geographer of borders and migration law. Assistant Professor. #geography",
    ],
)
def test_an_account_outside_it_says_none(bio: str) -> None:
    assert not says_a_hiring_word("Tom Reyes", bio, ["Sunday service at 10, all welcome."])


def test_a_pastor_the_heads_call_a_recruiter_is_other() -> None:
    model = load_role_model()
    bio = "Senior Pastor at Grace Chapel and inventory control manager at a pickle company."
    with rules_off(model, "hiring_words"):
        assert model.predict(["Tom Reyes"], [bio], None).role == ["recruiter"]
    out = model.predict(["Tom Reyes"], [bio], None)
    assert out.role == ["other"] and out.kind == ["person"]


def test_only_the_gated_roles_of_unrelated_accounts_move() -> None:
    scores = np.zeros((3, len(ROLES)))
    scores[0, ROLES.index("recruiter")], scores[0, ROLES.index("other")] = 0.6, 0.4
    scores[1, ROLES.index("recruiter")], scores[1, ROLES.index("other")] = 0.6, 0.4
    scores[2, ROLES.index("vendor")], scores[2, ROLES.index("recruiter")] = 0.7, 0.3
    names, bios = ["Tom Reyes", "Jane Smith", "Tom Reyes"], ["Pastor.", "Recruiter.", "Pastor."]
    out = drop_roles_without_hiring_words(names, bios, [None] * 3, scores)
    assert out[0, ROLES.index("other")] == pytest.approx(1.0)
    assert out[0, ROLES.index("recruiter")] == 0.0
    np.testing.assert_array_equal(out[1:], scores[1:])  # a recruiter's word; a vendor's role
