"""Is a post about work, hiring, recruiting, HR, careers or staffing? Batched, local.

Two deciders, used together or alone:

* the ``work_topic`` classifier of :mod:`staffpulse.signals.text` (the default), scored on
  whole batches: keep a post when ``p >= threshold``;
* a keywords file (``--keywords FILE``): one term or phrase a line, matched case-insensitively
  on word boundaries; ``#tag`` matches the hashtag; a leading ``-`` excludes; lines starting
  with ``# `` (hash and space) or ``//`` are comments.

A post is kept when no exclude term matches and (a keyword matches or the classifier says
yes). Without a classifier, keywords alone decide; with neither, a built-in vocabulary is used.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from staffpulse.errors import InputError, ModelError

# Used only when no classifier can be loaded and no keywords file was given.
BUILTIN_KEYWORDS: tuple[str, ...] = (
    "hiring",
    "recruiter",
    "recruiters",
    "recruiting",
    "recruitment",
    "staffing",
    "talent acquisition",
    "job search",
    "job seekers",
    "job seeker",
    "interview",
    "interviews",
    "resume",
    "résumé",
    "cover letter",
    "onboarding",
    "human resources",
    "hr",
    "workplace",
    "layoffs",
    "layoff",
    "remote work",
    "return to office",
    "salary",
    "salaries",
    "career",
    "careers",
    "candidate",
    "candidates",
    "hiring manager",
    "job offer",
    "employees",
    "employer",
    "manager",
    "coworkers",
    "#hiring",
    "#recruiting",
    "#hr",
    "#jobsearch",
    "#staffing",
    "#careers",
)


class TopicScorer(Protocol):
    """What listening needs of the post-signals model (``load_text_signals()``)."""

    thresholds_: dict[str, float]

    def score(
        self, texts: Sequence[str], signals: Sequence[str] = ...
    ) -> dict[str, np.ndarray[Any, Any]]: ...


@dataclass(frozen=True)
class Keywords:
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    _include_re: re.Pattern[str] | None = field(default=None, repr=False, compare=False)
    _exclude_re: re.Pattern[str] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def of(cls, include: Sequence[str], exclude: Sequence[str] = ()) -> Keywords:
        inc = tuple(dict.fromkeys(t.strip().lower() for t in include if t.strip()))
        exc = tuple(dict.fromkeys(t.strip().lower() for t in exclude if t.strip()))
        return cls(inc, exc, _compile(inc), _compile(exc))

    def matches(self, text: str) -> list[str]:
        if self._include_re is None:
            return []
        return list(dict.fromkeys(m.group(0).lower() for m in self._include_re.finditer(text)))

    def excluded(self, text: str) -> bool:
        return self._exclude_re is not None and self._exclude_re.search(text) is not None


def _compile(terms: Sequence[str]) -> re.Pattern[str] | None:
    if not terms:
        return None
    parts = []
    for term in sorted(terms, key=len, reverse=True):
        body = r"\s+".join(re.escape(word) for word in term.split())
        parts.append(rf"(?<!\w){body}(?!\w)")
    return re.compile("|".join(parts), re.IGNORECASE)


def load_keywords(path: Path) -> Keywords:
    """Read a keywords file (format in the module docstring and docs/listen.md)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(
            f"{path}: cannot read the keywords file ({exc.strerror})",
            hint="give a text file with one keyword or phrase a line",
        ) from exc
    include: list[str] = []
    exclude: list[str] = []
    for line in lines:
        term = line.strip()
        if not term or term.startswith("// ") or term == "#" or term.startswith("# "):
            continue
        (exclude if term.startswith("-") else include).append(term.lstrip("-").strip())
    if not include and not exclude:
        raise InputError(f"{path}: no keywords in the file", hint="write one term a line")
    return Keywords.of(include, exclude)


def load_default_scorer() -> TopicScorer | None:
    """The shipped post-signals model, or ``None`` when it is not available (yet)."""
    try:
        from staffpulse.signals.text import load_text_signals
    except ImportError:
        return None
    try:
        model: TopicScorer = load_text_signals()
    except (ModelError, OSError):
        return None
    return model


@dataclass(frozen=True, slots=True)
class Verdict:
    keep: bool
    score: float  # the classifier's p(work_topic), or 1.0/0.0 from keywords alone
    keywords: tuple[str, ...]


class RelevanceFilter:
    """Decides relevance for a batch of texts at once."""

    def __init__(
        self,
        scorer: TopicScorer | None = None,
        keywords: Keywords | None = None,
        threshold: float | None = None,
    ) -> None:
        self.scorer = scorer
        if scorer is None and keywords is None:
            keywords = Keywords.of(BUILTIN_KEYWORDS)
        self.keywords = keywords
        self.threshold = threshold
        if threshold is None and scorer is not None:
            self.threshold = float(getattr(scorer, "thresholds_", {}).get("work_topic", 0.5))

    @property
    def description(self) -> str:
        parts = []
        if self.scorer is not None:
            parts.append(f"work_topic classifier (p >= {self.threshold:.2f})")
        if self.keywords is not None and self.keywords.include:
            parts.append(f"{len(self.keywords.include)} keywords")
        if self.keywords is not None and self.keywords.exclude:
            parts.append(f"{len(self.keywords.exclude)} exclusions")
        return " + ".join(parts)

    def scores(self, texts: Sequence[str]) -> np.ndarray[Any, np.dtype[np.float64]]:
        """p(work_topic) per text (classifier), or keyword hits as 1.0/0.0."""
        if not texts:
            return np.zeros(0)
        if self.scorer is not None:
            out = self.scorer.score(list(texts), signals=("work_topic",))["work_topic"]
            return np.asarray(out, dtype=np.float64)
        kw = self.keywords
        return np.array([1.0 if kw and kw.matches(t) else 0.0 for t in texts])

    def judge(self, texts: Sequence[str]) -> list[Verdict]:
        scores = self.scores(texts)
        threshold = self.threshold if self.threshold is not None else 0.5
        verdicts = []
        for text, score in zip(texts, scores, strict=True):
            hits = tuple(self.keywords.matches(text)) if self.keywords else ()
            excluded = self.keywords.excluded(text) if self.keywords else False
            by_model = self.scorer is not None and score >= threshold
            keep = not excluded and (bool(hits) or by_model)
            verdicts.append(Verdict(keep, float(score), hits))
        return verdicts
