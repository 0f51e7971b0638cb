"""Test doubles for the listen tests: a post-signals scorer and a role model.

They follow the contracts of ``staffpulse.signals.text`` and ``staffpulse.signals.roles`` so the
listen code is tested without the trained artifacts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

_WORK = re.compile(
    r"hiring|recruit|candidate|interview|hr\b|workplace|salary|onboarding|layoff|employer|"
    r"job|career|burnout|remote work|return to office|counteroffer|referral|contract-to-hire",
    re.IGNORECASE,
)
_JOB = re.compile(r"we're hiring|now hiring|apply now|join our team|#hiring", re.IGNORECASE)
_HUMOR = re.compile(r"\blol\b|haha|🤣", re.IGNORECASE)


class FakeScorer:
    """``score(texts, signals)`` -> arrays in [0, 1], like ``load_text_signals()``."""

    thresholds_: ClassVar[dict[str, float]] = {
        "work_topic": 0.5,
        "job_opening": 0.5,
        "humor": 0.5,
        "personality": 0.5,
    }

    def __init__(self) -> None:
        self.calls: list[int] = []

    def score(
        self,
        texts: Sequence[str],
        signals: Sequence[str] = ("job_opening", "personality", "humor", "work_topic"),
    ) -> dict[str, np.ndarray[Any, Any]]:
        self.calls.append(len(texts))
        patterns = {"work_topic": _WORK, "job_opening": _JOB, "humor": _HUMOR}
        out: dict[str, np.ndarray[Any, Any]] = {}
        for name in signals:
            pattern = patterns.get(name)
            out[name] = np.array(
                [0.9 if pattern is not None and pattern.search(t) else 0.1 for t in texts]
            )
        return out


class SureScorer(FakeScorer):
    """The post model sure that each post is about work (as the real one is of a short "Acme
    employees today:") and no job opening unless ``job`` gives a text's score: for tests of
    what the wording decides, not the model."""

    def __init__(self, job: dict[str, float] | None = None) -> None:
        super().__init__()
        self.job = job or {}

    def score(
        self,
        texts: Sequence[str],
        signals: Sequence[str] = ("job_opening", "personality", "humor", "work_topic"),
    ) -> dict[str, np.ndarray[Any, Any]]:
        out = super().score(texts, signals)
        if "work_topic" in signals:
            out["work_topic"] = np.full(len(texts), 0.95)
        if "job_opening" in signals:
            out["job_opening"] = np.array([self.job.get(t, 0.1) for t in texts])
        return out


@dataclass
class _Roles:
    role: list[str]
    p_org: list[float]
    role_scores: np.ndarray[Any, Any]


class FakeRoles:
    """Recruiter when the name or bio says "recruit", HR when it says "HR", sure of it (0.95)
    unless the bio hedges with "maybe" (0.6); else other."""

    def predict(self, names: Sequence[str], bios: Sequence[str], texts: Sequence[str]) -> _Roles:
        from staffpulse.models import ROLES

        roles = []
        scores = np.zeros((len(names), len(ROLES)))
        for i, (name, bio) in enumerate(zip(names, bios, strict=True)):
            blob = f"{name} {bio}".lower()
            role = (
                "recruiter" if "recruit" in blob else "hr_pro" if "hr" in blob.split() else "other"
            )
            roles.append(role)
            sure = 0.6 if "maybe" in blob.split() else 0.95
            scores[i] = (1 - sure) / (len(ROLES) - 1)
            scores[i, ROLES.index(role)] = sure
        return _Roles(roles, [0.5] * len(roles), scores)
