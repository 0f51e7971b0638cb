"""The segments a cohort file gives, kept in the store for the commands run without it.

The demo benchmarks the sample with its cohort file and its league table calls @harborline a
staffing firm; the inbox, and a benchmark run later without the file, called it what the role
model read, a recruiter (QA s38). So a benchmark with a file that names segments keeps them
(:mod:`staffpulse.store.segments`), and one without a file takes a kept segment before the
model's guess: it is the user's word, marked as a cohort file's, not a guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from staffpulse.models import Account
from staffpulse.store import Store
from staffpulse.store.segments import remember_segments, stored_segments

UNKNOWN = "unknown"  # a cohort line without a segment, as the benchmark keys it


def keep_given_segments(
    store: Store,
    cohort_file: Path | str,
    accounts: Sequence[Account],
    given: Sequence[str],
    marked: Sequence[bool],
) -> None:
    """Keep the segments ``cohort_file`` names (``given``, one per account), but the role
    model's guesses a league CSV read back carries (``marked``)."""
    kept = [
        (account.platform, account.id, segment)
        for account, segment, guess in zip(accounts, given, marked, strict=True)
        if segment != UNKNOWN and not guess
    ]
    remember_segments(store, kept, Path(str(cohort_file)).name)


def with_kept_segments(
    store: Store, accounts: Sequence[Account], given: Sequence[str]
) -> list[str]:
    """``given`` with each unknown segment the store keeps for its account filled in."""
    kept = {
        (platform, account_id): segment
        for platform, account_id, _h, segment in stored_segments(store)
    }
    return [
        kept.get((account.platform, account.id), UNKNOWN) if segment == UNKNOWN else segment
        for account, segment in zip(accounts, given, strict=True)
    ]
