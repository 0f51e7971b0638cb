"""Moving role scores from some roles to another, the one step the rules after the heads share,
and the accounts such a rule reads (:func:`rows_tagged`, :func:`persons_tagged`).

A rule that rules a role out (a former recruiter, a coach of seekers) or in (a recruiter known
by their posts) moves the scores of the roles it rules out to the role it stands for, so each
row still sums to 1 and the heads' other scores stay.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import numpy as np

from staffpulse.models import ROLES

__all__ = [
    "PERSON_P_ORG",
    "move_employers_to_other",
    "move_role_scores",
    "persons_tagged",
    "roles_but",
    "rows_tagged",
]

#: the heads' ``p_org`` under which a rule reads the account as a person's
PERSON_P_ORG = 0.5


def roles_but(*kept: str) -> list[int]:
    """The columns of every role but ``kept``: what a rule that makes a role moves to it."""
    return [i for i, role in enumerate(ROLES) if role not in kept]


def move_role_scores(
    scores: np.ndarray, rows: Sequence[int], sources: Iterable[int], target: int
) -> np.ndarray:
    """Role scores ``[n, len(ROLES)]`` in which, for ``rows``, the scores of the ``sources``
    columns are added to ``target`` and set to 0. ``scores`` is not changed; with no rows it
    is returned as it is."""
    if not rows:
        return scores
    moved = [j for j in sources if j != target]
    out = np.array(scores, dtype=np.float64, copy=True)
    out[rows, target] += out[np.ix_(rows, moved)].sum(axis=1)
    out[np.ix_(rows, moved)] = 0.0
    return out


def rows_tagged(scores: np.ndarray, roles: Sequence[int]) -> list[int]:
    """The rows whose top role is one of the ``roles`` columns: the only accounts a rule that
    moves those roles' scores needs to read."""
    rows: list[int] = np.flatnonzero(np.isin(scores.argmax(axis=1), roles)).tolist()
    return rows


def persons_tagged(scores: np.ndarray, p_org: np.ndarray, roles: Sequence[int]) -> list[int]:
    """The rows of the accounts the heads call a person (``p_org`` under
    :data:`PERSON_P_ORG`) whose top role is one of the ``roles`` columns."""
    tagged = np.isin(scores.argmax(axis=1), roles) & (p_org < PERSON_P_ORG)
    rows: list[int] = np.flatnonzero(tagged).tolist()
    return rows


def move_employers_to_other(
    bios: Sequence[str | None], scores: np.ndarray, is_no_employer: Callable[[str | None], bool]
) -> np.ndarray:
    """Role scores ``[n, len(ROLES)]`` in which an account tagged employer whose bio
    ``is_no_employer`` reads (a party's, a newspaper's) has its employer score moved to other:
    by the guidelines an employer talks of its own brand, and what fits no role is other. Only
    the accounts tagged employer are read; ``scores`` is not changed."""
    employer, other = ROLES.index("employer"), ROLES.index("other")
    rows = [i for i in rows_tagged(scores, [employer]) if is_no_employer(bios[i])]
    return move_role_scores(scores, rows, [employer], other)
