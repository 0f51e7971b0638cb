"""Optional models around listening: roles of authors, post signals, relevance of stored posts.

Every model here is optional. When the artifact of the role model or of the post-signals model
is missing or unreadable, listening logs why and degrades to the heuristics documented in
``docs/listen.md`` instead of failing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from staffpulse.connect.cohort_roles import stored_roles_by_id
from staffpulse.errors import ModelError
from staffpulse.listen.relevance import RelevanceFilter, TopicScorer
from staffpulse.listen.schema import RelevanceRow, save_relevance
from staffpulse.listen.threads import Conversation
from staffpulse.listen.work_rescue import rejudge_stored
from staffpulse.signals.role_inputs import (
    ROLE_SURE,
    RoleInput,
    RoleModelLike,
    best_role_scores,
    predict_role_inputs,
    role_input,
)
from staffpulse.store import Store

# The role model must be sure of an opener's role (its harmonised score reaches ROLE_SURE)
# before the inbox states it ("started by a recruiter") or tunes the angle to it. Chosen on
# out-of-fold scores of the 500 role-labeled accounts (scripts/eval_role_cut.py): the roles a
# reason names are right 89% of the time from that bar, 66% with no cut (docs/listen.md).


_ROLE_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("job_board", re.compile(r"\bjob ?board\b|\bjobs? (feed|alerts?)\b|^tmj_", re.I)),
    ("vendor", re.compile(r"\bATS\b|\bHR ?tech\b|\bsoftware\b|\bplatform for\b|\btraining\b|"
                          r"\bworkshops?\b|\binvest(or|ing)\b", re.I)),
    ("staffing_firm", re.compile(r"\bstaffing\b|\brecruitment agency\b|\btemp agency\b", re.I)),
    ("recruiter", re.compile(r"\brecruit(er|ing|ment)\b|\btalent acquisition\b|\bsourcer\b", re.I)),
    ("hr_pro", re.compile(r"\bHR\b|\bhuman resources\b|\bpeople (ops|operations|team)\b|\bCHRO\b")),
    ("job_seeker", re.compile(r"\b(looking for|seeking) (work|a job|a role|opportunities)\b|"
                              r"\bopen to work\b", re.I)),
)  # fmt: skip


def heuristic_role(handle: str, about: str) -> str | None:
    """A role from cues in the account's handle and in ``about`` (its display name and bio),
    used only when the role model is absent: a job board's handle ("tmj_chi_it") and a role
    written in the display name ("Jane Doe | Tech Recruiter") are cues the model reads
    otherwise."""
    for role, pattern in _ROLE_CUES:
        if pattern.search(about) or (
            role in ("job_board", "staffing_firm") and pattern.search(handle)
        ):
            return role
    return None


def author_roles(
    store: Store, conversations: Sequence[Conversation], model: RoleModelLike | None
) -> dict[str, str]:
    """Role of each conversation opener (author id -> role) where it is known: the segment a
    cohort file gave it (kept in the store by the benchmark: the demo's league table called
    @harborline a staffing firm and the inbox a recruiter), else :func:`guessed_roles`."""
    guessed = guessed_roles(store, conversations, model)
    given = stored_roles_by_id(store)
    for conv in conversations:
        author = conv.opening.author_id
        if author and (role := given.get((conv.opening.platform, author))) is not None:
            guessed[author] = role
    return guessed


def guessed_roles(
    store: Store, conversations: Sequence[Conversation], model: RoleModelLike | None
) -> dict[str, str]:
    """Role of each conversation opener (author id -> role) where it is known with confidence:
    the role model's score of its best role reaches :data:`ROLE_SURE` (a weak guess says
    nothing); without the model, cues in the handle, display name and bio."""
    authors: dict[tuple[str, str], list[str]] = {}
    for conv in conversations:
        opening = conv.opening
        if not opening.author_id:  # saved without its author: no role to guess, not one shared
            continue
        authors.setdefault((opening.platform, opening.author_id), []).append(opening.text)
    ids: list[str] = []
    inputs: list[RoleInput] = []  # the model's reading: display name (else handle) and bio
    cues: list[tuple[str, str]] = []  # the heuristic's: handle, and display name with bio
    for (platform, author_id), posts in authors.items():
        account = store.get_account(platform, author_id)
        handle = account.handle if account else ""
        display = (account.display_name if account else "") or ""
        bio = (account.bio if account else "") or ""
        if not (handle or display or bio) and model is None:
            continue
        ids.append(author_id)
        # the same reading of an account as `staffpulse roles` and Connect give it; a list
        # of posts: the role model scores them one by one
        inputs.append(role_input(display, handle or author_id, bio, posts[:20]))
        cues.append((handle or "", f"{display} {bio}".strip()))
    if not ids:
        return {}
    if model is not None:
        try:
            predicted = predict_role_inputs(model, inputs)
            roles = [str(r) for r in predicted.role]
            scores = best_role_scores(predicted, len(ids))
        except (ModelError, ValueError, AttributeError, TypeError):
            roles, scores = [], []
        # a model that gave no role or no score for each: the cues below, as with no model
        if len(roles) == len(ids) and all(score is not None for score in scores):
            return {
                i: r
                for i, r, score in zip(ids, roles, scores, strict=True)
                if score is not None and score >= ROLE_SURE
            }
    out: dict[str, str] = {}
    for author_id, (handle, about) in zip(ids, cues, strict=True):
        role = heuristic_role(handle, about)
        if role:
            out[author_id] = role
    return out


@dataclass(frozen=True, slots=True)
class OpeningSignals:
    job: dict[str, float]
    humor: dict[str, float]
    job_threshold: float
    work: dict[str, float] = field(default_factory=dict)  # the classifier's p(work_topic)
    work_threshold: float | None = None  # the classifier's own, None without it


def opening_signals(
    conversations: Sequence[Conversation], model: TopicScorer | None
) -> OpeningSignals:
    """``job_opening``, ``humor`` and ``work_topic`` of each conversation's opening, batched."""
    if model is None or not conversations:
        return OpeningSignals({}, {}, 0.5)
    texts = [c.opening.text for c in conversations]
    try:
        scores = model.score(texts, signals=("job_opening", "humor", "work_topic"))
    except (ModelError, ValueError, KeyError):
        return OpeningSignals({}, {}, 0.5)
    job = scores.get("job_opening")
    humor = scores.get("humor")
    work = scores.get("work_topic")
    ids = [c.id for c in conversations]
    thresholds = getattr(model, "thresholds_", {}) or {}

    def by_id(values: Any) -> dict[str, float]:
        return {i: float(v) for i, v in zip(ids, values, strict=True)} if values is not None else {}

    return OpeningSignals(
        by_id(job),
        by_id(humor),
        float(thresholds.get("job_opening", 0.5)),
        by_id(work),
        float(thresholds.get("work_topic", 0.5)),
    )


