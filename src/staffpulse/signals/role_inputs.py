"""What the role model reads of an account, built in one place for every command.

``staffpulse roles`` reads a file's ``name`` (a display name, else the handle), bio and posts;
Connect and ``add-handles`` read stored accounts. Both build their input here, so that one
account gets one role whichever command asks: Connect once passed the handle as the name, and
an ATS vendor called "HireLoop" (@hireloop_ats) read as a staffing firm there and as a vendor
in ``staffpulse roles``.

The model's harmonised score of its best role is also given (:func:`best_role_scores`): a role
is stated plainly only from :data:`ROLE_SURE` (the bar the inbox uses, from out-of-fold scores
of the 500 role-labelled accounts, docs/listen.md); below it a caller says it is a guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

# Defined here, and imported by signals.roles: that module loads scikit-learn, and Connect
# builds its inputs before knowing whether a model loads at all.
TextInput = str | Sequence[str] | None

__all__ = [
    "ROLE_SURE",
    "RoleInput",
    "RoleModelLike",
    "best_role_scores",
    "predict_role_inputs",
    "role_input",
]

ROLE_SURE = 0.9
"""A best-role score from which the role is stated without a "maybe" (the inbox's bar)."""


class RoleModelLike(Protocol):
    def predict(
        self, names: Sequence[str], bios: Sequence[str], texts: Sequence[TextInput]
    ) -> Any: ...  # RolePredictions(p_org, kind, role, role_scores)


@dataclass(frozen=True, slots=True)
class RoleInput:
    """One account as the role model reads it."""

    name: str
    bio: str
    posts: TextInput = None


def role_input(
    display_name: str | None, handle: str | None, bio: str | None, posts: TextInput = None
) -> RoleInput:
    """The name the model reads is the display name, else the handle (as in ``staffpulse
    roles``, whose ``name`` field falls back to ``display_name`` and then ``handle``)."""
    name = (display_name or "").strip() or (handle or "").strip()
    return RoleInput(name=name, bio=bio or "", posts=posts)


def predict_role_inputs(model: RoleModelLike, inputs: Sequence[RoleInput]) -> Any:
    """The model's predictions (``RolePredictions``) for ``inputs``, in order."""
    return model.predict(
        [i.name for i in inputs], [i.bio for i in inputs], [i.posts for i in inputs]
    )


def best_role_scores(predictions: Any, n: int) -> list[float | None]:
    """The score of each account's best role (None for each when the model gave none)."""
    scores = getattr(predictions, "role_scores", None)
    if scores is None:
        return [None] * n
    try:
        table = np.asarray(scores, dtype=np.float64)
    except (TypeError, ValueError):  # not a table of numbers: no score to give
        return [None] * n
    if table.ndim != 2 or table.shape[0] != n or table.shape[1] == 0:
        return [None] * n
    return [float(v) for v in table.max(axis=1)]
