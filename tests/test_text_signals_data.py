"""The templated training posts of ``scripts/text_signals_data.py``: the questions to peers
(an experiment, off by default) are hard negatives and leave the other templates as they
were, so a run without them reproduces the shipped model's training set."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest


@pytest.fixture
def data_module() -> Iterator[ModuleType]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    try:
        import text_signals_data

        yield text_signals_data
    finally:
        sys.path.pop(0)


def test_peer_questions_are_work_talk_but_no_job_opening(data_module: ModuleType) -> None:
    texts, labels = data_module.synthetic(20, 20, seed=3, n_peer=30)
    peers = texts[40:]
    assert len(peers) == 30
    assert all("?" in t for t in peers)
    assert labels["job_opening"][40:].tolist() == [0] * 30
    assert labels["work_topic"][40:].tolist() == [1] * 30
    assert labels["personality"].tolist() == [-1] * 70  # left to the real posts


def test_peer_questions_leave_the_other_templates_unchanged(data_module: ModuleType) -> None:
    without, y_without = data_module.synthetic(25, 25, seed=0)
    with_peers, y_with = data_module.synthetic(25, 25, seed=0, n_peer=10)
    assert with_peers[:50] == without
    assert y_with["job_opening"][:50].tolist() == y_without["job_opening"].tolist()


def test_templates_hold_no_unfilled_placeholder(data_module: ModuleType) -> None:
    texts, _ = data_module.synthetic(60, 60, seed=1, n_peer=60)
    assert not [t for t in texts if "{" in t or "}" in t]
