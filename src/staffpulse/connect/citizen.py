"""Good-citizen signals of candidate accounts, and the optional models behind them.

* **voice**: the share (0-100) of an account's own posts (originals, replies, quotes) that the
  post-signals model finds have personality or humor;
* **conversation**: the share (0-100) of those posts that are replies;
* **job share**: the share the post-signals model labels as job openings (for job-ad bots);
  without the model, the job-ad patterns (:func:`staffpulse.signals.job_ads.looks_like_job_ad`)
  stand in.

The role model (``staffpulse.signals.roles.load_role_model_or_none``) and the post-signals
model (``staffpulse.signals.text.load_text_signals_or_none``) are optional here: when their
artifacts are missing or unreadable, the reason is logged, roles and voice are unknown and the
ranking uses the graph alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Protocol

import numpy as np

from staffpulse.connect.crossing import count_crossing
from staffpulse.connect.hiring_talk import count_hiring_posts, talks_hiring
from staffpulse.connect.own_posts import OwnPosts, own_text
from staffpulse.models import Account, Post
from staffpulse.signals.job_ads import looks_like_job_ad
from staffpulse.signals.role_inputs import (
    ROLE_SURE,
    best_role_scores,
    predict_role_inputs,
    role_input,
)
from staffpulse.signals.role_inputs import (
    RoleModelLike as RoleModelLike,
)
from staffpulse.signals.role_labels import role_label
from staffpulse.signals.role_thin import role_is_no_finding

# said beside a role the user's cohort file gives (connect.cohort_roles): "staffing firm (...)"
FROM_COHORT = "your cohort file"
POSITIVE = 0.5
"""A post-signal score at or above this counts as a positive label."""


class TextScorerLike(Protocol):
    def score(self, texts: Sequence[str]) -> Mapping[str, Any]: ...


@dataclass(frozen=True, slots=True)
class Citizen:
    """What a candidate's own posts say about it."""

    posts: int  # all stored posts up to the ranking date, reposts included
    last_post: datetime | None
    voice: int | None  # 0-100, None without the post-signals model or own posts
    conversation: int | None  # 0-100, None without own posts
    job_share: float | None  # 0-1, None without the post-signals model or own posts
    later_posts: int = 0  # posts after the ranking date: not counted in any figure here
    next_post: datetime | None = None  # the first of those later posts
    judged: int | None = None  # own posts voice and conversation were read from (None: untold)
    hiring_posts: int | None = None  # of those, how many talk about hiring (None: untold)
    # the texts of those posts, read for what crosses a line only when the account is shown
    own_texts: tuple[str, ...] = ()
    # of those, how many cross a line (:func:`with_crossing`); None: not read yet
    crossing: int | None = None

    @property
    def crossing_posts(self) -> int:
        """Of the posts judged, how many are hostile, NSFW or partisan
        (:func:`~staffpulse.connect.crossing.crosses_for_connect`, the inbox's verdicts): a
        recruiter praised for "a lively voice" called voters vermin in 4 of its 10 posts (QA
        s40). The count :func:`with_crossing` stored, else read now (a citizen built by hand)."""
        return self.crossing if self.crossing is not None else count_crossing(self.own_texts)

    @property
    def talks_hiring(self) -> bool:
        """Whether its own posts talk about hiring often enough (connect.hiring_talk): an
        account outside the trade that does is a hiring manager, a staffing firm's buyer."""
        return talks_hiring(self.hiring_posts, self.judged)


def with_crossing(citizen: Citizen) -> Citizen:
    """The citizen with its crossing posts counted, once: about a millisecond a post, read only
    for the accounts that could be shown, too slow for every candidate a ranking reads."""
    if citizen.crossing is not None:
        return citizen
    return replace(citizen, crossing=count_crossing(citizen.own_texts))


def fewest_posts() -> int:
    """Own posts needed before voice and conversation are judged: the user's ``[audit]
    min_posts`` (10 by default), below which the audit calls its own shares rough."""
    from staffpulse.audit.config import audit_settings  # on use: ranking needs no audit

    return int(audit_settings()["min_posts"])


def judges_voice(judged: int | None, min_posts: int) -> bool:
    """Whether voice and conversation read from ``judged`` own posts say anything: not from
    fewer than ``min_posts`` ("a lively voice (100)" from a brand's one post is a guess).
    Untold (None) counts as judged, as for a report built by hand."""
    return judged is None or judged >= min_posts


