"""Roles from the user's own cohort file (``connect --cohort FILE``): where the file says what an
account is (its segment), connect shows that, not the role model's guess. QA s36: the benchmark's
league table called @harborline a staffing firm (the cohort file's segment) while connect called
it a recruiter (the model's reading), one account with two labels.

A segment is read as ``--role`` reads a role (``staffing firm``, ``HR``, ``agency``,
``brands``); one that names no role (``healthcare clients``) leaves the model's guess."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from staffpulse.connect.choices import role_key
from staffpulse.models import ROLES, Account

if TYPE_CHECKING:  # the benchmark reads the file; ranking needs none of it
    from staffpulse.benchmark.cohort import CohortEntry, CohortProblem

CohortRoles = Mapping[tuple[str | None, str], str]
"""The role of each account a cohort file names: ``(platform or None, handle in lower case)``."""


def cohort_roles(entries: Iterable[CohortEntry]) -> dict[tuple[str | None, str], str]:
    """The role each entry's segment names, by (platform, handle); segments naming no role
    are left out (the model's guess stands)."""
    roles: dict[tuple[str | None, str], str] = {}
    for entry in entries:
        role = role_key(entry.segment) if entry.segment else ""
        if role in ROLES:
            roles[entry.platform, entry.handle.lower()] = role
    return roles


def read_cohort_roles(
    path: Path,
) -> tuple[dict[tuple[str | None, str], str], list[CohortProblem]]:
    """The roles a cohort file gives (:func:`cohort_roles`), and the lines it skipped, for a
    front end to tell as the benchmark tells them; ``InputError`` when the file cannot be
    read."""
    from staffpulse.benchmark.cohort import read_cohort  # only with a cohort file

    entries, problems = read_cohort(path)
    return cohort_roles(entries), problems


def given_role(roles: CohortRoles | None, account: Account) -> str | None:
    """The role the cohort file gives ``account``: by its platform and handle, else by its
    handle on a line that names no platform; None when the file does not name it."""
    if not roles:
        return None
    handle = account.handle.lower()
    return roles.get((account.platform, handle)) or roles.get((None, handle))
