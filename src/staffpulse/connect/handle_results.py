"""What an ``add-handles`` run hands back: each handle's row (:class:`PendingHandle`), what the
run did with it (:class:`HandleOutcome`), the whole run (:class:`AddReport`,
:class:`HandlesRun`) and what ``--json`` prints of them; kept apart from
:mod:`staffpulse.connect.handles`, which does the adding."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from staffpulse.connect.fetching import Unreachable
from staffpulse.connect.handle_files import HandlesRead
from staffpulse.errors import AuthError


@dataclass(frozen=True, slots=True)
class PendingHandle:
    platform: str
    handle: str
    status: str  # pending | fetched | known
    account_id: str | None
    role: str | None
    source: str | None
    message: str | None
    added_at: str

    def as_dict(self) -> dict[str, str | None]:
        return {
            "platform": self.platform,
            "handle": self.handle,
            "status": self.status,
            "account_id": self.account_id,
            "role": self.role,
            "source": self.source,
            "message": self.message,
            "added_at": self.added_at,
        }


@dataclass(frozen=True, slots=True)
class HandleOutcome:
    """What one run did with one handle."""

    handle: PendingHandle
    new: bool  # False: it was on the handles list already (an earlier run, or --retry)
    tried: bool  # a fetch was attempted (it may have failed)
    # the outage that kept this handle from being fetched, or that its own failure revealed
    unreachable: Unreachable | None = None
    # the token it waits for: a retry, online or not, fetches it only once the token is set
    missing_credentials: AuthError | None = None
    # what its platform said of the account fetched (moved, suspended): FetchedAccount.notes
    notes: tuple[str, ...] = ()


@dataclass
class AddReport:
    """The outcome of each handle, in order, and the services that could not be reached."""

    outcomes: list[HandleOutcome]
    unreachable: list[Unreachable]

    @property
    def added(self) -> list[PendingHandle]:
        """Handles new to the list in this run."""
        return [o.handle for o in self.outcomes if o.new]

    @property
    def already_listed(self) -> list[PendingHandle]:
        """Handles the list had already (their status is refreshed, never duplicated)."""
        return [o.handle for o in self.outcomes if not o.new]

    @property
    def notes(self) -> list[str]:
        """What the platforms said of the accounts fetched besides (a Mastodon account that
        moved, or is suspended), in order."""
        return [note for o in self.outcomes for note in o.notes]

    @property
    def waiting_for_credentials(self) -> list[HandleOutcome]:
        """Outcomes of the handles kept pending because their platform's token is missing."""
        return [o for o in self.outcomes if o.missing_credentials is not None]


@dataclass(frozen=True, slots=True)
class HandlesRun:
    """One ``add-handles`` run: the files read, what adding did, and the pending handles when
    they were asked for (None: not asked)."""

    read: HandlesRead
    report: AddReport
    pending: list[PendingHandle] | None = None

    def as_dict(self) -> dict[str, Any]:
        """What ``add-handles --json`` prints."""
        report = self.report
        return {
            "added": [h.as_dict() for h in report.added],
            "already_listed": [h.as_dict() for h in report.already_listed],
            "unreachable": [u.as_dict() for u in report.unreachable],
            # pending until a token is set: no retry fetches them, online or not
            "waiting_for_credentials": [o.handle.as_dict() for o in report.waiting_for_credentials],
            "notes": report.notes,
            "problems": [p.as_dict() for p in self.read.problems],
            "duplicates": self.read.duplicates,
            "pending": None if self.pending is None else [h.as_dict() for h in self.pending],
        }
