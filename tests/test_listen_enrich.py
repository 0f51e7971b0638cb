"""The inbox names an opener's role from the same reading of the account as `staffpulse roles`
and Connect: its display name (else its handle) and its bio, so one account gets one role."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np

from staffpulse.listen.enrich import author_roles
from staffpulse.listen.threads import Conversation
from staffpulse.models import Account, Post
from staffpulse.signals.role_inputs import ROLE_SURE
from staffpulse.sources.base import provenance
from staffpulse.store import open_store
from staffpulse.store.segments import remember_segments

NOW = datetime(2026, 11, 20, 12, tzinfo=UTC)


class RecordingModel:
    """Says vendor, sure or not, and keeps what it was asked."""

    def __init__(self, score: float) -> None:
        self.score = score
        self.asked: list[tuple[list[str], list[str]]] = []

    def predict(self, names: Any, bios: Any, texts: Any) -> SimpleNamespace:
        self.asked.append((list(names), list(bios)))
        scores = np.array([[self.score, 1 - self.score]] * len(names))
        return SimpleNamespace(role=np.array(["vendor"] * len(names)), role_scores=scores)


def _opened_by_vendor(tmp_path: Path) -> tuple[Any, list[Conversation]]:
    store = open_store(tmp_path / "s.db")
    vendor = Account(
        platform="x",
        id="7",
        handle="hireloop_ats",
        display_name="HireLoop",
        bio="The applicant tracking system small staffing firms like.",
    )
    opening = Post(
        platform="x",
        id="p1",
        author_id="7",
        author_handle="hireloop_ats",
        text="How long should a recruiter wait before following up with a candidate?",
        created_at=NOW,
        kind="original",
        conversation_id="p1",
    )
    store.upsert([vendor, opening], provenance("native", tmp_path / "in.jsonl"))
    return store, [Conversation("x", "p1", (opening,))]


def test_the_opener_is_read_by_display_name_and_bio_as_staffpulse_roles_reads_it(
    tmp_path: Path,
) -> None:
    store, conversations = _opened_by_vendor(tmp_path)
    model = RecordingModel(score=0.95)
    assert author_roles(store, conversations, model) == {"7": "vendor"}
    (names, bios), *_ = model.asked
    assert names == ["HireLoop"]
    assert bios == ["The applicant tracking system small staffing firms like."]


def test_a_role_the_model_is_unsure_of_is_not_named(tmp_path: Path) -> None:
    store, conversations = _opened_by_vendor(tmp_path)
    unsure = RecordingModel(score=ROLE_SURE - 0.3)
    assert author_roles(store, conversations, unsure) == {}


def _opened_by(tmp_path: Path, account: Account) -> tuple[Any, list[Conversation]]:
    store = open_store(tmp_path / "s.db")
    opening = Post(
        platform="x",
        id="p1",
        author_id=account.id,
        author_handle=account.handle,
        text="Any tips for a first interview at a bank?",
        created_at=NOW,
        kind="original",
        conversation_id="p1",
    )
    store.upsert([account, opening], provenance("native", tmp_path / "in.jsonl"))
    return store, [Conversation("x", "p1", (opening,))]


def test_without_the_model_a_job_board_is_known_by_its_handle(tmp_path: Path) -> None:
    bot = Account(platform="x", id="9", handle="tmj_chi_it", display_name="TMJ-CHI IT Jobs")
    store, conversations = _opened_by(tmp_path, bot)
    assert author_roles(store, conversations, None) == {"9": "job_board"}


def test_without_the_model_a_role_in_the_display_name_counts(tmp_path: Path) -> None:
    jane = Account(
        platform="x",
        id="5",
        handle="janedoe",
        display_name="Jane Doe | Tech Recruiter",
        bio="Coffee, code and candidates.",
    )
    store, conversations = _opened_by(tmp_path, jane)
    assert author_roles(store, conversations, None) == {"5": "recruiter"}


def test_a_segment_a_cohort_file_gave_is_the_openers_role_over_the_models(tmp_path: Path) -> None:
    """The demo's league table called a firm a staffing firm (its cohort file) and the inbox
    a recruiter (the model): the segment the benchmark kept is the role the inbox names."""
    store, conversations = _opened_by_vendor(tmp_path)
    remember_segments(store, [("x", "7", "hr")], "cohort.csv")
    assert author_roles(store, conversations, RecordingModel(score=0.95)) == {"7": "hr_pro"}
    assert author_roles(store, conversations, None) == {"7": "hr_pro"}
