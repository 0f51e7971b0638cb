"""The Connect page's reads, for :class:`staffpulse.web.data.Backend`: who to follow, as the
form chose, and the lines of the cohort file it could not use (``connect --cohort`` tells them
as notes; the page lists them the same way)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from staffpulse.store import Store

if TYPE_CHECKING:
    from staffpulse.benchmark.cohort import CohortProblem
    from staffpulse.connect.cohort_roles import CohortRoles
    from staffpulse.connect.suggest import SuggestReport

T = TypeVar("T")
USE_COHORT = "cohort"  # the form's choice that reads roles from the cohort file (--cohort)


@dataclass(frozen=True)
class ConnectChoices:
    """What the Connect form chose besides the account. Hashable: it is part of the cache key,
    so each choice (a date, a number of days) gets its own ranking."""

    role: str | None
    limit: int
    include: frozenset[str]  # "contacts", "unseen", "job_ads"; "cohort": its roles (--cohort)
    as_of: datetime | None  # None: as of the newest post of the platform, like the CLI
    inactive_days: int


def suggestions_key(handle: str, platform: str, choices: ConnectChoices) -> tuple[Any, ...]:
    """The cache key of :meth:`ConnectMixin.suggestions` (the Connect page's background job's)."""
    return ("connect", handle.lower(), platform, choices)


class ConnectMixin:
    """Mixed into ``Backend``, which provides the store, the cache and the cohort."""

    if TYPE_CHECKING:

        def store(self) -> AbstractContextManager[Store]: ...

        def cached(self, key: Any, compute: Callable[[], T], read_at: int | None = None) -> T: ...

        def cohort(self) -> Path | None: ...

        def cohort_label(self) -> str | None: ...

    def suggestions(self, handle: str, platform: str, choices: ConnectChoices) -> SuggestReport:
        """Who to follow, as the Connect form chose (:class:`ConnectChoices`)."""
        from staffpulse.connect.suggest import SuggestOptions, suggest_report

        cohort = self.cohort() if USE_COHORT in choices.include else None  # connect --cohort

        def compute() -> SuggestReport:
            options = SuggestOptions(
                inactive_days=choices.inactive_days,
                include_contacts="contacts" in choices.include,
                include_unseen="unseen" in choices.include,
                include_job_ads="job_ads" in choices.include,
                cohort=None if cohort is None else self._cohort_roles(cohort)[0],
            )
            with self.store() as store:
                return suggest_report(
                    store,
                    handle,
                    platform,
                    choices.role,
                    choices.limit,
                    choices.as_of,
                    options=options,
                )

        return self.cached(suggestions_key(handle, platform, choices), compute)

    def _cohort_roles(self, cohort: Path) -> tuple[CohortRoles, list[CohortProblem]]:
        """The roles the cohort file gives and the lines it could not use, read once for every
        ranking and the page's list of those lines; ``InputError`` (not kept) when the file
        cannot be read."""
        from staffpulse.connect.cohort_roles import read_cohort_roles

        return self.cached(("connect cohort", str(cohort)), lambda: read_cohort_roles(cohort))

    def connect_cohort_problems(self) -> list[CohortProblem]:
        """The lines of the cohort file whose roles Connect reads that it could not use as
        written, each under the file's name as the user knows it (not where an upload is kept):
        ``connect --cohort`` prints them as notes, and a page that hid them showed roles from a
        file half read without a word. An unreadable file is left to the ranking to refuse."""
        from staffpulse.errors import StaffpulseError

        cohort = self.cohort()
        if cohort is None:
            return []
        try:
            problems = self._cohort_roles(cohort)[1]
        except StaffpulseError:
            return []
        label = self.cohort_label() or cohort.name
        return [replace(p, file=label) for p in problems]