def index_stored_posts(
    store: Store,
    relevance: RelevanceFilter,
    platform: str | None = None,
    batch_size: int = 2000,
) -> int:
    """Judge the relevance of stored posts never judged before; returns how many were judged.

    This is how posts from any importer (X, Mastodon, the sample cohort) enter the inbox.
    Every verdict is kept (``relevant`` 0/1), so no post is scored twice; verdicts made under
    older rules are judged again once, from their stored score (:func:`rejudge_stored`).
    """
    if relevance.scorer is not None and relevance.threshold is not None:
        rejudge_stored(store, relevance.threshold)
    rows = store.conn.execute(
        "SELECT p.platform, p.id, p.author_id, p.text FROM posts p LEFT JOIN listen_relevance r"
        " ON r.platform = p.platform AND r.post_id = p.id"
        " WHERE r.post_id IS NULL AND p.kind != 'repost' AND p.text != ''"
        " AND (? IS NULL OR p.platform = ?)",
        (platform, platform),
    ).fetchall()
    for start in range(0, len(rows), batch_size):
        chunk = rows[start : start + batch_size]
        verdicts = relevance.judge([r[3] for r in chunk])
        with store.transaction() as conn:
            save_relevance(
                conn,
                (
                    RelevanceRow(r[0], r[1], v.score, v.keywords, "store", v.keep)
                    for r, v in zip(chunk, verdicts, strict=True)
                ),
            )
    return len(rows)
