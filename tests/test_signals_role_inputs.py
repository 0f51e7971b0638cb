"""What the role model reads of an account: the display name, else the handle, and the bio,
the same reading ``staffpulse roles`` makes of a file; the best role's score, or None."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from staffpulse.signals.role_inputs import (
    RoleInput,
    best_role_scores,
    predict_role_inputs,
    role_input,
)
from staffpulse.signals.roles_io import read_accounts


def test_the_name_read_is_the_display_name_else_the_handle() -> None:
    assert role_input("HireLoop", "hireloop_ats", "ATS for agencies") == RoleInput(
        "HireLoop", "ATS for agencies"
    )
    assert role_input("  ", "hireloop_ats", None, ["We ship"]) == RoleInput(
        "hireloop_ats", "", ["We ship"]
    )
    assert role_input(None, None, None).name == ""


@pytest.mark.parametrize(
    ("display_name", "handle"), [("HireLoop", "hireloop_ats"), ("", "hireloop_ats")]
)
def test_an_account_is_read_as_staffpulse_roles_reads_it_from_a_file(
    tmp_path: Path, display_name: str, handle: str
) -> None:
    bio = "The ATS for staffing agencies"
    path = tmp_path / "accounts.jsonl"
    record = {"handle": handle, "display_name": display_name, "bio": bio}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with read_accounts(path, on_skip=lambda why: None) as records:
        [read] = list(records)
    built = role_input(display_name, handle, bio)
    assert (built.name, built.bio) == (read.name, read.description)


class _Model:
    def __init__(self) -> None:
        self.seen: list[Any] = []

    def predict(
        self, names: Sequence[str], bios: Sequence[str], texts: Sequence[Any]
    ) -> SimpleNamespace:
        self.seen = [list(names), list(bios), list(texts)]
        return SimpleNamespace(role_scores=[[0.2, 0.95], [0.5, 0.1]])


def test_the_model_gets_the_inputs_in_order_and_the_best_score_of_each() -> None:
    model = _Model()
    inputs = [role_input("Rosa", "rosa", "Recruiter"), role_input(None, "acme", "Staffing")]
    predictions = predict_role_inputs(model, inputs)
    assert model.seen == [["Rosa", "acme"], ["Recruiter", "Staffing"], [None, None]]
    assert best_role_scores(predictions, 2) == [0.95, 0.5]


@pytest.mark.parametrize(
    "predictions",
    [SimpleNamespace(), SimpleNamespace(role_scores=[["high"]]), SimpleNamespace(role_scores=[])],
)
def test_no_usable_scores_give_none_for_each_account(predictions: Any) -> None:
    assert best_role_scores(predictions, 2) == [None, None]