@dataclass(frozen=True, slots=True)
class RoleGuess:
    """The role model's best role for an account and its score (0-1)."""

    role: str
    score: float | None  # None when the model gave no scores
    given: bool = False  # the user's cohort file says so (connect.cohort_roles), not the model

    @property
    def sure(self) -> bool:
        """Whether the role may be stated plainly (:data:`ROLE_SURE`, the inbox's bar)."""
        return self.score is None or self.score >= ROLE_SURE

    @property
    def label(self) -> str:
        """The role as people read it: ``vendor`` when the model is sure, ``maybe vendor``
        below the bar (a guess at 0.44 is not stated as a fact); ``other`` reads ``outside
        hiring``."""
        # "other" says nothing to a marketer who asked for --role any: say what it means
        said = "outside hiring" if self.role == "other" else role_label(self.role)
        if self.given:  # the user's own word: the benchmark's segment, not a guess
            return f"{said} ({FROM_COHORT})"
        return said if self.sure else f"maybe {said}"


def guess_roles(
    model: RoleModelLike | None, accounts: Sequence[Account], posts: Sequence[Sequence[Post]]
) -> list[RoleGuess | None]:
    """The best role of each account and its score (None when no model, or for an account
    that gives the model next to nothing to read: :func:`~staffpulse.signals.role_thin.
    role_is_no_finding`); ``posts`` are the accounts' own posts. The model reads what
    ``staffpulse roles`` reads (display name, else handle; bio; posts), built by
    :func:`staffpulse.signals.role_inputs.role_input`."""
    if model is None or not accounts:
        return [None] * len(accounts)
    # One list per account: the role model scores posts one by one, as it was trained.
    inputs = [
        role_input(a.display_name, a.handle, a.bio, [p.text for p in own_text(ps)[-20:]])
        for a, ps in zip(accounts, posts, strict=True)
    ]
    predictions = predict_role_inputs(model, inputs)
    roles = getattr(predictions, "role", None)
    if roles is None or len(roles) != len(accounts):
        return [None] * len(accounts)
    scores = best_role_scores(predictions, len(accounts))
    # From a name alone the model answers anyway, often "sure": that is no finding to show
    return [
        RoleGuess(str(r), s)
        if r is not None and not role_is_no_finding(str(r), i.name, i.bio, i.posts)
        else None
        for r, s, i in zip(list(roles), scores, inputs, strict=True)
    ]


def predict_roles(
    model: RoleModelLike | None, accounts: Sequence[Account], posts: Sequence[Sequence[Post]]
) -> list[str | None]:
    """One role per account (None when no model): the best guess of :func:`guess_roles`."""
    return [g.role if g else None for g in guess_roles(model, accounts, posts)]


def citizen_signals(
    scorer: TextScorerLike | None,
    reads: Sequence[OwnPosts],
    roles: Sequence[str | None] | None = None,
) -> list[Citizen]:
    """Voice, conversation and job share per account from its latest posts in its own words
    (:mod:`staffpulse.connect.own_posts`, as of the ranking date), scoring every text in one
    batch. ``roles`` (one per account, None: unknown) limits counting hiring posts to role
    ``other``, the only role whose ranking they change (about 1 candidate in 20); without
    ``roles`` every account's are counted."""
    if roles is not None and len(roles) != len(reads):
        raise ValueError("roles must have one entry per account")
    recent = [r.recent for r in reads]
    scores: dict[str, np.ndarray[Any, np.dtype[np.float64]]] = {}
    flat = [p.text for ps in recent for p in ps]
    if scorer is not None and flat:
        raw = scorer.score(flat)
        scores = {k: np.asarray(v, dtype=np.float64) for k, v in raw.items()}
    out: list[Citizen] = []
    start = 0
    for i, (read, mine) in enumerate(zip(reads, recent, strict=True)):
        stop = start + len(mine)
        counts_hiring = roles is None or roles[i] == "other"
        voice: int | None = None
        job: float | None = None
        if mine and "personality" in scores:
            human = scores["personality"][start:stop] >= POSITIVE
            if "humor" in scores:
                human |= scores["humor"][start:stop] >= POSITIVE
            voice = round(100 * float(human.mean()))
        if mine and "job_opening" in scores:
            job = float((scores["job_opening"][start:stop] >= POSITIVE).mean())
        elif mine and scorer is None:
            job = sum(looks_like_job_ad(p.text) for p in mine) / len(mine)
        conversation = (
            round(100 * sum(p.kind == "reply" for p in mine) / len(mine)) if mine else None
        )
        out.append(
            Citizen(
                posts=read.total,
                last_post=read.last_post,
                voice=voice,
                conversation=conversation,
                job_share=job,
                later_posts=read.later,
                next_post=read.next_post,
                judged=len(mine),
                hiring_posts=count_hiring_posts([p.text for p in mine]) if counts_hiring else None,
                own_texts=tuple(p.text for p in mine),
            )
        )
        start = stop
    return out
