"""The segment an account reads as: the one a cohort file gave it, else the role model's guess.

Without a cohort file every account was "No segment", so the classic claims (vendors against
staffing firms) were never tested on an imported crowd, though ``staffpulse roles`` tags those
very accounts. The benchmark asks the same tagger, reading what it reads (display name, else
handle; bio; the account's latest posts in its own words), and marks each segment it fills as a
guess. It guesses only when no segment was given (no cohort file, or a file of handles alone):
a file that names segments is the user's grouping, and its blank lines stay without one.

The audit reads one account the same way (:func:`read_segment`), its header and its advice
following one segment: a cohort file's, kept in the store, before any guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from staffpulse.audit.types import AccountData
from staffpulse.connect.citizen import predict_roles
from staffpulse.signals.role_inputs import RoleModelLike
from staffpulse.store import Store
from staffpulse.store.segments import kept_segment_of

# the role model's roles (staffpulse roles) as the benchmark's segments: an employer or a job
# seeker is in no segment of the claims, so "other"
ROLE_SEGMENTS = {
    "staffing_firm": "staffing_firm",
    "recruiter": "recruiter",
    "hr_pro": "hr",
    "vendor": "vendor",
    "job_board": "job_board",
    "employer": "other",
    "job_seeker": "other",
    "other": "other",
}

RoleModelChoice = RoleModelLike | Literal["auto"] | None


def choose_role_model(choice: RoleModelChoice) -> RoleModelLike | None:
    """The model to guess with: the shipped one for ``"auto"`` (None when it cannot be
    loaded: the reason is logged once, and the segments stay as given)."""
    if choice != "auto":
        return choice
    from staffpulse.signals.roles import load_role_model_or_none

    return load_role_model_or_none()


def guess_segments(
    model: RoleModelLike | None, datas: Sequence[AccountData], segments: Sequence[str]
) -> tuple[list[str], list[bool]]:
    """``segments`` (one per account of ``datas``, "unknown" when none was given) with each
    unknown one guessed by ``model``, and which of them were guessed."""
    out, guessed = list(segments), [False] * len(segments)
    todo = [i for i, segment in enumerate(segments) if segment == "unknown"]
    if model is None or not todo:
        return out, guessed
    # read as Connect's guesses read an account (name, bio, its latest posts in its own words)
    roles = predict_roles(model, [datas[i].account for i in todo], [datas[i].posts for i in todo])
    for i, role in zip(todo, roles, strict=True):
        if (segment := ROLE_SEGMENTS.get(role or "")) is not None:
            out[i], guessed[i] = segment, True
    return out, guessed


@dataclass(frozen=True)
class SegmentReading:
    """The segment an audited account reads as (``job_board``, ``recruiter``, ...) and the
    cohort file that gave it (its name), or None when the role model guessed it."""

    segment: str
    cohort_file: str | None = None


def read_segment(store: Store, data: AccountData, choice: RoleModelChoice) -> SegmentReading | None:
    """The segment the benchmark ranks the audited account in: the one a cohort file gave it
    (kept in ``store``), else the one the role model of ``choice`` guesses, as
    :func:`guess_segments` guesses it. The header and the advice both follow it: a staffing
    firm its cohort file names was advised as one under "Read as a job board", the model's.
    "other" (outside staffing) names no segment the header says, but the advice's words
    follow it (whom to talk with); None without a model. The model is not loaded when a file
    gave the segment."""
    account = data.account
    kept = kept_segment_of(store, account.platform, account.id)
    if kept is not None:
        segment, cohort_file = kept
        return SegmentReading(segment, cohort_file)
    segments, guessed = guess_segments(choose_role_model(choice), [data], ["unknown"])
    return SegmentReading(segments[0]) if guessed[0] else None
