"""What one who-to-follow ranking is asked for: its thresholds (:class:`SuggestOptions`, each
default explained in docs/connect.md) and the roles it keeps (:class:`RoleFilter`)."""

from __future__ import annotations

from dataclasses import dataclass

from staffpulse.connect.cohort_roles import CohortRoles
from staffpulse.connect.explain import MOSTLY_ADS_SHARE
from staffpulse.connect.graph import HALF_LIFE_DAYS
from staffpulse.connect.reach_back import DEFAULT_INACTIVE_DAYS, MOST_INACTIVE_DAYS
from staffpulse.errors import InputError


@dataclass(frozen=True, slots=True)
class SuggestOptions:
    """Thresholds of the ranking; each default is explained in docs/connect.md."""

    inactive_days: int = DEFAULT_INACTIVE_DAYS
    half_life_days: float = HALF_LIFE_DAYS
    include_contacts: bool = False
    include_unseen: bool = False
    job_bot_share: float = MOSTLY_ADS_SHARE  # the share the explanation says 'mostly job ads' from
    min_posts_for_bot: int = 3
    include_job_ads: bool = False  # keep automated job feeds and accounts posting mostly ads
    cohort: CohortRoles | None = None  # roles the user's cohort file gives (connect --cohort)
    # half the score: an account that posts without a voice and never replies reads at most
    # 50, below an otherwise-similar one that talks with people (0.3 let it read 70 alone)
    citizen_weight: float = 0.5
    batch: int = 200

    def __post_init__(self) -> None:
        # Told as bad input (exit 65), not left to fail as a date before year 1
        if not 1 <= self.inactive_days <= MOST_INACTIVE_DAYS:
            raise InputError(
                f"--inactive-days must be from 1 to {MOST_INACTIVE_DAYS:,} "
                f"(got {self.inactive_days})",
                hint="give a whole number of days, e.g. 90 (a quarter of silence)",
            )


@dataclass(frozen=True, slots=True)
class RoleFilter:
    """Which roles the ranking keeps, from ``--role``."""

    wanted: set[str] | None  # None: every role
    outsiders_out: bool  # role ``other`` (brands, public figures) is left out
    shows_all: bool = False  # --role any: those whose posts cross a line are shown, last
