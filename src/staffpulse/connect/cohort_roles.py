"""Roles from the user's own cohort file (``connect --cohort FILE``): where the file says what an
account is (its segment), connect shows that, not the role model's guess. QA s36: the benchmark's
league table called @harborline a staffing firm (the cohort file's segment) while connect called
it a recruiter (the model's reading), one account with two labels.

A segment is read as ``--role`` reads a role (``staffing firm``, ``HR``, ``agency``,
``brands``); one that names no role (``healthcare clients``) leaves the model's guess.

Without ``--cohort``, the segments the store keeps from the last cohort file benchmarked
(:mod:`staffpulse.store.segments`) are used the same way, by connect and by the inbox: the demo's
league table still called @harborline a staffing firm and the inbox a recruiter (QA s38)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from staffpulse.connect.choices import role_key
from staffpulse.models import ROLES, Account
from staffpulse.store.segments import stored_segments

if TYPE_CHECKING:  # the benchmark reads the file; ranking needs none of it
    from staffpulse.benchmark.cohort import CohortEntry, CohortProblem
    from staffpulse.store import Store

CohortRoles = Mapping[tuple[str | None, str], str]
"""The role of each account a cohort file names: ``(platform or None, handle in lower case)``."""


def cohort_roles(entries: Iterable[CohortEntry]) -> dict[tuple[str | None, str], str]:
    """The role each entry's segment names, by (platform, handle); segments naming no role
    are left out (the model's guess stands)."""
    roles: dict[tuple[str | None, str], str] = {}
    for entry in entries:
        if (role := segment_role(entry.segment)) is not None:
            roles[entry.platform, entry.handle.lower()] = role
    return roles


def segment_role(segment: str | None) -> str | None:
    """The role a segment names (``hr`` -> ``hr_pro``), None when it names none."""
    role = role_key(segment) if segment else ""
    return role if role in ROLES else None


def stored_cohort_roles(store: Store) -> dict[tuple[str | None, str], str]:
    """The roles the segments kept in the store name, by (platform, handle in lower case), as
    :func:`cohort_roles` gives a file's."""
    return {
        (platform, handle.lower()): role
        for platform, _id, handle, segment in stored_segments(store)
        if handle and (role := segment_role(segment)) is not None
    }


def stored_roles_by_id(store: Store) -> dict[tuple[str, str], str]:
    """The roles the segments kept in the store name, by (platform, account id): the inbox's
    way in, read as :func:`segment_role` reads them for connect, so one mapping labels both."""
    return {
        (platform, account_id): role
        for platform, account_id, _handle, segment in stored_segments(store)
        if (role := segment_role(segment)) is not None
    }


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
