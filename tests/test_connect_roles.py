"""Connect's roles: the same input as ``staffpulse roles``, and a guess said as one.

The shipped role model is read offline (it is packaged with staffpulse); the accounts are
written here, after the two a tester set up: an ATS maker and a recruiter trainer whose
handles read like a staffing firm and a recruiter.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from connect_fixtures import NOW, FakeScorer, add_posts, build_store, make_post, reply_post
from staffpulse.connect import suggest_report
from staffpulse.connect.citizen import guess_roles
from staffpulse.connect.export import export_suggestions
from staffpulse.models import ROLES, Account
from staffpulse.signals.role_inputs import ROLE_SURE
from staffpulse.signals.roles import load_role_model
from staffpulse.signals.roles_io import read_accounts, tag_records

VENDOR = Account(
    platform="x",
    id="id_hireloop_ats",
    handle="hireloop_ats",
    display_name="HireLoop",
    bio="The applicant tracking system small staffing firms actually like. ATS + CRM.",
)
TRAINER = Account(
    platform="x",
    id="id_recruitcraft",
    handle="recruitcraft",
    display_name="RecruitCraft Training",
    bio="We train recruiters to write better outreach. Workshops, coaching, templates.",
)
VENDOR_POSTS = ("New: interview scheduling inside the ATS.", "Our CRM now syncs with your inbox.")


def _roles_command(tmp_path: Path, records: list[dict[str, Any]]) -> dict[str, str]:
    """What ``staffpulse roles`` writes for these records (its library side): id -> role."""
    src = tmp_path / "accounts.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    out = io.StringIO()
    with read_accounts(src, lambda _: None) as recs:
        tag_records(load_role_model(), recs, out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    return {str(r["id"]): str(r["role"]) for r in rows}


def test_connect_and_the_roles_command_give_a_vendor_the_same_role(tmp_path: Path) -> None:
    # as `staffpulse accounts --json` writes them: handle, display_name, bio (and posts)
    records: list[dict[str, Any]] = [
        {"id": a.id, "handle": a.handle, "display_name": a.display_name, "bio": a.bio}
        for a in (VENDOR, TRAINER)
    ]
    records[0]["text"] = list(VENDOR_POSTS)
    by_roles = _roles_command(tmp_path, records)
    posts = [[make_post(f"v{i}", "hireloop_ats", 1 + i, t) for i, t in enumerate(VENDOR_POSTS)], []]
    by_connect = [
        g.role if g else None for g in guess_roles(load_role_model(), [VENDOR, TRAINER], posts)
    ]
    assert by_connect == [by_roles[VENDOR.id], by_roles[TRAINER.id]]
    # the tester's finding: by the handle alone these read "staffing firm" and "recruiter"
    assert by_connect == ["vendor", "vendor"]


def test_an_account_without_a_display_name_is_read_by_its_handle(tmp_path: Path) -> None:
    bare = Account(platform="x", id="id_b", handle="tmj_chi_jobs", bio="Chicago job alerts")
    by_roles = _roles_command(tmp_path, [{"id": "id_b", "handle": bare.handle, "bio": bare.bio}])
    (guess,) = guess_roles(load_role_model(), [bare], [[]])
    assert guess is not None and guess.role == by_roles["id_b"]


def test_connect_role_vendor_finds_the_ats_maker_and_says_the_role_is_a_guess() -> None:
    store = build_store()
    add_posts(
        store,
        VENDOR,
        reply_post(1, "rita_recruits", "hireloop_ats", 1),
        reply_post(2, "hannah_hr", "hireloop_ats", 2),
        *(make_post(f"v{i}", "hireloop_ats", 1 + i, t) for i, t in enumerate(VENDOR_POSTS)),
    )
    report = suggest_report(
        store,
        "acme_staffing",
        role="vendor",
        role_model=load_role_model(),
        scorer=FakeScorer(),
        now=NOW,
    )
    found = {s.handle: s for s in report.suggestions}
    assert "hireloop_ats" in found
    vendor = found["hireloop_ats"]
    assert vendor.role == "vendor" and vendor.role_score is not None
    assert vendor.role_score < ROLE_SURE  # about 0.6: a guess, said as one
    assert vendor.explanation.startswith("maybe vendor · ")
    as_json = vendor.as_dict()
    assert as_json["role"] == "vendor" and as_json["role_sure"] is False
    assert 0 < as_json["role_score"] < ROLE_SURE
    csv = export_suggestions(report.suggestions, "csv").text
    assert ",maybe vendor,vendor," in csv


@dataclass
class _Predictions:
    role: list[str]
    role_scores: np.ndarray


class _ScoredModel:
    """Every account gets ``role`` with ``score``."""

    def __init__(self, role: str, score: float) -> None:
        self.role, self.score = role, score

    def predict(self, names: Sequence[str], bios: Sequence[str], texts: Any) -> _Predictions:
        row = np.full(len(ROLES), (1 - self.score) / (len(ROLES) - 1))
        row[ROLES.index(self.role)] = self.score
        return _Predictions([self.role] * len(names), np.tile(row, (len(names), 1)))


@pytest.mark.parametrize(("score", "label"), [(0.44, "maybe recruiter"), (0.93, "recruiter")])
def test_a_role_is_stated_plainly_only_from_the_inboxs_bar(score: float, label: str) -> None:
    (guess,) = guess_roles(_ScoredModel("recruiter", score), [TRAINER], [[]])
    assert guess is not None and guess.role == "recruiter"
    assert guess.score == pytest.approx(score)
    assert guess.label == label
    report = suggest_report(
        build_store(),
        "acme_staffing",
        role="any",
        role_model=_ScoredModel("recruiter", score),
        scorer=FakeScorer(),
        now=NOW,
    )
    assert report.suggestions
    assert all(s.explanation.startswith(f"{label} · ") for s in report.suggestions)
