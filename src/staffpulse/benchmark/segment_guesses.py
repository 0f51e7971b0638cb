"""Segments the role model guesses for the accounts a benchmark ranks without one.

Without a cohort file every account was "No segment", so the classic claims (vendors against
staffing firms) were never tested on an imported crowd, though ``staffpulse roles`` tags those
very accounts. The benchmark asks the same tagger, reading what it reads (display name, else
handle; bio; the account's latest posts in its own words), and marks each segment it fills as a
guess. It guesses only when no segment was given (no cohort file, or a file of handles alone):
a file that names segments is the user's grouping, and its blank lines stay without one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from staffpulse.audit.types import AccountData
from staffpulse.connect.citizen import predict_roles
from staffpulse.models import Account
from staffpulse.signals.role_inputs import RoleModelLike
from staffpulse.store import Store
from staffpulse.store.segments import stored_segments

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


def read_as(model: RoleModelLike | None, data: AccountData) -> str | None:
    """The segment ``model`` reads one audited account as, as :func:`guess_segments` guesses
    it for the benchmark (``job_board``, ``recruiter``, ...); None without a model or for
    "other", which names nothing: a job board's audit never said it read it as one, while the
    benchmark of the same account did."""
    segments, guessed = guess_segments(model, [data], ["unknown"])
    return segments[0] if guessed[0] and segments[0] != "other" else None


def kept_segment(store: Store, account: Account) -> str | None:
    """The segment a cohort file gave ``account``, kept in ``store`` (the one the benchmark
    ranks it in, before any guess), or None: a staffing firm its cohort file names is advised
    as one though the role model reads it as a job board."""
    mine = (account.platform, account.id)
    kept = (seg for p, i, _, seg in stored_segments(store) if (p, i) == mine)
    return next(kept, None)
